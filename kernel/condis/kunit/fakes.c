// SPDX-License-Identifier: GPL-2.0
/*
 * Fake miniport, call manager and client for the condis KUnit suites.
 */
#include <linux/hardirq.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/slab.h>
#include <net/net_namespace.h>
#include "fakes.h"

/*
 * KUnit runs one case at a time: the world of the running case. The fake
 * miniport and CM use the handles condis gives them as their per-object
 * contexts, as a driver would keep its per-object state, and find the
 * world here.
 */
static struct fake_world *fw;

const char * const fake_mode_names[__FM_MAX] = {
	[FM_SYNC] = "sync", [FM_PEND_PROC] = "pended-process",
	[FM_PEND_ATOMIC] = "pended-atomic", [FM_FAIL] = "failure",
};

void fake_log(struct fake_world *w, enum fake_ev ev, int status)
{
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	if (w->nev < FAKE_LOG_MAX) {
		w->ev[w->nev] = ev;
		w->ev_status[w->nev] = status;
		w->nev++;
	}
	spin_unlock_irqrestore(&w->lock, flags);
	wake_up_all(&w->wq);
}

/* Log from a handler condis promised to run in process context. */
static void fake_log_proc(struct fake_world *w, enum fake_ev ev, int status)
{
	if (!in_task() || irqs_disabled() || preempt_count())
		atomic_inc(&w->ctx_violations);
	fake_log(w, ev, status);
}

int fake_count(struct fake_world *w, enum fake_ev ev)
{
	unsigned long flags;
	int i, n = 0;

	spin_lock_irqsave(&w->lock, flags);
	for (i = 0; i < w->nev; i++)
		n += w->ev[i] == ev;
	spin_unlock_irqrestore(&w->lock, flags);
	return n;
}

/* Position of the @nth (from 1) @ev in the log, or INT_MAX. */
int fake_index(struct fake_world *w, enum fake_ev ev, int nth)
{
	unsigned long flags;
	int i, ret = INT_MAX;

	spin_lock_irqsave(&w->lock, flags);
	for (i = 0; i < w->nev; i++)
		if (w->ev[i] == ev && !--nth) {
			ret = i;
			break;
		}
	spin_unlock_irqrestore(&w->lock, flags);
	return ret;
}

int fake_status(struct fake_world *w, enum fake_ev ev, int nth)
{
	int i = fake_index(w, ev, nth);

	return i == INT_MAX ? INT_MIN : w->ev_status[i];
}

/*
 * Events are logged from inside handlers: once seen, let the delivery that
 * logged it return, or what the test does next (a delete) queues behind it.
 */
bool fake_wait(struct fake_world *w, enum fake_ev ev, int n)
{
	if (!wait_event_timeout(w->wq, fake_count(w, ev) >= n, 10 * HZ))
		return false;
	condis_flush();
	return true;
}

static void fake_report_late(struct fake_world *w);

/*
 * Every fake completion ran and condis delivered what it owed. Handlers
 * cascade (a completion's handler makes the next request, whose fake
 * completion starts only when condis delivers that handler): no fake in
 * flight is not settled until flushing condis starts no new one.
 */
void fake_settle(struct fake_world *w)
{
	int round;

	for (round = 0; round < 8; round++) {
		if (!wait_event_timeout(w->wq, !atomic_read(&w->inflight), 10 * HZ)) {
			fake_report_late(w);
			break;
		}
		flush_workqueue(w->wq_pend);
		condis_flush();
		if (round >= 3 && !atomic_read(&w->inflight))
			break;
	}
	KUNIT_EXPECT_EQ(w->test, atomic_read(&w->inflight), 0);
}

unsigned long fake_vrf_delta(struct fake_world *w, enum condis_verifier_rule r)
{
	return condis_verifier_count(r) - w->base_vrf[r];
}

