// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: the call state machines.
 *
 * A calling VC has one leg per party (one for a point-to-point call), each
 * a call on the wire with its own call reference; a called VC has one leg.
 * The CM handlers condis runs and the frames the transport hands in only
 * queue an operation on the engine's ordered workqueue (sig_op); the
 * retransmission timers are delayed work on the same queue. So call state
 * is touched one item at a time, and the handlers that pend finish from
 * there with the condis_cm_* completions.
 */
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include "sig.h"

unsigned int sig_retry_ms = 1000;
module_param_named(retry_ms, sig_retry_ms, uint, 0644);
MODULE_PARM_DESC(retry_ms, "Milliseconds before an unanswered message is sent again, doubling each time up to 30 s (default 1000)");

unsigned int sig_max_retries = 5;
module_param_named(max_retries, sig_max_retries, uint, 0644);
MODULE_PARM_DESC(max_retries, "Times an unanswered message is sent again before the call fails (default 5)");

unsigned int sig_max_half_open = 1024;
module_param_named(max_half_open, sig_max_half_open, uint, 0644);
MODULE_PARM_DESC(max_half_open, "Calls offered to this station, not yet connected, per adapter; further offers are refused (default 1024)");

unsigned int sig_max_rx_queue = 1024;
module_param_named(max_rx_queue, sig_max_rx_queue, uint, 0644);
MODULE_PARM_DESC(max_rx_queue, "Signalling messages received and waiting to be handled, per adapter; further ones are dropped (default 1024; also at most 1024 KiB)");

/* The most bytes (truesize) of received messages waiting, per engine. */
#define SIG_RX_BYTES_MAX	(1024 * 1024)

/* Answers to messages about no call (to whoever claims to have sent them). */
#define SIG_REPLY_WINDOW	(HZ / 10)
#define SIG_REPLY_BURST		50

static bool sig_log;
module_param_named(log_messages, sig_log, bool, 0644);
MODULE_PARM_DESC(log_messages, "Log every signalling message sent and received (default off)");

static void sig_log_msg(struct condis_sig *sig, bool tx, const u8 *peer,
			const struct condis_wire_sig *m)
{
	if (sig_log)
		pr_info("condis_sig %s: %s %pM %s ref %u flags %#x cause %#x label %u\n",
			sig->name, tx ? "to" : "from", peer, condis_msg_name(m->hdr.type),
			ntohl(m->hdr.ref), ntohs(m->hdr.flags), ntohl(m->cause),
			ntohl(m->label));
}

static void sig_drop(struct condis_sig *sig, enum condis_drop why)
{
	if (sig->adapter)
		condis_adapter_count_drop(sig->adapter, why);
}

/* A token: random, never 0 (0 is "not known"). */
static u32 sig_token(void)
{
	u32 t;

	do {
		t = get_random_u32();
	} while (!t);
	return t;
}

static unsigned int sig_answer_ms = 60000;
module_param_named(answer_ms, sig_answer_ms, uint, 0644);
MODULE_PARM_DESC(answer_ms, "Milliseconds a caller waits for the called client's answer once its station has the call (default 60000; never past nine tenths of condis's pend_timeout_ms from the request)");

enum sig_opcode {
	OP_REGISTER, OP_DEREGISTER, OP_SETUP, OP_ANSWER, OP_CLOSE, OP_DROP,
	OP_QOS, OP_FREE, OP_RX, OP_DOWN,
};

struct sig_op {
	struct work_struct work;
	struct condis_sig *sig;
	enum sig_opcode op;
	struct sig_vc *vc;
	struct sig_leg *leg;
	struct sig_sap *sap;
	struct condis_call_params *cp;
	struct sk_buff *skb;
	int status;
	u8 src[ETH_ALEN];
};

static void sig_op_fn(struct work_struct *work);

static struct sig_op *sig_op_new(struct condis_sig *sig, enum sig_opcode op, gfp_t gfp)
{
	struct sig_op *o = kzalloc(sizeof(*o), gfp);

	if (o) {
		INIT_WORK(&o->work, sig_op_fn);
		o->sig = sig;
		o->op = op;
	}
	return o;
}

/* Queue an operation; @cp (may be NULL) is copied. */
static int sig_queue(struct condis_sig *sig, enum sig_opcode op, struct sig_vc *vc,
		     struct sig_leg *leg, struct sig_sap *sap,
		     const struct condis_call_params *cp, int status, gfp_t gfp)
{
	struct sig_op *o = sig_op_new(sig, op, gfp);

	if (!o)
		return -ENOMEM;
	if (cp) {
		o->cp = condis_call_params_dup(cp, gfp);
		if (!o->cp) {
			kfree(o);
			return -ENOMEM;
		}
	}
	o->vc = vc;
	o->leg = leg;
	o->sap = sap;
	o->status = status;
	queue_work(sig->wq, &o->work);
	return CONDIS_PENDING;
}

/* ---- sending ---------------------------------------------------------------- */

static u32 sig_label(struct sig_leg *leg)
{
	return leg->vc ? condis_handle_id(leg->vc->vc) : 0;
}

static void sig_xmit(struct condis_sig *sig, const u8 *dst, struct sk_buff *skb)
{
	const struct condis_wire_sig *m = (const void *)skb->data;

	/* going: one RELEASE (or DROP PARTY) per call, nothing else */
	if (sig->down && m->hdr.type != CONDIS_MSG_RELEASE &&
	    m->hdr.type != CONDIS_MSG_DROP_PARTY) {
		kfree_skb(skb);
		return;
	}
	sig_log_msg(sig, true, dst, m);
	if (sig->integrated) {
		sig->tp->xmit(sig->ctx, dst, skb);
		return;
	}
	/* stand-alone: through the signalling VC, the station first */
	if (!sig->sigvc) {
		kfree_skb(skb);
		return;
	}
	memcpy(skb_push(skb, ETH_ALEN), dst, ETH_ALEN);
	condis_co_send(sig->sigvc, skb);	/* takes @skb */
}

/* Send @type about @leg with parameters @cp (NULL: zeroes). */
static void sig_send_cp(struct sig_leg *leg, u8 type, int cause,
			const struct condis_call_params *cp)
{
	struct condis_sig *sig = leg->vc ? leg->vc->sig : NULL;
	struct sig_ids ids = {
		.ref = leg->ref,
		.token = leg->peer_token,
		.call_token = leg->token,
	};
	struct sk_buff *skb;
	u16 flags = 0;

	if (!sig)
		return;
	ids.label = sig_label(leg);
	ids.data_token = leg->vc->data_token;
	if (leg->caller)
		flags |= CONDIS_WF_FROM_CALLER;
	if (leg->party || (leg->cp && (leg->cp->flags & CONDIS_CALL_MULTIPOINT_VC)))
		flags |= CONDIS_WF_MULTIPOINT;
	skb = sig_msg_build(type, flags, &ids, cause, leg->state, cp, &leg->sap);
	if (skb)
		sig_xmit(sig, leg->peer, skb);
}

/* Send @type about @leg (parameters: the QoS modify's, else the setup's). */
static void sig_send(struct sig_leg *leg, u8 type, int cause)
{
	sig_send_cp(leg, type, cause, type == CONDIS_MSG_MODIFY ? leg->qos_cp :
				      type == CONDIS_MSG_MODIFY_ACK ? NULL : leg->cp);
}

