// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_sample_cm: a stand-alone CoNDIS call manager, written as the
 * Windows DDK describes one, against <net/condis_ndis.h>. Only its
 * registration block (the end of the file) is condis's.
 *
 * It binds to the loopback adapter ("lo", condis_lo) and to the sample
 * miniport's adapter (NDIS_SAMPLE_MP_NAME), registers the address family
 * NDIS_SAMPLE_AF on each, and connects calls between SAPs of one adapter:
 * a call's call-manager-specific parameters name the called SAP. To set a
 * call up it creates a VC on the called SAP's AF, activates it, dispatches
 * the incoming call; when the client accepts, it activates the calling VC
 * and completes the make call. Both VCs are activated on one channel (the
 * media-specific parameters), which is how the miniport connects them.
 * Signalling runs on an NDIS work item, so requests pend and complete
 * later, as on a real network; activations may pend at the miniport.
 */
#include <linux/module.h>
#include <net/condis.h>
#include <net/condis_ndis.h>
#include "ndis_sample.h"

#define SAMPLE_TAG	0x6d437353	/* 'mCsS' */

typedef struct _SAMPLE_BINDING {
	NDIS_HANDLE NdisBindingHandle;
	NDIS_OID_REQUEST Oid;		/* the miniport's link speed, asked at bind */
	NDIS_CO_LINK_SPEED Speed;
	NDIS_HANDLE OwnVc;		/* to the miniport, no AF: for signalling */
} SAMPLE_BINDING, *PSAMPLE_BINDING;

typedef struct _SAMPLE_AF {
	PSAMPLE_BINDING Binding;
	NDIS_HANDLE NdisAfHandle;
} SAMPLE_AF, *PSAMPLE_AF;

typedef struct _SAMPLE_SAP {
	LIST_ENTRY Link;
	PSAMPLE_AF Af;
	NDIS_HANDLE NdisSapHandle;
	ULONG Length;
	UCHAR Name[64];
} SAMPLE_SAP, *PSAMPLE_SAP;

typedef enum _SAMPLE_NEXT {
	NextNothing,
	NextDispatch,		/* the called VC is active: offer the call */
	NextConnect,		/* the calling VC is active: complete the make call */
} SAMPLE_NEXT;

typedef struct _SAMPLE_VC {
	PSAMPLE_AF Af;
	NDIS_HANDLE NdisVcHandle;
	struct _SAMPLE_VC *Peer;		/* the other end of the call */
	BOOLEAN Incoming;			/* this CM created it */
	PSAMPLE_SAP Sap;			/* an incoming call's */
	PCO_CALL_PARAMETERS MakeCallParameters;	/* NDIS's, until the make call completes */
	PCO_CALL_PARAMETERS ActivateParameters;	/* ours: the channel */
	SAMPLE_NEXT Next;
} SAMPLE_VC, *PSAMPLE_VC;

typedef enum _SAMPLE_OP {
	OpMakeCall,
	OpDispatch,
	OpAnswer,
	OpConnect,
	OpClose,
	OpRegisterSap,
	OpDeregisterSap,
} SAMPLE_OP;

typedef struct _SAMPLE_WORK {
	LIST_ENTRY Link;
	SAMPLE_OP Op;
	PSAMPLE_VC Vc;
	PSAMPLE_SAP Sap;
	NDIS_STATUS Status;
} SAMPLE_WORK, *PSAMPLE_WORK;

static NDIS_HANDLE SampleProtocolHandle;
static NDIS_SPIN_LOCK SampleLock;	/* SampleSaps, SampleWorkList, SampleWorkQueued, SampleHeld */
static LIST_ENTRY SampleSaps;
static LIST_ENTRY SampleWorkList;
static BOOLEAN SampleWorkQueued;
static LIST_ENTRY SampleHeld;		/* deregistrations held (hold_deregister, at the end) */
static bool SampleHoldDeregister;
static NDIS_HANDLE SampleWorkItem;
static LONG SampleNextChannel;

