// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: sending. A message about a leg is built from the leg (its
 * references, tokens, label and parameters) and goes out through the
 * transport, or a stand-alone CM's signalling VC; one that wants an answer
 * is sent again, backing off, until the answer comes (timers.c) or its
 * requester's deadline passes.
 */
#include <linux/etherdevice.h>
#include <linux/moduleparam.h>
#include <linux/random.h>
#include <linux/skbuff.h>
#include "send.h"
#include "sig.h"

static unsigned int sig_retry_ms = 1000;
module_param_named(retry_ms, sig_retry_ms, uint, 0644);
MODULE_PARM_DESC(retry_ms, "Milliseconds before an unanswered message is sent again, doubling each time up to 30 s (default 1000)");

unsigned int sig_max_retries = 5;
module_param_named(max_retries, sig_max_retries, uint, 0644);
MODULE_PARM_DESC(max_retries, "Times an unanswered message is sent again before the call fails (default 5)");

/* Answers to messages about no call (to whoever claims to have sent them). */
#define SIG_REPLY_WINDOW	(HZ / 10)
#define SIG_REPLY_BURST		50

static bool sig_log;
module_param_named(log_messages, sig_log, bool, 0644);
MODULE_PARM_DESC(log_messages, "Log every signalling message sent and received (default off)");

void sig_log_msg(struct condis_sig *sig, bool tx, const u8 *peer,
			const struct condis_wire_sig *m)
{
	if (sig_log)
		pr_info("condis_sig %s: %s %pM %s ref %u flags %#x cause %#x label %u\n",
			sig->name, tx ? "to" : "from", peer, condis_msg_name(m->hdr.type),
			ntohl(m->hdr.ref), ntohs(m->hdr.flags), ntohl(m->cause),
			ntohl(m->label));
}

void sig_drop(struct condis_sig *sig, enum condis_drop why)
{
	if (sig->adapter)
		condis_adapter_count_drop(sig->adapter, why);
}

/* A token: random, never 0 (0 is "not known"). */
u32 sig_token(void)
{
	u32 t;

	do {
		t = get_random_u32();
	} while (!t);
	return t;
}

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
void sig_send_cp(struct sig_leg *leg, u8 type, int cause,
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
void sig_send(struct sig_leg *leg, u8 type, int cause)
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
void sig_reply(struct condis_sig *sig, const u8 *dst,
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
unsigned long sig_retry_delay(unsigned int n)
{
	return msecs_to_jiffies(min(sig_retry_ms << min(n, 5U), 30000U));
}

/*
 * A requester waiting for the wire (make call, add party, close call, drop
 * party, QoS modify) is answered before condis's pend watchdog would answer
 * in the CM's place: the retransmissions of its message, and a caller's
 * wait for the called client, end at @leg->deadline.
 */
unsigned long sig_calling_delay(const struct sig_leg *leg, unsigned long delay)
{
	long left;

	if (!leg->deadline)
		return delay;
	left = (long)(leg->deadline - jiffies);
	return left <= 0 ? 0 : min_t(unsigned long, delay, left);
}

bool sig_calling_late(const struct sig_leg *leg)
{
	return leg->deadline && time_after_eq(jiffies, leg->deadline);
}

/* Nine tenths of condis's pend timeout from now (0: it has none). */
unsigned long sig_deadline(void)
{
	unsigned int pend = condis_get_pend_timeout_ms();

	return pend ? (jiffies + msecs_to_jiffies(pend - pend / 10)) ?: 1 : 0;
}

/* Send @type and send it again until it is answered (sig_timer_fn()). */
void sig_send_retry(struct sig_leg *leg, u8 type, int cause)
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

void sig_answered(struct sig_leg *leg)
{
	leg->retry_msg = 0;
	cancel_delayed_work(&leg->timer);
}
