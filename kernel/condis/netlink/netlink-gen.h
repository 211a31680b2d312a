/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/condis.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_CONDIS_GEN_H
#define _LINUX_CONDIS_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/condis.h>

/* Common nested types */
extern const struct nla_policy condis_flowspec_nl_policy[CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE + 1];
extern const struct nla_policy condis_params_nl_policy[CONDIS_A_PARAMS_MEDIA_SPECIFIC + 1];

extern const struct nla_policy condis_adapter_get_nl_policy[CONDIS_A_ADAPTER_ID + 1];

extern const struct nla_policy condis_af_open_nl_policy[CONDIS_A_AF_TYPE + 1];

extern const struct nla_policy condis_af_close_nl_policy[CONDIS_A_AF_ID + 1];

extern const struct nla_policy condis_af_get_nl_policy[CONDIS_A_AF_ID + 1];

extern const struct nla_policy condis_sap_register_nl_policy[CONDIS_A_SAP_BACKLOG + 1];

extern const struct nla_policy condis_sap_deregister_nl_policy[CONDIS_A_SAP_ID + 1];

extern const struct nla_policy condis_sap_get_nl_policy[CONDIS_A_SAP_ID + 1];

extern const struct nla_policy condis_call_make_nl_policy[CONDIS_A_CALL_REPLY_WHEN_DONE + 1];

extern const struct nla_policy condis_call_accept_nl_policy[CONDIS_A_CALL_PARAMS + 1];

extern const struct nla_policy condis_call_reject_nl_policy[CONDIS_A_CALL_CAUSE + 1];

extern const struct nla_policy condis_call_close_nl_policy[CONDIS_A_CALL_REPLY_WHEN_DONE + 1];

extern const struct nla_policy condis_call_modify_qos_nl_policy[CONDIS_A_CALL_PARAMS + 1];

extern const struct nla_policy condis_call_get_nl_policy[CONDIS_A_CALL_FIELDS + 1];

extern const struct nla_policy condis_call_open_fd_nl_policy[CONDIS_A_CALL_ID + 1];

extern const struct nla_policy condis_party_add_nl_policy[CONDIS_A_PARTY_PARAMS + 1];

extern const struct nla_policy condis_party_drop_nl_policy[CONDIS_A_PARTY_ID + 1];

extern const struct nla_policy condis_call_netdev_nl_policy[CONDIS_A_CALL_IFNAME + 1];

extern const struct nla_policy condis_adapter_new_nl_policy[CONDIS_A_ADAPTER_AC_NAME + 1];

extern const struct nla_policy condis_adapter_del_nl_policy[CONDIS_A_ADAPTER_ID + 1];

/* Ops table for condis */
extern const struct genl_ops condis_nl_ops[19];

int condis_nl_adapter_get_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_adapter_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int condis_nl_af_open_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_af_close_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_af_get_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_af_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int condis_nl_sap_register_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_sap_deregister_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_sap_get_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_sap_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int condis_nl_call_make_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_call_accept_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_call_reject_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_call_close_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_call_modify_qos_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_call_get_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_call_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int condis_nl_call_open_fd_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_party_add_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_party_drop_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_call_netdev_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_adapter_new_doit(struct sk_buff *skb, struct genl_info *info);
int condis_nl_adapter_del_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	CONDIS_NLGRP_EVENTS,
};

#endif /* _LINUX_CONDIS_GEN_H */