static NDIS_IO_WORKITEM_FUNCTION SampleWorker;

/* ---- the signalling queue: one work item runs the operations in order ------------------------------ */

static NDIS_STATUS SampleQueue(SAMPLE_OP Op, PSAMPLE_VC Vc, PSAMPLE_SAP Sap, NDIS_STATUS Status)
{
	PSAMPLE_WORK W;
	BOOLEAN Queue;

	W = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, sizeof(*W), SAMPLE_TAG,
					      NormalPoolPriority);
	if (!W)
		return NDIS_STATUS_RESOURCES;
	W->Op = Op;
	W->Vc = Vc;
	W->Sap = Sap;
	W->Status = Status;
	NdisAcquireSpinLock(&SampleLock);
	if (Op == OpDeregisterSap && READ_ONCE(SampleHoldDeregister)) {
		InsertTailList(&SampleHeld, &W->Link);
		NdisReleaseSpinLock(&SampleLock);
		return NDIS_STATUS_PENDING;
	}
	InsertTailList(&SampleWorkList, &W->Link);
	Queue = !SampleWorkQueued;
	SampleWorkQueued = TRUE;
	NdisReleaseSpinLock(&SampleLock);
	if (Queue)
		NdisQueueIoWorkItem(SampleWorkItem, SampleWorker, NULL);
	return NDIS_STATUS_PENDING;
}

/* The deregistrations held go on. */
static VOID SampleReleaseHeld(VOID)
{
	BOOLEAN Queue;

	NdisAcquireSpinLock(&SampleLock);
	while (!IsListEmpty(&SampleHeld))
		InsertTailList(&SampleWorkList, RemoveHeadList(&SampleHeld));
	Queue = !IsListEmpty(&SampleWorkList) && !SampleWorkQueued;
	if (Queue)
		SampleWorkQueued = TRUE;
	NdisReleaseSpinLock(&SampleLock);
	if (Queue)
		NdisQueueIoWorkItem(SampleWorkItem, SampleWorker, NULL);
}

/* ---- binding ------------------------------------------------------------------------------------------ */

static BOOLEAN SampleWantsAdapter(PNDIS_STRING Name)
{
	static const char *const Wanted[] = { "lo", NDIS_SAMPLE_MP_NAME };
	UINT i, j, n = Name->Length / sizeof(WCHAR);

	for (i = 0; i < ARRAY_SIZE(Wanted); i++) {
		if (n != strlen(Wanted[i]))
			continue;
		for (j = 0; j < n && Name->Buffer[j] == Wanted[i][j]; j++)
			;
		if (j == n)
			return TRUE;
	}
	return FALSE;
}

static PROTOCOL_CO_OID_REQUEST_COMPLETE SampleCmOidRequestComplete;

/* What the miniport says of its link, asked before there is an AF: no AF, no VC. */
static VOID SampleAskLinkSpeed(PSAMPLE_BINDING B)
{
	PNDIS_OID_REQUEST R = &B->Oid;
	NDIS_STATUS Status;

	NdisZeroMemory(R, sizeof(*R));
	R->Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	R->Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	R->Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	R->RequestType = NdisRequestQueryInformation;
	R->DATA.QUERY_INFORMATION.Oid = OID_GEN_CO_LINK_SPEED;
	R->DATA.QUERY_INFORMATION.InformationBuffer = &B->Speed;
	R->DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(B->Speed);
	Status = NdisCoOidRequest(B->NdisBindingHandle, NULL, NULL, NULL, R);
	if (Status != NDIS_STATUS_PENDING)
		SampleCmOidRequestComplete(NULL, NULL, NULL, R, Status);
}

