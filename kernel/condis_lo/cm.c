// SPDX-License-Identifier: GPL-2.0
/*
 * condis_lo call manager (integrated: the condis_mcm_* paths).
 *
 * A call is a calling VC (the client's) and one leg per called VC (one for
 * a point-to-point call, one per party of a multipoint call). Setting up a
 * leg: find the SAP whose address is the call's CM-specific block, create
 * and activate a VC on that SAP's AF, dispatch the incoming call; the
 * client's answer connects the leg (or fails the make call / add party with
 * the client's status). Closing either end indicates the close (or a party
 * drop) to the other.
 *
 * Handlers that change SAPs or calls only queue work on lo_wq, an ordered
 * workqueue: that state is touched from there, one item at a time, and no
 * lock is held while condis runs a client's handler. AF contexts and SAPs
 * are condis's CM bookkeeping (<net/condis_cm.h>).
 */
#include <linux/slab.h>
#include <linux/condis.h>
#include <net/condis_cm.h>
#include "lo.h"

struct lo_leg;

/**
 * struct lo_call - the CM's context of a VC
 * @dev: the adapter
 * @vc: the VC
 * @incoming: a called VC (the CM created it)
 * @closing: its client is closing it: the far end is not told again
 * @multipoint: calling VC of a multipoint call
 * @deleted: calling VC: condis deleted it (its handle is dead; set outside
 *	lo_wq, where work queued before the deletion still runs)
 * @leg: called VC: its leg, until the calling side lets go of it
 * @legs: calling VC: struct lo_leg
 */
struct lo_call {
	struct lo_dev *dev;
	struct condis_vc *vc;
	bool incoming;
	bool closing;
	bool multipoint;
	bool deleted;
	struct lo_leg *leg;
	struct list_head legs;
};

/**
 * struct lo_leg - one called VC of a call (a party of a multipoint call)
 * @node: in root->legs
 * @root: the calling VC
 * @callee: the called VC, NULL once it is gone
 * @party: the party, NULL for a point-to-point call
 * @added: set up by add party (else by make call)
 * @connected: the called client accepted
 * @cp: the parameters, until the leg is answered
 *
 * A leg whose calling VC goes while its called client still answers stays
 * with the called VC (@root NULL) until the answer comes.
 */
struct lo_leg {
	struct list_head node;
	struct lo_call *root;
	struct lo_call *callee;
	struct condis_party *party;
	bool added;
	bool connected;
	struct condis_call_params *cp;
};

enum lo_op {
	LO_REGISTER, LO_DEREGISTER, LO_SETUP, LO_ANSWER, LO_CLOSE, LO_DROP, LO_QOS,
	LO_FREE,
};

struct lo_work {
	struct work_struct work;
	enum lo_op op;
	struct lo_call *call;
	struct lo_leg *leg;
	struct condis_cm_sap *sap;
	struct condis_call_params *cp;
	int status;
};

static void lo_work_fn(struct work_struct *work);

/* Queue an operation; @cp (may be NULL) is copied. */
static int lo_queue(enum lo_op op, struct lo_call *call, struct lo_leg *leg,
		    struct condis_cm_sap *sap, const struct condis_call_params *cp,
		    int status, gfp_t gfp)
{
	struct lo_work *w = kzalloc(sizeof(*w), gfp);

	if (!w)
		return -ENOMEM;
	if (cp) {
		w->cp = condis_call_params_dup(cp, gfp);
		if (!w->cp) {
			kfree(w);
			return -ENOMEM;
		}
	}
	INIT_WORK(&w->work, lo_work_fn);
	w->op = op;
	w->call = call;
	w->leg = leg;
	w->sap = sap;
	w->status = status;
	queue_work(lo_wq, &w->work);
	return CONDIS_PENDING;
}

/* ---- address families and SAPs ---------------------------------------------- */

static int lo_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
			   struct condis_sap *sap, void **cm_sap_ctx)
{
	struct condis_cm_sap *s = condis_cm_sap_new(cm_af_ctx, desc, sap);
	int ret;

	if (IS_ERR(s))
		return PTR_ERR(s);
	*cm_sap_ctx = s;
	ret = lo_queue(LO_REGISTER, NULL, NULL, s, NULL, 0, GFP_KERNEL);
	if (ret < 0)
		kfree(s);
	return ret;
}

/*
 * Requests that take things down do not fail for memory: condis makes
 * them on a departing role's behalf and forgets the object when they fail,
 * which would leave the CM's state behind.
 */
#define LO_GFP_TEARDOWN	(GFP_KERNEL | __GFP_NOFAIL)

