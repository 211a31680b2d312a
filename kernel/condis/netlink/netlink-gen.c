// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/condis.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netlink-gen.h"

#include <uapi/linux/condis.h>

/* Integer value ranges */
static const struct netlink_range_validation condis_a_af_type_range = {
	.min	= 1ULL,
	.max	= 65535ULL,
};

static const struct netlink_range_validation condis_a_sap_accept_timeout_range = {
	.min	= 1ULL,
	.max	= 3600000ULL,
};

static const struct netlink_range_validation condis_a_sap_backlog_range = {
	.min	= 1ULL,
	.max	= 65535ULL,
};

/* Common nested types */
const struct nla_policy condis_flowspec_nl_policy[CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE + 1] = {
	[CONDIS_A_FLOWSPEC_TOKEN_RATE] = { .type = NLA_U32, },
	[CONDIS_A_FLOWSPEC_TOKEN_BUCKET_SIZE] = { .type = NLA_U32, },
	[CONDIS_A_FLOWSPEC_PEAK_BANDWIDTH] = { .type = NLA_U32, },
	[CONDIS_A_FLOWSPEC_LATENCY] = { .type = NLA_U32, },
	[CONDIS_A_FLOWSPEC_DELAY_VARIATION] = { .type = NLA_U32, },
	[CONDIS_A_FLOWSPEC_SERVICE_TYPE] = { .type = NLA_U32, },
	[CONDIS_A_FLOWSPEC_MAX_SDU_SIZE] = { .type = NLA_U32, },
	[CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE] = { .type = NLA_U32, },
};

const struct nla_policy condis_params_nl_policy[CONDIS_A_PARAMS_MEDIA_SPECIFIC + 1] = {
	[CONDIS_A_PARAMS_FLAGS] = NLA_POLICY_MASK(NLA_U32, 0x1f),
	[CONDIS_A_PARAMS_TX] = NLA_POLICY_NESTED(condis_flowspec_nl_policy),
	[CONDIS_A_PARAMS_RX] = NLA_POLICY_NESTED(condis_flowspec_nl_policy),
	[CONDIS_A_PARAMS_MEDIA_FLAGS] = { .type = NLA_U32, },
	[CONDIS_A_PARAMS_RECEIVE_PRIORITY] = { .type = NLA_U32, },
	[CONDIS_A_PARAMS_RECEIVE_SIZE_HINT] = { .type = NLA_U32, },
	[CONDIS_A_PARAMS_CM_SPECIFIC] = NLA_POLICY_MAX_LEN(CONDIS_BLOB_MAX),
	[CONDIS_A_PARAMS_MEDIA_SPECIFIC] = NLA_POLICY_MAX_LEN(CONDIS_BLOB_MAX),
};