_Use_decl_annotations_
static NDIS_STATUS SampleBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
				     PNDIS_BIND_PARAMETERS BindParameters)
{
	NDIS_MEDIUM Media[] = { NdisMediumCoWan, NdisMediumAtm };
	CO_ADDRESS_FAMILY Af = {
		.AddressFamily = NDIS_SAMPLE_AF, .MajorVersion = NDIS_SAMPLE_AF_MAJOR,
	};
	NDIS_OPEN_PARAMETERS Open;
	PSAMPLE_BINDING B;
	NDIS_STATUS Status;
	UINT Selected;

	if (!SampleWantsAdapter(BindParameters->AdapterName))
		return NDIS_STATUS_NOT_SUPPORTED;
	B = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, sizeof(*B), SAMPLE_TAG,
					      NormalPoolPriority);
	if (!B)
		return NDIS_STATUS_RESOURCES;
	NdisZeroMemory(B, sizeof(*B));
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
	if (Status == NDIS_STATUS_SUCCESS) {
		SampleAskLinkSpeed(B);
		Status = NdisCmRegisterAddressFamilyEx(B->NdisBindingHandle, &Af);
	}
	/* a VC of its own to the miniport, as a CM signalling on it would have */
	if (Status == NDIS_STATUS_SUCCESS)
		Status = NdisCoCreateVc(B->NdisBindingHandle, NULL, B, &B->OwnVc);
	if (Status == NDIS_STATUS_SUCCESS)
		pr_info("ndis_sample_cm: a VC of its own to the miniport (no AF) created\n");
	if (Status != NDIS_STATUS_SUCCESS) {
		if (B->NdisBindingHandle)
			NdisCloseAdapterEx(B->NdisBindingHandle);
		NdisFreeMemoryWithTagPriority(SampleProtocolHandle, B, SAMPLE_TAG);
	}
	return Status;
}

_Use_decl_annotations_
static NDIS_STATUS SampleUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
	PSAMPLE_BINDING B = ProtocolBindingContext;
	NDIS_STATUS Status;

	SampleReleaseHeld();	/* nothing held outlives the binding */
	Status = NdisCoDeleteVc(B->OwnVc);
	if (Status != NDIS_STATUS_SUCCESS)
		pr_err("ndis_sample_cm: its own VC not deleted: 0x%08x\n", (u32)Status);
	/* the AF goes with the binding: NDIS closes what clients left on it */
	NdisCloseAdapterEx(B->NdisBindingHandle);
	NdisFreeMemoryWithTagPriority(SampleProtocolHandle, B, SAMPLE_TAG);
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static VOID SampleOpenAdapterComplete(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS Status)
{
}

_Use_decl_annotations_
static VOID SampleCloseAdapterComplete(NDIS_HANDLE ProtocolBindingContext)
{
}

/* ---- address family and SAPs ----------------------------------------------------------------------------- */

_Use_decl_annotations_
static NDIS_STATUS SampleCmOpenAf(NDIS_HANDLE CallMgrBindingContext,
				  PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle,
				  PNDIS_HANDLE CallMgrAfContext)
{
	PSAMPLE_AF Af;

	if (AddressFamily->AddressFamily != NDIS_SAMPLE_AF)
		return NDIS_STATUS_INVALID_ADDRESS;
	Af = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, sizeof(*Af), SAMPLE_TAG,
					       NormalPoolPriority);
	if (!Af)
		return NDIS_STATUS_RESOURCES;
	Af->Binding = CallMgrBindingContext;
	Af->NdisAfHandle = NdisAfHandle;
	*CallMgrAfContext = Af;
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
	NdisFreeMemoryWithTagPriority(SampleProtocolHandle, CallMgrAfContext, SAMPLE_TAG);
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
				       NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
	PSAMPLE_SAP S;
	NDIS_STATUS Status;

	if (!Sap->SapLength || Sap->SapLength > sizeof(S->Name))
		return NDIS_STATUS_INVALID_DATA;
	S = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, sizeof(*S), SAMPLE_TAG,
					      NormalPoolPriority);
	if (!S)
		return NDIS_STATUS_RESOURCES;
	S->Af = CallMgrAfContext;
	S->NdisSapHandle = NdisSapHandle;
	S->Length = Sap->SapLength;
	NdisMoveMemory(S->Name, Sap->Sap, Sap->SapLength);
	*CallMgrSapContext = S;
	Status = SampleQueue(OpRegisterSap, NULL, S, 0);
	if (Status != NDIS_STATUS_PENDING)
		NdisFreeMemoryWithTagPriority(SampleProtocolHandle, S, SAMPLE_TAG);
	return Status;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
	return SampleQueue(OpDeregisterSap, NULL, CallMgrSapContext, 0);
}

