// SPDX-License-Identifier: GPL-2.0
/*
 * OID requests between CoNDIS drivers: NdisCoOidRequest (a client's to its
 * call manager and the other way, or either's to the miniport),
 * NdisMCmOidRequest (a miniport call manager's to its clients), and the
 * completions; and the other side: the NDIS_OID_REQUEST a driver's
 * ProtocolCoOidRequest or MiniportCoOidRequest is given for a condis
 * request, answered by its return or by NdisCoOidRequestComplete /
 * NdisMCoOidRequestComplete.
 *
 * A driver's request keeps what condis needs in its NdisReserved bytes
 * (struct ndis_oid_ctx): nothing is allocated for it. Requests are not
 * serialized: each completes on its own.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/wait_bit.h>
#include "lib.h"
#include "oid.h"
#include "defer.h"


static PNDIS_OID_REQUEST ndis_oid_of(struct condis_oid_request *req)
{
	return (void *)((u8 *)req - offsetof(NDIS_OID_REQUEST, NdisReserved));
}

/* a driver's request as condis takes it, in its NdisReserved */
static struct condis_oid_request *ndis_oid_in(PNDIS_OID_REQUEST r)
{
	struct condis_oid_request *req = &ndis_oid_ctx(r)->req;

	memset(ndis_oid_ctx(r), 0, sizeof(struct ndis_oid_ctx));
	req->type = r->RequestType == NdisRequestSetInformation ? CONDIS_OID_SET :
								   CONDIS_OID_QUERY;
	req->oid = r->DATA.QUERY_INFORMATION.Oid;
	req->buf = r->DATA.QUERY_INFORMATION.InformationBuffer;
	req->len = r->DATA.QUERY_INFORMATION.InformationBufferLength;
	return req;
}

/* what the target did, into the requester's NDIS_OID_REQUEST */
static void ndis_oid_out(PNDIS_OID_REQUEST r, const struct condis_oid_request *req)
{
	if (r->RequestType == NdisRequestSetInformation) {
		r->DATA.SET_INFORMATION.BytesRead = req->bytes_done;
		r->DATA.SET_INFORMATION.BytesNeeded = req->bytes_needed;
	} else {
		r->DATA.QUERY_INFORMATION.BytesWritten = req->bytes_done;
		r->DATA.QUERY_INFORMATION.BytesNeeded = req->bytes_needed;
	}
}

/* ---- a driver's requests ------------------------------------------------------------------------------ */

static void ndis_oid_done(struct ndis_drv *drv, bool cm, struct condis_oid_request *req,
			  int status);

static int ndis_oid_make(PNDIS_OID_REQUEST r)
{
	struct ndis_oid_ctx *ctx = ndis_oid_ctx(r);
	struct ndis_vc *v = ctx->vc;

	if (v && !v->vc)
		return -EAGAIN;		/* its creation failed (defer.h) */
	return condis_co_oid_request(ctx->af->af, v ? v->vc : NULL, ctx->af->cm != NULL,
				     ctx->to_miniport ? CONDIS_OID_TO_MINIPORT :
							CONDIS_OID_TO_PEER, &ctx->req);
}

static void ndis_oid_deferred(struct ndis_deferred *d)
{
	PNDIS_OID_REQUEST r = d->h[0];
	struct ndis_af *a = ndis_oid_ctx(r)->af;
	int ret = ndis_oid_make(r);

	if (ret != CONDIS_PENDING)
		ndis_oid_done(a->drv, a->cm != NULL, &ndis_oid_ctx(r)->req, ret);
}

static NDIS_STATUS ndis_oid_send(struct ndis_af *a, struct ndis_vc *v, struct ndis_party *p,
				 bool to_miniport, PNDIS_OID_REQUEST r)
{
	struct condis_oid_request *req = ndis_oid_in(r);
	struct ndis_oid_ctx *ctx = ndis_oid_ctx(r);
	int ret;

	ctx->af = a;
	ctx->vc = v;
	ctx->party = p;
	ctx->to_miniport = to_miniport;
	if (ndis_must_defer(v))
		return ndis_defer_handle(v, r, NULL, 0, ndis_oid_deferred);
	ret = ndis_oid_make(r);
	if (ret != CONDIS_PENDING)	/* final: what the target did */
		ndis_oid_out(r, req);
	return ndis_from_condis(ret);
}

