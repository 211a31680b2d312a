// SPDX-License-Identifier: GPL-2.0
/*
 * Clients: the NdisCl* functions, and the condis client handlers that run
 * a protocol's ProtocolCl* and ProtocolCo* handlers (ndis_client_ops,
 * registered for every protocol driver that gave client handlers).
 *
 * As in NDIS, a request that does not pend is final when it returns: the
 * driver's completion handler runs only for one that pended. Call
 * parameters a driver passes with a request are its own: its completion
 * handler gets them back, with what the call manager changed copied in.
 * A request made at DISPATCH_LEVEL is queued (defer.h): it pends, and its
 * completion handler runs with condis's answer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"
#include "params.h"
#include "vc.h"
#include "frames.h"
#include "oid.h"
#include "status.h"
#include "protocol.h"
#include "client.h"
#include "driver.h"
#include "defer.h"


/* ---- the condis client handlers ------------------------------------------------------------ */

static void cl_af_register_notify(void *cl_ctx, struct condis_adapter *adapter, u32 af_type)
{
	ndis_protocol_af_notify(cl_ctx, adapter, af_type);
}

static void cl_open_af_complete(int status, void *cl_af_ctx, struct condis_af *af)
{
	struct ndis_af *a = cl_af_ctx;
	NDIS_HANDLE ctx = a->ctx;
	struct ndis_drv *drv = a->drv;

	if (status) {
		ndis_cl_af_free(a);
		a = NULL;
	} else {
		a->af = af;
	}
	drv->cl.ClOpenAfCompleteHandlerEx(ctx, a, ndis_from_condis(status));
}

static void cl_close_af_complete(int status, void *cl_af_ctx)
{
	struct ndis_af *a = cl_af_ctx;

	a->drv->cl.ClCloseAfCompleteHandler(ndis_from_condis(status), a->ctx);
	if (!status)
		ndis_cl_af_free(a);
}

static void cl_notify_close_af(void *cl_af_ctx)
{
	struct ndis_af *a = cl_af_ctx;
	struct condis_af *af = a->af;
	NDIS_STATUS st;

	st = a->drv->cl.ClNotifyCloseAfHandler(a->ctx);
	/* (the client may have closed the AF, and freed @a, meanwhile) */
	if (st != NDIS_STATUS_PENDING)
		condis_cl_notify_close_af_complete(ndis_to_condis(st), af);
}

static void cl_register_sap_complete(int status, void *cl_sap_ctx, struct condis_sap *sap)
{
	struct ndis_sap *s = cl_sap_ctx;
	struct ndis_drv *drv = s->af->drv;
	NDIS_HANDLE ctx = s->ctx;
	PCO_SAP co_sap = s->client_sap;

	if (status) {
		ndis_cl_sap_free(drv, s);
		s = NULL;
	} else {
		s->sap = sap;
	}
	drv->cl.ClRegisterSapCompleteHandler(ndis_from_condis(status), ctx, co_sap, s);
}

static void cl_deregister_sap_complete(int status, void *cl_sap_ctx)
{
	struct ndis_sap *s = cl_sap_ctx;
	struct ndis_drv *drv = s->af->drv;	/* the handler may close the AF */

	drv->cl.ClDeregisterSapCompleteHandler(ndis_from_condis(status), s->ctx);
	if (!status)
		ndis_cl_sap_free(drv, s);
}

static int cl_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx)
{
	struct ndis_af *a = cl_af_ctx;
	struct ndis_vc *v = ndis_vc_alloc(a->drv, NDIS_ROLE_CL, a, NULL);
	NDIS_STATUS st;

	if (!v)
		return -ENOMEM;
	v->vc = vc;
	st = a->drv->cl.ClCreateVcHandler(a->ctx, v, &v->ctx);
	if (st != NDIS_STATUS_SUCCESS) {
		ndis_vc_free(v);
		return st == NDIS_STATUS_PENDING ? -EIO : ndis_to_condis(st);
	}
	*cl_vc_ctx = v;
	return 0;
}

static int cl_delete_vc(void *cl_vc_ctx)
{
	struct ndis_vc *v = cl_vc_ctx;
	NDIS_STATUS st = v->drv->cl.ClDeleteVcHandler(v->ctx);

	if (st != NDIS_STATUS_SUCCESS && condis_co_delete_refusable(v->vc))
		return ndis_to_condis(st);	/* the VC stays */
	ndis_vc_free(v);
	return ndis_to_condis(st);
}

