/* SPDX-License-Identifier: GPL-2.0 */
/* condis_pppoe: answering calls, the access concentrator's side (ac.c). */
#ifndef _CONDIS_PPPOE_AC_H
#define _CONDIS_PPPOE_AC_H

#include "pppoe.h"
#include "wire.h"

int pppoe_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
		       struct condis_sap *sap, void **cm_sap_ctx);
int pppoe_deregister_sap(void *cm_sap_ctx);
void pppoe_incoming_call_complete(int status, void *cm_vc_ctx,
				  const struct condis_call_params *cp);
bool pppoe_rx_padi(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d);
bool pppoe_rx_padr(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d);

#endif /* _CONDIS_PPPOE_AC_H */