/* ---- pended completions ------------------------------------------------ */

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
	case FOP_CM_OPEN_AF:
		condis_cm_open_af_complete(st, p->h0, p->h0);
		break;
	case FOP_CM_CLOSE_AF:
		condis_cm_close_af_complete(st, p->h0);
		break;
	case FOP_CM_REG_SAP:
		condis_cm_register_sap_complete(st, p->h0, p->h0);
		if (w->cm_offer_vc && !st) {
			w->cm_offer_ret = condis_cm_dispatch_incoming_call(p->h0, w->cm_offer_vc,
									   w->cm_offer_cp);
			complete(&w->cm_offer_made);
		}
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

	fake_finish(p);
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
static void fake_complete(struct fake_world *w, enum fake_op op, void *h0, void *h1)
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
static void fake_report_late(struct fake_world *w)
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
static int fake_answer(struct fake_world *w, enum fake_op op, void *h0, void *h1)
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

/* ---- miniport ------------------------------------------------------------ */

static int mp_create_vc(void *ctx, struct condis_vc *vc, void **vc_ctx)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_MP_CREATE_VC, w->mp_create_ret);
	*vc_ctx = vc;
	return w->mp_create_ret;
}

static int mp_delete_vc(void *vc)
{
	fake_log_proc(fw, FEV_MP_DELETE_VC, 0);
	return 0;
}

static int mp_activate_vc(void *vc, struct condis_call_params *cp)
{
	fake_log_proc(fw, FEV_MP_ACTIVATE, 0);
	return fake_answer(fw, FOP_MP_ACTIVATE, vc, NULL);
}

static int mp_deactivate_vc(void *vc)
{
	fake_log_proc(fw, FEV_MP_DEACTIVATE, 0);
	return fake_answer(fw, FOP_MP_DEACTIVATE, vc, NULL);
}

static void mp_send(void *vc, struct sk_buff *skb)
{
	fake_log(fw, FEV_MP_SEND, skb->len);
	condis_mco_send_complete(vc, skb, 0);
}

static int mp_oid_request(void *ctx, void *vc_ctx, struct condis_oid_request *req)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_MP_OID, req->oid);
	return fake_answer(w, FOP_MP_OID, req, w->adapter);
}

static const struct condis_miniport_ops fake_mp_ops = {
	.create_vc = mp_create_vc,
	.delete_vc = mp_delete_vc,
	.activate_vc = mp_activate_vc,
	.deactivate_vc = mp_deactivate_vc,
	.send = mp_send,
	.oid_request = mp_oid_request,
};

/* ---- call manager ---------------------------------------------------------- */

/*
 * Continuations: a make call waiting for its activation, a close call
 * waiting for its deactivation, per VC (a few VCs at once at most).
 */
static void fake_cont_set(struct fake_world *w, struct fake_cont *c, void *vc,
			  void *party)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&w->lock, flags);
	for (i = 0; i < FAKE_CONT_MAX; i++)
		if (!c[i].vc || c[i].vc == vc) {
			c[i].vc = vc;
			c[i].party = party;
			break;
		}
	spin_unlock_irqrestore(&w->lock, flags);
	WARN_ON(i == FAKE_CONT_MAX);
}

/* Take the continuation for @vc; NULL-vc result when there is none. */
static struct fake_cont fake_cont_take(struct fake_world *w, struct fake_cont *c,
				       void *vc)
{
	struct fake_cont r = {};
	unsigned long flags;
	int i;

	spin_lock_irqsave(&w->lock, flags);
	for (i = 0; i < FAKE_CONT_MAX; i++)
		if (c[i].vc == vc) {
			r = c[i];
			c[i].vc = NULL;
			break;
		}
	spin_unlock_irqrestore(&w->lock, flags);
	return r;
}

static int cm_open_af(void *ctx, struct condis_af *af, void **af_ctx)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CM_OPEN_AF, 0);
	*af_ctx = af;
	return fake_answer(w, FOP_CM_OPEN_AF, af, NULL);
}