static int lo_deregister_sap(void *cm_sap_ctx)
{
	return lo_queue(LO_DEREGISTER, NULL, NULL, cm_sap_ctx, NULL, 0, LO_GFP_TEARDOWN);
}

/* ---- VCs and calls ----------------------------------------------------------- */

static struct lo_call *lo_call_new(struct lo_dev *dev)
{
	struct lo_call *call = kzalloc(sizeof(*call), GFP_KERNEL_ACCOUNT);

	if (call) {
		call->dev = dev;
		INIT_LIST_HEAD(&call->legs);
	}
	return call;
}

/* A client-created VC (the calling side). */
static int lo_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct lo_call *call = lo_call_new(((struct condis_cm_af *)cm_af_ctx)->cm);

	if (!call)
		return -ENOMEM;
	call->vc = vc;
	*cm_vc_ctx = call;
	return 0;
}

/*
 * The client deleted its VC (or condis did, tearing down an AF after the
 * make call it had pended timed out): let go of it on lo_wq, after what is
 * queued, which must no longer use its handle.
 */
static int lo_delete_vc(void *cm_vc_ctx)
{
	struct lo_call *call = cm_vc_ctx;

	WRITE_ONCE(call->deleted, true);
	lo_queue(LO_FREE, cm_vc_ctx, NULL, NULL, NULL, 0, GFP_KERNEL | __GFP_NOFAIL);
	return 0;
}

static int lo_setup(struct lo_call *root, struct condis_call_params *cp,
		    struct condis_party *party, bool added)
{
	struct lo_leg *leg = kzalloc(sizeof(*leg), GFP_KERNEL_ACCOUNT);
	int ret;

	if (!leg)
		return -ENOMEM;
	leg->root = root;
	leg->party = party;
	leg->added = added;
	ret = lo_queue(LO_SETUP, root, leg, NULL, cp, 0, GFP_KERNEL_ACCOUNT);
	if (ret < 0)
		kfree(leg);
	return ret;
}

static int lo_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
			struct condis_party *party, void **cm_party_ctx)
{
	struct lo_call *call = cm_vc_ctx;

	call->multipoint = cp->flags & CONDIS_CALL_MULTIPOINT_VC;
	return lo_setup(call, cp, party, false);
}

static int lo_add_party(void *cm_vc_ctx, struct condis_call_params *cp,
			struct condis_party *party, void **cm_party_ctx)
{
	struct lo_call *call = cm_vc_ctx;

	if (!call->multipoint)
		return -EINVAL;
	return lo_setup(call, cp, party, true);
}

static void lo_incoming_call_complete(int status, void *cm_vc_ctx,
				      const struct condis_call_params *cp)
{
	lo_queue(LO_ANSWER, cm_vc_ctx, NULL, NULL, NULL, status,
		 GFP_KERNEL | __GFP_NOFAIL);
}

static int lo_close_call(void *cm_vc_ctx, void *cm_party_ctx, const void *buf, u32 len)
{
	return lo_queue(LO_CLOSE, cm_vc_ctx, cm_party_ctx, NULL, NULL, 0, LO_GFP_TEARDOWN);
}

static int lo_drop_party(void *cm_party_ctx, const void *buf, u32 len)
{
	struct lo_leg *leg = cm_party_ctx;

	return lo_queue(LO_DROP, leg->root, leg, NULL, NULL, 0, LO_GFP_TEARDOWN);
}

static int lo_modify_qos(void *cm_vc_ctx, struct condis_call_params *cp)
{
	return lo_queue(LO_QOS, cm_vc_ctx, NULL, NULL, cp, 0, GFP_KERNEL);
}

/* ---- the work ----------------------------------------------------------------- */

/*
 * The leg could not be set up or was refused: the requester hears it,
 * unless condis already answered it in the CM's place and deleted the VC.
 */
static void lo_leg_failed(struct lo_leg *leg, int status)
{
	if (READ_ONCE(leg->root->deleted))
		;
	else if (leg->added)
		condis_cm_add_party_complete(status, leg->party, NULL, NULL);
	else
		condis_cm_make_call_complete(status, leg->root->vc, leg->party, NULL, NULL);
	condis_call_params_free(leg->cp);
	kfree(leg);
}

/*
 * Take a called VC down (the CM created it), unless condis is doing that
 * on the departing CM's behalf: no frame flows on it from now on.
 */
static void lo_callee_deactivate(struct lo_call *callee)
{
	lo_unlink_vc(callee->dev, callee->vc);
	if (!READ_ONCE(callee->dev->going))
		condis_mcm_deactivate_vc(callee->vc);
}