/*
 * Answer a message that has no call here (or no longer), to whoever it
 * says sent it: addressed with the token it gave, so that only its sender
 * takes the answer; at most SIG_REPLY_BURST per SIG_REPLY_WINDOW, so that
 * forged messages do not make the engine a reflector.
 */
static void sig_reply(struct condis_sig *sig, const u8 *dst,
		      const struct condis_wire_sig *m, u8 type, int cause)
{
	u16 flags = ntohs(m->hdr.flags) ^ CONDIS_WF_FROM_CALLER;
	struct sig_ids ids = {
		.ref = ntohl(m->hdr.ref),
		.token = ntohl(m->call_token),
		.call_token = ntohl(m->hdr.token) ?: sig_token(),
	};
	struct sk_buff *skb;

	if (time_after(jiffies, sig->reply_stamp + SIG_REPLY_WINDOW)) {
		sig->reply_stamp = jiffies;
		sig->replies = 0;
	}
	if (++sig->replies > SIG_REPLY_BURST) {
		sig_drop(sig, CONDIS_DROP_RATE_LIMITED);
		return;
	}
	skb = sig_msg_build(type, flags, &ids, cause, LEG_NULL, NULL, NULL);
	if (skb)
		sig_xmit(sig, dst, skb);
}

/* How long to wait for an answer after the @n-th retransmission. */
static unsigned long sig_retry_delay(unsigned int n)
{
	return msecs_to_jiffies(min(sig_retry_ms << min(n, 5U), 30000U));
}

/*
 * A requester waiting for the wire (make call, add party, close call, drop
 * party, QoS modify) is answered before condis's pend watchdog would answer
 * in the CM's place: the retransmissions of its message, and a caller's
 * wait for the called client, end at @leg->deadline.
 */
static unsigned long sig_calling_delay(const struct sig_leg *leg, unsigned long delay)
{
	long left;

	if (!leg->deadline)
		return delay;
	left = (long)(leg->deadline - jiffies);
	return left <= 0 ? 0 : min_t(unsigned long, delay, left);
}

static bool sig_calling_late(const struct sig_leg *leg)
{
	return leg->deadline && time_after_eq(jiffies, leg->deadline);
}

/* Nine tenths of condis's pend timeout from now (0: it has none). */
static unsigned long sig_deadline(void)
{
	unsigned int pend = condis_get_pend_timeout_ms();

	return pend ? (jiffies + msecs_to_jiffies(pend - pend / 10)) ?: 1 : 0;
}

/* Send @type and send it again until it is answered (sig_timer_fn()). */
static void sig_send_retry(struct sig_leg *leg, u8 type, int cause)
{
	switch (type) {
	case CONDIS_MSG_SETUP:
	case CONDIS_MSG_ADD_PARTY:
		break;		/* from the request: sig_setup() */
	case CONDIS_MSG_RELEASE:
	case CONDIS_MSG_DROP_PARTY:
	case CONDIS_MSG_MODIFY:
		leg->deadline = sig_deadline();
		break;
	default:	/* a called leg's answer: no requester waits */
		leg->deadline = 0;
		break;
	}
	leg->retry_msg = type;
	leg->retries = 0;
	leg->cause = cause;
	sig_send(leg, type, cause);
	mod_delayed_work(leg->vc->sig->wq, &leg->timer,
			 sig_calling_delay(leg, sig_retry_delay(0)));
}

static void sig_answered(struct sig_leg *leg)
{
	leg->retry_msg = 0;
	cancel_delayed_work(&leg->timer);
}

/* ---- legs ----------------------------------------------------------------------- */

static void sig_timer_fn(struct work_struct *work);

static struct sig_leg *sig_leg_new(struct sig_vc *vc, bool caller)
{
	struct sig_leg *leg = kzalloc(sizeof(*leg), GFP_KERNEL_ACCOUNT);

	if (!leg)
		return NULL;
	leg->vc = vc;
	leg->caller = caller;
	leg->token = sig_token();
	INIT_LIST_HEAD(&leg->node);
	INIT_HLIST_NODE(&leg->hnode);
	INIT_DELAYED_WORK(&leg->timer, sig_timer_fn);
	return leg;
}

static u32 sig_in_key(const struct condis_sig *sig, const u8 *peer, u32 ref)
{
	u32 hi = peer[0] << 24 | peer[1] << 16 | peer[2] << 8 | peer[3];

	return siphash_3u32(hi, peer[4] << 8 | peer[5], ref, &sig->in_key);
}

/* A called leg is no longer half-open (connected, or going). */
static void sig_leg_settled(struct condis_sig *sig, struct sig_leg *leg)
{
	if (leg->half_open) {
		leg->half_open = false;
		sig->half_open--;
	}
}

static void sig_leg_free(struct condis_sig *sig, struct sig_leg *leg)
{
	sig_leg_settled(sig, leg);
	cancel_delayed_work(&leg->timer);
	list_del(&leg->node);
	if (leg->caller) {
		if (leg->ref)
			xa_erase(&sig->out, leg->ref);
	} else {
		hash_del(&leg->hnode);
	}
	condis_call_params_free(leg->cp);
	condis_call_params_free(leg->qos_cp);
	kfree(leg);
}

/*
 * The called leg of (@peer, @ref) whose caller's token is @peer_token
 * (a SETUP or ADD PARTY again) or, @peer_token 0, whose own token is
 * @token (any other message from the caller). The caller's token is part
 * of the key: a station that forges SETUPs with another's address and
 * reference does not take that call's place.
 */
static struct sig_leg *sig_find_in(struct condis_sig *sig, const u8 *peer, u32 ref,
				   u32 peer_token, u32 token)
{
	struct sig_leg *leg;

	hash_for_each_possible(sig->in, leg, hnode, sig_in_key(sig, peer, ref))
		if (leg->ref == ref && ether_addr_equal(leg->peer, peer) &&
		    (peer_token ? leg->peer_token == peer_token : leg->token == token))
			return leg;
	return NULL;
}

static struct sig_leg *sig_find_out(struct condis_sig *sig, const u8 *peer, u32 ref)
{
	struct sig_leg *leg = xa_load(&sig->out, ref);

	return leg && ether_addr_equal(leg->peer, peer) ? leg : NULL;
}

static bool sig_vc_single(struct sig_vc *vc)
{
	return list_is_singular(&vc->legs);
}

/* ---- the data path ---------------------------------------------------------------- */

/*
 * Program where @vc's frames go: every active leg's station and label.
 * An MCM programs its miniport itself and tells condis; a stand-alone CM
 * activates through condis with the destinations as media parameters.
 */
static int sig_vc_program(struct sig_vc *vc)
{
	struct condis_sig *sig = vc->sig;
	struct condis_call_params *cp;
	struct condis_eth_media *media;
	struct sig_leg *leg;
	u32 n = 0;
	int ret;

	list_for_each_entry(leg, &vc->legs, node)
		n += leg->state == LEG_ACTIVE || leg->state == LEG_CONNECTING ||
		     leg->state == LEG_OFFERED;
	cp = condis_call_params_alloc(0, struct_size(media, dest, n), GFP_KERNEL);
	if (!cp)
		return -ENOMEM;
	media = (struct condis_eth_media *)cp->media_specific;
	media->token = vc->data_token;
	list_for_each_entry(leg, &vc->legs, node) {
		if (leg->state != LEG_ACTIVE && leg->state != LEG_CONNECTING &&
		    leg->state != LEG_OFFERED)
			continue;
		ether_addr_copy(media->dest[media->ndest].mac, leg->peer);
		media->dest[media->ndest].label = leg->peer_label;
		media->dest[media->ndest].token = leg->peer_data_token;
		media->ndest++;
	}
	if (sig->integrated) {
		ret = sig->tp->program(sig->ctx, vc->vc, media);
		if (!ret && !vc->active)
			ret = condis_mcm_activate_vc(vc->vc, cp);
	} else {
		ret = condis_cm_activate_vc(vc->vc, cp);
	}
	if (!ret || ret == CONDIS_PENDING)
		vc->active = true;
	condis_call_params_free(cp);
	/* a stand-alone CM's activation finishes in sig_activate_complete() */
	return ret == CONDIS_PENDING ? 0 : ret;
}

