// SPDX-License-Identifier: GPL-2.0
/*
 * Address families: open, close, CM-initiated close.
 *
 * An AF object is one client's open of one CM registration (the NDIS
 * NdisAfHandle). It holds references on both and is on both's lists.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "af.h"
#include "trace.h"

enum { AF_K_OPEN, AF_K_CLOSE, AF_K_NOTIFY, AF_K_NOTIFY_IND, AF_K_OID };

/*
 * AF_CLOSED is final: a request's late failure does not reopen an AF that a
 * teardown gave up on and forgot (the SAP's SAP_GONE likewise).
 */
static void cd_af_set_state(struct cd_af *af, u8 state)
{
	lockdep_assert_held(&af->o.lock);
	if (af->state == AF_CLOSED)
		return;
	trace_condis_state(CD_AF, af->o.id, CD_ST_AF, af->state, state);
	af->state = state;
}

/* Opened, or a close failed: open, unless closed meanwhile. */
static void cd_af_set_open(struct cd_af *af)
{
	unsigned long flags = cd_lock(&af->o);

	cd_af_set_state(af, AF_OPEN);
	cd_unlock(&af->o, flags);
}

/* Unlink and drop the open reference: the handle dies. Once. */
static void cd_af_release(struct cd_af *af)
{
	unsigned long flags;
	bool done;

	flags = cd_lock(&af->o);
	done = af->released;
	af->released = true;
	cd_unlock(&af->o, flags);
	if (done)
		return;
	cd_obj_unpublish(&af->o);
	flags = cd_lock(&af->client->o);
	list_del_init(&af->cl_node);
	cd_unlock(&af->client->o, flags);
	flags = cd_lock(&af->cm->o);
	list_del_init(&af->cm_node);
	cd_unlock(&af->cm->o, flags);
	cd_obj_put(&af->o);
}

/*
 * The AF is closed. Its handle dies now, unless the client closed it from
 * its notify_close_af and still owes the answer: NDIS has it answer with
 * the AF handle, so that stays valid until condis_cl_notify_close_af_complete()
 * (or teardown's timeout) releases the AF.
 */
static void cd_af_destroy(struct cd_af *af)
{
	unsigned long flags;
	bool park;

	flags = cd_lock(&af->o);
	if (af->state == AF_CLOSED) {
		cd_unlock(&af->o, flags);
		return;
	}
	cd_af_set_state(af, AF_CLOSED);
	park = af->answer_owed;
	cd_unlock(&af->o, flags);
	if (!park)
		cd_af_release(af);
}

/* ---- open ------------------------------------------------------------------ */

static void open_af_apply(struct cd_req *req)
{
	struct cd_af *af = container_of(req->owner, struct cd_af, o);

	if (req->status)
		cd_af_destroy(af);
	else
		cd_af_set_open(af);
}

static void open_af_deliver(struct cd_req *req)
{
	struct cd_af *af = container_of(req->owner, struct cd_af, o);

	open_af_apply(req);
	af->client->ops->open_af_complete(req->status, af->cl_ctx,
					  req->status ? NULL : cd_handle(&af->o));
}

static const struct cd_chain chain_open_af = {
	.name = "open_af", .kind = AF_K_OPEN, .dest = CD_TO_CLIENT,
	.deliver = open_af_deliver, .sync_done = open_af_apply,
};

/**
 * condis_cl_open_af - open an address family on an adapter
 * @client: the client
 * @adapter: the adapter (from af_register_notify)
 * @af_type: the address family
 * @cl_af_ctx: the client's context for this AF
 * @af: receives the AF handle (also on %CONDIS_PENDING; NULL on failure)
 *
 * Runs the CM's open_af. NDIS: NdisClOpenAddressFamilyEx.
 * Context: process; may sleep.
 * Return: 0, %CONDIS_PENDING (open_af_complete follows) or a negative
 * errno: -ENOENT when no CM registered @af_type on @adapter.
 */
