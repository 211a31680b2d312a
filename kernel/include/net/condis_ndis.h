/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_ndis.h - the NDIS names of condis, for porting CoNDIS drivers.
 *
 * A CoNDIS client, call manager or miniport written against the Windows
 * DDK names builds against this header with few changes: NDIS_STATUS
 * values, NDIS_HANDLE, CO_CALL_PARAMETERS and friends, every NdisCl*,
 * NdisCm*, NdisMCm*, NdisCo* and NdisMCo* function of the CoNDIS model and
 * the handler characteristics (NDIS_CO_CLIENT_OPTIONAL_HANDLERS,
 * NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, NDIS_PROTOCOL_CO_CHARACTERISTICS,
 * NDIS_MINIPORT_CO_CHARACTERISTICS) with their NDIS signatures.
 *
 * What differs from NDIS (Documentation/condis/ndis-mapping.rst, "Porting"):
 *
 * - NDIS_STATUS is a condis status: 0, a negative errno or
 *   NDIS_STATUS_PENDING. The NDIS_STATUS_* names are those errnos
 *   (condis_status_to_ndis() gives the Windows value).
 * - Registration: there is no NdisRegisterProtocolDriver or binding. A
 *   client registers with NdisCoRegisterClient() and learns of adapters
 *   from its CoAfRegisterNotifyHandler, whose CO_ADDRESS_FAMILY carries the
 *   adapter as NdisBindingHandle. A call manager gives its handlers with
 *   NdisCoSetCallManagerHandlers() and registers its AF on an adapter
 *   handle (one AF per file) with NdisCmRegisterAddressFamilyEx();
 *   NdisCmDeregisterAddressFamily() undoes it (condis then tears down what
 *   is left on it, in contract order). A miniport registers with
 *   NdisMCoRegisterMiniport().
 * - NET_BUFFER_LIST is a struct sk_buff, one frame per call.
 * - NdisCoOidRequest() and NdisMCmOidRequest() go to the peer protocol
 *   of the AF (a client's to its CM, a CM's to the client); a request for
 *   the miniport is condis_co_oid_request() with CONDIS_OID_TO_MINIPORT.
 * - The glue (handler trampolines and the registered tables) is static in
 *   each file that includes this header: include it in the one file that
 *   registers the role and implements its handlers.
 *
 * Context rules are condis's (<net/condis.h>): requests in process
 * context, completions and indications from any context; handlers run in
 * process context on condis's workqueues except the receive handlers.
 */
#ifndef _NET_CONDIS_NDIS_H
#define _NET_CONDIS_NDIS_H

#include <linux/errno.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <net/condis.h>

/* ---- basic types --------------------------------------------------------- */

typedef void VOID, *PVOID;
typedef u8 UCHAR, *PUCHAR;
typedef u16 USHORT;
typedef u32 ULONG, *PULONG;
typedef u32 UINT;
typedef u8 BOOLEAN;
typedef void *NDIS_HANDLE, **PNDIS_HANDLE;
typedef int NDIS_STATUS, *PNDIS_STATUS;
typedef u32 NDIS_OID;

#define IN
#define OUT
#define TRUE	1
#define FALSE	0

/* ---- status values: condis's, named as in NDIS ------------------------------ */

#define NDIS_STATUS_SUCCESS			0
#define NDIS_STATUS_PENDING			CONDIS_PENDING
#define NDIS_STATUS_FAILURE			(-EIO)
#define NDIS_STATUS_RESOURCES			(-ENOMEM)
#define NDIS_STATUS_NOT_SUPPORTED		(-EOPNOTSUPP)
#define NDIS_STATUS_INVALID_DEVICE_REQUEST	(-EBADFD)
#define NDIS_STATUS_NOT_ACCEPTED		(-EBUSY)
#define NDIS_STATUS_CLOSING			(-ESHUTDOWN)
#define NDIS_STATUS_REQUEST_ABORTED		(-ECANCELED)
#define NDIS_STATUS_INVALID_PACKET		(-EPROTO)
#define NDIS_STATUS_ADAPTER_NOT_READY		(-ENETDOWN)
#define NDIS_STATUS_INVALID_LENGTH		(-EMSGSIZE)
#define NDIS_STATUS_INVALID_DATA		(-EINVAL)
#define NDIS_STATUS_BUFFER_TOO_SHORT		(-ENOBUFS)
#define NDIS_STATUS_INVALID_OID			(-ENOTTY)
#define NDIS_STATUS_ADAPTER_REMOVED		(-ENODEV)
#define NDIS_STATUS_NO_CABLE			(-ENOLINK)
#define NDIS_STATUS_INVALID_SAP			(-EADDRNOTAVAIL)
#define NDIS_STATUS_SAP_IN_USE			(-EADDRINUSE)
#define NDIS_STATUS_INVALID_ADDRESS		(-ENOENT)
#define NDIS_STATUS_VC_NOT_ACTIVATED		(-ENOTCONN)
#define NDIS_STATUS_DEST_OUT_OF_ORDER		(-ECONNREFUSED)
#define NDIS_STATUS_VC_NOT_AVAILABLE		(-EAGAIN)
#define NDIS_STATUS_CELLRATE_NOT_AVAILABLE	(-ENOSR)
#define NDIS_STATUS_INCOMPATABLE_QOS		(-EKEYREJECTED)
#define NDIS_STATUS_AAL_PARAMS_UNSUPPORTED	(-EPROTONOSUPPORT)
#define NDIS_STATUS_NO_ROUTE_TO_DESTINATION	(-EHOSTUNREACH)

#define NDIS_STATUS_SUCCESSFUL(s)	((s) == NDIS_STATUS_SUCCESS)

/* ---- structures ------------------------------------------------------------- */

/* CO_CALL_PARAMETERS: one allocation, blobs included */
typedef struct condis_call_params CO_CALL_PARAMETERS, *PCO_CALL_PARAMETERS;
typedef struct condis_flowspec FLOWSPEC, *PFLOWSPEC;

#define CALL_PARAMETERS_CHANGED		CONDIS_CALL_PARAMETERS_CHANGED
#define QUERY_CALL_PARAMETERS		CONDIS_CALL_QUERY_PARAMETERS
#define PERMANENT_VC			CONDIS_CALL_PERMANENT_VC
#define BROADCAST_VC			CONDIS_CALL_BROADCAST_VC
#define MULTIPOINT_VC			CONDIS_CALL_MULTIPOINT_VC

/* CO_SAP: the SAP bytes are at most sizeof(Sap) */
typedef struct condis_sap_desc CO_SAP, *PCO_SAP;

/**
 * struct _CO_ADDRESS_FAMILY - an address family (NDIS CO_ADDRESS_FAMILY)
 * @AddressFamily: the AF type (CONDIS_AF_TYPE_* or the CM's own)
 * @MajorVersion: as in NDIS; condis does not check it
 * @MinorVersion: as in NDIS; condis does not check it
 * @NdisBindingHandle: condis: the adapter the AF is on (a client opens the
 *	AF with it; NDIS had it from the binding)
 */
typedef struct _CO_ADDRESS_FAMILY {
	ULONG AddressFamily;
	ULONG MajorVersion;
	ULONG MinorVersion;
	NDIS_HANDLE NdisBindingHandle;
} CO_ADDRESS_FAMILY, *PCO_ADDRESS_FAMILY;

typedef struct sk_buff NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct condis_oid_request NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;

