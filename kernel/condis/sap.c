// SPDX-License-Identifier: GPL-2.0
/*
 * Service access points: register and deregister (seeds 000 and 001).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "sap.h"
#include "trace.h"

enum { SAP_K_REG, SAP_K_DEREG };

/*
 * SAP_GONE is final. Two teardowns (the CM's and the client's) may both
 * deregister a SAP: one that gave up on the CM forgets it while the
 * other's request pends, whose failure must not make it active again
 * (it was then forgotten, and put, twice). Caller holds the SAP's lock.
 */
static void cd_sap_set_state(struct cd_sap *sap, u8 state)
{
	lockdep_assert_held(&sap->o.lock);
	if (sap->state == SAP_GONE)
		return;
	trace_condis_state(CD_SAP, sap->o.id, CD_ST_SAP, sap->state, state);
	sap->state = state;
}

/* Registered, or a deregistration failed: active, unless forgotten meanwhile. */
static void cd_sap_set_active(struct cd_sap *sap)
{
	unsigned long flags = cd_lock(&sap->o);

	cd_sap_set_state(sap, SAP_ACTIVE);
	cd_unlock(&sap->o, flags);
}

/* Just set gone: unlink and drop the registration ref. */
static void cd_sap_unlink(struct cd_sap *sap)
{
	unsigned long flags;

	cd_obj_unpublish(&sap->o);
	flags = cd_lock(&sap->af->o);
	list_del_init(&sap->node);
	cd_unlock(&sap->af->o, flags);
	cd_obj_put(&sap->o);
}

/*
 * Both sides' per-SAP state is gone. Called with the SAP's lock held
 * (@flags), released here. Two teardowns may forget it at once: one of
 * them puts it. Return: it was not gone before.
 */
static bool cd_sap_destroy_unlock(struct cd_sap *sap, unsigned long flags)
	__releases(&sap->o.lock)
{
	bool gone = sap->state == SAP_GONE;

	lockdep_assert_held(&sap->o.lock);
	cd_sap_set_state(sap, SAP_GONE);
	cd_unlock(&sap->o, flags);
	if (!gone)
		cd_sap_unlink(sap);
	return !gone;
}

static void cd_sap_destroy(struct cd_sap *sap)
{
	cd_sap_destroy_unlock(sap, cd_lock(&sap->o));
}

/* Registered: active, unless forgotten or being deregistered meanwhile. */
static void cd_sap_registered(struct cd_sap *sap)
{
	unsigned long flags = cd_lock(&sap->o);

	if (sap->state == SAP_REGISTERING)
		cd_sap_set_state(sap, SAP_ACTIVE);
	cd_unlock(&sap->o, flags);
}

static void reg_apply(struct cd_req *req)
{
	struct cd_sap *sap = container_of(req->owner, struct cd_sap, o);

	if (req->status)
		cd_sap_destroy(sap);
	else
		cd_sap_registered(sap);
}

/*
 * Seed 000: a failed registration invalidates the SAP handle at once. A
 * successful one makes the SAP active at once: the CM may offer a call on
 * it right after its completion, before the client is told (the offer's
 * indication queues on its VC; a deregistration waits for it, see
 * cd_sap_offer_get()). It may offer one while the registration pends
 * too (NDIS: "a client can receive incoming calls on a SAP even while SAP
 * registration is still pending"): then a failure reaches the client
 * only once the offers were made (sap_offers_then_ready()), as a
 * deregistration does.
 */
/*
 * A claimed request that ends the SAP for the client (a deregistration, a
 * failed registration): ready now, or when the last offer was made.
 */
static void sap_offers_then_ready(struct cd_sap *sap, struct cd_req *req, bool ends)
{
	unsigned long flags = cd_lock(&sap->o);
	bool wait = ends && sap->offers;

	if (wait)
		sap->dereg = req;
	cd_unlock(&sap->o, flags);
	if (!wait)
		cd_req_ready(req);
}

static void reg_completed(struct cd_req *req)
{
	if (req->status)
		cd_obj_unpublish(req->owner);
	else
		cd_sap_registered(container_of(req->owner, struct cd_sap, o));
}

static void reg_deliver(struct cd_req *req)
{
	struct cd_sap *sap = container_of(req->owner, struct cd_sap, o);

	reg_apply(req);
	sap->af->client->ops->register_sap_complete(req->status, sap->cl_ctx,
						    req->status ? NULL : cd_handle(&sap->o));
}

static const struct cd_chain chain_reg_sap = {
	.name = "register_sap", .kind = SAP_K_REG, .dest = CD_TO_CLIENT,
	.completed = reg_completed, .deliver = reg_deliver, .sync_done = reg_apply,
};