static void cl_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
				  const struct condis_call_params *cp)
{
	struct ndis_vc *v = cl_vc_ctx;
	struct ndis_party *p = v->make_party;
	PCO_CALL_PARAMETERS mine = v->make.mine;

	if (mine && cp)
		ndis_params_to_mine(mine, cp);
	ndis_slot_end(&v->make);
	v->make_party = NULL;
	if (status) {
		ndis_party_free(p);
		p = NULL;
	}
	v->drv->cl.ClMakeCallCompleteHandler(ndis_from_condis(status), v->ctx, p, mine);
}

static void cl_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx)
{
	struct ndis_vc *v = cl_vc_ctx;
	struct ndis_party *p = cl_party_ctx;

	v->drv->cl.ClCloseCallCompleteHandler(ndis_from_condis(status), v->ctx,
					      p ? p->ctx : NULL);
	if (!status)
		ndis_party_free(p);
}

static int cl_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx, struct condis_call_params *cp)
{
	struct ndis_sap *s = cl_sap_ctx;
	struct ndis_vc *v = cl_vc_ctx;
	PCO_CALL_PARAMETERS given = ndis_slot_give(&v->incoming, cp);
	NDIS_STATUS st;

	if (!given)
		return -ENOMEM;
	st = v->drv->cl.ClIncomingCallHandler(s->ctx, v->ctx, given);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;	/* NdisClIncomingCallComplete ends the chain */
	ndis_params_back(cp, given);
	ndis_slot_end(&v->incoming);
	return ndis_to_condis(st);
}

static void cl_call_connected(void *cl_vc_ctx)
{
	struct ndis_vc *v = cl_vc_ctx;

	v->drv->cl.ClCallConnectedHandler(v->ctx);
}

static void cl_incoming_close(int cause, void *cl_vc_ctx, const void *buf, u32 len)
{
	struct ndis_vc *v = cl_vc_ctx;

	v->drv->cl.ClIncomingCloseCallHandler(ndis_from_condis(cause), v->ctx, (PVOID)buf, len);
}

static void cl_modify_qos_complete(int status, void *cl_vc_ctx,
				   const struct condis_call_params *cp)
{
	struct ndis_vc *v = cl_vc_ctx;
	PCO_CALL_PARAMETERS mine = v->qos.mine;

	if (mine && cp)
		ndis_params_to_mine(mine, cp);
	ndis_slot_end(&v->qos);
	v->drv->cl.ClModifyCallQoSCompleteHandler(ndis_from_condis(status), v->ctx, mine);
}

static void cl_incoming_qos_change(void *cl_vc_ctx, const struct condis_call_params *cp)
{
	struct ndis_vc *v = cl_vc_ctx;
	PCO_CALL_PARAMETERS given = ndis_params_from_cp(cp);

	if (!given)
		return;
	v->drv->cl.ClIncomingCallQoSChangeHandler(v->ctx, given);
	ndis_params_free(given);
}

static void cl_add_party_complete(int status, void *cl_party_ctx, struct condis_party *party,
				  const struct condis_call_params *cp)
{
	struct ndis_party *p = cl_party_ctx;
	struct ndis_drv *drv = p->vc->drv;
	PCO_CALL_PARAMETERS mine = p->add.mine;
	NDIS_HANDLE ctx = p->ctx;

	if (mine && cp)
		ndis_params_to_mine(mine, cp);
	ndis_slot_end(&p->add);
	if (status) {
		ndis_party_free(p);
		p = NULL;
	} else {
		p->party = party;
	}
	drv->cl.ClAddPartyCompleteHandler(ndis_from_condis(status), ctx, p, mine);
}

static void cl_drop_party_complete(int status, void *cl_party_ctx)
{
	struct ndis_party *p = cl_party_ctx;

	p->vc->drv->cl.ClDropPartyCompleteHandler(ndis_from_condis(status), p->ctx);
	if (!status)
		ndis_party_free(p);
}

static void cl_incoming_drop_party(int cause, void *cl_party_ctx, const void *buf, u32 len)
{
	struct ndis_party *p = cl_party_ctx;

	p->vc->drv->cl.ClIncomingDropPartyHandler(ndis_from_condis(cause), p->ctx,
						   (PVOID)buf, len);
}

