// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_sample_client: a CoNDIS client, written as the Windows DDK
 * describes one, against <net/condis_ndis.h>. Only its registration block
 * (the end of the file) is condis's.
 *
 * It binds to every adapter. Where the sample call manager's address
 * family appears (ProtocolCoAfRegisterNotify) it opens it, registers the
 * SAP NDIS_SAMPLE_SAP, asks the call manager an OID, and calls that SAP:
 * it is both the caller and the called client. Where condis's Ethernet
 * family appears it opens it and registers the SAP too; once two such
 * bindings have theirs, each calls the SAP at the other's MAC address (its
 * NDIS_BIND_PARAMETERS') over the wire. The called end accepts
 * (from a work item: its ProtocolClIncomingCall pends). The calling end
 * sends NET_BUFFER_LIST chains: three lists of one buffer each, one list
 * of two buffers, one buffer of pool data; on the sample miniport also a
 * frame that miniport refuses, which comes back with its status. The
 * called end echoes every frame it receives; when every echo is back and
 * every send completed, the caller closes; both ends go, the SAP is
 * deregistered and the AF closed. Each step is logged as
 * "ndis_sample_client: ADAPTER: step"; the last is "done". Its frames and
 * pools are client_frames.c's, binding and unbinding client_bind.c's.
 */
#include <linux/module.h>
#include <net/condis.h>
#include <net/condis_ndis.h>
#include "client.h"
#include "client_frames.h"

static PROTOCOL_CL_OPEN_AF_COMPLETE_EX SampleClOpenAfComplete;
static PROTOCOL_CL_REGISTER_SAP_COMPLETE SampleClRegisterSapComplete;
static PROTOCOL_CL_DEREGISTER_SAP_COMPLETE SampleClDeregisterSapComplete;
static PROTOCOL_CL_CLOSE_AF_COMPLETE SampleClCloseAfComplete;
static PROTOCOL_CO_OID_REQUEST_COMPLETE SampleClOidRequestComplete;
static PROTOCOL_CL_MAKE_CALL_COMPLETE SampleClMakeCallComplete;
static PROTOCOL_CL_CLOSE_CALL_COMPLETE SampleClCloseCallComplete;
static NDIS_IO_WORKITEM_FUNCTION SampleAnswerWork;
static VOID SampleEthernetReady(PSAMPLE_BINDING B);
static VOID SampleEndUp(PSAMPLE_BINDING B);
static NDIS_IO_WORKITEM_FUNCTION SampleCloseWork;
static NDIS_IO_WORKITEM_FUNCTION SampleCloseAfWork;

/* ---- AF and SAP ------------------------------------------------------------------------------------- */

_Use_decl_annotations_
static VOID SampleCoAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
				     PCO_ADDRESS_FAMILY AddressFamily)
{
	PSAMPLE_BINDING B = ProtocolBindingContext;
	NDIS_STATUS Status;

	if (B->AfOpening)
		return;
	if (AddressFamily->AddressFamily == NDIS_SAMPLE_AF &&
	    AddressFamily->MajorVersion != NDIS_SAMPLE_AF_MAJOR)
		return SampleFailed(B, "the AF's version", NDIS_STATUS_BAD_VERSION);
	if (AddressFamily->AddressFamily != NDIS_SAMPLE_AF &&
	    (AddressFamily->AddressFamily != NDIS_SAMPLE_AF_ETHERNET || !B->HasMac))
		return;
	B->AfOpening = TRUE;
	B->AfType = AddressFamily->AddressFamily;
	Status = NdisClOpenAddressFamilyEx(B->NdisBindingHandle, AddressFamily, B,
					   &B->NdisAfHandle);
	if (Status != NDIS_STATUS_PENDING)
		SampleClOpenAfComplete(B, B->NdisAfHandle, Status);
}

_Use_decl_annotations_
static VOID SampleClOpenAfComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisAfHandle,
				   NDIS_STATUS Status)
{
	PSAMPLE_BINDING B = ProtocolAfContext;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed(B, "open AF", Status);
	B->NdisAfHandle = NdisAfHandle;
	SampleStep(B, "AF opened");
	B->Sap.SapType = 0;
	B->Sap.SapLength = sizeof(NDIS_SAMPLE_SAP) - 1;
	NdisMoveMemory(B->Sap.Sap, NDIS_SAMPLE_SAP, B->Sap.SapLength);
	Status = NdisClRegisterSap(NdisAfHandle, B, &B->Sap, &B->NdisSapHandle);
	if (Status != NDIS_STATUS_PENDING)
		SampleClRegisterSapComplete(Status, B, &B->Sap, B->NdisSapHandle);
}

