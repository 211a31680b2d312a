/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis: a miniport's adapters bound to Ethernet interfaces, followed
 * (carrier changes indicated as status, the interface's unregistration or
 * namespace move taking the adapter off it at once and down after RTNL)
 * and unbound on adapter-del or module unload. condis_eth and
 * condis_pppoe bind this way.
 */
#ifndef _NET_CONDIS_IFBIND_H
#define _NET_CONDIS_IFBIND_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/notifier.h>
#include <linux/workqueue.h>
#include <net/condis.h>

/**
 * struct condis_ifbind - an adapter bound to an interface; embedded in the
 *	miniport's adapter context
 * @dev: the interface (a tracked reference while bound)
 * @adapter: the condis adapter (the miniport's registration)
 * @unplugged: the interface is going: nothing may be sent on it or taken
 *	from it (READ_ONCE() outside RTNL) while the adapter is torn down
 *
 * The rest is condis's.
 */
struct condis_ifbind {
	struct net_device *dev;
	struct condis_adapter *adapter;
	bool unplugged;
	/* private: */
	struct list_head node;		/* in the set's list (its lock) */
	netdevice_tracker dev_tracker;
	bool carrier;			/* last indicated (the set's lock) */
	struct work_struct unplug;	/* the teardown after NETDEV_UNREGISTER */
	struct condis_ifbinds *set;
};

/**
 * struct condis_ifbinds_ops - what a miniport does for its set
 * @bind: bind an adapter to @dev (an Ethernet interface no adapter of the
 *	set is bound to): register the miniport, set @b->dev and @b->adapter, hook the
 *	receive path; return the adapter's struct condis_ifbind or an
 *	ERR_PTR(), setting @extack. The set's lock is held; process context.
 * @unhook: @b's interface goes (RTNL held): stop taking its frames now.
 * @unbind: tear @b's adapter down (it left the set: every call, the
 *	miniport, the receive hooks unless @b->unplugged). Process context,
 *	maybe from the set's workqueue.
 * @free: free the context @b is in (after @unbind, the interface released).
 */
struct condis_ifbinds_ops {
	struct condis_ifbind *(*bind)(struct net_device *dev, const void *arg,
				      struct netlink_ext_ack *extack);
	void (*unhook)(struct condis_ifbind *b);
	void (*unbind)(struct condis_ifbind *b);
	void (*free)(struct condis_ifbind *b);
};

/**
 * struct condis_ifbinds - a miniport's bound adapters
 * @ops: the miniport's
 * @link: its link kind (adapter-new and adapter-del), registered while
 *	the set follows interfaces
 * @list: struct condis_ifbind.node (@lock)
 * @lock: serialises binding, unbinding and carrier indications
 * @unplug_wq: the teardowns after NETDEV_UNREGISTER
 * @nb: the netdevice notifier
 */
struct condis_ifbinds {
	const struct condis_ifbinds_ops *ops;
	struct condis_link_ops *link;
	struct list_head list;
	struct mutex lock;
	struct workqueue_struct *unplug_wq;
	struct notifier_block nb;
};

int condis_ifbinds_init(struct condis_ifbinds *set, const char *wq_name,
			const struct condis_ifbinds_ops *ops, struct condis_link_ops *link);
void condis_ifbinds_exit(struct condis_ifbinds *set);
int condis_ifbind_bind(struct condis_ifbinds *set, struct net *net, u32 ifindex, const void *arg,
		       struct netlink_ext_ack *extack, u32 *id);
int condis_ifbind_unbind(struct condis_ifbinds *set, struct condis_adapter *adapter,
			 struct netlink_ext_ack *extack);

#endif /* _NET_CONDIS_IFBIND_H */