#define NdisRequestQueryInformation	CONDIS_OID_QUERY
#define NdisRequestSetInformation	CONDIS_OID_SET

/* ---- handler types, with the NDIS signatures ----------------------------------- */

/* the protocol's CoNDIS handlers, a client's or a call manager's */
typedef VOID PROTOCOL_CO_AF_REGISTER_NOTIFY(NDIS_HANDLE ProtocolBindingContext,
					       PCO_ADDRESS_FAMILY AddressFamily);
typedef NDIS_STATUS PROTOCOL_CO_CREATE_VC(NDIS_HANDLE ProtocolAfContext,
					    NDIS_HANDLE NdisVcHandle,
					    PNDIS_HANDLE ProtocolVcContext);
typedef NDIS_STATUS PROTOCOL_CO_DELETE_VC(NDIS_HANDLE ProtocolVcContext);
typedef NDIS_STATUS PROTOCOL_CO_OID_REQUEST(NDIS_HANDLE ProtocolAfContext,
					      NDIS_HANDLE ProtocolVcContext,
					      NDIS_HANDLE ProtocolPartyContext,
					      PNDIS_OID_REQUEST OidRequest);
typedef VOID PROTOCOL_CO_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolAfContext,
						NDIS_HANDLE ProtocolVcContext,
						NDIS_HANDLE ProtocolPartyContext,
						PNDIS_OID_REQUEST OidRequest,
						NDIS_STATUS Status);
typedef VOID PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS(NDIS_HANDLE ProtocolBindingContext,
						    NDIS_HANDLE ProtocolVcContext,
						    PNET_BUFFER_LIST NetBufferLists,
						    ULONG NumberOfNetBufferLists,
						    ULONG ReceiveFlags);
typedef VOID PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE(NDIS_HANDLE ProtocolVcContext,
							  PNET_BUFFER_LIST NetBufferLists,
							  ULONG SendCompleteFlags);
typedef VOID PROTOCOL_CO_STATUS_EX(NDIS_HANDLE ProtocolBindingContext,
				     NDIS_HANDLE ProtocolVcContext,
				     NDIS_STATUS GeneralStatus, PVOID StatusBuffer,
				     UINT StatusBufferSize);

/**
 * struct _NDIS_PROTOCOL_CO_CHARACTERISTICS - a protocol's CoNDIS handlers
 * @CoAfRegisterNotifyHandler: ProtocolCoAfRegisterNotify (clients)
 * @CoReceiveNetBufferListsHandler: ProtocolCoReceiveNetBufferLists; the
 *	NET_BUFFER_LIST is one sk_buff the handler owns (condis: no return)
 * @CoSendNetBufferListsCompleteHandler: ProtocolCoSendNetBufferListsComplete;
 *	the send status is in NDIS_CONDIS_SEND_STATUS(skb)
 * @CoStatusHandlerEx: ProtocolCoStatusEx
 */
typedef struct _NDIS_PROTOCOL_CO_CHARACTERISTICS {
	PROTOCOL_CO_AF_REGISTER_NOTIFY *CoAfRegisterNotifyHandler;
	PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS *CoReceiveNetBufferListsHandler;
	PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE *CoSendNetBufferListsCompleteHandler;
	PROTOCOL_CO_STATUS_EX *CoStatusHandlerEx;
} NDIS_PROTOCOL_CO_CHARACTERISTICS, *PNDIS_PROTOCOL_CO_CHARACTERISTICS;

/* client */
typedef VOID PROTOCOL_CL_OPEN_AF_COMPLETE_EX(NDIS_STATUS Status,
					       NDIS_HANDLE ProtocolAfContext,
					       NDIS_HANDLE NdisAfHandle);
typedef VOID PROTOCOL_CL_CLOSE_AF_COMPLETE(NDIS_STATUS Status,
					     NDIS_HANDLE ProtocolAfContext);
typedef NDIS_STATUS PROTOCOL_CL_NOTIFY_CLOSE_AF(NDIS_HANDLE ProtocolAfContext);
typedef VOID PROTOCOL_CL_REGISTER_SAP_COMPLETE(NDIS_STATUS Status,
						 NDIS_HANDLE ProtocolSapContext,
						 PCO_SAP Sap, NDIS_HANDLE NdisSapHandle);
typedef VOID PROTOCOL_CL_DEREGISTER_SAP_COMPLETE(NDIS_STATUS Status,
						   NDIS_HANDLE ProtocolSapContext);
