// SPDX-License-Identifier: GPL-2.0
/*
 * Point-to-multipoint parties: add, drop, incoming drop. The last party
 * leaves through close call; when the last remote party drops, the client
 * gets an incoming close instead of an incoming drop.
 *
 * vc->nparties counts ACTIVE parties; party requests are ordered on their
 * VC's queue. The party objects themselves (made, unlinked, released with
 * their call) are vc.c's.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "vc.h"
#include "call.h"
#include "party.h"

enum { VC_K_ADD_PARTY = 16, VC_K_DROP_PARTY, VC_K_IND_DROP };

/*
 * @p is (again) an active leaf of its call, unless it is gone: PARTY_GONE
 * is final, as AF_CLOSED and SAP_GONE are. A party released with its call
 * (closed by force) whose add or drop completes late stays gone, or it
 * would be counted and unlinked, and put, twice.
 */
static void cd_party_set_active(struct cd_party *p)
{
	unsigned long flags = cd_lock(&p->vc->o);

	if (p->state != PARTY_GONE) {
		p->state = PARTY_ACTIVE;
		p->vc->nparties++;
	}
	cd_unlock(&p->vc->o, flags);
}

static struct cd_party *req_party(struct cd_req *req)
{
	return container_of(req->target, struct cd_party, o);
}

/* ---- add ---------------------------------------------------------------------- */

static void add_apply(struct cd_req *req)
{
	if (req->status)
		cd_party_unlink(req_party(req));
	else
		cd_party_set_active(req_party(req));
}

/* On failure the party handle is invalid when the completion returns. */
static void add_completed(struct cd_req *req)
{
	if (req->status)
		cd_obj_unpublish(req->target);
}

static void add_deliver(struct cd_req *req)
{
	struct cd_party *p = req_party(req);

	add_apply(req);
	p->vc->af->client->ops->add_party_complete(req->status, p->cl_ctx,
						   req->status ? NULL : cd_handle(&p->o),
						   req->cp);
}

static const struct cd_chain chain_add_party = {
	.name = "add_party", .kind = VC_K_ADD_PARTY, .dest = CD_TO_CLIENT,
	.completed = add_completed, .deliver = add_deliver, .sync_done = add_apply,
};

/**
 * condis_cl_add_party - add a party to a connected multipoint call
 * @vc: the VC handle
 * @cl_party_ctx: the client's context for the party
 * @cp: the party's parameters (copied)
 * @party: receives the party handle (also on %CONDIS_PENDING)
 *
 * Runs the CM's add_party. NDIS: NdisClAddParty.
 * Context: process; may sleep.
 * Return: 0, %CONDIS_PENDING (add_party_complete follows) or a negative
 * errno; on failure the party handle is invalid.
 */
int condis_cl_add_party(struct condis_vc *vc, void *cl_party_ctx,
			const struct condis_call_params *cp,
			struct condis_party **party)
{
	struct cd_party *p = NULL;
	struct cd_req *req = NULL;
	unsigned long flags;
	struct cd_vc *v;
	int ret;

	might_sleep();
	*party = NULL;
	if (!cp)
		return -EINVAL;
	v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	if (!v)
		return -EINVAL;
	ret = -EOPNOTSUPP;
	if (!cd_client_multipoint(v->af->client))
		goto out;
	ret = -ENOMEM;
	p = cd_party_alloc(v, cl_party_ctx);
	if (!p)
		goto out;
	req = cd_req_alloc(&chain_add_party, &v->o, &p->o, GFP_KERNEL_ACCOUNT);
	if (req)
		req->cp = condis_call_params_dup(cp, GFP_KERNEL_ACCOUNT);
	if (!req || !req->cp)
		goto err;
	flags = cd_lock(&v->o);
	ret = v->call != CALL_CONNECTED ? -ENOTCONN :
	      !v->nparties ? -EINVAL : 0;	/* not a multipoint call */
	if (!ret) {
		list_add_tail(&p->node, &v->parties);
		cd_req_enqueue_locked(req);
	}
	cd_unlock(&v->o, flags);
	if (ret)
		goto err;
	cd_obj_publish(&p->o);
	*party = cd_handle(&p->o);
	ret = v->af->cm->ops->add_party(v->cm_ctx, req->cp, cd_handle(&p->o),
					&p->cm_ctx);
	ret = cd_req_returned(req, ret, CD_CALLER);
	if (ret && ret != CONDIS_PENDING)
		*party = NULL;
out:
	cd_obj_put(&v->o);
	return ret;
err:
	if (req)
		cd_req_free(req);
	cd_party_unlink(p);
	goto out;
}
EXPORT_SYMBOL_GPL(condis_cl_add_party);

