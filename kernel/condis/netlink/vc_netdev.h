/* SPDX-License-Identifier: GPL-2.0 */
/* vc_netdev.c: a call's frames through an interface; a call's hangup */
#ifndef _CONDIS_NETLINK_VC_NETDEV_H
#define _CONDIS_NETLINK_VC_NETDEV_H

#include <net/netlink.h>
#include "vc_fd.h"

struct cd_vcnd;
struct cd_vcnd *cd_vcnd_prepare(struct cd_nlobj *vc, const char *name, u32 sdu,
				struct netlink_ext_ack *extack);
int cd_vcnd_register(struct cd_vcnd *nd, struct cd_nlobj *vc,
		     struct netlink_ext_ack *extack, u32 *ifindex);
void cd_vcnd_receive(struct cd_vcnd *nd, struct sk_buff *skb);
void cd_vcnd_send_complete(struct cd_vcnd *nd, struct sk_buff *skb);
void cd_vcnd_hangup(struct cd_nlobj *vc);

/* The call is going: no more frames through its descriptor or interface. */
static inline void cd_vc_hangup(struct cd_nlobj *vc)
{
	cd_vcfd_hangup(vc);
	cd_vcnd_hangup(vc);
}

#endif /* _CONDIS_NETLINK_VC_NETDEV_H */