typedef VOID PROTOCOL_CL_MAKE_CALL_COMPLETE(NDIS_STATUS Status,
					      NDIS_HANDLE ProtocolVcContext,
					      NDIS_HANDLE NdisPartyHandle,
					      PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_CLOSE_CALL_COMPLETE(NDIS_STATUS Status,
					       NDIS_HANDLE ProtocolVcContext,
					       NDIS_HANDLE ProtocolPartyContext);
typedef VOID PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE(NDIS_STATUS Status,
						    NDIS_HANDLE ProtocolVcContext,
						    PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_ADD_PARTY_COMPLETE(NDIS_STATUS Status,
					      NDIS_HANDLE ProtocolPartyContext,
					      NDIS_HANDLE NdisPartyHandle,
					      PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_DROP_PARTY_COMPLETE(NDIS_STATUS Status,
					       NDIS_HANDLE ProtocolPartyContext);
typedef NDIS_STATUS PROTOCOL_CL_INCOMING_CALL(NDIS_HANDLE ProtocolSapContext,
						NDIS_HANDLE ProtocolVcContext,
						PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE(NDIS_HANDLE ProtocolVcContext,
						    PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_INCOMING_CLOSE_CALL(NDIS_STATUS CloseStatus,
					       NDIS_HANDLE ProtocolVcContext,
					       PVOID CloseData, UINT Size);
typedef VOID PROTOCOL_CL_INCOMING_DROP_PARTY(NDIS_STATUS DropStatus,
					       NDIS_HANDLE ProtocolPartyContext,
					       PVOID CloseData, UINT Size);
typedef VOID PROTOCOL_CL_CALL_CONNECTED(NDIS_HANDLE ProtocolVcContext);

/*
 * NDIS_CO_CLIENT_OPTIONAL_HANDLERS: a client's handlers.
 *
 * Every member as in NDIS; each is required but
 * ClOidRequestCompleteHandler when the client makes no OID request.
 * ClIncomingCallQoSChangeHandler's and the completions' CallParameters
 * must not be changed (condis passes them const).
 */
typedef struct _NDIS_CO_CLIENT_OPTIONAL_HANDLERS {
	PROTOCOL_CO_CREATE_VC *ClCreateVcHandler;
	PROTOCOL_CO_DELETE_VC *ClDeleteVcHandler;
	PROTOCOL_CO_OID_REQUEST *ClOidRequestHandler;
	PROTOCOL_CO_OID_REQUEST_COMPLETE *ClOidRequestCompleteHandler;
	PROTOCOL_CL_OPEN_AF_COMPLETE_EX *ClOpenAfCompleteHandlerEx;
	PROTOCOL_CL_CLOSE_AF_COMPLETE *ClCloseAfCompleteHandler;
	PROTOCOL_CL_REGISTER_SAP_COMPLETE *ClRegisterSapCompleteHandler;
	PROTOCOL_CL_DEREGISTER_SAP_COMPLETE *ClDeregisterSapCompleteHandler;
	PROTOCOL_CL_MAKE_CALL_COMPLETE *ClMakeCallCompleteHandler;
	PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE *ClModifyCallQoSCompleteHandler;
	PROTOCOL_CL_CLOSE_CALL_COMPLETE *ClCloseCallCompleteHandler;
	PROTOCOL_CL_ADD_PARTY_COMPLETE *ClAddPartyCompleteHandler;
	PROTOCOL_CL_DROP_PARTY_COMPLETE *ClDropPartyCompleteHandler;
	PROTOCOL_CL_INCOMING_CALL *ClIncomingCallHandler;
	PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE *ClIncomingCallQoSChangeHandler;
	PROTOCOL_CL_INCOMING_CLOSE_CALL *ClIncomingCloseCallHandler;
	PROTOCOL_CL_INCOMING_DROP_PARTY *ClIncomingDropPartyHandler;
	PROTOCOL_CL_CALL_CONNECTED *ClCallConnectedHandler;
	PROTOCOL_CL_NOTIFY_CLOSE_AF *ClNotifyCloseAfHandler;
} NDIS_CO_CLIENT_OPTIONAL_HANDLERS, *PNDIS_CO_CLIENT_OPTIONAL_HANDLERS;

/* call manager */
typedef NDIS_STATUS PROTOCOL_CM_OPEN_AF(NDIS_HANDLE CallMgrBindingContext,
					  PCO_ADDRESS_FAMILY AddressFamily,
					  NDIS_HANDLE NdisAfHandle,
					  PNDIS_HANDLE CallMgrAfContext);
typedef NDIS_STATUS PROTOCOL_CM_CLOSE_AF(NDIS_HANDLE CallMgrAfContext);
typedef NDIS_STATUS PROTOCOL_CM_REG_SAP(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
					  NDIS_HANDLE NdisSapHandle,
					  PNDIS_HANDLE CallMgrSapContext);
typedef NDIS_STATUS PROTOCOL_CM_DEREGISTER_SAP(NDIS_HANDLE CallMgrSapContext);
typedef NDIS_STATUS PROTOCOL_CM_MAKE_CALL(NDIS_HANDLE CallMgrVcContext,
					    PCO_CALL_PARAMETERS CallParameters,
					    NDIS_HANDLE NdisPartyHandle,
					    PNDIS_HANDLE CallMgrPartyContext);
typedef NDIS_STATUS PROTOCOL_CM_CLOSE_CALL(NDIS_HANDLE CallMgrVcContext,
					     NDIS_HANDLE CallMgrPartyContext,
					     PVOID CloseData, UINT Size);
typedef VOID PROTOCOL_CM_INCOMING_CALL_COMPLETE(NDIS_STATUS Status,
						  NDIS_HANDLE CallMgrVcContext,
						  PCO_CALL_PARAMETERS CallParameters);
typedef NDIS_STATUS PROTOCOL_CM_ADD_PARTY(NDIS_HANDLE CallMgrVcContext,
					    PCO_CALL_PARAMETERS CallParameters,
					    NDIS_HANDLE NdisPartyHandle,
					    PNDIS_HANDLE CallMgrPartyContext);
typedef NDIS_STATUS PROTOCOL_CM_DROP_PARTY(NDIS_HANDLE CallMgrPartyContext,
					     PVOID CloseData, UINT Size);
typedef VOID PROTOCOL_CM_ACTIVATE_VC_COMPLETE(NDIS_STATUS Status,
						NDIS_HANDLE CallMgrVcContext,
						PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CM_DEACTIVATE_VC_COMPLETE(NDIS_STATUS Status,
						  NDIS_HANDLE CallMgrVcContext);
typedef NDIS_STATUS PROTOCOL_CM_MODIFY_QOS_CALL(NDIS_HANDLE CallMgrVcContext,
						  PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE(NDIS_STATUS Status,
						    NDIS_HANDLE CallMgrAfContext);

/*
 * NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS: a call manager's handlers.
 *
 * Every member as in NDIS, each required (the activation completions only
 * for a stand-alone CM).
 */
typedef struct _NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS {
	PROTOCOL_CO_CREATE_VC *CmCreateVcHandler;
	PROTOCOL_CO_DELETE_VC *CmDeleteVcHandler;
	PROTOCOL_CM_OPEN_AF *CmOpenAfHandler;
	PROTOCOL_CM_CLOSE_AF *CmCloseAfHandler;
	PROTOCOL_CM_REG_SAP *CmRegisterSapHandler;
	PROTOCOL_CM_DEREGISTER_SAP *CmDeregisterSapHandler;
	PROTOCOL_CM_MAKE_CALL *CmMakeCallHandler;
	PROTOCOL_CM_CLOSE_CALL *CmCloseCallHandler;
	PROTOCOL_CM_INCOMING_CALL_COMPLETE *CmIncomingCallCompleteHandler;
	PROTOCOL_CM_ADD_PARTY *CmAddPartyHandler;
	PROTOCOL_CM_DROP_PARTY *CmDropPartyHandler;
	PROTOCOL_CM_ACTIVATE_VC_COMPLETE *CmActivateVcCompleteHandler;
	PROTOCOL_CM_DEACTIVATE_VC_COMPLETE *CmDeactivateVcCompleteHandler;
	PROTOCOL_CM_MODIFY_QOS_CALL *CmModifyCallQoSHandler;
	PROTOCOL_CO_OID_REQUEST *CmOidRequestHandler;
	PROTOCOL_CO_OID_REQUEST_COMPLETE *CmOidRequestCompleteHandler;
	PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE *CmNotifyCloseAfCompleteHandler;
} NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, *PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS;

/* miniport */
typedef NDIS_STATUS MINIPORT_CO_CREATE_VC(NDIS_HANDLE MiniportAdapterContext,
					    NDIS_HANDLE NdisVcHandle,
					    PNDIS_HANDLE MiniportVcContext);
typedef NDIS_STATUS MINIPORT_CO_DELETE_VC(NDIS_HANDLE MiniportVcContext);
typedef NDIS_STATUS MINIPORT_CO_ACTIVATE_VC(NDIS_HANDLE MiniportVcContext,
					      PCO_CALL_PARAMETERS CallParameters);
typedef NDIS_STATUS MINIPORT_CO_DEACTIVATE_VC(NDIS_HANDLE MiniportVcContext);
typedef VOID MINIPORT_CO_SEND_NET_BUFFER_LISTS(NDIS_HANDLE MiniportVcContext,
						 PNET_BUFFER_LIST NetBufferLists,
						 ULONG SendFlags);
typedef NDIS_STATUS MINIPORT_CO_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
					      NDIS_HANDLE MiniportVcContext,
					      PNDIS_OID_REQUEST NdisRequest);

/* NDIS_MINIPORT_CO_CHARACTERISTICS: a miniport's CoNDIS handlers */
typedef struct _NDIS_MINIPORT_CO_CHARACTERISTICS {
	MINIPORT_CO_CREATE_VC *CoCreateVcHandler;
	MINIPORT_CO_DELETE_VC *CoDeleteVcHandler;
	MINIPORT_CO_ACTIVATE_VC *CoActivateVcHandler;
	MINIPORT_CO_DEACTIVATE_VC *CoDeactivateVcHandler;
	MINIPORT_CO_SEND_NET_BUFFER_LISTS *CoSendNetBufferListsHandler;
	MINIPORT_CO_OID_REQUEST *CoOidRequestHandler;
} NDIS_MINIPORT_CO_CHARACTERISTICS, *PNDIS_MINIPORT_CO_CHARACTERISTICS;

/* ---- the glue: what a file registered, and the trampolines ------------------------ */

#define NDIS_CONDIS_MAX_AFS	32

/**
 * struct ndis_condis_glue - one file's registrations
 * @co: its protocol's CoNDIS handlers
 * @cl: its client handlers
 * @cl_binding: ProtocolBindingContext of the client
 * @client: the condis client
 * @cm: its call manager handlers
 * @cm_binding: CallMgrBindingContext
 * @cm_reg: the AF it registered
 * @cm_af_type: its type
 * @mp: its miniport handlers
 * @lock: @afs
 * @afs: the client's open AFs (context and handle), for the answer of a
 *	ClNotifyCloseAfHandler that did not pend
 */
struct ndis_condis_glue {
	const NDIS_PROTOCOL_CO_CHARACTERISTICS *co;
	const NDIS_CO_CLIENT_OPTIONAL_HANDLERS *cl;
	NDIS_HANDLE cl_binding;
	struct condis_client *client;
	const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *cm;
	NDIS_HANDLE cm_binding;
	struct condis_cm *cm_reg;
	u32 cm_af_type;
	const NDIS_MINIPORT_CO_CHARACTERISTICS *mp;
	spinlock_t lock;	/* protects afs */
	struct {
		NDIS_HANDLE ctx;
		struct condis_af *af;
	} afs[NDIS_CONDIS_MAX_AFS];
};

static inline struct ndis_condis_glue *ndis_condis_glue(void)
{
	static struct ndis_condis_glue glue = {
		.lock = __SPIN_LOCK_UNLOCKED(glue.lock),
	};

	return &glue;
}

/* The send status of a NET_BUFFER_LIST given back to the protocol. */
#define NDIS_CONDIS_SEND_STATUS(nbl)	(*(int *)(nbl)->cb)

static inline void ndis_condis_af_set(NDIS_HANDLE ctx, struct condis_af *af)
{
	struct ndis_condis_glue *g = ndis_condis_glue();
	unsigned long flags;
	int i;

	spin_lock_irqsave(&g->lock, flags);
	for (i = 0; i < NDIS_CONDIS_MAX_AFS; i++) {
		if (af ? !g->afs[i].af : g->afs[i].ctx == ctx) {
			g->afs[i].ctx = af ? ctx : NULL;
			g->afs[i].af = af;
			break;
		}
	}
	spin_unlock_irqrestore(&g->lock, flags);
}

static inline struct condis_af *ndis_condis_af_get(NDIS_HANDLE ctx)
{
	struct ndis_condis_glue *g = ndis_condis_glue();
	struct condis_af *af = NULL;
	unsigned long flags;
	int i;

	spin_lock_irqsave(&g->lock, flags);
	for (i = 0; i < NDIS_CONDIS_MAX_AFS && !af; i++)
		if (g->afs[i].af && g->afs[i].ctx == ctx)
			af = g->afs[i].af;
	spin_unlock_irqrestore(&g->lock, flags);
	return af;
}

/* protocol handlers shared by the client and the CM */

static inline void ndis_tr_receive(void *vc_ctx, struct sk_buff *skb)
{
	struct ndis_condis_glue *g = ndis_condis_glue();

	if (g->co && g->co->CoReceiveNetBufferListsHandler)
		g->co->CoReceiveNetBufferListsHandler(g->client ? g->cl_binding : g->cm_binding,
						      vc_ctx, skb, 1, 0);
	else
		kfree_skb(skb);
}

static inline void ndis_tr_send_complete(void *vc_ctx, struct sk_buff *skb, int status)
{
	const NDIS_PROTOCOL_CO_CHARACTERISTICS *co = ndis_condis_glue()->co;

	NDIS_CONDIS_SEND_STATUS(skb) = status;
	if (co && co->CoSendNetBufferListsCompleteHandler)
		co->CoSendNetBufferListsCompleteHandler(vc_ctx, skb, 0);
	else
		kfree_skb(skb);
}

static inline void ndis_tr_status(void *ctx, void *vc_ctx, int status,
				  const void *buf, u32 len)
{
	const NDIS_PROTOCOL_CO_CHARACTERISTICS *co = ndis_condis_glue()->co;

	if (co && co->CoStatusHandlerEx)
		co->CoStatusHandlerEx(ctx, vc_ctx, status, (PVOID)buf, len);
}

/* client trampolines */

#define NDIS_CL(h)	(ndis_condis_glue()->cl->h)

static inline void ndis_tr_af_register_notify(void *cl_ctx, struct condis_adapter *adapter,
					      u32 af_type)
{
	CO_ADDRESS_FAMILY af = {
		.AddressFamily = af_type, .MajorVersion = 1,
		.NdisBindingHandle = adapter,
	};
	const NDIS_PROTOCOL_CO_CHARACTERISTICS *co = ndis_condis_glue()->co;

	if (co && co->CoAfRegisterNotifyHandler)
		co->CoAfRegisterNotifyHandler(cl_ctx, &af);
}

static inline void ndis_tr_cl_open_af_complete(int status, void *ctx, struct condis_af *af)
{
	if (!status)
		ndis_condis_af_set(ctx, af);
	NDIS_CL(ClOpenAfCompleteHandlerEx)(status, ctx, af);
}

static inline void ndis_tr_cl_close_af_complete(int status, void *ctx)
{
	if (!status)
		ndis_condis_af_set(ctx, NULL);
	NDIS_CL(ClCloseAfCompleteHandler)(status, ctx);
}

static inline void ndis_tr_cl_notify_close_af(void *ctx)
{
	struct condis_af *af = ndis_condis_af_get(ctx);
	NDIS_STATUS st = NDIS_CL(ClNotifyCloseAfHandler)(ctx);

	/* the AF closes after the answer, whoever closes it */
	ndis_condis_af_set(ctx, NULL);
	if (st != NDIS_STATUS_PENDING && af)
		condis_cl_notify_close_af_complete(st, af);
}

static inline void ndis_tr_cl_register_sap_complete(int status, void *ctx,
						    struct condis_sap *sap)
{
	NDIS_CL(ClRegisterSapCompleteHandler)(status, ctx, NULL, sap);
}

static inline void ndis_tr_cl_deregister_sap_complete(int status, void *ctx)
{
	NDIS_CL(ClDeregisterSapCompleteHandler)(status, ctx);
}

static inline int ndis_tr_cl_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	return NDIS_CL(ClCreateVcHandler)(af_ctx, vc, vc_ctx);
}

static inline int ndis_tr_cl_delete_vc(void *vc_ctx)
{
	return NDIS_CL(ClDeleteVcHandler)(vc_ctx);
}

static inline void ndis_tr_cl_make_call_complete(int status, void *vc_ctx,
						 struct condis_party *party,
						 const struct condis_call_params *cp)
{
	NDIS_CL(ClMakeCallCompleteHandler)(status, vc_ctx, party, (PCO_CALL_PARAMETERS)cp);
}

static inline void ndis_tr_cl_close_call_complete(int status, void *vc_ctx, void *party_ctx)
{
	NDIS_CL(ClCloseCallCompleteHandler)(status, vc_ctx, party_ctx);
}

static inline int ndis_tr_cl_incoming_call(void *sap_ctx, void *vc_ctx,
					   struct condis_call_params *cp)
{
	return NDIS_CL(ClIncomingCallHandler)(sap_ctx, vc_ctx, cp);
}

static inline void ndis_tr_cl_call_connected(void *vc_ctx)
{
	NDIS_CL(ClCallConnectedHandler)(vc_ctx);
}

static inline void ndis_tr_cl_incoming_close(int cause, void *vc_ctx, const void *buf, u32 len)
{
	NDIS_CL(ClIncomingCloseCallHandler)(cause, vc_ctx, (PVOID)buf, len);
}

static inline void ndis_tr_cl_modify_qos_complete(int status, void *vc_ctx,
						  const struct condis_call_params *cp)
{
	NDIS_CL(ClModifyCallQoSCompleteHandler)(status, vc_ctx, (PCO_CALL_PARAMETERS)cp);
}

static inline void ndis_tr_cl_incoming_qos_change(void *vc_ctx,
						  const struct condis_call_params *cp)
{
	NDIS_CL(ClIncomingCallQoSChangeHandler)(vc_ctx, (PCO_CALL_PARAMETERS)cp);
}

static inline void ndis_tr_cl_add_party_complete(int status, void *party_ctx,
						 struct condis_party *party,
						 const struct condis_call_params *cp)
{
	NDIS_CL(ClAddPartyCompleteHandler)(status, party_ctx, party, (PCO_CALL_PARAMETERS)cp);
}

static inline void ndis_tr_cl_drop_party_complete(int status, void *party_ctx)
{
	NDIS_CL(ClDropPartyCompleteHandler)(status, party_ctx);
}

static inline void ndis_tr_cl_incoming_drop_party(int cause, void *party_ctx,
						  const void *buf, u32 len)
{
	NDIS_CL(ClIncomingDropPartyHandler)(cause, party_ctx, (PVOID)buf, len);
}

static inline int ndis_tr_cl_oid_request(void *af_ctx, void *vc_ctx,
					 struct condis_oid_request *req)
{
	return NDIS_CL(ClOidRequestHandler)(af_ctx, vc_ctx, NULL, req);
}

static inline void ndis_tr_cl_oid_request_complete(void *af_ctx,
						   struct condis_oid_request *req, int status)
{
	if (NDIS_CL(ClOidRequestCompleteHandler))
		NDIS_CL(ClOidRequestCompleteHandler)(af_ctx, NULL, NULL, req, status);
}

static const struct condis_client_ops ndis_condis_client_ops __maybe_unused = {
	.af_register_notify = ndis_tr_af_register_notify,
	.open_af_complete = ndis_tr_cl_open_af_complete,
	.close_af_complete = ndis_tr_cl_close_af_complete,
	.notify_close_af = ndis_tr_cl_notify_close_af,
	.register_sap_complete = ndis_tr_cl_register_sap_complete,
	.deregister_sap_complete = ndis_tr_cl_deregister_sap_complete,
	.create_vc = ndis_tr_cl_create_vc,
	.delete_vc = ndis_tr_cl_delete_vc,
	.make_call_complete = ndis_tr_cl_make_call_complete,
	.close_call_complete = ndis_tr_cl_close_call_complete,
	.incoming_call = ndis_tr_cl_incoming_call,
	.call_connected = ndis_tr_cl_call_connected,
	.incoming_close = ndis_tr_cl_incoming_close,
	.modify_qos_complete = ndis_tr_cl_modify_qos_complete,
	.incoming_qos_change = ndis_tr_cl_incoming_qos_change,
	.add_party_complete = ndis_tr_cl_add_party_complete,
	.drop_party_complete = ndis_tr_cl_drop_party_complete,
	.incoming_drop_party = ndis_tr_cl_incoming_drop_party,
	.oid_request = ndis_tr_cl_oid_request,
	.oid_request_complete = ndis_tr_cl_oid_request_complete,
	.receive = ndis_tr_receive,
	.send_complete = ndis_tr_send_complete,
	.status = ndis_tr_status,
};

/* call manager trampolines */

#define NDIS_CM(h)	(ndis_condis_glue()->cm->h)

static inline int ndis_tr_cm_open_af(void *cm_ctx, struct condis_af *af, void **af_ctx)
{
	CO_ADDRESS_FAMILY family = {
		.AddressFamily = ndis_condis_glue()->cm_af_type, .MajorVersion = 1,
	};

	return NDIS_CM(CmOpenAfHandler)(ndis_condis_glue()->cm_binding, &family, af, af_ctx);
}

static inline int ndis_tr_cm_close_af(void *af_ctx)
{
	return NDIS_CM(CmCloseAfHandler)(af_ctx);
}

static inline int ndis_tr_cm_register_sap(void *af_ctx, const struct condis_sap_desc *desc,
					  struct condis_sap *sap, void **sap_ctx)
{
	return NDIS_CM(CmRegisterSapHandler)(af_ctx, (PCO_SAP)desc, sap, sap_ctx);
}

static inline int ndis_tr_cm_deregister_sap(void *sap_ctx)
{
	return NDIS_CM(CmDeregisterSapHandler)(sap_ctx);
}

static inline int ndis_tr_cm_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	return NDIS_CM(CmCreateVcHandler)(af_ctx, vc, vc_ctx);
}

static inline int ndis_tr_cm_delete_vc(void *vc_ctx)
{
	return NDIS_CM(CmDeleteVcHandler)(vc_ctx);
}

static inline int ndis_tr_cm_make_call(void *vc_ctx, struct condis_call_params *cp,
				       struct condis_party *party, void **party_ctx)
{
	return NDIS_CM(CmMakeCallHandler)(vc_ctx, cp, party, party_ctx);
}

static inline int ndis_tr_cm_close_call(void *vc_ctx, void *party_ctx, const void *buf,
					u32 len)
{
	return NDIS_CM(CmCloseCallHandler)(vc_ctx, party_ctx, (PVOID)buf, len);
}

static inline void ndis_tr_cm_incoming_call_complete(int status, void *vc_ctx,
						     const struct condis_call_params *cp)
{
	NDIS_CM(CmIncomingCallCompleteHandler)(status, vc_ctx, (PCO_CALL_PARAMETERS)cp);
}

static inline int ndis_tr_cm_add_party(void *vc_ctx, struct condis_call_params *cp,
				       struct condis_party *party, void **party_ctx)
{
	return NDIS_CM(CmAddPartyHandler)(vc_ctx, cp, party, party_ctx);
}

static inline int ndis_tr_cm_drop_party(void *party_ctx, const void *buf, u32 len)
{
	return NDIS_CM(CmDropPartyHandler)(party_ctx, (PVOID)buf, len);
}

static inline int ndis_tr_cm_modify_qos(void *vc_ctx, struct condis_call_params *cp)
{
	return NDIS_CM(CmModifyCallQoSHandler)(vc_ctx, cp);
}

static inline void ndis_tr_cm_activate_vc_complete(int status, void *vc_ctx,
						   const struct condis_call_params *cp)
{
	NDIS_CM(CmActivateVcCompleteHandler)(status, vc_ctx, (PCO_CALL_PARAMETERS)cp);
}

static inline void ndis_tr_cm_deactivate_vc_complete(int status, void *vc_ctx)
{
	NDIS_CM(CmDeactivateVcCompleteHandler)(status, vc_ctx);
}

static inline void ndis_tr_cm_notify_close_af_complete(int status, void *af_ctx)
{
	NDIS_CM(CmNotifyCloseAfCompleteHandler)(status, af_ctx);
}

static inline int ndis_tr_cm_oid_request(void *af_ctx, void *vc_ctx,
					 struct condis_oid_request *req)
{
	return NDIS_CM(CmOidRequestHandler)(af_ctx, vc_ctx, NULL, req);
}

static inline void ndis_tr_cm_oid_request_complete(void *af_ctx,
						   struct condis_oid_request *req, int status)
{
	if (NDIS_CM(CmOidRequestCompleteHandler))
		NDIS_CM(CmOidRequestCompleteHandler)(af_ctx, NULL, NULL, req, status);
}

static const struct condis_cm_ops ndis_condis_cm_ops __maybe_unused = {
	.open_af = ndis_tr_cm_open_af,
	.close_af = ndis_tr_cm_close_af,
	.register_sap = ndis_tr_cm_register_sap,
	.deregister_sap = ndis_tr_cm_deregister_sap,
	.create_vc = ndis_tr_cm_create_vc,
	.delete_vc = ndis_tr_cm_delete_vc,
	.make_call = ndis_tr_cm_make_call,
	.close_call = ndis_tr_cm_close_call,
	.incoming_call_complete = ndis_tr_cm_incoming_call_complete,
	.add_party = ndis_tr_cm_add_party,
	.drop_party = ndis_tr_cm_drop_party,
	.modify_qos = ndis_tr_cm_modify_qos,
	.activate_vc_complete = ndis_tr_cm_activate_vc_complete,
	.deactivate_vc_complete = ndis_tr_cm_deactivate_vc_complete,
	.notify_close_af_complete = ndis_tr_cm_notify_close_af_complete,
	.oid_request = ndis_tr_cm_oid_request,
	.oid_request_complete = ndis_tr_cm_oid_request_complete,
	.receive = ndis_tr_receive,
	.send_complete = ndis_tr_send_complete,
	.status = ndis_tr_status,
};

/* miniport trampolines */

#define NDIS_MP(h)	(ndis_condis_glue()->mp->h)

static inline int ndis_tr_mp_create_vc(void *mp_ctx, struct condis_vc *vc, void **vc_ctx)
{
	return NDIS_MP(CoCreateVcHandler)(mp_ctx, vc, vc_ctx);
}

static inline int ndis_tr_mp_delete_vc(void *vc_ctx)
{
	return NDIS_MP(CoDeleteVcHandler)(vc_ctx);
}

static inline int ndis_tr_mp_activate_vc(void *vc_ctx, struct condis_call_params *cp)
{
	return NDIS_MP(CoActivateVcHandler)(vc_ctx, cp);
}

static inline int ndis_tr_mp_deactivate_vc(void *vc_ctx)
{
	return NDIS_MP(CoDeactivateVcHandler)(vc_ctx);
}

static inline void ndis_tr_mp_send(void *vc_ctx, struct sk_buff *skb)
{
	NDIS_MP(CoSendNetBufferListsHandler)(vc_ctx, skb, 0);
}

static inline int ndis_tr_mp_oid_request(void *mp_ctx, void *vc_ctx,
					 struct condis_oid_request *req)
{
	return NDIS_MP(CoOidRequestHandler)(mp_ctx, vc_ctx, req);
}

static const struct condis_miniport_ops ndis_condis_miniport_ops __maybe_unused = {
	.create_vc = ndis_tr_mp_create_vc,
	.delete_vc = ndis_tr_mp_delete_vc,
	.activate_vc = ndis_tr_mp_activate_vc,
	.deactivate_vc = ndis_tr_mp_deactivate_vc,
	.send = ndis_tr_mp_send,
	.oid_request = ndis_tr_mp_oid_request,
};

/* ---- registration (condis's stand-ins for NDIS's driver registration) ------------- */

/**
 * NdisCoRegisterClient - register the file's client (NdisRegisterProtocolDriver
 *	and NdisSetOptionalHandlers in NDIS)
 * @net: the network namespace it works in
 * @name: its name (debugfs)
 * @ProtocolBindingContext: passed to CoAfRegisterNotifyHandler and CoStatusHandlerEx
 * @Co: its CoNDIS protocol handlers
 * @Cl: its client handlers
 * @NdisClientHandle: the registration, for NdisCoDeregisterClient()
 *
 * CoAfRegisterNotifyHandler runs for every AF already registered in @net.
 * Context: process.
 * Return: NDIS_STATUS_SUCCESS or a failure.
 */
static inline NDIS_STATUS
NdisCoRegisterClient(struct net *net, const char *name, NDIS_HANDLE ProtocolBindingContext,
		     const NDIS_PROTOCOL_CO_CHARACTERISTICS *Co,
		     const NDIS_CO_CLIENT_OPTIONAL_HANDLERS *Cl, PNDIS_HANDLE NdisClientHandle)
{
	struct ndis_condis_glue *g = ndis_condis_glue();
	int ret;

	g->co = Co;
	g->cl = Cl;
	g->cl_binding = ProtocolBindingContext;
	ret = condis_client_register(net, name, &ndis_condis_client_ops,
				     ProtocolBindingContext, &g->client);
	if (!ret)
		*NdisClientHandle = g->client;
	return ret;
}

/* Undo NdisCoRegisterClient(): condis closes what the client left open. */
static inline VOID NdisCoDeregisterClient(NDIS_HANDLE NdisClientHandle)
{
	condis_client_unregister(NdisClientHandle);
}

/*
 * condis: the binding. The handle of the adapter registered as @AdapterName
 * in @net (NULL if none), for NdisCmRegisterAddressFamilyEx() or
 * NdisClOpenAddressFamilyEx().
 */
static inline NDIS_HANDLE NdisCoFindAdapter(struct net *net, const char *AdapterName)
{
	return condis_adapter_find(net, AdapterName);
}

/* A call manager's handlers, before NdisCmRegisterAddressFamilyEx(). */
static inline VOID
NdisCoSetCallManagerHandlers(NDIS_HANDLE CallMgrBindingContext,
			     const NDIS_PROTOCOL_CO_CHARACTERISTICS *Co,
			     const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *Cm)
{
	struct ndis_condis_glue *g = ndis_condis_glue();

	g->co = Co;
	g->cm = Cm;
	g->cm_binding = CallMgrBindingContext;
}

/* A miniport: registers its adapter as @name in @net. */
static inline NDIS_STATUS
NdisMCoRegisterMiniport(struct net *net, const char *name,
			NDIS_HANDLE MiniportAdapterContext,
			const NDIS_MINIPORT_CO_CHARACTERISTICS *Co,
			PNDIS_HANDLE MiniportAdapterHandle)
{
	ndis_condis_glue()->mp = Co;
	return condis_miniport_register(net, name, &ndis_condis_miniport_ops,
					MiniportAdapterContext,
					(struct condis_adapter **)MiniportAdapterHandle);
}

static inline VOID NdisMCoDeregisterMiniport(NDIS_HANDLE MiniportAdapterHandle)
{
	condis_miniport_unregister(MiniportAdapterHandle);
}

/* ---- address families and SAPs ----------------------------------------------------- */

static inline NDIS_STATUS
NdisCmRegisterAddressFamilyEx(NDIS_HANDLE NdisBindingHandle, PCO_ADDRESS_FAMILY AddressFamily)
{
	struct ndis_condis_glue *g = ndis_condis_glue();

	g->cm_af_type = AddressFamily->AddressFamily;
	return condis_cm_register_af(NdisBindingHandle, AddressFamily->AddressFamily,
				     &ndis_condis_cm_ops, g->cm_binding, &g->cm_reg);
}

static inline NDIS_STATUS
NdisMCmRegisterAddressFamilyEx(NDIS_HANDLE MiniportAdapterHandle,
			       PCO_ADDRESS_FAMILY AddressFamily)
{
	struct ndis_condis_glue *g = ndis_condis_glue();

	g->cm_af_type = AddressFamily->AddressFamily;
	return condis_mcm_register_af(MiniportAdapterHandle, AddressFamily->AddressFamily,
				      &ndis_condis_cm_ops, g->cm_binding, &g->cm_reg);
}

/* condis: the CM's AF goes (what is left on it is torn down first) */
static inline VOID NdisCmDeregisterAddressFamily(void)
{
	condis_cm_unregister(ndis_condis_glue()->cm_reg);
}

static inline NDIS_STATUS
NdisClOpenAddressFamilyEx(NDIS_HANDLE NdisBindingHandle, PCO_ADDRESS_FAMILY AddressFamily,
			  NDIS_HANDLE ClientAfContext, PNDIS_HANDLE NdisAfHandle)
{
	return condis_cl_open_af(ndis_condis_glue()->client, NdisBindingHandle,
				 AddressFamily->AddressFamily, ClientAfContext,
				 (struct condis_af **)NdisAfHandle);
}

static inline VOID NdisCmOpenAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
						   NDIS_HANDLE CallMgrAfContext)
{
	condis_cm_open_af_complete(Status, NdisAfHandle, CallMgrAfContext);
}

#define NdisMCmOpenAddressFamilyComplete NdisCmOpenAddressFamilyComplete

static inline NDIS_STATUS NdisClCloseAddressFamily(NDIS_HANDLE NdisAfHandle)
{
	return condis_cl_close_af(NdisAfHandle);
}

static inline VOID NdisCmCloseAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle)
{
	condis_cm_close_af_complete(Status, NdisAfHandle);
}

#define NdisMCmCloseAddressFamilyComplete NdisCmCloseAddressFamilyComplete

static inline NDIS_STATUS NdisCmNotifyCloseAddressFamily(NDIS_HANDLE NdisAfHandle)
{
	return condis_cm_notify_close_af(NdisAfHandle);
}

#define NdisMCmNotifyCloseAddressFamily NdisCmNotifyCloseAddressFamily

static inline VOID NdisClNotifyCloseAddressFamilyComplete(NDIS_HANDLE NdisAfHandle,
							  NDIS_STATUS Status)
{
	condis_cl_notify_close_af_complete(Status, NdisAfHandle);
}

static inline NDIS_STATUS NdisClRegisterSap(NDIS_HANDLE NdisAfHandle,
					    NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
					    PNDIS_HANDLE NdisSapHandle)
{
	return condis_cl_register_sap(NdisAfHandle, Sap, ProtocolSapContext,
				      (struct condis_sap **)NdisSapHandle);
}

static inline VOID NdisCmRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle,
					     NDIS_HANDLE CallMgrSapContext)
{
	condis_cm_register_sap_complete(Status, NdisSapHandle, CallMgrSapContext);
}

#define NdisMCmRegisterSapComplete NdisCmRegisterSapComplete

static inline NDIS_STATUS NdisClDeregisterSap(NDIS_HANDLE NdisSapHandle)
{
	return condis_cl_deregister_sap(NdisSapHandle);
}

static inline VOID NdisCmDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle)
{
	condis_cm_deregister_sap_complete(Status, NdisSapHandle);
}

