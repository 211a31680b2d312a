// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_sample_cm: a stand-alone CoNDIS call manager written against the
 * NDIS names (<net/condis_ndis.h>), as a Windows CM would be.
 *
 * It registers the address family NDIS_SAMPLE_AF on the loopback adapter
 * ("lo", condis_lo's miniport) of the initial namespace and connects calls
 * between SAPs of that AF: a call's CM-specific parameters name the called
 * SAP. Setting up a call: create a VC on the called SAP's AF, activate it,
 * dispatch the incoming call; the client's answer activates the calling
 * VC and completes the make call. Closing either end deactivates it and
 * tells the other. Everything that takes "network time" runs on a work
 * item, so every request pends and completes later, as on a real network.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <net/condis_ndis.h>
#include "ndis_sample.h"

typedef struct _SAMPLE_AF {
	NDIS_HANDLE NdisAfHandle;
} SAMPLE_AF, *PSAMPLE_AF;

typedef struct _SAMPLE_SAP {
	struct list_head Link;
	PSAMPLE_AF Af;
	NDIS_HANDLE NdisSapHandle;
	CO_SAP Sap;
} SAMPLE_SAP, *PSAMPLE_SAP;

typedef struct _SAMPLE_VC {
	PSAMPLE_AF Af;
	NDIS_HANDLE NdisVcHandle;
	struct _SAMPLE_VC *Peer;	/* the other end of the call */
	BOOLEAN Incoming;		/* this CM created it */
	PCO_CALL_PARAMETERS CallParameters;	/* make call, until answered */
} SAMPLE_VC, *PSAMPLE_VC;

enum sample_op { OP_MAKE_CALL, OP_ANSWER, OP_CLOSE, OP_REGISTER_SAP, OP_DEREGISTER_SAP };

struct sample_work {
	struct work_struct Work;
	enum sample_op Op;
	PSAMPLE_VC Vc;
	PSAMPLE_SAP Sap;
	NDIS_STATUS Status;
};

static NDIS_HANDLE SampleAdapter;
static LIST_HEAD(SampleSaps);		/* registered, under SampleLock */
static DEFINE_MUTEX(SampleLock);
static struct workqueue_struct *SampleWq;

static void SampleWork(struct work_struct *Work);

/* Queue an operation: the request pends, the work item completes it. */
static NDIS_STATUS SampleQueue(enum sample_op Op, PSAMPLE_VC Vc, PSAMPLE_SAP Sap,
			       NDIS_STATUS Status)
{
	struct sample_work *w = kzalloc(sizeof(*w), GFP_KERNEL | __GFP_NOFAIL);

	w->Op = Op;
	w->Vc = Vc;
	w->Sap = Sap;
	w->Status = Status;
	INIT_WORK(&w->Work, SampleWork);
	queue_work(SampleWq, &w->Work);
	return NDIS_STATUS_PENDING;
}

/* ---- address family and SAPs ------------------------------------------------ */

static NDIS_STATUS SampleCmOpenAf(NDIS_HANDLE CallMgrBindingContext,
				  PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle,
				  PNDIS_HANDLE CallMgrAfContext)
{
	PSAMPLE_AF Af = kzalloc(sizeof(*Af), GFP_KERNEL);

	if (!Af)
		return NDIS_STATUS_RESOURCES;
	Af->NdisAfHandle = NdisAfHandle;
	*CallMgrAfContext = Af;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS SampleCmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
	kfree(CallMgrAfContext);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS SampleCmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
				       NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
	PSAMPLE_SAP S;

	if (!Sap->len || Sap->len > sizeof(Sap->sap))
		return NDIS_STATUS_INVALID_DATA;
	S = kzalloc(sizeof(*S), GFP_KERNEL);
	if (!S)
		return NDIS_STATUS_RESOURCES;
	S->Af = CallMgrAfContext;
	S->NdisSapHandle = NdisSapHandle;
	S->Sap = *Sap;
	INIT_LIST_HEAD(&S->Link);
	*CallMgrSapContext = S;
	return SampleQueue(OP_REGISTER_SAP, NULL, S, 0);
}

static NDIS_STATUS SampleCmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
	return SampleQueue(OP_DEREGISTER_SAP, NULL, CallMgrSapContext, 0);
}

/* ---- VCs and calls ------------------------------------------------------------ */

static PSAMPLE_VC SampleVcNew(PSAMPLE_AF Af, NDIS_HANDLE NdisVcHandle)
{
	PSAMPLE_VC Vc = kzalloc(sizeof(*Vc), GFP_KERNEL);

	if (Vc) {
		Vc->Af = Af;
		Vc->NdisVcHandle = NdisVcHandle;
	}
	return Vc;
}

