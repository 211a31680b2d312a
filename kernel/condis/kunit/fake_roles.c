// SPDX-License-Identifier: GPL-2.0
/*
 * The fake miniport, call manager and client of the condis KUnit suites:
 * each handler logs its call and answers as the world's mode says.
 */
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/slab.h>
#include <net/net_namespace.h>
#include "fake_log.h"
#include "fake_pend.h"
#include "fake_roles.h"
#include "fakes.h"

/*
 * KUnit runs one case at a time: the world of the running case. The fake
 * miniport and CM use the handles condis gives them as their per-object
 * contexts, as a driver would keep its per-object state, and find the
 * world here.
 */
static struct fake_world *fw;

/* The running case's world (@w), or none (NULL); false if one is set. */
bool fake_roles_use(struct fake_world *w)
{
	if (w && fw)
		return false;
	fw = w;
	return true;
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
	fake_log_proc(fw, FEV_MP_DELETE_VC, fw->mp_delete_ret);
	return fw->mp_delete_ret;
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

/*
 * Completed from within the send (synchronous, failing) or later; where
 * the world says so and condis lets it, the frame is kept (freed, as a
 * device would) and the completion has none.
 */
static void mp_send(void *vc, struct sk_buff *skb)
{
	fake_log(fw, FEV_MP_SEND, skb->len);
	if (READ_ONCE(fw->mp_keeps) && condis_mco_send_may_keep(vc)) {
		consume_skb(skb);
		skb = NULL;
	}
	switch (fw->mode[FOP_MP_SEND]) {
	case FM_SYNC:
	case FM_FAIL:
		condis_mco_send_complete(vc, skb, fw->mode[FOP_MP_SEND] == FM_FAIL ? -EIO : 0);
		break;
	default:
		fake_complete(fw, FOP_MP_SEND, vc, skb);
	}
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
	/* an offer before the answer: here when the answer is now */
	if (fw->cm_offer_early && (fw->mode[FOP_CM_REG_SAP] == FM_SYNC ||
				   fw->mode[FOP_CM_REG_SAP] == FM_FAIL))
		fake_cm_offer(fw, sap);
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
	fake_log_proc(fw, FEV_CM_DELETE_VC, fw->cm_delete_ret);
	return fw->cm_delete_ret;
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
	if (w->mode[FOP_CM_CLOSE_CALL] == FM_FAIL || w->status[FOP_CM_CLOSE_CALL] ||
	    w->cm_skip_deactivate)
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
	if (fw->cm_close_in_answer)	/* as if on another CPU, meanwhile */
		fw->cm_close_in_answer_ret = condis_cl_close_call(SLOT_VC(slot), NULL,
								  NULL, 0);
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
	if (w->cl_notify_ms)	/* a slow handler */
		msleep(w->cl_notify_ms);
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
	struct fake_world *w = ctx;

	fake_log_proc(w, FEV_CL_DELETE_VC, w->cl_delete_ret);
	return w->cl_delete_ret;
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
	if (w->cl_qos_in_incoming) {	/* negotiates before it answers */
		struct condis_call_params *q = condis_call_params_alloc(0, 8, GFP_KERNEL);

		w->cl_qos_resized_ret = q ? condis_cl_modify_qos(w->vc, q) : -ENOMEM;
		condis_call_params_free(q);
		q = condis_call_params_alloc(0, 0, GFP_KERNEL);
		w->cl_qos_ret = -ENOMEM;
		if (q) {
			q->tx.peak_bandwidth = 4242;
			w->cl_qos_ret = condis_cl_modify_qos(w->vc, q);
			condis_call_params_free(q);
		}
		/* the buffer it was offered is still its own, changed in place */
		w->cl_offered_peak = cp->tx.peak_bandwidth;
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
	struct fake_world *w = ctx;

	if (w->cl_open_on_status && !vc_ctx)	/* reopening on media connect */
		w->status_open_ret = condis_cl_open_af(w->client, w->adapter, FAKE_AF_TYPE,
						       w, &w->status_af);
	if (w->cl_status_ms) {	/* a slow handler: logged when it ends */
		complete(&w->cl_status_entered);
		msleep(w->cl_status_ms);
	}
	fake_log_proc(w, FEV_CL_STATUS, status);
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

/*
 * The same roles declaring direct completion: the fake CM completes from
 * a work item or a timer, unlocked but for the timer's spinlock (condis
 * then queues), never from within its handlers. One world at a time.
 */
const struct condis_client_ops *condis_fake_client_ops_direct(void)
{
	static struct condis_client_ops ops;

	ops = fake_cl_ops;
	ops.flags |= CONDIS_CLIENT_DIRECT_COMPLETE;
	return &ops;
}

const struct condis_cm_ops *condis_fake_cm_ops_direct(void)
{
	static struct condis_cm_ops ops;

	ops = fake_cm_ops;
	ops.flags |= CONDIS_CM_DIRECT_COMPLETE;
	return &ops;
}


const struct condis_miniport_ops *condis_fake_mp_ops(void)
{
	return &fake_mp_ops;
}