#define NdisMCmDeregisterSapComplete NdisCmDeregisterSapComplete

/* ---- VCs ----------------------------------------------------------------------------- */

/*
 * NdisCoCreateVc: condis needs to know the creator. A client's call
 * creates a client VC; a file that registered a CM and no client creates
 * the CM's. NdisBindingHandle is unused (the AF names the adapter).
 */
static inline NDIS_STATUS NdisCoCreateVc(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
					 NDIS_HANDLE ProtocolVcContext, PNDIS_HANDLE NdisVcHandle)
{
	struct condis_vc **vc = (struct condis_vc **)NdisVcHandle;

	if (ndis_condis_glue()->client)
		return condis_cl_create_vc(NdisAfHandle, ProtocolVcContext, vc);
	return condis_cm_create_vc(NdisAfHandle, ProtocolVcContext, vc);
}

static inline NDIS_STATUS NdisMCmCreateVc(NDIS_HANDLE MiniportAdapterHandle,
					  NDIS_HANDLE NdisAfHandle,
					  NDIS_HANDLE MiniportVcContext,
					  PNDIS_HANDLE NdisVcHandle)
{
	return condis_mcm_create_vc(NdisAfHandle, MiniportVcContext,
				    (struct condis_vc **)NdisVcHandle);
}