static int cm_close_af(void *af)
{
	fake_log_proc(fw, FEV_CM_CLOSE_AF, 0);
	return fake_answer(fw, FOP_CM_CLOSE_AF, af, NULL);
}

static int cm_register_sap(void *af, const struct condis_sap_desc *desc,
			   struct condis_sap *sap, void **sap_ctx)
{
	fake_log_proc(fw, FEV_CM_REG_SAP, desc->sap_type);
	*sap_ctx = sap;
	return fake_answer(fw, FOP_CM_REG_SAP, sap, NULL);
}

static int cm_deregister_sap(void *sap)
{
	fake_log_proc(fw, FEV_CM_DEREG_SAP, 0);
	return fake_answer(fw, FOP_CM_DEREG_SAP, sap, NULL);
}

/* A per-VC state slot for the fake CM (never freed: the world holds them). */
struct fake_vcslot *fake_slot(struct fake_world *w)
{
	int i = atomic_inc_return(&w->nslots) - 1;

	return &w->slots[i % FAKE_SLOTS];
}

#define SLOT_VC(ctx) (((struct fake_vcslot *)(ctx))->vc)

static int cm_create_vc(void *af, struct condis_vc *vc, void **vc_ctx)
{
	struct fake_vcslot *slot = fake_slot(fw);

	fake_log_proc(fw, FEV_CM_CREATE_VC, 0);
	slot->vc = vc;
	*vc_ctx = slot;
	return 0;
}

static int cm_delete_vc(void *slot)
{
	fake_log_proc(fw, FEV_CM_DELETE_VC, 0);
	return 0;
}

static int cm_make_call(void *slot, struct condis_call_params *cp,
			struct condis_party *party, void **party_ctx)
{
	struct fake_world *w = fw;
	void *vc = SLOT_VC(slot);
	int ret;

	fake_log_proc(w, FEV_CM_MAKE_CALL, 0);
	if (party_ctx)
		*party_ctx = party;
	w->party = party;
	if (w->mode[FOP_CM_MAKE_CALL] == FM_FAIL || w->status[FOP_CM_MAKE_CALL])
		return fake_answer(w, FOP_CM_MAKE_CALL, vc, party);
	if (w->cm_change_params) {
		cp->tx.peak_bandwidth = 4242;
		cp->flags |= CONDIS_CALL_PARAMETERS_CHANGED;
	}
	if (!w->cm_skip_activate) {
		/*
		 * finish in activate_vc_complete if it pends (seed 003); the
		 * completion may come before condis_cm_activate_vc() returns
		 */
		fake_cont_set(w, w->make_cont, vc, party);
		ret = w->mcm ? condis_mcm_activate_vc(vc, cp) :
			       condis_cm_activate_vc(vc, cp);
		if (ret == CONDIS_PENDING)
			return CONDIS_PENDING;
		fake_cont_take(w, w->make_cont, vc);
		if (ret)
			return ret;
	}
	return fake_answer(w, FOP_CM_MAKE_CALL, vc, party);
}

static int cm_close_call(void *slot, void *party, const void *buf, u32 len)
{
	struct fake_world *w = fw;
	void *vc = SLOT_VC(slot);
	int ret;

	fake_log_proc(w, FEV_CM_CLOSE_CALL, len);
	if (w->cm_connect_in_close)	/* it crossed the client's close */
		condis_cm_dispatch_call_connected(vc);
	if (w->mode[FOP_CM_CLOSE_CALL] == FM_FAIL || w->status[FOP_CM_CLOSE_CALL])
		return fake_answer(w, FOP_CM_CLOSE_CALL, vc, party);
	fake_cont_set(w, w->close_cont, vc, party);
	ret = w->mcm ? condis_mcm_deactivate_vc(vc) : condis_cm_deactivate_vc(vc);
	if (ret == CONDIS_PENDING)
		return CONDIS_PENDING;
	fake_cont_take(w, w->close_cont, vc);
	if (ret && ret != -ENOTCONN)
		return ret;
	return fake_answer(w, FOP_CM_CLOSE_CALL, vc, party);
}

