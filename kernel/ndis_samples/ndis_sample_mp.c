// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_sample_mp: a CoNDIS miniport, written as the Windows DDK describes
 * one, against <net/condis_ndis.h>. Only its registration block (the end
 * of the file) is condis's: it makes one adapter, NDIS_SAMPLE_MP_NAME.
 *
 * A loopback wire: the two VCs a call manager activated on one channel
 * (their media-specific parameters, ndis_sample.h) are connected, and a
 * frame sent on one is indicated on the other, copied into the miniport's
 * own receive buffers. Every other frame is indicated with
 * NDIS_RECEIVE_FLAGS_RESOURCES (the miniport takes it back when the
 * indication returns), the others without (they come back through
 * MiniportReturnNetBufferLists). A frame that starts with
 * NDIS_SAMPLE_REFUSE is not sent: its NET_BUFFER_LIST completes with
 * NDIS_STATUS_INVALID_PACKET. Activations pend and complete from a work
 * item.
 */
#include <linux/module.h>
#include <net/net_namespace.h>
#include <net/condis.h>
#include <net/condis_ndis.h>
#include "ndis_sample.h"

#define SAMPLE_TAG	0x704d7353	/* 'pMsS' */
#define SAMPLE_MTU	2048

typedef struct _SAMPLE_ADAPTER {
	NDIS_HANDLE MiniportAdapterHandle;
	NDIS_SPIN_LOCK Lock;		/* Vcs, each VC's Channel and Active */
	LIST_ENTRY Vcs;
	NDIS_HANDLE RecvPool;
	LONG Outstanding;		/* indicated without the flag, not returned */
	LONG Indicated;
	LONG Refused;
	NDIS_HANDLE OidWorkItem;	/* answers an adapter-wide query, pended */
	PNDIS_OID_REQUEST PendingOid;
} SAMPLE_ADAPTER, *PSAMPLE_ADAPTER;

typedef struct _SAMPLE_MP_VC {
	LIST_ENTRY Link;
	PSAMPLE_ADAPTER Adapter;
	NDIS_HANDLE NdisVcHandle;
	ULONG Channel;
	BOOLEAN Active;
	NDIS_HANDLE WorkItem;
	PCO_CALL_PARAMETERS Activating;
} SAMPLE_MP_VC, *PSAMPLE_MP_VC;

static NDIS_HANDLE SampleMiniportDriverHandle;

static NDIS_IO_WORKITEM_FUNCTION SampleActivateWork;
static NDIS_IO_WORKITEM_FUNCTION SampleOidWork;

/* ---- adapter ---------------------------------------------------------------------------------------- */

