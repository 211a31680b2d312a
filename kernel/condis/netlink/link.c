// SPDX-License-Identifier: GPL-2.0
/*
 * adapter-new and adapter-del: binding an adapter to a network interface
 * by the miniport kind that can (condis_link_get()), and unbinding it.
 */
#include <linux/kmod.h>
#include <linux/module.h>
#include <net/condis_view.h>
#include "netlink-gen.h"
#include "messages.h"

int condis_nl_adapter_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct condis_link_req req = {};
	const char *kind = "ethernet";
	struct condis_link_ops *l;
	u32 id = 0;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_ADAPTER_IFINDEX))
		return -EINVAL;
	if (info->attrs[CONDIS_A_ADAPTER_KIND])
		kind = nla_data(info->attrs[CONDIS_A_ADAPTER_KIND]);
	l = condis_link_get(kind);
	if (!l) {
		request_module("condis-link-%s", kind);
		l = condis_link_get(kind);
	}
	if (!l) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_ADAPTER_KIND],
				    "no miniport of this kind binds to interfaces (module not loaded?)");
		return -EOPNOTSUPP;
	}
	req.ifindex = nla_get_u32(info->attrs[CONDIS_A_ADAPTER_IFINDEX]);
	if (info->attrs[CONDIS_A_ADAPTER_AC_NAME]) {
		struct nlattr *a = info->attrs[CONDIS_A_ADAPTER_AC_NAME];

		req.ac_name = nla_data(a);
		ret = -EINVAL;
		if (!l->ac_name)
			NL_SET_ERR_MSG_ATTR(info->extack, a,
					    "adapters of this kind have no AC name (kind pppoe has)");
		else if (!*req.ac_name)
			NL_SET_ERR_MSG_ATTR(info->extack, a, "an empty AC name");
		else
			ret = 0;
		if (ret) {
			module_put(l->owner);
			return ret;
		}
	}
	ret = l->newlink(genl_info_net(info), &req, info->extack, &id);
	module_put(l->owner);
	if (ret)
		return ret;
	return cd_nl_answer(info, CONDIS_A_ADAPTER_ID, id, 0, 0, 0);
}

/* The kind that bound an adapter, and its handle (a view's show function). */
struct cd_nl_bound {
	char kind[32];
	void *handle;
};

static int cd_nl_bound(void *arg, const struct condis_view *v)
{
	struct cd_nl_bound *b = arg;

	b->handle = v->handle;
	if (v->adapter.link_kind)
		strscpy(b->kind, v->adapter.link_kind, sizeof(b->kind));
	return 1;	/* the adapter itself is enough */
}

int condis_nl_adapter_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nl_bound b = {};
	struct condis_link_ops *l;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_ADAPTER_ID))
		return -EINVAL;
	if (condis_view_get(genl_info_net(info), CONDIS_VIEW_ADAPTER,
			    nla_get_u32(info->attrs[CONDIS_A_ADAPTER_ID]), cd_nl_bound, &b) != 1) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_ADAPTER_ID],
				    "no adapter with this id in this network namespace");
		return -ENOENT;
	}
	l = b.kind[0] ? condis_link_get(b.kind) : NULL;
	if (!l) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_ADAPTER_ID],
				    "adapter is not bound to an interface: its module owns it");
		return -EOPNOTSUPP;
	}
	ret = l->dellink(b.handle, info->extack);
	module_put(l->owner);
	return ret;
}
