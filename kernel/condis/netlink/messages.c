// SPDX-License-Identifier: GPL-2.0
/*
 * The messages of the condis family: notifications on the "events" group,
 * call parameters to and from attributes, request-done notifications and
 * the answer to a change.
 */
#include <net/genetlink.h>
#include "netlink-gen.h"
#include "messages.h"
#include "family.h"
#include "netlink.h"

#define CD_CALL_FLAGS_ALL	(CONDIS_CALL_FLAGS_MULTIPOINT_VC * 2 - 1)

/*
 * A notification of @payload bytes at most (cd_nl_params_size() and the
 * like): sized to its content, so that a burst of them (a thousand calls
 * closing) fits a listener's receive buffer.
 */
struct sk_buff *cd_nl_new(u8 cmd, void **hdr, size_t payload)
{
	struct sk_buff *skb = genlmsg_new(payload, GFP_KERNEL);

	if (!skb)
		return NULL;
	*hdr = genlmsg_put(skb, 0, 0, &condis_nl_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(skb);
		return NULL;
	}
	return skb;
}

/**
 * cd_nl_notify - send a finished notification
 * @owner: the socket whose object it is about
 * @skb: the notification (taken)
 * @hdr: its header
 * @seq: the sequence number of the request it answers (reply-when-done),
 *	or NULL: a notification only
 *
 * To @owner, whether or not it listens to "events" (a socket hears of its
 * own objects without subscribing), and to the namespace's other "events"
 * listeners (monitors): an event costs the processes that neither own its
 * object nor monitor nothing. @owner's copy answers its request if @seq
 * is given (its header carries @seq and @owner's port, as a reply's does);
 * the listeners' is a notification. A socket already closed gets nothing.
 * Context: process.
 * Return: 0 or the unicast's error.
 */
int cd_nl_notify(const struct cd_nlsk *owner, struct sk_buff *skb, void *hdr,
		 const u32 *seq)
{
	struct net *net = owner->net;
	struct sk_buff *copy;

	genlmsg_end(skb, hdr);
	if (genl_has_listeners(&condis_nl_family, net, CONDIS_NLGRP_EVENTS)) {
		/* the owner's own copy is the unicast; an answer's header differs */
		copy = seq ? skb_copy(skb, GFP_KERNEL) : skb_clone(skb, GFP_KERNEL);
		if (copy)
			genlmsg_multicast_netns(&condis_nl_family, net, copy, owner->portid,
						CONDIS_NLGRP_EVENTS, GFP_KERNEL);
	}
	if (READ_ONCE(owner->going)) {
		nlmsg_free(skb);
		return 0;
	}
	if (seq) {
		nlmsg_hdr(skb)->nlmsg_seq = *seq;
		nlmsg_hdr(skb)->nlmsg_pid = owner->portid;
	}
	return genlmsg_unicast(net, skb, owner->portid);
}

/*
 * @n u32 attributes, @types[i] holding @vals[i], in one piece of the
 * message: what every call's notifications carry, without a room check
 * and a padding pass per attribute (the bytes nla_put_u32() would write).
 */
static int cd_nl_put_u32s(struct sk_buff *skb, const u16 *types, const u32 *vals,
			  unsigned int n)
{
	size_t len = n * nla_total_size(sizeof(u32));
	struct nlattr *nla;
	unsigned int i;

	if (skb_tailroom(skb) < len)
		return -EMSGSIZE;
	nla = skb_put(skb, len);
	for (i = 0; i < n; i++) {
		nla->nla_type = types[i];
		nla->nla_len = nla_attr_size(sizeof(u32));
		*(u32 *)nla_data(nla) = vals[i];
		nla = (void *)nla + nla_total_size(sizeof(u32));
	}
	return 0;
}