static void sig_vc_deactivate(struct sig_vc *vc)
{
	struct condis_sig *sig = vc->sig;

	if (!vc->active)
		return;
	vc->active = false;
	if (sig->integrated) {
		sig->tp->program(sig->ctx, vc->vc, NULL);
		condis_mcm_deactivate_vc(vc->vc);
	} else {
		condis_cm_deactivate_vc(vc->vc);
	}
}

/* ---- address families and SAPs ------------------------------------------------------- */

static int sig_open_af(void *cm_ctx, struct condis_af *af, void **cm_af_ctx)
{
	struct sig_af *a = kzalloc(sizeof(*a), GFP_KERNEL_ACCOUNT);

	if (!a)
		return -ENOMEM;
	a->sig = cm_ctx;
	a->af = af;
	*cm_af_ctx = a;
	return 0;
}

static int sig_close_af(void *cm_af_ctx)
{
	kfree(cm_af_ctx);
	return 0;
}

static struct sig_sap *sig_find_sap(struct condis_sig *sig, const struct condis_sap_desc *d)
{
	struct sig_sap *s;

	list_for_each_entry(s, &sig->saps, node)
		if (s->desc.len == d->len && !memcmp(s->desc.sap, d->sap, d->len))
			return s;
	return NULL;
}

static int sig_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
			    struct condis_sap *sap, void **cm_sap_ctx)
{
	struct sig_af *af = cm_af_ctx;
	struct sig_sap *s;
	int ret;

	if (!desc->len || desc->len > sizeof(desc->sap))
		return -EINVAL;
	s = kzalloc(sizeof(*s), GFP_KERNEL_ACCOUNT);
	if (!s)
		return -ENOMEM;
	s->af = af;
	s->sap = sap;
	s->desc = *desc;
	INIT_LIST_HEAD(&s->node);
	*cm_sap_ctx = s;
	ret = sig_queue(af->sig, OP_REGISTER, NULL, NULL, s, NULL, 0, GFP_KERNEL);
	if (ret < 0)
		kfree(s);
	return ret;
}

/*
 * Requests that take things down do not fail for memory: condis makes
 * them on a departing role's behalf and forgets the object when they fail,
 * which would leave the engine's state behind.
 */
#define SIG_GFP_TEARDOWN	(GFP_KERNEL | __GFP_NOFAIL)

static int sig_deregister_sap(void *cm_sap_ctx)
{
	struct sig_sap *s = cm_sap_ctx;

	return sig_queue(s->af->sig, OP_DEREGISTER, NULL, NULL, s, NULL, 0, SIG_GFP_TEARDOWN);
}

static void sig_do_register(struct condis_sig *sig, struct sig_sap *s)
{
	struct condis_sap *sap = s->sap;

	if (sig_find_sap(sig, &s->desc)) {
		kfree(s);
		condis_cm_register_sap_complete(-EADDRINUSE, sap, NULL);
		return;
	}
	list_add_tail(&s->node, &sig->saps);
	condis_cm_register_sap_complete(0, sap, s);
}

static void sig_do_deregister(struct sig_sap *s)
{
	struct condis_sap *sap = s->sap;

	list_del(&s->node);
	kfree(s);
	condis_cm_deregister_sap_complete(0, sap);
}

/* ---- VCs ------------------------------------------------------------------------------ */

static struct sig_vc *sig_vc_new(struct condis_sig *sig)
{
	struct sig_vc *vc = kzalloc(sizeof(*vc), GFP_KERNEL_ACCOUNT);

	if (vc) {
		vc->sig = sig;
		vc->data_token = sig_token();
		INIT_LIST_HEAD(&vc->legs);
	}
	return vc;
}

/* A client-created VC (the calling side). */
static int sig_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct sig_vc *v = sig_vc_new(((struct sig_af *)cm_af_ctx)->sig);

	if (!v)
		return -ENOMEM;
	v->vc = vc;
	*cm_vc_ctx = v;
	return 0;
}

/* The client deleted its VC: let go of it after what is queued. */
static int sig_delete_vc(void *cm_vc_ctx)
{
	struct sig_vc *vc = cm_vc_ctx;

	sig_queue(vc->sig, OP_FREE, vc, NULL, NULL, NULL, 0, GFP_KERNEL | __GFP_NOFAIL);
	return 0;
}

static void sig_do_free(struct condis_sig *sig, struct sig_vc *vc)
{
	struct sig_leg *leg, *tmp;

	list_for_each_entry_safe(leg, tmp, &vc->legs, node)
		sig_leg_free(sig, leg);
	kfree(vc);
}

/*
 * Take a called VC down and delete it (the CM created it). Once the adapter
 * is going (condis_sig_shutdown()), the teardown that follows deactivates
 * and deletes it on the CM's behalf, or did already: the engine leaves the
 * VC alone and keeps its context, which condis may still hand back to the
 * CM, until condis_sig_destroy().
 */
static void sig_callee_delete(struct sig_vc *vc)
{
	struct condis_sig *sig = vc->sig;
	struct sig_leg *leg, *tmp;

	if (sig->down) {
		list_for_each_entry_safe(leg, tmp, &vc->legs, node)
			sig_leg_free(sig, leg);
		list_add_tail(&vc->node, &sig->parked);
		return;
	}
	sig_vc_deactivate(vc);
	condis_cm_delete_vc(vc->vc);
	sig_do_free(sig, vc);
}

/* ---- calling ----------------------------------------------------------------------------- */

/* Frames larger than the link carries cannot go: say so in the SDU sizes. */
static bool sig_fill_sdu(struct condis_sig *sig, struct condis_call_params *cp)
{
	bool changed = false;

	if (!sig->max_sdu)
		return false;
	if (!cp->tx.max_sdu_size || cp->tx.max_sdu_size > sig->max_sdu) {
		cp->tx.max_sdu_size = sig->max_sdu;
		changed = true;
	}
	if (!cp->rx.max_sdu_size || cp->rx.max_sdu_size > sig->max_sdu) {
		cp->rx.max_sdu_size = sig->max_sdu;
		changed = true;
	}
	return changed;
}

static int sig_setup(struct sig_vc *vc, struct condis_call_params *cp,
		     struct condis_party *party, void **cm_party_ctx, bool added)
{
	struct sig_leg *leg;
	int ret;

