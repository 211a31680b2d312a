// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_sample_client's bindings: one to every adapter, opened in
 * ProtocolBindAdapterEx; its ProtocolUnbindAdapterEx closes it, and pends
 * while the binding's SAP and AF are still going (their completions are
 * on their way to it).
 */
#include <linux/printk.h>
#include "client.h"
#include "client_frames.h"

static NDIS_IO_WORKITEM_FUNCTION SampleUnbindWork;

NDIS_HANDLE SampleProtocolHandle;
NDIS_SPIN_LOCK SampleLock;
LIST_ENTRY SampleBindings;

VOID SampleStep(PSAMPLE_BINDING B, const char *Step)
{
	pr_info("ndis_sample_client: %s: %s\n", B->Name, Step);
}

VOID SampleFailed(PSAMPLE_BINDING B, const char *Step, NDIS_STATUS Status)
{
	B->Failed = TRUE;
	pr_err("ndis_sample_client: %s: failed at %s: 0x%08x\n", B->Name, Step, (u32)Status);
}

_Use_decl_annotations_
NDIS_STATUS SampleBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
			      PNDIS_BIND_PARAMETERS BindParameters)
{
	NDIS_MEDIUM Media[] = { NdisMediumCoWan };
	NDIS_OPEN_PARAMETERS Open;
	PSAMPLE_BINDING B;
	NDIS_STATUS Status;
	UINT Selected, i;

	B = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, sizeof(*B), SAMPLE_TAG,
					      NormalPoolPriority);
	if (!B)
		return NDIS_STATUS_RESOURCES;
	NdisZeroMemory(B, sizeof(*B));
	for (i = 0; i < BindParameters->AdapterName->Length / sizeof(WCHAR) &&
		    i < sizeof(B->Name) - 1; i++)
		B->Name[i] = (char)BindParameters->AdapterName->Buffer[i];
	B->Refuses = !strcmp(B->Name, NDIS_SAMPLE_MP_NAME);
	if (BindParameters->MacAddressLength == NDIS_SAMPLE_MAC_LEN) {
		NdisMoveMemory(B->Mac, BindParameters->CurrentMacAddress, NDIS_SAMPLE_MAC_LEN);
		B->HasMac = TRUE;
	}
	B->Caller.Binding = B->Callee.Binding = B;
	/*
	 * One item per purpose: a work item must not be queued again before
	 * it ran (the second queueing would take the first one's place).
	 */
	B->WorkItem = NdisAllocateIoWorkItem(SampleProtocolHandle);
	B->AnswerWorkItem = NdisAllocateIoWorkItem(SampleProtocolHandle);
	B->UnbindWorkItem = NdisAllocateIoWorkItem(SampleProtocolHandle);
	if (!B->WorkItem || !B->AnswerWorkItem || !B->UnbindWorkItem) {
		Status = NDIS_STATUS_RESOURCES;
		goto fail;
	}
	NdisZeroMemory(&Open, sizeof(Open));
	Open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
	Open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
	Open.Header.Size = NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1;
	Open.AdapterName = BindParameters->AdapterName;
	Open.MediumArray = Media;
	Open.MediumArraySize = ARRAY_SIZE(Media);
	Open.SelectedMediumIndex = &Selected;
	Status = NdisOpenAdapterEx(SampleProtocolHandle, B, &Open, BindContext,
				   &B->NdisBindingHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		goto fail;
	NdisInterlockedInsertTailList(&SampleBindings, &B->Link, &SampleLock);
	return Status;
fail:
	if (B->WorkItem)
		NdisFreeIoWorkItem(B->WorkItem);
	if (B->AnswerWorkItem)
		NdisFreeIoWorkItem(B->AnswerWorkItem);
	if (B->UnbindWorkItem)
		NdisFreeIoWorkItem(B->UnbindWorkItem);
	NdisFreeMemoryWithTagPriority(SampleProtocolHandle, B, SAMPLE_TAG);
	return Status;
}

/* The binding goes: nothing of it is in flight any more. */
static VOID SampleUnbindFinish(PSAMPLE_BINDING B)
{
	PLIST_ENTRY Entry;

	NdisAcquireSpinLock(&SampleLock);
	RemoveEntryList(&B->Link);
	for (Entry = SampleBindings.Flink; Entry != &SampleBindings; Entry = Entry->Flink)
		if (CONTAINING_RECORD(Entry, SAMPLE_BINDING, Link)->Peer == B)
			CONTAINING_RECORD(Entry, SAMPLE_BINDING, Link)->Peer = NULL;
	NdisReleaseSpinLock(&SampleLock);
	NdisCloseAdapterEx(B->NdisBindingHandle);
	NdisFreeIoWorkItem(B->WorkItem);
	NdisFreeIoWorkItem(B->AnswerWorkItem);
	if (B->UnbindWorkItem)
		NdisFreeIoWorkItem(B->UnbindWorkItem);
	NdisFreeMemoryWithTagPriority(SampleProtocolHandle, B, SAMPLE_TAG);
}

/*
 * While its SAP and AF are going (a deregistration or a close pending),
 * the unbind pends: the last of their completions queues SampleUnbindWork.
 */
_Use_decl_annotations_
NDIS_STATUS SampleUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
	PSAMPLE_BINDING B = ProtocolBindingContext;
	BOOLEAN Waits;

	NdisAcquireSpinLock(&SampleLock);
	Waits = B->TearingDown;
	if (Waits)
		B->UnbindContext = UnbindContext;
	NdisReleaseSpinLock(&SampleLock);
	if (Waits) {
		SampleStep(B, "unbind waits for the SAP and the AF");
		return NDIS_STATUS_PENDING;
	}
	SampleUnbindFinish(B);
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static VOID SampleUnbindWork(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PSAMPLE_BINDING B = WorkItemContext;
	NDIS_HANDLE UnbindContext = B->UnbindContext;

	B->UnbindWorkItem = NULL;	/* this one: freed below, by its own routine */
	SampleUnbindFinish(B);
	NdisFreeIoWorkItem(NdisIoWorkItemHandle);
	NdisCompleteUnbindAdapterEx(UnbindContext);
}

/* The SAP and the AF are gone (or failed to): an unbind that waited goes on. */
VOID SampleTornDown(PSAMPLE_BINDING B)
{
	NDIS_HANDLE UnbindContext;

	NdisAcquireSpinLock(&SampleLock);
	B->TearingDown = FALSE;
	UnbindContext = B->UnbindContext;
	NdisReleaseSpinLock(&SampleLock);
	if (UnbindContext)
		NdisQueueIoWorkItem(B->UnbindWorkItem, SampleUnbindWork, B);
}

_Use_decl_annotations_
VOID SampleOpenAdapterComplete(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS Status)
{
}

_Use_decl_annotations_
VOID SampleCloseAdapterComplete(NDIS_HANDLE ProtocolBindingContext)
{
}
