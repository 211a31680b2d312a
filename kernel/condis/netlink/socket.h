/* SPDX-License-Identifier: GPL-2.0 */
/* socket.c: the sockets acting as clients, the objects each owns */
#ifndef _CONDIS_NETLINK_SOCKET_H
#define _CONDIS_NETLINK_SOCKET_H

#include <net/genetlink.h>
#include "netlink.h"

struct cd_nlsk *cd_nlsk_find(const struct net *net, u32 portid,
			     const struct sock *nlsk);
void cd_nlsk_add(struct cd_nlsk *sk);
int cd_nl_sock_event(struct notifier_block *nb, unsigned long event, void *ptr);
struct cd_nlsk *cd_nlsk_for(struct genl_info *info, struct sock *nlsk);
struct cd_nlobj *cd_nlobj_new(struct cd_nlsk *sk, u8 type, struct netlink_ext_ack *extack);
struct cd_nlobj *cd_nlobj_find(struct cd_nlsk *sk, u8 type, u32 id);
struct cd_nlobj *cd_nlobj_owned(struct genl_info *info, struct sock *nlsk, u8 type,
				int attr);
void cd_nlobj_publish(struct cd_nlobj *obj, void *handle);
void cd_nlobj_forget(struct cd_nlobj *obj);
void cd_nl_backlog_release(struct cd_nlobj *obj);
void cd_nlobj_later(struct cd_nlobj *obj, unsigned int ms);
void cd_nlobj_unarm(struct cd_nlobj *obj);
bool cd_nl_close_far(struct cd_nlobj *obj);
void cd_nl_call_gone(struct cd_nlobj *obj);
struct cd_nlobj *cd_nl_last_party(struct cd_nlobj *obj);
int cd_nlsk_init(void);
void cd_nlsk_exit(void);
extern unsigned int cd_nl_max_per_socket, cd_nl_max_per_netns;
extern struct workqueue_struct *cd_nl_wq;

#endif /* _CONDIS_NETLINK_SOCKET_H */
