// SPDX-License-Identifier: GPL-2.0
/*
 * The fake roles' answers: synchronous, failing, or pended and completed
 * later from a work item (process context), a timer (softirq) or an
 * hrtimer (hard interrupt), as the world's mode for the operation says.
 */
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/slab.h>
#include "fake_pend.h"
#include "fakes.h"

struct fake_pend {
	struct list_head node;		/* in fake_world.pends */
	unsigned long queued;		/* jiffies */
	char kind;			/* 'w'ork, 't'imer, 'h'rtimer */
	struct delayed_work work;
	struct timer_list timer;
	struct hrtimer hrtimer;
	struct fake_world *w;
	enum fake_op op;
	int status;
	void *h0, *h1;
};

/* Parameters a pended completion hands over instead of the ones it got. */
static struct condis_call_params *fake_new_params(struct fake_world *w, int st)
{
	struct condis_call_params *cp;

	if (!w->new_peak || st)
		return NULL;
	cp = condis_call_params_alloc(0, 0, GFP_ATOMIC);
	if (cp)
		cp->tx.peak_bandwidth = w->new_peak;
	return cp;
}

/* The CM offers its call on @sap, when the world has one to offer (once). */
void fake_cm_offer(struct fake_world *w, struct condis_sap *sap)
{
	if (!w->cm_offer_vc || completion_done(&w->cm_offer_made))
		return;
	w->cm_offer_ret = condis_cm_dispatch_incoming_call(sap, w->cm_offer_vc, w->cm_offer_cp);
	complete(&w->cm_offer_made);
}

static void fake_finish(struct fake_pend *p)
{
	struct fake_world *w = p->w;
	struct condis_call_params *cp;
	int st = p->status;

	switch (p->op) {
	case FOP_MP_ACTIVATE:
		condis_mco_activate_vc_complete(st, p->h0, NULL);
		break;
	case FOP_MP_DEACTIVATE:
		condis_mco_deactivate_vc_complete(st, p->h0);
		break;
	case FOP_MP_OID:
		condis_mco_oid_request_complete(p->h1, p->h0, st);
		break;
	case FOP_MP_SEND:
		condis_mco_send_complete(p->h0, p->h1, st);
		break;
	case FOP_CM_OPEN_AF:
		condis_cm_open_af_complete(st, p->h0, p->h0);
		break;
	case FOP_CM_CLOSE_AF:
		condis_cm_close_af_complete(st, p->h0);
		break;
	case FOP_CM_REG_SAP:
		if (w->cm_offer_early)
			fake_cm_offer(w, p->h0);
		condis_cm_register_sap_complete(st, p->h0, p->h0);
		if (!w->cm_offer_early && !st)
			fake_cm_offer(w, p->h0);
		break;
	case FOP_CM_DEREG_SAP:
		condis_cm_deregister_sap_complete(st, p->h0);
		break;
	case FOP_CM_MAKE_CALL:
		condis_cm_make_call_complete(st, p->h0, p->h1, p->h1, NULL);
		if (w->cm_close_after_make && !st)
			condis_cm_dispatch_incoming_close(-ECONNRESET, p->h0, NULL, 0);
		break;
	case FOP_CM_CLOSE_CALL:
		condis_cm_close_call_complete(st, p->h0, p->h1);
		break;
	case FOP_CM_ADD_PARTY:
		/* condis takes over new parameters */
		condis_cm_add_party_complete(st, p->h0, p->h0, fake_new_params(w, st));
		break;
	case FOP_CM_DROP_PARTY:
		condis_cm_drop_party_complete(st, p->h0);
		break;
	case FOP_CM_QOS:
		condis_cm_modify_qos_complete(st, p->h0, NULL);
		break;
	case FOP_CM_OID:
	case FOP_CL_OID:
		condis_co_oid_request_complete(p->h1, p->h0, st);
		break;
	case FOP_CL_INCOMING:
		/* condis copies the client's parameters */
		cp = fake_new_params(w, st);
		condis_cl_incoming_call_complete(st, p->h0, cp);
		condis_call_params_free(cp);
		break;
	case FOP_CL_NOTIFY:
		condis_cl_notify_close_af_complete(st, p->h0);
		break;
	default:
		break;
	}
}

static void fake_pend_done(struct fake_pend *p)
{
	struct fake_world *w = p->w;
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	list_del(&p->node);
	spin_unlock_irqrestore(&w->lock, flags);
	kfree(p);
	if (atomic_dec_and_test(&w->inflight))
		wake_up_all(&w->wq);
}

