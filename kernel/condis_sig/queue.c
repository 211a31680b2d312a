// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: operations queued on the engine's ordered workqueue.
 */
#include <linux/slab.h>
#include <net/condis.h>
#include "queue.h"
#include "sig.h"

static void sig_op_run(struct work_struct *work)
{
	struct sig_op *o = container_of(work, struct sig_op, work);

	o->fn(o);
	condis_call_params_free(o->cp);
	kfree(o);
}

static struct sig_op *sig_op_new(struct condis_sig *sig, void (*fn)(struct sig_op *o),
				 gfp_t gfp)
{
	struct sig_op *o = kzalloc(sizeof(*o), gfp);

	if (o) {
		INIT_WORK(&o->work, sig_op_run);
		o->sig = sig;
		o->fn = fn;
	}
	return o;
}

static void sig_op_queue(struct sig_op *o)
{
	queue_work(o->sig->wq, &o->work);
}

/* Queue an operation; @cp (may be NULL) is copied. */
int sig_queue(struct condis_sig *sig, void (*fn)(struct sig_op *o), struct sig_vc *vc,
	      struct sig_leg *leg, struct condis_cm_sap *sap,
	      const struct condis_call_params *cp, int status, gfp_t gfp)
{
	struct sig_op *o = sig_op_new(sig, fn, gfp);

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
	sig_op_queue(o);
	return CONDIS_PENDING;
}
