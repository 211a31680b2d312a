/* SPDX-License-Identifier: GPL-2.0 */
/* condis_pppoe: the miniport (miniport.c): VCs, sessions, frames out. */
#ifndef _CONDIS_PPPOE_MINIPORT_H
#define _CONDIS_PPPOE_MINIPORT_H

#include "pppoe.h"

extern const struct condis_miniport_ops pppoe_miniport_ops;

int pppoe_program(struct pppoe_adapter *pa, struct condis_vc *vc,
		  const struct condis_call_params *cp);
int pppoe_xmit(struct pppoe_adapter *pa, const u8 *dst, u16 proto, struct sk_buff *skb);
struct sk_buff *pppoe_alloc(struct pppoe_adapter *pa, unsigned int len);
void pppoe_rx_session(struct pppoe_adapter *pa, struct sk_buff *skb);

#endif /* _CONDIS_PPPOE_MINIPORT_H */