static inline NDIS_STATUS NdisCoDeleteVc(NDIS_HANDLE NdisVcHandle)
{
	if (ndis_condis_glue()->client)
		return condis_cl_delete_vc(NdisVcHandle);
	return condis_cm_delete_vc(NdisVcHandle);
}

#define NdisMCmDeleteVc(NdisVcHandle)	condis_mcm_delete_vc(NdisVcHandle)

static inline NDIS_STATUS NdisCmActivateVc(NDIS_HANDLE NdisVcHandle,
					   PCO_CALL_PARAMETERS CallParameters)
{
	return condis_cm_activate_vc(NdisVcHandle, CallParameters);
}

static inline NDIS_STATUS NdisCmDeactivateVc(NDIS_HANDLE NdisVcHandle)
{
	return condis_cm_deactivate_vc(NdisVcHandle);
}

static inline NDIS_STATUS NdisMCmActivateVc(NDIS_HANDLE NdisVcHandle,
					    PCO_CALL_PARAMETERS CallParameters)
{
	return condis_mcm_activate_vc(NdisVcHandle, CallParameters);
}

static inline NDIS_STATUS NdisMCmDeactivateVc(NDIS_HANDLE NdisVcHandle)
{
	return condis_mcm_deactivate_vc(NdisVcHandle);
}

