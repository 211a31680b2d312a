// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual connections: create and delete (only by the creator; refused
 * while active), activate and deactivate through the miniport (stand-alone
 * CM, may pend) or synchronously (MCM).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "verifier.h"
#include "vc.h"
#include "trace.h"

enum { VC_K_ACTIVATE = 8, VC_K_DEACTIVATE };

static void cd_vc_set_act(struct cd_vc *vc, u8 act)
{
	trace_condis_state(CD_VC, vc->o.id, CD_ST_ACTIVATION, vc->act, act);
	vc->act = act;
}

/* A create handler may not pend: refuse the VC and report. */
static int cd_no_pending(struct cd_vc *vc, int ret, const char *who)
{
	if (ret != CONDIS_PENDING)
		return ret;
	cd_verify_report(CONDIS_VRF_PENDING_FORBIDDEN, &vc->o, who, NULL);
	return -EINVAL;
}

/* Unlink from the AF (or the CM) and drop the creation reference. */
void cd_vc_destroy(struct cd_vc *vc)
{
	struct cd_obj *parent = vc->owncm ? &vc->owncm->o : &vc->af->o;
	unsigned long flags;

	cd_obj_unpublish(&vc->o);
	flags = cd_lock(parent);
	list_del_init(&vc->node);
	cd_unlock(parent, flags);
	cd_obj_put(&vc->o);
}

int cd_vc_create(struct cd_af *af, u8 creator, void *ctx, struct cd_vc **out)
{
	struct cd_adapter *ad = af->cm->adapter;
	struct cd_vc *vc;
	unsigned long flags;
	void *h;
	int ret;

	vc = kmem_cache_zalloc(cd_vc_cache, GFP_KERNEL_ACCOUNT);
	if (!vc)
		return -ENOMEM;
	ret = cd_req_obj_init(&vc->o, CD_VC, af->o.net, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kmem_cache_free(cd_vc_cache, vc);
		return ret;
	}
	cd_obj_get(&af->o);	/* the VC's reference on its AF */
	vc->af = af;
	vc->creator = creator;
	INIT_LIST_HEAD(&vc->parties);
	if (creator == CD_TO_CLIENT)
		vc->cl_ctx = ctx;
	else
		vc->cm_ctx = ctx;

	flags = cd_lock(&af->o);
	ret = af->state == AF_OPEN && !af->going ? 0 : -EBADFD;
	if (!ret)
		list_add_tail(&vc->node, &af->vcs);
	else
		INIT_LIST_HEAD(&vc->node);
	cd_unlock(&af->o, flags);
	if (ret)
		goto err;
	cd_obj_publish(&vc->o);
	h = cd_handle(&vc->o);

	ret = cd_no_pending(vc, ad->ops->create_vc(ad->ctx, h, &vc->mp_ctx),
			    "miniport create_vc");
	if (ret)
		goto err;
	if (creator == CD_TO_CLIENT)
		ret = af->cm->ops->create_vc(af->cm_ctx, h, &vc->cm_ctx);
	else
		ret = af->client->ops->create_vc(af->cl_ctx, h, &vc->cl_ctx);
	ret = cd_no_pending(vc, ret, "protocol create_vc");
	if (ret) {
		ad->ops->delete_vc(vc->mp_ctx);
		goto err;
	}
	*out = vc;
	return 0;
err:
	cd_vc_destroy(vc);
	return ret;
}

static int cd_create_vc(struct condis_af *af, u8 creator, void *ctx,
			struct condis_vc **vc, void *caller)
{
	struct cd_af *a;
	struct cd_vc *v;
	int ret;

	might_sleep();
	*vc = NULL;
	a = cd_lookup(af, struct cd_af, CD_AF, caller);
	if (!a)
		return -EINVAL;
	ret = cd_vc_create(a, creator, ctx, &v);
	if (!ret)
		*vc = cd_handle(&v->o);
	cd_obj_put(&a->o);
	return ret;
}