/* The SAP is there: ask the call manager an OID, then call the SAP. */
_Use_decl_annotations_
static VOID SampleClRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext,
					PCO_SAP Sap, NDIS_HANDLE NdisSapHandle)
{
	PSAMPLE_BINDING B = ProtocolSapContext;
	PNDIS_OID_REQUEST R = &B->Oid;
	KIRQL Irql;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed(B, "register SAP", Status);
	B->NdisSapHandle = NdisSapHandle;
	SampleStep(B, "SAP registered");
	if (B->AfType == NDIS_SAMPLE_AF_ETHERNET)
		return SampleEthernetReady(B);
	NdisZeroMemory(R, sizeof(*R));
	R->Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	R->Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	R->Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	R->RequestType = NdisRequestQueryInformation;
	R->DATA.QUERY_INFORMATION.Oid = OID_CO_GET_CALL_INFORMATION;
	R->DATA.QUERY_INFORMATION.InformationBuffer = &B->OidValue;
	R->DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(B->OidValue);
	/* at DISPATCH_LEVEL, as the DDK allows */
	NDIS_RAISE_IRQL_TO_DISPATCH(&Irql);
	Status = NdisCoOidRequest(B->NdisBindingHandle, B->NdisAfHandle, NULL, NULL, R);
	NDIS_LOWER_IRQL(Irql, DISPATCH_LEVEL);
	if (Status != NDIS_STATUS_PENDING)
		SampleClOidRequestComplete(B, NULL, NULL, R, Status);
}

/*
 * The call's parameters, in one buffer: the called SAP names the call (on
 * Ethernet, after the called station's MAC address).
 */
static PCO_CALL_PARAMETERS SampleCallParameters(PSAMPLE_BINDING B)
{
	ULONG Mac = B->AfType == NDIS_SAMPLE_AF_ETHERNET ? NDIS_SAMPLE_MAC_LEN : 0;
	ULONG Len = Mac + sizeof(NDIS_SAMPLE_SAP) - 1;
	ULONG Size = sizeof(CO_CALL_PARAMETERS) + sizeof(CO_CALL_MANAGER_PARAMETERS) + Len +
		     sizeof(CO_MEDIA_PARAMETERS);
	PCO_CALL_PARAMETERS Cp;
	PCO_CALL_MANAGER_PARAMETERS Cm;

	Cp = NdisAllocateMemoryWithTagPriority(SampleProtocolHandle, Size, SAMPLE_TAG,
					       NormalPoolPriority);
	if (!Cp)
		return NULL;
	NdisZeroMemory(Cp, Size);
	Cm = (PCO_CALL_MANAGER_PARAMETERS)(Cp + 1);
	Cp->CallMgrParameters = Cm;
	Cp->MediaParameters = (PCO_MEDIA_PARAMETERS)((PUCHAR)(Cm + 1) + Len);
	Cm->Transmit.PeakBandwidth = Cm->Receive.PeakBandwidth = 1000000;
	Cm->Transmit.ServiceType = Cm->Receive.ServiceType = SERVICETYPE_BESTEFFORT;
	Cm->CallMgrSpecific.Length = Len;
	if (Mac)
		NdisMoveMemory(Cm->CallMgrSpecific.Parameters, B->Peer->Mac, Mac);
	NdisMoveMemory(Cm->CallMgrSpecific.Parameters + Mac, NDIS_SAMPLE_SAP, Len - Mac);
	return Cp;
}

