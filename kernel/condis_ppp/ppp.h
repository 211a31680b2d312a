/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_ppp: a call's VC as a Linux PPP channel, the NDISWAN of condis.
 * Files, each with its header, each using only those after it:
 *   main.c     the ioctls pppd sends a call's descriptor (PPPIOCGCHAN, ...)
 *   channel.c  the PPP channel: frames between ppp_generic and the VC
 *   link.c     the CoNDIS WAN interface to the miniport (<net/condis_wan.h>)
 */
#ifndef _CONDIS_PPP_H
#define _CONDIS_PPP_H

#include <linux/ppp_channel.h>
#include <linux/refcount.h>
#include <net/condis_vcfd.h>
#include <net/condis_wan.h>

/**
 * struct cppp_chan - a call carrying PPP
 * @user: what condis knows of it (the VC descriptor's user)
 * @chan: what ppp_generic knows of it
 * @f: the call's descriptor
 * @ref: the descriptor's user holds one, a running ioctl another
 * @inflight: frames sent and not completed
 * @window: how many may be (the miniport's send window)
 * @lock: @link and the OIDs setting it
 * @info: what the miniport said of its adapter (OID_WAN_CO_GET_INFO)
 * @link: what the VC was last set to (OID_WAN_CO_SET_LINK_INFO)
 */
struct cppp_chan {
	struct condis_vcfd_user user;
	struct ppp_channel chan;
	struct condis_vcfd *f;
	refcount_t ref;
	atomic_t inflight;
	u32 window;
	struct mutex lock;		/* @link, and setting it */
	struct condis_wan_co_info info;
	struct condis_wan_co_link_info link;
};

#endif /* _CONDIS_PPP_H */
