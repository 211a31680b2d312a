/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <net/condis_pppoe.h>: what a client of condis_pppoe's address family
 * (CONDIS_AF_TYPE_PPPOE) finds in a call's parameters.
 *
 * The called address (the make call's CM-specific block) is the access
 * concentrator's MAC address, broadcast for whichever answers first,
 * followed by the service name (empty: any service). Once the call is up
 * its parameters carry the session: the media-specific block is struct
 * condis_pppoe_session, and both flowspecs' max_sdu_size is the largest
 * PPP frame the session carries: its payload (RFC 2516's 1492, or what RFC
 * 4638's PPP-Max-Payload agreed) and the 2-byte protocol field.
 */
#ifndef _NET_CONDIS_PPPOE_H
#define _NET_CONDIS_PPPOE_H

#include <linux/if_ether.h>
#include <linux/types.h>

/* The media_specific_type of struct condis_pppoe_session ('PPoE'). */
#define CONDIS_PPPOE_SESSION	0x50506f45
/* The longest service name condis_pppoe asks for or offers. */
#define CONDIS_PPPOE_SERVICE_MAX	64

/**
 * struct condis_pppoe_session - a PPPoE session, as a call carries it
 * @peer: the MAC address of the other end (the AC, for the host)
 * @sid: the session id the AC gave it
 */
struct condis_pppoe_session {
	u8 peer[ETH_ALEN];
	__be16 sid;
} __packed;

#endif /* _NET_CONDIS_PPPOE_H */
