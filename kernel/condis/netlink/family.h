/* SPDX-License-Identifier: GPL-2.0 */
/* family.c: the condis family; the object a request names */
#ifndef _CONDIS_NETLINK_FAMILY_H
#define _CONDIS_NETLINK_FAMILY_H

#include <net/genetlink.h>
#include "netlink.h"

extern struct genl_family condis_nl_family;

/* The answer to a change (cd_nl_answer()): two u32 and a flag. */
#define CD_NL_REPLY_SIZE	(2 * nla_total_size(sizeof(u32)) + nla_total_size(0))

int cd_nl_init(void);
void cd_nl_exit(void);

/*
 * The object a request names (family.c's pre_doit found it): referenced,
 * and with its socket's lock held unless the request released it.
 */
static inline struct cd_nlobj *cd_nl_obj(const struct genl_info *info)
{
	return info->user_ptr[1];
}

#endif /* _CONDIS_NETLINK_FAMILY_H */
