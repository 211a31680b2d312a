// SPDX-License-Identifier: GPL-2.0
/*
 * Adapters bound to network interfaces on request: the miniports that can
 * do it register their kind (struct condis_link_ops); netlink adapter-new
 * and adapter-del (netlink/link.c) find them here.
 */
#include <linux/module.h>
#include "internal.h"
#include "object.h"

static LIST_HEAD(cd_links);
static DEFINE_MUTEX(cd_link_lock);

/**
 * condis_link_register - offer binding adapters to interfaces
 * @ops: the kind; stays registered until condis_link_unregister()
 *
 * Context: process.
 * Return: 0, or -EEXIST when the kind is taken.
 */
int condis_link_register(struct condis_link_ops *ops)
{
	const struct condis_link_ops *l;
	int ret = 0;

	mutex_lock(&cd_link_lock);
	list_for_each_entry(l, &cd_links, node)
		if (!strcmp(l->kind, ops->kind))
			ret = -EEXIST;
	if (!ret)
		list_add_tail(&ops->node, &cd_links);
	mutex_unlock(&cd_link_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_link_register);

/**
 * condis_link_unregister - no more binding for this kind
 * @ops: as registered
 *
 * Adapters it bound are its own to unbind (before or after this).
 * Context: process.
 */
void condis_link_unregister(struct condis_link_ops *ops)
{
	mutex_lock(&cd_link_lock);
	list_del(&ops->node);
	mutex_unlock(&cd_link_lock);
}
EXPORT_SYMBOL_GPL(condis_link_unregister);

/**
 * condis_adapter_set_link - an adapter is bound to an interface
 * @adapter: the adapter handle
 * @ops: the kind that bound it (adapter-del goes to it)
 * @ifindex: the interface
 *
 * Context: process.
 */
void condis_adapter_set_link(struct condis_adapter *adapter,
			     const struct condis_link_ops *ops, u32 ifindex)
{
	struct cd_adapter *ad = cd_lookup(adapter, struct cd_adapter, CD_ADAPTER,
					  CD_CALLER);

	if (!ad)
		return;
	mutex_lock(&cd_reg_lock);
	ad->link = ops;
	ad->ifindex = ifindex;
	mutex_unlock(&cd_reg_lock);
	cd_obj_put(&ad->o);
}
EXPORT_SYMBOL_GPL(condis_adapter_set_link);

/**
 * condis_link_get - the registered kind of this name
 * @kind: its name
 *
 * Context: process.
 * Return: the kind, with a reference on its module (module_put(->owner)
 * when done), or NULL if none is registered.
 */
struct condis_link_ops *condis_link_get(const char *kind)
{
	struct condis_link_ops *l, *found = NULL;

	mutex_lock(&cd_link_lock);
	list_for_each_entry(l, &cd_links, node)
		if (!strcmp(l->kind, kind) && try_module_get(l->owner)) {
			found = l;
			break;
		}
	mutex_unlock(&cd_link_lock);
	return found;
}
EXPORT_SYMBOL_GPL(condis_link_get);
