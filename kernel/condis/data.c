// SPDX-License-Identifier: GPL-2.0
/*
 * The data path: send, send completion (always asynchronous, batched onto
 * a workqueue of their own), receive indications (in the miniport's
 * context), and status indications.
 *
 * Send completions are delivered in batches: the work runs once
 * CD_SENDC_BATCH of them wait, or a jiffy after the first. Waking a worker
 * per frame cost more than the send itself (Documentation/condis/
 * performance.rst); a jiffy is what a completion may wait. A client that
 * declares it safe (CONDIS_CLIENT_INLINE_SEND_COMPLETE) gets the
 * completion of a frame its miniport completes from within its send at
 * once, in the sender's context, as NDIS allows: nothing waits then.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "verifier.h"
#include "data.h"
#include "watch.h"

/* What condis keeps in skb->cb once the miniport gave the skb back. */
struct cd_skb_cb {
	struct cd_vc *vc;
	int status;
};

#define CD_SENDC_BATCH	16

/*
 * Send completions are delivered from a workqueue of their own: waiting
 * for them (a close waits for its VC's sends) may then hold what
 * condis_wq's deliveries take, such as a netlink client's socket lock;
 * the handlers they run cannot sleep, so they take nothing of the kind.
 * (On condis_wq, whose rescuer runs its items one at a time, that wait
 * could be queued behind a delivery waiting for the lock.)
 */
static struct workqueue_struct *cd_sendc_wq;
static struct sk_buff_head cd_sendc_q;
static struct work_struct cd_sendc_work;
static struct timer_list cd_sendc_timer;

/*
 * The VC whose frame the miniport is sending on this CPU, by context (task,
 * softirq, hardirq): a completion for it from the same context comes from
 * within the send. An interrupt's sends use their own slot.
 */
static DEFINE_PER_CPU(struct cd_vc *, cd_sending[3]);

static int cd_sending_idx(void)
{
	return in_hardirq() ? 2 : in_serving_softirq() ? 1 : 0;
}

static inline struct cd_skb_cb *cd_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct cd_skb_cb) > sizeof(skb->cb));
	return (struct cd_skb_cb *)skb->cb;
}

/*
 * A CM's own VC carries frames while active; a call's VC while connected
 * and its close not indicated: after ProtocolClIncomingCloseCall the
 * client neither sends nor receives on it.
 */
static bool cd_vc_call_up(const struct cd_vc *vc)
{
	return vc->call == CALL_CONNECTED && !READ_ONCE(vc->close_indicated);
}

static bool cd_vc_can_send(struct cd_vc *vc)
{
	return (vc->owncm || cd_vc_call_up(vc)) && vc->act == ACT_ACTIVE &&
	       !READ_ONCE(vc->o.dead);
}

/* The protocol a VC's frames are for: its client, or the CM owning it. */
static void (*cd_vc_send_complete(const struct cd_vc *vc))(void *, struct sk_buff *, int)
{
	return vc->owncm ? vc->owncm->ops->send_complete : vc->af->client->ops->send_complete;
}

/* The VC of handle @vc if the miniport is in its send on this CPU, or NULL. */
static struct cd_vc *cd_sending_vc(struct condis_vc *vc)
{
	struct cd_vc *v = this_cpu_read(cd_sending[cd_sending_idx()]);

	return v && cd_handle(&v->o) == (void *)vc ? v : NULL;
}

/* Its client does not want its frames back (a slot's VC is a client's). */
static bool cd_vc_send_no_return(const struct cd_vc *vc)
{
	return vc->af->client->ops->flags & CONDIS_CLIENT_SEND_NO_RETURN;
}

/* A client's send_complete may run inline (CONDIS_CLIENT_INLINE_SEND_COMPLETE) */
static bool cd_vc_sendc_inline(const struct cd_vc *vc)
{
	return !vc->owncm &&
	       (vc->af->client->ops->flags & CONDIS_CLIENT_INLINE_SEND_COMPLETE);
}

