// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: the stateless AC-Cookie (cookie.h says why): the slot in
 * which it was made, and SipHash of the host's MAC address and that slot
 * under the adapter's key.
 */
#include <kunit/visibility.h>
#include <linux/string.h>
#include <linux/ktime.h>
#include "cookie.h"

static u64 pppoe_cookie_hash(const siphash_key_t *key, u32 slot, const u8 *mac)
{
	u64 m = (u64)mac[0] << 40 | (u64)mac[1] << 32 | (u32)mac[2] << 24 |
		mac[3] << 16 | mac[4] << 8 | mac[5];

	return siphash_2u64(m, slot, key);
}

/**
 * pppoe_cookie_make - the cookie a PADO to a host carries
 * @key: the adapter's key
 * @slot: the time slot (pppoe_cookie_slot())
 * @mac: the host's MAC address
 * @cookie: set to the cookie
 */
void pppoe_cookie_make(const siphash_key_t *key, u32 slot, const u8 *mac,
		       u8 cookie[PPPOE_COOKIE_LEN])
{
	__be32 s = cpu_to_be32(slot);
	__be64 h = cpu_to_be64(pppoe_cookie_hash(key, slot, mac));

	memcpy(cookie, &s, sizeof(s));
	memcpy(cookie + sizeof(s), &h, sizeof(h));
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_cookie_make);

/**
 * pppoe_cookie_valid - whether a PADR's cookie is one this AC gave the host
 * @key: the adapter's key
 * @now: the current time slot
 * @mac: the MAC address the PADR came from
 * @cookie: the AC-Cookie it echoes (absent: not valid)
 *
 * Return: true if @cookie was made for @mac under @key in slot @now or
 * the one before.
 */
bool pppoe_cookie_valid(const siphash_key_t *key, u32 now, const u8 *mac,
			const struct pppoe_val *cookie)
{
	__be32 s;
	__be64 h;
	u32 slot;

	if (!cookie->data || cookie->len != PPPOE_COOKIE_LEN)
		return false;
	memcpy(&s, cookie->data, sizeof(s));
	memcpy(&h, cookie->data + sizeof(s), sizeof(h));
	slot = be32_to_cpu(s);
	if (slot != now && slot != now - 1)
		return false;
	/* all 64 bits compared at once: no early exit to time */
	return !(be64_to_cpu(h) ^ pppoe_cookie_hash(key, slot, mac));
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_cookie_valid);

/**
 * pppoe_cookie_slot - the current time slot
 *
 * Return: the seconds since boot (CLOCK_BOOTTIME: a suspend does not make
 * old cookies new) in PPPOE_COOKIE_SLOT_SECS units.
 */
u32 pppoe_cookie_slot(void)
{
	return ktime_get_boottime_seconds() / PPPOE_COOKIE_SLOT_SECS;
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_cookie_slot);