/**
 * condis_cm_add_party_complete - finish a pended add_party
 * @status: final status; on failure @party is invalid on return
 * @party: the party handle
 * @cm_party_ctx: the CM's context for the party (ignored on failure)
 * @cp: NULL or the parameters add_party was given, maybe changed in place,
 *	or new ones from condis_call_params_alloc() that condis takes over
 *
 * NDIS: NdisCmAddPartyComplete. Context: any.
 */
void condis_cm_add_party_complete(int status, struct condis_party *party,
				  void *cm_party_ctx, struct condis_call_params *cp)
{
	struct cd_party *p = cd_lookup(party, struct cd_party, CD_PARTY, CD_CALLER);
	struct cd_req *req;

	if (!p)
		return;
	req = cd_req_complete(&p->vc->o, &chain_add_party, &p->o, status, CD_CALLER);
	if (req && !req->status)
		p->cm_ctx = cm_party_ctx;
	cd_req_ready_params(req, cp);
	cd_obj_put(&p->o);
}
EXPORT_SYMBOL_GPL(condis_cm_add_party_complete);

/* ---- drop ---------------------------------------------------------------------- */

static void drop_apply(struct cd_req *req)
{
	if (req->status)
		cd_party_set_active(req_party(req));	/* the drop failed */
	else
		cd_party_unlink(req_party(req));
}

static void drop_completed(struct cd_req *req)
{
	if (!req->status)
		cd_obj_unpublish(req->target);
}

static void drop_deliver(struct cd_req *req)
{
	struct cd_party *p = req_party(req);

	drop_apply(req);
	p->vc->af->client->ops->drop_party_complete(req->status, p->cl_ctx);
}

static const struct cd_chain chain_drop_party = {
	.name = "drop_party", .kind = VC_K_DROP_PARTY, .dest = CD_TO_CLIENT,
	.completed = drop_completed, .deliver = drop_deliver,
	.sync_done = drop_apply,
};

int cd_drop_party(struct cd_party *p, const void *buf, u32 len,
		  struct completion *done)
{
	struct cd_vc *vc = p->vc;
	struct cd_req *req;
	unsigned long flags;
	int ret = 0;

	req = cd_req_alloc(&chain_drop_party, &vc->o, &p->o, CD_GFP_TEARDOWN);
	if (cd_req_set_buf(req, buf, len, GFP_KERNEL_ACCOUNT)) {
		cd_req_free(req);
		return -ENOMEM;
	}
	flags = cd_lock(&vc->o);
	if (p->state != PARTY_ACTIVE)
		ret = p->state == PARTY_DROPPING ? -EALREADY : -EBADFD;
	else if (vc->nparties <= 1)
		ret = -EBUSY;	/* the last party leaves through close call */
	if (!ret) {
		p->state = PARTY_DROPPING;
		vc->nparties--;
		req->done = done;
		cd_req_enqueue_locked(req);
	}
	cd_unlock(&vc->o, flags);
	if (ret) {
		cd_req_free(req);
		return ret;
	}
	ret = vc->af->cm->ops->drop_party(p->cm_ctx, req->buf, req->len);
	return cd_req_returned(req, ret, NULL);
}

