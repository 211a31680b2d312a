// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_sample_client: a CoNDIS client written against the NDIS names
 * (<net/condis_ndis.h>), as a Windows client would be.
 *
 * When the sample call manager's address family appears (on the loopback
 * adapter) it opens it, registers the SAP NDIS_SAMPLE_SAP, and calls that
 * SAP: it is both the caller and the called client. The called side
 * accepts; the calling side sends a frame, and when the frame is back
 * closes the call; the called side answers the incoming close. Then the
 * SAP is deregistered and the AF closed, and "ndis_sample_client: done"
 * is logged (or where it failed). Every step is driven by the handler of
 * the step before, whether the request completed at once or pended.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <net/condis_ndis.h>
#include "ndis_sample.h"

typedef struct _SAMPLE_VC {
	NDIS_HANDLE NdisVcHandle;
	BOOLEAN Incoming;
} SAMPLE_VC, *PSAMPLE_VC;

typedef struct _SAMPLE_CLIENT {
	NDIS_HANDLE NdisClientHandle;
	NDIS_HANDLE NdisAfHandle;
	NDIS_HANDLE NdisSapHandle;
	BOOLEAN AfOpening;
	SAMPLE_VC Caller;
	SAMPLE_VC Callee;
	atomic_t CallEnds;	/* ends of the call still to go */
	struct work_struct CloseWork;
} SAMPLE_CLIENT, *PSAMPLE_CLIENT;

static SAMPLE_CLIENT Client;

static VOID SampleFailed(const char *Step, NDIS_STATUS Status)
{
	pr_err("ndis_sample_client: failed at %s: %s\n", Step, condis_status_name(Status));
}

static VOID SampleStep(const char *Step)
{
	pr_info("ndis_sample_client: %s\n", Step);
}

/* ---- AF and SAP ---------------------------------------------------------------- */

static VOID SampleClOpenAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
				   NDIS_HANDLE NdisAfHandle);
static VOID SampleClRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext,
					PCO_SAP Sap, NDIS_HANDLE NdisSapHandle);
static VOID SampleClDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext);
static VOID SampleClCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext);

static VOID SampleCoAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
				     PCO_ADDRESS_FAMILY AddressFamily)
{
	PSAMPLE_CLIENT C = ProtocolBindingContext;
	NDIS_STATUS Status;

	if (AddressFamily->AddressFamily != NDIS_SAMPLE_AF || C->AfOpening)
		return;
	C->AfOpening = TRUE;
	Status = NdisClOpenAddressFamilyEx(AddressFamily->NdisBindingHandle, AddressFamily, C,
					   &C->NdisAfHandle);
	if (Status != NDIS_STATUS_PENDING)
		SampleClOpenAfComplete(Status, C, C->NdisAfHandle);
}

static VOID SampleClOpenAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
				   NDIS_HANDLE NdisAfHandle)
{
	PSAMPLE_CLIENT C = ProtocolAfContext;
	CO_SAP Sap = { .len = sizeof(NDIS_SAMPLE_SAP) - 1 };

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("open AF", Status);
	C->NdisAfHandle = NdisAfHandle;
	SampleStep("AF opened");
	memcpy(Sap.sap, NDIS_SAMPLE_SAP, Sap.len);
	Status = NdisClRegisterSap(NdisAfHandle, C, &Sap, &C->NdisSapHandle);
	if (Status != NDIS_STATUS_PENDING)
		SampleClRegisterSapComplete(Status, C, &Sap, C->NdisSapHandle);
}

