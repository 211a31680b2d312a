/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: address families and SAPs.
 */
#ifndef _CONDIS_SIG_SAP_H
#define _CONDIS_SIG_SAP_H

#include <linux/types.h>

struct condis_af;
struct condis_sap;
struct condis_sap_desc;
struct condis_sig;

struct sig_sap *sig_find_sap(struct condis_sig *sig, const struct condis_sap_desc *d);

/* CM handlers (condis_sig_cm_ops) */
int sig_open_af(void *cm_ctx, struct condis_af *af, void **cm_af_ctx);
int sig_close_af(void *cm_af_ctx);
int sig_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
		     struct condis_sap *sap, void **cm_sap_ctx);
int sig_deregister_sap(void *cm_sap_ctx);

#endif /* _CONDIS_SIG_SAP_H */