/* ... and delete it. */
static void lo_callee_delete(struct lo_call *callee)
{
	lo_callee_deactivate(callee);
	if (!READ_ONCE(callee->dev->going))
		condis_mcm_delete_vc(callee->vc);
	kfree(callee);
}

static void lo_do_setup(struct lo_leg *leg, struct condis_call_params *cp)
{
	struct lo_dev *dev = leg->root->dev;
	struct lo_call *callee;
	struct condis_cm_sap *sap;
	int ret;

	leg->cp = cp;
	if (READ_ONCE(leg->root->deleted)) {
		lo_leg_failed(leg, -ECONNABORTED);
		return;
	}
	sap = condis_cm_sap_find(&dev->saps, cp->cm_specific, cp->cm_specific_len);
	if (!sap) {
		lo_leg_failed(leg, -ENOENT);	/* NDIS_STATUS_INVALID_ADDRESS */
		return;
	}
	callee = lo_call_new(dev);
	ret = -ENOMEM;
	if (callee) {
		callee->incoming = true;
		ret = condis_mcm_create_vc(sap->af->af, callee, &callee->vc);
	}
	if (!ret) {
		ret = condis_mcm_activate_vc(callee->vc, cp);
		if (ret)
			condis_mcm_delete_vc(callee->vc);
	}
	if (!ret) {
		ret = condis_mcm_dispatch_incoming_call(sap->sap, callee->vc, cp);
		if (ret)
			lo_callee_delete(callee);
	} else {
		kfree(callee);
	}
	if (ret) {
		lo_leg_failed(leg, ret);
		return;
	}
	leg->callee = callee;
	callee->leg = leg;
	list_add_tail(&leg->node, &leg->root->legs);
}

static void lo_do_answer(struct lo_call *callee, int status)
{
	struct lo_leg *leg = callee->leg;
	struct lo_call *root = leg ? leg->root : NULL;

	if (root && READ_ONCE(root->deleted)) {	/* condis gave up on the call */
		list_del_init(&leg->node);
		leg->root = NULL;
		root = NULL;
	}
	if (leg && !root) {	/* the calling VC went while this one answered */
		callee->leg = NULL;
		condis_call_params_free(leg->cp);
		kfree(leg);
	}
	if (!root) {
		if (status) {
			lo_callee_delete(callee);
		} else {
			condis_cm_dispatch_call_connected(callee->vc);
			condis_cm_dispatch_incoming_close(0, callee->vc, NULL, 0);
		}
		return;
	}
	if (!status && !leg->added)
		status = condis_mcm_activate_vc(root->vc, leg->cp);
	if (status) {
		list_del(&leg->node);
		callee->leg = NULL;
		lo_callee_delete(callee);
		lo_leg_failed(leg, status);
		return;
	}
	leg->connected = true;
	lo_link(root->dev, root->vc, callee->vc, root->multipoint);
	if (leg->added)
		condis_cm_add_party_complete(0, leg->party, leg, NULL);
	else
		condis_cm_make_call_complete(0, root->vc, leg->party, leg, NULL);
	condis_call_params_free(leg->cp);
	leg->cp = NULL;
	condis_cm_dispatch_call_connected(callee->vc);
}

/*
 * The calling VC lets go of its legs: connected called VCs get an incoming
 * close, legs still being answered wait for the answer (lo_do_answer()).
 */
static void lo_release_legs(struct lo_call *call)
{
	struct lo_leg *leg, *tmp;

	list_for_each_entry_safe(leg, tmp, &call->legs, node) {
		list_del_init(&leg->node);
		if (leg->callee && !leg->connected) {
			leg->root = NULL;
			continue;
		}
		if (leg->callee) {
			leg->callee->leg = NULL;
			if (!leg->callee->closing)
				condis_cm_dispatch_incoming_close(0, leg->callee->vc, NULL, 0);
		}
		kfree(leg);
	}
}