/* The SAP is there: call it. */
static VOID SampleClRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext,
					PCO_SAP Sap, NDIS_HANDLE NdisSapHandle)
{
	PSAMPLE_CLIENT C = ProtocolSapContext;
	PCO_CALL_PARAMETERS Cp;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("register SAP", Status);
	C->NdisSapHandle = NdisSapHandle;
	SampleStep("SAP registered");
	Status = NdisCoCreateVc(NULL, C->NdisAfHandle, &C->Caller, &C->Caller.NdisVcHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("create VC", Status);
	Cp = NdisCoAllocateCallParameters(sizeof(NDIS_SAMPLE_SAP) - 1, 0);
	if (!Cp)
		return SampleFailed("allocate call parameters", NDIS_STATUS_RESOURCES);
	memcpy(Cp->cm_specific, NDIS_SAMPLE_SAP, Cp->cm_specific_len);
	Cp->tx.peak_bandwidth = 1000000;
	Cp->rx.peak_bandwidth = 1000000;
	Status = NdisClMakeCall(C->Caller.NdisVcHandle, Cp, NULL, NULL);
	NdisCoFreeCallParameters(Cp);		/* condis copied them */
	if (Status != NDIS_STATUS_PENDING && Status != NDIS_STATUS_SUCCESS)
		SampleFailed("make call", Status);
}

/* Both ends of the call are gone: deregister, close. */
static VOID SampleCallEndGone(PSAMPLE_CLIENT C)
{
	NDIS_STATUS Status;

	if (!atomic_dec_and_test(&C->CallEnds))
		return;
	SampleStep("call closed at both ends");
	Status = NdisClDeregisterSap(C->NdisSapHandle);
	if (Status != NDIS_STATUS_PENDING)
		SampleClDeregisterSapComplete(Status, C);
}

static VOID SampleClDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext)
{
	PSAMPLE_CLIENT C = ProtocolSapContext;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("deregister SAP", Status);
	Status = NdisClCloseAddressFamily(C->NdisAfHandle);
	if (Status != NDIS_STATUS_PENDING)
		SampleClCloseAfComplete(Status, C);
}

static VOID SampleClCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext)
{
	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("close AF", Status);
	SampleStep("done: call made, accepted, connected, frame sent, closed at both ends");
}

static NDIS_STATUS SampleClNotifyCloseAf(NDIS_HANDLE ProtocolAfContext)
{
	SampleStep("the call manager closes the AF");
	return NDIS_STATUS_SUCCESS;	/* condis closes what is left on it */
}

/* ---- the call ---------------------------------------------------------------------- */

/* A VC the call manager creates for an incoming call. */
static NDIS_STATUS SampleClCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
				    PNDIS_HANDLE ProtocolVcContext)
{
	PSAMPLE_CLIENT C = ProtocolAfContext;

	C->Callee.NdisVcHandle = NdisVcHandle;
	C->Callee.Incoming = TRUE;
	*ProtocolVcContext = &C->Callee;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS SampleClDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	SampleCallEndGone(&Client);	/* the called end */
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS SampleClIncomingCall(NDIS_HANDLE ProtocolSapContext,
					NDIS_HANDLE ProtocolVcContext,
					PCO_CALL_PARAMETERS CallParameters)
{
	SampleStep("incoming call accepted");
	return NDIS_STATUS_SUCCESS;
}

static VOID SampleClCallConnected(NDIS_HANDLE ProtocolVcContext)
{
	SampleStep("call connected (called end)");
}

static VOID SampleClMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				     NDIS_HANDLE NdisPartyHandle,
				     PCO_CALL_PARAMETERS CallParameters)
{
	PSAMPLE_VC Vc = ProtocolVcContext;
	PNET_BUFFER_LIST Nbl;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("make call", Status);
	SampleStep("make call complete (calling end)");
	Nbl = alloc_skb(64, GFP_KERNEL);
	if (!Nbl)
		return SampleFailed("allocate a frame", NDIS_STATUS_RESOURCES);
	skb_put_data(Nbl, "a frame from an NDIS-style client", 33);
	NdisCoSendNetBufferLists(Vc->NdisVcHandle, Nbl, 0);
}

/*
 * The frame is back: close the call. condis counts a send as outstanding
 * until this handler returned, and a call closes with no send outstanding:
 * the close is made from a work item.
 */
static VOID SampleCoSendComplete(NDIS_HANDLE ProtocolVcContext, PNET_BUFFER_LIST NetBufferLists,
				 ULONG SendCompleteFlags)
{
	NDIS_STATUS Status = NDIS_CONDIS_SEND_STATUS(NetBufferLists);

	kfree_skb(NetBufferLists);
	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("send", Status);
	SampleStep("frame sent and completed");
	schedule_work(&Client.CloseWork);
}

static void SampleCloseWork(struct work_struct *Work)
{
	NDIS_STATUS Status = NdisClCloseCall(Client.Caller.NdisVcHandle, NULL, NULL, 0);

	if (Status != NDIS_STATUS_PENDING && Status != NDIS_STATUS_SUCCESS)
		SampleFailed("close call", Status);
}