	if (cp->cm_specific_len < CONDIS_SIG_ADDR_MIN ||
	    cp->cm_specific_len > ETH_ALEN + sizeof(leg->sap.sap))
		return -ENOENT;		/* NDIS_STATUS_INVALID_ADDRESS */
	if (!is_valid_ether_addr(cp->cm_specific))
		return -ENOENT;
	leg = sig_leg_new(vc, true);
	if (!leg)
		return -ENOMEM;
	leg->deadline = sig_deadline();	/* nl_client's accept wait ends there too */
	leg->party = party;
	leg->added = added;
	ether_addr_copy(leg->peer, cp->cm_specific);
	leg->sap.len = cp->cm_specific_len - ETH_ALEN;
	memcpy(leg->sap.sap, cp->cm_specific + ETH_ALEN, leg->sap.len);
	if (cm_party_ctx)
		*cm_party_ctx = leg;
	leg->sdu_changed = sig_fill_sdu(vc->sig, cp);
	ret = sig_queue(vc->sig, OP_SETUP, vc, leg, NULL, cp, 0, GFP_KERNEL_ACCOUNT);
	if (ret < 0)
		kfree(leg);
	return ret;
}

static int sig_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
			 struct condis_party *party, void **cm_party_ctx)
{
	struct sig_vc *vc = cm_vc_ctx;

	vc->multipoint = cp->flags & CONDIS_CALL_MULTIPOINT_VC;
	return sig_setup(vc, cp, party, cm_party_ctx, false);
}

static int sig_add_party(void *cm_vc_ctx, struct condis_call_params *cp,
			 struct condis_party *party, void **cm_party_ctx)
{
	struct sig_vc *vc = cm_vc_ctx;

	if (!vc->multipoint)
		return -EINVAL;
	return sig_setup(vc, cp, party, cm_party_ctx, true);
}

/* A calling leg did not come up: its requester hears it. */
static void sig_leg_failed(struct sig_leg *leg, int status)
{
	struct sig_vc *v = leg->vc;
	struct condis_vc *vc = v->vc;
	struct condis_party *party = leg->party;
	bool added = leg->added;

	sig_leg_free(v->sig, leg);
	if (!added)
		v->multipoint = false;
	if (added)
		condis_cm_add_party_complete(status, party, NULL, NULL);
	else
		condis_cm_make_call_complete(status, vc, party, NULL, NULL);
}

static void sig_do_setup(struct condis_sig *sig, struct sig_leg *leg,
			 struct condis_call_params *cp)
{
	u32 ref;
	int ret;

	leg->cp = cp;
	if (sig->down) {
		sig_leg_failed(leg, -ENETDOWN);
		return;
	}
	ret = xa_alloc_cyclic(&sig->out, &ref, leg, xa_limit_32b, &sig->out_next,
			      GFP_KERNEL);
	if (ret < 0) {
		sig_leg_failed(leg, -ENOMEM);
		return;
	}
	leg->ref = ref;
	leg->state = LEG_CALLING;
	list_add_tail(&leg->node, &leg->vc->legs);
	sig_send_retry(leg, leg->added ? CONDIS_MSG_ADD_PARTY : CONDIS_MSG_SETUP, 0);
}

/* The called station answered yes. */
static void sig_connected(struct condis_sig *sig, struct sig_leg *leg,
			  const struct condis_wire_sig *m)
{
	struct condis_call_params *cp;
	struct sig_vc *vc = leg->vc;
	int ret;

	sig_answered(leg);
	leg->peer_label = ntohl(m->label);
	leg->peer_data_token = ntohl(m->data_token);
	leg->state = LEG_ACTIVE;
	ret = sig_vc_program(vc);
	if (ret) {
		sig_send(leg, CONDIS_MSG_RELEASE_COMPLETE, ret);
		sig_leg_failed(leg, ret);
		return;
	}
	sig_send(leg, CONDIS_MSG_CONNECT_ACK, 0);
	/* the client hears of the SDU sizes the link imposed */
	cp = leg->sdu_changed ? condis_call_params_dup(leg->cp, GFP_KERNEL) : NULL;
	if (cp)
		cp->flags |= CONDIS_CALL_PARAMETERS_CHANGED;
	if (leg->added)
		condis_cm_add_party_complete(0, leg->party, leg, cp);
	else
		condis_cm_make_call_complete(0, vc->vc, leg->party, leg, cp);
}

/* ---- called ----------------------------------------------------------------------------- */

static void sig_incoming(struct condis_sig *sig, const u8 *src,
			 const struct condis_wire_sig *m, struct condis_call_params **cpp,
			 const struct condis_sap_desc *desc)
{
	u8 type = m->hdr.type, nak;
	u32 ref = ntohl(m->hdr.ref);
	struct sig_leg *leg;
	struct sig_sap *sap;
	struct sig_vc *vc;
	int ret;

	nak = type == CONDIS_MSG_SETUP ? CONDIS_MSG_RELEASE_COMPLETE :
					 CONDIS_MSG_ADD_PARTY_REJECT;
	leg = sig_find_in(sig, src, ref, ntohl(m->call_token), 0);
	if (leg) {		/* a retransmission: our answer got lost */
		if (leg->state == LEG_CONNECTING || leg->state == LEG_ACTIVE)
			sig_send(leg, leg->added ? CONDIS_MSG_ADD_PARTY_ACK :
				 CONDIS_MSG_CONNECT, 0);
		else if (leg->state == LEG_OFFERED)
			sig_send(leg, CONDIS_MSG_CALL_PROCEEDING, 0);
		return;
	}
	if (sig->down) {
		sig_reply(sig, src, m, nak, -ENETDOWN);
		return;
	}
	sap = sig_find_sap(sig, desc);
	if (!sap) {
		sig_drop(sig, CONDIS_DROP_UNMATCHED);
		sig_reply(sig, src, m, nak, -ENOENT);	/* INVALID_ADDRESS */
		return;
	}
	if (sig->half_open >= READ_ONCE(sig_max_half_open)) {
		sig_drop(sig, CONDIS_DROP_HALF_OPEN);
		sig_reply(sig, src, m, nak, -EBUSY);	/* RESOURCES */
		return;
	}
	ret = -ENOMEM;
	vc = sig_vc_new(sig);
	leg = vc ? sig_leg_new(vc, false) : NULL;
	if (!leg) {
		kfree(vc);
		sig_reply(sig, src, m, nak, ret);
		return;
	}
	vc->incoming = true;
	leg->ref = ref;
	leg->peer_token = ntohl(m->call_token);
	leg->added = type == CONDIS_MSG_ADD_PARTY;
	ether_addr_copy(leg->peer, src);
	leg->peer_label = ntohl(m->label);
	leg->peer_data_token = ntohl(m->data_token);
	leg->sap = *desc;
	leg->cp = *cpp;			/* answered with these */
	*cpp = NULL;
	sig_fill_sdu(sig, leg->cp);
	leg->state = LEG_OFFERED;
	leg->half_open = true;
	sig->half_open++;
	list_add_tail(&leg->node, &vc->legs);
	hash_add(sig->in, &leg->hnode, sig_in_key(sig, src, ref));
	ret = condis_cm_create_vc(sap->af->af, vc, &vc->vc);
	if (ret) {
		sig_leg_free(sig, leg);
		kfree(vc);
		sig_reply(sig, src, m, nak, ret);
		return;
	}
	ret = sig_vc_program(vc);
	if (!ret)
		ret = condis_cm_dispatch_incoming_call(sap->sap, vc->vc, leg->cp);
	if (!ret) {		/* the answer follows: sig_do_answer() */
		sig_send(leg, CONDIS_MSG_CALL_PROCEEDING, 0);
		return;
	}
	sig_queue(sig, OP_ANSWER, vc, NULL, NULL, NULL, ret, GFP_KERNEL | __GFP_NOFAIL);
}