/* Create the calling VC and make the call. */
static VOID SampleCall(PSAMPLE_BINDING B)
{
	NDIS_STATUS Status;

	Status = NdisCoCreateVc(B->NdisBindingHandle, B->NdisAfHandle, &B->Caller,
				&B->Caller.NdisVcHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed(B, "create VC", Status);
	B->CallParameters = SampleCallParameters(B);
	if (!B->CallParameters)
		return SampleFailed(B, "call parameters", NDIS_STATUS_RESOURCES);
	Status = NdisClMakeCall(B->Caller.NdisVcHandle, B->CallParameters, NULL, NULL);
	if (Status != NDIS_STATUS_PENDING)
		SampleClMakeCallComplete(Status, &B->Caller, NULL, B->CallParameters);
}

/*
 * An Ethernet binding's SAP is there: once another one's is, each calls
 * the other (both ends of both calls counted before either call is made).
 */
static VOID SampleEthernetReady(PSAMPLE_BINDING B)
{
	PSAMPLE_BINDING P, Peer = NULL;
	PLIST_ENTRY Entry;

	NdisAcquireSpinLock(&SampleLock);
	for (Entry = SampleBindings.Flink; Entry != &SampleBindings; Entry = Entry->Flink) {
		P = CONTAINING_RECORD(Entry, SAMPLE_BINDING, Link);
		if (P->SapReady && P != B) {
			Peer = P;
			break;
		}
	}
	if (Peer) {
		Peer->SapReady = FALSE;
		B->Peer = Peer;
		Peer->Peer = B;
		B->CallEnds = Peer->CallEnds = 2;
	} else {
		B->SapReady = TRUE;
	}
	NdisReleaseSpinLock(&SampleLock);
	if (!Peer)
		return;
	SampleCall(B);
	SampleCall(Peer);
}

_Use_decl_annotations_
static VOID SampleClOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				       NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
				       NDIS_STATUS Status)
{
	PSAMPLE_BINDING B = ProtocolAfContext;

	if (Status != NDIS_STATUS_SUCCESS ||
	    OidRequest->DATA.QUERY_INFORMATION.BytesWritten != sizeof(ULONG))
		return SampleFailed(B, "OID request", Status);
	SampleStep(B, "OID request answered by the call manager");
	B->CallEnds = 2;
	SampleCall(B);
}

/* Both ends of the call went: deregister, close. */
static VOID SampleCallEndGone(PSAMPLE_BINDING B)
{
	NDIS_STATUS Status;

	if (NdisInterlockedDecrement(&B->CallEnds))
		return;
	SampleStep(B, "call closed at both ends");
	NdisAcquireSpinLock(&SampleLock);
	B->TearingDown = TRUE;
	NdisReleaseSpinLock(&SampleLock);
	Status = NdisClDeregisterSap(B->NdisSapHandle);
	if (Status != NDIS_STATUS_PENDING)
		SampleClDeregisterSapComplete(Status, B);
}

_Use_decl_annotations_
static VOID SampleClDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext)
{
	PSAMPLE_BINDING B = ProtocolSapContext;

	if (Status != NDIS_STATUS_SUCCESS) {
		SampleFailed(B, "deregister SAP", Status);
		return SampleTornDown(B);
	}
	NdisQueueIoWorkItem(B->WorkItem, SampleCloseAfWork, B);
}

/*
 * Close the AF. A VC deleted a moment ago may not have left it yet: the
 * call manager's, whose ProtocolCoDeleteVc saw the last call end go, or
 * ours, whose delete condis runs after the completion we made it in. The
 * AF refuses (NOT_ACCEPTED) until then: at PASSIVE_LEVEL, wait a little
 * and try again, a second at most.
 */
_Use_decl_annotations_
static VOID SampleCloseAfWork(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PSAMPLE_BINDING B = WorkItemContext;
	NDIS_STATUS Status;
	ULONG Tries = 0;

	while ((Status = NdisClCloseAddressFamily(B->NdisAfHandle)) == NDIS_STATUS_NOT_ACCEPTED &&
	       ++Tries < 100)
		NdisMSleep(10000);
	if (Status != NDIS_STATUS_PENDING)
		SampleClCloseAfComplete(Status, B);
}

_Use_decl_annotations_
static VOID SampleClCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext)
{
	PSAMPLE_BINDING B = ProtocolAfContext;

	if (Status != NDIS_STATUS_SUCCESS)
		SampleFailed(B, "close AF", Status);
	else if (!B->Failed)
		SampleStep(B, "done");
	SampleTornDown(B);	/* the last use of B here */
}

_Use_decl_annotations_
static NDIS_STATUS SampleClNotifyCloseAf(NDIS_HANDLE ProtocolAfContext)
{
	SampleStep(ProtocolAfContext, "the call manager closes the AF");
	return NDIS_STATUS_SUCCESS;
}

/* ---- the call ------------------------------------------------------------------------------------------ */

/* A VC the call manager creates for an incoming call. */
_Use_decl_annotations_
static NDIS_STATUS SampleClCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
				    PNDIS_HANDLE ProtocolVcContext)
{
	PSAMPLE_BINDING B = ProtocolAfContext;

	B->Callee.NdisVcHandle = NdisVcHandle;
	B->Callee.Incoming = TRUE;
	*ProtocolVcContext = &B->Callee;
	return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
static NDIS_STATUS SampleClDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	PSAMPLE_VC Vc = ProtocolVcContext;

	SampleCallEndGone(Vc->Binding);		/* the called end */
	return NDIS_STATUS_SUCCESS;
}

