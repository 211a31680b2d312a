// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: binding adapters to interfaces and following them.
 *
 * adapter-new (kind "pppoe") binds an adapter to an Ethernet interface of
 * the caller's namespace: a condis miniport, PPPoE discovery registered
 * as its integrated call manager (address family "pppoe"), and receive
 * hooks for the interface's discovery and session packets. IP, and the
 * kernel's own pppoe.ko, go on as before beside it. The adapter goes with
 * adapter-del, with the interface (NETDEV_UNREGISTER, a namespace move
 * included) or with the module, every call torn down first.
 *
 * Discovery packets wait in the adapter's queue (PPPOE_RXQ_MAX at most:
 * a flood costs a bounded queue and its drop counter) for the call
 * manager's workqueue; session packets go to their VC from softirq.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/utsname.h>
#include <linux/condis.h>
#include <net/net_namespace.h>
#include "bind.h"
#include "cm.h"
#include "discovery.h"
#include "miniport.h"

static char *ac_name;
module_param(ac_name, charp, 0644);
MODULE_PARM_DESC(ac_name, "the AC-Name of the adapters bound from now on without one of their own (default: the host name)");

static LIST_HEAD(pppoe_adapters);
static DEFINE_MUTEX(pppoe_lock);	/* pppoe_adapters */
static struct workqueue_struct *pppoe_unplug_wq;
static struct condis_link_ops pppoe_link_ops;	/* the kind: at the end */

/* ---- receiving ------------------------------------------------------------------- */

/* What no PPPoE station sends: from a group address, or to another host. */
static bool pppoe_rx_filter(struct pppoe_adapter *pa, struct sk_buff *skb, bool bcast_ok)
{
	if (skb->pkt_type == PACKET_OTHERHOST)
		return false;
	if ((skb->pkt_type != PACKET_HOST && !(bcast_ok && skb->pkt_type == PACKET_BROADCAST)) ||
	    !is_valid_ether_addr(eth_hdr(skb)->h_source)) {
		condis_adapter_count_drop(pa->adapter, CONDIS_DROP_NOT_UNICAST);
		return false;
	}
	return true;
}

static int pppoe_disc_rcv(struct sk_buff *skb, struct net_device *dev,
			  struct packet_type *pt, struct net_device *orig_dev)
{
	struct pppoe_adapter *pa = pt->af_packet_priv;
	bool full;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	/* (a PADI comes broadcast: the access concentrator's side will take it) */
	if (!pppoe_rx_filter(pa, skb, true) || skb_linearize(skb))
		goto drop;
	spin_lock(&pa->rxq.lock);
	full = skb_queue_len(&pa->rxq) >= PPPOE_RXQ_MAX;
	if (!full)
		__skb_queue_tail(&pa->rxq, skb);
	spin_unlock(&pa->rxq.lock);
	if (full) {
		condis_adapter_count_drop(pa->adapter, CONDIS_DROP_OVERLOAD);
		goto drop;
	}
	queue_work(pppoe_wq, &pa->rx_work);
	return NET_RX_SUCCESS;
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

static int pppoe_sess_rcv(struct sk_buff *skb, struct net_device *dev,
			  struct packet_type *pt, struct net_device *orig_dev)
{
	struct pppoe_adapter *pa = pt->af_packet_priv;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	if (!pppoe_rx_filter(pa, skb, false)) {
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	pppoe_rx_session(pa, skb);
	return NET_RX_SUCCESS;
}

/* The call manager takes the discovery packets, in order (pppoe_wq). */
static void pppoe_rx_work(struct work_struct *work)
{
	struct pppoe_adapter *pa = container_of(work, struct pppoe_adapter, rx_work);
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&pa->rxq))) {
		pppoe_rx_disc(pa, skb);
		consume_skb(skb);
	}
}

/* ---- binding ------------------------------------------------------------------------ */

static struct pppoe_adapter *pppoe_find_dev(const struct net_device *dev)
{
	struct pppoe_adapter *pa;

	list_for_each_entry(pa, &pppoe_adapters, node)
		if (pa->dev == dev)
			return pa;
	return NULL;
}

static void pppoe_hook(struct pppoe_adapter *pa, struct packet_type *pt, u16 type,
		       int (*func)(struct sk_buff *, struct net_device *,
				   struct packet_type *, struct net_device *))
{
	pt->type = htons(type);
	pt->dev = pa->dev;
	pt->func = func;
	pt->af_packet_priv = pa;
	dev_add_pack(pt);
}

