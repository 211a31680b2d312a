/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: SAPs (on struct condis_sig's saps, <net/condis_cm.h>).
 */
#ifndef _CONDIS_SIG_SAP_H
#define _CONDIS_SIG_SAP_H

struct condis_sap;
struct condis_sap_desc;

/* CM handlers (condis_sig_cm_ops; open_af and close_af are condis_cm_af_*) */
int sig_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
		     struct condis_sap *sap, void **cm_sap_ctx);
int sig_deregister_sap(void *cm_sap_ctx);

#endif /* _CONDIS_SIG_SAP_H */