/* Accepted later, from a work item: the call waits for the answer. */
_Use_decl_annotations_
static NDIS_STATUS SampleClIncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
					PCO_CALL_PARAMETERS CallParameters)
{
	PSAMPLE_VC Vc = ProtocolVcContext;

	if (!CallParameters->CallMgrParameters ||
	    CallParameters->CallMgrParameters->Transmit.PeakBandwidth != 1000000)
		return NDIS_STATUS_INVALID_DATA;
	SampleStep(Vc->Binding, "incoming call: answering");
	NdisQueueIoWorkItem(Vc->Binding->AnswerWorkItem, SampleAnswerWork, Vc);
	return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
static VOID SampleAnswerWork(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PSAMPLE_VC Vc = WorkItemContext;

	NdisClIncomingCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
}

_Use_decl_annotations_
static VOID SampleClCallConnected(NDIS_HANDLE ProtocolVcContext)
{
	PSAMPLE_BINDING B = ((PSAMPLE_VC)ProtocolVcContext)->Binding;

	SampleStep(B, "call connected (called end)");
	SampleEndUp(B->Peer ? B->Peer : B);	/* the calling binding */
}

/* ---- data --------------------------------------------------------------------------------------------- */

/* The call is up: send the frames, chained. */
_Use_decl_annotations_
static VOID SampleClMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				     NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
	PSAMPLE_VC Vc = ProtocolVcContext;
	PSAMPLE_BINDING B = Vc->Binding;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed(B, "make call", Status);
	SampleStep(B, "make call complete (calling end)");
	SampleEndUp(B);
}

/*
 * One end of @B's call is up. The called end takes frames once its
 * ProtocolClCallConnected ran (over a wire that may be after the calling
 * end's make call completed): both ends being this client's, the caller
 * sends when both are up.
 */
static VOID SampleEndUp(PSAMPLE_BINDING B)
{
	PNET_BUFFER_LIST Chain[6], Head = NULL;
	ULONG i, n = 0;

	if (NdisInterlockedIncrement(&B->EndsUp) != 2)
		return;
	Chain[n++] = SampleFrame("frame 1 of a chain", 1);
	Chain[n++] = SampleFrame("frame 2 of a chain", 1);
	Chain[n++] = SampleFrame("frame 3 of a chain", 1);
	Chain[n++] = SampleFrame("one of two buffers", 2);
	Chain[n++] = SamplePoolFrame("a frame of pool data", 20);
	if (B->Refuses)
		Chain[n++] = SampleFrame(NDIS_SAMPLE_REFUSE " this one, miniport", 1);
	for (i = n; i-- > 0; ) {
		if (!Chain[i])
			return SampleFailed(B, "allocate frames", NDIS_STATUS_RESOURCES);
		NET_BUFFER_LIST_NEXT_NBL(Chain[i]) = Head;
		Head = Chain[i];
	}
	B->SendsOut = n;
	NdisCoSendNetBufferLists(B->Caller.NdisVcHandle, Head, 0);
}

static VOID SampleMaybeClose(PSAMPLE_BINDING B)
{
	if (B->SendsOut || B->EchoesIn != SAMPLE_FRAMES ||
	    InterlockedExchange(&B->Closing, 1))
		return;
	SampleStep(B, "every frame echoed, every send completed");
	/* not from the completion handler: the close waits for sends */
	NdisQueueIoWorkItem(B->WorkItem, SampleCloseWork, B);
}

_Use_decl_annotations_
static VOID SampleCoSendComplete(NDIS_HANDLE ProtocolVcContext, PNET_BUFFER_LIST NetBufferLists,
				 ULONG SendCompleteFlags)
{
	PSAMPLE_VC Vc = ProtocolVcContext;
	PSAMPLE_BINDING B = Vc->Binding;
	PNET_BUFFER_LIST Nbl, Next;

	for (Nbl = NetBufferLists; Nbl; Nbl = Next) {
		Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
		if (NET_BUFFER_LIST_STATUS(Nbl) == NDIS_STATUS_INVALID_PACKET && !Vc->Incoming) {
			SampleStep(B, "a send refused by the miniport completed with its status");
			NdisInterlockedIncrement(&B->Refused);
		} else if (NET_BUFFER_LIST_STATUS(Nbl) != NDIS_STATUS_SUCCESS) {
			SampleFailed(B, "a send", NET_BUFFER_LIST_STATUS(Nbl));
		}
		SampleFreeFrame(Nbl);
		if (!Vc->Incoming && !NdisInterlockedDecrement(&B->SendsOut)) {
			if (B->Refuses && B->Refused != 1)
				SampleFailed(B, "the refused send", NDIS_STATUS_FAILURE);
			SampleMaybeClose(B);
		}
	}
}