int condis_cl_open_af(struct condis_client *client, struct condis_adapter *adapter,
		      u32 af_type, void *cl_af_ctx, struct condis_af **af)
{
	struct cd_client *cl;
	struct cd_adapter *ad;
	struct cd_cm *cm = NULL, *c;
	struct cd_req *req;
	struct cd_af *a;
	unsigned long flags;
	int ret;

	might_sleep();
	*af = NULL;
	cl = cd_lookup(client, struct cd_client, CD_CLIENT, CD_CALLER);
	if (!cl)
		return -EINVAL;
	ad = cd_lookup(adapter, struct cd_adapter, CD_ADAPTER, CD_CALLER);
	ret = -ENODEV;
	if (!ad)
		goto out_cl;
	mutex_lock(&cd_reg_lock);
	list_for_each_entry(c, &ad->cms, node) {
		if (c->af_type == af_type && !READ_ONCE(c->o.dead) && !c->displaced &&
		    c->o.net == cl->o.net) {
			cm = c;
			cd_obj_get(&cm->o);
			break;
		}
	}
	mutex_unlock(&cd_reg_lock);
	cd_obj_put(&ad->o);
	ret = -ENOENT;
	if (!cm)
		goto out_cl;

	ret = -ENOMEM;
	a = kzalloc(sizeof(*a), GFP_KERNEL_ACCOUNT);
	if (!a)
		goto out_cm;
	ret = cd_req_obj_init(&a->o, CD_AF, cl->o.net, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(a);
		goto out_cm;
	}
	a->client = cl;		/* the lookup references move to the AF */
	a->cm = cm;
	a->cl_ctx = cl_af_ctx;
	a->state = AF_OPENING;
	INIT_LIST_HEAD(&a->saps);
	INIT_LIST_HEAD(&a->vcs);
	req = cd_req_alloc(&chain_open_af, &a->o, NULL, GFP_KERNEL_ACCOUNT);
	if (req)	/* before a teardown can see the AF (cd_req_enqueue_locked()) */
		cd_req_enqueue(req);
	flags = cd_lock(&cl->o);
	list_add_tail(&a->cl_node, &cl->afs);
	cd_unlock(&cl->o, flags);
	flags = cd_lock(&cm->o);
	ret = cm->going ? -ENODEV : 0;	/* lost the race with teardown */
	list_add_tail(&a->cm_node, &cm->afs);
	cd_unlock(&cm->o, flags);

	if (ret || !req) {
		if (req)
			cd_req_cancel(req);
		cd_af_destroy(a);
		return ret ?: -ENOMEM;
	}
	cd_obj_publish(&a->o);
	*af = cd_handle(&a->o);
	ret = cm->ops->open_af(cm->ctx, cd_handle(&a->o), &a->cm_ctx);
	ret = cd_req_returned(req, ret, CD_CALLER);
	if (ret && ret != CONDIS_PENDING)
		*af = NULL;
	return ret;

out_cm:
	cd_obj_put(&cm->o);
out_cl:
	cd_obj_put(&cl->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_open_af);

/**
 * condis_cm_open_af_complete - finish a pended open_af
 * @status: final status
 * @af: the AF handle open_af was given
 * @cm_af_ctx: the CM's context for the AF (ignored on failure)
 *
 * NDIS: NdisCmOpenAddressFamilyComplete / NdisMCmOpenAddressFamilyComplete.
 * Context: any.
 */
void condis_cm_open_af_complete(int status, struct condis_af *af, void *cm_af_ctx)
{
	struct cd_af *a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);
	struct cd_req *req;

	if (!a)
		return;
	req = cd_req_complete(&a->o, &chain_open_af, NULL, status, CD_CALLER);
	if (req) {
		if (!req->status)
			a->cm_ctx = cm_af_ctx;
		cd_req_ready(req);
	}
	cd_obj_put(&a->o);
}
EXPORT_SYMBOL_GPL(condis_cm_open_af_complete);

/* ---- close ------------------------------------------------------------------ */

static void close_af_apply(struct cd_req *req)
{
	struct cd_af *af = container_of(req->owner, struct cd_af, o);

	if (req->status)
		cd_af_set_open(af);
	else
		cd_af_destroy(af);
}

/*
 * Seed 004: the AF handle is invalid for the CM as soon as it completes
 * (the client may still owe its answer to notify_close_af with it).
 */
static void close_af_completed(struct cd_req *req)
{
	struct cd_af *af = container_of(req->owner, struct cd_af, o);
	unsigned long flags;
	bool owed;

	flags = cd_lock(&af->o);
	owed = af->answer_owed;
	cd_unlock(&af->o, flags);
	if (!req->status && !owed)
		cd_obj_unpublish(req->owner);
}