/* ---- VCs and calls ------------------------------------------------------------------------------------------ */

static PSAMPLE_VC SampleVcNew(PSAMPLE_AF Af, NDIS_HANDLE NdisVcHandle)
{
	PSAMPLE_VC Vc = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, sizeof(*Vc),
							  SAMPLE_TAG, NormalPoolPriority);

	if (Vc) {
		NdisZeroMemory(Vc, sizeof(*Vc));
		Vc->Af = Af;
		Vc->NdisVcHandle = NdisVcHandle;
	}
	return Vc;
}

static VOID SampleVcFree(PSAMPLE_VC Vc)
{
	if (Vc->ActivateParameters)
		NdisFreeMemoryWithTagPriority(SampleProtocolHandle, Vc->ActivateParameters,
					      SAMPLE_TAG);
	NdisFreeMemoryWithTagPriority(SampleProtocolHandle, Vc, SAMPLE_TAG);
}

/* a client's VC */
_Use_decl_annotations_
static NDIS_STATUS SampleCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
				    PNDIS_HANDLE ProtocolVcContext)
{
	PSAMPLE_VC Vc = SampleVcNew(ProtocolAfContext, NdisVcHandle);

	if (!Vc)
		return NDIS_STATUS_RESOURCES;
	*ProtocolVcContext = Vc;
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	SampleVcFree(ProtocolVcContext);
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
				    NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	PSAMPLE_VC Vc = CallMgrVcContext;

	if (NdisPartyHandle)
		return NDIS_STATUS_NOT_SUPPORTED;	/* no multipoint here */
	if (!CallParameters->CallMgrParameters)
		return NDIS_STATUS_INVALID_DATA;
	Vc->MakeCallParameters = CallParameters;	/* NDIS keeps them until we complete */
	return SampleQueue(OpMakeCall, Vc, NULL, 0);
}

_Use_decl_annotations_
static VOID SampleCmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
					 PCO_CALL_PARAMETERS CallParameters)
{
	SampleQueue(OpAnswer, CallMgrVcContext, NULL, Status);
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
				     PVOID CloseData, UINT Size)
{
	return SampleQueue(OpClose, CallMgrVcContext, NULL, 0);
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
				    NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmModifyCallQoS(NDIS_HANDLE CallMgrVcContext,
					 PCO_CALL_PARAMETERS CallParameters)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/* A pended activation completed: the call goes on from the work item. */
_Use_decl_annotations_
static VOID SampleCmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				       PCO_CALL_PARAMETERS CallParameters)
{
	PSAMPLE_VC Vc = CallMgrVcContext;

	SampleQueue(Vc->Next == NextDispatch ? OpDispatch : OpConnect, Vc, NULL, Status);
}

_Use_decl_annotations_
static VOID SampleCmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
}

_Use_decl_annotations_
static VOID SampleCmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
}