static int cd_nl_put_flowspec(struct sk_buff *skb, int attr,
			      const struct condis_flowspec *fs)
{
	static const u16 types[] = {
		CONDIS_A_FLOWSPEC_TOKEN_RATE, CONDIS_A_FLOWSPEC_TOKEN_BUCKET_SIZE,
		CONDIS_A_FLOWSPEC_PEAK_BANDWIDTH, CONDIS_A_FLOWSPEC_LATENCY,
		CONDIS_A_FLOWSPEC_DELAY_VARIATION, CONDIS_A_FLOWSPEC_SERVICE_TYPE,
		CONDIS_A_FLOWSPEC_MAX_SDU_SIZE, CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE,
	};
	const u32 vals[] = {
		fs->token_rate, fs->token_bucket_size, fs->peak_bandwidth, fs->latency,
		fs->delay_variation, fs->service_type, fs->max_sdu_size,
		fs->minimum_policed_size,
	};
	struct nlattr *nest = nla_nest_start(skb, attr);

	BUILD_BUG_ON(ARRAY_SIZE(types) != ARRAY_SIZE(vals));
	if (!nest || cd_nl_put_u32s(skb, types, vals, ARRAY_SIZE(types)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* Room cd_nl_put_params() needs (@cp may be NULL), plus ids and statuses. */
size_t cd_nl_params_size(const struct condis_call_params *cp)
{
	size_t n = 8 * nla_total_size(sizeof(u32));	/* the event's own */

	if (cp)
		n += nla_total_size(0) + 4 * nla_total_size(sizeof(u32)) +
		     2 * (nla_total_size(0) + 8 * nla_total_size(sizeof(u32))) +
		     nla_total_size(cp->cm_specific_len) +
		     nla_total_size(cp->media_specific_len);
	return n;
}

int cd_nl_put_params(struct sk_buff *skb, int attr,
		     const struct condis_call_params *cp)
{
	static const u16 types[] = {
		CONDIS_A_PARAMS_MEDIA_FLAGS, CONDIS_A_PARAMS_RECEIVE_PRIORITY,
		CONDIS_A_PARAMS_RECEIVE_SIZE_HINT,
	};
	struct nlattr *nest;
	u32 vals[ARRAY_SIZE(types)];

	if (!cp)
		return 0;
	vals[0] = cp->media_flags;
	vals[1] = cp->receive_priority;
	vals[2] = cp->receive_size_hint;
	nest = nla_nest_start(skb, attr);
	if (!nest ||
	    nla_put_u32(skb, CONDIS_A_PARAMS_FLAGS, cp->flags & CD_CALL_FLAGS_ALL) ||
	    cd_nl_put_flowspec(skb, CONDIS_A_PARAMS_TX, &cp->tx) ||
	    cd_nl_put_flowspec(skb, CONDIS_A_PARAMS_RX, &cp->rx) ||
	    cd_nl_put_u32s(skb, types, vals, ARRAY_SIZE(types)) ||
	    (cp->cm_specific_len &&
	     nla_put(skb, CONDIS_A_PARAMS_CM_SPECIFIC, cp->cm_specific_len,
		     cp->cm_specific)) ||
	    (cp->media_specific_len &&
	     nla_put(skb, CONDIS_A_PARAMS_MEDIA_SPECIFIC, cp->media_specific_len,
		     cp->media_specific)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static void cd_nl_get_flowspec(const struct nlattr *nest, struct condis_flowspec *fs)
{
	struct nlattr *tb[CONDIS_A_FLOWSPEC_MAX + 1];
	u32 *f[CONDIS_A_FLOWSPEC_MAX + 1] = {
		[CONDIS_A_FLOWSPEC_TOKEN_RATE] = &fs->token_rate,
		[CONDIS_A_FLOWSPEC_TOKEN_BUCKET_SIZE] = &fs->token_bucket_size,
		[CONDIS_A_FLOWSPEC_PEAK_BANDWIDTH] = &fs->peak_bandwidth,
		[CONDIS_A_FLOWSPEC_LATENCY] = &fs->latency,
		[CONDIS_A_FLOWSPEC_DELAY_VARIATION] = &fs->delay_variation,
		[CONDIS_A_FLOWSPEC_SERVICE_TYPE] = &fs->service_type,
		[CONDIS_A_FLOWSPEC_MAX_SDU_SIZE] = &fs->max_sdu_size,
		[CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE] = &fs->minimum_policed_size,
	};
	int i;

	/* already validated by the policy */
	if (!nest || nla_parse_nested(tb, CONDIS_A_FLOWSPEC_MAX, nest,
				      condis_flowspec_nl_policy, NULL))
		return;
	for (i = 1; i <= CONDIS_A_FLOWSPEC_MAX; i++)
		if (tb[i])
			*f[i] = nla_get_u32(tb[i]);
}

/**
 * cd_nl_get_params - call parameters from a request
 * @nest: the params nest, or NULL
 * @address: a called address, or NULL: it becomes the CM-specific block
 * @extack: for the error message
 *
 * Return: new parameters, or an ERR_PTR.
 */
struct condis_call_params *cd_nl_get_params(const struct nlattr *nest,
					    const struct nlattr *address,
					    struct netlink_ext_ack *extack)
{
	struct nlattr *tb[CONDIS_A_PARAMS_MAX + 1] = {};
	const struct nlattr *cm, *media;
	struct condis_call_params *cp;

	if (nest && nla_parse_nested(tb, CONDIS_A_PARAMS_MAX, nest,
				     condis_params_nl_policy, extack))
		return ERR_PTR(-EINVAL);
	cm = tb[CONDIS_A_PARAMS_CM_SPECIFIC];
	media = tb[CONDIS_A_PARAMS_MEDIA_SPECIFIC];
	if (cm && address) {
		NL_SET_ERR_MSG_ATTR(extack, cm,
				    "the called address is the CM-specific block: give one of them");
		return ERR_PTR(-EINVAL);
	}
	cm = cm ?: address;
	cp = condis_call_params_alloc(cm ? nla_len(cm) : 0,
				      media ? nla_len(media) : 0,
				      GFP_KERNEL_ACCOUNT);
	if (!cp)
		return ERR_PTR(-ENOMEM);
	if (cm)
		nla_memcpy(cp->cm_specific, cm, cp->cm_specific_len);
	if (media)
		nla_memcpy(cp->media_specific, media, cp->media_specific_len);
	if (tb[CONDIS_A_PARAMS_FLAGS])
		cp->flags = nla_get_u32(tb[CONDIS_A_PARAMS_FLAGS]);
	cd_nl_get_flowspec(tb[CONDIS_A_PARAMS_TX], &cp->tx);
	cd_nl_get_flowspec(tb[CONDIS_A_PARAMS_RX], &cp->rx);
	if (tb[CONDIS_A_PARAMS_MEDIA_FLAGS])
		cp->media_flags = nla_get_u32(tb[CONDIS_A_PARAMS_MEDIA_FLAGS]);
	if (tb[CONDIS_A_PARAMS_RECEIVE_PRIORITY])
		cp->receive_priority = nla_get_u32(tb[CONDIS_A_PARAMS_RECEIVE_PRIORITY]);
	if (tb[CONDIS_A_PARAMS_RECEIVE_SIZE_HINT])
		cp->receive_size_hint = nla_get_u32(tb[CONDIS_A_PARAMS_RECEIVE_SIZE_HINT]);
	return cp;
}

/*
 * A request that pended is final: a request-done notification, and the
 * request's answer if it asked for one when done (@seq, reply-when-done).
 */
void cd_nl_request_done(const struct cd_nlsk *sk, u32 request, u32 id, int status,
			const struct condis_call_params *cp, const u32 *seq)
{
	static const u16 types[] = {
		CONDIS_A_EVENT_REQUEST, CONDIS_A_EVENT_ID, CONDIS_A_EVENT_STATUS,
		CONDIS_A_EVENT_NDIS_STATUS,
	};
	const u32 vals[] = { request, id, status, condis_status_to_ndis(status) };
	struct sk_buff *skb;
	void *hdr;

	skb = cd_nl_new(CONDIS_CMD_REQUEST_DONE_NTF, &hdr, cd_nl_params_size(status ? NULL : cp));
	if (!skb)
		return;
	if (cd_nl_put_u32s(skb, types, vals, ARRAY_SIZE(types)) ||
	    (!status && cd_nl_put_params(skb, CONDIS_A_EVENT_PARAMS, cp))) {
		nlmsg_free(skb);
		return;
	}
	cd_nl_notify(sk, skb, hdr, seq);
}

/**
 * cd_nl_answer - answer a change that was made
 * @info: the request
 * @a1: attribute of @v1 (the object's id)
 * @v1: its value
 * @a2: attribute of @v2, or 0
 * @v2: its value
 * @flag: a flag attribute to set, or 0
 *
 * In the buffer the request's pre_doit allocated (family.c), so it cannot fail for memory.
 * Delivering it can (the socket's receive queue is full): the change
 * stands all the same, so that is not an error of the request.
 *
 * Return: 0 (a full receive queue included); -EMSGSIZE if the answer did
 * not fit CD_NL_REPLY_SIZE (a bug, warned once).
 */
int cd_nl_answer(struct genl_info *info, u16 a1, u32 v1, u16 a2, u32 v2, u16 flag)
{
	struct sk_buff *msg = info->user_ptr[0];
	void *hdr;

	info->user_ptr[0] = NULL;
	hdr = genlmsg_put_reply(msg, info, &condis_nl_family, 0, info->genlhdr->cmd);
	if (WARN_ON_ONCE(!hdr || nla_put_u32(msg, a1, v1) ||
			 (a2 && nla_put_u32(msg, a2, v2)) ||
			 (flag && nla_put_flag(msg, flag)))) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	genlmsg_reply(msg, info);
	return 0;
}
