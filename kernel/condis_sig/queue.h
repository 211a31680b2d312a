/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: the engine's one ordered queue. The CM handlers condis runs
 * only queue an operation here (the frames the transport hands in wait on
 * the engine's receive queue, whose work item runs here too); it runs on
 * the engine's ordered workqueue, one at a time with the timers, from the
 * engine's list of operations (struct condis_sig @ops).
 */
#ifndef _CONDIS_SIG_QUEUE_H
#define _CONDIS_SIG_QUEUE_H

#include <linux/list.h>
#include <linux/types.h>
#include <linux/workqueue.h>

struct condis_call_params;
struct condis_sig;
struct sig_leg;
struct condis_cm_sap;
struct sig_vc;

/**
 * struct sig_op - one operation queued on the engine
 * @node: on the engine's @ops
 * @fn: what it does; it may take @cp (and set it NULL)
 * @sig: the engine
 * @vc: the VC it is about, or NULL
 * @leg: the leg, or NULL
 * @sap: the SAP, or NULL
 * @cp: call parameters (a copy), freed after @fn
 * @status: a status to hand on
 */
struct sig_op {
	struct list_head node;
	void (*fn)(struct sig_op *o);
	struct condis_sig *sig;
	struct sig_vc *vc;
	struct sig_leg *leg;
	struct condis_cm_sap *sap;
	struct condis_call_params *cp;
	int status;
};

/*
 * Requests that take things down do not fail for memory: condis makes
 * them on a departing role's behalf and forgets the object when they fail,
 * which would leave the engine's state behind.
 */
#define SIG_GFP_TEARDOWN	(GFP_KERNEL | __GFP_NOFAIL)

/* runs the engine's operations (struct condis_sig @op_work) */
void sig_op_work(struct work_struct *work);

int sig_queue(struct condis_sig *sig, void (*fn)(struct sig_op *o), struct sig_vc *vc,
	      struct sig_leg *leg, struct condis_cm_sap *sap,
	      const struct condis_call_params *cp, int status, gfp_t gfp);

#endif /* _CONDIS_SIG_QUEUE_H */
