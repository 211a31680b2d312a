// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: timers. A leg waiting for an answer has its message sent
 * again, backing off (send.c), up to max_retries times or until its
 * requester's deadline; then the call, the release or the QoS modify it
 * belongs to ends without the far end.
 */
#include <linux/workqueue.h>
#include "call.h"
#include "qos.h"
#include "release.h"
#include "send.h"
#include "sig.h"
#include "timers.h"

void sig_timer_fn(struct work_struct *work)
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