static void cm_incoming_call_complete(int status, void *slot,
				      const struct condis_call_params *cp)
{
	fw->cm_last_peak = cp ? cp->tx.peak_bandwidth : 0;
	fake_log_proc(fw, FEV_CM_INCOMING_DONE, status);
	if (!status && !fw->cm_hold_connected)
		condis_cm_dispatch_call_connected(SLOT_VC(slot));
}

static int cm_add_party(void *slot, struct condis_call_params *cp,
			struct condis_party *party, void **party_ctx)
{
	fake_log_proc(fw, FEV_CM_ADD_PARTY, 0);
	*party_ctx = party;
	fw->party2 = party;
	return fake_answer(fw, FOP_CM_ADD_PARTY, party, NULL);
}

static int cm_drop_party(void *party, const void *buf, u32 len)
{
	fake_log_proc(fw, FEV_CM_DROP_PARTY, len);
	return fake_answer(fw, FOP_CM_DROP_PARTY, party, NULL);
}

static int cm_modify_qos(void *slot, struct condis_call_params *cp)
{
	fake_log_proc(fw, FEV_CM_QOS, cp->tx.peak_bandwidth);
	return fake_answer(fw, FOP_CM_QOS, SLOT_VC(slot), NULL);
}

static void cm_activate_vc_complete(int status, void *slot,
				    const struct condis_call_params *cp)
{
	struct fake_world *w = fw;
	void *vc = SLOT_VC(slot);
	struct fake_cont c;

	fake_log_proc(w, FEV_CM_ACTIVATE_DONE, status);
	c = fake_cont_take(w, w->make_cont, vc);
	if (!c.vc)
		return;
	if (status) {
		int old = w->status[FOP_CM_MAKE_CALL];

		w->status[FOP_CM_MAKE_CALL] = status;
		fake_complete(w, FOP_CM_MAKE_CALL, vc, c.party);
		w->status[FOP_CM_MAKE_CALL] = old;
		return;
	}
	fake_complete(w, FOP_CM_MAKE_CALL, vc, c.party);
}

static void cm_deactivate_vc_complete(int status, void *slot)
{
	struct fake_world *w = fw;
	void *vc = SLOT_VC(slot);
	struct fake_cont c;

	fake_log_proc(w, FEV_CM_DEACTIVATE_DONE, status);
	c = fake_cont_take(w, w->close_cont, vc);
	if (c.vc)
		fake_complete(w, FOP_CM_CLOSE_CALL, vc, c.party);
}

static void cm_notify_close_af_complete(int status, void *af)
{
	fw->cm_notify_ctx = af;
	fake_log_proc(fw, FEV_CM_NOTIFY_CLOSE_DONE, status);
}

static int cm_oid_request(void *af, void *vc_ctx, struct condis_oid_request *req)
{
	fake_log_proc(fw, FEV_CM_OID, req->oid);
	return fake_answer(fw, FOP_CM_OID, req, af);
}

static void cm_oid_request_complete(void *af, struct condis_oid_request *req,
				    int status)
{
	fake_log_proc(fw, FEV_CM_OID_DONE, status);
}

static void cm_status(void *ctx, void *vc_ctx, int status, const void *buf, u32 len)
{
	fake_log_proc(fw, FEV_CM_STATUS, status);
}

/* On the CM's own (signalling) VCs. */
static void cm_receive(void *slot, struct sk_buff *skb)
{
	fake_log(fw, FEV_CM_RECEIVE, skb->len);
	kfree_skb(skb);
}

static void cm_send_complete(void *slot, struct sk_buff *skb, int status)
{
	fake_log_proc(fw, FEV_CM_SEND_DONE, status);
	kfree_skb(skb);
}

