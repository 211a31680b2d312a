// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: SAPs. A SAP is the called address after the station's
 * (struct condis_sap_desc); one engine has each at most once. The AF
 * contexts and the SAP list are condis's CM bookkeeping (<net/condis_cm.h>);
 * what is the engine's own is doing it on its workqueue.
 */
#include <linux/slab.h>
#include <net/condis_cm.h>
#include "queue.h"
#include "sap.h"
#include "sig.h"

static void sig_op_register(struct sig_op *o)
{
	struct condis_cm_sap *s = o->sap;
	struct condis_sap *sap = s->sap;
	int ret = condis_cm_sap_add(&o->sig->saps, s);

	if (ret)
		kfree(s);
	condis_cm_register_sap_complete(ret, sap, ret ? NULL : s);
}

static void sig_op_deregister(struct sig_op *o)
{
	struct condis_sap *sap = o->sap->sap;

	condis_cm_sap_del(o->sap);
	condis_cm_deregister_sap_complete(0, sap);
}

int sig_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
		     struct condis_sap *sap, void **cm_sap_ctx)
{
	struct condis_cm_af *af = cm_af_ctx;
	struct condis_cm_sap *s = condis_cm_sap_new(af, desc, sap);
	int ret;

	if (IS_ERR(s))
		return PTR_ERR(s);
	*cm_sap_ctx = s;
	ret = sig_queue(af->cm, sig_op_register, NULL, NULL, s, NULL, 0, GFP_KERNEL);
	if (ret < 0)
		kfree(s);
	return ret;
}

int sig_deregister_sap(void *cm_sap_ctx)
{
	struct condis_cm_sap *s = cm_sap_ctx;

	return sig_queue(s->af->cm, sig_op_deregister, NULL, NULL, s, NULL, 0, SIG_GFP_TEARDOWN);
}