const struct condis_client_ops ndis_client_ops = {
	.af_register_notify = cl_af_register_notify,
	.open_af_complete = cl_open_af_complete,
	.close_af_complete = cl_close_af_complete,
	.notify_close_af = cl_notify_close_af,
	.register_sap_complete = cl_register_sap_complete,
	.deregister_sap_complete = cl_deregister_sap_complete,
	.create_vc = cl_create_vc,
	.delete_vc = cl_delete_vc,
	.make_call_complete = cl_make_call_complete,
	.close_call_complete = cl_close_call_complete,
	.incoming_call = cl_incoming_call,
	.call_connected = cl_call_connected,
	.incoming_close = cl_incoming_close,
	.modify_qos_complete = cl_modify_qos_complete,
	.incoming_qos_change = cl_incoming_qos_change,
	.add_party_complete = cl_add_party_complete,
	.drop_party_complete = cl_drop_party_complete,
	.incoming_drop_party = cl_incoming_drop_party,
	.oid_request = ndis_oid_request_cl,
	.oid_request_complete = ndis_oid_request_complete_cl,
	.receive = ndis_frames_receive,
	.send_complete = ndis_frames_send_complete,
	.status = ndis_status_to_client,
};

/* ---- the NdisCl* functions -------------------------------------------------------------------- */

/*
 * NdisClOpenAddressFamilyEx - a client opens an AF it was told of
 * @NdisBindingHandle: its binding to the adapter
 * @AddressFamily: the AF (ProtocolCoAfRegisterNotify's)
 * @ClientAfContext: its context for the AF
 * @NdisAfHandle: receives the AF handle (also when it pends)
 */
NDIS_STATUS NdisClOpenAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
				      PCO_ADDRESS_FAMILY AddressFamily,
				      NDIS_HANDLE ClientAfContext, PNDIS_HANDLE NdisAfHandle)
{
	struct ndis_bind *b = NdisBindingHandle;
	struct ndis_af *a;
	int ret;

	*NdisAfHandle = NULL;
	if (!b->drv->client)
		return NDIS_STATUS_INVALID_DEVICE_REQUEST;
	a = ndis_cl_af_new(b, ClientAfContext);
	if (!a)
		return NDIS_STATUS_RESOURCES;
	ret = condis_cl_open_af(b->drv->client, b->adapter, AddressFamily->AddressFamily, a,
				&a->af);
	if (ret && ret != CONDIS_PENDING)
		ndis_cl_af_free(a);
	else
		*NdisAfHandle = a;
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClOpenAddressFamilyEx);

static void cl_close_af_deferred(struct ndis_deferred *d)
{
	int ret = condis_cl_close_af(((struct ndis_af *)d->h[0])->af);

	if (ret != CONDIS_PENDING)
		cl_close_af_complete(ret, d->h[0]);
}

/*
 * NdisClCloseAddressFamily - a client closes an AF
 * @NdisAfHandle: the AF; invalid for the client from now on
 */
NDIS_STATUS NdisClCloseAddressFamily(NDIS_HANDLE NdisAfHandle)
{
	struct ndis_af *a = NdisAfHandle;
	int ret;

	if (ndis_must_defer(NULL))
		return ndis_defer_handle(NULL, a, NULL, 0, cl_close_af_deferred);
	ret = condis_cl_close_af(a->af);
	if (!ret)
		ndis_cl_af_free(a);
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClCloseAddressFamily);

/*
 * NdisClNotifyCloseAddressFamilyComplete - the client answers a close its
 *	ProtocolClNotifyCloseAf pended
 * @NdisAfHandle: the AF
 * @Status: its answer
 */
VOID NdisClNotifyCloseAddressFamilyComplete(NDIS_HANDLE NdisAfHandle, NDIS_STATUS Status)
{
	struct ndis_af *a = NdisAfHandle;

	condis_cl_notify_close_af_complete(ndis_to_condis(Status), a->af);
}
EXPORT_SYMBOL_GPL(NdisClNotifyCloseAddressFamilyComplete);

static void cl_register_sap_deferred(struct ndis_deferred *d)
{
	struct ndis_sap *s = d->h[0];
	int ret = condis_cl_register_sap(s->af->af, (void *)d->buf, s, &s->sap);

	if (ret != CONDIS_PENDING)
		cl_register_sap_complete(ret, s, s->sap);
}

