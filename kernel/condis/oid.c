// SPDX-License-Identifier: GPL-2.0
/*
 * OID requests: from a client or CM to the adapter's miniport, or to the
 * peer protocol on an AF; from a protocol bound to an adapter to its
 * miniport, without an AF. The requester's completion runs only when the
 * request pended.
 */
#include <linux/module.h>
#include "internal.h"
#include "object.h"
#include "request.h"

enum { K_OID = 24 };

/*
 * req->target: the AF (NULL: an adapter-wide request, req->oid_done its
 * requester's completion); req->cause: from_cm
 */
static void oid_deliver(struct cd_req *req)
{
	struct cd_af *af;

	if (!req->target) {
		req->oid_done(req->oid, req->status);
		return;
	}
	af = container_of(req->target, struct cd_af, o);
	if (req->cause)
		af->cm->ops->oid_request_complete(af->cm_ctx, req->oid, req->status);
	else
		af->client->ops->oid_request_complete(af->cl_ctx, req->oid,
						      req->status);
}

/* NDIS does not serialize CoNDIS OID requests: each completes on its own */
static const struct cd_chain chain_oid_mp = {
	.name = "oid_request_miniport", .kind = K_OID, .dest = CD_TO_CLIENT,
	.unordered = true, .deliver = oid_deliver,
};

static const struct cd_chain chain_oid_peer = {
	.name = "oid_request_peer", .kind = K_OID, .dest = CD_TO_CLIENT,
	.unordered = true, .deliver = oid_deliver,
};

/**
 * condis_co_oid_request - query or set an OID
 * @af: the AF handle of the requester
 * @vc: a VC the request is about, or NULL
 * @from_cm: true when the CM asks, false when the client does
 * @dest: the adapter's miniport, or the peer protocol on @af
 * @req: the request, owned by the requester until it is final
 *
 * NDIS: NdisCoOidRequest (NdisMCmOidRequest for an MCM to its client).
 * Context: process; may sleep.
 * Return: 0 or a negative errno (final), or %CONDIS_PENDING: the
 * requester's oid_request_complete follows.
 */
int condis_co_oid_request(struct condis_af *af, struct condis_vc *vc, bool from_cm,
			  enum condis_oid_dest dest, struct condis_oid_request *req)
{
	const struct cd_chain *chain;
	struct cd_vc *v = NULL;
	struct cd_obj *owner;
	struct cd_req *r;
	struct cd_af *a;
	int ret;

	might_sleep();
	if (!req || dest > CONDIS_OID_TO_PEER)
		return -EINVAL;
	a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);
	if (!a)
		return -EINVAL;
	ret = -EINVAL;
	if (vc) {
		v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
		if (!v || v->af != a)
			goto out;
	}
	ret = -EOPNOTSUPP;	/* a client that issues none has no completion handler */
	if (!from_cm && !a->client->ops->oid_request_complete)
		goto out;
	chain = dest == CONDIS_OID_TO_MINIPORT ? &chain_oid_mp : &chain_oid_peer;
	owner = dest == CONDIS_OID_TO_MINIPORT ? &a->cm->adapter->o : &a->o;
	ret = -ENOMEM;
	r = cd_req_alloc(chain, owner, &a->o, GFP_KERNEL_ACCOUNT);
	if (!r)
		goto out;
	r->key = req;
	r->oid = req;
	r->cause = from_cm;
	r->dest = from_cm ? CD_TO_CM : CD_TO_CLIENT;
	cd_req_enqueue(r);
	if (dest == CONDIS_OID_TO_MINIPORT)
		ret = a->cm->adapter->ops->oid_request(a->cm->adapter->ctx,
						       v ? v->mp_ctx : NULL, req);
	else if (from_cm)	/* a client without the handler supports none */
		ret = a->client->ops->oid_request ?
		      a->client->ops->oid_request(a->cl_ctx, v ? v->cl_ctx : NULL, req) :
		      -EOPNOTSUPP;
	else
		ret = a->cm->ops->oid_request(a->cm_ctx, v ? v->cm_ctx : NULL, req);
	ret = cd_req_returned(r, ret, CD_CALLER);
out:
	cd_obj_put(v ? &v->o : NULL);
	cd_obj_put(&a->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_co_oid_request);

/**
 * condis_adapter_oid_request - an adapter-wide OID request, without an AF
 * @adapter: the adapter (as the adapter watch gave it)
 * @req: the request, owned by the requester until it is final
 * @done: runs with the final status when the request pended
 *
 * A protocol bound to @adapter queries or sets information of its
 * miniport: the miniport's oid_request runs with a NULL VC context. The
 * requester must stay until a pended request completed (condis completes
 * one its miniport never does after pend_timeout_ms, with -ETIMEDOUT).
 * NDIS: NdisCoOidRequest with a NULL NdisAfHandle and NdisVcHandle.
 * Context: process; may sleep.
 * Return: 0 or a negative errno (final), or %CONDIS_PENDING: @done follows,
 * in process context.
 */
int condis_adapter_oid_request(struct condis_adapter *adapter,
			       struct condis_oid_request *req, condis_oid_done_t done)
{
	struct cd_adapter *ad;
	struct cd_req *r;
	int ret;

	might_sleep();
	if (!req || !done)
		return -EINVAL;
	ad = cd_lookup(adapter, struct cd_adapter, CD_ADAPTER, CD_CALLER);
	if (!ad)
		return -EINVAL;
	ret = -ENOMEM;
	r = cd_req_alloc(&chain_oid_mp, &ad->o, NULL, GFP_KERNEL_ACCOUNT);
	if (r) {
		r->key = req;
		r->oid = req;
		r->oid_done = done;
		cd_req_enqueue(r);
		ret = cd_req_returned(r, ad->ops->oid_request(ad->ctx, NULL, req), CD_CALLER);
	}
	cd_obj_put(&ad->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_adapter_oid_request);

static void cd_oid_complete(struct cd_obj *owner, const struct cd_chain *chain,
			    struct condis_oid_request *req, int status, void *caller)
{
	struct cd_req *r = cd_req_complete(owner, chain, req, status, caller);

	if (r)
		cd_req_ready(r);
}

/**
 * condis_co_oid_request_complete - the peer protocol finishes a pended OID
 * @af: the AF handle the request came on
 * @req: the request it was given
 * @status: final status
 *
 * NDIS: NdisCoOidRequestComplete (NdisMCmOidRequestComplete). Context: any.
 */
void condis_co_oid_request_complete(struct condis_af *af,
				    struct condis_oid_request *req, int status)
{
	struct cd_af *a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);

	if (!a)
		return;
	cd_oid_complete(&a->o, &chain_oid_peer, req, status, CD_CALLER);
	cd_obj_put(&a->o);
}
EXPORT_SYMBOL_GPL(condis_co_oid_request_complete);

/**
 * condis_mco_oid_request_complete - the miniport finishes a pended OID
 * @adapter: the adapter handle
 * @req: the request it was given
 * @status: final status
 *
 * NDIS: NdisMCoOidRequestComplete. Context: any.
 */
void condis_mco_oid_request_complete(struct condis_adapter *adapter,
				     struct condis_oid_request *req, int status)
{
	struct cd_adapter *ad = cd_lookup(adapter, struct cd_adapter, CD_ADAPTER,
					  CD_CALLER);

	if (!ad)
		return;
	cd_oid_complete(&ad->o, &chain_oid_mp, req, status, CD_CALLER);
	cd_obj_put(&ad->o);
}
EXPORT_SYMBOL_GPL(condis_mco_oid_request_complete);
