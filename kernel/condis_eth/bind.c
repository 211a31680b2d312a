// SPDX-License-Identifier: GPL-2.0
/*
 * condis_eth: binding adapters to interfaces and following them.
 *
 * adapter-new binds an adapter to an Ethernet interface of the caller's
 * namespace: a condis miniport, the signalling engine registered as its
 * integrated call manager (address family "ethernet") and a receive hook
 * for condis frames; IP and everything else on the interface go on as
 * before. The adapter goes with adapter-del, with the interface
 * (NETDEV_UNREGISTER, a namespace move included) or with the module,
 * every call torn down in contract order first. Carrier changes are
 * indicated to the clients as status (-ENOLINK, then 0).
 *
 * An interface that goes takes the adapter off at once (no frame either
 * way), under RTNL; the teardown, minutes with ten thousand calls, runs
 * after, on eth_unplug_wq: the unregistration waits for the adapter's
 * reference on the interface without RTNL (netdev_run_todo()).
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/condis.h>
#include <net/net_namespace.h>
#include "bind.h"
#include "eth.h"
#include "miniport.h"

static LIST_HEAD(eth_adapters);
static DEFINE_MUTEX(eth_lock);	/* eth_adapters */
static struct workqueue_struct *eth_unplug_wq;
static struct condis_link_ops eth_link_ops;	/* the kind: at the end */

/* ---- the engine's transport: signalling straight onto the wire ---------------- */

static int eth_sig_xmit(void *ctx, const u8 *dst, struct sk_buff *skb)
{
	return eth_xmit_frame(ctx, dst, skb);
}

static const struct condis_sig_transport eth_transport = {
	.xmit = eth_sig_xmit,
	.program = eth_program,
};

/* ---- receiving ------------------------------------------------------------------- */

static int eth_rcv(struct sk_buff *skb, struct net_device *dev,
		   struct packet_type *pt, struct net_device *orig_dev)
{
	struct eth_adapter *ea = pt->af_packet_priv;
	const struct condis_wire_hdr *h;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	if (skb->pkt_type == PACKET_OTHERHOST)
		goto drop;
	/* nothing condis sends goes to a group, or comes from one */
	if (skb->pkt_type != PACKET_HOST || !is_valid_ether_addr(eth_hdr(skb)->h_source)) {
		condis_adapter_count_drop(ea->adapter, CONDIS_DROP_NOT_UNICAST);
		goto drop;
	}
	if (!pskb_may_pull(skb, sizeof(*h)))
		goto malformed;
	h = (const struct condis_wire_hdr *)skb->data;
	if (h->version != CONDIS_WIRE_VERSION)
		goto malformed;
	if (h->type == CONDIS_MSG_DATA) {
		u32 label = ntohl(h->ref), token = ntohl(h->token);

		skb_pull(skb, sizeof(*h));
		eth_rx_data(ea, label, token, skb);
	} else if (ea->sig) {
		condis_sig_rx(ea->sig, eth_hdr(skb)->h_source, skb);
	} else {
		eth_rx_signalling(ea, skb);	/* a stand-alone CM's */
	}
	return NET_RX_SUCCESS;
malformed:
	condis_adapter_count_drop(ea->adapter, CONDIS_DROP_MALFORMED);
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

/* ---- binding ------------------------------------------------------------------------ */

static struct eth_adapter *eth_find_dev(const struct net_device *dev)
{
	struct eth_adapter *ea;

	list_for_each_entry(ea, &eth_adapters, node)
		if (ea->dev == dev)
			return ea;
	return NULL;
}

/*
 * Bind an adapter to @dev: with the integrated call manager, or (@hook set)
 * for a stand-alone CM that registers its own AF. @link: the kind
 * adapter-del goes to.
 */
static int eth_bind(struct net_device *dev, struct condis_link_ops *link,
		    const struct condis_eth_hook *hook, void *hook_ctx,
		    struct netlink_ext_ack *extack, struct eth_adapter **out)
{
	struct eth_adapter *ea;
	int ret;