/**
 * condis_cl_register_sap - register a SAP to receive incoming calls on
 * @af: the AF handle
 * @desc: the SAP (copied)
 * @cl_sap_ctx: the client's context for the SAP
 * @sap: receives the SAP handle (also on %CONDIS_PENDING; NULL on failure)
 *
 * Runs the CM's register_sap. NDIS: NdisClRegisterSap.
 * Context: process; may sleep.
 * Return: 0, %CONDIS_PENDING (register_sap_complete follows) or a negative
 * errno (the handle is invalid then).
 */
int condis_cl_register_sap(struct condis_af *af, const struct condis_sap_desc *desc,
			   void *cl_sap_ctx, struct condis_sap **sap)
{
	struct cd_af *a;
	struct cd_sap *s;
	struct cd_req *req;
	unsigned long flags;
	int ret;

	might_sleep();
	*sap = NULL;
	if (!desc || desc->len > sizeof(desc->sap))
		return -EINVAL;
	a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);
	if (!a)
		return -EINVAL;
	ret = -ENOMEM;
	s = kzalloc(sizeof(*s), GFP_KERNEL_ACCOUNT);
	if (!s)
		goto out;
	ret = cd_req_obj_init(&s->o, CD_SAP, a->o.net, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(s);
		goto out;
	}
	cd_obj_get(&a->o);	/* the SAP's reference on its AF */
	s->af = a;
	s->cl_ctx = cl_sap_ctx;
	s->desc = *desc;
	s->state = SAP_REGISTERING;
	INIT_LIST_HEAD(&s->node);
	req = cd_req_alloc(&chain_reg_sap, &s->o, NULL, GFP_KERNEL_ACCOUNT);
	if (!req) {
		cd_sap_destroy(s);
		goto out;
	}
	/* queued before the AF's teardown can see the SAP (cd_req_enqueue_locked()) */
	cd_req_enqueue(req);
	flags = cd_lock(&a->o);
	ret = a->state == AF_OPEN && !a->going ? 0 : -EBADFD;
	if (!ret)
		list_add_tail(&s->node, &a->saps);
	cd_unlock(&a->o, flags);
	if (ret) {
		cd_req_cancel(req);
		cd_sap_destroy(s);
		goto out;
	}
	cd_obj_publish(&s->o);
	*sap = cd_handle(&s->o);
	ret = a->cm->ops->register_sap(a->cm_ctx, &s->desc, cd_handle(&s->o),
				       &s->cm_ctx);
	if (ret && ret != CONDIS_PENDING && READ_ONCE(s->offers)) {
		/* failed after offering on it: for the client once they were made */
		struct cd_req *claimed = cd_req_complete(&s->o, &chain_reg_sap, NULL, ret,
							 NULL);

		if (claimed)
			sap_offers_then_ready(s, claimed, true);
		ret = CONDIS_PENDING;
	}
	ret = cd_req_returned(req, ret, CD_CALLER);
	if (ret && ret != CONDIS_PENDING)
		*sap = NULL;
out:
	cd_obj_put(&a->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_register_sap);

/**
 * condis_cm_register_sap_complete - finish a pended register_sap
 * @status: final status; on failure the SAP handle is invalid on return
 *	and condis frees its SAP state (seed 000)
 * @sap: the SAP handle register_sap was given
 * @cm_sap_ctx: the CM's per-SAP context (ignored on failure)
 *
 * NDIS: NdisCmRegisterSapComplete / NdisMCmRegisterSapComplete.
 * Context: any.
 */
void condis_cm_register_sap_complete(int status, struct condis_sap *sap,
				     void *cm_sap_ctx)
{
	struct cd_sap *s = cd_lookup(sap, struct cd_sap, CD_SAP, CD_CALLER);
	struct cd_req *req;

	if (!s)
		return;
	req = cd_req_complete(&s->o, &chain_reg_sap, NULL, status, CD_CALLER);
	if (req) {
		if (!req->status)
			s->cm_ctx = cm_sap_ctx;
		sap_offers_then_ready(s, req, req->status);
	}
	cd_obj_put(&s->o);
}
EXPORT_SYMBOL_GPL(condis_cm_register_sap_complete);

/**
 * cd_sap_offer_get - count a call offered on the SAP
 * @sap: the SAP
 *
 * An offer's incoming_call runs on its VC's queue, not the SAP's: a
 * successful deregistration reaches the client (which may free its SAP
 * context then) only once every offer's incoming_call returned. Until
 * then its claimed request waits in @sap->dereg, and a CM that
 * deregistered synchronously has the client see %CONDIS_PENDING.
 *
 * Context: any.
 * Return: 0 (registered, or its registration pends), or -EINVAL when the
 * SAP takes no calls (being deregistered, gone).
 */
int cd_sap_offer_get(struct cd_sap *sap)
{
	unsigned long flags = cd_lock(&sap->o);
	int ret = sap->state == SAP_ACTIVE || sap->state == SAP_REGISTERING ? 0 : -EINVAL;

	if (!ret)
		sap->offers++;
	cd_unlock(&sap->o, flags);
	return ret;
}