static void close_af_deliver(struct cd_req *req)
{
	struct cd_af *af = container_of(req->owner, struct cd_af, o);

	close_af_apply(req);
	if (!req->on_behalf)
		af->client->ops->close_af_complete(req->status, af->cl_ctx);
}

static const struct cd_chain chain_close_af = {
	.name = "close_af", .kind = AF_K_CLOSE, .dest = CD_TO_CLIENT,
	.completed = close_af_completed, .deliver = close_af_deliver,
	.sync_done = close_af_apply,
};

/*
 * @on_behalf: condis closes the AF for a client that answered notify_close_af
 * and is done with it: the client's close_af_complete does not run.
 */
int cd_close_af(struct cd_af *af, struct completion *done, bool on_behalf)
{
	struct cd_req *req;
	unsigned long flags;
	int ret;

	req = cd_req_alloc(&chain_close_af, &af->o, NULL, CD_GFP_TEARDOWN);
	req->done = done;
	req->on_behalf = on_behalf;
	flags = cd_lock(&af->o);
	if (af->state != AF_OPEN)
		ret = -EBADFD;
	else if (!list_empty(&af->saps) || !list_empty(&af->vcs))
		ret = -EBUSY;	/* NDIS: deregister SAPs, delete VCs first */
	else
		ret = 0;
	if (!ret) {
		cd_af_set_state(af, AF_CLOSING);
		cd_req_enqueue_locked(req);
	}
	cd_unlock(&af->o, flags);
	if (ret) {
		cd_req_free(req);
		return ret;
	}
	ret = af->cm->ops->close_af(af->cm_ctx);
	return cd_req_returned(req, ret, NULL);
}

/**
 * condis_cl_close_af - close an address family
 * @af: the AF handle
 *
 * The AF must have no SAPs and no VCs left. Runs the CM's close_af.
 * NDIS: NdisClCloseAddressFamily.
 * Context: process; may sleep.
 * Return: 0 (the handle is invalid now), %CONDIS_PENDING (close_af_complete
 * follows), -EBUSY with SAPs or VCs left, or another negative errno.
 */
int condis_cl_close_af(struct condis_af *af)
{
	struct cd_af *a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);
	int ret;

	might_sleep();
	if (!a)
		return -EINVAL;
	ret = cd_close_af(a, NULL, false);
	cd_obj_put(&a->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_close_af);

/**
 * condis_cm_close_af_complete - finish a pended close_af
 * @status: final status (the contract expects success)
 * @af: the AF handle; invalid for the CM when this returns
 *
 * NDIS: NdisCmCloseAddressFamilyComplete.
 * Context: any.
 */
void condis_cm_close_af_complete(int status, struct condis_af *af)
{
	struct cd_af *a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);
	struct cd_req *req;

	if (!a)
		return;
	req = cd_req_complete(&a->o, &chain_close_af, NULL, status, CD_CALLER);
	if (req)
		cd_req_ready(req);
	cd_obj_put(&a->o);
}
EXPORT_SYMBOL_GPL(condis_cm_close_af_complete);

/* ---- CM-initiated close -------------------------------------------------- */

static void notify_ind_deliver(struct cd_req *req)
{
	struct cd_af *af = container_of(req->owner, struct cd_af, o);

	af->client->ops->notify_close_af(af->cl_ctx);
}

static const struct cd_chain chain_notify_ind = {
	.name = "notify_close_af", .kind = AF_K_NOTIFY_IND, .dest = CD_TO_CLIENT,
	.deliver = notify_ind_deliver,
};

static void notify_done_deliver(struct cd_req *req)
{
	struct cd_af *af = container_of(req->owner, struct cd_af, o);
	unsigned long flags;
	u8 state;

	flags = cd_lock(&af->o);
	af->answer_owed = false;
	state = af->state;
	cd_unlock(&af->o, flags);

	/* a client that closed the AF before answering: close_af ran first */
	af->cm->ops->notify_close_af_complete(req->status,
					      state == AF_CLOSED ? NULL : af->cm_ctx);
	if (state == AF_CLOSED) {
		cd_af_release(af);
		return;
	}
	/*
	 * NDIS: the client closes the AF (the CM's close_af runs) before it
	 * answers. One that answered and left it open and empty has it closed
	 * by condis now, so every AF the CM opened ends with its close_af
	 * (after the answer: the CM's AF state is valid in it). A client that
	 * left SAPs or VCs keeps the AF open: teardown (or the client) still
	 * has to close them.
	 */
	if (!req->status && state == AF_OPEN &&
	    list_empty_careful(&af->saps) && list_empty_careful(&af->vcs))
		cd_close_af(af, NULL, true);
}