/* The miniport sends @skb; its completion from within may be delivered inline. */
static void cd_vc_xmit(struct cd_vc *v, struct sk_buff *skb)
{
	void (*send)(void *mp_vc_ctx, struct sk_buff *skb) = cd_vc_adapter(v)->ops->send;
	struct cd_vc **slot, *outer;

	if (!cd_vc_sendc_inline(v)) {
		send(v->mp_ctx, skb);
		return;
	}
	preempt_disable();
	slot = this_cpu_ptr(&cd_sending[cd_sending_idx()]);
	outer = *slot;		/* a send on another VC from within a send */
	*slot = v;
	send(v->mp_ctx, skb);
	*slot = outer;
	preempt_enable();
}

/**
 * condis_co_send - send a frame on a VC
 * @vc: the VC handle (connected and active)
 * @skb: the frame; condis takes it
 *
 * The miniport's send runs in the caller's context; the client's (for a
 * CM's own VC, the CM's) send_complete follows on the condis workqueue
 * with the skb, in a batch with others (at most a jiffy later than the
 * miniport completed it). For a client with
 * CONDIS_CLIENT_INLINE_SEND_COMPLETE, a completion the miniport gives from
 * within its send runs at once, before this returns. Sending after the
 * call was closed is a contract violation
 * (reported); after its incoming close was indicated the send is refused.
 * NDIS: NdisCoSendNetBufferLists. Context: any up to softirq.
 * Return: 0 (send_complete follows) or a negative errno (the skb is freed,
 * no send_complete).
 */
int condis_co_send(struct condis_vc *vc, struct sk_buff *skb)
{
	struct cd_vc *v = cd_lookup_any_vc(vc, CD_CALLER);
	unsigned long flags;
	bool ok;

	if (!v) {
		kfree_skb(skb);
		return -EINVAL;
	}
	/*
	 * Checked and counted under the VC's lock: a close (or delete) that
	 * finds no send outstanding cannot have one start behind it.
	 */
	flags = cd_lock(&v->o);
	ok = cd_vc_send_complete(v) && cd_vc_can_send(v);
	if (ok)
		atomic_inc(&v->sends);
	cd_unlock(&v->o, flags);
	if (!ok) {
		if (!v->owncm && (v->call == CALL_IDLE || v->call == CALL_CLOSING))
			cd_verify_report(CONDIS_VRF_SEND_AFTER_CLOSE, &v->o,
					 "send on a VC without a connected call",
					 CD_CALLER);
		atomic_inc(&v->tx_errors);
		cd_obj_put(&v->o);
		kfree_skb(skb);
		return -ENOTCONN;
	}
	atomic64_inc(&v->tx_packets);
	atomic64_add(skb->len, &v->tx_bytes);
	cd_vc_xmit(v, skb);
	cd_obj_put(&v->o);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_co_send);

/* The sender gets its frame back (the caller holds @v). */
static void cd_sendc_deliver_held(struct cd_vc *v, struct sk_buff *skb, int status)
{
	if (status)
		atomic_inc(&v->tx_errors);
	cd_vc_send_complete(v)(v->owncm ? v->cm_ctx : v->cl_ctx, skb, status);
	atomic_dec(&v->sends);
	if (wq_has_sleeper(&cd_idle_wq))
		wake_up_all(&cd_idle_wq);
}

/*
 * A send completed without its frame where the miniport could not keep it:
 * reported, counted as failed, no completion (the client would get a NULL
 * skb it does not expect, or none could be queued).
 */
static void cd_sendc_lost(struct cd_vc *v, void *caller)
{
	cd_verify_report(CONDIS_VRF_SEND_KEPT, &v->o,
			 "send completed without its frame outside a send that could keep it",
			 caller);
	atomic_inc(&v->tx_errors);
	atomic_dec(&v->sends);
	if (wq_has_sleeper(&cd_idle_wq))
		wake_up_all(&cd_idle_wq);
}

