// SPDX-License-Identifier: GPL-2.0
/*
 * A miniport's adapters bound to Ethernet interfaces (<net/condis_ifbind.h>):
 * binding under the set's lock, following the interface, unbinding.
 *
 * An interface that goes takes its adapter off at once (no frame either
 * way), under RTNL; the teardown, minutes with ten thousand calls, runs
 * after, on the set's workqueue: the unregistration waits for the
 * adapter's reference on the interface without RTNL (netdev_run_todo()).
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/condis_ifbind.h>
#include <net/net_namespace.h>

static struct condis_ifbind *cd_ifbind_find(struct condis_ifbinds *set,
					    const struct net_device *dev)
{
	struct condis_ifbind *b;

	lockdep_assert_held(&set->lock);
	list_for_each_entry(b, &set->list, node)
		if (b->dev == dev)
			return b;
	return NULL;
}

static bool cd_ifbind_carrier(const struct net_device *dev)
{
	return netif_running(dev) && netif_carrier_ok(dev);
}

/* The teardown of an adapter that left the set. */
static void cd_ifbind_release(struct condis_ifbinds *set, struct condis_ifbind *b)
{
	set->ops->unbind(b);
	netdev_put(b->dev, &b->dev_tracker);
	set->ops->free(b);
}

static int cd_ifbind_add(struct condis_ifbinds *set, struct net_device *dev, const void *arg,
			 struct netlink_ext_ack *extack, u32 *id)
{
	struct condis_ifbind *b;

	if (dev->type != ARPHRD_ETHER || (dev->flags & IFF_LOOPBACK)) {
		NL_SET_ERR_MSG(extack, "not an Ethernet interface");
		return -EOPNOTSUPP;
	}
	if (dev->reg_state != NETREG_REGISTERED) {
		NL_SET_ERR_MSG(extack, "the interface is going away");
		return -ENODEV;
	}
	if (cd_ifbind_find(set, dev)) {
		NL_SET_ERR_MSG(extack, "an adapter of this kind is bound to this interface already");
		return -EBUSY;
	}
	b = set->ops->bind(dev, arg, extack);
	if (IS_ERR(b))
		return PTR_ERR(b);
	b->set = set;
	b->carrier = cd_ifbind_carrier(dev);
	netdev_hold(dev, &b->dev_tracker, GFP_KERNEL);
	list_add_tail(&b->node, &set->list);
	if (id)
		*id = condis_handle_id(b->adapter);
	return 0;
}

/**
 * condis_ifbind_bind - bind an adapter of the set to an interface
 * @set: the miniport's
 * @net: the namespace of the interface
 * @ifindex: the interface
 * @arg: for the set's ->bind()
 * @extack: for errors
 * @id: receives the adapter's id, or NULL
 *
 * Context: process.
 * Return: 0 or a negative errno (@extack says why).
 */
int condis_ifbind_bind(struct condis_ifbinds *set, struct net *net, u32 ifindex, const void *arg,
		       struct netlink_ext_ack *extack, u32 *id)
{
	struct net_device *dev;
	int ret;

	dev = dev_get_by_index(net, ifindex);
	if (!dev) {
		NL_SET_ERR_MSG(extack, "no interface with this index in this network namespace");
		return -ENODEV;
	}
	mutex_lock(&set->lock);
	ret = cd_ifbind_add(set, dev, arg, extack, id);
	mutex_unlock(&set->lock);
	dev_put(dev);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_ifbind_bind);

/**
 * condis_ifbind_unbind - unbind an adapter of the set (adapter-del)
 * @set: the miniport's
 * @adapter: the adapter's handle
 * @extack: for errors
 *
 * Every call of the adapter is torn down first.
 * Context: process.
 * Return: 0, or -ENODEV when it is going already.
 */
int condis_ifbind_unbind(struct condis_ifbinds *set, struct condis_adapter *adapter,
			 struct netlink_ext_ack *extack)
{
	struct condis_ifbind *b, *found = NULL;

	mutex_lock(&set->lock);
	list_for_each_entry(b, &set->list, node)
		if (b->adapter == adapter) {
			list_del(&b->node);
			found = b;
			break;
		}
	mutex_unlock(&set->lock);
	if (!found) {
		NL_SET_ERR_MSG(extack, "the adapter is going away already");
		return -ENODEV;
	}
	cd_ifbind_release(set, found);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_ifbind_unbind);

