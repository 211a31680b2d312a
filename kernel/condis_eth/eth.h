/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_eth: a CoNDIS miniport on any Ethernet net_device, with the
 * condis signalling engine as its integrated call manager.
 *
 * bind.c: binding adapters to interfaces (netlink adapter-new and
 * adapter-del), following them (carrier, unregistration, namespace moves)
 * and receiving their condis frames. miniport.c: the VCs and the data path.
 * Each has its header (bind.h, miniport.h); this one holds the objects.
 */
#ifndef _CONDIS_ETH_H
#define _CONDIS_ETH_H

#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/xarray.h>
#include <net/condis_eth.h>
#include <net/condis_ifbind.h>
#include <net/condis_sig.h>

/**
 * struct eth_adapter - an adapter bound to a net_device
 * @b: the binding (the interface, the condis adapter; condis follows it)
 * @cm: the integrated call manager's registration (NULL: stand-alone CM)
 * @sig: its signalling engine
 * @hook: a stand-alone CM's
 * @hook_ctx: its context
 * @sigport: a stand-alone CM's signalling VC (RCU)
 * @pt: receives condis frames of @dev
 * @ports: struct eth_port by VC handle
 * @labels: the data VCs' struct eth_port by label (the VC's condis id)
 * @backlog: frames waiting for the interface's queue to wake up
 * @tx_timer: tries @backlog again
 * @draining: @backlog is being sent (backlog.lock)
 */
struct eth_adapter {
	struct condis_ifbind b;
	struct condis_cm *cm;
	struct condis_sig *sig;
	const struct condis_eth_hook *hook;
	void *hook_ctx;
	struct eth_port __rcu *sigport;
	struct packet_type pt;
	struct xarray ports;
	struct xarray labels;
	struct sk_buff_head backlog;
	struct timer_list tx_timer;
	bool draining;
};

static inline struct eth_adapter *eth_of(struct condis_ifbind *b)
{
	return container_of(b, struct eth_adapter, b);
}

/* A VC's destinations, freed after RCU readers. */
struct eth_media {
	struct rcu_head rcu;
	struct condis_eth_media m;	/* last: ends with a flexible array */
};

/**
 * struct eth_port - a VC as the miniport sees it
 * @ea: the adapter
 * @vc: its handle
 * @label: what frames for it carry (its condis id)
 * @labelled: in the adapter's labels (a data VC, activated once)
 * @media: where its frames go (RCU; NULL while inactive)
 * @rcu: frees it
 */
struct eth_port {
	struct eth_adapter *ea;
	struct condis_vc *vc;
	u32 label;
	bool labelled;
	struct eth_media __rcu *media;
	struct rcu_head rcu;
};

/* The most frames waiting in an adapter's backlog; beyond, sends fail. */
#define ETH_BACKLOG_MAX		4096

#endif /* _CONDIS_ETH_H */
