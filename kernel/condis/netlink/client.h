/* SPDX-License-Identifier: GPL-2.0 */
/* client.c: a socket's CoNDIS client handlers */
#ifndef _CONDIS_NETLINK_CLIENT_H
#define _CONDIS_NETLINK_CLIENT_H

#include <net/condis.h>
#include "netlink.h"

extern const struct condis_client_ops cd_nl_client_ops;

bool cd_vc_connected(struct cd_nlobj *vc, u32 *max_sdu);

#endif /* _CONDIS_NETLINK_CLIENT_H */