static VOID SampleCoReceive(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
			    PNET_BUFFER_LIST NetBufferLists, ULONG NumberOfNetBufferLists,
			    ULONG ReceiveFlags)
{
	kfree_skb(NetBufferLists);
}

static VOID SampleClCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				      NDIS_HANDLE ProtocolPartyContext)
{
	PSAMPLE_VC Vc = ProtocolVcContext;

	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("close call", Status);
	if (Vc->Incoming)
		return;		/* the call manager deletes that VC */
	Status = NdisCoDeleteVc(Vc->NdisVcHandle);
	if (Status != NDIS_STATUS_SUCCESS)
		return SampleFailed("delete VC", Status);
	SampleCallEndGone(&Client);	/* the calling end */
}

/* The far end closed: close this end too. */
static VOID SampleClIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext,
				      PVOID CloseData, UINT Size)
{
	PSAMPLE_VC Vc = ProtocolVcContext;
	NDIS_STATUS Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);

	if (Status != NDIS_STATUS_PENDING && Status != NDIS_STATUS_SUCCESS)
		SampleFailed("answer the incoming close", Status);
	else if (Status == NDIS_STATUS_SUCCESS)
		SampleClCloseCallComplete(Status, Vc, NULL);
}

/* What this sample does not use. */
static VOID SampleClModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
					  PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID SampleClIncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext,
					  PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID SampleClAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
				     NDIS_HANDLE NdisPartyHandle,
				     PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID SampleClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
{
}

static VOID SampleClIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
				      PVOID CloseData, UINT Size)
{
}

static NDIS_STATUS SampleClOidRequest(NDIS_HANDLE ProtocolAfContext,
				      NDIS_HANDLE ProtocolVcContext,
				      NDIS_HANDLE ProtocolPartyContext,
				      PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_INVALID_OID;
}

/* ---- registration -------------------------------------------------------------------------- */

static const NDIS_CO_CLIENT_OPTIONAL_HANDLERS SampleClHandlers = {
	.ClCreateVcHandler = SampleClCreateVc,
	.ClDeleteVcHandler = SampleClDeleteVc,
	.ClOidRequestHandler = SampleClOidRequest,
	.ClOpenAfCompleteHandlerEx = SampleClOpenAfComplete,
	.ClCloseAfCompleteHandler = SampleClCloseAfComplete,
	.ClRegisterSapCompleteHandler = SampleClRegisterSapComplete,
	.ClDeregisterSapCompleteHandler = SampleClDeregisterSapComplete,
	.ClMakeCallCompleteHandler = SampleClMakeCallComplete,
	.ClModifyCallQoSCompleteHandler = SampleClModifyCallQoSComplete,
	.ClCloseCallCompleteHandler = SampleClCloseCallComplete,
	.ClAddPartyCompleteHandler = SampleClAddPartyComplete,
	.ClDropPartyCompleteHandler = SampleClDropPartyComplete,
	.ClIncomingCallHandler = SampleClIncomingCall,
	.ClIncomingCallQoSChangeHandler = SampleClIncomingCallQoSChange,
	.ClIncomingCloseCallHandler = SampleClIncomingCloseCall,
	.ClIncomingDropPartyHandler = SampleClIncomingDropParty,
	.ClCallConnectedHandler = SampleClCallConnected,
	.ClNotifyCloseAfHandler = SampleClNotifyCloseAf,
};

static const NDIS_PROTOCOL_CO_CHARACTERISTICS SampleClCo = {
	.CoAfRegisterNotifyHandler = SampleCoAfRegisterNotify,
	.CoReceiveNetBufferListsHandler = SampleCoReceive,
	.CoSendNetBufferListsCompleteHandler = SampleCoSendComplete,
};

static int __init SampleClInit(void)
{
	atomic_set(&Client.CallEnds, 2);
	INIT_WORK(&Client.CloseWork, SampleCloseWork);
	return NdisCoRegisterClient(&init_net, "ndis_sample_client", &Client, &SampleClCo,
				    &SampleClHandlers, &Client.NdisClientHandle);
}

static void __exit SampleClExit(void)
{
	cancel_work_sync(&Client.CloseWork);
	NdisCoDeregisterClient(Client.NdisClientHandle);
}

module_init(SampleClInit);
module_exit(SampleClExit);
MODULE_DESCRIPTION("condis sample: a CoNDIS client in NDIS style");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
