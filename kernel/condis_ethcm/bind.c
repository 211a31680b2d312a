// SPDX-License-Identifier: GPL-2.0
/*
 * condis_ethcm: binding (ProtocolBindAdapterEx) and unbinding.
 *
 * adapter-new kind "ethernet-cm" asks condis_eth for an adapter without a
 * call manager, registers the engine as this adapter's CM (address family
 * "ethernet", the same as the integrated one) and opens its signalling VC.
 * The adapter goes with adapter-del, with its interface, or when either
 * module unloads: condis_eth calls back first, and the CM unregisters
 * (every call closed, the signalling VC deleted with it).
 */
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <linux/condis.h>
#include <net/condis_eth.h>
#include <net/condis_sig.h>
#include "ethcm.h"

/**
 * struct ethcm - the CM on one adapter
 * @node: in ethcm_list (ethcm_lock)
 * @adapter: the adapter
 * @sig: the engine
 * @cm: its registration
 */
struct ethcm {
	struct list_head node;
	struct condis_adapter *adapter;
	struct condis_sig *sig;
	struct condis_cm *cm;
};

static LIST_HEAD(ethcm_list);
static DEFINE_MUTEX(ethcm_lock);
static struct condis_link_ops ethcm_link_ops;

/* condis_eth: the adapter goes. Unregister before the miniport does. */
static void ethcm_unbind(void *ctx)
{
	struct ethcm *ec = ctx;

	mutex_lock(&ethcm_lock);
	list_del(&ec->node);
	mutex_unlock(&ethcm_lock);
	if (ec->sig)
		condis_sig_shutdown(ec->sig);	/* no waiting for the wire */
	if (ec->cm)
		condis_cm_unregister(ec->cm);	/* calls, AFs, the signalling VC */
	if (ec->sig) {
		condis_sig_detach(ec->sig);
		condis_sig_destroy(ec->sig);
	}
	kfree(ec);
}

static const struct condis_eth_hook ethcm_hook = {
	.unbind = ethcm_unbind,
};

static int ethcm_newlink(struct net *net, const struct condis_link_req *req,
			 struct netlink_ext_ack *extack, u32 *id)
{
	char name[IFNAMSIZ];
	struct ethcm *ec;
	u8 mac[ETH_ALEN];
	u32 max_sdu;
	int ret;

	ec = kzalloc(sizeof(*ec), GFP_KERNEL_ACCOUNT);
	if (!ec)
		return -ENOMEM;
	INIT_LIST_HEAD(&ec->node);
	ret = condis_eth_bind(net, req->ifindex, &ethcm_link_ops, &ethcm_hook, ec, extack,
			      &ec->adapter, mac, name, &max_sdu);
	if (ret) {
		kfree(ec);
		return ret;
	}
	/* from here on condis_eth owns the unbinding: ethcm_unbind() frees @ec */
	ret = -ENOMEM;
	ec->sig = condis_sig_create(name, mac, false, NULL, NULL);
	if (ec->sig) {
		condis_sig_set_max_sdu(ec->sig, max_sdu);
		condis_sig_set_adapter(ec->sig, ec->adapter);
		ret = condis_cm_register_af(ec->adapter, CONDIS_AF_TYPE_ETHERNET,
					    &condis_sig_cm_ops, ec->sig, &ec->cm);
	}
	if (!ret)
		ret = condis_sig_attach(ec->sig, ec->cm);
	if (ret) {
		NL_SET_ERR_MSG(extack, "cannot start the call manager on the adapter");
		condis_eth_unbind(ec->adapter, NULL);	/* frees @ec */
		return ret;
	}
	mutex_lock(&ethcm_lock);
	list_add_tail(&ec->node, &ethcm_list);
	mutex_unlock(&ethcm_lock);
	*id = condis_handle_id(ec->adapter);
	return 0;
}

static int ethcm_dellink(struct condis_adapter *adapter, struct netlink_ext_ack *extack)
{
	return condis_eth_unbind(adapter, extack);
}

static struct condis_link_ops ethcm_link_ops = {
	.kind = "ethernet-cm",
	.owner = THIS_MODULE,
	.newlink = ethcm_newlink,
	.dellink = ethcm_dellink,
};

int ethcm_init(void)
{
	return condis_link_register(&ethcm_link_ops);
}

/* Module unload: no new binding, then every adapter of ours goes. */
void ethcm_exit(void)
{
	struct condis_adapter *adapter;
	struct ethcm *ec;

	condis_link_unregister(&ethcm_link_ops);
	for (;;) {
		mutex_lock(&ethcm_lock);
		ec = list_first_entry_or_null(&ethcm_list, struct ethcm, node);
		adapter = ec ? ec->adapter : NULL;
		mutex_unlock(&ethcm_lock);
		if (!adapter)
			break;
		/* -ENODEV: going already (its interface); ethcm_unbind() runs */
		if (condis_eth_unbind(adapter, NULL))
			msleep(20);
	}
}