static void sig_incoming_call_complete(int status, void *cm_vc_ctx,
				       const struct condis_call_params *cp)
{
	struct sig_vc *vc = cm_vc_ctx;

	sig_queue(vc->sig, OP_ANSWER, vc, NULL, NULL, NULL, status,
		  GFP_KERNEL | __GFP_NOFAIL);
}

static struct sig_leg *sig_vc_leg(struct sig_vc *vc)
{
	return list_first_entry_or_null(&vc->legs, struct sig_leg, node);
}

/* The called client answered (or the caller went while it did). */
static void sig_do_answer(struct sig_vc *vc, int status)
{
	struct sig_leg *leg = sig_vc_leg(vc);

	if (WARN_ON_ONCE(leg && leg->state != LEG_OFFERED && leg->state != LEG_GONE))
		return;			/* answered twice: condis would not */

	if (status) {
		if (leg && leg->state == LEG_OFFERED)
			sig_send(leg, leg->added ? CONDIS_MSG_ADD_PARTY_REJECT :
				 CONDIS_MSG_RELEASE_COMPLETE, status);
		sig_callee_delete(vc);
		return;
	}
	if (!leg || leg->state == LEG_GONE) {
		condis_cm_dispatch_call_connected(vc->vc);
		condis_cm_dispatch_incoming_close(leg ? leg->cause : -ECONNRESET, vc->vc,
						  NULL, 0);
		return;
	}
	leg->state = LEG_CONNECTING;
	sig_send_retry(leg, leg->added ? CONDIS_MSG_ADD_PARTY_ACK : CONDIS_MSG_CONNECT, 0);
}

/* ---- releasing ---------------------------------------------------------------------------- */

/* Every leg of a closing VC is down: finish its client's close. */
static void sig_close_done(struct sig_vc *vc)
{
	struct condis_party *party = vc->close_party;

	sig_vc_deactivate(vc);
	vc->closing = false;
	vc->close_party = NULL;
	vc->multipoint = false;
	if (vc->incoming) {
		struct condis_vc *h = vc->vc;

		condis_cm_close_call_complete(0, h, party);
		sig_callee_delete(vc);
		return;
	}
	condis_cm_close_call_complete(0, vc->vc, party);
}

static void sig_close_check(struct sig_vc *vc)
{
	struct sig_leg *leg;

	list_for_each_entry(leg, &vc->legs, node)
		if (leg->state == LEG_RELEASING)
			return;
	sig_close_done(vc);
}

/* A QoS modify in flight on @leg will not be answered. */
static void sig_qos_abandon(struct sig_leg *leg);
static void sig_drop_done(struct condis_sig *sig, struct sig_leg *leg);

/* The client closes its VC (a calling VC with every leg, or a called one). */
static void sig_do_close(struct condis_sig *sig, struct sig_vc *vc,
			 struct condis_party *party)
{
	struct sig_leg *leg, *tmp;

	vc->closing = true;
	vc->close_party = party;
	list_for_each_entry_safe(leg, tmp, &vc->legs, node) {
		sig_qos_abandon(leg);
		if (leg->state == LEG_ACTIVE || leg->state == LEG_CONNECTING) {
			leg->state = LEG_RELEASING;
			if (sig->down) {
				sig_send(leg, CONDIS_MSG_RELEASE, 0);
				leg->state = LEG_NULL;
			} else {
				sig_send_retry(leg, CONDIS_MSG_RELEASE, 0);
			}
		}
		if (leg->state != LEG_RELEASING && !vc->incoming)
			sig_leg_free(sig, leg);
	}
	sig_close_check(vc);
}

static int sig_close_call(void *cm_vc_ctx, void *cm_party_ctx, const void *buf, u32 len)
{
	struct sig_vc *vc = cm_vc_ctx;
	struct sig_leg *leg = cm_party_ctx;

	return sig_queue(vc->sig, OP_CLOSE, vc, leg, NULL, NULL, 0, SIG_GFP_TEARDOWN);
}

static int sig_drop_party(void *cm_party_ctx, const void *buf, u32 len)
{
	struct sig_leg *leg = cm_party_ctx;

	return sig_queue(leg->vc->sig, OP_DROP, leg->vc, leg, NULL, NULL, 0, SIG_GFP_TEARDOWN);
}

static void sig_do_drop(struct condis_sig *sig, struct sig_leg *leg)
{
	sig_qos_abandon(leg);
	if (leg->state == LEG_ACTIVE && !sig->down) {
		leg->state = LEG_RELEASING;
		sig_send_retry(leg, CONDIS_MSG_DROP_PARTY, 0);
		return;
	}
	if (leg->state == LEG_ACTIVE)
		sig_send(leg, CONDIS_MSG_DROP_PARTY, 0);
	sig_drop_done(sig, leg);
}

static void sig_drop_done(struct condis_sig *sig, struct sig_leg *leg)
{
	struct condis_party *party = leg->party;
	struct sig_vc *vc = leg->vc;

	sig_leg_free(sig, leg);
	if (vc->active)
		sig_vc_program(vc);
	condis_cm_drop_party_complete(0, party);
}

/* The far end is gone: the local client hears it and closes. */
static void sig_far_end_gone(struct sig_leg *leg, int cause)
{
	struct sig_vc *vc = leg->vc;

	sig_answered(leg);
	sig_qos_abandon(leg);
	leg->cause = cause;
	switch (leg->state) {
	case LEG_OFFERED:		/* told when the client answers */
		leg->state = LEG_GONE;
		return;
	case LEG_CONNECTING:
		leg->state = LEG_GONE;
		condis_cm_dispatch_call_connected(vc->vc);
		break;
	case LEG_ACTIVE:
		leg->state = LEG_GONE;
		break;
	default:
		return;
	}
	if (vc->closing)
		return;
	if (leg->party && !sig_vc_single(vc))
		condis_cm_dispatch_incoming_drop_party(cause, leg->party, NULL, 0);
	else
		condis_cm_dispatch_incoming_close(cause, vc->vc, NULL, 0);
}

/* Our release of @leg is answered (or given up on). */
static void sig_released(struct condis_sig *sig, struct sig_leg *leg)
{
	struct sig_vc *vc = leg->vc;
	u8 msg = leg->retry_msg;

	sig_answered(leg);
	if (msg == CONDIS_MSG_DROP_PARTY) {
		sig_drop_done(sig, leg);
		return;
	}
	leg->state = LEG_NULL;
	if (!vc->incoming)
		sig_leg_free(sig, leg);
	sig_close_check(vc);
}

/* ---- QoS ----------------------------------------------------------------------------------- */

static int sig_modify_qos(void *cm_vc_ctx, struct condis_call_params *cp)
{
	struct sig_vc *vc = cm_vc_ctx;

	return sig_queue(vc->sig, OP_QOS, vc, NULL, NULL, cp, 0, GFP_KERNEL);
}

static void sig_qos_done(struct sig_vc *vc)
{
	if (--vc->qos_wait)
		return;
	condis_cm_modify_qos_complete(vc->qos_status, vc->vc, NULL);
}

static void sig_qos_answer(struct sig_leg *leg, int status)
{
	struct sig_vc *vc = leg->vc;

	if (!leg->qos_cp)
		return;
	if (leg->retry_msg == CONDIS_MSG_MODIFY)
		sig_answered(leg);
	condis_call_params_free(leg->qos_cp);
	leg->qos_cp = NULL;
	if (status && !vc->qos_status)
		vc->qos_status = status;
	sig_qos_done(vc);
}

