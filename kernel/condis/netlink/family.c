// SPDX-License-Identifier: GPL-2.0
/*
 * The condis generic netlink family (Documentation/netlink/specs/condis.yaml,
 * uapi/linux/condis.h): the family, what every request goes through before
 * and after its handler, and the front-end's start and end.
 *
 * The policies and the operations table are generated from the spec
 * (netlink-gen.c, tests/ynl-gen.sh): a genl_ops table with per-operation
 * policies, so the same code builds on 6.1 (no split ops) and 6.12.
 * Requests that change something need CAP_NET_ADMIN in the socket's user
 * namespace (GENL_UNS_ADMIN_PERM); queries (query.c) are open to everyone
 * and only ever show the caller's network namespace.
 */
#include <net/genetlink.h>
#include "netlink-gen.h"
#include "family.h"
#include "socket.h"

/*
 * 6.2 gave the doit hooks the split ops, in the same release as
 * GENL_SET_ERR_MSG_FMT: that macro tells the two apart (6.1 has neither).
 */
#ifdef GENL_SET_ERR_MSG_FMT
#define cd_genl_ops genl_split_ops
#else
#define cd_genl_ops genl_ops
#endif

/**
 * struct cd_nl_target - the object a request acts on
 * @type: CONDIS_VIEW_AF to CONDIS_VIEW_PARTY
 * @attr: the attribute naming it by id; 0: the request names none
 * @unlocks: its handler releases the socket's lock itself, on every path
 *	(to act without it: a call's end, an interface's registration)
 */
struct cd_nl_target {
	u8 type;
	u8 attr;
	bool unlocks;
};

static const struct cd_nl_target cd_nl_targets[CONDIS_CMD_MAX + 1] = {
	[CONDIS_CMD_AF_CLOSE] = { CONDIS_VIEW_AF, CONDIS_A_AF_ID },
	[CONDIS_CMD_SAP_REGISTER] = { CONDIS_VIEW_AF, CONDIS_A_SAP_AF_ID },
	[CONDIS_CMD_SAP_DEREGISTER] = { CONDIS_VIEW_SAP, CONDIS_A_SAP_ID },
	[CONDIS_CMD_CALL_MAKE] = { CONDIS_VIEW_AF, CONDIS_A_CALL_AF_ID },
	[CONDIS_CMD_CALL_ACCEPT] = { CONDIS_VIEW_CALL, CONDIS_A_CALL_ID },
	[CONDIS_CMD_CALL_REJECT] = { CONDIS_VIEW_CALL, CONDIS_A_CALL_ID },
	[CONDIS_CMD_CALL_CLOSE] = { CONDIS_VIEW_CALL, CONDIS_A_CALL_ID, true },
	[CONDIS_CMD_CALL_MODIFY_QOS] = { CONDIS_VIEW_CALL, CONDIS_A_CALL_ID },
	[CONDIS_CMD_CALL_OPEN_FD] = { CONDIS_VIEW_CALL, CONDIS_A_CALL_ID },
	[CONDIS_CMD_CALL_NETDEV] = { CONDIS_VIEW_CALL, CONDIS_A_CALL_ID, true },
	[CONDIS_CMD_PARTY_ADD] = { CONDIS_VIEW_CALL, CONDIS_A_PARTY_CALL_ID },
	[CONDIS_CMD_PARTY_DROP] = { CONDIS_VIEW_PARTY, CONDIS_A_PARTY_ID },
};

static const struct cd_nl_target *cd_nl_target(const struct genl_info *info)
{
	const struct cd_nl_target *t = &cd_nl_targets[info->genlhdr->cmd];

	return t->attr ? t : NULL;
}

/*
 * A request that changes something gets its answer's buffer before it
 * starts (info->user_ptr[0], taken by cd_nl_answer()): once the change is
 * made, no allocation can fail it, and a failed one changed nothing.
 * A request that names an object of its socket finds it here: the handler
 * gets it in info->user_ptr[1] (cd_nl_obj()), referenced, with the
 * socket's lock held, until cd_nl_post_doit().
 */
static int cd_nl_pre_doit(const struct cd_genl_ops *ops, struct sk_buff *skb,
			  struct genl_info *info)
{
	const struct cd_nl_target *t;
	struct cd_nlobj *obj;

	if (!(ops->flags & GENL_UNS_ADMIN_PERM))
		return 0;
	t = cd_nl_target(info);
	if (t) {
		obj = cd_nlobj_owned(info, NETLINK_CB(skb).sk, t->type, t->attr);
		if (IS_ERR(obj))
			return PTR_ERR(obj);
		refcount_inc(&obj->ref);	/* a synchronous end forgets it */
		info->user_ptr[1] = obj;
	}
	info->user_ptr[0] = genlmsg_new(CD_NL_REPLY_SIZE, GFP_KERNEL);
	if (!info->user_ptr[0] && t) {
		mutex_unlock(&obj->sk->lock);
		cd_nlobj_put(obj);
	}
	return info->user_ptr[0] ? 0 : -ENOMEM;
}

static void cd_nl_post_doit(const struct cd_genl_ops *ops, struct sk_buff *skb,
			    struct genl_info *info)
{
	const struct cd_nl_target *t;
	struct cd_nlobj *obj;

	if (!(ops->flags & GENL_UNS_ADMIN_PERM))
		return;
	nlmsg_free(info->user_ptr[0]);	/* unless the request answered */
	t = cd_nl_target(info);
	if (!t)
		return;
	obj = info->user_ptr[1];
	if (!t->unlocks)
		mutex_unlock(&obj->sk->lock);
	cd_nlobj_put(obj);
}

static const struct genl_multicast_group cd_nl_mcgrps[] = {
	[CONDIS_NLGRP_EVENTS] = { .name = CONDIS_MCGRP_EVENTS },
};

struct genl_family condis_nl_family __ro_after_init = {
	.name = CONDIS_FAMILY_NAME,
	.version = CONDIS_FAMILY_VERSION,
	.netnsok = true,
	.parallel_ops = true,
	.module = THIS_MODULE,
	.ops = condis_nl_ops,
	.n_ops = ARRAY_SIZE(condis_nl_ops),
	.pre_doit = cd_nl_pre_doit,
	.post_doit = cd_nl_post_doit,
	.resv_start_op = CONDIS_CMD_PARTY_DROP + 1,
	.mcgrps = cd_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(cd_nl_mcgrps),
};

int cd_nl_init(void)
{
	int ret;

	ret = cd_nlsk_init();
	if (ret)
		return ret;
	ret = genl_register_family(&condis_nl_family);
	if (ret)
		cd_nlsk_exit();
	return ret;
}

void cd_nl_exit(void)
{
	genl_unregister_family(&condis_nl_family);
	cd_nlsk_exit();
}