_Use_decl_annotations_
static NDIS_STATUS SampleCmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				      NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	PULONG Value;

	/* a client asks how many channels the CM handed out */
	if (OidRequest->RequestType != NdisRequestQueryInformation ||
	    OidRequest->DATA.QUERY_INFORMATION.Oid != OID_CO_GET_CALL_INFORMATION)
		return NDIS_STATUS_INVALID_OID;
	if (OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength < sizeof(ULONG)) {
		OidRequest->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(ULONG);
		return NDIS_STATUS_BUFFER_TOO_SHORT;
	}
	Value = OidRequest->DATA.QUERY_INFORMATION.InformationBuffer;
	*Value = SampleNextChannel;
	OidRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static VOID SampleCmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				       NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
				       NDIS_STATUS Status)
{
	PSAMPLE_BINDING B = CONTAINING_RECORD(OidRequest, SAMPLE_BINDING, Oid);

	/* the only request this CM makes: the link speed, with no AF */
	if (Status == NDIS_STATUS_SUCCESS &&
	    OidRequest->DATA.QUERY_INFORMATION.BytesWritten == sizeof(B->Speed))
		pr_info("ndis_sample_cm: the miniport's link speed: %u00 bps (asked with no AF)\n",
			B->Speed.Outbound);
	else
		pr_info("ndis_sample_cm: the miniport gave no link speed: 0x%08x\n", (u32)Status);
}

_Use_decl_annotations_
static VOID SampleCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
			   PNDIS_STATUS_INDICATION StatusIndication)
{
}

/* ---- the signalling, on the work item ------------------------------------------------------------------------ */

/* Activation parameters on @Channel: the make call's flowspecs, our media parameters. */
static PCO_CALL_PARAMETERS SampleActivateParameters(PCO_CALL_PARAMETERS Call, ULONG Channel)
{
	ULONG Size = sizeof(CO_CALL_PARAMETERS) + sizeof(CO_CALL_MANAGER_PARAMETERS) +
		     sizeof(CO_MEDIA_PARAMETERS) + sizeof(ULONG);
	PCO_CALL_PARAMETERS P;
	PCO_MEDIA_PARAMETERS M;

	P = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, Size, SAMPLE_TAG,
					      NormalPoolPriority);
	if (!P)
		return NULL;
	NdisZeroMemory(P, Size);
	P->CallMgrParameters = (PCO_CALL_MANAGER_PARAMETERS)(P + 1);
	M = (PCO_MEDIA_PARAMETERS)(P->CallMgrParameters + 1);
	P->MediaParameters = M;
	P->CallMgrParameters->Transmit = Call->CallMgrParameters->Transmit;
	P->CallMgrParameters->Receive = Call->CallMgrParameters->Receive;
	M->Flags = TRANSMIT_VC | RECEIVE_VC;
	M->MediaSpecific.ParamType = SAMPLE_MEDIA_CHANNEL;
	M->MediaSpecific.Length = sizeof(ULONG);
	NdisMoveMemory(M->MediaSpecific.Parameters, &Channel, sizeof(ULONG));
	return P;
}

static PSAMPLE_SAP SampleFindSap(PSAMPLE_AF Af, PCO_CALL_PARAMETERS Call)
{
	PCO_SPECIFIC_PARAMETERS Called = &Call->CallMgrParameters->CallMgrSpecific;
	PSAMPLE_SAP Found = NULL;
	PLIST_ENTRY Entry;

	NdisAcquireSpinLock(&SampleLock);
	for (Entry = SampleSaps.Flink; Entry != &SampleSaps; Entry = Entry->Flink) {
		PSAMPLE_SAP S = CONTAINING_RECORD(Entry, SAMPLE_SAP, Link);

		if (S->Af->Binding == Af->Binding && S->Length == Called->Length &&
		    NdisEqualMemory(S->Name, Called->Parameters, S->Length)) {
			Found = S;
			break;
		}
	}
	NdisReleaseSpinLock(&SampleLock);
	return Found;
}

/* A VC this CM created and no call is on: deactivate and delete it. */
static VOID SampleDropIncoming(PSAMPLE_VC Vc)
{
	NdisCmDeactivateVc(Vc->NdisVcHandle);
	NdisCoDeleteVc(Vc->NdisVcHandle);
	SampleVcFree(Vc);
}

static VOID SampleFailMakeCall(PSAMPLE_VC Caller, NDIS_STATUS Status)
{
	PCO_CALL_PARAMETERS Call = Caller->MakeCallParameters;

	Caller->MakeCallParameters = NULL;
	NdisCmMakeCallComplete(Status, Caller->NdisVcHandle, NULL, NULL, Call);
}