static const struct cd_chain chain_notify_close = {
	.name = "notify_close_af_complete", .kind = AF_K_NOTIFY, .dest = CD_TO_CM,
	.deliver = notify_done_deliver,
};

int cd_notify_close_af(struct cd_af *af, struct completion *done)
{
	struct cd_req *ind, *req;
	unsigned long flags;
	int ret = 0;

	req = cd_req_alloc(&chain_notify_close, &af->o, NULL, CD_GFP_TEARDOWN);
	ind = cd_req_alloc(&chain_notify_ind, &af->o, NULL, CD_GFP_TEARDOWN);
	req->done = done;
	flags = cd_lock(&af->o);
	if (af->state != AF_OPEN || af->notified) {
		ret = af->notified ? -EALREADY : -EBADFD;
	} else {
		af->notified = af->answer_owed = true;
		cd_req_enqueue_locked(req);
	}
	cd_unlock(&af->o, flags);
	if (ret) {
		cd_req_free(req);
		cd_req_free(ind);
		return ret;
	}
	/* the client's answer is owed to the CM: pended from the start */
	cd_req_returned(req, CONDIS_PENDING, NULL);
	cd_indicate(ind);
	return CONDIS_PENDING;
}

/**
 * condis_cm_notify_close_af - the CM asks the client to close an AF
 * @af: the AF handle
 *
 * The client's notify_close_af runs; it closes its calls, SAPs and the AF
 * and answers with condis_cl_notify_close_af_complete(). An AF the client
 * left open and empty is closed by condis through the CM's close_af right
 * after the CM's notify_close_af_complete has run; one the client closed
 * itself had close_af first, and notify_close_af_complete gets NULL for
 * its AF context.
 * NDIS: NdisCmNotifyCloseAddressFamily / NdisMCmNotifyCloseAddressFamily.
 * Context: process; may sleep.
 * Return: %CONDIS_PENDING, or a negative errno (-EALREADY if asked before).
 */
int condis_cm_notify_close_af(struct condis_af *af)
{
	struct cd_af *a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);
	int ret;

	might_sleep();
	if (!a)
		return -EINVAL;
	ret = cd_notify_close_af(a, NULL);
	cd_obj_put(&a->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cm_notify_close_af);

/**
 * condis_cl_notify_close_af_complete - the client's answer to notify_close_af
 * @status: 0 when the client is done with the AF
 * @af: the AF handle, valid for this call also after the client closed the
 *	AF from its notify_close_af (as NDIS has it); invalid on success
 *
 * NDIS: NdisClNotifyCloseAddressFamilyComplete.
 * Context: any.
 */
void condis_cl_notify_close_af_complete(int status, struct condis_af *af)
{
	struct cd_af *a = cd_lookup(af, struct cd_af, CD_AF, CD_CALLER);
	struct cd_req *req;

	if (!a)
		return;
	req = cd_req_complete(&a->o, &chain_notify_close, NULL, status, CD_CALLER);
	if (req)
		cd_req_ready(req);
	cd_obj_put(&a->o);
}
EXPORT_SYMBOL_GPL(condis_cl_notify_close_af_complete);

/* For teardown: wait for the client's answer to a notify we issued. */
void cd_notify_close_af_wait(struct cd_af *af, struct completion *done)
{
	cd_req_wait(&af->o, &chain_notify_close, NULL, done);
}

void cd_close_af_wait(struct cd_af *af, struct completion *done)
{
	cd_req_wait(&af->o, &chain_close_af, NULL, done);
}

/**
 * cd_af_forget - teardown: the AF is closed, by its CM or not
 * @af: the AF
 *
 * One the CM did not close is closed and released once nothing is queued
 * on it (cd_settle_lock()): another teardown's close, or its client's
 * answer to notify_close_af, is delivered first.
 */
void cd_af_forget(struct cd_af *af)
{
	unsigned long flags = cd_settle_lock(&af->o);
	bool closed = af->state == AF_CLOSED;

	cd_af_set_state(af, AF_CLOSED);
	cd_unlock(&af->o, flags);
	if (!closed) {
		pr_warn("condis: af %u closed by force after teardown\n", af->o.id);
		cd_af_release(af);
	}
}