/* CONDIS_CMD_ADAPTER_GET - do */
const struct nla_policy condis_adapter_get_nl_policy[CONDIS_A_ADAPTER_ID + 1] = {
	[CONDIS_A_ADAPTER_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* CONDIS_CMD_AF_OPEN - do */
const struct nla_policy condis_af_open_nl_policy[CONDIS_A_AF_TYPE + 1] = {
	[CONDIS_A_AF_ADAPTER_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_AF_TYPE] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_af_type_range),
};

/* CONDIS_CMD_AF_CLOSE - do */
const struct nla_policy condis_af_close_nl_policy[CONDIS_A_AF_ID + 1] = {
	[CONDIS_A_AF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* CONDIS_CMD_AF_GET - do */
const struct nla_policy condis_af_get_nl_policy[CONDIS_A_AF_ID + 1] = {
	[CONDIS_A_AF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* CONDIS_CMD_SAP_REGISTER - do */
const struct nla_policy condis_sap_register_nl_policy[CONDIS_A_SAP_BACKLOG + 1] = {
	[CONDIS_A_SAP_AF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_SAP_TYPE] = { .type = NLA_U32, },
	[CONDIS_A_SAP_ADDRESS] = NLA_POLICY_MAX_LEN(CONDIS_ADDRESS_MAX),
	[CONDIS_A_SAP_ACCEPT_TIMEOUT] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_sap_accept_timeout_range),
	[CONDIS_A_SAP_BACKLOG] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_sap_backlog_range),
};

/* CONDIS_CMD_SAP_DEREGISTER - do */
const struct nla_policy condis_sap_deregister_nl_policy[CONDIS_A_SAP_ID + 1] = {
	[CONDIS_A_SAP_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* CONDIS_CMD_SAP_GET - do */
const struct nla_policy condis_sap_get_nl_policy[CONDIS_A_SAP_ID + 1] = {
	[CONDIS_A_SAP_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* CONDIS_CMD_CALL_MAKE - do */
const struct nla_policy condis_call_make_nl_policy[CONDIS_A_CALL_REPLY_WHEN_DONE + 1] = {
	[CONDIS_A_CALL_AF_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CALL_ADDRESS] = NLA_POLICY_MAX_LEN(CONDIS_ADDRESS_MAX),
	[CONDIS_A_CALL_PARAMS] = NLA_POLICY_NESTED(condis_params_nl_policy),
	[CONDIS_A_CALL_REPLY_WHEN_DONE] = { .type = NLA_FLAG, },
};

/* CONDIS_CMD_CALL_ACCEPT - do */
const struct nla_policy condis_call_accept_nl_policy[CONDIS_A_CALL_PARAMS + 1] = {
	[CONDIS_A_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CALL_PARAMS] = NLA_POLICY_NESTED(condis_params_nl_policy),
};

/* CONDIS_CMD_CALL_REJECT - do */
const struct nla_policy condis_call_reject_nl_policy[CONDIS_A_CALL_CAUSE + 1] = {
	[CONDIS_A_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CALL_CAUSE] = { .type = NLA_U32, },
};

/* CONDIS_CMD_CALL_CLOSE - do */
const struct nla_policy condis_call_close_nl_policy[CONDIS_A_CALL_REPLY_WHEN_DONE + 1] = {
	[CONDIS_A_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CALL_REPLY_WHEN_DONE] = { .type = NLA_FLAG, },
};

/* CONDIS_CMD_CALL_MODIFY_QOS - do */
const struct nla_policy condis_call_modify_qos_nl_policy[CONDIS_A_CALL_PARAMS + 1] = {
	[CONDIS_A_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CALL_PARAMS] = NLA_POLICY_NESTED(condis_params_nl_policy),
};

/* CONDIS_CMD_CALL_GET - do */
const struct nla_policy condis_call_get_nl_policy[CONDIS_A_CALL_FIELDS + 1] = {
	[CONDIS_A_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CALL_FIELDS] = NLA_POLICY_MASK(NLA_U32, 0xff),
};

/* CONDIS_CMD_CALL_OPEN_FD - do */
const struct nla_policy condis_call_open_fd_nl_policy[CONDIS_A_CALL_ID + 1] = {
	[CONDIS_A_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* CONDIS_CMD_PARTY_ADD - do */
const struct nla_policy condis_party_add_nl_policy[CONDIS_A_PARTY_PARAMS + 1] = {
	[CONDIS_A_PARTY_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_PARTY_ADDRESS] = NLA_POLICY_MAX_LEN(CONDIS_ADDRESS_MAX),
	[CONDIS_A_PARTY_PARAMS] = NLA_POLICY_NESTED(condis_params_nl_policy),
};

/* CONDIS_CMD_PARTY_DROP - do */
const struct nla_policy condis_party_drop_nl_policy[CONDIS_A_PARTY_ID + 1] = {
	[CONDIS_A_PARTY_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* CONDIS_CMD_CALL_NETDEV - do */
const struct nla_policy condis_call_netdev_nl_policy[CONDIS_A_CALL_IFNAME + 1] = {
	[CONDIS_A_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CALL_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* CONDIS_CMD_ADAPTER_NEW - do */
const struct nla_policy condis_adapter_new_nl_policy[CONDIS_A_ADAPTER_AC_NAME + 1] = {
	[CONDIS_A_ADAPTER_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_ADAPTER_KIND] = { .type = NLA_NUL_STRING, .len = 15, },
	[CONDIS_A_ADAPTER_AC_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* CONDIS_CMD_ADAPTER_DEL - do */
const struct nla_policy condis_adapter_del_nl_policy[CONDIS_A_ADAPTER_ID + 1] = {
	[CONDIS_A_ADAPTER_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* Ops table for condis */
const struct genl_ops condis_nl_ops[19] = {
	{
		.cmd		= CONDIS_CMD_ADAPTER_GET,
		.doit		= condis_nl_adapter_get_doit,
		.dumpit		= condis_nl_adapter_get_dumpit,
		.policy		= condis_adapter_get_nl_policy,
		.maxattr	= CONDIS_A_ADAPTER_ID,
	},
	{
		.cmd		= CONDIS_CMD_AF_OPEN,
		.doit		= condis_nl_af_open_doit,
		.policy		= condis_af_open_nl_policy,
		.maxattr	= CONDIS_A_AF_TYPE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_AF_CLOSE,
		.doit		= condis_nl_af_close_doit,
		.policy		= condis_af_close_nl_policy,
		.maxattr	= CONDIS_A_AF_ID,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_AF_GET,
		.doit		= condis_nl_af_get_doit,
		.dumpit		= condis_nl_af_get_dumpit,
		.policy		= condis_af_get_nl_policy,
		.maxattr	= CONDIS_A_AF_ID,
	},
	{
		.cmd		= CONDIS_CMD_SAP_REGISTER,
		.doit		= condis_nl_sap_register_doit,
		.policy		= condis_sap_register_nl_policy,
		.maxattr	= CONDIS_A_SAP_BACKLOG,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_SAP_DEREGISTER,
		.doit		= condis_nl_sap_deregister_doit,
		.policy		= condis_sap_deregister_nl_policy,
		.maxattr	= CONDIS_A_SAP_ID,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_SAP_GET,
		.doit		= condis_nl_sap_get_doit,
		.dumpit		= condis_nl_sap_get_dumpit,
		.policy		= condis_sap_get_nl_policy,
		.maxattr	= CONDIS_A_SAP_ID,
	},
	{
		.cmd		= CONDIS_CMD_CALL_MAKE,
		.doit		= condis_nl_call_make_doit,
		.policy		= condis_call_make_nl_policy,
		.maxattr	= CONDIS_A_CALL_REPLY_WHEN_DONE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_CALL_ACCEPT,
		.doit		= condis_nl_call_accept_doit,
		.policy		= condis_call_accept_nl_policy,
		.maxattr	= CONDIS_A_CALL_PARAMS,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_CALL_REJECT,
		.doit		= condis_nl_call_reject_doit,
		.policy		= condis_call_reject_nl_policy,
		.maxattr	= CONDIS_A_CALL_CAUSE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_CALL_CLOSE,
		.doit		= condis_nl_call_close_doit,
		.policy		= condis_call_close_nl_policy,
		.maxattr	= CONDIS_A_CALL_REPLY_WHEN_DONE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_CALL_MODIFY_QOS,
		.doit		= condis_nl_call_modify_qos_doit,
		.policy		= condis_call_modify_qos_nl_policy,
		.maxattr	= CONDIS_A_CALL_PARAMS,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_CALL_GET,
		.doit		= condis_nl_call_get_doit,
		.dumpit		= condis_nl_call_get_dumpit,
		.policy		= condis_call_get_nl_policy,
		.maxattr	= CONDIS_A_CALL_FIELDS,
	},
	{
		.cmd		= CONDIS_CMD_CALL_OPEN_FD,
		.doit		= condis_nl_call_open_fd_doit,
		.policy		= condis_call_open_fd_nl_policy,
		.maxattr	= CONDIS_A_CALL_ID,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_PARTY_ADD,
		.doit		= condis_nl_party_add_doit,
		.policy		= condis_party_add_nl_policy,
		.maxattr	= CONDIS_A_PARTY_PARAMS,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_PARTY_DROP,
		.doit		= condis_nl_party_drop_doit,
		.policy		= condis_party_drop_nl_policy,
		.maxattr	= CONDIS_A_PARTY_ID,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_CALL_NETDEV,
		.doit		= condis_nl_call_netdev_doit,
		.policy		= condis_call_netdev_nl_policy,
		.maxattr	= CONDIS_A_CALL_IFNAME,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_ADAPTER_NEW,
		.doit		= condis_nl_adapter_new_doit,
		.policy		= condis_adapter_new_nl_policy,
		.maxattr	= CONDIS_A_ADAPTER_AC_NAME,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= CONDIS_CMD_ADAPTER_DEL,
		.doit		= condis_nl_adapter_del_doit,
		.policy		= condis_adapter_del_nl_policy,
		.maxattr	= CONDIS_A_ADAPTER_ID,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
};

static const struct genl_multicast_group condis_nl_mcgrps[] = {
	[CONDIS_NLGRP_EVENTS] = { "events", },
};
