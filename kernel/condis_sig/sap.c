// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: address families and SAPs. A SAP is the called address
 * after the station's (struct condis_sap_desc); one engine has each at
 * most once.
 */
#include <linux/slab.h>
#include "queue.h"
#include "sap.h"
#include "sig.h"

int sig_open_af(void *cm_ctx, struct condis_af *af, void **cm_af_ctx)
{
	struct sig_af *a = kzalloc(sizeof(*a), GFP_KERNEL_ACCOUNT);

	if (!a)
		return -ENOMEM;
	a->sig = cm_ctx;
	a->af = af;
	*cm_af_ctx = a;
	return 0;
}

int sig_close_af(void *cm_af_ctx)
{
	kfree(cm_af_ctx);
	return 0;
}

struct sig_sap *sig_find_sap(struct condis_sig *sig, const struct condis_sap_desc *d)
{
	struct sig_sap *s;

	list_for_each_entry(s, &sig->saps, node)
		if (s->desc.len == d->len && !memcmp(s->desc.sap, d->sap, d->len))
			return s;
	return NULL;
}

static void sig_op_register(struct sig_op *o)
{
	struct condis_sig *sig = o->sig;
	struct sig_sap *s = o->sap;
	struct condis_sap *sap = s->sap;

	if (sig_find_sap(sig, &s->desc)) {
		kfree(s);
		condis_cm_register_sap_complete(-EADDRINUSE, sap, NULL);
		return;
	}
	list_add_tail(&s->node, &sig->saps);
	condis_cm_register_sap_complete(0, sap, s);
}

static void sig_op_deregister(struct sig_op *o)
{
	struct sig_sap *s = o->sap;
	struct condis_sap *sap = s->sap;

	list_del(&s->node);
	kfree(s);
	condis_cm_deregister_sap_complete(0, sap);
}

int sig_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
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
	ret = sig_queue(af->sig, sig_op_register, NULL, NULL, s, NULL, 0, GFP_KERNEL);
	if (ret < 0)
		kfree(s);
	return ret;
}

int sig_deregister_sap(void *cm_sap_ctx)
{
	struct sig_sap *s = cm_sap_ctx;

	return sig_queue(s->af->sig, sig_op_deregister, NULL, NULL, s, NULL, 0, SIG_GFP_TEARDOWN);
}

