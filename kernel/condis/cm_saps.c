// SPDX-License-Identifier: GPL-2.0
/*
 * A call manager's AF contexts and SAPs (<net/condis_cm.h>): what every
 * CM keeps, here once for condis_lo, condis_sig and whoever comes next.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/condis_cm.h>

/**
 * condis_cm_af_open - an open_af handler for a CM whose AF context is a
 * struct condis_cm_af
 * @cm_ctx: the CM's context
 * @af: the AF being opened
 * @cm_af_ctx: set to the new struct condis_cm_af
 *
 * Return: 0, or -ENOMEM.
 */
int condis_cm_af_open(void *cm_ctx, struct condis_af *af, void **cm_af_ctx)
{
	struct condis_cm_af *a = kzalloc(sizeof(*a), GFP_KERNEL_ACCOUNT);

	if (!a)
		return -ENOMEM;
	a->cm = cm_ctx;
	a->af = af;
	*cm_af_ctx = a;
	return 0;
}
EXPORT_SYMBOL_GPL(condis_cm_af_open);

/**
 * condis_cm_af_close - the close_af handler that goes with condis_cm_af_open()
 * @cm_af_ctx: the struct condis_cm_af
 *
 * Return: 0.
 */
int condis_cm_af_close(void *cm_af_ctx)
{
	kfree(cm_af_ctx);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_cm_af_close);

/**
 * condis_cm_sap_new - a SAP a client asks a CM to register, not yet listed
 * @cm_af_ctx: the struct condis_cm_af it is registered on
 * @desc: its address (copied)
 * @sap: condis's handle
 *
 * Return: the new SAP (on no list; kfree() it if it is never added), or
 * ERR_PTR(-EINVAL) for an empty or oversized address, ERR_PTR(-ENOMEM).
 */
struct condis_cm_sap *condis_cm_sap_new(void *cm_af_ctx, const struct condis_sap_desc *desc,
					struct condis_sap *sap)
{
	struct condis_cm_sap *s;

	if (!desc->len || desc->len > sizeof(desc->sap))
		return ERR_PTR(-EINVAL);
	s = kzalloc(sizeof(*s), GFP_KERNEL_ACCOUNT);
	if (!s)
		return ERR_PTR(-ENOMEM);
	s->af = cm_af_ctx;
	s->sap = sap;
	s->desc = *desc;
	INIT_LIST_HEAD(&s->node);
	return s;
}
EXPORT_SYMBOL_GPL(condis_cm_sap_new);

/**
 * condis_cm_sap_find - the SAP on @saps with this address
 * @saps: the CM's list
 * @addr: the address (bytes compared)
 * @len: its length
 *
 * Return: the SAP, or NULL.
 */
struct condis_cm_sap *condis_cm_sap_find(const struct list_head *saps, const void *addr,
					 u32 len)
{
	struct condis_cm_sap *s;

	list_for_each_entry(s, saps, node)
		if (s->desc.len == len && !memcmp(s->desc.sap, addr, len))
			return s;
	return NULL;
}
EXPORT_SYMBOL_GPL(condis_cm_sap_find);

/**
 * condis_cm_sap_add - list a new SAP unless its address is taken
 * @saps: the CM's list
 * @s: from condis_cm_sap_new()
 *
 * Return: 0, or -EADDRINUSE (@s is not listed; the caller still owns it).
 */
int condis_cm_sap_add(struct list_head *saps, struct condis_cm_sap *s)
{
	if (condis_cm_sap_find(saps, s->desc.sap, s->desc.len))
		return -EADDRINUSE;
	list_add_tail(&s->node, saps);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_cm_sap_add);

/**
 * condis_cm_sap_del - unlist a SAP and free it
 * @s: a SAP condis_cm_sap_add() listed
 */
void condis_cm_sap_del(struct condis_cm_sap *s)
{
	list_del(&s->node);
	kfree(s);
}
EXPORT_SYMBOL_GPL(condis_cm_sap_del);