/* The called end echoes every frame; the calling end counts the echoes. */
_Use_decl_annotations_
static VOID SampleCoReceive(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
			    PNET_BUFFER_LIST NetBufferLists, ULONG NumberOfNetBufferLists,
			    ULONG ReceiveFlags)
{
	PSAMPLE_VC Vc = ProtocolVcContext;
	PSAMPLE_BINDING B = Vc->Binding;
	PNET_BUFFER_LIST Nbl, Echo;
	UCHAR Storage[64];
	PNET_BUFFER Nb;
	PUCHAR Data;
	ULONG Len;

	for (Nbl = NetBufferLists; Nbl; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
		for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb; Nb = NET_BUFFER_NEXT_NB(Nb)) {
			Len = min_t(ULONG, NET_BUFFER_DATA_LENGTH(Nb), sizeof(Storage));
			Data = NdisGetDataBuffer(Nb, Len, Storage, 1, 0);
			if (!Data || Len < 5) {
				SampleFailed(B, "a received frame", NDIS_STATUS_INVALID_PACKET);
				continue;
			}
			if (!Vc->Incoming) {
				if (NdisInterlockedIncrement(&B->EchoesIn) == SAMPLE_FRAMES)
					SampleMaybeClose(B);
				continue;
			}
			NdisInterlockedIncrement(&B->Received);
			Echo = SamplePoolFrame(Data, Len);
			if (Echo)
				NdisCoSendNetBufferLists(Vc->NdisVcHandle, Echo,
							 NDIS_SEND_FLAGS_DISPATCH_LEVEL);
		}
	if (!NDIS_TEST_RECEIVE_CANNOT_PEND(ReceiveFlags))
		NdisReturnNetBufferLists(B->NdisBindingHandle, NetBufferLists,
					 NDIS_RETURN_FLAGS_DISPATCH_LEVEL);
}

_Use_decl_annotations_
static VOID SampleCloseWork(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PSAMPLE_BINDING B = WorkItemContext;
	NDIS_STATUS Status;

	Status = NdisClCloseCall(B->Caller.NdisVcHandle, NULL, NULL, 0);
	if (Status != NDIS_STATUS_PENDING)
		SampleClCloseCallComplete(Status, &B->Caller, NULL);
}

/* The far end closed: close ours (the called end's VC goes with the call manager). */
_Use_decl_annotations_
static VOID SampleClIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext,
				      PVOID CloseData, UINT Size)
{
	PSAMPLE_VC Vc = ProtocolVcContext;
	NDIS_STATUS Status;

	Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);
	if (Status != NDIS_STATUS_PENDING)
		SampleClCloseCallComplete(Status, Vc, NULL);
}

_Use_decl_annotations_
static VOID SampleClCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				      NDIS_HANDLE ProtocolPartyContext)
{
	PSAMPLE_VC Vc = ProtocolVcContext;
	PSAMPLE_BINDING B = Vc->Binding;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed(B, "close call", Status);
	if (Vc->Incoming) {
		if (B->Received != SAMPLE_FRAMES)
			SampleFailed(B, "frames received", NDIS_STATUS_FAILURE);
		return;		/* ProtocolCoDeleteVc follows */
	}
	NdisFreeMemoryWithTagPriority(SampleProtocolHandle, B->CallParameters, SAMPLE_TAG);
	B->CallParameters = NULL;
	Status = NdisCoDeleteVc(Vc->NdisVcHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed(B, "delete VC", Status);
	SampleCallEndGone(B);
}

/* ---- what this client does not do --------------------------------------------------------------------- */

_Use_decl_annotations_
static VOID SampleClModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
					  PCO_CALL_PARAMETERS CallParameters)
{
}

_Use_decl_annotations_
static VOID SampleClIncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext,
					  PCO_CALL_PARAMETERS CallParameters)
{
}

