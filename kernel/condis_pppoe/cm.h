/* SPDX-License-Identifier: GPL-2.0 */
/* condis_pppoe: the integrated call manager's handlers and packets (cm.c). */
#ifndef _CONDIS_PPPOE_CM_H
#define _CONDIS_PPPOE_CM_H

#include "pppoe.h"

extern const struct condis_cm_ops pppoe_cm_ops;

void pppoe_rx_disc(struct pppoe_adapter *pa, struct sk_buff *skb);

#endif /* _CONDIS_PPPOE_CM_H */