static void sig_qos_abandon(struct sig_leg *leg)
{
	sig_qos_answer(leg, -ECONNRESET);
}

static void sig_do_qos(struct condis_sig *sig, struct sig_vc *vc,
		       struct condis_call_params *cp)
{
	struct sig_leg *leg;

	vc->qos_wait = 1;		/* held until every leg is asked */
	vc->qos_status = 0;
	list_for_each_entry(leg, &vc->legs, node) {
		if (leg->state != LEG_ACTIVE || leg->qos_cp)
			continue;
		leg->qos_cp = condis_call_params_dup(cp, GFP_KERNEL);
		if (!leg->qos_cp) {
			vc->qos_status = -ENOMEM;
			continue;
		}
		vc->qos_wait++;
		sig_send_retry(leg, CONDIS_MSG_MODIFY, 0);
	}
	if (vc->qos_wait == 1 && !vc->qos_status)
		vc->qos_status = -ENOTCONN;
	sig_qos_done(vc);
}

/* ---- timers -------------------------------------------------------------------------------- */

static void sig_timer_fn(struct work_struct *work)
{
	struct sig_leg *leg = container_of(to_delayed_work(work), struct sig_leg, timer);
	struct condis_sig *sig = leg->vc->sig;
	u8 msg = leg->retry_msg;

	if (!msg)
		return;
	if (msg == CONDIS_MSG_CALL_PROCEEDING) {	/* no answer in time */
		leg->retry_msg = 0;
		sig_send(leg, CONDIS_MSG_RELEASE_COMPLETE, -ETIMEDOUT);
		sig_leg_failed(leg, -ECONNREFUSED);
		return;
	}
	if (leg->retries < sig_max_retries && !sig->down && !sig_calling_late(leg)) {
		leg->retries++;
		sig_send(leg, msg, leg->cause);
		mod_delayed_work(sig->wq, &leg->timer,
				 sig_calling_delay(leg, sig_retry_delay(leg->retries)));
		return;
	}
	leg->retry_msg = 0;
	switch (msg) {
	case CONDIS_MSG_SETUP:
	case CONDIS_MSG_ADD_PARTY:
		/* the far end may have it after all: let it forget */
		sig_send(leg, CONDIS_MSG_RELEASE_COMPLETE, -ECONNREFUSED);
		sig_leg_failed(leg, -ECONNREFUSED);	/* DEST_OUT_OF_ORDER */
		break;
	case CONDIS_MSG_CONNECT:
	case CONDIS_MSG_ADD_PARTY_ACK:
		sig_send(leg, CONDIS_MSG_RELEASE_COMPLETE, -ECONNREFUSED);
		sig_far_end_gone(leg, -ECONNREFUSED);
		break;
	case CONDIS_MSG_RELEASE:
	case CONDIS_MSG_DROP_PARTY:
		leg->retry_msg = msg;	/* sig_released() tells which */
		sig_released(sig, leg);
		break;
	case CONDIS_MSG_MODIFY:
		sig_qos_answer(leg, -ECONNREFUSED);
		break;
	}
}

/* ---- received messages ---------------------------------------------------------------------- */

/* A message that does not fit the call's state: say which state it is in. */
static void sig_unexpected(struct sig_leg *leg)
{
	sig_send(leg, CONDIS_MSG_STATUS, -EPROTO);
}

/* A message about a call this station does not know. */
static void sig_no_call(struct condis_sig *sig, const u8 *src, const struct condis_wire_sig *m)
{
	sig_drop(sig, CONDIS_DROP_UNMATCHED);
	switch (m->hdr.type) {
	case CONDIS_MSG_RELEASE:
	case CONDIS_MSG_CONNECT:
	case CONDIS_MSG_ADD_PARTY_ACK:
		sig_reply(sig, src, m, CONDIS_MSG_RELEASE_COMPLETE, -EINVAL);
		break;
	case CONDIS_MSG_DROP_PARTY:
		sig_reply(sig, src, m, CONDIS_MSG_DROP_PARTY_ACK, 0);
		break;
	case CONDIS_MSG_MODIFY:
		sig_reply(sig, src, m, CONDIS_MSG_MODIFY_REJECT, -ENOTCONN);
		break;
	default:		/* answers and status: nothing to answer */
		break;
	}
}

static void sig_do_rx(struct condis_sig *sig, const u8 *src, struct sk_buff *skb)
{
	struct condis_call_params *cp = NULL;
	struct condis_sap_desc desc = {};
	struct condis_wire_sig *m;
	struct sig_leg *leg;
	u32 ref, token;
	int cause;
	u8 type;

	atomic_dec(&sig->rx_queued);
	atomic_sub(skb->truesize, &sig->rx_bytes);
	if (sig_msg_parse(skb, &m, &cp, &desc)) {
		sig_drop(sig, CONDIS_DROP_MALFORMED);
		goto out;
	}
	type = m->hdr.type;
	ref = ntohl(m->hdr.ref);
	token = ntohl(m->hdr.token);
	cause = sig_msg_cause(m);
	sig_log_msg(sig, false, src, m);
	if (type == CONDIS_MSG_SETUP || type == CONDIS_MSG_ADD_PARTY) {
		/* only a caller sends them: from the called side, ignored */
		if (ntohs(m->hdr.flags) & CONDIS_WF_FROM_CALLER)
			sig_incoming(sig, src, m, &cp, &desc);
		else
			sig_drop(sig, CONDIS_DROP_MALFORMED);
		goto out;
	}
	if (ntohs(m->hdr.flags) & CONDIS_WF_FROM_CALLER)
		leg = sig_find_in(sig, src, ref, 0, token);
	else
		leg = sig_find_out(sig, src, ref);
	if (!leg || !leg->vc) {
		sig_no_call(sig, src, m);
		goto out;
	}
	/*
	 * Only the far end knows the call's tokens: a message without ours,
	 * or from a sender whose token is not the one the call began with,
	 * is not from it.
	 */
	if (token != leg->token ||
	    (leg->peer_token && leg->peer_token != ntohl(m->call_token))) {
		sig_drop(sig, CONDIS_DROP_TOKEN);
		goto out;
	}
	leg->peer_token = ntohl(m->call_token);

	switch (type) {
	case CONDIS_MSG_CONNECT:
	case CONDIS_MSG_ADD_PARTY_ACK:
		if (leg->state == LEG_CALLING)
			sig_connected(sig, leg, m);
		else if (leg->state == LEG_ACTIVE)
			sig_send(leg, CONDIS_MSG_CONNECT_ACK, 0);
		else
			sig_unexpected(leg);
		break;
	case CONDIS_MSG_CALL_PROCEEDING:
		/* the called client has it: no more SETUPs, wait for its answer */
		if (leg->state == LEG_CALLING && leg->retry_msg &&
		    leg->retry_msg != CONDIS_MSG_CALL_PROCEEDING) {
			leg->retry_msg = CONDIS_MSG_CALL_PROCEEDING;
			mod_delayed_work(sig->wq, &leg->timer,
					 sig_calling_delay(leg, msecs_to_jiffies(sig_answer_ms)));
		}
		break;
	case CONDIS_MSG_CONNECT_ACK:
		if (leg->state == LEG_CONNECTING) {
			sig_answered(leg);
			sig_leg_settled(sig, leg);
			leg->state = LEG_ACTIVE;
			condis_cm_dispatch_call_connected(leg->vc->vc);
		} else if (leg->state != LEG_ACTIVE) {
			sig_unexpected(leg);
		}
		break;
	case CONDIS_MSG_RELEASE:
	case CONDIS_MSG_DROP_PARTY:
		sig_send_cp(leg, type == CONDIS_MSG_RELEASE ? CONDIS_MSG_RELEASE_COMPLETE :
			    CONDIS_MSG_DROP_PARTY_ACK, 0, NULL);
		fallthrough;
	case CONDIS_MSG_RELEASE_COMPLETE:
	case CONDIS_MSG_ADD_PARTY_REJECT:
	case CONDIS_MSG_DROP_PARTY_ACK:
		if (leg->state == LEG_CALLING)
			sig_leg_failed(leg, cause ?: -ECONNRESET);
		else if (leg->state == LEG_RELEASING)
			sig_released(sig, leg);
		else
			sig_far_end_gone(leg, cause);
		break;
	case CONDIS_MSG_MODIFY:
		if (leg->state != LEG_ACTIVE || !cp) {
			sig_send_cp(leg, CONDIS_MSG_MODIFY_REJECT, -ENOTCONN, NULL);
			break;
		}
		sig_fill_sdu(sig, cp);	/* no larger than the link, as at setup */
		condis_cm_dispatch_incoming_qos_change(leg->vc->vc, cp);
		sig_send_cp(leg, CONDIS_MSG_MODIFY_ACK, 0, NULL);
		break;
	case CONDIS_MSG_MODIFY_ACK:
	case CONDIS_MSG_MODIFY_REJECT:
		if (leg->qos_cp)
			sig_qos_answer(leg, type == CONDIS_MSG_MODIFY_ACK ? 0 :
					    cause ?: -EKEYREJECTED);
		break;
	case CONDIS_MSG_STATUS:
		/* the far end has no such call: it is gone */
		if (m->state == LEG_NULL && leg->state != LEG_CALLING)
			sig_far_end_gone(leg, -ECONNRESET);
		break;
	}
out:
	condis_call_params_free(cp);
	kfree_skb(skb);
}