static int pppoe_bind(struct net_device *dev, const char *name,
		      struct netlink_ext_ack *extack, struct pppoe_adapter **out)
{
	struct pppoe_adapter *pa;
	int ret;

	if (dev->type != ARPHRD_ETHER || (dev->flags & IFF_LOOPBACK)) {
		NL_SET_ERR_MSG(extack, "not an Ethernet interface");
		return -EOPNOTSUPP;
	}
	if (dev->reg_state != NETREG_REGISTERED) {
		NL_SET_ERR_MSG(extack, "the interface is going away");
		return -ENODEV;
	}
	if (pppoe_find_dev(dev)) {
		NL_SET_ERR_MSG(extack, "a PPPoE adapter is bound to this interface already");
		return -EBUSY;
	}
	pa = kzalloc(sizeof(*pa), GFP_KERNEL_ACCOUNT);
	if (!pa)
		return -ENOMEM;
	pa->dev = dev;
	skb_queue_head_init(&pa->rxq);
	INIT_WORK(&pa->rx_work, pppoe_rx_work);
	INIT_LIST_HEAD(&pa->calls);
	INIT_LIST_HEAD(&pa->saps);
	kernel_param_lock(THIS_MODULE);
	if (!name)
		name = ac_name && *ac_name ? ac_name : utsname()->nodename;
	strscpy(pa->ac_name, name, sizeof(pa->ac_name));
	kernel_param_unlock(THIS_MODULE);
	/* (a name written with echo ends in a newline: not part of it) */
	pa->ac_name_len = strcspn(pa->ac_name, "\n");
	pa->ac_name[pa->ac_name_len] = '\0';
	get_random_bytes(&pa->cookie_key, sizeof(pa->cookie_key));
	xa_init(&pa->ports);
	spin_lock_init(&pa->lock);
	hash_init(pa->sessions);
	pa->carrier = netif_running(dev) && netif_carrier_ok(dev);
	ret = condis_miniport_register(dev_net(dev), dev->name, &pppoe_miniport_ops, pa,
				       &pa->adapter);
	if (ret)
		goto err_free;
	ret = condis_mcm_register_af(pa->adapter, CONDIS_AF_TYPE_PPPOE, &pppoe_cm_ops, pa,
				     &pa->cm);
	if (ret)
		goto err_mp;
	condis_adapter_set_link(pa->adapter, &pppoe_link_ops, dev->ifindex);
	netdev_hold(dev, &pa->dev_tracker, GFP_KERNEL);
	pppoe_hook(pa, &pa->disc_pt, ETH_P_PPP_DISC, pppoe_disc_rcv);
	pppoe_hook(pa, &pa->sess_pt, ETH_P_PPP_SES, pppoe_sess_rcv);
	list_add_tail(&pa->node, &pppoe_adapters);
	*out = pa;
	return 0;

err_mp:
	condis_miniport_unregister(pa->adapter);
err_free:
	kfree(pa);
	NL_SET_ERR_MSG(extack, "cannot register the adapter with condis");
	return ret;
}

/* Nothing more from the interface (RTNL held, or the adapter is unlisted). */
static void pppoe_unhook(struct pppoe_adapter *pa)
{
	dev_remove_pack(&pa->disc_pt);
	dev_remove_pack(&pa->sess_pt);	/* no receive runs after this */
}

/* Tear an adapter down (it left pppoe_adapters already). */
static void pppoe_unbind(struct pppoe_adapter *pa)
{
	if (!pa->unplugged)
		pppoe_unhook(pa);
	cancel_work_sync(&pa->rx_work);
	skb_queue_purge(&pa->rxq);
	pppoe_disc_shutdown(pa);		/* no waiting for the wire */
	condis_cm_unregister(pa->cm);		/* closes every call and AF */
	condis_miniport_unregister(pa->adapter);
	flush_workqueue(pppoe_wq);		/* the VCs' contexts go */
	WARN_ON(!xa_empty(&pa->ports));
	xa_destroy(&pa->ports);
	netdev_put(pa->dev, &pa->dev_tracker);
	kfree(pa);
}

static int pppoe_newlink(struct net *net, const struct condis_link_req *req,
			 struct netlink_ext_ack *extack, u32 *id)
{
	struct pppoe_adapter *pa;
	struct net_device *dev;
	int ret;

