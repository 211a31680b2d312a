// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: receiving. A message is checked and queued in the
 * transport's context (bounded per engine: max_rx_queue messages and
 * SIG_RX_BYTES_MAX bytes), then parsed on the engine's workqueue and
 * handed to the leg it names: only one that carries the leg's tokens is
 * from its far end. One work item takes the queue in batches, so a burst
 * of messages costs one turn of the workqueue, not one each; a message
 * may so be handled before an operation queued while it waited, as if it
 * had come a little earlier (an answer cannot: it comes after its
 * request was sent).
 */
#include <linux/etherdevice.h>
#include <linux/moduleparam.h>
#include <linux/skbuff.h>
#include "call.h"
#include "called.h"
#include "qos.h"
#include "queue.h"
#include "receive.h"
#include "release.h"
#include "send.h"
#include "sig.h"
#include "vc.h"

static unsigned int sig_max_rx_queue = 1024;
module_param_named(max_rx_queue, sig_max_rx_queue, uint, 0644);
MODULE_PARM_DESC(max_rx_queue, "Signalling messages received and waiting to be handled, per adapter; further ones are dropped (default 1024; also at most 1024 KiB)");

/* The most bytes (truesize) of received messages waiting, per engine. */
#define SIG_RX_BYTES_MAX	(1024 * 1024)

/* Messages handled in one turn of the engine's workqueue. */
#define SIG_RX_BATCH		64

/* What a waiting message carries beside it: the station it came from. */
struct sig_rx_cb {
	u8 src[ETH_ALEN];
};

static struct sig_rx_cb *sig_rx_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct sig_rx_cb) > sizeof_field(struct sk_buff, cb));
	return (struct sig_rx_cb *)skb->cb;
}

static unsigned int sig_answer_ms = 60000;
module_param_named(answer_ms, sig_answer_ms, uint, 0644);
MODULE_PARM_DESC(answer_ms, "Milliseconds a caller waits for the called client's answer once its station has the call (default 60000; never past nine tenths of condis's pend_timeout_ms from the request)");

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

static void sig_rx_one(struct condis_sig *sig, struct sk_buff *skb)
{
	struct condis_call_params *cp = NULL;
	struct condis_sap_desc desc = {};
	struct condis_wire_sig *m;
	u8 src[ETH_ALEN] __aligned(2);
	struct sig_leg *leg;
	u32 ref, token;
	int cause;
	u8 type;

	ether_addr_copy(src, sig_rx_cb(skb)->src);
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

/* The engine's receive queue, a batch at a time (then what queued behind). */
void sig_rx_work(struct work_struct *work)
{
	struct condis_sig *sig = container_of(work, struct condis_sig, rx_work);
	struct sk_buff *skb;
	int n;

	for (n = 0; n < SIG_RX_BATCH; n++) {
		skb = skb_dequeue(&sig->rxq);
		if (!skb)
			return;
		atomic_sub(skb->truesize, &sig->rx_bytes);
		sig_rx_one(sig, skb);
	}
	if (!skb_queue_empty_lockless(&sig->rxq))
		queue_work(sig->wq, &sig->rx_work);
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

	if (!is_valid_ether_addr(src)) {	/* answers would go to a group */
		sig_drop(sig, CONDIS_DROP_NOT_UNICAST);
		goto drop;
	}
	if (sig_msg_check(skb)) {
		sig_drop(sig, CONDIS_DROP_MALFORMED);
		goto drop;
	}
	if (skb_queue_len_lockless(&sig->rxq) >= max ||
	    atomic_read(&sig->rx_bytes) >= SIG_RX_BYTES_MAX) {
		sig_drop(sig, CONDIS_DROP_OVERLOAD);
		goto drop;
	}
	ether_addr_copy(sig_rx_cb(skb)->src, src);
	atomic_add(skb->truesize, &sig->rx_bytes);
	skb_queue_tail(&sig->rxq, skb);
	queue_work(sig->wq, &sig->rx_work);
	return;
drop:
	kfree_skb(skb);
}
EXPORT_SYMBOL_GPL(condis_sig_rx);


/* A message on the signalling VC: the sending station, then the message. */
void sig_receive(void *cm_vc_ctx, struct sk_buff *skb)
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