/* ... and the VC reference the skb carried goes. */
static void cd_sendc_deliver(struct cd_vc *v, struct sk_buff *skb, int status)
{
	cd_sendc_deliver_held(v, skb, status);
	cd_obj_put(&v->o);
}

/**
 * condis_mco_send_complete - the miniport is done with a sent frame
 * @vc: the VC handle it was sent on
 * @skb: the frame
 * @status: 0 or why it was not sent
 *
 * NDIS: NdisMCoSendNetBufferListsComplete. Context: any.
 */
void condis_mco_send_complete(struct condis_vc *vc, struct sk_buff *skb, int status)
{
	struct cd_vc *v = cd_sending_vc(vc);

	/*
	 * From within its send, where the slot stays set (preemption off; set
	 * only for a client that takes it inline) and the sender holds the VC:
	 * no lookup.
	 */
	if (v) {
		if (skb || cd_vc_send_no_return(v))
			cd_sendc_deliver_held(v, skb, status);
		else
			cd_sendc_lost(v, CD_CALLER);
		return;
	}
	v = cd_lookup_mp_vc(vc, CD_CALLER);
	if (!v) {
		kfree_skb(skb);
		return;
	}
	if (!skb) {		/* nothing to queue the completion with */
		cd_sendc_lost(v, CD_CALLER);
		cd_obj_put(&v->o);
		return;
	}
	cd_cb(skb)->vc = v;	/* the lookup reference goes with the skb */
	cd_cb(skb)->status = status;
	skb_queue_tail(&cd_sendc_q, skb);
	if (skb_queue_len_lockless(&cd_sendc_q) >= CD_SENDC_BATCH)
		queue_work(cd_sendc_wq, &cd_sendc_work);
	else if (!timer_pending(&cd_sendc_timer))
		mod_timer(&cd_sendc_timer, jiffies + 1);
}
EXPORT_SYMBOL_GPL(condis_mco_send_complete);

/**
 * condis_mco_send_may_keep - whether the miniport may keep the frame it sends
 * @vc: the VC handle its send is for
 *
 * True from within condis's call of the miniport's send for @vc, when the
 * client does not want its frames back (%CONDIS_CLIENT_SEND_NO_RETURN):
 * the miniport may then hand the skb itself on (to the device: no clone or
 * copy kept to give back) and complete the send with a NULL skb, before
 * its send returns. A NULL skb anywhere else is a violation (reported,
 * the send counted as failed).
 * Context: the miniport's send.
 * Return: whether it may.
 */
bool condis_mco_send_may_keep(struct condis_vc *vc)
{
	struct cd_vc *v = cd_sending_vc(vc);

	return v && cd_vc_send_no_return(v);
}
EXPORT_SYMBOL_GPL(condis_mco_send_may_keep);

static void cd_sendc_work_fn(struct work_struct *work)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&cd_sendc_q))) {
		struct cd_vc *v = cd_cb(skb)->vc;
		int status = cd_cb(skb)->status;

		memset(skb->cb, 0, sizeof(skb->cb));
		cd_sendc_deliver(v, skb, status);
	}
}

static void cd_sendc_timer_fn(struct timer_list *t)
{
	queue_work(cd_sendc_wq, &cd_sendc_work);
}

/*
 * Wait (bounded by pend_timeout_ms) until every send on @vc has completed:
 * NDIS has them complete before the close. Context: process.
 */
void cd_vc_sends_wait(struct cd_vc *vc)
{
	if (!atomic_read(&vc->sends))
		return;
	cd_sendc_flush();
	wait_event_timeout(cd_idle_wq, !atomic_read(&vc->sends), cd_pend_timeout());
}

/**
 * condis_co_sends_wait - wait for a VC's sends to complete
 * @vc: the VC handle
 *
 * For a client about to close the call: NDIS has every send complete
 * before the close. Bounded by pend_timeout_ms; a send outstanding then
 * makes the close fail with -EBUSY.
 * Context: process; may sleep; not from a send completion.
 */