	dev = dev_get_by_index(net, req->ifindex);
	if (!dev) {
		NL_SET_ERR_MSG(extack, "no interface with this index in this network namespace");
		return -ENODEV;
	}
	mutex_lock(&pppoe_lock);
	ret = pppoe_bind(dev, req->ac_name, extack, &pa);
	if (!ret)
		*id = condis_handle_id(pa->adapter);
	mutex_unlock(&pppoe_lock);
	dev_put(dev);
	return ret;
}

static int pppoe_dellink(struct condis_adapter *adapter, struct netlink_ext_ack *extack)
{
	struct pppoe_adapter *pa, *found = NULL;

	mutex_lock(&pppoe_lock);
	list_for_each_entry(pa, &pppoe_adapters, node)
		if (pa->adapter == adapter) {
			list_del(&pa->node);
			found = pa;
			break;
		}
	mutex_unlock(&pppoe_lock);
	if (!found) {
		NL_SET_ERR_MSG(extack, "the adapter is going away already");
		return -ENODEV;
	}
	pppoe_unbind(found);
	return 0;
}

static struct condis_link_ops pppoe_link_ops = {
	.kind = "pppoe",
	.owner = THIS_MODULE,
	.ac_name = true,
	.newlink = pppoe_newlink,
	.dellink = pppoe_dellink,
};

/* ---- following the interface ------------------------------------------------------------- */

static void pppoe_unplug_work(struct work_struct *work)
{
	pppoe_unbind(container_of(work, struct pppoe_adapter, unplug));
}

/* The interface goes (RTNL held): off it now, the teardown after. */
static void pppoe_unplug(struct pppoe_adapter *pa)
{
	ASSERT_RTNL();
	WRITE_ONCE(pa->unplugged, true);
	pppoe_unhook(pa);
	INIT_WORK(&pa->unplug, pppoe_unplug_work);
	queue_work(pppoe_unplug_wq, &pa->unplug);
}

static int pppoe_netdev_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct pppoe_adapter *pa;
	bool carrier;

	switch (event) {
	case NETDEV_UNREGISTER:
		mutex_lock(&pppoe_lock);
		pa = pppoe_find_dev(dev);
		if (pa)
			list_del(&pa->node);
		mutex_unlock(&pppoe_lock);
		if (pa)
			pppoe_unplug(pa);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		mutex_lock(&pppoe_lock);
		pa = pppoe_find_dev(dev);
		carrier = netif_running(dev) && netif_carrier_ok(dev);
		if (pa && pa->carrier != carrier) {
			pa->carrier = carrier;
			condis_mco_indicate_status(pa->adapter, NULL, carrier ? 0 : -ENOLINK,
						   NULL, 0);
		}
		mutex_unlock(&pppoe_lock);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block pppoe_netdev_nb = {
	.notifier_call = pppoe_netdev_event,
};

int pppoe_bind_init(void)
{
	int ret;

	pppoe_unplug_wq = alloc_workqueue("condis_pppoe_unplug", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	if (!pppoe_unplug_wq)
		return -ENOMEM;
	ret = register_netdevice_notifier(&pppoe_netdev_nb);
	if (ret)
		goto err_wq;
	ret = condis_link_register(&pppoe_link_ops);
	if (ret)
		goto err_notifier;
	return 0;
err_notifier:
	unregister_netdevice_notifier(&pppoe_netdev_nb);
err_wq:
	destroy_workqueue(pppoe_unplug_wq);
	return ret;
}

/*
 * Module unload: no new binding, then every adapter goes, its sessions
 * ended on the wire; then the notifier (whose unregistration replays
 * NETDEV_UNREGISTER for every interface: it would unplug them first).
 */
void pppoe_bind_exit(void)
{
	struct pppoe_adapter *pa;

	condis_link_unregister(&pppoe_link_ops);
	for (;;) {
		mutex_lock(&pppoe_lock);
		pa = list_first_entry_or_null(&pppoe_adapters, struct pppoe_adapter, node);
		if (pa)
			list_del(&pa->node);
		mutex_unlock(&pppoe_lock);
		if (!pa)
			break;
		pppoe_unbind(pa);
	}
	unregister_netdevice_notifier(&pppoe_netdev_nb);
	destroy_workqueue(pppoe_unplug_wq);	/* the unplugged ones go too */
	rcu_barrier();				/* ports freed after RCU */
}
