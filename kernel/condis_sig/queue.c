// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: operations queued on the engine's ordered workqueue. They
 * wait on the engine's list and one work item runs what it finds there,
 * so that a burst (a batch of requests in one netlink message, the answers
 * a batch of received SETUPs brings) costs one turn of the workqueue, not
 * one each. An operation may so run before a message received while it
 * waited, as if the message had come a little later.
 */
#include <linux/slab.h>
#include <net/condis.h>
#include "queue.h"
#include "sig.h"

/* The engine's operations, in the order they were queued. */
void sig_op_work(struct work_struct *work)
{
	struct condis_sig *sig = container_of(work, struct condis_sig, op_work);
	struct sig_op *o, *tmp;
	LIST_HEAD(batch);

	spin_lock_bh(&sig->ops_lock);
	list_splice_init(&sig->ops, &batch);
	spin_unlock_bh(&sig->ops_lock);
	list_for_each_entry_safe(o, tmp, &batch, node) {
		o->fn(o);
		condis_call_params_free(o->cp);
		kfree(o);
	}
}

/* Queue an operation; @cp (may be NULL) is copied. */
int sig_queue(struct condis_sig *sig, void (*fn)(struct sig_op *o), struct sig_vc *vc,
	      struct sig_leg *leg, struct condis_cm_sap *sap,
	      const struct condis_call_params *cp, int status, gfp_t gfp)
{
	struct sig_op *o = kzalloc(sizeof(*o), gfp);

	if (!o)
		return -ENOMEM;
	if (cp) {
		o->cp = condis_call_params_dup(cp, gfp);
		if (!o->cp) {
			kfree(o);
			return -ENOMEM;
		}
	}
	o->sig = sig;
	o->fn = fn;
	o->vc = vc;
	o->leg = leg;
	o->sap = sap;
	o->status = status;
	spin_lock_bh(&sig->ops_lock);
	list_add_tail(&o->node, &sig->ops);
	spin_unlock_bh(&sig->ops_lock);
	queue_work(sig->wq, &sig->op_work);
	return CONDIS_PENDING;
}