void condis_co_sends_wait(struct condis_vc *vc)
{
	struct cd_vc *v = cd_lookup_any_vc(vc, CD_CALLER);

	if (!v)
		return;
	cd_vc_sends_wait(v);
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_co_sends_wait);

/* Deliver every send completion queued so far. Process context. */
void cd_sendc_flush(void)
{
	queue_work(cd_sendc_wq, &cd_sendc_work);
	flush_work(&cd_sendc_work);
}

/**
 * condis_mco_indicate_receive - a frame arrived on a VC
 * @vc: the VC handle
 * @skb: the frame; condis takes it
 *
 * The client's receive (for a CM's own VC, the CM's) runs in the caller's
 * context. Frames on a VC without a connected call (a CM's own VC: not
 * active) are dropped and counted.
 * NDIS: NdisMCoIndicateReceiveNetBufferLists. Context: any up to softirq.
 * Return: 0 or a negative errno (dropped).
 */
int condis_mco_indicate_receive(struct condis_vc *vc, struct sk_buff *skb)
{
	struct cd_vc *v = cd_lookup_mp_vc(vc, CD_CALLER);
	void (*rx)(void *ctx, struct sk_buff *skb);

	if (!v) {
		kfree_skb(skb);
		return -EINVAL;
	}
	rx = v->owncm ? v->owncm->ops->receive : v->af->client->ops->receive;
	/* dropped when not connected, or being deleted (the miniport may not know yet) */
	if (!rx || READ_ONCE(v->o.dead) ||
	    (v->owncm ? v->act != ACT_ACTIVE : !cd_vc_call_up(v))) {
		atomic_inc(&v->rx_dropped);
		cd_obj_put(&v->o);
		kfree_skb(skb);
		return -ENOTCONN;
	}
	atomic64_inc(&v->rx_packets);
	atomic64_add(skb->len, &v->rx_bytes);
	rx(v->owncm ? v->cm_ctx : v->cl_ctx, skb);
	cd_obj_put(&v->o);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_mco_indicate_receive);

/* ---- status indications -------------------------------------------------------- */

/*
 * An adapter-wide status reaches every CM on the adapter, then the client
 * of each of the CM's AFs, each called with no lock held (a handler may
 * open or close an AF) and counting the delivery (cd_role_delivering()),
 * so that its unregistration waits for the handler as for any other. A CM
 * counts it under cd_reg_lock, under which it is unlisted before it goes.
 */
static void status_deliver_af(struct cd_req *req, struct cd_af *af)
{
	struct cd_client *cl = af->client;
	unsigned long flags = cd_lock(&cl->o);
	/* still the client's AF: the client's last settle comes after us */
	bool held = !list_empty(&af->cl_node);

	if (held)
		cl->o.delivering++;
	cd_unlock(&cl->o, flags);
	if (!held)
		return;
	if (cl->ops->status)
		cl->ops->status(cl->ctx, NULL, req->cause, req->buf, req->len);
	cd_role_delivering(&cl->o, -1);
}

static void status_deliver_adapter(struct cd_req *req, struct cd_adapter *ad)
{
	struct cd_cm *cm, **cms;
	struct cd_obj **afs;
	int ncms = 0, n, i, j;

	mutex_lock(&cd_reg_lock);
	list_for_each_entry(cm, &ad->cms, node)
		ncms++;
	cms = kcalloc(ncms ?: 1, sizeof(*cms), GFP_KERNEL | __GFP_NOFAIL);
	i = 0;
	list_for_each_entry(cm, &ad->cms, node) {
		cd_obj_get(&cm->o);
		cd_role_delivering(&cm->o, 1);
		cms[i++] = cm;
	}
	mutex_unlock(&cd_reg_lock);
	for (i = 0; i < ncms; i++) {
		cm = cms[i];
		if (cm->ops->status)
			cm->ops->status(cm->ctx, NULL, req->cause, req->buf, req->len);
		afs = cd_snapshot(&cm->o, &cm->afs, offsetof(struct cd_af, cm_node), &n);
		for (j = 0; j < n; j++)
			status_deliver_af(req, container_of(afs[j], struct cd_af, o));
		cd_put_snapshot(afs, n);
		cd_role_delivering(&cm->o, -1);
		cd_obj_put(&cm->o);
	}
	kfree(cms);
}