/**
 * condis_sig_rx - hand a received signalling message to the engine
 * @sig: the engine
 * @src: the sending station
 * @skb: the message, from struct condis_wire_sig on; taken
 *
 * Context: any (softirq typically).
 */
void condis_sig_rx(struct condis_sig *sig, const u8 *src, struct sk_buff *skb)
{
	unsigned int max = READ_ONCE(sig_max_rx_queue);
	struct sig_op *o;

	if (!is_valid_ether_addr(src)) {	/* answers would go to a group */
		sig_drop(sig, CONDIS_DROP_NOT_UNICAST);
		goto drop;
	}
	if (sig_msg_check(skb)) {
		sig_drop(sig, CONDIS_DROP_MALFORMED);
		goto drop;
	}
	if (atomic_read(&sig->rx_queued) >= max ||
	    atomic_read(&sig->rx_bytes) >= SIG_RX_BYTES_MAX) {
		sig_drop(sig, CONDIS_DROP_OVERLOAD);
		goto drop;
	}
	o = sig_op_new(sig, OP_RX, GFP_ATOMIC);
	if (!o) {
		sig_drop(sig, CONDIS_DROP_OVERLOAD);
		goto drop;
	}
	atomic_inc(&sig->rx_queued);
	atomic_add(skb->truesize, &sig->rx_bytes);
	o->skb = skb;
	ether_addr_copy(o->src, src);
	queue_work(sig->wq, &o->work);
	return;
drop:
	kfree_skb(skb);
}
EXPORT_SYMBOL_GPL(condis_sig_rx);

/* ---- the work -------------------------------------------------------------------------------- */

static void sig_do_down(struct condis_sig *sig)
{
	struct sig_leg *leg;
	unsigned long i;
	int bkt;

	sig->down = true;
	/* calls being set up or released stop waiting for the far end */
	xa_for_each(&sig->out, i, leg)
		if (leg->retry_msg)
			mod_delayed_work(sig->wq, &leg->timer, 0);
	hash_for_each(sig->in, bkt, leg, hnode)
		if (leg->retry_msg)
			mod_delayed_work(sig->wq, &leg->timer, 0);
}

static void sig_op_fn(struct work_struct *work)
{
	struct sig_op *o = container_of(work, struct sig_op, work);
	struct condis_sig *sig = o->sig;

	switch (o->op) {
	case OP_REGISTER:
		sig_do_register(sig, o->sap);
		break;
	case OP_DEREGISTER:
		sig_do_deregister(o->sap);
		break;
	case OP_SETUP:
		sig_do_setup(sig, o->leg, o->cp);	/* takes o->cp */
		o->cp = NULL;
		break;
	case OP_ANSWER:
		sig_do_answer(o->vc, o->status);
		break;
	case OP_CLOSE:
		sig_do_close(sig, o->vc, o->leg ? o->leg->party : NULL);
		break;
	case OP_DROP:
		sig_do_drop(sig, o->leg);
		break;
	case OP_QOS:
		sig_do_qos(sig, o->vc, o->cp);
		break;
	case OP_FREE:
		sig_do_free(sig, o->vc);
		break;
	case OP_RX:
		sig_do_rx(sig, o->src, o->skb);
		break;
	case OP_DOWN:
		sig_do_down(sig);
		break;
	default:
		break;
	}
	condis_call_params_free(o->cp);
	kfree(o);
}

/* ---- what the engine does not need, or refuses ------------------------------------------ */

static void sig_activate_vc_complete(int status, void *cm_vc_ctx,
				     const struct condis_call_params *cp)
{
	struct sig_vc *vc = cm_vc_ctx;

	if (vc->signalling) {
		vc->sig->sigvc_status = status;
		complete(&vc->sig->sigvc_done);
	} else if (status) {
		pr_warn("condis_sig %s: vc %u: activation failed (%d)\n", vc->sig->name,
			condis_handle_id(vc->vc), status);
	}
}

static void sig_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
}

/* A message on the signalling VC: the sending station, then the message. */
static void sig_receive(void *cm_vc_ctx, struct sk_buff *skb)
{
	struct sig_vc *vc = cm_vc_ctx;
	u8 src[ETH_ALEN];

	if (!vc->signalling || !pskb_may_pull(skb, ETH_ALEN)) {
		kfree_skb(skb);
		return;
	}
	memcpy(src, skb->data, ETH_ALEN);
	skb_pull(skb, ETH_ALEN);
	condis_sig_rx(vc->sig, src, skb);
}

static void sig_send_complete(void *cm_vc_ctx, struct sk_buff *skb, int status)
{
	consume_skb(skb);
}

static void sig_notify_close_af_complete(int status, void *cm_af_ctx)
{
}