/* a client's VC */
static NDIS_STATUS SampleCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
				    PNDIS_HANDLE ProtocolVcContext)
{
	PSAMPLE_VC Vc = SampleVcNew(ProtocolAfContext, NdisVcHandle);

	if (!Vc)
		return NDIS_STATUS_RESOURCES;
	*ProtocolVcContext = Vc;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS SampleCmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	/*
	 * work queued before may still name it: let it go after that (the
	 * queue is WQ_MEM_RECLAIM, as condis's: flushed from its handlers)
	 */
	flush_workqueue(SampleWq);
	kfree(ProtocolVcContext);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS SampleCmMakeCall(NDIS_HANDLE CallMgrVcContext,
				    PCO_CALL_PARAMETERS CallParameters,
				    NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	PSAMPLE_VC Vc = CallMgrVcContext;

	if (NdisPartyHandle)
		return NDIS_STATUS_NOT_SUPPORTED;	/* no multipoint here */
	Vc->CallParameters = CallParameters;	/* condis's copy, for the request */
	return SampleQueue(OP_MAKE_CALL, Vc, NULL, 0);
}

static VOID SampleCmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
					 PCO_CALL_PARAMETERS CallParameters)
{
	SampleQueue(OP_ANSWER, CallMgrVcContext, NULL, Status);
}

static NDIS_STATUS SampleCmCloseCall(NDIS_HANDLE CallMgrVcContext,
				     NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
	return SampleQueue(OP_CLOSE, CallMgrVcContext, NULL, 0);
}

static NDIS_STATUS SampleCmAddParty(NDIS_HANDLE CallMgrVcContext,
				    PCO_CALL_PARAMETERS CallParameters,
				    NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS SampleCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
				     UINT Size)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS SampleCmModifyCallQoS(NDIS_HANDLE CallMgrVcContext,
					 PCO_CALL_PARAMETERS CallParameters)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/* Activations complete synchronously on condis_lo; a pended one would land here. */
static VOID SampleCmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				       PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID SampleCmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
}

static VOID SampleCmNotifyCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrAfContext)
{
}

static NDIS_STATUS SampleCmOidRequest(NDIS_HANDLE ProtocolAfContext,
				      NDIS_HANDLE ProtocolVcContext,
				      NDIS_HANDLE ProtocolPartyContext,
				      PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_INVALID_OID;
}

static VOID SampleCmOidRequestComplete(NDIS_HANDLE ProtocolAfContext,
				       NDIS_HANDLE ProtocolVcContext,
				       NDIS_HANDLE ProtocolPartyContext,
				       PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
}

/* ---- the signalling, on the work queue ------------------------------------------------ */

static PSAMPLE_SAP SampleFindSap(PCO_CALL_PARAMETERS Cp)
{
	PSAMPLE_SAP S;

	list_for_each_entry(S, &SampleSaps, Link)
		if (S->Sap.len == Cp->cm_specific_len &&
		    !memcmp(S->Sap.sap, Cp->cm_specific, Cp->cm_specific_len))
			return S;
	return NULL;
}

/* A VC this CM created: deactivate and delete it. */
static VOID SampleDropIncoming(PSAMPLE_VC Vc)
{
	NdisCmDeactivateVc(Vc->NdisVcHandle);
	NdisCoDeleteVc(Vc->NdisVcHandle);
	kfree(Vc);
}

static VOID SampleDoMakeCall(PSAMPLE_VC Caller)
{
	PCO_CALL_PARAMETERS Cp = Caller->CallParameters;
	PSAMPLE_VC Callee = NULL;
	PSAMPLE_SAP S;
	NDIS_STATUS Status;

	mutex_lock(&SampleLock);
	S = SampleFindSap(Cp);
	Status = NDIS_STATUS_INVALID_ADDRESS;
	if (S) {
		Callee = SampleVcNew(S->Af, NULL);
		Status = Callee ? NdisCoCreateVc(NULL, S->Af->NdisAfHandle, Callee,
						 &Callee->NdisVcHandle) :
				  NDIS_STATUS_RESOURCES;
	}
	if (Status == NDIS_STATUS_SUCCESS) {
		Callee->Incoming = TRUE;
		Callee->Peer = Caller;
		Caller->Peer = Callee;
		Status = NdisCmActivateVc(Callee->NdisVcHandle, Cp);
		if (Status == NDIS_STATUS_SUCCESS)
			Status = NdisCmDispatchIncomingCall(S->NdisSapHandle,
							    Callee->NdisVcHandle, Cp);
		if (Status != NDIS_STATUS_SUCCESS) {
			Caller->Peer = NULL;
			SampleDropIncoming(Callee);
		}
	} else {
		kfree(Callee);
	}
	mutex_unlock(&SampleLock);
	if (Status != NDIS_STATUS_SUCCESS) {
		Caller->CallParameters = NULL;
		NdisCmMakeCallComplete(Status, Caller->NdisVcHandle, NULL, NULL, NULL);
	}
}

