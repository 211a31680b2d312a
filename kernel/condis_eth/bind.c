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
 * The binding and the following are condis's (<net/condis_ifbind.h>).
 */
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <linux/condis.h>
#include <net/net_namespace.h>
#include "bind.h"
#include "eth.h"
#include "miniport.h"

static struct condis_ifbinds eth_binds;	/* the adapters */
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
		condis_adapter_count_drop(ea->b.adapter, CONDIS_DROP_NOT_UNICAST);
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
	condis_adapter_count_drop(ea->b.adapter, CONDIS_DROP_MALFORMED);
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

/* ---- binding ------------------------------------------------------------------------ */

/**
 * struct eth_bind_args - what condis_eth_bind() asks and learns
 * @link: the kind adapter-del goes to
 * @hook: a stand-alone CM's (NULL: the integrated call manager)
 * @hook_ctx: for @hook
 * @adapter: receives the adapter's handle
 * @mac: receives the interface's address, or NULL
 * @name: receives the interface's name, or NULL
 * @max_sdu: receives the largest client frame the link carries, or NULL
 */
struct eth_bind_args {
	struct condis_link_ops *link;
	const struct condis_eth_hook *hook;
	void *hook_ctx;
	struct condis_adapter **adapter;
	u8 *mac;
	char *name;
	u32 *max_sdu;
};

/* Bind an adapter to @dev (eth_binds' lock held). */
static struct condis_ifbind *eth_bind(struct net_device *dev, const void *arg,
				      struct netlink_ext_ack *extack)
{
	const struct eth_bind_args *a = arg;
	struct eth_adapter *ea;
	int ret;

	ea = kzalloc(sizeof(*ea), GFP_KERNEL_ACCOUNT);
	if (!ea)
		return ERR_PTR(-ENOMEM);
	ea->b.dev = dev;
	ea->hook = a->hook;
	ea->hook_ctx = a->hook_ctx;
	xa_init(&ea->ports);
	xa_init(&ea->labels);
	skb_queue_head_init(&ea->backlog);
	timer_setup(&ea->tx_timer, eth_tx_timer, 0);
	ret = -ENOMEM;
	if (!ea->hook) {
		ea->sig = condis_sig_create(dev->name, dev->dev_addr, true, &eth_transport, ea);
		if (!ea->sig)
			goto err_free;
		condis_sig_set_max_sdu(ea->sig, dev->mtu - sizeof(struct condis_wire_hdr));
	}
	ret = condis_miniport_register(dev_net(dev), dev->name, &eth_miniport_ops, ea,
				       &ea->b.adapter);
	if (ret)
		goto err_sig;
	if (!ea->hook) {
		condis_sig_set_adapter(ea->sig, ea->b.adapter);
		ret = condis_mcm_register_af(ea->b.adapter, CONDIS_AF_TYPE_ETHERNET,
					     &condis_sig_cm_ops, ea->sig, &ea->cm);
		if (ret)
			goto err_mp;
	}
	condis_adapter_set_link(ea->b.adapter, a->link, dev->ifindex);
	ea->pt.type = htons(ETH_P_CONDIS);
	ea->pt.dev = dev;
	ea->pt.func = eth_rcv;
	ea->pt.af_packet_priv = ea;
	dev_add_pack(&ea->pt);
	if (a->adapter)
		*a->adapter = ea->b.adapter;
	if (a->mac)
		ether_addr_copy(a->mac, dev->dev_addr);
	if (a->name)
		strscpy(a->name, dev->name, IFNAMSIZ);
	if (a->max_sdu)
		*a->max_sdu = dev->mtu - sizeof(struct condis_wire_hdr);
	return &ea->b;

err_mp:
	condis_miniport_unregister(ea->b.adapter);
err_sig:
	if (ea->sig)
		condis_sig_destroy(ea->sig);
err_free:
	kfree(ea);
	NL_SET_ERR_MSG(extack, "cannot register the adapter with condis");
	return ERR_PTR(ret);
}

/* The interface goes (RTNL held). */
static void eth_unhook(struct condis_ifbind *b)
{
	dev_remove_pack(&eth_of(b)->pt);	/* no receive runs after this */
}

/* Tear an adapter down (it left eth_binds already). */
static void eth_unbind(struct condis_ifbind *b)
{
	struct eth_adapter *ea = eth_of(b);

	if (ea->hook) {
		ea->hook->unbind(ea->hook_ctx);	/* the stand-alone CM goes */
	} else {
		condis_sig_shutdown(ea->sig);	/* no waiting for the wire */
		condis_cm_unregister(ea->cm);	/* closes every call and AF */
	}
	condis_miniport_unregister(b->adapter);
	if (!b->unplugged)
		eth_unhook(b);
	del_timer_sync(&ea->tx_timer);
	WARN_ON(!skb_queue_empty(&ea->backlog));
	skb_queue_purge(&ea->backlog);
	if (ea->sig)
		condis_sig_destroy(ea->sig);
	WARN_ON(!xa_empty(&ea->ports));
	xa_destroy(&ea->ports);
	xa_destroy(&ea->labels);
}

static void eth_free(struct condis_ifbind *b)
{
	kfree(eth_of(b));
}

static const struct condis_ifbinds_ops eth_binds_ops = {
	.bind = eth_bind,
	.unhook = eth_unhook,
	.unbind = eth_unbind,
	.free = eth_free,
};

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
	struct eth_bind_args a = {
		.link = link ?: &eth_link_ops, .hook = hook, .hook_ctx = ctx,
		.adapter = adapter, .mac = mac, .name = name, .max_sdu = max_sdu,
	};

	return condis_ifbind_bind(&eth_binds, net, ifindex, &a, extack, NULL);
}
EXPORT_SYMBOL_GPL(condis_eth_bind);

static int eth_newlink(struct net *net, const struct condis_link_req *req,
		       struct netlink_ext_ack *extack, u32 *id)
{
	struct eth_bind_args a = { .link = &eth_link_ops };

	return condis_ifbind_bind(&eth_binds, net, req->ifindex, &a, extack, id);
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
	return condis_ifbind_unbind(&eth_binds, adapter, extack);
}
EXPORT_SYMBOL_GPL(condis_eth_unbind);

static struct condis_link_ops eth_link_ops = {
	.kind = "ethernet",
	.owner = THIS_MODULE,
	.newlink = eth_newlink,
	.dellink = condis_eth_unbind,
};

int eth_bind_init(void)
{
	return condis_ifbinds_init(&eth_binds, "condis_eth_unplug", &eth_binds_ops, &eth_link_ops);
}

/* Module unload: no new binding, then every adapter goes. */
void eth_bind_exit(void)
{
	condis_ifbinds_exit(&eth_binds);
}