/*
 * NdisClRegisterSap - a client registers a SAP for incoming calls
 * @NdisAfHandle: the AF
 * @ProtocolSapContext: its context for the SAP
 * @Sap: the SAP (at most 64 bytes here); handed back to
 *	ProtocolClRegisterSapComplete
 * @NdisSapHandle: receives the SAP handle
 */
NDIS_STATUS NdisClRegisterSap(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE ProtocolSapContext,
			      PCO_SAP Sap, PNDIS_HANDLE NdisSapHandle)
{
	struct ndis_af *a = NdisAfHandle;
	struct condis_sap_desc desc;
	struct ndis_deferred *d;
	struct ndis_sap *s;
	int ret;

	*NdisSapHandle = NULL;
	if (ndis_sap_to_desc(Sap, &desc))
		return NDIS_STATUS_INVALID_LENGTH;
	s = ndis_cl_sap_new(a, ProtocolSapContext, Sap);
	if (!s)
		return NDIS_STATUS_RESOURCES;
	if (ndis_must_defer(NULL)) {
		d = ndis_deferred_alloc(&desc, sizeof(desc));
		if (!d) {
			ndis_cl_sap_free(a->drv, s);
			return NDIS_STATUS_RESOURCES;
		}
		d->h[0] = s;
		ndis_defer(d, NULL, cl_register_sap_deferred);
		*NdisSapHandle = s;
		return NDIS_STATUS_PENDING;
	}
	ret = condis_cl_register_sap(a->af, &desc, s, &s->sap);
	if (ret && ret != CONDIS_PENDING)
		ndis_cl_sap_free(a->drv, s);
	else
		*NdisSapHandle = s;
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClRegisterSap);

static void cl_deregister_sap_deferred(struct ndis_deferred *d)
{
	struct ndis_sap *s = d->h[0];
	int ret = condis_cl_deregister_sap(s->sap);

	if (ret != CONDIS_PENDING)
		cl_deregister_sap_complete(ret, s);
}

/*
 * NdisClDeregisterSap - a client releases a SAP
 * @NdisSapHandle: the SAP; invalid for the client from now on
 */
NDIS_STATUS NdisClDeregisterSap(NDIS_HANDLE NdisSapHandle)
{
	struct ndis_sap *s = NdisSapHandle;
	int ret;

	if (ndis_must_defer(NULL))
		return ndis_defer_handle(NULL, s, NULL, 0, cl_deregister_sap_deferred);
	ret = condis_cl_deregister_sap(s->sap);
	if (!ret)
		ndis_cl_sap_free(s->af->drv, s);
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClDeregisterSap);

static void cl_make_call_deferred(struct ndis_deferred *d)
{
	struct ndis_vc *v = d->vc;
	struct ndis_party *p = v->make_party;
	int ret = -EAGAIN;	/* its creation failed */

	if (v->vc)
		ret = condis_cl_make_call(v->vc, d->cp, p, p ? &p->party : NULL);
	if (ret != CONDIS_PENDING)
		cl_make_call_complete(ret, v, NULL, ret ? NULL : d->cp);
	condis_call_params_free(d->cp);
}

/*
 * NdisClMakeCall - a client makes a call on a VC it created
 * @NdisVcHandle: the VC
 * @CallParameters: its parameters; the client keeps them until its
 *	ProtocolClMakeCallComplete, which gets them back changed as the call
 *	manager changed them
 * @ProtocolPartyContext: the initial party's context of a multipoint call,
 *	or NULL
 * @NdisPartyHandle: receives that party's handle (NULL for none)
 */
NDIS_STATUS NdisClMakeCall(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters,
			   NDIS_HANDLE ProtocolPartyContext, PNDIS_HANDLE NdisPartyHandle)
{
	struct ndis_vc *v = NdisVcHandle;
	struct condis_call_params *cp = ndis_params_to_cp(CallParameters);
	struct ndis_deferred *d = NULL;
	struct ndis_party *p = NULL;
	int ret;

	if (NdisPartyHandle)
		*NdisPartyHandle = NULL;
	if (!cp)
		return NDIS_STATUS_RESOURCES;
	if (ProtocolPartyContext) {
		p = ndis_party_alloc(v, ProtocolPartyContext);
		if (!p) {
			condis_call_params_free(cp);
			return NDIS_STATUS_RESOURCES;
		}
	}
	if (ndis_must_defer(v)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d) {
			condis_call_params_free(cp);
			ndis_party_free(p);
			return NDIS_STATUS_RESOURCES;
		}
	}
	v->make.mine = CallParameters;
	v->make_party = p;
	if (d) {
		d->cp = cp;
		ndis_defer(d, v, cl_make_call_deferred);
		if (NdisPartyHandle)
			*NdisPartyHandle = p;
		return NDIS_STATUS_PENDING;
	}
	ret = v->vc ? condis_cl_make_call(v->vc, cp, p, p ? &p->party : NULL) : -EAGAIN;
	if (ret != CONDIS_PENDING) {
		/* final: no completion handler runs */
		if (!ret)
			ndis_params_to_mine(CallParameters, cp);
		ndis_slot_end(&v->make);
		v->make_party = NULL;
		if (ret) {
			ndis_party_free(p);
			p = NULL;
		}
	}
	condis_call_params_free(cp);
	if (NdisPartyHandle)
		*NdisPartyHandle = p;
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClMakeCall);