void cd_drop_party_wait(struct cd_party *p, struct completion *done)
{
	cd_req_wait(&p->vc->o, &chain_drop_party, &p->o, done);
}

/**
 * condis_cl_drop_party - drop a party that is not the last one
 * @party: the party handle
 * @buf: data for the party (copied), or NULL
 * @len: length of @buf
 *
 * Also the answer to incoming_drop_party. Runs the CM's drop_party.
 * NDIS: NdisClDropParty. Context: process; may sleep.
 * Return: 0 (the handle is invalid now), %CONDIS_PENDING
 * (drop_party_complete follows), -EBUSY for the last party (close the call
 * instead) or another negative errno.
 */
int condis_cl_drop_party(struct condis_party *party, const void *buf, u32 len)
{
	struct cd_party *p;
	int ret;

	might_sleep();
	if (len > CONDIS_PARAMS_BLOB_MAX)
		return -EINVAL;
	p = cd_lookup(party, struct cd_party, CD_PARTY, CD_CALLER);
	if (!p)
		return -EINVAL;
	ret = cd_drop_party(p, buf, len, NULL);
	cd_obj_put(&p->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_drop_party);

/**
 * condis_cm_drop_party_complete - finish a pended drop_party
 * @status: final status; on success @party is invalid on return
 * @party: the party handle
 *
 * NDIS: NdisCmDropPartyComplete. Context: any.
 */
void condis_cm_drop_party_complete(int status, struct condis_party *party)
{
	struct cd_party *p = cd_lookup(party, struct cd_party, CD_PARTY, CD_CALLER);
	struct cd_req *req;

	if (!p)
		return;
	req = cd_req_complete(&p->vc->o, &chain_drop_party, &p->o, status, CD_CALLER);
	if (req) {
		cd_req_from_cm(req);
		cd_req_ready(req);
	}
	cd_obj_put(&p->o);
}
EXPORT_SYMBOL_GPL(condis_cm_drop_party_complete);

static void in_drop_deliver(struct cd_req *req)
{
	struct cd_party *p = req_party(req);

	if (p->state != PARTY_ACTIVE)
		return;		/* the client dropped it already */
	p->drop_indicated = true;
	p->vc->af->client->ops->incoming_drop_party(req->cause, p->cl_ctx,
						    req->buf, req->len);
}

static const struct cd_chain chain_in_drop = {
	.name = "incoming_drop_party", .kind = VC_K_IND_DROP, .dest = CD_TO_CLIENT,
	.deliver = in_drop_deliver,
};

/**
 * condis_cm_dispatch_incoming_drop_party - a remote party left
 * @cause: why, as a status
 * @party: the party handle
 * @buf: data from the party, or NULL (copied)
 * @len: length of @buf
 *
 * The client answers with condis_cl_drop_party(). When @party is the last
 * one, the client gets incoming_close on the VC instead.
 * NDIS: NdisCmDispatchIncomingDropParty. Context: any.
 */
void condis_cm_dispatch_incoming_drop_party(int cause, struct condis_party *party,
					    const void *buf, u32 len)
{
	struct cd_party *p = cd_lookup(party, struct cd_party, CD_PARTY, CD_CALLER);
	struct cd_req *req;
	unsigned long flags;
	bool last;

	if (!p)
		return;
	flags = cd_lock(&p->vc->o);
	last = p->vc->nparties <= 1;
	cd_unlock(&p->vc->o, flags);
	if (last) {
		cd_dispatch_incoming_close(p->vc, cause, buf, len, true);
		goto out;
	}
	req = cd_req_alloc_ind(&chain_in_drop, &p->vc->o, &p->o, buf, len);
	if (req) {
		req->cause = cause;
		cd_req_from_cm(req);
		cd_indicate(req);
	}
out:
	cd_obj_put(&p->o);
}
EXPORT_SYMBOL_GPL(condis_cm_dispatch_incoming_drop_party);