/* The make call: a VC on the called SAP's AF, activated on a new channel. */
static VOID SampleDoMakeCall(PSAMPLE_VC Caller)
{
	PCO_CALL_PARAMETERS Call = Caller->MakeCallParameters;
	PSAMPLE_VC Callee;
	PSAMPLE_SAP S;
	NDIS_STATUS Status;
	ULONG Channel;

	S = SampleFindSap(Caller->Af, Call);
	if (!S)
		return SampleFailMakeCall(Caller, NDIS_STATUS_INVALID_ADDRESS);
	Callee = SampleVcNew(S->Af, NULL);
	if (!Callee)
		return SampleFailMakeCall(Caller, NDIS_STATUS_RESOURCES);
	Status = NdisCoCreateVc(S->Af->Binding->NdisBindingHandle, S->Af->NdisAfHandle, Callee,
				&Callee->NdisVcHandle);
	if (Status != NDIS_STATUS_SUCCESS) {
		SampleVcFree(Callee);
		return SampleFailMakeCall(Caller, Status);
	}
	Channel = NdisInterlockedIncrement(&SampleNextChannel);
	Callee->Incoming = TRUE;
	Callee->Sap = S;
	Callee->Peer = Caller;
	Caller->Peer = Callee;
	Callee->ActivateParameters = SampleActivateParameters(Call, Channel);
	Caller->ActivateParameters = SampleActivateParameters(Call, Channel);
	if (!Callee->ActivateParameters || !Caller->ActivateParameters) {
		Caller->Peer = NULL;
		SampleDropIncoming(Callee);
		return SampleFailMakeCall(Caller, NDIS_STATUS_RESOURCES);
	}
	Callee->Next = NextDispatch;
	Status = NdisCmActivateVc(Callee->NdisVcHandle, Callee->ActivateParameters);
	if (Status != NDIS_STATUS_PENDING)
		SampleQueue(OpDispatch, Callee, NULL, Status);
}

/* The called VC is active (or not): offer the call. */
static VOID SampleDoDispatch(PSAMPLE_VC Callee, NDIS_STATUS Status)
{
	PSAMPLE_VC Caller = Callee->Peer;

	if (Status == NDIS_STATUS_SUCCESS)
		Status = NdisCmDispatchIncomingCall(Callee->Sap->NdisSapHandle,
						    Callee->NdisVcHandle,
						    Caller->MakeCallParameters);
	if (Status != NDIS_STATUS_PENDING) {	/* no answer follows */
		Caller->Peer = NULL;
		SampleDropIncoming(Callee);
		SampleFailMakeCall(Caller, Status);
	}
}

/* The called client answered: activate the calling VC. */
static VOID SampleDoAnswer(PSAMPLE_VC Callee, NDIS_STATUS Status)
{
	PSAMPLE_VC Caller = Callee->Peer;

	if (Status != NDIS_STATUS_SUCCESS) {
		Caller->Peer = NULL;
		SampleDropIncoming(Callee);
		return SampleFailMakeCall(Caller, Status);
	}
	Caller->Next = NextConnect;
	Status = NdisCmActivateVc(Caller->NdisVcHandle, Caller->ActivateParameters);
	if (Status != NDIS_STATUS_PENDING)
		SampleQueue(OpConnect, Caller, NULL, Status);
}

/* The calling VC is active (or not): the call is up at both ends. */
static VOID SampleDoConnect(PSAMPLE_VC Caller, NDIS_STATUS Status)
{
	PSAMPLE_VC Callee = Caller->Peer;
	PCO_CALL_PARAMETERS Call = Caller->MakeCallParameters;

	if (Status != NDIS_STATUS_SUCCESS) {
		Caller->Peer = NULL;
		Callee->Peer = NULL;
		NdisCmDispatchCallConnected(Callee->NdisVcHandle);
		NdisCmDispatchIncomingCloseCall(Status, Callee->NdisVcHandle, NULL, 0);
		return SampleFailMakeCall(Caller, Status);
	}
	Caller->MakeCallParameters = NULL;
	NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Caller->NdisVcHandle, NULL, NULL, Call);
	NdisCmDispatchCallConnected(Callee->NdisVcHandle);
}

