/* SPDX-License-Identifier: GPL-2.0 */
/* condis_pppoe: binding adapters to interfaces (bind.c). */
#ifndef _CONDIS_PPPOE_BIND_H
#define _CONDIS_PPPOE_BIND_H

int pppoe_bind_init(void);
void pppoe_bind_exit(void);

#endif /* _CONDIS_PPPOE_BIND_H */