static void cl_close_call_deferred(struct ndis_deferred *d)
{
	struct ndis_party *p = d->h[0];
	int ret = -EAGAIN;

	if (d->vc->vc)
		ret = condis_cl_close_call(d->vc->vc, p ? p->party : NULL,
					   d->size ? d->buf : NULL, d->size);
	if (ret != CONDIS_PENDING)
		cl_close_call_complete(ret, d->vc, p);
}

/*
 * NdisClCloseCall - a client closes a call
 * @NdisVcHandle: the VC
 * @NdisPartyHandle: the last party of a multipoint call, or NULL
 * @Buffer: data for the far end, or NULL
 * @Size: its bytes
 */
NDIS_STATUS NdisClCloseCall(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			    PVOID Buffer, UINT Size)
{
	struct ndis_vc *v = NdisVcHandle;
	struct ndis_party *p = NdisPartyHandle;
	int ret;

	if (ndis_must_defer(v))
		return ndis_defer_handle(v, p, Buffer, Size, cl_close_call_deferred);
	if (!v->vc)		/* its creation at DISPATCH_LEVEL failed */
		return NDIS_STATUS_VC_NOT_AVAILABLE;
	ret = condis_cl_close_call(v->vc, p ? p->party : NULL, Buffer, Buffer ? Size : 0);
	if (!ret)
		ndis_party_free(p);
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClCloseCall);

static void cl_incoming_call_answer(NDIS_STATUS Status, struct ndis_vc *v,
				    PCO_CALL_PARAMETERS CallParameters)
{
	struct condis_call_params *own = NULL, *cp = v->incoming.cp;

	if (CallParameters && CallParameters == v->incoming.given)
		ndis_params_back(cp, CallParameters);
	else if (CallParameters)
		cp = own = ndis_params_to_cp(CallParameters);
	condis_cl_incoming_call_complete(ndis_to_condis(Status), v->vc, cp);
	condis_call_params_free(own);
	ndis_slot_end(&v->incoming);
}

static void cl_incoming_call_answer_deferred(struct ndis_deferred *d)
{
	cl_incoming_call_answer(d->status, d->vc, d->params);
}

/*
 * NdisClIncomingCallComplete - a client answers an incoming call its
 *	ProtocolClIncomingCall pended
 * @Status: NDIS_STATUS_SUCCESS to accept, an error to reject
 * @NdisVcHandle: the VC
 * @CallParameters: the parameters ProtocolClIncomingCall was given (maybe
 *	changed), or the client's own
 */
VOID NdisClIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_vc *v = NdisVcHandle;
	struct ndis_deferred *d;

	/* condis takes an answer in any context: queued only behind a request */
	if (atomic_read(&v->queued)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (d) {
			d->status = Status;
			d->params = CallParameters;
			ndis_defer(d, v, cl_incoming_call_answer_deferred);
			return;
		}
	}
	cl_incoming_call_answer(Status, v, CallParameters);
}
EXPORT_SYMBOL_GPL(NdisClIncomingCallComplete);

static void cl_add_party_deferred(struct ndis_deferred *d)
{
	struct ndis_party *p = d->h[0];
	int ret = -EAGAIN;

	if (d->vc->vc)
		ret = condis_cl_add_party(d->vc->vc, p, d->cp, &p->party);
	if (ret != CONDIS_PENDING)
		cl_add_party_complete(ret, p, p->party, ret ? NULL : d->cp);
	condis_call_params_free(d->cp);
}

