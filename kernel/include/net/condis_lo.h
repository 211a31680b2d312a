/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_lo.h - what a stand-alone call manager gives condis_lo's loopback
 * adapter to connect two VCs of a call: both activated with media-specific
 * parameters of type CONDIS_LO_MEDIA_CHANNEL holding the same channel
 * number (a u32, in host order). Frames sent on one are received on the
 * other until either is deactivated. (condis_lo's own call manager links
 * its calls itself.) The NDIS sample miniport follows the same convention.
 */
#ifndef _NET_CONDIS_LO_H
#define _NET_CONDIS_LO_H

#define CONDIS_LO_MEDIA_CHANNEL		0x4c4f4348	/* "LOCH" */

#endif /* _NET_CONDIS_LO_H */