	if (dev->type != ARPHRD_ETHER || (dev->flags & IFF_LOOPBACK)) {
		NL_SET_ERR_MSG(extack, "not an Ethernet interface");
		return -EOPNOTSUPP;
	}
	if (dev->reg_state != NETREG_REGISTERED) {
		NL_SET_ERR_MSG(extack, "the interface is going away");
		return -ENODEV;
	}
	if (eth_find_dev(dev)) {
		NL_SET_ERR_MSG(extack, "an adapter is bound to this interface already");
		return -EBUSY;
	}
	ea = kzalloc(sizeof(*ea), GFP_KERNEL_ACCOUNT);
	if (!ea)
		return -ENOMEM;
	ea->dev = dev;
	ea->hook = hook;
	ea->hook_ctx = hook_ctx;
	xa_init(&ea->ports);
	xa_init(&ea->labels);
	skb_queue_head_init(&ea->backlog);
	timer_setup(&ea->tx_timer, eth_tx_timer, 0);
	ea->carrier = netif_carrier_ok(dev);
	ret = -ENOMEM;
	if (!hook) {
		ea->sig = condis_sig_create(dev->name, dev->dev_addr, true, &eth_transport, ea);
		if (!ea->sig)
			goto err_free;
		condis_sig_set_max_sdu(ea->sig, dev->mtu - sizeof(struct condis_wire_hdr));
	}
	ret = condis_miniport_register(dev_net(dev), dev->name, &eth_miniport_ops, ea,
				       &ea->adapter);
	if (ret)
		goto err_sig;
	if (!hook) {
		condis_sig_set_adapter(ea->sig, ea->adapter);
		ret = condis_mcm_register_af(ea->adapter, CONDIS_AF_TYPE_ETHERNET,
					     &condis_sig_cm_ops, ea->sig, &ea->cm);
		if (ret)
			goto err_mp;
	}
	condis_adapter_set_link(ea->adapter, link, dev->ifindex);
	netdev_hold(dev, &ea->dev_tracker, GFP_KERNEL);
	ea->pt.type = htons(ETH_P_CONDIS);
	ea->pt.dev = dev;
	ea->pt.func = eth_rcv;
	ea->pt.af_packet_priv = ea;
	dev_add_pack(&ea->pt);
	list_add_tail(&ea->node, &eth_adapters);
	*out = ea;
	return 0;

err_mp:
	condis_miniport_unregister(ea->adapter);
err_sig:
	if (ea->sig)
		condis_sig_destroy(ea->sig);
err_free:
	kfree(ea);
	NL_SET_ERR_MSG(extack, "cannot register the adapter with condis");
	return ret;
}

/* Tear an adapter down (it left eth_adapters already). */
static void eth_unbind(struct eth_adapter *ea)
{
	if (ea->hook) {
		ea->hook->unbind(ea->hook_ctx);	/* the stand-alone CM goes */
	} else {
		condis_sig_shutdown(ea->sig);	/* no waiting for the wire */
		condis_cm_unregister(ea->cm);	/* closes every call and AF */
	}
	condis_miniport_unregister(ea->adapter);
	if (!ea->unplugged)
		dev_remove_pack(&ea->pt);	/* no receive runs after this */
	del_timer_sync(&ea->tx_timer);
	WARN_ON(!skb_queue_empty(&ea->backlog));
	skb_queue_purge(&ea->backlog);
	if (ea->sig)
		condis_sig_destroy(ea->sig);
	WARN_ON(!xa_empty(&ea->ports));
	xa_destroy(&ea->ports);
	xa_destroy(&ea->labels);
	netdev_put(ea->dev, &ea->dev_tracker);
	kfree(ea);
}

/**
 * condis_eth_bind - bind an adapter for a stand-alone call manager
 * @net: the namespace of the interface
 * @ifindex: the interface
 * @link: the CM's link kind (adapter-del goes to it)
 * @hook: called when the adapter goes, before the miniport does
 * @ctx: for @hook
 * @extack: for errors
 * @adapter: receives the adapter handle
 * @mac: receives the interface's address (ETH_ALEN bytes)
 * @name: receives the interface's name (IFNAMSIZ bytes)
 * @max_sdu: receives the largest client frame the link carries
 *
 * The adapter has no AF: the CM registers its own (condis_cm_register_af())
 * and reaches the network through a signalling VC of its own
 * (struct condis_eth_media.signalling).
 * Context: process.
 * Return: 0 or a negative errno.
 */
int condis_eth_bind(struct net *net, u32 ifindex, struct condis_link_ops *link,
		    const struct condis_eth_hook *hook, void *ctx,
		    struct netlink_ext_ack *extack, struct condis_adapter **adapter,
		    u8 *mac, char *name, u32 *max_sdu)
{
	struct eth_adapter *ea;
	struct net_device *dev;
	int ret;

	dev = dev_get_by_index(net, ifindex);
	if (!dev) {
		NL_SET_ERR_MSG(extack, "no interface with this index in this network namespace");
		return -ENODEV;
	}
	mutex_lock(&eth_lock);
	ret = eth_bind(dev, link ?: &eth_link_ops, hook, ctx, extack, &ea);
	if (!ret) {
		*adapter = ea->adapter;
		if (mac)
			ether_addr_copy(mac, dev->dev_addr);
		if (name)
			strscpy(name, dev->name, IFNAMSIZ);
		if (max_sdu)
			*max_sdu = dev->mtu - sizeof(struct condis_wire_hdr);
	}
	mutex_unlock(&eth_lock);
	dev_put(dev);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_eth_bind);

static int eth_newlink(struct net *net, const struct condis_link_req *req,
		       struct netlink_ext_ack *extack, u32 *id)
{
	struct condis_adapter *adapter;
	int ret;