static int sig_oid_request(void *cm_af_ctx, void *cm_vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void sig_oid_request_complete(void *cm_af_ctx, struct condis_oid_request *req,
				     int status)
{
}

/*
 * condis_sig_cm_ops - the engine's call manager handlers
 *
 * What condis_eth (as an MCM) and condis_ethcm (stand-alone) register their
 * address families with; the CM context is their struct condis_sig.
 */
const struct condis_cm_ops condis_sig_cm_ops = {
	.open_af = sig_open_af,
	.close_af = sig_close_af,
	.register_sap = sig_register_sap,
	.deregister_sap = sig_deregister_sap,
	.create_vc = sig_create_vc,
	.delete_vc = sig_delete_vc,
	.make_call = sig_make_call,
	.close_call = sig_close_call,
	.incoming_call_complete = sig_incoming_call_complete,
	.add_party = sig_add_party,
	.drop_party = sig_drop_party,
	.modify_qos = sig_modify_qos,
	.activate_vc_complete = sig_activate_vc_complete,
	.deactivate_vc_complete = sig_deactivate_vc_complete,
	.notify_close_af_complete = sig_notify_close_af_complete,
	.oid_request = sig_oid_request,
	.oid_request_complete = sig_oid_request_complete,
	.receive = sig_receive,
	.send_complete = sig_send_complete,
};
EXPORT_SYMBOL_GPL(condis_sig_cm_ops);

/**
 * condis_sig_attach - a stand-alone engine opens its signalling VC
 * @sig: the engine, not integrated
 * @cm: its CM registration (condis_sig_cm_ops, @sig as context)
 *
 * Creates a VC of the CM's own on the miniport and activates it for
 * signalling (struct condis_eth_media.signalling): messages go out and come
 * in through it, each with the other station's address in front.
 * condis_cm_unregister() deletes it with the CM.
 * Context: process.
 * Return: 0 or a negative errno.
 */
int condis_sig_attach(struct condis_sig *sig, struct condis_cm *cm)
{
	struct condis_call_params *cp;
	struct condis_eth_media *media;
	struct condis_vc *vc;
	int ret;

	if (sig->integrated)
		return -EINVAL;
	sig->sigvc_ctx = sig_vc_new(sig);
	if (!sig->sigvc_ctx)
		return -ENOMEM;
	sig->sigvc_ctx->signalling = true;
	sig->cm = cm;
	ret = condis_cm_create_signalling_vc(cm, sig->sigvc_ctx, &vc);
	if (ret)
		return ret;
	sig->sigvc_ctx->vc = vc;
	cp = condis_call_params_alloc(0, sizeof(*media), GFP_KERNEL);
	if (!cp)
		return -ENOMEM;	/* the VC goes with the CM */
	media = (struct condis_eth_media *)cp->media_specific;
	media->signalling = 1;
	init_completion(&sig->sigvc_done);
	ret = condis_cm_activate_vc(vc, cp);
	condis_call_params_free(cp);
	if (ret == CONDIS_PENDING) {
		wait_for_completion(&sig->sigvc_done);
		ret = sig->sigvc_status;
	}
	if (!ret)
		WRITE_ONCE(sig->sigvc, vc);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_sig_attach);

/**
 * condis_sig_detach - the CM registration is gone (and its signalling VC)
 * @sig: the engine
 *
 * Context: process, after condis_cm_unregister().
 */
void condis_sig_detach(struct condis_sig *sig)
{
	WRITE_ONCE(sig->sigvc, NULL);
	flush_workqueue(sig->wq);
	kfree(sig->sigvc_ctx);
	sig->sigvc_ctx = NULL;
	sig->cm = NULL;
}
EXPORT_SYMBOL_GPL(condis_sig_detach);

/**
 * condis_sig_set_max_sdu - the largest client frame the link carries
 * @sig: the engine
 * @max_sdu: bytes (the link's MTU less the condis header)
 *
 * Calls get it as their SDU sizes where they asked for none or more.
 */
void condis_sig_set_max_sdu(struct condis_sig *sig, u32 max_sdu)
{
	WRITE_ONCE(sig->max_sdu, max_sdu);
}
EXPORT_SYMBOL_GPL(condis_sig_set_max_sdu);

/**
 * condis_sig_set_adapter - where the engine counts what it drops
 * @sig: the engine
 * @adapter: the adapter whose call manager it is
 *
 * Context: process, before the engine receives.
 */
void condis_sig_set_adapter(struct condis_sig *sig, struct condis_adapter *adapter)
{
	WRITE_ONCE(sig->adapter, adapter);
}
EXPORT_SYMBOL_GPL(condis_sig_set_adapter);

/**
 * condis_sig_shutdown - the adapter is going: stop waiting for the network
 * @sig: the engine
 *
 * Calls set up from now on fail with -ENETDOWN; releases are sent once and
 * not waited for, so that condis can close every call quickly.
 * Context: process.
 */
void condis_sig_shutdown(struct condis_sig *sig)
{
	sig_queue(sig, OP_DOWN, NULL, NULL, NULL, NULL, 0, GFP_KERNEL | __GFP_NOFAIL);
	flush_workqueue(sig->wq);
}
EXPORT_SYMBOL_GPL(condis_sig_shutdown);

/**
 * condis_sig_create - a new engine
 * @name: for its workqueue and messages
 * @mac: the station's address
 * @integrated: an MCM (@tp->program is set) rather than a stand-alone CM
 * @tp: the transport
 * @ctx: its context
 *
 * Register a CM with condis_sig_cm_ops and the engine as context next.
 * Context: process.
 * Return: the engine or NULL.
 */
struct condis_sig *condis_sig_create(const char *name, const u8 *mac, bool integrated,
				     const struct condis_sig_transport *tp, void *ctx)
{
	struct condis_sig *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	strscpy(sig->name, name, sizeof(sig->name));
	ether_addr_copy(sig->mac, mac);
	sig->integrated = integrated;
	sig->tp = tp;
	sig->ctx = ctx;
	INIT_LIST_HEAD(&sig->saps);
	INIT_LIST_HEAD(&sig->parked);
	xa_init_flags(&sig->out, XA_FLAGS_ALLOC1);
	hash_init(sig->in);
	get_random_bytes(&sig->in_key, sizeof(sig->in_key));
	atomic_set(&sig->rx_queued, 0);
	atomic_set(&sig->rx_bytes, 0);
	sig->wq = alloc_ordered_workqueue("condis_sig/%s", WQ_MEM_RECLAIM, sig->name);
	if (!sig->wq) {
		kfree(sig);
		return NULL;
	}
	return sig;
}
EXPORT_SYMBOL_GPL(condis_sig_create);

/**
 * condis_sig_destroy - free an engine
 * @sig: the engine, whose CM registration is gone (every call closed)
 *
 * Context: process.
 */
void condis_sig_destroy(struct condis_sig *sig)
{
	struct sig_vc *vc, *vtmp;
	struct hlist_node *tmp;
	struct sig_leg *leg;
	unsigned long i;

	flush_workqueue(sig->wq);
	list_for_each_entry_safe(vc, vtmp, &sig->parked, node)
		kfree(vc);
	/* legs the far end never answered for, of VCs already gone */
	xa_for_each(&sig->out, i, leg) {
		cancel_delayed_work_sync(&leg->timer);
		sig_leg_free(sig, leg);
	}
	hash_for_each_safe(sig->in, i, tmp, leg, hnode) {
		cancel_delayed_work_sync(&leg->timer);
		sig_leg_free(sig, leg);
	}
	destroy_workqueue(sig->wq);
	kfree(sig->sigvc_ctx);
	WARN_ON(!list_empty(&sig->saps));
	xa_destroy(&sig->out);
	kfree(sig);
}
EXPORT_SYMBOL_GPL(condis_sig_destroy);

MODULE_DESCRIPTION("condis signalling engine (call managers over Ethernet)");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