static void status_deliver(struct cd_req *req)
{
	struct cd_vc *vc = req->target ? container_of(req->target, struct cd_vc, o) : NULL;

	if (vc && vc->owncm) {
		if (vc->owncm->ops->status)
			vc->owncm->ops->status(vc->owncm->ctx, vc->cm_ctx, req->cause,
					       req->buf, req->len);
		return;
	}
	if (vc) {
		if (vc->af->client->ops->status)
			vc->af->client->ops->status(vc->af->client->ctx, vc->cl_ctx,
						    req->cause, req->buf, req->len);
		if (vc->af->cm->ops->status)
			vc->af->cm->ops->status(vc->af->cm->ctx, vc->cm_ctx,
						req->cause, req->buf, req->len);
		return;
	}
	status_deliver_adapter(req, container_of(req->owner, struct cd_adapter, o));
	cd_watch_status(container_of(req->owner, struct cd_adapter, o), req->cause,
			req->buf, req->len);
}

static const struct cd_chain chain_status = {
	.name = "status", .kind = 0, .dest = CD_TO_CLIENT,
	.deliver = status_deliver,
};

/**
 * condis_mco_indicate_status - the miniport reports a status change
 * @adapter: the adapter handle
 * @vc: a VC the status is about, or NULL for the adapter
 * @status: the status (e.g. -ENOLINK for carrier loss, 0 for its return)
 * @buf: status details, or NULL (copied)
 * @len: length of @buf
 *
 * The status handlers of the client and CM (of every CM on the adapter and
 * the client of each of its AFs, for an adapter status) run on the condis
 * workqueue, in order, with no lock of condis's held: a handler may open
 * or close an AF.
 * NDIS: NdisMCoIndicateStatusEx. Context: any.
 */
void condis_mco_indicate_status(struct condis_adapter *adapter,
				struct condis_vc *vc, int status,
				const void *buf, u32 len)
{
	struct cd_adapter *ad = cd_lookup(adapter, struct cd_adapter, CD_ADAPTER,
					  CD_CALLER);
	struct cd_vc *v = NULL;
	struct cd_req *req;

	if (!ad)
		return;
	if (vc) {
		v = cd_lookup_any_vc(vc, CD_CALLER);
		if (!v)
			goto out;
	}
	/* not from the reserve: a burst of them must not use it up */
	req = cd_req_alloc(&chain_status, &ad->o, v ? &v->o : NULL, GFP_ATOMIC);
	if (req && cd_req_set_buf(req, buf, len, GFP_ATOMIC)) {
		cd_req_free(req);
		req = NULL;
	}
	if (req) {
		req->cause = status;
		cd_indicate(req);
	} else {
		cd_ind_lost(&chain_status, v ? &v->o : &ad->o);
	}
	cd_obj_put(v ? &v->o : NULL);
out:
	cd_obj_put(&ad->o);
}
EXPORT_SYMBOL_GPL(condis_mco_indicate_status);

int cd_data_init(void)
{
	cd_sendc_wq = alloc_workqueue("condis_sendc", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	if (!cd_sendc_wq)
		return -ENOMEM;
	skb_queue_head_init(&cd_sendc_q);
	INIT_WORK(&cd_sendc_work, cd_sendc_work_fn);
	timer_setup(&cd_sendc_timer, cd_sendc_timer_fn, 0);
	return 0;
}

void cd_data_exit(void)
{
	timer_shutdown_sync(&cd_sendc_timer);
	cd_sendc_flush();
	destroy_workqueue(cd_sendc_wq);
}
