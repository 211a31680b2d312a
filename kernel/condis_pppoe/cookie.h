/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_pppoe: the access concentrator's AC-Cookie (cookie.c). A PADO
 * carries a cookie made from the host's MAC address and the time; the
 * PADR must echo it. The AC keeps no state per PADI: a PADI flood costs
 * it PADOs, not memory, and a PADR from an address that never received a
 * PADO (or received it long ago) is refused.
 */
#ifndef _CONDIS_PPPOE_COOKIE_H
#define _CONDIS_PPPOE_COOKIE_H

#include <linux/if_ether.h>
#include <linux/siphash.h>
#include "wire.h"

/* a 32-bit time slot and a 64-bit keyed hash */
#define PPPOE_COOKIE_LEN	12
/* a cookie is good in its slot and the next one: 60 to 120 s */
#define PPPOE_COOKIE_SLOT_SECS	60

void pppoe_cookie_make(const siphash_key_t *key, u32 slot, const u8 *mac,
		       u8 cookie[PPPOE_COOKIE_LEN]);
bool pppoe_cookie_valid(const siphash_key_t *key, u32 now, const u8 *mac,
			const struct pppoe_val *cookie);
u32 pppoe_cookie_slot(void);

#endif /* _CONDIS_PPPOE_COOKIE_H */