/**
 * condis_cl_create_vc - the client creates a VC for an outgoing call
 * @af: the AF handle
 * @cl_vc_ctx: the client's per-VC context
 * @vc: receives the VC handle
 *
 * The miniport's create_vc and the CM's create_vc run before it returns;
 * neither may pend. NDIS: NdisCoCreateVc (client).
 * Context: process; may sleep.
 * Return: 0 or a negative errno.
 */
int condis_cl_create_vc(struct condis_af *af, void *cl_vc_ctx, struct condis_vc **vc)
{
	return cd_create_vc(af, CD_TO_CLIENT, cl_vc_ctx, vc, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_cl_create_vc);

/**
 * condis_cm_create_vc - the CM creates a VC for an incoming call
 * @af: the AF handle
 * @cm_vc_ctx: the CM's per-VC context
 * @vc: receives the VC handle
 *
 * The miniport's and the client's create_vc run before it returns.
 * NDIS: NdisCoCreateVc (call manager), NdisMCmCreateVc.
 * Context: process; may sleep.
 * Return: 0 or a negative errno (a handler's failure included).
 */
int condis_cm_create_vc(struct condis_af *af, void *cm_vc_ctx, struct condis_vc **vc)
{
	return cd_create_vc(af, CD_TO_CM, cm_vc_ctx, vc, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_cm_create_vc);

/**
 * condis_cm_create_signalling_vc - a stand-alone CM creates a VC of its own
 * @cm: the CM registration (its adapter carries the VC)
 * @cm_vc_ctx: the CM's per-VC context
 * @vc: receives the VC handle
 *
 * A VC between the CM and the miniport only, for the CM's signalling (seed
 * 001: "a virtual connection to the network control agent that it
 * established in its ProtocolBindAdapterEx function"): the CM activates it
 * (condis_cm_activate_vc()), sends on it with condis_co_send() (its
 * send_complete handler runs) and receives on it (its receive handler),
 * and deletes it with condis_cm_delete_vc() before it unregisters. No
 * client sees it; client requests naming it are refused. The miniport's
 * create_vc runs before it returns and may not pend.
 * NDIS: NdisCoCreateVc with a NULL NdisAfHandle.
 * Context: process; may sleep.
 * Return: 0 or a negative errno.
 */
int condis_cm_create_signalling_vc(struct condis_cm *cm, void *cm_vc_ctx,
				   struct condis_vc **vc)
{
	struct cd_cm *c;
	struct cd_vc *v;
	unsigned long flags;
	int ret;

	might_sleep();
	*vc = NULL;
	c = cd_lookup(cm, struct cd_cm, CD_CM, CD_CALLER);
	if (!c)
		return -EINVAL;
	ret = -ENOMEM;
	v = kmem_cache_zalloc(cd_vc_cache, GFP_KERNEL_ACCOUNT);
	if (!v)
		goto out;
	ret = cd_req_obj_init(&v->o, CD_CMVC, c->o.net, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kmem_cache_free(cd_vc_cache, v);
		goto out;
	}
	cd_obj_get(&c->o);	/* the VC's reference on its CM */
	v->owncm = c;
	v->creator = CD_TO_CM;
	v->cm_ctx = cm_vc_ctx;
	INIT_LIST_HEAD(&v->parties);
	flags = cd_lock(&c->o);
	ret = c->going ? -EBADFD : 0;
	if (!ret)
		list_add_tail(&v->node, &c->own_vcs);
	else
		INIT_LIST_HEAD(&v->node);
	cd_unlock(&c->o, flags);
	if (ret)
		goto err;
	cd_obj_publish(&v->o);
	ret = cd_no_pending(v, c->adapter->ops->create_vc(c->adapter->ctx, cd_handle(&v->o),
							  &v->mp_ctx),
			    "miniport create_vc");
	if (ret)
		goto err;
	*vc = cd_handle(&v->o);
	goto out;
err:
	cd_vc_destroy(v);
out:
	cd_obj_put(&c->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cm_create_signalling_vc);

/* A delete handler's answer: a refusal condis can no longer honour is reported. */
static int cd_vc_delete_answer(struct cd_vc *vc, int ret, const char *who)
{
	ret = cd_no_pending(vc, ret, who);
	if (ret && vc->delete_final)
		cd_verify_report(CONDIS_VRF_DELETE_REFUSED, &vc->o, who, NULL);
	return ret;
}

/*
 * The other role's delete handler (ProtocolCoDeleteVc). Unless the delete
 * was answered already (@vc->delete_final), its refusal keeps the VC.
 */
static int cd_vc_delete_partner(struct cd_vc *vc)
{
	int ret;

	if (vc->owncm)
		return 0;		/* a CM's own VC: no other role */
	if (vc->creator == CD_TO_CLIENT)
		ret = vc->af->cm->ops->delete_vc(vc->cm_ctx);
	else
		ret = vc->af->client->ops->delete_vc(vc->cl_ctx);
	return cd_vc_delete_answer(vc, ret, "protocol delete_vc");
}

/*
 * The miniport's delete handler, then the free. The other role agreed
 * already: the miniport's refusal (of a VC that is inactive and has no
 * send outstanding, which is all the page lets it refuse for) is reported
 * and the VC goes. The VC leaves its AF first: a role told of the delete
 * may close the AF.
 */
static void cd_vc_delete_finish(struct cd_vc *vc)
{
	struct cd_obj *parent = vc->owncm ? &vc->owncm->o : &vc->af->o;
	unsigned long flags;

	flags = cd_lock(parent);
	list_del_init(&vc->node);
	cd_unlock(parent, flags);
	vc->delete_final = true;
	cd_vc_delete_answer(vc, cd_vc_adapter(vc)->ops->delete_vc(vc->mp_ctx),
			    "miniport delete_vc");
	cd_vc_destroy(vc);
}

/* A delete answered already: whatever the handlers say, the VC goes. */
static void cd_vc_delete_handlers(struct cd_vc *vc)
{
	vc->delete_final = true;
	cd_vc_delete_partner(vc);
	cd_vc_delete_finish(vc);
}

static void delete_deliver(struct cd_req *req)
{
	cd_vc_delete_handlers(container_of(req->owner, struct cd_vc, o));
}

static const struct cd_chain chain_delete_cl = {
	.name = "delete_vc", .kind = 0, .dest = CD_TO_CLIENT,
	.deliver = delete_deliver,
};

static const struct cd_chain chain_delete_cm = {
	.name = "delete_vc", .kind = 0, .dest = CD_TO_CM,
	.deliver = delete_deliver,
};

/*
 * Delete by @by. The handle dies at once. When something is still owed to
 * the other role on this VC (a close-call completion the CM just gave,
 * seed 002), its delete handler runs after that, in order; otherwise
 * before this returns, and its refusal (NOT_ACCEPTED) revives the VC and
 * is the answer - unless @atomic: then always after, from condis's
 * queue, and the delivery is allocated first so that nothing can fail
 * after the VC died. A delete handler run after the answer cannot refuse,
 * nor one run for a teardown (%CD_DELETE_FINAL).
 */
int cd_vc_delete(struct cd_vc *vc, u8 by, unsigned int how)
{
	bool atomic = how & CD_DELETE_ATOMIC;
	struct cd_req *req = NULL;
	unsigned long flags;
	bool queued;
	int ret = 0;

	if (by != vc->creator) {
		cd_verify_report(CONDIS_VRF_DELETE_NOT_CREATOR, &vc->o,
				 "delete_vc by the role that did not create it", NULL);
		return -EPERM;
	}
	if (atomic) {
		req = cd_req_alloc(by == CD_TO_CLIENT ? &chain_delete_cm : &chain_delete_cl,
				   &vc->o, NULL, GFP_ATOMIC | __GFP_NOWARN);
		if (!req)
			return -ENOMEM;
	}
	flags = cd_lock(&vc->o);
	if (vc->o.dead)
		ret = -EBADFD;
	else if (vc->act == ACT_DEACTIVATING)
		ret = -ESHUTDOWN;	/* NDIS_STATUS_CLOSING */
	else if (vc->act != ACT_INACTIVE || vc->call != CALL_IDLE ||
		 atomic_read(&vc->sends))
		ret = -EBUSY;		/* NDIS_STATUS_NOT_ACCEPTED */
	else
		cd_obj_kill(&vc->o);	/* no request may start on it now */
	/* a delivery in progress (the close completion) is owed too */
	queued = !ret && (!list_empty(&vc->o.evq) || vc->o.delivering);
	cd_unlock(&vc->o, flags);
	if (ret) {
		if (req)
			cd_req_free(req);
		return ret;
	}
	if (!queued && !req && (how & CD_DELETE_FINAL)) {
		cd_vc_delete_handlers(vc);
		return 0;
	}
	if (!queued && !req) {
		/* asked before the creator is answered: a refusal keeps the VC */
		ret = cd_vc_delete_partner(vc);
		if (ret) {
			cd_obj_revive(&vc->o);
			return ret;
		}
		cd_vc_delete_finish(vc);
		return 0;
	}
	/* unpublished already: this one may not fail (and is rarely needed) */
	if (!req)
		req = cd_req_alloc(by == CD_TO_CLIENT ? &chain_delete_cm : &chain_delete_cl,
				   &vc->o, NULL, GFP_KERNEL | __GFP_NOFAIL);
	cd_indicate(req);
	return 0;
}

static int cd_delete_vc(struct condis_vc *vc, u8 by, bool atomic, void *caller)
{
	struct cd_vc *v;
	int ret;

	if (!atomic)
		might_sleep();
	v = by == CD_TO_CM ? cd_lookup_any_vc(vc, caller) :
			     cd_lookup(vc, struct cd_vc, CD_VC, caller);
	if (!v)
		return -EINVAL;
	ret = cd_vc_delete(v, by, atomic ? CD_DELETE_ATOMIC : 0);
	cd_obj_put(&v->o);
	return ret;
}

/**
 * condis_cl_delete_vc - the client deletes a VC it created
 * @vc: the VC handle; invalid on success
 *
 * Runs the CM's delete_vc and the miniport's delete_vc (after anything
 * still owed to the CM on the VC). NDIS: NdisCoDeleteVc.
 * Context: process; may sleep.
 * Return: 0, -EBUSY (NDIS_STATUS_NOT_ACCEPTED) while active or with a call,
 * -ESHUTDOWN (NDIS_STATUS_CLOSING) while deactivating, -EPERM (and a
 * verifier report) when the client did not create it.
 */
int condis_cl_delete_vc(struct condis_vc *vc)
{
	return cd_delete_vc(vc, CD_TO_CLIENT, false, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_cl_delete_vc);

/**
 * condis_cm_delete_vc - the CM deletes a VC it created
 * @vc: the VC handle; invalid on success
 *
 * Runs the client's delete_vc and the miniport's delete_vc.
 * NDIS: NdisCoDeleteVc, NdisMCmDeleteVc. Context: process; may sleep.
 * Return: as condis_cl_delete_vc().
 */
int condis_cm_delete_vc(struct condis_vc *vc)
{
	return cd_delete_vc(vc, CD_TO_CM, false, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_cm_delete_vc);

/**
 * condis_co_delete_vc_atomic - its creator deletes a VC, in atomic context
 * @vc: the VC handle; invalid on success
 * @by_cm: the call manager created it (else the client)
 *
 * As condis_cl_delete_vc() and condis_cm_delete_vc(), answered at once;
 * the other role's delete_vc and the miniport's run later, from condis's
 * queue. NDIS: NdisCoDeleteVc at DISPATCH_LEVEL.
 * Context: any.
 * Return: as condis_cl_delete_vc(), or -ENOMEM (nothing changed).
 */
int condis_co_delete_vc_atomic(struct condis_vc *vc, bool by_cm)
{
	return cd_delete_vc(vc, by_cm ? CD_TO_CM : CD_TO_CLIENT, true, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_co_delete_vc_atomic);

/**
 * condis_co_delete_refusable - may a delete_vc handler refuse this delete?
 * @vc: the VC whose delete_vc handler is running
 *
 * The other role's delete_vc runs before the creator's delete returns, and
 * a refusal (nonzero) keeps the VC and is its answer (NdisCoDeleteVc gives
 * the ProtocolCoDeleteVc status). A delete answered already (in atomic
 * context, behind a completion owed to the other role) or made by a
 * teardown cannot be refused: a refusal is reported (verifier
 * delete-vc-refused-late) and the VC goes; the handler lets its state go
 * all the same. So does a miniport's.
 * Context: within a delete_vc handler for @vc.
 * Return: true when a refusal keeps @vc.
 */
bool condis_co_delete_refusable(struct condis_vc *vc)
{
	struct cd_obj *o;
	bool ret;

	o = cd_obj_lookup_dying(vc, ((unsigned long)vc >> 32) == CD_CMVC ? CD_CMVC : CD_VC,
				true, CD_CALLER);
	if (!o)
		return false;
	ret = !container_of(o, struct cd_vc, o)->delete_final;
	cd_obj_put(o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_co_delete_refusable);

/* ---- activation ------------------------------------------------------------ */

static void act_apply(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	/* req->cause holds the state before the request */
	cd_vc_set_act(vc, req->status ? req->cause : ACT_ACTIVE);
}

static void act_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	act_apply(req);
	cd_vc_cm(vc)->ops->activate_vc_complete(req->status, vc->cm_ctx, req->cp);
}

static const struct cd_chain chain_activate = {
	.name = "activate_vc", .kind = VC_K_ACTIVATE, .dest = CD_TO_CM,
	.deliver = act_deliver, .sync_done = act_apply,
};

static void deact_apply(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	cd_vc_set_act(vc, req->status ? ACT_ACTIVE : ACT_INACTIVE);
}

static void deact_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	deact_apply(req);
	cd_vc_cm(vc)->ops->deactivate_vc_complete(req->status, vc->cm_ctx);
}

static const struct cd_chain chain_deactivate = {
	.name = "deactivate_vc", .kind = VC_K_DEACTIVATE, .dest = CD_TO_CM,
	.deliver = deact_deliver, .sync_done = deact_apply,
};

/* The role check shared by both flavours: an MCM must use the MCM calls. */
static bool cd_vc_role_ok(struct cd_vc *vc, bool mcm, void *caller)
{
	if (cd_vc_cm(vc)->mcm == mcm)
		return true;
	cd_verify_report(CONDIS_VRF_WRONG_ROLE, &vc->o,
			 mcm ? "MCM activation call by a stand-alone CM" :
			       "stand-alone activation call by an MCM", caller);
	return false;
}

int cd_vc_activate(struct cd_vc *vc, struct condis_call_params *cp, bool mcm,
		   struct completion *done)
{
	struct cd_req *req = NULL;
	unsigned long flags;
	u8 prev;
	int ret = 0;

	if (!cd_vc_role_ok(vc, mcm, NULL))
		return -EPERM;
	if (!mcm) {
		req = cd_req_alloc(&chain_activate, &vc->o, NULL, GFP_KERNEL_ACCOUNT);
		if (req && cp)
			req->cp = condis_call_params_dup(cp, GFP_KERNEL_ACCOUNT);
		if (!req || (cp && !req->cp)) {
			if (req)
				cd_req_free(req);
			return -ENOMEM;
		}
		req->done = done;
	}
	flags = cd_lock(&vc->o);
	prev = vc->act;
	if (vc->o.dead) {
		ret = -EINVAL;
	} else if (prev == ACT_ACTIVATING || prev == ACT_DEACTIVATING) {
		ret = -EBUSY;
	} else {
		cd_vc_set_act(vc, mcm ? ACT_ACTIVE : ACT_ACTIVATING);
		if (req) {
			req->cause = prev;
			cd_req_enqueue_locked(req);
		}
	}
	cd_unlock(&vc->o, flags);
	if (ret && req)
		cd_req_free(req);
	if (ret || mcm)
		return ret;

	ret = cd_vc_adapter(vc)->ops->activate_vc(vc->mp_ctx, req->cp);
	return cd_req_returned(req, ret, NULL);
}

int cd_vc_deactivate(struct cd_vc *vc, bool mcm, struct completion *done)
{
	struct cd_req *req = NULL;
	unsigned long flags;
	int ret = 0;

	if (!cd_vc_role_ok(vc, mcm, NULL))
		return -EPERM;
	if (!mcm) {
		req = cd_req_alloc(&chain_deactivate, &vc->o, NULL, CD_GFP_TEARDOWN);
		req->done = done;
	}
	flags = cd_lock(&vc->o);
	if (vc->act != ACT_ACTIVE) {
		ret = vc->act == ACT_INACTIVE ? -ENOTCONN : -EBUSY;
	} else {
		cd_vc_set_act(vc, mcm ? ACT_INACTIVE : ACT_DEACTIVATING);
		if (req)
			cd_req_enqueue_locked(req);
	}
	cd_unlock(&vc->o, flags);
	if (ret && req)
		cd_req_free(req);
	if (ret || mcm)
		return ret;

	ret = cd_vc_adapter(vc)->ops->deactivate_vc(vc->mp_ctx);
	return cd_req_returned(req, ret, NULL);
}

void cd_vc_deactivate_wait(struct cd_vc *vc, struct completion *done)
{
	cd_req_wait(&vc->o, &chain_deactivate, NULL, done);
}

static int cd_activate(struct condis_vc *vc, struct condis_call_params *cp,
		       bool activate, bool mcm, void *caller)
{
	struct cd_vc *v;
	int ret;

	if (!mcm)	/* an MCM's only records the state */
		might_sleep();
	v = cd_lookup_any_vc(vc, caller);
	if (!v)
		return -EINVAL;
	ret = activate ? cd_vc_activate(v, cp, mcm, NULL) :
			 cd_vc_deactivate(v, mcm, NULL);
	cd_obj_put(&v->o);
	return ret;
}

/**
 * condis_cm_activate_vc - a stand-alone CM activates a VC
 * @vc: the VC handle
 * @cp: the call parameters to program (copied)
 *
 * Runs the miniport's activate_vc. May be repeated on an active VC (after
 * a QoS change). NDIS: NdisCmActivateVc.
 * Context: process; may sleep.
 * Return: 0, %CONDIS_PENDING (activate_vc_complete follows) or a negative
 * errno.
 */
int condis_cm_activate_vc(struct condis_vc *vc, struct condis_call_params *cp)
{
	return cd_activate(vc, cp, true, false, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_cm_activate_vc);

/**
 * condis_cm_deactivate_vc - a stand-alone CM deactivates a VC
 * @vc: the VC handle
 *
 * Runs the miniport's deactivate_vc. NDIS: NdisCmDeactivateVc.
 * Context: process; may sleep.
 * Return: 0, %CONDIS_PENDING (deactivate_vc_complete follows) or a
 * negative errno.
 */
int condis_cm_deactivate_vc(struct condis_vc *vc)
{
	return cd_activate(vc, NULL, false, false, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_cm_deactivate_vc);

/**
 * condis_mcm_activate_vc - an MCM tells condis it activated a VC
 * @vc: the VC handle
 * @cp: the call parameters it programmed (unused by condis)
 *
 * NDIS: NdisMCmActivateVc. Context: any.
 * Return: 0 or a negative errno. Never pends.
 */
int condis_mcm_activate_vc(struct condis_vc *vc, struct condis_call_params *cp)
{
	return cd_activate(vc, cp, true, true, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_mcm_activate_vc);

/**
 * condis_mcm_deactivate_vc - an MCM tells condis it deactivated a VC
 * @vc: the VC handle
 *
 * NDIS: NdisMCmDeactivateVc. Context: any.
 * Return: 0, -ENOTCONN when not active, -EBUSY while (de)activating.
 */
int condis_mcm_deactivate_vc(struct condis_vc *vc)
{
	return cd_activate(vc, NULL, false, true, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_mcm_deactivate_vc);

static void cd_mco_complete(struct condis_vc *vc, const struct cd_chain *chain,
			    int status, void *caller)
{
	struct cd_vc *v = cd_lookup_any_vc(vc, caller);
	struct cd_req *req;

	if (!v)
		return;
	req = cd_req_complete(&v->o, chain, NULL, status, caller);
	if (req)
		cd_req_ready(req);
	cd_obj_put(&v->o);
}

/**
 * condis_mco_activate_vc_complete - finish a pended activate_vc
 * @status: final status
 * @vc: the VC handle
 * @cp: the parameters activate_vc was given (unused by condis)
 *
 * NDIS: NdisMCoActivateVcComplete. Context: any.
 */
void condis_mco_activate_vc_complete(int status, struct condis_vc *vc,
				     struct condis_call_params *cp)
{
	cd_mco_complete(vc, &chain_activate, status, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_mco_activate_vc_complete);

/**
 * condis_mco_deactivate_vc_complete - finish a pended deactivate_vc
 * @status: final status
 * @vc: the VC handle
 *
 * NDIS: NdisMCoDeactivateVcComplete. Context: any.
 */
void condis_mco_deactivate_vc_complete(int status, struct condis_vc *vc)
{
	cd_mco_complete(vc, &chain_deactivate, status, CD_CALLER);
}
EXPORT_SYMBOL_GPL(condis_mco_deactivate_vc_complete);

/* ---- the parties of a multipoint VC ------------------------------------ */

/* A party being added, not yet on its VC (cd_party_unlink() frees it). */
struct cd_party *cd_party_alloc(struct cd_vc *vc, void *cl_ctx)
{
	struct cd_party *p = kzalloc(sizeof(*p), GFP_KERNEL_ACCOUNT);

	if (!p)
		return NULL;
	if (cd_req_obj_init(&p->o, CD_PARTY, vc->o.net, GFP_KERNEL_ACCOUNT)) {
		kfree(p);
		return NULL;
	}
	cd_obj_get(&vc->o);
	p->vc = vc;
	p->cl_ctx = cl_ctx;
	p->state = PARTY_ADDING;
	INIT_LIST_HEAD(&p->node);
	return p;
}

struct cd_party *cd_party_new(struct cd_vc *vc, void *cl_ctx)
{
	struct cd_party *p = cd_party_alloc(vc, cl_ctx);
	unsigned long flags;

	if (!p)
		return NULL;
	flags = cd_lock(&vc->o);
	list_add_tail(&p->node, &vc->parties);
	cd_unlock(&vc->o, flags);
	cd_obj_publish(&p->o);
	return p;
}

/* The party is gone for both sides: unlink and drop its creation ref. */
void cd_party_unlink(struct cd_party *p)
{
	struct cd_vc *vc = p->vc;
	unsigned long flags;

	cd_obj_unpublish(&p->o);
	flags = cd_lock(&vc->o);
	if (p->state == PARTY_GONE) {
		cd_unlock(&vc->o, flags);
		return;
	}
	p->state = PARTY_GONE;
	list_del_init(&p->node);
	cd_unlock(&vc->o, flags);
	cd_obj_put(&p->o);
}

/* The call is closed: every party left goes with it. */
void cd_vc_release_parties(struct cd_vc *vc)
{
	struct cd_party *p;
	unsigned long flags;

	for (;;) {
		flags = cd_lock(&vc->o);
		p = list_first_entry_or_null(&vc->parties, struct cd_party, node);
		if (p)
			cd_obj_get(&p->o);
		cd_unlock(&vc->o, flags);
		if (!p)
			break;
		cd_party_unlink(p);
		cd_obj_put(&p->o);
	}
	vc->nparties = 0;
}
