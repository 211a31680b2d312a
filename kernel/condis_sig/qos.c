// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: QoS. A modify sends MODIFY on every active leg and completes
 * with the first failure among their answers (MODIFY ACK, MODIFY REJECT,
 * or none in time); one abandoned when its leg goes counts as refused.
 */
#include "qos.h"
#include "queue.h"
#include "send.h"
#include "sig.h"

static void sig_qos_done(struct sig_vc *vc)
{
	if (--vc->qos_wait)
		return;
	condis_cm_modify_qos_complete(vc->qos_status, vc->vc, NULL);
}

void sig_qos_answer(struct sig_leg *leg, int status)
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

/* A QoS modify in flight on @leg will not be answered. */
void sig_qos_abandon(struct sig_leg *leg)
{
	sig_qos_answer(leg, -ECONNRESET);
}

static void sig_op_qos(struct sig_op *o)
{
	struct condis_call_params *cp = o->cp;
	struct sig_vc *vc = o->vc;
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

int sig_modify_qos(void *cm_vc_ctx, struct condis_call_params *cp)
{
	struct sig_vc *vc = cm_vc_ctx;

	return sig_queue(vc->sig, sig_op_qos, vc, NULL, NULL, cp, 0, GFP_KERNEL);
}