static const struct condis_cm_ops fake_cm_ops = {
	.open_af = cm_open_af,
	.close_af = cm_close_af,
	.register_sap = cm_register_sap,
	.deregister_sap = cm_deregister_sap,
	.create_vc = cm_create_vc,
	.delete_vc = cm_delete_vc,
	.make_call = cm_make_call,
	.close_call = cm_close_call,
	.incoming_call_complete = cm_incoming_call_complete,
	.add_party = cm_add_party,
	.drop_party = cm_drop_party,
	.modify_qos = cm_modify_qos,
	.activate_vc_complete = cm_activate_vc_complete,
	.deactivate_vc_complete = cm_deactivate_vc_complete,
	.notify_close_af_complete = cm_notify_close_af_complete,
	.oid_request = cm_oid_request,
	.oid_request_complete = cm_oid_request_complete,
	.receive = cm_receive,
	.send_complete = cm_send_complete,
	.status = cm_status,
};

/* ---- client ----------------------------------------------------------------- */

static void cl_af_register_notify(void *ctx, struct condis_adapter *adapter,
				  u32 af_type)
{
	struct fake_world *w = ctx;

	if (af_type == FAKE_AF_TYPE)
		w->notified_adapter = adapter;
	fake_log_proc(w, FEV_CL_AF_NOTIFY, af_type);
}

static void cl_open_af_complete(int status, void *ctx, struct condis_af *af)
{
	struct fake_world *w = ctx;

	if (!status)
		w->af = af;
	fake_log_proc(w, FEV_CL_OPEN_AF_DONE, status);
}

static void cl_close_af_complete(int status, void *ctx)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_CLOSE_AF_DONE, status);
	if (w->cl_close_in_notify)
		fake_complete(w, FOP_CL_NOTIFY, w->af, NULL);	/* the owed answer */
}

static void cl_notify_close_af(void *ctx)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_NOTIFY_CLOSE, 0);
	/* NDIS: close the AF, and answer (with its handle) once it closed */
	if (w->cl_close_in_notify && condis_cl_close_af(w->af) == CONDIS_PENDING)
		return;
	fake_complete(w, FOP_CL_NOTIFY, w->af, NULL);
}

static void cl_register_sap_complete(int status, void *ctx, struct condis_sap *sap)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_REG_SAP_DONE, status);
}

static void cl_deregister_sap_complete(int status, void *ctx)
{
	struct fake_world *w = ctx;

	if (w->cl_dereg_done_ms) {	/* a slow handler: logged when it ends */
		complete(&w->cl_dereg_entered);
		msleep(w->cl_dereg_done_ms);
	}
	fake_log_proc(w, FEV_CL_DEREG_SAP_DONE, status);
}

static int cl_create_vc(void *ctx, struct condis_vc *vc, void **vc_ctx)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_CREATE_VC, w->cl_create_ret);
	if (!w->cl_create_ret)
		w->vc = vc;
	*vc_ctx = w;
	return w->cl_create_ret;
}

static int cl_delete_vc(void *ctx)
{
	fake_log_proc(ctx, FEV_CL_DELETE_VC, 0);
	return 0;
}

static void cl_make_call_complete(int status, void *ctx, struct condis_party *party,
				  const struct condis_call_params *cp)
{
	struct fake_world *w = ctx;

	if (cp) {
		w->last_flags = cp->flags;
		w->last_peak = cp->tx.peak_bandwidth;
	}
	fake_log_proc(w, FEV_CL_MAKE_CALL_DONE, status);
}

static void cl_close_call_complete(int status, void *ctx, void *party_ctx)
{
	struct fake_world *w = ctx;

	if (w->cl_close_done_ms) {	/* a slow handler: logged when it ends */
		complete(&w->cl_close_entered);
		msleep(w->cl_close_done_ms);
	}

	w->last_party_ctx = party_ctx;
	fake_log_proc(w, FEV_CL_CLOSE_CALL_DONE, status);
}

