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
 * included) or with the module, every call torn down first (the binding
 * and the following are condis's, <net/condis_ifbind.h>).
 *
 * Discovery packets wait in the adapter's queue (PPPOE_RXQ_MAX at most:
 * a flood costs a bounded queue and its drop counter) for the call
 * manager's workqueue; session packets go to their VC from softirq.
 */
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/random.h>
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

static struct condis_ifbinds pppoe_binds;	/* the adapters */
static struct condis_link_ops pppoe_link_ops;	/* the kind: at the end */

/* ---- receiving ------------------------------------------------------------------- */

/* What no PPPoE station sends: from a group address, or to another host. */
static bool pppoe_rx_filter(struct pppoe_adapter *pa, struct sk_buff *skb, bool bcast_ok)
{
	if (skb->pkt_type == PACKET_OTHERHOST)
		return false;
	if ((skb->pkt_type != PACKET_HOST && !(bcast_ok && skb->pkt_type == PACKET_BROADCAST)) ||
	    !is_valid_ether_addr(eth_hdr(skb)->h_source)) {
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_NOT_UNICAST);
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
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_OVERLOAD);
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

static void pppoe_hook(struct pppoe_adapter *pa, struct packet_type *pt, u16 type,
		       int (*func)(struct sk_buff *, struct net_device *,
				   struct packet_type *, struct net_device *))
{
	pt->type = htons(type);
	pt->dev = pa->b.dev;
	pt->func = func;
	pt->af_packet_priv = pa;
	dev_add_pack(pt);
}

/* Bind an adapter to @dev with AC-Name @arg, or the default (pppoe_binds' lock held). */
static struct condis_ifbind *pppoe_bind(struct net_device *dev, const void *arg,
					struct netlink_ext_ack *extack)
{
	const char *name = arg;
	struct pppoe_adapter *pa;
	int ret;

	pa = kzalloc(sizeof(*pa), GFP_KERNEL_ACCOUNT);
	if (!pa)
		return ERR_PTR(-ENOMEM);
	pa->b.dev = dev;
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
	ret = condis_miniport_register(dev_net(dev), dev->name, &pppoe_miniport_ops, pa,
				       &pa->b.adapter);
	if (ret)
		goto err_free;
	ret = condis_mcm_register_af(pa->b.adapter, CONDIS_AF_TYPE_PPPOE, &pppoe_cm_ops, pa,
				     &pa->cm);
	if (ret)
		goto err_mp;
	condis_adapter_set_link(pa->b.adapter, &pppoe_link_ops, dev->ifindex);
	pppoe_hook(pa, &pa->disc_pt, ETH_P_PPP_DISC, pppoe_disc_rcv);
	pppoe_hook(pa, &pa->sess_pt, ETH_P_PPP_SES, pppoe_sess_rcv);
	return &pa->b;

err_mp:
	condis_miniport_unregister(pa->b.adapter);
err_free:
	kfree(pa);
	NL_SET_ERR_MSG(extack, "cannot register the adapter with condis");
	return ERR_PTR(ret);
}

/* Nothing more from the interface (RTNL held, or the adapter is unlisted). */
static void pppoe_unhook(struct condis_ifbind *b)
{
	struct pppoe_adapter *pa = pppoe_of(b);

	dev_remove_pack(&pa->disc_pt);
	dev_remove_pack(&pa->sess_pt);	/* no receive runs after this */
}

/* Tear an adapter down (it left pppoe_binds already). */
static void pppoe_unbind(struct condis_ifbind *b)
{
	struct pppoe_adapter *pa = pppoe_of(b);

	if (!b->unplugged)
		pppoe_unhook(b);
	cancel_work_sync(&pa->rx_work);
	skb_queue_purge(&pa->rxq);
	pppoe_disc_shutdown(pa);		/* no waiting for the wire */
	condis_cm_unregister(pa->cm);		/* closes every call and AF */
	condis_miniport_unregister(b->adapter);
	flush_workqueue(pppoe_wq);		/* the VCs' contexts go */
	WARN_ON(!xa_empty(&pa->ports));
	xa_destroy(&pa->ports);
}

static void pppoe_free(struct condis_ifbind *b)
{
	kfree(pppoe_of(b));
}

static const struct condis_ifbinds_ops pppoe_binds_ops = {
	.bind = pppoe_bind,
	.unhook = pppoe_unhook,
	.unbind = pppoe_unbind,
	.free = pppoe_free,
};

static int pppoe_newlink(struct net *net, const struct condis_link_req *req,
			 struct netlink_ext_ack *extack, u32 *id)
{
	return condis_ifbind_bind(&pppoe_binds, net, req->ifindex, req->ac_name,
				  extack, id);
}

static int pppoe_dellink(struct condis_adapter *adapter, struct netlink_ext_ack *extack)
{
	return condis_ifbind_unbind(&pppoe_binds, adapter, extack);
}

static struct condis_link_ops pppoe_link_ops = {
	.kind = "pppoe",
	.owner = THIS_MODULE,
	.ac_name = true,
	.newlink = pppoe_newlink,
	.dellink = pppoe_dellink,
};

int pppoe_bind_init(void)
{
	return condis_ifbinds_init(&pppoe_binds, "condis_pppoe_unplug", &pppoe_binds_ops, &pppoe_link_ops);
}

/* Module unload: no new binding, then every adapter goes, its sessions ended on the wire. */
void pppoe_bind_exit(void)
{
	condis_ifbinds_exit(&pppoe_binds);
}