static void fake_pend_work(struct work_struct *work)
{
	struct fake_pend *p = container_of(to_delayed_work(work), struct fake_pend, work);

	/*
	 * With direct completion, the handlers run here unless condis's worker
	 * is still draining the same object (it then delivers them): let it
	 * finish what it owes first, so that the cases see where they run
	 */
	if (p->w->direct)
		condis_flush();
	atomic_inc(&p->w->completing);
	WRITE_ONCE(p->w->completer, current);	/* direct completion runs handlers here */
	fake_finish(p);
	WRITE_ONCE(p->w->completer, NULL);
	if (atomic_dec_and_test(&p->w->completing))
		wake_up_all(&p->w->wq);
	fake_pend_done(p);
}

static void fake_pend_timer(struct timer_list *t)
{
	struct fake_pend *p = from_timer(p, t, timer);
	unsigned long flags;

	/* atomic context: softirq, a spinlock held, interrupts off */
	spin_lock_irqsave(&p->w->hw_lock, flags);
	fake_finish(p);
	spin_unlock_irqrestore(&p->w->hw_lock, flags);
	fake_pend_done(p);
}

/* hard interrupt context, a spinlock held */
static enum hrtimer_restart fake_pend_hrtimer(struct hrtimer *t)
{
	struct fake_pend *p = container_of(t, struct fake_pend, hrtimer);
	unsigned long flags;

	spin_lock_irqsave(&p->w->hw_lock, flags);
	fake_finish(p);
	spin_unlock_irqrestore(&p->w->hw_lock, flags);
	fake_pend_done(p);
	return HRTIMER_NORESTART;
}

/*
 * Complete @op later or right now, as the mode says. Atomic completions
 * alternate between a timer (softirq) and a hard-interrupt hrtimer, both
 * with a spinlock held and interrupts off.
 */
void fake_complete(struct fake_world *w, enum fake_op op, void *h0, void *h1)
{
	struct fake_pend *p = kzalloc(sizeof(*p), GFP_ATOMIC);
	unsigned long flags;

	if (WARN_ON(!p))
		return;
	p->w = w;
	p->op = op;
	p->status = w->mode[op] == FM_FAIL ? -EIO : w->status[op];
	p->h0 = h0;
	p->h1 = h1;
	p->queued = jiffies;
	spin_lock_irqsave(&w->lock, flags);
	list_add_tail(&p->node, &w->pends);
	spin_unlock_irqrestore(&w->lock, flags);
	atomic_inc(&w->inflight);
	switch (w->mode[op]) {
	case FM_PEND_ATOMIC:
		if (atomic_inc_return(&w->atomic_kind) & 1) {
			p->kind = 'h';
			hrtimer_init(&p->hrtimer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
			p->hrtimer.function = fake_pend_hrtimer;
			hrtimer_start(&p->hrtimer, ns_to_ktime(200 * NSEC_PER_USEC),
				      HRTIMER_MODE_REL_HARD);
		} else {
			p->kind = 't';
			timer_setup(&p->timer, fake_pend_timer, 0);
			mod_timer(&p->timer, jiffies + 1);
		}
		break;
	case FM_PEND_PROC:
		p->kind = 'w';
		INIT_DELAYED_WORK(&p->work, fake_pend_work);
		queue_delayed_work(w->wq_pend, &p->work, msecs_to_jiffies(w->pend_delay_ms));
		break;
	default:
		fake_finish(p);
		fake_pend_done(p);
	}
}

/* Say which fake completions are late, and where each one waits. */
void fake_report_late(struct fake_world *w)
{
	struct fake_pend *p;
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	list_for_each_entry(p, &w->pends, node)
		kunit_err(w->test, "late: op %d by %c, queued %u ms ago, %s\n",
			  p->op, p->kind ?: '-', jiffies_to_msecs(jiffies - p->queued),
			  p->kind == 'h' ? (hrtimer_active(&p->hrtimer) ? "armed" : "idle") :
			  p->kind == 't' ? (timer_pending(&p->timer) ? "armed" : "idle") :
			  p->kind == 'w' ? (delayed_work_pending(&p->work) ? "queued" : "idle") :
			  "running now");
	spin_unlock_irqrestore(&w->lock, flags);
}

/* Answer a request as the mode for @op says. */
int fake_answer(struct fake_world *w, enum fake_op op, void *h0, void *h1)
{
	switch (w->mode[op]) {
	case FM_SYNC:
		return w->status[op];
	case FM_FAIL:
		return -EIO;
	default:
		fake_complete(w, op, h0, h1);
		return CONDIS_PENDING;
	}
}