	ret = condis_eth_bind(net, req->ifindex, &eth_link_ops, NULL, NULL, extack, &adapter,
			      NULL, NULL, NULL);
	if (!ret)
		*id = condis_handle_id(adapter);
	return ret;
}

/**
 * condis_eth_unbind - unbind an adapter condis_eth bound
 * @adapter: its handle
 * @extack: for errors
 *
 * Context: process.
 * Return: 0, or -ENODEV when it is going already.
 */
int condis_eth_unbind(struct condis_adapter *adapter, struct netlink_ext_ack *extack)
{
	struct eth_adapter *ea, *found = NULL;

	mutex_lock(&eth_lock);
	list_for_each_entry(ea, &eth_adapters, node)
		if (ea->adapter == adapter) {
			list_del(&ea->node);
			found = ea;
			break;
		}
	mutex_unlock(&eth_lock);
	if (!found) {
		NL_SET_ERR_MSG(extack, "the adapter is going away already");
		return -ENODEV;
	}
	eth_unbind(found);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_eth_unbind);

static struct condis_link_ops eth_link_ops = {
	.kind = "ethernet",
	.owner = THIS_MODULE,
	.newlink = eth_newlink,
	.dellink = condis_eth_unbind,
};

/* ---- following the interface ------------------------------------------------------------- */

static void eth_unplug_work(struct work_struct *work)
{
	eth_unbind(container_of(work, struct eth_adapter, unplug));
}

/* The interface goes (RTNL held): off it now, the teardown after. */
static void eth_unplug(struct eth_adapter *ea)
{
	ASSERT_RTNL();
	WRITE_ONCE(ea->unplugged, true);
	dev_remove_pack(&ea->pt);	/* no receive runs after this */
	INIT_WORK(&ea->unplug, eth_unplug_work);
	queue_work(eth_unplug_wq, &ea->unplug);
}

static int eth_netdev_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct eth_adapter *ea;
	bool carrier;

	switch (event) {
	case NETDEV_UNREGISTER:
		mutex_lock(&eth_lock);
		ea = eth_find_dev(dev);
		if (ea)
			list_del(&ea->node);
		mutex_unlock(&eth_lock);
		if (ea)
			eth_unplug(ea);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		mutex_lock(&eth_lock);
		ea = eth_find_dev(dev);
		carrier = netif_running(dev) && netif_carrier_ok(dev);
		if (ea && ea->carrier != carrier) {
			ea->carrier = carrier;
			condis_mco_indicate_status(ea->adapter, NULL, carrier ? 0 : -ENOLINK,
						   NULL, 0);
		}
		mutex_unlock(&eth_lock);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block eth_netdev_nb = {
	.notifier_call = eth_netdev_event,
};

int eth_bind_init(void)
{
	int ret;

	/* a namespace's teardown waits for it: memory reclaim may, too */
	eth_unplug_wq = alloc_workqueue("condis_eth_unplug", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	if (!eth_unplug_wq)
		return -ENOMEM;
	ret = register_netdevice_notifier(&eth_netdev_nb);
	if (ret)
		goto err_wq;
	ret = condis_link_register(&eth_link_ops);
	if (ret)
		goto err_notifier;
	return 0;
err_notifier:
	unregister_netdevice_notifier(&eth_netdev_nb);
err_wq:
	destroy_workqueue(eth_unplug_wq);
	return ret;
}

/* Module unload: no new binding, then every adapter goes. */
void eth_bind_exit(void)
{
	struct eth_adapter *ea;

	condis_link_unregister(&eth_link_ops);
	unregister_netdevice_notifier(&eth_netdev_nb);
	for (;;) {
		mutex_lock(&eth_lock);
		ea = list_first_entry_or_null(&eth_adapters, struct eth_adapter, node);
		if (ea)
			list_del(&ea->node);
		mutex_unlock(&eth_lock);
		if (!ea)
			break;
		eth_unbind(ea);
	}
	destroy_workqueue(eth_unplug_wq);	/* the unplugged ones go first */
	rcu_barrier();			/* ports and destinations freed after RCU */
}
