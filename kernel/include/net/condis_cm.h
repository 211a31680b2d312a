/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <net/condis_cm.h>: the bookkeeping every call manager keeps, kept once.
 *
 * A CM's context of an open address family names the CM and the AF; the
 * SAPs clients register on it sit on a list of the CM's, found by their
 * address when a call offer arrives. condis_lo and condis_sig use it the
 * same way; a CM whose AF context is no more than this uses
 * condis_cm_af_open() and condis_cm_af_close() as its open_af and
 * close_af handlers. Nothing here locks: a CM calls it from its one
 * ordered context (both CMs run every state change on an ordered
 * workqueue).
 */
#ifndef _NET_CONDIS_CM_H
#define _NET_CONDIS_CM_H

#include <linux/list.h>
#include <net/condis.h>

/**
 * struct condis_cm_af - a CM's context of an open address family
 * @cm: the CM's context (the open_af handler's @cm_ctx)
 * @af: the address family
 */
struct condis_cm_af {
	void *cm;
	struct condis_af *af;
};

/**
 * struct condis_cm_sap - a SAP a CM holds
 * @node: on the CM's list (condis_cm_sap_add())
 * @af: the AF it was registered on
 * @sap: condis's handle
 * @desc: its address
 */
struct condis_cm_sap {
	struct list_head node;
	struct condis_cm_af *af;
	struct condis_sap *sap;
	struct condis_sap_desc desc;
};

int condis_cm_af_open(void *cm_ctx, struct condis_af *af, void **cm_af_ctx);
int condis_cm_af_close(void *cm_af_ctx);

struct condis_cm_sap *condis_cm_sap_new(void *cm_af_ctx, const struct condis_sap_desc *desc,
					struct condis_sap *sap);
struct condis_cm_sap *condis_cm_sap_find(const struct list_head *saps, const void *addr,
					 u32 len);
int condis_cm_sap_add(struct list_head *saps, struct condis_cm_sap *s);
void condis_cm_sap_del(struct condis_cm_sap *s);

#endif /* _NET_CONDIS_CM_H */