/* One end closes: deactivate it, tell the other end, complete. */
static VOID SampleDoClose(PSAMPLE_VC Vc)
{
	PSAMPLE_VC Peer = Vc->Peer;

	NdisCmDeactivateVc(Vc->NdisVcHandle);
	if (Peer) {
		Peer->Peer = NULL;
		Vc->Peer = NULL;
		NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Peer->NdisVcHandle, NULL, 0);
	}
	NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
	if (Vc->Incoming) {	/* the creator deletes it, after the close */
		NdisCoDeleteVc(Vc->NdisVcHandle);
		SampleVcFree(Vc);
	}
}

static VOID SampleRun(PSAMPLE_WORK W)
{
	NDIS_HANDLE Sap;
	KIRQL Irql;

	switch (W->Op) {
	case OpMakeCall:
		/*
		 * At DISPATCH_LEVEL, as a call manager signalling over the
		 * wire runs it from its receive handler: it creates the
		 * called VC and activates it there.
		 */
		NDIS_RAISE_IRQL_TO_DISPATCH(&Irql);
		SampleDoMakeCall(W->Vc);
		NDIS_LOWER_IRQL(Irql, DISPATCH_LEVEL);
		break;
	case OpDispatch:
		SampleDoDispatch(W->Vc, W->Status);
		break;
	case OpAnswer:
		SampleDoAnswer(W->Vc, W->Status);
		break;
	case OpConnect:
		SampleDoConnect(W->Vc, W->Status);
		break;
	case OpClose:
		SampleDoClose(W->Vc);
		break;
	case OpRegisterSap:
		Sap = W->Sap->NdisSapHandle;
		NdisInterlockedInsertTailList(&SampleSaps, &W->Sap->Link, &SampleLock);
		NdisCmRegisterSapComplete(NDIS_STATUS_SUCCESS, Sap, W->Sap);
		break;
	case OpDeregisterSap:
		Sap = W->Sap->NdisSapHandle;
		NdisAcquireSpinLock(&SampleLock);
		RemoveEntryList(&W->Sap->Link);
		NdisReleaseSpinLock(&SampleLock);
		NdisFreeMemoryWithTagPriority(SampleProtocolHandle, W->Sap, SAMPLE_TAG);
		NdisCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, Sap);
		break;
	}
}

_Use_decl_annotations_
static VOID SampleWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PLIST_ENTRY Entry;

	for (;;) {
		NdisAcquireSpinLock(&SampleLock);
		if (IsListEmpty(&SampleWorkList)) {
			SampleWorkQueued = FALSE;
			NdisReleaseSpinLock(&SampleLock);
			return;
		}
		Entry = RemoveHeadList(&SampleWorkList);
		NdisReleaseSpinLock(&SampleLock);
		SampleRun(CONTAINING_RECORD(Entry, SAMPLE_WORK, Link));
		NdisFreeMemoryWithTagPriority(SampleProtocolHandle,
					      CONTAINING_RECORD(Entry, SAMPLE_WORK, Link),
					      SAMPLE_TAG);
	}
}

/* ---- characteristics --------------------------------------------------------------------------------------------- */

