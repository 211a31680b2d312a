/* SPDX-License-Identifier: GPL-2.0 */
/* condis_pppoe: making calls, the host's side of discovery (discovery.c). */
#ifndef _CONDIS_PPPOE_DISCOVERY_H
#define _CONDIS_PPPOE_DISCOVERY_H

#include "pppoe.h"
#include "wire.h"

int pppoe_dial_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx);
int pppoe_dial_delete_vc(void *cm_vc_ctx);
int pppoe_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
		    struct condis_party *party, void **cm_party_ctx);
bool pppoe_rx_pado(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d);
bool pppoe_rx_pads(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d);
void pppoe_disc_shutdown(struct pppoe_adapter *pa);

#endif /* _CONDIS_PPPOE_DISCOVERY_H */