/* ---- a protocol's request to the miniport, with no AF ------------------------------------------------ */

static CO_OID_REQUEST_COMPLETE_HANDLER ndis_oid_adapter_handler(struct ndis_drv *drv)
{
	return drv->has_cl ? drv->cl.ClOidRequestCompleteHandler :
			     drv->cm.CmOidRequestCompleteHandler;
}

/* its ProtocolCoOidRequestComplete, with no AF, VC or party context */
static void ndis_oid_adapter_done(struct condis_oid_request *req, int status)
{
	PNDIS_OID_REQUEST r = ndis_oid_of(req);
	struct ndis_bind *b = ndis_oid_ctx(r)->bind;

	ndis_oid_out(r, req);
	ndis_oid_adapter_handler(b->drv)(NULL, NULL, NULL, r, ndis_from_condis(status));
	if (atomic_dec_and_test(&b->oids))
		wake_up_var(&b->oids);
}

static void ndis_oid_adapter_deferred(struct ndis_deferred *d)
{
	PNDIS_OID_REQUEST r = d->h[0];
	struct condis_oid_request *req = &ndis_oid_ctx(r)->req;
	int ret;

	ret = condis_adapter_oid_request(ndis_oid_ctx(r)->bind->adapter, req,
					 ndis_oid_adapter_done);
	if (ret != CONDIS_PENDING)
		ndis_oid_adapter_done(req, ret);
}

/*
 * A protocol bound to the adapter asks its miniport, with no AF (a call
 * manager before it registers one, a client before it opens one). The
 * binding's NdisCloseAdapterEx waits for it.
 */
static NDIS_STATUS ndis_oid_adapter(struct ndis_bind *b, PNDIS_OID_REQUEST r)
{
	struct condis_oid_request *req;
	struct ndis_deferred *d;
	int ret;

	if (!b || !b->open)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (!ndis_oid_adapter_handler(b->drv))
		return NDIS_STATUS_NOT_SUPPORTED;
	req = ndis_oid_in(r);
	ndis_oid_ctx(r)->bind = b;
	atomic_inc(&b->oids);
	if (ndis_must_defer(NULL)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d) {
			atomic_dec(&b->oids);
			return NDIS_STATUS_RESOURCES;
		}
		d->h[0] = r;
		ndis_defer(d, NULL, ndis_oid_adapter_deferred);
		return NDIS_STATUS_PENDING;
	}
	ret = condis_adapter_oid_request(b->adapter, req, ndis_oid_adapter_done);
	if (ret == CONDIS_PENDING)
		return NDIS_STATUS_PENDING;
	ndis_oid_out(r, req);
	atomic_dec(&b->oids);
	return ndis_from_condis(ret);
}

/**
 * ndis_oid_adapter_wait - a binding closes: its requests complete first
 * @b: the binding
 *
 * Context: process. condis completes a request its miniport never does
 * after pend_timeout_ms.
 */
void ndis_oid_adapter_wait(struct ndis_bind *b)
{
	wait_var_event(&b->oids, !atomic_read(&b->oids));
}

/*
 * NdisCoOidRequest - a client or a stand-alone call manager queries or
 *	sets information
 * @NdisBindingHandle: its binding
 * @NdisAfHandle: the AF to ask the other protocol on, or NULL for the
 *	miniport
 * @NdisVcHandle: the VC the request is about, or NULL
 * @NdisPartyHandle: the party it is about, or NULL
 * @OidRequest: the request; its NdisReserved bytes are the library's
 *	until it completes
 *
 * With neither AF nor VC it goes to the binding's miniport (its
 * ProtocolCoOidRequestComplete gets no AF context); with a VC and no AF,
 * to the miniport through the VC's AF.
 * Return: the target's status, or NDIS_STATUS_PENDING and the caller's
 * ProtocolCoOidRequestComplete follows.
 */
