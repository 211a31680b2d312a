/* SPDX-License-Identifier: GPL-2.0 */
/* condis_pppoe: the CoNDIS WAN interface (wan.c) */
#ifndef _CONDIS_PPPOE_WAN_H
#define _CONDIS_PPPOE_WAN_H

#include "pppoe.h"

void pppoe_wan_link_init(struct pppoe_port *port);
void pppoe_wan_linkparams(struct pppoe_port *port);
int pppoe_wan_oid_request(void *mp_ctx, void *mp_vc_ctx, struct condis_oid_request *req);

#endif /* _CONDIS_PPPOE_WAN_H */