/* The client of @call closes it (@leg: the party it names, if any). */
static void lo_do_close(struct lo_call *call, struct lo_leg *named)
{
	struct condis_party *party = named ? named->party : NULL;
	struct lo_call *root;
	struct lo_leg *leg;

	call->closing = true;
	if (call->incoming) {
		leg = call->leg;
		if (leg) {		/* tell the calling side */
			root = leg->root;
			leg->callee = NULL;
			call->leg = NULL;
			if (leg->party && !list_is_singular(&root->legs)) {
				condis_cm_dispatch_incoming_drop_party(0, leg->party, NULL, 0);
			} else if (!root->closing) {
				root->closing = true;
				condis_cm_dispatch_incoming_close(0, root->vc, NULL, 0);
			}
		}
		/* a close's success says the VC is down: also while the dev goes */
		lo_unlink_vc(call->dev, call->vc);
		condis_mcm_deactivate_vc(call->vc);
		condis_cm_close_call_complete(0, call->vc, NULL);
		if (!READ_ONCE(call->dev->going))
			condis_mcm_delete_vc(call->vc);
		kfree(call);
		return;
	}
	lo_release_legs(call);
	lo_unlink_vc(call->dev, call->vc);
	condis_mcm_deactivate_vc(call->vc);
	call->closing = false;
	call->multipoint = false;
	condis_cm_close_call_complete(0, call->vc, party);
}

static void lo_do_drop(struct lo_leg *leg)
{
	struct condis_party *party = leg->party;

	if (leg->callee) {
		leg->callee->leg = NULL;
		if (!leg->callee->closing)
			condis_cm_dispatch_incoming_close(0, leg->callee->vc, NULL, 0);
	}
	list_del(&leg->node);
	kfree(leg);
	condis_cm_drop_party_complete(0, party);
}

/* New QoS on one end: the other end (or every leaf) hears of it. */
static void lo_do_qos(struct lo_call *call, struct condis_call_params *cp)
{
	struct lo_leg *leg;

	if (call->incoming) {
		if (call->leg)
			condis_cm_dispatch_incoming_qos_change(call->leg->root->vc, cp);
	} else {
		list_for_each_entry(leg, &call->legs, node)
			if (leg->callee)
				condis_cm_dispatch_incoming_qos_change(leg->callee->vc, cp);
	}
	condis_cm_modify_qos_complete(0, call->vc, NULL);
}

static void lo_do_register(struct condis_cm_sap *s)
{
	struct lo_dev *dev = s->af->cm;
	struct condis_sap *sap = s->sap;
	int ret = condis_cm_sap_add(&dev->saps, s);

	if (ret)
		kfree(s);
	condis_cm_register_sap_complete(ret, sap, ret ? NULL : s);
}

static void lo_do_deregister(struct condis_cm_sap *s)
{
	struct condis_sap *sap = s->sap;

	condis_cm_sap_del(s);
	condis_cm_deregister_sap_complete(0, sap);
}

static void lo_work_fn(struct work_struct *work)
{
	struct lo_work *w = container_of(work, struct lo_work, work);

	switch (w->op) {
	case LO_REGISTER:
		lo_do_register(w->sap);
		break;
	case LO_DEREGISTER:
		lo_do_deregister(w->sap);
		break;
	case LO_SETUP:
		lo_do_setup(w->leg, w->cp);	/* takes w->cp */
		w->cp = NULL;
		break;
	case LO_ANSWER:
		lo_do_answer(w->call, w->status);
		break;
	case LO_CLOSE:
		lo_do_close(w->call, w->leg);
		break;
	case LO_DROP:
		lo_do_drop(w->leg);
		break;
	case LO_QOS:
		lo_do_qos(w->call, w->cp);
		break;
	case LO_FREE:
		lo_release_legs(w->call);
		kfree(w->call);
		break;
	}
	condis_call_params_free(w->cp);
	kfree(w);
}

/* ---- what an MCM does not need, or refuses ------------------------------------------ */

static void lo_vc_complete(int status, void *cm_vc_ctx, const struct condis_call_params *cp)
{
}

static void lo_deactivate_complete(int status, void *cm_vc_ctx)
{
}

static void lo_notify_close_af_complete(int status, void *cm_af_ctx)
{
}

static int lo_oid_request(void *cm_af_ctx, void *cm_vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void lo_oid_request_complete(void *cm_af_ctx, struct condis_oid_request *req,
				    int status)
{
}

const struct condis_cm_ops lo_cm_ops = {
	.open_af = condis_cm_af_open,
	.close_af = condis_cm_af_close,
	.register_sap = lo_register_sap,
	.deregister_sap = lo_deregister_sap,
	.create_vc = lo_create_vc,
	.delete_vc = lo_delete_vc,
	.make_call = lo_make_call,
	.close_call = lo_close_call,
	.incoming_call_complete = lo_incoming_call_complete,
	.add_party = lo_add_party,
	.drop_party = lo_drop_party,
	.modify_qos = lo_modify_qos,
	.activate_vc_complete = lo_vc_complete,
	.deactivate_vc_complete = lo_deactivate_complete,
	.notify_close_af_complete = lo_notify_close_af_complete,
	.oid_request = lo_oid_request,
	.oid_request_complete = lo_oid_request_complete,
};