NDIS_STATUS NdisCoOidRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			     NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			     PNDIS_OID_REQUEST OidRequest)
{
	struct ndis_vc *v = NdisVcHandle;
	struct ndis_af *a = NdisAfHandle;

	if (!a && !v)
		return ndis_oid_adapter(NdisBindingHandle, OidRequest);
	if (!a) {
		if (!v->af)	/* a call manager's own VC */
			return NDIS_STATUS_NOT_SUPPORTED;
		return ndis_oid_send(v->af, v, NULL, true, OidRequest);
	}
	return ndis_oid_send(a, v, NdisPartyHandle, false, OidRequest);
}
EXPORT_SYMBOL_GPL(NdisCoOidRequest);

/*
 * NdisMCmOidRequest - a miniport call manager's request to a client
 * @NdisAfHandle: the AF
 * @NdisVcHandle: the VC, or NULL
 * @NdisPartyHandle: the party, or NULL
 * @NdisOidRequest: the request
 */
NDIS_STATUS NdisMCmOidRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle, PNDIS_OID_REQUEST NdisOidRequest)
{
	return ndis_oid_send(NdisAfHandle, NdisVcHandle, NdisPartyHandle, false, NdisOidRequest);
}
EXPORT_SYMBOL_GPL(NdisMCmOidRequest);

/* condis completes a driver's request that pended */
static void ndis_oid_done(struct ndis_drv *drv, bool cm, struct condis_oid_request *req,
			  int status)
{
	PNDIS_OID_REQUEST r = ndis_oid_of(req);
	struct ndis_oid_ctx *ctx = ndis_oid_ctx(r);
	CO_OID_REQUEST_COMPLETE_HANDLER fn;

	ndis_oid_out(r, req);
	fn = cm ? drv->cm.CmOidRequestCompleteHandler : drv->cl.ClOidRequestCompleteHandler;
	fn(ctx->af->ctx, ctx->vc ? ctx->vc->ctx : NULL, ctx->party ? ctx->party->ctx : NULL, r,
	   ndis_from_condis(status));
}

void ndis_oid_request_complete_cl(void *cl_af_ctx, struct condis_oid_request *req, int status)
{
	struct ndis_af *a = cl_af_ctx;

	ndis_oid_done(a->drv, false, req, status);
}

void ndis_oid_request_complete_cm(void *cm_af_ctx, struct condis_oid_request *req, int status)
{
	struct ndis_af *a = cm_af_ctx;

	ndis_oid_done(a->drv, true, req, status);
}

/* ---- requests for a driver's handler ---------------------------------------------------------------------- */

static PNDIS_OID_REQUEST ndis_oid_for(struct condis_oid_request *req)
{
	PNDIS_OID_REQUEST r = kzalloc(sizeof(*r), NDIS_GFP);

	if (!r)
		return NULL;
	r->Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	r->Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	r->Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	r->RequestType = req->type == CONDIS_OID_SET ? NdisRequestSetInformation :
						       NdisRequestQueryInformation;
	r->DATA.QUERY_INFORMATION.Oid = req->oid;
	r->DATA.QUERY_INFORMATION.InformationBuffer = req->buf;
	r->DATA.QUERY_INFORMATION.InformationBufferLength = req->len;
	ndis_oid_ctx(r)->answers = req;
	return r;
}

/* what the handler answered, into condis's request; the NDIS one goes */
static struct condis_oid_request *ndis_oid_answered(PNDIS_OID_REQUEST r)
{
	struct condis_oid_request *req = ndis_oid_ctx(r)->answers;

