/* SPDX-License-Identifier: GPL-2.0 */
/* messages.c: notifications, call parameters, answers */
#ifndef _CONDIS_NETLINK_MESSAGES_H
#define _CONDIS_NETLINK_MESSAGES_H

#include <net/genetlink.h>
#include <net/condis.h>

struct cd_nlsk;

struct sk_buff *cd_nl_new(u8 cmd, void **hdr, size_t payload);
int cd_nl_notify(const struct cd_nlsk *owner, struct sk_buff *skb, void *hdr,
		 const u32 *seq);
size_t cd_nl_params_size(const struct condis_call_params *cp);
int cd_nl_put_params(struct sk_buff *skb, int attr,
		     const struct condis_call_params *cp);
struct condis_call_params *cd_nl_get_params(const struct nlattr *nest,
					    const struct nlattr *address,
					    struct netlink_ext_ack *extack);
void cd_nl_request_done(const struct cd_nlsk *sk, u32 request, u32 id, int status,
			const struct condis_call_params *cp, const u32 *seq);
int cd_nl_answer(struct genl_info *info, u16 a1, u32 v1, u16 a2, u32 v2, u16 flag);

#endif /* _CONDIS_NETLINK_MESSAGES_H */