/* The called client answered. */
static VOID SampleDoAnswer(PSAMPLE_VC Callee, NDIS_STATUS Status)
{
	PSAMPLE_VC Caller = Callee->Peer;

	if (!Caller) {		/* the caller went meanwhile */
		if (Status == NDIS_STATUS_SUCCESS) {
			NdisCmDispatchCallConnected(Callee->NdisVcHandle);
			NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS,
							Callee->NdisVcHandle, NULL, 0);
		} else {
			SampleDropIncoming(Callee);
		}
		return;
	}
	if (Status == NDIS_STATUS_SUCCESS)
		Status = NdisCmActivateVc(Caller->NdisVcHandle, Caller->CallParameters);
	Caller->CallParameters = NULL;
	if (Status != NDIS_STATUS_SUCCESS) {
		Caller->Peer = NULL;
		SampleDropIncoming(Callee);
		NdisCmMakeCallComplete(Status, Caller->NdisVcHandle, NULL, NULL, NULL);
		return;
	}
	NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Caller->NdisVcHandle, NULL, NULL, NULL);
	NdisCmDispatchCallConnected(Callee->NdisVcHandle);
}

/* One end closes: deactivate it, complete, tell the other end. */
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
	if (Vc->Incoming) {	/* seed 002: the creator deletes after the close */
		NdisCoDeleteVc(Vc->NdisVcHandle);
		kfree(Vc);
	}
}

static void SampleWork(struct work_struct *Work)
{
	struct sample_work *w = container_of(Work, struct sample_work, Work);
	NDIS_HANDLE h;

	switch (w->Op) {
	case OP_MAKE_CALL:
		SampleDoMakeCall(w->Vc);
		break;
	case OP_ANSWER:
		SampleDoAnswer(w->Vc, w->Status);
		break;
	case OP_CLOSE:
		SampleDoClose(w->Vc);
		break;
	case OP_REGISTER_SAP:
		h = w->Sap->NdisSapHandle;
		mutex_lock(&SampleLock);
		list_add_tail(&w->Sap->Link, &SampleSaps);
		mutex_unlock(&SampleLock);
		NdisCmRegisterSapComplete(NDIS_STATUS_SUCCESS, h, w->Sap);
		break;
	case OP_DEREGISTER_SAP:
		h = w->Sap->NdisSapHandle;
		mutex_lock(&SampleLock);
		list_del(&w->Sap->Link);
		mutex_unlock(&SampleLock);
		kfree(w->Sap);
		NdisCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, h);
		break;
	}
	kfree(w);
}

/* ---- registration ------------------------------------------------------------------------ */

static const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS SampleCmHandlers = {
	.CmCreateVcHandler = SampleCmCreateVc,
	.CmDeleteVcHandler = SampleCmDeleteVc,
	.CmOpenAfHandler = SampleCmOpenAf,
	.CmCloseAfHandler = SampleCmCloseAf,
	.CmRegisterSapHandler = SampleCmRegisterSap,
	.CmDeregisterSapHandler = SampleCmDeregisterSap,
	.CmMakeCallHandler = SampleCmMakeCall,
	.CmCloseCallHandler = SampleCmCloseCall,
	.CmIncomingCallCompleteHandler = SampleCmIncomingCallComplete,
	.CmAddPartyHandler = SampleCmAddParty,
	.CmDropPartyHandler = SampleCmDropParty,
	.CmActivateVcCompleteHandler = SampleCmActivateVcComplete,
	.CmDeactivateVcCompleteHandler = SampleCmDeactivateVcComplete,
	.CmModifyCallQoSHandler = SampleCmModifyCallQoS,
	.CmOidRequestHandler = SampleCmOidRequest,
	.CmOidRequestCompleteHandler = SampleCmOidRequestComplete,
	.CmNotifyCloseAfCompleteHandler = SampleCmNotifyCloseAfComplete,
};

static const NDIS_PROTOCOL_CO_CHARACTERISTICS SampleCmCo = {};

static int __init SampleCmInit(void)
{
	CO_ADDRESS_FAMILY Af = { .AddressFamily = NDIS_SAMPLE_AF, .MajorVersion = 1 };
	NDIS_STATUS Status;

	SampleAdapter = NdisCoFindAdapter(&init_net, "lo");
	if (!SampleAdapter) {
		pr_err("ndis_sample_cm: no adapter \"lo\" (load condis_lo first)\n");
		return -ENODEV;
	}
	SampleWq = alloc_ordered_workqueue("ndis_sample_cm", WQ_MEM_RECLAIM);
	if (!SampleWq)
		return -ENOMEM;
	NdisCoSetCallManagerHandlers(NULL, &SampleCmCo, &SampleCmHandlers);
	Status = NdisCmRegisterAddressFamilyEx(SampleAdapter, &Af);
	if (Status != NDIS_STATUS_SUCCESS) {
		destroy_workqueue(SampleWq);
		return Status;
	}
	return 0;
}

static void __exit SampleCmExit(void)
{
	NdisCmDeregisterAddressFamily();
	destroy_workqueue(SampleWq);
}

module_init(SampleCmInit);
module_exit(SampleCmExit);
MODULE_DESCRIPTION("condis sample: a stand-alone call manager in NDIS style");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