/*
 * NdisClAddParty - a client adds a party to its multipoint call
 * @NdisVcHandle: the VC
 * @ProtocolPartyContext: its context for the party
 * @CallParameters: the party's parameters, handed back to
 *	ProtocolClAddPartyComplete
 * @NdisPartyHandle: receives the party handle
 */
NDIS_STATUS NdisClAddParty(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE ProtocolPartyContext,
			   PCO_CALL_PARAMETERS CallParameters, PNDIS_HANDLE NdisPartyHandle)
{
	struct ndis_vc *v = NdisVcHandle;
	struct condis_call_params *cp = ndis_params_to_cp(CallParameters);
	struct ndis_party *p = ndis_party_alloc(v, ProtocolPartyContext);
	struct ndis_deferred *d = NULL;
	int ret;

	*NdisPartyHandle = NULL;
	if (cp && p && ndis_must_defer(v)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d) {
			ndis_party_free(p);
			p = NULL;
		}
	}
	if (!cp || !p) {
		condis_call_params_free(cp);
		ndis_party_free(p);
		return NDIS_STATUS_RESOURCES;
	}
	p->add.mine = CallParameters;
	if (d) {
		d->h[0] = p;
		d->cp = cp;
		ndis_defer(d, v, cl_add_party_deferred);
		*NdisPartyHandle = p;
		return NDIS_STATUS_PENDING;
	}
	ret = v->vc ? condis_cl_add_party(v->vc, p, cp, &p->party) : -EAGAIN;
	if (ret != CONDIS_PENDING) {
		ndis_slot_end(&p->add);
		if (ret) {
			ndis_party_free(p);
			p = NULL;
		}
	}
	condis_call_params_free(cp);
	*NdisPartyHandle = p;
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClAddParty);

static void cl_drop_party_deferred(struct ndis_deferred *d)
{
	struct ndis_party *p = d->h[0];
	int ret = condis_cl_drop_party(p->party, d->size ? d->buf : NULL, d->size);

	if (ret != CONDIS_PENDING)
		cl_drop_party_complete(ret, p);
}

/*
 * NdisClDropParty - a client drops a party (not the last)
 * @NdisPartyHandle: the party
 * @Buffer: data for the party, or NULL
 * @Size: its bytes
 */
NDIS_STATUS NdisClDropParty(NDIS_HANDLE NdisPartyHandle, PVOID Buffer, UINT Size)
{
	struct ndis_party *p = NdisPartyHandle;
	int ret;

	if (ndis_must_defer(p->vc))
		return ndis_defer_handle(p->vc, p, Buffer, Size, cl_drop_party_deferred);
	ret = condis_cl_drop_party(p->party, Buffer, Buffer ? Size : 0);
	if (!ret)
		ndis_party_free(p);
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClDropParty);

static void cl_modify_qos_deferred(struct ndis_deferred *d)
{
	int ret = -EAGAIN;

	if (d->vc->vc)
		ret = condis_cl_modify_qos(d->vc->vc, d->cp);
	if (ret != CONDIS_PENDING)
		cl_modify_qos_complete(ret, d->vc, ret ? NULL : d->cp);
	condis_call_params_free(d->cp);
}

/*
 * NdisClModifyCallQoS - a client asks for other QoS on its call (also on
 *	an incoming call it has not answered yet)
 * @NdisVcHandle: the VC
 * @CallParameters: the parameters asked for, handed back to
 *	ProtocolClModifyCallQoSComplete
 */
NDIS_STATUS NdisClModifyCallQoS(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_vc *v = NdisVcHandle;
	struct condis_call_params *cp = ndis_params_to_cp(CallParameters);
	struct ndis_deferred *d = NULL;
	int ret;

	if (!cp)
		return NDIS_STATUS_RESOURCES;
	if (ndis_must_defer(v)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d) {
			condis_call_params_free(cp);
			return NDIS_STATUS_RESOURCES;
		}
	}
	v->qos.mine = CallParameters;
	if (d) {
		d->cp = cp;
		ndis_defer(d, v, cl_modify_qos_deferred);
		return NDIS_STATUS_PENDING;
	}
	ret = v->vc ? condis_cl_modify_qos(v->vc, cp) : -EAGAIN;
	if (ret != CONDIS_PENDING) {
		if (!ret)
			ndis_params_to_mine(CallParameters, cp);
		ndis_slot_end(&v->qos);
	}
	condis_call_params_free(cp);
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisClModifyCallQoS);