_Use_decl_annotations_
static NDIS_STATUS SampleInitialize(NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext,
				    PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
	NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
	NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
	NET_BUFFER_LIST_POOL_PARAMETERS Pool;
	PSAMPLE_ADAPTER A;
	NDIS_STATUS Status;

	A = NdisAllocateMemoryWithTagPriority(NdisMiniportHandle, sizeof(*A), SAMPLE_TAG,
					      NormalPoolPriority);
	if (!A)
		return NDIS_STATUS_RESOURCES;
	NdisZeroMemory(A, sizeof(*A));
	A->MiniportAdapterHandle = NdisMiniportHandle;
	NdisAllocateSpinLock(&A->Lock);
	InitializeListHead(&A->Vcs);

	NdisZeroMemory(&Reg, sizeof(Reg));
	Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
	Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	Reg.MiniportAdapterContext = A;
	Reg.InterfaceType = NdisInterfaceInternal;
	Status = NdisMSetMiniportAttributes(NdisMiniportHandle,
					    (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
	if (Status != NDIS_STATUS_SUCCESS)
		goto fail;

	NdisZeroMemory(&Gen, sizeof(Gen));
	Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
	Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
	Gen.Header.Size = sizeof(Gen);
	Gen.MediaType = NdisMediumCoWan;
	Gen.MtuSize = SAMPLE_MTU;
	Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 1000000000ULL;
	Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
	Status = NdisMSetMiniportAttributes(NdisMiniportHandle,
					    (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
	if (Status != NDIS_STATUS_SUCCESS)
		goto fail;

	NdisZeroMemory(&Pool, sizeof(Pool));
	Pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	Pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	Pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	Pool.fAllocateNetBuffer = TRUE;
	Pool.PoolTag = SAMPLE_TAG;
	Pool.DataSize = SAMPLE_MTU;
	A->RecvPool = NdisAllocateNetBufferListPool(NdisMiniportHandle, &Pool);
	if (!A->RecvPool) {
		Status = NDIS_STATUS_RESOURCES;
		goto fail;
	}
	A->OidWorkItem = NdisAllocateIoWorkItem(NdisMiniportHandle);
	if (!A->OidWorkItem) {
		NdisFreeNetBufferListPool(A->RecvPool);
		Status = NDIS_STATUS_RESOURCES;
		goto fail;
	}
	return NDIS_STATUS_SUCCESS;
fail:
	NdisFreeMemoryWithTagPriority(NdisMiniportHandle, A, SAMPLE_TAG);
	return Status;
}

_Use_decl_annotations_
static VOID SampleHalt(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
	PSAMPLE_ADAPTER A = MiniportAdapterContext;

	pr_info("ndis_sample_mp: halted: %d frames indicated, %d refused, %d not returned\n",
		A->Indicated, A->Refused, A->Outstanding);
	NdisFreeIoWorkItem(A->OidWorkItem);
	NdisFreeNetBufferListPool(A->RecvPool);
	NdisFreeSpinLock(&A->Lock);
	NdisFreeMemoryWithTagPriority(A->MiniportAdapterHandle, A, SAMPLE_TAG);
}

_Use_decl_annotations_
static VOID SampleReturnNetBufferLists(NDIS_HANDLE MiniportAdapterContext,
				       PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{
	PSAMPLE_ADAPTER A = MiniportAdapterContext;
	PNET_BUFFER_LIST Nbl, Next;

	for (Nbl = NetBufferLists; Nbl; Nbl = Next) {
		Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
		NdisFreeNetBufferList(Nbl);
		NdisInterlockedDecrement(&A->Outstanding);
	}
}

/* ---- VCs --------------------------------------------------------------------------------------------- */

_Use_decl_annotations_
static NDIS_STATUS SampleCoCreateVc(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE NdisVcHandle,
				    PNDIS_HANDLE MiniportVcContext)
{
	PSAMPLE_ADAPTER A = MiniportAdapterContext;
	PSAMPLE_MP_VC Vc;

	Vc = NdisAllocateMemoryWithTagPriority(A->MiniportAdapterHandle, sizeof(*Vc), SAMPLE_TAG,
					       NormalPoolPriority);
	if (!Vc)
		return NDIS_STATUS_RESOURCES;
	NdisZeroMemory(Vc, sizeof(*Vc));
	Vc->Adapter = A;
	Vc->NdisVcHandle = NdisVcHandle;
	Vc->WorkItem = NdisAllocateIoWorkItem(A->MiniportAdapterHandle);
	if (!Vc->WorkItem) {
		NdisFreeMemoryWithTagPriority(A->MiniportAdapterHandle, Vc, SAMPLE_TAG);
		return NDIS_STATUS_RESOURCES;
	}
	NdisInterlockedInsertTailList(&A->Vcs, &Vc->Link, &A->Lock);
	*MiniportVcContext = Vc;
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCoDeleteVc(NDIS_HANDLE MiniportVcContext)
{
	PSAMPLE_MP_VC Vc = MiniportVcContext;
	PSAMPLE_ADAPTER A = Vc->Adapter;

	NdisAcquireSpinLock(&A->Lock);
	RemoveEntryList(&Vc->Link);
	NdisReleaseSpinLock(&A->Lock);
	NdisFreeIoWorkItem(Vc->WorkItem);
	NdisFreeMemoryWithTagPriority(A->MiniportAdapterHandle, Vc, SAMPLE_TAG);
	return NDIS_STATUS_SUCCESS;
}

/* Activation: the channel from the media parameters; completed later. */
_Use_decl_annotations_
static NDIS_STATUS SampleCoActivateVc(NDIS_HANDLE MiniportVcContext, PCO_CALL_PARAMETERS CallParameters)
{
	PSAMPLE_MP_VC Vc = MiniportVcContext;
	PCO_MEDIA_PARAMETERS M = CallParameters->MediaParameters;

	if (!M || M->MediaSpecific.ParamType != SAMPLE_MEDIA_CHANNEL ||
	    M->MediaSpecific.Length != sizeof(ULONG))
		return NDIS_STATUS_INVALID_DATA;
	Vc->Activating = CallParameters;
	NdisQueueIoWorkItem(Vc->WorkItem, SampleActivateWork, Vc);
	return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
static VOID SampleActivateWork(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PSAMPLE_MP_VC Vc = WorkItemContext;
	PSAMPLE_ADAPTER A = Vc->Adapter;
	PCO_CALL_PARAMETERS Cp = Vc->Activating;

	NdisAcquireSpinLock(&A->Lock);
	NdisMoveMemory(&Vc->Channel, Cp->MediaParameters->MediaSpecific.Parameters,
		       sizeof(ULONG));
	Vc->Active = TRUE;
	NdisReleaseSpinLock(&A->Lock);
	Vc->Activating = NULL;
	pr_info("ndis_sample_mp: an activation pended and completed\n");
	NdisMCoActivateVcComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, Cp);
}

_Use_decl_annotations_
static NDIS_STATUS SampleCoDeactivateVc(NDIS_HANDLE MiniportVcContext)
{
	PSAMPLE_MP_VC Vc = MiniportVcContext;

	NdisAcquireSpinLock(&Vc->Adapter->Lock);
	Vc->Active = FALSE;
	NdisReleaseSpinLock(&Vc->Adapter->Lock);
	return NDIS_STATUS_SUCCESS;
}

/* ---- data --------------------------------------------------------------------------------------------- */

/* The other active VC of @Vc's channel, or NULL. Called with A->Lock held. */
static PSAMPLE_MP_VC SamplePeer(PSAMPLE_MP_VC Vc)
{
	PSAMPLE_ADAPTER A = Vc->Adapter;
	PLIST_ENTRY Entry;

	for (Entry = A->Vcs.Flink; Entry != &A->Vcs; Entry = Entry->Flink) {
		PSAMPLE_MP_VC Other = CONTAINING_RECORD(Entry, SAMPLE_MP_VC, Link);

		if (Other != Vc && Other->Active && Other->Channel == Vc->Channel)
			return Other;
	}
	return NULL;
}

/* One frame onto the wire: to the peer's receive, in our own buffer. */
static NDIS_STATUS SampleWire(PSAMPLE_MP_VC Vc, PNET_BUFFER Nb)
{
	PSAMPLE_ADAPTER A = Vc->Adapter;
	UCHAR Head[sizeof(NDIS_SAMPLE_REFUSE) - 1];
	NDIS_HANDLE PeerVc = NULL;
	PNET_BUFFER_LIST Rx;
	PNET_BUFFER RxNb;
	ULONG Copied, Flags;
	PUCHAR Data;

	Data = NdisGetDataBuffer(Nb, sizeof(Head), Head, 1, 0);
	if (Data && NdisEqualMemory(Data, NDIS_SAMPLE_REFUSE, sizeof(Head))) {
		pr_info("ndis_sample_mp: a send refused\n");
		NdisInterlockedIncrement(&A->Refused);
		return NDIS_STATUS_INVALID_PACKET;
	}
	if (NET_BUFFER_DATA_LENGTH(Nb) > SAMPLE_MTU)
		return NDIS_STATUS_INVALID_LENGTH;
	NdisDprAcquireSpinLock(&A->Lock);
	if (Vc->Active && SamplePeer(Vc))
		PeerVc = SamplePeer(Vc)->NdisVcHandle;
	NdisDprReleaseSpinLock(&A->Lock);
	if (!PeerVc)
		return NDIS_STATUS_SUCCESS;	/* nobody at the other end: lost */
	Rx = NdisAllocateNetBufferList(A->RecvPool, 0, 0);
	if (!Rx)
		return NDIS_STATUS_RESOURCES;
	RxNb = NET_BUFFER_LIST_FIRST_NB(Rx);
	NET_BUFFER_DATA_LENGTH(RxNb) = NET_BUFFER_DATA_LENGTH(Nb);
	NdisCopyFromNetBufferToNetBuffer(RxNb, 0, NET_BUFFER_DATA_LENGTH(Nb), Nb, 0, &Copied);
	NET_BUFFER_DATA_LENGTH(RxNb) = Copied;
	/* every other frame: the receiver must copy it now */
	Flags = NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL;
	if (NdisInterlockedIncrement(&A->Indicated) & 1)
		Flags |= NDIS_RECEIVE_FLAGS_RESOURCES;
	else
		NdisInterlockedIncrement(&A->Outstanding);
	NdisMCoIndicateReceiveNetBufferLists(PeerVc, Rx, 1, Flags);
	if (Flags & NDIS_RECEIVE_FLAGS_RESOURCES) {
		pr_info("ndis_sample_mp: a receive indicated with NDIS_RECEIVE_FLAGS_RESOURCES came back at once\n");
		NdisFreeNetBufferList(Rx);
	}
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static VOID SampleCoSendNetBufferLists(NDIS_HANDLE MiniportVcContext, PNET_BUFFER_LIST NetBufferLists,
				       ULONG SendFlags)
{
	PSAMPLE_MP_VC Vc = MiniportVcContext;
	PNET_BUFFER_LIST Nbl;
	PNET_BUFFER Nb;
	NDIS_STATUS Status;

	for (Nbl = NetBufferLists; Nbl; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
		NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
		for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb; Nb = NET_BUFFER_NEXT_NB(Nb)) {
			Status = SampleWire(Vc, Nb);
			if (Status != NDIS_STATUS_SUCCESS)
				NET_BUFFER_LIST_STATUS(Nbl) = Status;
		}
	}
	NdisMCoSendNetBufferListsComplete(Vc->NdisVcHandle, NetBufferLists,
					  NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL);
}

_Use_decl_annotations_
static NDIS_STATUS SampleCoOidRequest(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE MiniportVcContext,
				      PNDIS_OID_REQUEST NdisRequest)
{
	PNDIS_CO_LINK_SPEED Speed;

	if (NdisRequest->RequestType != NdisRequestQueryInformation ||
	    NdisRequest->DATA.QUERY_INFORMATION.Oid != OID_GEN_CO_LINK_SPEED)
		return NDIS_STATUS_INVALID_OID;
	if (NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength < sizeof(*Speed)) {
		NdisRequest->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(*Speed);
		return NDIS_STATUS_BUFFER_TOO_SHORT;
	}
	if (!MiniportVcContext) {
		/* the adapter's: answered from the work item, as hardware would */
		PSAMPLE_ADAPTER A = MiniportAdapterContext;

		if (InterlockedCompareExchangePointer((PVOID *)&A->PendingOid, NdisRequest,
						      NULL))
			return NDIS_STATUS_RESOURCES;	/* one at a time */
		NdisQueueIoWorkItem(A->OidWorkItem, SampleOidWork, A);
		return NDIS_STATUS_PENDING;
	}
	Speed = NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;
	Speed->Outbound = Speed->Inbound = 10000000;	/* in 100 bps */
	NdisRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(*Speed);
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static VOID SampleOidWork(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PSAMPLE_ADAPTER A = WorkItemContext;
	PNDIS_OID_REQUEST Request = InterlockedExchangePointer((PVOID *)&A->PendingOid, NULL);
	PNDIS_CO_LINK_SPEED Speed = Request->DATA.QUERY_INFORMATION.InformationBuffer;

	Speed->Outbound = Speed->Inbound = 10000000;
	Request->DATA.QUERY_INFORMATION.BytesWritten = sizeof(*Speed);
	NdisMCoOidRequestComplete(A->MiniportAdapterHandle, NULL, Request, NDIS_STATUS_SUCCESS);
}

/* ---- characteristics --------------------------------------------------------------------------------------- */

_Use_decl_annotations_
static NDIS_STATUS SampleSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_MINIPORT_CO_CHARACTERISTICS Co;

	NdisZeroMemory(&Co, sizeof(Co));
	Co.Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
	Co.Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	Co.Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	Co.CoCreateVcHandler = SampleCoCreateVc;
	Co.CoDeleteVcHandler = SampleCoDeleteVc;
	Co.CoActivateVcHandler = SampleCoActivateVc;
	Co.CoDeactivateVcHandler = SampleCoDeactivateVc;
	Co.CoSendNetBufferListsHandler = SampleCoSendNetBufferLists;
	Co.CoOidRequestHandler = SampleCoOidRequest;
	return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
}

static NDIS_STATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

	NdisZeroMemory(&Chars, sizeof(Chars));
	Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
	Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
	Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
	Chars.SetOptionsHandler = SampleSetOptions;
	Chars.InitializeHandlerEx = SampleInitialize;
	Chars.HaltHandlerEx = SampleHalt;
	Chars.ReturnNetBufferListsHandler = SampleReturnNetBufferLists;
	return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars,
					   &SampleMiniportDriverHandle);
}

/* ---- registration: what a port to condis changes (Windows: PnP makes the adapters) ----------------------------- */

static int __init SampleMpInit(void)
{
	int ret;

	if (DriverEntry(NULL, NULL) != NDIS_STATUS_SUCCESS)
		return -ENODEV;
	ret = condis_ndis_miniport_add(SampleMiniportDriverHandle, &init_net, NDIS_SAMPLE_MP_NAME);
	if (ret)
		NdisMDeregisterMiniportDriver(SampleMiniportDriverHandle);
	return ret;
}

static void __exit SampleMpExit(void)
{
	NdisMDeregisterMiniportDriver(SampleMiniportDriverHandle);
}

module_init(SampleMpInit);
module_exit(SampleMpExit);
MODULE_DESCRIPTION("condis sample: a CoNDIS miniport written to the DDK");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