static int cl_incoming_call(void *sap_ctx, void *vc_ctx, struct condis_call_params *cp)
{
	struct fake_world *w = sap_ctx;

	if (w->cl_incoming_ms) {	/* a slow handler: logged when it ends */
		complete(&w->cl_incoming_entered);
		msleep(w->cl_incoming_ms);
	}
	fake_log_proc(w, FEV_CL_INCOMING_CALL, cp->tx.peak_bandwidth);
	return fake_answer(w, FOP_CL_INCOMING, w->vc, NULL);
}

static void cl_call_connected(void *ctx)
{
	fake_log_proc(ctx, FEV_CL_CONNECTED, 0);
}

static void cl_incoming_close(int cause, void *ctx, const void *buf, u32 len)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_INCOMING_CLOSE, cause);
	if (w->cl_close_on_incoming_close)
		condis_cl_close_call(w->vc, NULL, NULL, 0);
}

static void cl_modify_qos_complete(int status, void *ctx,
				   const struct condis_call_params *cp)
{
	struct fake_world *w = ctx;

	if (cp)
		w->last_peak = cp->tx.peak_bandwidth;
	fake_log_proc(w, FEV_CL_QOS_DONE, status);
}

static void cl_incoming_qos_change(void *ctx, const struct condis_call_params *cp)
{
	struct fake_world *w = ctx;

	w->last_peak = cp->tx.peak_bandwidth;
	fake_log_proc(w, FEV_CL_INCOMING_QOS, 0);
}

static void cl_add_party_complete(int status, void *ctx, struct condis_party *party,
				  const struct condis_call_params *cp)
{
	struct fake_world *w = ctx;

	if (cp) {
		w->last_flags = cp->flags;
		w->last_peak = cp->tx.peak_bandwidth;
	}
	fake_log_proc(w, FEV_CL_ADD_PARTY_DONE, status);
}

static void cl_drop_party_complete(int status, void *ctx)
{
	fake_log_proc(ctx, FEV_CL_DROP_PARTY_DONE, status);
}

static void cl_incoming_drop_party(int cause, void *ctx, const void *buf, u32 len)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_INCOMING_DROP, cause);
	if (w->cl_drop_on_incoming_drop)
		condis_cl_drop_party(w->party2, NULL, 0);
}

static int cl_oid_request(void *ctx, void *vc_ctx, struct condis_oid_request *req)
{
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_OID, req->oid);
	return fake_answer(w, FOP_CL_OID, req, w->af);
}

static void cl_oid_request_complete(void *ctx, struct condis_oid_request *req,
				    int status)
{
	fake_log_proc(ctx, FEV_CL_OID_DONE, status);
}

static void cl_receive(void *ctx, struct sk_buff *skb)
{
	fake_log(ctx, FEV_CL_RECEIVE, skb->len);
	kfree_skb(skb);
}

static void cl_send_complete(void *ctx, struct sk_buff *skb, int status)
{
	fake_log_proc(ctx, FEV_CL_SEND_DONE, status);
	kfree_skb(skb);
}

static void cl_status(void *ctx, void *vc_ctx, int status, const void *buf, u32 len)
{
	fake_log_proc(ctx, FEV_CL_STATUS, status);
}

static const struct condis_client_ops fake_cl_ops = {
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
	.oid_request = cl_oid_request,
	.oid_request_complete = cl_oid_request_complete,
	.receive = cl_receive,
	.send_complete = cl_send_complete,
	.status = cl_status,
};

const struct condis_client_ops *condis_fake_client_ops(void)
{
	return &fake_cl_ops;
}

const struct condis_cm_ops *condis_fake_cm_ops(void)
{
	return &fake_cm_ops;
}

/* ---- the world ------------------------------------------------------------------ */

void fake_world_set_mode(struct fake_world *w, enum fake_mode m)
{
	int i;

	for (i = 0; i < __FOP_MAX; i++)
		w->mode[i] = m;
}

static void fake_world_exit(void *data)
{
	fake_world_free(data);
}