_Use_decl_annotations_
static VOID SampleClAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
				     NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
}

_Use_decl_annotations_
static VOID SampleClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
{
}

_Use_decl_annotations_
static VOID SampleClIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
				      PVOID CloseData, UINT Size)
{
}

_Use_decl_annotations_
static NDIS_STATUS SampleClOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				      NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_INVALID_OID;
}

_Use_decl_annotations_
static VOID SampleCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
			   PNDIS_STATUS_INDICATION StatusIndication)
{
	PSAMPLE_BINDING B = ProtocolBindingContext;

	if (!ProtocolVcContext)	/* the adapter's: every bound protocol hears it */
		pr_info("ndis_sample_client: %s: the adapter's status 0x%08x\n", B->Name,
			(u32)StatusIndication->StatusCode);
}

/* ---- characteristics -------------------------------------------------------------------------------------- */

_Use_decl_annotations_
static NDIS_STATUS SampleSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_PROTOCOL_CO_CHARACTERISTICS Co;
	NDIS_CO_CLIENT_OPTIONAL_HANDLERS Cl;
	NDIS_STATUS Status;

	NdisZeroMemory(&Co, sizeof(Co));
	Co.Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
	Co.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	Co.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	Co.CoStatusHandlerEx = SampleCoStatus;
	Co.CoAfRegisterNotifyHandler = SampleCoAfRegisterNotify;
	Co.CoReceiveNetBufferListsHandler = SampleCoReceive;
	Co.CoSendNetBufferListsCompleteHandler = SampleCoSendComplete;
	Status = NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;

	NdisZeroMemory(&Cl, sizeof(Cl));
	Cl.Header.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS;
	Cl.Header.Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	Cl.Header.Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	Cl.ClCreateVcHandler = SampleClCreateVc;
	Cl.ClDeleteVcHandler = SampleClDeleteVc;
	Cl.ClOidRequestHandler = SampleClOidRequest;
	Cl.ClOidRequestCompleteHandler = SampleClOidRequestComplete;
	Cl.ClOpenAfCompleteHandlerEx = SampleClOpenAfComplete;
	Cl.ClCloseAfCompleteHandler = SampleClCloseAfComplete;
	Cl.ClRegisterSapCompleteHandler = SampleClRegisterSapComplete;
	Cl.ClDeregisterSapCompleteHandler = SampleClDeregisterSapComplete;
	Cl.ClMakeCallCompleteHandler = SampleClMakeCallComplete;
	Cl.ClModifyCallQoSCompleteHandler = SampleClModifyCallQoSComplete;
	Cl.ClCloseCallCompleteHandler = SampleClCloseCallComplete;
	Cl.ClAddPartyCompleteHandler = SampleClAddPartyComplete;
	Cl.ClDropPartyCompleteHandler = SampleClDropPartyComplete;
	Cl.ClIncomingCallHandler = SampleClIncomingCall;
	Cl.ClIncomingCallQoSChangeHandler = SampleClIncomingCallQoSChange;
	Cl.ClIncomingCloseCallHandler = SampleClIncomingCloseCall;
	Cl.ClIncomingDropPartyHandler = SampleClIncomingDropParty;
	Cl.ClCallConnectedHandler = SampleClCallConnected;
	Cl.ClNotifyCloseAfHandler = SampleClNotifyCloseAf;
	return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Cl);
}

static NDIS_STATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
	NDIS_STRING Name = NDIS_STRING_CONST("NdisSampleClient");
	NDIS_STATUS Status;

	NdisAllocateSpinLock(&SampleLock);
	InitializeListHead(&SampleBindings);
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
	Status = NdisRegisterProtocolDriver(NULL, &Chars, &SampleProtocolHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;
	/* (its binds may run already: frames are sent once a call is up) */
	Status = SampleFramesInit(SampleProtocolHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		NdisDeregisterProtocolDriver(SampleProtocolHandle);
	return Status;
}

/* ---- registration: what a port to condis changes --------------------------------------------------------------- */

static int __init SampleClientInit(void)
{
	return DriverEntry(NULL, NULL) == NDIS_STATUS_SUCCESS ? 0 : -ENODEV;
}

static void __exit SampleClientExit(void)
{
	NdisDeregisterProtocolDriver(SampleProtocolHandle);
	SampleFramesFree();
}

module_init(SampleClientInit);
module_exit(SampleClientExit);
MODULE_DESCRIPTION("condis sample: a CoNDIS client written to the DDK");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
