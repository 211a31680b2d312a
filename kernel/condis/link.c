// SPDX-License-Identifier: GPL-2.0
/*
 * Adapters bound to network interfaces on request: the miniports that can
 * do it register their kind (struct condis_link_ops); netlink adapter-new
 * and adapter-del reach them here.
 */
#include <linux/kmod.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include "internal.h"
#include "netlink.h"

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

/* The kind, with a reference on its module; NULL if none. */
static struct condis_link_ops *cd_link_get(const char *kind)
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

int cd_nl_adapter_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	const char *kind = "ethernet";
	struct condis_link_ops *l;
	u32 id = 0;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_ADAPTER_IFINDEX))
		return -EINVAL;
	if (info->attrs[CONDIS_A_ADAPTER_KIND])
		kind = nla_data(info->attrs[CONDIS_A_ADAPTER_KIND]);
	l = cd_link_get(kind);
	if (!l) {
		request_module("condis-link-%s", kind);
		l = cd_link_get(kind);
	}
	if (!l) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_ADAPTER_KIND],
				    "no miniport of this kind binds to interfaces (module not loaded?)");
		return -EOPNOTSUPP;
	}
	ret = l->newlink(genl_info_net(info),
			 nla_get_u32(info->attrs[CONDIS_A_ADAPTER_IFINDEX]), info->extack, &id);
	module_put(l->owner);
	if (ret)
		return ret;
	return cd_nl_answer(info, CONDIS_A_ADAPTER_ID, id, 0, 0, 0);
}

int cd_nl_adapter_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_link_ops *l = NULL;
	struct cd_adapter *ad;
	struct cd_obj *o;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_ADAPTER_ID))
		return -EINVAL;
	o = cd_obj_get_id(CD_ADAPTER, nla_get_u32(info->attrs[CONDIS_A_ADAPTER_ID]),
			  genl_info_net(info));
	if (!o) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_ADAPTER_ID],
				    "no adapter with this id in this network namespace");
		return -ENOENT;
	}
	ad = container_of(o, struct cd_adapter, o);
	mutex_lock(&cd_reg_lock);
	if (ad->link && try_module_get(ad->link->owner))
		l = ad->link;
	mutex_unlock(&cd_reg_lock);
	if (!l) {
		cd_obj_put(o);
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_ADAPTER_ID],
				    "adapter is not bound to an interface: its module owns it");
		return -EOPNOTSUPP;
	}
	ret = l->dellink(cd_handle(o), info->extack);
	module_put(l->owner);
	cd_obj_put(o);
	return ret;
}
