/* SPDX-License-Identifier: GPL-2.0 */
/* condis_ppp: the PPP channel of a call (channel.c) */
#ifndef _CONDIS_PPP_CHANNEL_H
#define _CONDIS_PPP_CHANNEL_H

#include "ppp.h"

int cppp_chan_open(struct condis_vcfd *f);
struct cppp_chan *cppp_chan_get(struct condis_vcfd *f);
void cppp_chan_put(struct cppp_chan *c);

#endif /* _CONDIS_PPP_CHANNEL_H */