static inline VOID NdisMCoActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
					     PCO_CALL_PARAMETERS CallParameters)
{
	condis_mco_activate_vc_complete(Status, NdisVcHandle, CallParameters);
}

static inline VOID NdisMCoDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle)
{
	condis_mco_deactivate_vc_complete(Status, NdisVcHandle);
}

/* ---- calls ---------------------------------------------------------------------------- */

static inline NDIS_STATUS NdisClMakeCall(NDIS_HANDLE NdisVcHandle,
					 PCO_CALL_PARAMETERS CallParameters,
					 NDIS_HANDLE ProtocolPartyContext,
					 PNDIS_HANDLE NdisPartyHandle)
{
	return condis_cl_make_call(NdisVcHandle, CallParameters, ProtocolPartyContext,
				   (struct condis_party **)NdisPartyHandle);
}

static inline VOID NdisCmMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
					  NDIS_HANDLE NdisPartyHandle,
					  NDIS_HANDLE CallMgrPartyContext,
					  PCO_CALL_PARAMETERS CallParameters)
{
	condis_cm_make_call_complete(Status, NdisVcHandle, NdisPartyHandle,
				     CallMgrPartyContext, CallParameters);
}

#define NdisMCmMakeCallComplete NdisCmMakeCallComplete

static inline NDIS_STATUS NdisCmDispatchIncomingCall(NDIS_HANDLE NdisSapHandle,
						     NDIS_HANDLE NdisVcHandle,
						     PCO_CALL_PARAMETERS CallParameters)
{
	return condis_cm_dispatch_incoming_call(NdisSapHandle, NdisVcHandle, CallParameters);
}