/**
 * fake_world_new - register a fake miniport, CM and client
 * @test: the test; the world is torn down when it ends
 * @mcm: integrated call manager instead of a stand-alone one
 * @m: the mode of every operation (change per op afterwards)
 *
 * Return: the world (the test fails and ends without memory).
 */
struct fake_world *fake_world_new(struct kunit *test, bool mcm, enum fake_mode m)
{
	struct fake_world *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	int r;

	KUNIT_ASSERT_NOT_NULL(test, w);
	w->test = test;
	w->mcm = mcm;
	spin_lock_init(&w->lock);
	spin_lock_init(&w->hw_lock);
	init_waitqueue_head(&w->wq);
	INIT_LIST_HEAD(&w->pends);
	init_completion(&w->cl_close_entered);
	init_completion(&w->cl_dereg_entered);
	init_completion(&w->cl_incoming_entered);
	init_completion(&w->cm_offer_made);
	w->wq_pend = alloc_workqueue("condis_fake", WQ_UNBOUND, 0);
	KUNIT_ASSERT_NOT_NULL(test, w->wq_pend);
	KUNIT_ASSERT_NULL(test, fw);	/* one world at a time */
	fw = w;
	w->base_objects = condis_objects_live();
	for (r = 0; r < __CONDIS_VRF_MAX; r++)
		w->base_vrf[r] = condis_verifier_count(r);
	fake_world_set_mode(w, FM_SYNC);

	KUNIT_ASSERT_EQ(test, condis_miniport_register(&init_net, "fake0", &fake_mp_ops,
						       w, &w->adapter), 0);
	r = mcm ? condis_mcm_register_af(w->adapter, FAKE_AF_TYPE, &fake_cm_ops, w, &w->cm) :
		  condis_cm_register_af(w->adapter, FAKE_AF_TYPE, &fake_cm_ops, w, &w->cm);
	KUNIT_ASSERT_EQ(test, r, 0);
	KUNIT_ASSERT_EQ(test, condis_client_register(&init_net, "fakecl", &fake_cl_ops,
						     w, &w->client), 0);
	FAKE_WAIT(w, FEV_CL_AF_NOTIFY, 1);
	KUNIT_ASSERT_PTR_EQ(test, w->notified_adapter, w->adapter);
	fake_world_set_mode(w, m);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, fake_world_exit, w), 0);
	return w;
}

/* Unregister everything (in the order a driver would) and check for leaks. */
void fake_world_free(struct fake_world *w)
{
	if (w->freed)
		return;
	w->freed = true;
	w->pend_delay_ms = 0;
	fake_world_set_mode(w, FM_SYNC);
	fake_settle(w);
	if (w->client)
		condis_client_unregister(w->client);
	if (w->cm)
		condis_cm_unregister(w->cm);
	if (w->adapter)
		condis_miniport_unregister(w->adapter);
	fake_settle(w);
	destroy_workqueue(w->wq_pend);
	rcu_barrier();
	fw = NULL;
	KUNIT_EXPECT_EQ_MSG(w->test, condis_objects_live(), w->base_objects,
			    "condis objects leaked");
	KUNIT_EXPECT_EQ_MSG(w->test, atomic_read(&w->ctx_violations), 0,
			    "a handler ran outside process context");
}

/* ---- standard steps ----------------------------------------------------------------- */

int fake_final(struct fake_world *w, int ret, enum fake_ev ev, int nth)
{
	if (ret != CONDIS_PENDING)
		return ret;
	if (!fake_wait(w, ev, nth))
		return INT_MIN;
	return fake_status(w, ev, nth);
}

void fake_open_af(struct fake_world *w)
{
	enum fake_mode m = w->mode[FOP_CM_OPEN_AF];
	struct condis_af *af;
	int ret;

	w->mode[FOP_CM_OPEN_AF] = FM_SYNC;
	ret = condis_cl_open_af(w->client, w->adapter, FAKE_AF_TYPE, w, &af);
	KUNIT_ASSERT_EQ(w->test, ret, 0);
	w->af = af;
	w->mode[FOP_CM_OPEN_AF] = m;
}

