/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_eth: binding an Ethernet miniport adapter for a stand-alone call
 * manager (the CM module registers its own link kind and its own AF).
 */
#ifndef _NET_CONDIS_ETH_H
#define _NET_CONDIS_ETH_H

#include <linux/types.h>
#include <net/condis.h>

/**
 * struct condis_eth_hook - a stand-alone CM bound with an adapter
 * @unbind: the adapter goes, for whatever reason (adapter-del, the
 *	interface unregistered or moved, condis_eth unloaded): unregister
 *	the CM now, before the miniport goes. Process context, maybe with
 *	RTNL held.
 */
struct condis_eth_hook {
	void (*unbind)(void *ctx);
};

int condis_eth_bind(struct net *net, u32 ifindex, struct condis_link_ops *link,
		    const struct condis_eth_hook *hook, void *ctx,
		    struct netlink_ext_ack *extack, struct condis_adapter **adapter,
		    u8 *mac, char *name, u32 *max_sdu);
int condis_eth_unbind(struct condis_adapter *adapter, struct netlink_ext_ack *extack);

#endif /* _NET_CONDIS_ETH_H */
