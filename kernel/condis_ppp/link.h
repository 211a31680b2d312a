/* SPDX-License-Identifier: GPL-2.0 */
/* condis_ppp: the CoNDIS WAN interface to the miniport (link.c) */
#ifndef _CONDIS_PPP_LINK_H
#define _CONDIS_PPP_LINK_H

#include "ppp.h"

int cppp_link_info(struct cppp_chan *c);
int cppp_link_set(struct cppp_chan *c, u32 mru, u32 send_accm, u32 recv_accm);
int cppp_link_status(int status, const void *buf, u32 len);

#endif /* _CONDIS_PPP_LINK_H */