#define NdisMCmDispatchIncomingCall NdisCmDispatchIncomingCall

static inline VOID NdisClIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
					      PCO_CALL_PARAMETERS CallParameters)
{
	condis_cl_incoming_call_complete(Status, NdisVcHandle, CallParameters);
}

static inline VOID NdisCmDispatchCallConnected(NDIS_HANDLE NdisVcHandle)
{
	condis_cm_dispatch_call_connected(NdisVcHandle);
}

#define NdisMCmDispatchCallConnected NdisCmDispatchCallConnected

static inline NDIS_STATUS NdisClCloseCall(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
					  PVOID Buffer, UINT Size)
{
	return condis_cl_close_call(NdisVcHandle, NdisPartyHandle, Buffer, Size);
}

static inline VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
					   NDIS_HANDLE NdisPartyHandle)
{
	condis_cm_close_call_complete(Status, NdisVcHandle, NdisPartyHandle);
}

#define NdisMCmCloseCallComplete NdisCmCloseCallComplete

static inline VOID NdisCmDispatchIncomingCloseCall(NDIS_STATUS CloseStatus,
						   NDIS_HANDLE NdisVcHandle, PVOID Buffer,
						   UINT Size)
{
	condis_cm_dispatch_incoming_close(CloseStatus, NdisVcHandle, Buffer, Size);
}

