// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: releasing. The client's close sends RELEASE on every active
 * leg and completes once each is answered (or given up on); a drop party
 * sends DROP PARTY on one. A far end's RELEASE, DROP PARTY or STATUS about
 * no call reaches the client as an incoming close (drop), which it
 * answers with its own.
 */
#include "qos.h"
#include "queue.h"
#include "release.h"
#include "send.h"
#include "sig.h"
#include "vc.h"

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

static void sig_drop_done(struct condis_sig *sig, struct sig_leg *leg)
{
	struct condis_party *party = leg->party;
	struct sig_vc *vc = leg->vc;

	sig_leg_free(sig, leg);
	if (vc->active)
		sig_vc_program(vc);
	condis_cm_drop_party_complete(0, party);
}

/* The client closes its VC (a calling VC with every leg, or a called one). */
static void sig_op_close(struct sig_op *o)
{
	struct condis_party *party = o->leg ? o->leg->party : NULL;
	struct condis_sig *sig = o->sig;
	struct sig_vc *vc = o->vc;
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

int sig_close_call(void *cm_vc_ctx, void *cm_party_ctx, const void *buf, u32 len)
{
	struct sig_vc *vc = cm_vc_ctx;
	struct sig_leg *leg = cm_party_ctx;

	return sig_queue(vc->sig, sig_op_close, vc, leg, NULL, NULL, 0, SIG_GFP_TEARDOWN);
}

static void sig_op_drop(struct sig_op *o)
{
	struct condis_sig *sig = o->sig;
	struct sig_leg *leg = o->leg;

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

int sig_drop_party(void *cm_party_ctx, const void *buf, u32 len)
{
	struct sig_leg *leg = cm_party_ctx;

	return sig_queue(leg->vc->sig, sig_op_drop, leg->vc, leg, NULL, NULL, 0, SIG_GFP_TEARDOWN);
}

/* The far end is gone: the local client hears it and closes. */
void sig_far_end_gone(struct sig_leg *leg, int cause)
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
void sig_released(struct condis_sig *sig, struct sig_leg *leg)
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