/* The offer's incoming_call returned (or it was never made). Context: any. */
void cd_sap_offer_put(struct cd_sap *sap)
{
	struct cd_req *req = NULL;
	unsigned long flags = cd_lock(&sap->o);

	if (!WARN_ON_ONCE(!sap->offers) && !--sap->offers)
		swap(req, sap->dereg);
	cd_unlock(&sap->o, flags);
	if (req)
		cd_req_ready(req);
}


static void dereg_apply(struct cd_req *req)
{
	struct cd_sap *sap = container_of(req->owner, struct cd_sap, o);

	if (req->status)
		cd_sap_set_active(sap);
	else
		cd_sap_destroy(sap);
}

static void dereg_deliver(struct cd_req *req)
{
	struct cd_sap *sap = container_of(req->owner, struct cd_sap, o);

	dereg_apply(req);
	sap->af->client->ops->deregister_sap_complete(req->status, sap->cl_ctx);
}

static const struct cd_chain chain_dereg_sap = {
	.name = "deregister_sap", .kind = SAP_K_DEREG, .dest = CD_TO_CLIENT,
	.deliver = dereg_deliver, .sync_done = dereg_apply,
};

int cd_deregister_sap(struct cd_sap *sap, struct completion *done)
{
	struct cd_req *req;
	unsigned long flags;
	int ret = 0;

	req = cd_req_alloc(&chain_dereg_sap, &sap->o, NULL, CD_GFP_TEARDOWN);
	req->done = done;
	flags = cd_lock(&sap->o);
	if (sap->state != SAP_ACTIVE) {
		ret = sap->state == SAP_DEREGISTERING ? -EALREADY : -EBADFD;
	} else {
		cd_sap_set_state(sap, SAP_DEREGISTERING);
		cd_req_enqueue_locked(req);
	}
	cd_unlock(&sap->o, flags);
	if (ret) {
		cd_req_free(req);
		return ret;
	}
	ret = sap->af->cm->ops->deregister_sap(sap->cm_ctx);
	if (!ret && READ_ONCE(sap->offers)) {
		/* done for the CM; for the client once the offers were made */
		struct cd_req *claimed = cd_req_complete(&sap->o, &chain_dereg_sap,
							 NULL, 0, NULL);

		if (claimed)
			sap_offers_then_ready(sap, claimed, true);
		ret = CONDIS_PENDING;
	}
	return cd_req_returned(req, ret, NULL);
}

/**
 * cd_sap_forget - teardown: the SAP goes, deregistered or not
 * @sap: the SAP
 *
 * One the CM refused to deregister is forgotten, once nothing is queued
 * on it: another teardown's deregistration, or the client's, still
 * reaches the client first (cd_settle_lock()).
 */
void cd_sap_forget(struct cd_sap *sap)
{
	if (cd_sap_destroy_unlock(sap, cd_settle_lock(&sap->o)))
		pr_warn("condis: sap %u: deregistered by force\n", sap->o.id);
}

void cd_deregister_sap_wait(struct cd_sap *sap, struct completion *done)
{
	cd_req_wait(&sap->o, &chain_dereg_sap, NULL, done);
}

/**
 * condis_cl_deregister_sap - stop receiving calls on a SAP
 * @sap: the SAP handle
 *
 * Runs the CM's deregister_sap, which frees the CM's per-SAP state. The
 * client's incoming_call may still run for calls offered on the SAP
 * before; deregister_sap_complete follows them.
 * NDIS: NdisClDeregisterSap.
 * Context: process; may sleep.
 * Return: 0 (the handle is invalid now), %CONDIS_PENDING
 * (deregister_sap_complete follows: the CM pended, or a call offered on
 * the SAP is still being indicated) or a negative errno.
 */
int condis_cl_deregister_sap(struct condis_sap *sap)
{
	struct cd_sap *s = cd_lookup(sap, struct cd_sap, CD_SAP, CD_CALLER);
	int ret;

	might_sleep();
	if (!s)
		return -EINVAL;
	ret = cd_deregister_sap(s, NULL);
	cd_obj_put(&s->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_deregister_sap);

/**
 * condis_cm_deregister_sap_complete - finish a pended deregister_sap
 * @status: final status
 * @sap: the SAP handle
 *
 * NDIS: NdisCmDeregisterSapComplete / NdisMCmDeregisterSapComplete.
 * Context: any.
 */
void condis_cm_deregister_sap_complete(int status, struct condis_sap *sap)
{
	struct cd_sap *s = cd_lookup(sap, struct cd_sap, CD_SAP, CD_CALLER);
	struct cd_req *req;

	if (!s)
		return;
	req = cd_req_complete(&s->o, &chain_dereg_sap, NULL, status, CD_CALLER);
	if (req)
		sap_offers_then_ready(s, req, !req->status);
	cd_obj_put(&s->o);
}
EXPORT_SYMBOL_GPL(condis_cm_deregister_sap_complete);
