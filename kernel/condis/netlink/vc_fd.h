/* SPDX-License-Identifier: GPL-2.0 */
/* vc_fd.c: a call's frames through a file descriptor */
#ifndef _CONDIS_NETLINK_VC_FD_H
#define _CONDIS_NETLINK_VC_FD_H

#include <net/netlink.h>
#include "netlink.h"

int cd_vcfd_open(struct cd_nlobj *vc, struct netlink_ext_ack *extack);
void cd_vcfd_receive(struct cd_nlobj *vc, struct sk_buff *skb);
void cd_vcfd_send_complete(struct cd_nlobj *vc, struct sk_buff *skb);
void cd_vcfd_hangup(struct cd_nlobj *vc);
void cd_vcfd_status(struct cd_nlobj *vc, int status, const void *buf, u32 len);
void cd_vcfd_oid_request_complete(struct condis_oid_request *req, int status);

#endif /* _CONDIS_NETLINK_VC_FD_H */