#define NdisMCmDispatchIncomingCloseCall NdisCmDispatchIncomingCloseCall

static inline NDIS_STATUS NdisClAddParty(NDIS_HANDLE NdisVcHandle,
					 NDIS_HANDLE ProtocolPartyContext,
					 PCO_CALL_PARAMETERS CallParameters,
					 PNDIS_HANDLE NdisPartyHandle)
{
	return condis_cl_add_party(NdisVcHandle, ProtocolPartyContext, CallParameters,
				   (struct condis_party **)NdisPartyHandle);
}

static inline VOID NdisCmAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle,
					  NDIS_HANDLE CallMgrPartyContext,
					  PCO_CALL_PARAMETERS CallParameters)
{
	condis_cm_add_party_complete(Status, NdisPartyHandle, CallMgrPartyContext,
				     CallParameters);
}

#define NdisMCmAddPartyComplete NdisCmAddPartyComplete

static inline NDIS_STATUS NdisClDropParty(NDIS_HANDLE NdisPartyHandle, PVOID Buffer, UINT Size)
{
	return condis_cl_drop_party(NdisPartyHandle, Buffer, Size);
}

static inline VOID NdisCmDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle)
{
	condis_cm_drop_party_complete(Status, NdisPartyHandle);
}

#define NdisMCmDropPartyComplete NdisCmDropPartyComplete

static inline VOID NdisCmDispatchIncomingDropParty(NDIS_STATUS DropStatus,
						   NDIS_HANDLE NdisPartyHandle, PVOID Buffer,
						   UINT Size)
{
	condis_cm_dispatch_incoming_drop_party(DropStatus, NdisPartyHandle, Buffer, Size);
}

#define NdisMCmDispatchIncomingDropParty NdisCmDispatchIncomingDropParty

static inline NDIS_STATUS NdisClModifyCallQoS(NDIS_HANDLE NdisVcHandle,
					      PCO_CALL_PARAMETERS CallParameters)
{
	return condis_cl_modify_qos(NdisVcHandle, CallParameters);
}

static inline VOID NdisCmModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
					       PCO_CALL_PARAMETERS CallParameters)
{
	condis_cm_modify_qos_complete(Status, NdisVcHandle, CallParameters);
}

#define NdisMCmModifyCallQoSComplete NdisCmModifyCallQoSComplete

static inline VOID NdisCmDispatchIncomingCallQoSChange(NDIS_HANDLE NdisVcHandle,
						       PCO_CALL_PARAMETERS CallParameters)
{
	condis_cm_dispatch_incoming_qos_change(NdisVcHandle, CallParameters);
}

#define NdisMCmDispatchIncomingCallQoSChange NdisCmDispatchIncomingCallQoSChange

/* ---- data, OIDs, status ---------------------------------------------------------------- */

/* One frame per NET_BUFFER_LIST; a refused one is freed (no completion). */
static inline VOID NdisCoSendNetBufferLists(NDIS_HANDLE NdisVcHandle,
					    PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags)
{
	condis_co_send(NdisVcHandle, NetBufferLists);
}

static inline VOID NdisMCoSendNetBufferListsComplete(NDIS_HANDLE NdisVcHandle,
						     PNET_BUFFER_LIST NetBufferLists,
						     ULONG SendCompleteFlags)
{
	condis_mco_send_complete(NdisVcHandle, NetBufferLists, 0);
}

static inline VOID NdisMCoIndicateReceiveNetBufferLists(NDIS_HANDLE NdisVcHandle,
							PNET_BUFFER_LIST NetBufferLists,
							ULONG NumberOfNetBufferLists,
							ULONG CoReceiveFlags)
{
	condis_mco_indicate_receive(NdisVcHandle, NetBufferLists);
}

/*
 * NdisCoOidRequest: to the peer protocol of the AF (a client's file: to
 * the CM; a call manager's: to the client).
 */
static inline NDIS_STATUS NdisCoOidRequest(NDIS_HANDLE NdisBindingHandle,
					   NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
					   NDIS_HANDLE NdisPartyHandle,
					   PNDIS_OID_REQUEST OidRequest)
{
	return condis_co_oid_request(NdisAfHandle, NdisVcHandle, !ndis_condis_glue()->client,
				     CONDIS_OID_TO_PEER, OidRequest);
}

static inline NDIS_STATUS NdisMCmOidRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
					    NDIS_HANDLE NdisPartyHandle,
					    PNDIS_OID_REQUEST OidRequest)
{
	return condis_co_oid_request(NdisAfHandle, NdisVcHandle, true, CONDIS_OID_TO_PEER,
				     OidRequest);
}

static inline VOID NdisCoOidRequestComplete(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
					    NDIS_HANDLE NdisPartyHandle,
					    PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
	condis_co_oid_request_complete(NdisAfHandle, OidRequest, Status);
}

#define NdisMCmOidRequestComplete NdisCoOidRequestComplete

static inline VOID NdisMCoOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle,
					     PNDIS_OID_REQUEST Request, NDIS_STATUS Status)
{
	condis_mco_oid_request_complete(MiniportAdapterHandle, Request, Status);
}

static inline VOID NdisMCoIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle,
					   NDIS_HANDLE NdisVcHandle, NDIS_STATUS GeneralStatus,
					   PVOID StatusBuffer, ULONG StatusBufferSize)
{
	condis_mco_indicate_status(MiniportAdapterHandle, NdisVcHandle, GeneralStatus,
				   StatusBuffer, StatusBufferSize);
}

/* ---- call parameters ----------------------------------------------------------------------- */

/* condis: CO_CALL_PARAMETERS with room for the two blobs (NULL without memory). */
static inline PCO_CALL_PARAMETERS NdisCoAllocateCallParameters(ULONG CallMgrSpecificLength,
							       ULONG MediaSpecificLength)
{
	return condis_call_params_alloc(CallMgrSpecificLength, MediaSpecificLength, GFP_KERNEL);
}

static inline VOID NdisCoFreeCallParameters(PCO_CALL_PARAMETERS CallParameters)
{
	condis_call_params_free(CallParameters);
}

#endif /* _NET_CONDIS_NDIS_H */
