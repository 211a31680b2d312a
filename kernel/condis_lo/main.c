// SPDX-License-Identifier: GPL-2.0
/*
 * condis_lo: module init and exit, and the adapter of each network
 * namespace (registered when the namespace appears, torn down in contract
 * order when it goes or the module is unloaded).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/condis.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include "lo.h"

struct workqueue_struct *lo_wq;
static unsigned int lo_net_id __read_mostly;

static int __net_init lo_net_init(struct net *net)
{
	struct lo_dev *dev = net_generic(net, lo_net_id);
	int ret;

	xa_init(&dev->ports);
	spin_lock_init(&dev->lock);
	INIT_LIST_HEAD(&dev->saps);
	ret = condis_miniport_register(net, "lo", &lo_miniport_ops, dev, &dev->adapter);
	if (ret)
		return ret;
	ret = condis_mcm_register_af(dev->adapter, CONDIS_AF_TYPE_LOOPBACK, &lo_cm_ops,
				     dev, &dev->cm);
	if (ret)
		condis_miniport_unregister(dev->adapter);
	return ret;
}

static void __net_exit lo_net_exit(struct net *net)
{
	struct lo_dev *dev = net_generic(net, lo_net_id);

	WRITE_ONCE(dev->going, true);
	condis_cm_unregister(dev->cm);		/* closes every call and AF */
	condis_miniport_unregister(dev->adapter);
	flush_workqueue(lo_wq);
	WARN_ON(!xa_empty(&dev->ports));
	xa_destroy(&dev->ports);
}

static struct pernet_operations lo_net_ops = {
	.init = lo_net_init,
	.exit = lo_net_exit,
	.id = &lo_net_id,
	.size = sizeof(struct lo_dev),
};

static int __init lo_init(void)
{
	int ret;

	lo_wq = alloc_ordered_workqueue("condis_lo", WQ_MEM_RECLAIM);
	if (!lo_wq)
		return -ENOMEM;
	ret = register_pernet_subsys(&lo_net_ops);
	if (ret)
		destroy_workqueue(lo_wq);
	return ret;
}

static void __exit lo_exit(void)
{
	unregister_pernet_subsys(&lo_net_ops);
	destroy_workqueue(lo_wq);
}

module_init(lo_init);
module_exit(lo_exit);
MODULE_DESCRIPTION("condis loopback adapter with an integrated call manager");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