	if (r->RequestType == NdisRequestSetInformation) {
		req->bytes_done = r->DATA.SET_INFORMATION.BytesRead;
		req->bytes_needed = r->DATA.SET_INFORMATION.BytesNeeded;
	} else {
		req->bytes_done = r->DATA.QUERY_INFORMATION.BytesWritten;
		req->bytes_needed = r->DATA.QUERY_INFORMATION.BytesNeeded;
	}
	kfree(r);
	return req;
}

static int ndis_oid_call(CO_OID_REQUEST_HANDLER fn, struct ndis_af *a, struct ndis_vc *v,
			 struct condis_oid_request *req)
{
	PNDIS_OID_REQUEST r;
	NDIS_STATUS st;

	if (!fn)
		return -EOPNOTSUPP;
	r = ndis_oid_for(req);
	if (!r)
		return -ENOMEM;
	ndis_oid_ctx(r)->af = a;
	st = fn(a->ctx, v ? v->ctx : NULL, NULL, r);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;	/* NdisCoOidRequestComplete answers */
	ndis_oid_answered(r);
	return ndis_to_condis(st);
}

int ndis_oid_request_cl(void *cl_af_ctx, void *cl_vc_ctx, struct condis_oid_request *req)
{
	struct ndis_af *a = cl_af_ctx;

	return ndis_oid_call(a->drv->cl.ClOidRequestHandler, a, cl_vc_ctx, req);
}

int ndis_oid_request_cm(void *cm_af_ctx, void *cm_vc_ctx, struct condis_oid_request *req)
{
	struct ndis_af *a = cm_af_ctx;

	return ndis_oid_call(a->drv->cm.CmOidRequestHandler, a, cm_vc_ctx, req);
}

/*
 * NdisCoOidRequestComplete - a client or call manager answers a request its
 *	ProtocolCoOidRequest pended
 * @NdisAfHandle: the AF
 * @NdisVcHandle: the VC, or NULL
 * @NdisPartyHandle: the party, or NULL
 * @OidRequest: the request it was given
 * @Status: the answer
 */
VOID NdisCoOidRequestComplete(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle, PNDIS_OID_REQUEST OidRequest,
			      NDIS_STATUS Status)
{
	struct ndis_af *a = ndis_oid_ctx(OidRequest)->af;

	condis_co_oid_request_complete(a->af, ndis_oid_answered(OidRequest),
				       ndis_to_condis(Status));
}
EXPORT_SYMBOL_GPL(NdisCoOidRequestComplete);

int ndis_oid_request_mp(void *mp_ctx, void *mp_vc_ctx, struct condis_oid_request *req)
{
	struct ndis_mp *mp = mp_ctx;
	struct ndis_vc *v = mp_vc_ctx;
	PNDIS_OID_REQUEST r;
	NDIS_STATUS st;

	if (!mp->drv->mco.CoOidRequestHandler)
		return -EOPNOTSUPP;
	r = ndis_oid_for(req);
	if (!r)
		return -ENOMEM;
	ndis_oid_ctx(r)->mp = mp;
	st = mp->drv->mco.CoOidRequestHandler(mp->ctx, v ? v->ctx : NULL, r);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;	/* NdisMCoOidRequestComplete answers */
	ndis_oid_answered(r);
	return ndis_to_condis(st);
}

/*
 * NdisMCoOidRequestComplete - a miniport answers a request its
 *	MiniportCoOidRequest pended
 * @MiniportAdapterHandle: its adapter
 * @NdisMiniportVcHandle: the VC, or NULL
 * @Request: the request it was given
 * @Status: the answer
 */
VOID NdisMCoOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle,
			       NDIS_HANDLE NdisMiniportVcHandle, PNDIS_OID_REQUEST Request,
			       NDIS_STATUS Status)
{
	struct ndis_mp *mp = MiniportAdapterHandle;

	condis_mco_oid_request_complete(mp->adapter, ndis_oid_answered(Request),
					ndis_to_condis(Status));
}
EXPORT_SYMBOL_GPL(NdisMCoOidRequestComplete);