/* Close the AF (synchronously, whatever the mode), asserting success. */
void fake_close_af(struct fake_world *w)
{
	enum fake_mode m = w->mode[FOP_CM_CLOSE_AF];

	fake_settle(w);
	w->mode[FOP_CM_CLOSE_AF] = FM_SYNC;
	KUNIT_EXPECT_EQ(w->test, condis_cl_close_af(w->af), 0);
	w->mode[FOP_CM_CLOSE_AF] = m;
	w->af = NULL;
}

void fake_deregister_sap(struct fake_world *w)
{
	enum fake_mode m = w->mode[FOP_CM_DEREG_SAP];

	fake_settle(w);
	w->mode[FOP_CM_DEREG_SAP] = FM_SYNC;
	KUNIT_EXPECT_EQ(w->test, condis_cl_deregister_sap(w->sap), 0);
	w->mode[FOP_CM_DEREG_SAP] = m;
	w->sap = NULL;
}

void fake_register_sap(struct fake_world *w)
{
	struct condis_sap_desc d = { .sap_type = 1, .len = 4, .sap = "sap1" };
	enum fake_mode m = w->mode[FOP_CM_REG_SAP];

	w->mode[FOP_CM_REG_SAP] = FM_SYNC;
	KUNIT_ASSERT_EQ(w->test, condis_cl_register_sap(w->af, &d, w, &w->sap), 0);
	w->mode[FOP_CM_REG_SAP] = m;
}

void fake_client_vc(struct fake_world *w)
{
	KUNIT_ASSERT_EQ(w->test, condis_cl_create_vc(w->af, w, &w->vc), 0);
}

/* A connected outgoing call on a client VC, whatever the world's modes. */
void fake_connect(struct fake_world *w, u32 flags)
{
	struct condis_call_params *cp = condis_call_params_alloc(4, 0, GFP_KERNEL);
	enum fake_mode mm = w->mode[FOP_CM_MAKE_CALL], ma = w->mode[FOP_MP_ACTIVATE];

	KUNIT_ASSERT_NOT_NULL(w->test, cp);
	cp->flags = flags;
	cp->tx.peak_bandwidth = 1000;
	fake_client_vc(w);
	w->mode[FOP_CM_MAKE_CALL] = FM_SYNC;
	w->mode[FOP_MP_ACTIVATE] = FM_SYNC;
	KUNIT_ASSERT_EQ(w->test, condis_cl_make_call(w->vc, cp, w,
			flags & CONDIS_CALL_MULTIPOINT_VC ? &w->party : NULL), 0);
	w->mode[FOP_CM_MAKE_CALL] = mm;
	w->mode[FOP_MP_ACTIVATE] = ma;
	condis_call_params_free(cp);
}

/* The CM creates and activates a VC and offers a call on the SAP. */
void fake_incoming(struct fake_world *w)
{
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	struct fake_vcslot *slot = fake_slot(w);
	struct condis_vc *vc;
	enum fake_mode ma = w->mode[FOP_MP_ACTIVATE];
	int ret;

	KUNIT_ASSERT_NOT_NULL(w->test, cp);
	cp->tx.peak_bandwidth = 777;
	KUNIT_ASSERT_EQ(w->test, condis_cm_create_vc(w->af, slot, &vc), 0);
	slot->vc = vc;
	KUNIT_ASSERT_PTR_EQ(w->test, vc, w->vc);	/* the client saw create_vc */
	w->mode[FOP_MP_ACTIVATE] = FM_SYNC;
	ret = w->mcm ? condis_mcm_activate_vc(vc, cp) : condis_cm_activate_vc(vc, cp);
	KUNIT_ASSERT_EQ(w->test, ret, 0);
	w->mode[FOP_MP_ACTIVATE] = ma;
	KUNIT_ASSERT_EQ(w->test, condis_cm_dispatch_incoming_call(w->sap, vc, cp), 0);
	condis_call_params_free(cp);
}
