/* SPDX-License-Identifier: GPL-2.0 */
/* condis_eth: binding adapters to interfaces (bind.c). */
#ifndef _CONDIS_ETH_BIND_H
#define _CONDIS_ETH_BIND_H

int eth_bind_init(void);
void eth_bind_exit(void);

#endif /* _CONDIS_ETH_BIND_H */
