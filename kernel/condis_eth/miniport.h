/* SPDX-License-Identifier: GPL-2.0 */
/* condis_eth: the miniport's VCs and data path (miniport.c). */
#ifndef _CONDIS_ETH_MINIPORT_H
#define _CONDIS_ETH_MINIPORT_H

#include "eth.h"

extern const struct condis_miniport_ops eth_miniport_ops;

void eth_rx_data(struct eth_adapter *ea, u32 label, u32 token, struct sk_buff *skb);
void eth_rx_signalling(struct eth_adapter *ea, struct sk_buff *skb);

int eth_program(void *ctx, struct condis_vc *vc, const struct condis_eth_media *media);
void eth_tx_timer(struct timer_list *t);
void eth_backlog_purge(struct eth_adapter *ea, struct condis_vc *vc);
int eth_xmit_frame(struct eth_adapter *ea, const u8 *dst, struct sk_buff *skb);

#endif /* _CONDIS_ETH_MINIPORT_H */