_Use_decl_annotations_
static NDIS_STATUS SampleSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_PROTOCOL_CO_CHARACTERISTICS Co;
	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Cm;
	NDIS_STATUS Status;

	NdisZeroMemory(&Co, sizeof(Co));
	Co.Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
	Co.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	Co.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	Co.CoStatusHandlerEx = SampleCoStatus;
	Status = NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;

	NdisZeroMemory(&Cm, sizeof(Cm));
	Cm.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
	Cm.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	Cm.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	Cm.CmCreateVcHandler = SampleCmCreateVc;
	Cm.CmDeleteVcHandler = SampleCmDeleteVc;
	Cm.CmOpenAfHandler = SampleCmOpenAf;
	Cm.CmCloseAfHandler = SampleCmCloseAf;
	Cm.CmRegisterSapHandler = SampleCmRegisterSap;
	Cm.CmDeregisterSapHandler = SampleCmDeregisterSap;
	Cm.CmMakeCallHandler = SampleCmMakeCall;
	Cm.CmCloseCallHandler = SampleCmCloseCall;
	Cm.CmIncomingCallCompleteHandler = SampleCmIncomingCallComplete;
	Cm.CmAddPartyHandler = SampleCmAddParty;
	Cm.CmDropPartyHandler = SampleCmDropParty;
	Cm.CmActivateVcCompleteHandler = SampleCmActivateVcComplete;
	Cm.CmDeactivateVcCompleteHandler = SampleCmDeactivateVcComplete;
	Cm.CmModifyCallQoSHandler = SampleCmModifyCallQoS;
	Cm.CmOidRequestHandler = SampleCmOidRequest;
	Cm.CmOidRequestCompleteHandler = SampleCmOidRequestComplete;
	Cm.CmNotifyCloseAfCompleteHandler = SampleCmNotifyCloseAfComplete;
	return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Cm);
}

static NDIS_STATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
	NDIS_STRING Name = NDIS_STRING_CONST("NdisSampleCm");

	NdisAllocateSpinLock(&SampleLock);
	InitializeListHead(&SampleSaps);
	InitializeListHead(&SampleWorkList);
	InitializeListHead(&SampleHeld);
	NdisZeroMemory(&Chars, sizeof(Chars));
	Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
	Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.MajorNdisVersion = NDIS_PROTOCOL_MAJOR_VERSION;
	Chars.MinorNdisVersion = NDIS_PROTOCOL_MINOR_VERSION;
	Chars.Name = Name;
	Chars.SetOptionsHandler = SampleSetOptions;
	Chars.BindAdapterHandlerEx = SampleBindAdapter;
	Chars.UnbindAdapterHandlerEx = SampleUnbindAdapter;
	Chars.OpenAdapterCompleteHandlerEx = SampleOpenAdapterComplete;
	Chars.CloseAdapterCompleteHandlerEx = SampleCloseAdapterComplete;
	SampleWorkItem = NdisAllocateIoWorkItem(NULL);
	if (!SampleWorkItem)
		return NDIS_STATUS_RESOURCES;
	return NdisRegisterProtocolDriver(NULL, &Chars, &SampleProtocolHandle);
}

/* ---- registration: what a port to condis changes ------------------------------------------------------------------ */

static int __init SampleCmInit(void)
{
	return DriverEntry(NULL, NULL) == NDIS_STATUS_SUCCESS ? 0 : -ENODEV;
}

static void __exit SampleCmExit(void)
{
	WRITE_ONCE(SampleHoldDeregister, false);
	SampleReleaseHeld();
	NdisDeregisterProtocolDriver(SampleProtocolHandle);
	NdisFreeIoWorkItem(SampleWorkItem);
}

/* hold_deregister, a test hook: a client's unbind meets a pending deregistration */
static int SampleHoldSet(const char *Val, const struct kernel_param *Kp)
{
	int Err = param_set_bool(Val, Kp);

	if (!Err && !SampleHoldDeregister && SampleWorkItem)	/* (not before init) */
		SampleReleaseHeld();
	return Err;
}

static const struct kernel_param_ops SampleHoldOps = { .set = SampleHoldSet, .get = param_get_bool };
module_param_cb(hold_deregister, &SampleHoldOps, &SampleHoldDeregister, 0644);
MODULE_PARM_DESC(hold_deregister, "keep SAP deregistrations pending until cleared (a test hook)");

module_init(SampleCmInit);
module_exit(SampleCmExit);
MODULE_DESCRIPTION("condis sample: a stand-alone CoNDIS call manager written to the DDK");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