/* ---- following the interface ---------------------------------------------------- */

static void cd_ifbind_unplug_work(struct work_struct *work)
{
	struct condis_ifbind *b = container_of(work, struct condis_ifbind, unplug);

	cd_ifbind_release(b->set, b);
}

/* The interface goes (RTNL held): off it now, the teardown after. */
static void cd_ifbind_unplug(struct condis_ifbinds *set, struct condis_ifbind *b)
{
	ASSERT_RTNL();
	WRITE_ONCE(b->unplugged, true);
	set->ops->unhook(b);
	INIT_WORK(&b->unplug, cd_ifbind_unplug_work);
	queue_work(set->unplug_wq, &b->unplug);
}

static int cd_ifbind_netdev_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct condis_ifbinds *set = container_of(nb, struct condis_ifbinds, nb);
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct condis_ifbind *b;
	bool carrier;

	switch (event) {
	case NETDEV_UNREGISTER:
		mutex_lock(&set->lock);
		b = cd_ifbind_find(set, dev);
		if (b)
			list_del(&b->node);
		mutex_unlock(&set->lock);
		if (b)
			cd_ifbind_unplug(set, b);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		mutex_lock(&set->lock);
		b = cd_ifbind_find(set, dev);
		carrier = cd_ifbind_carrier(dev);
		if (b && b->carrier != carrier) {
			b->carrier = carrier;
			condis_mco_indicate_status(b->adapter, NULL, carrier ? 0 : -ENOLINK,
						   NULL, 0);
		}
		mutex_unlock(&set->lock);
		break;
	}
	return NOTIFY_DONE;
}

/**
 * condis_ifbinds_init - start following interfaces for a miniport
 * @set: the miniport's (zeroed, static)
 * @wq_name: the name of its teardown workqueue
 * @ops: what it does
 * @link: its link kind, registered last (binding may start then)
 *
 * Context: process.
 * Return: 0 or a negative errno.
 */
int condis_ifbinds_init(struct condis_ifbinds *set, const char *wq_name,
			const struct condis_ifbinds_ops *ops, struct condis_link_ops *link)
{
	int ret;

	set->ops = ops;
	set->link = link;
	INIT_LIST_HEAD(&set->list);
	mutex_init(&set->lock);
	/* a namespace's teardown waits for it: memory reclaim may, too */
	set->unplug_wq = alloc_workqueue("%s", WQ_UNBOUND | WQ_MEM_RECLAIM, 0, wq_name);
	if (!set->unplug_wq)
		return -ENOMEM;
	set->nb.notifier_call = cd_ifbind_netdev_event;
	ret = register_netdevice_notifier(&set->nb);
	if (ret)
		goto err_wq;
	ret = condis_link_register(link);
	if (ret)
		goto err_notifier;
	return 0;
err_notifier:
	unregister_netdevice_notifier(&set->nb);
err_wq:
	destroy_workqueue(set->unplug_wq);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_ifbinds_init);

/**
 * condis_ifbinds_exit - unbind every adapter of the set (module unload)
 * @set: as initialised
 *
 * The link kind goes first: nothing binds any more. Then every adapter
 * goes, its calls ended on the wire; then the notifier (whose
 * unregistration replays NETDEV_UNREGISTER for every interface: it would
 * unplug them first).
 * Context: process.
 */
void condis_ifbinds_exit(struct condis_ifbinds *set)
{
	struct condis_ifbind *b;

	condis_link_unregister(set->link);
	for (;;) {
		mutex_lock(&set->lock);
		b = list_first_entry_or_null(&set->list, struct condis_ifbind, node);
		if (b)
			list_del(&b->node);
		mutex_unlock(&set->lock);
		if (!b)
			break;
		cd_ifbind_release(set, b);
	}
	unregister_netdevice_notifier(&set->nb);
	destroy_workqueue(set->unplug_wq);	/* the unplugged ones go too */
	rcu_barrier();				/* what the miniport frees after RCU */
}
EXPORT_SYMBOL_GPL(condis_ifbinds_exit);
