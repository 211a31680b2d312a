// SPDX-License-Identifier: GPL-2.0
/*
 * Queries: get one adapter, AF, SAP or call, or dump them all, as
 * <net/condis_view.h> shows them. Open to everyone; only ever the
 * caller's network namespace. Dumps resume by id and flag a change
 * between their parts (NLM_F_DUMP_INTR).
 */
#include <net/condis_view.h>
#include <net/sock.h>
#include "netlink-gen.h"
#include "family.h"
#include "messages.h"
#include "socket.h"

/*
 * What a query's show functions write into, for whom, and what of each
 * object (calls: CONDIS_CALL_FIELDS_*, all unless the request says).
 */
struct cd_nl_fill {
	struct sk_buff *skb;
	struct cd_nlsk *rq;
	u32 fields;
};

#define CD_NL_ALL_FIELDS	U32_MAX

static bool cd_nl_owns(const struct cd_nl_fill *f, const struct condis_view *v)
{
	return f->rq && f->rq->client == v->client;
}

/* The adapter's drop counters, one attribute per enum condis_drop. */
static int cd_fill_drops(struct sk_buff *skb, const struct condis_view *v)
{
	struct nlattr *nest = nla_nest_start(skb, CONDIS_A_ADAPTER_DROPS);
	int i;

	BUILD_BUG_ON((int)CONDIS_A_DROPS_MAX != (int)__CONDIS_DROP_MAX);
	BUILD_BUG_ON((int)CONDIS_A_DROPS_UNMATCHED != (int)CONDIS_DROP_UNMATCHED + 1);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < __CONDIS_DROP_MAX; i++)
		if (nla_put_u64_64bit(skb, i + 1, v->adapter.drops[i], 0))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* An adapter, then each of its AF types. */
static int cd_fill_adapter(void *arg, const struct condis_view *v)
{
	struct sk_buff *skb = ((struct cd_nl_fill *)arg)->skb;

	if (v->kind == CONDIS_VIEW_AF_TYPE)
		return nla_put_u32(skb, CONDIS_A_ADAPTER_AF_TYPE, v->af_type) ? -EMSGSIZE : 0;
	if (nla_put_u32(skb, CONDIS_A_ADAPTER_ID, v->id) ||
	    nla_put_string(skb, CONDIS_A_ADAPTER_NAME, v->adapter.name) ||
	    cd_fill_drops(skb, v) ||
	    (v->adapter.link_kind &&
	     (nla_put_u32(skb, CONDIS_A_ADAPTER_IFINDEX, v->adapter.ifindex) ||
	      nla_put_string(skb, CONDIS_A_ADAPTER_KIND, v->adapter.link_kind))))
		return -EMSGSIZE;
	return 0;
}

static int cd_fill_af(void *arg, const struct condis_view *v)
{
	struct cd_nl_fill *f = arg;
	struct sk_buff *skb = f->skb;

	if (nla_put_u32(skb, CONDIS_A_AF_ID, v->id) ||
	    nla_put_u32(skb, CONDIS_A_AF_ADAPTER_ID, v->af.adapter_id) ||
	    nla_put_u32(skb, CONDIS_A_AF_TYPE, v->af.type) ||
	    nla_put_u32(skb, CONDIS_A_AF_STATE, v->af.state) ||
	    nla_put_string(skb, CONDIS_A_AF_CLIENT, v->af.client_name) ||
	    (cd_nl_owns(f, v) && nla_put_flag(skb, CONDIS_A_AF_OWNED)))
		return -EMSGSIZE;
	return 0;
}

static int cd_fill_sap(void *arg, const struct condis_view *v)
{
	const struct condis_sap_desc *d = v->sap.desc;
	struct cd_nl_fill *f = arg;
	bool owned = cd_nl_owns(f, v);
	struct sk_buff *skb = f->skb;
	u32 timeout = 0, backlog = 0;
	struct cd_nlobj *ctx;

	if (owned) {
		mutex_lock(&f->rq->lock);
		ctx = cd_nlobj_find(f->rq, CONDIS_VIEW_SAP, v->id);
		timeout = ctx ? ctx->timeout_ms : 0;
		backlog = ctx ? ctx->accept_backlog : 0;
		mutex_unlock(&f->rq->lock);
	}
	if (nla_put_u32(skb, CONDIS_A_SAP_ID, v->id) ||
	    nla_put_u32(skb, CONDIS_A_SAP_AF_ID, v->sap.af_id) ||
	    nla_put_u32(skb, CONDIS_A_SAP_TYPE, d->sap_type) ||
	    nla_put(skb, CONDIS_A_SAP_ADDRESS, min_t(u32, d->len, sizeof(d->sap)), d->sap) ||
	    nla_put_u32(skb, CONDIS_A_SAP_STATE, v->sap.state) ||
	    (timeout && nla_put_u32(skb, CONDIS_A_SAP_ACCEPT_TIMEOUT, timeout)) ||
	    (backlog && nla_put_u32(skb, CONDIS_A_SAP_BACKLOG, backlog)) ||
	    (owned && nla_put_flag(skb, CONDIS_A_SAP_OWNED)))
		return -EMSGSIZE;
	return 0;
}

static int cd_fill_stats(struct sk_buff *skb, const struct condis_view_stats *st)
{
	struct nlattr *nest = nla_nest_start(skb, CONDIS_A_CALL_STATS);

	if (!nest ||
	    nla_put_u64_64bit(skb, CONDIS_A_STATS_TX_PACKETS, st->tx_packets, 0) ||
	    nla_put_u64_64bit(skb, CONDIS_A_STATS_TX_BYTES, st->tx_bytes, 0) ||
	    nla_put_u64_64bit(skb, CONDIS_A_STATS_RX_PACKETS, st->rx_packets, 0) ||
	    nla_put_u64_64bit(skb, CONDIS_A_STATS_RX_BYTES, st->rx_bytes, 0) ||
	    nla_put_u64_64bit(skb, CONDIS_A_STATS_TX_ERRORS, st->tx_errors, 0) ||
	    nla_put_u64_64bit(skb, CONDIS_A_STATS_RX_DROPPED, st->rx_dropped, 0))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* A call, then each of its parties: shown under the VC's lock, they agree. */
static int cd_fill_call(void *arg, const struct condis_view *v)
{
	struct cd_nl_fill *f = arg;
	struct sk_buff *skb = f->skb;
	u32 want = f->fields;
	struct nlattr *nest;

	if (v->kind == CONDIS_VIEW_PARTY) {
		if (!(want & CONDIS_CALL_FIELDS_PARTIES))
			return 0;
		nest = nla_nest_start(skb, CONDIS_A_CALL_PARTY);
		if (!nest || nla_put_u32(skb, CONDIS_A_CALL_PARTY_ID, v->id) ||
		    nla_put_u32(skb, CONDIS_A_CALL_PARTY_STATE, v->party.state))
			return -EMSGSIZE;
		nla_nest_end(skb, nest);
		return 0;
	}
	if (nla_put_u32(skb, CONDIS_A_CALL_ID, v->id) ||
	    ((want & CONDIS_CALL_FIELDS_AF_ID) &&
	     nla_put_u32(skb, CONDIS_A_CALL_AF_ID, v->call.af_id)) ||
	    ((want & CONDIS_CALL_FIELDS_STATS) && cd_fill_stats(skb, &v->call.stats)) ||
	    ((want & CONDIS_CALL_FIELDS_OWNED) && cd_nl_owns(f, v) &&
	     nla_put_flag(skb, CONDIS_A_CALL_OWNED)) ||
	    ((want & CONDIS_CALL_FIELDS_STATE) &&
	     nla_put_u32(skb, CONDIS_A_CALL_STATE, v->call.state)) ||
	    ((want & CONDIS_CALL_FIELDS_DIRECTION) &&
	     nla_put_u32(skb, CONDIS_A_CALL_DIRECTION,
			 v->call.incoming ? CONDIS_DIRECTION_INCOMING :
					    CONDIS_DIRECTION_OUTGOING)) ||
	    ((want & CONDIS_CALL_FIELDS_SAP_ID) && v->call.sap_id &&
	     nla_put_u32(skb, CONDIS_A_CALL_SAP_ID, v->call.sap_id)) ||
	    ((want & CONDIS_CALL_FIELDS_PARAMS) &&
	     cd_nl_put_params(skb, CONDIS_A_CALL_PARAMS, v->call.cp)))
		return -EMSGSIZE;
	return 0;
}

/*
 * A query: what it shows, its command, how an object becomes attributes,
 * the request's attribute choosing which (0: none does).
 */
struct cd_nl_query {
	enum condis_view_kind kind;
	u8 cmd;
	u8 fields_attr;
	condis_view_fn fill;
};

/* What the request asks to see of each object (@fields: its attribute). */
static u32 cd_nl_fields(const struct nlattr *fields)
{
	return fields ? nla_get_u32(fields) : CD_NL_ALL_FIELDS;
}

/*
 * An attribute of a dump's request, which genetlink has validated against
 * the command's policy (found in the message: where the parsed attributes
 * are kept changed with 6.6).
 */
static struct nlattr *cd_nl_dump_attr(struct netlink_callback *cb, int type)
{
	return type ? nlmsg_find_attr(cb->nlh, GENL_HDRLEN, type) : NULL;
}

static void cd_nl_missing(struct genl_info *info, enum condis_view_kind kind)
{
	struct nlattr *id = info->attrs[1];

	switch (kind) {
	case CONDIS_VIEW_ADAPTER:
		NL_SET_ERR_MSG_ATTR(info->extack, id,
				    "no adapter with this id in this network namespace");
		break;
	case CONDIS_VIEW_AF:
		NL_SET_ERR_MSG_ATTR(info->extack, id,
				    "no address family with this id in this network namespace");
		break;
	case CONDIS_VIEW_SAP:
		NL_SET_ERR_MSG_ATTR(info->extack, id,
				    "no SAP with this id in this network namespace");
		break;
	default:
		NL_SET_ERR_MSG_ATTR(info->extack, id,
				    "no call with this id in this network namespace");
	}
}

/* Every get request carries the object's id as attribute 1. */
static int cd_nl_get(struct sk_buff *skb, struct genl_info *info, const struct cd_nl_query *q)
{
	struct net *net = genl_info_net(info);
	struct cd_nl_fill f;
	void *hdr;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, 1))
		return -EINVAL;
	f.skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!f.skb)
		return -ENOMEM;
	f.rq = cd_nlsk_find(net, info->snd_portid, NETLINK_CB(skb).sk);
	f.fields = cd_nl_fields(q->fields_attr ? info->attrs[q->fields_attr] : NULL);
	hdr = genlmsg_put_reply(f.skb, info, &condis_nl_family, 0, q->cmd);
	ret = hdr ? condis_view_get(net, q->kind, nla_get_u32(info->attrs[1]), q->fill, &f) :
		    -EMSGSIZE;
	if (ret) {
		nlmsg_free(f.skb);
		if (ret == -ENOENT)
			cd_nl_missing(info, q->kind);
		return ret;
	}
	genlmsg_end(f.skb, hdr);
	return genlmsg_reply(f.skb, info);
}

/* cb->args[0]: the next id to look at. */
static int cd_nl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		      const struct cd_nl_query *q)
{
	struct nlattr *named = cd_nl_dump_attr(cb, 1);
	struct net *net = sock_net(skb->sk);
	struct cd_nl_fill f = {
		.skb = skb,
		.rq = cd_nlsk_find(net, NETLINK_CB(cb->skb).portid, NETLINK_CB(cb->skb).sk),
		.fields = cd_nl_fields(cd_nl_dump_attr(cb, q->fields_attr)),
	};
	unsigned long id = cb->args[0];
	void *hdr;
	int ret = 0;

	/* the command's one policy is its get's: a dump names no object */
	if (named) {
		NL_SET_ERR_MSG_ATTR(cb->extack, named, "a dump takes no id");
		return -EINVAL;
	}

	cb->seq = condis_view_generation();
	for (;; id++) {
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
				  &condis_nl_family, NLM_F_MULTI, q->cmd);
		if (!hdr) {
			ret = -EMSGSIZE;
			break;
		}
		ret = condis_view_next(net, q->kind, &id, q->fill, &f);
		if (ret) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		/* on a message sent only: one cancelled would take the flag */
		nl_dump_check_consistent(cb, genlmsg_nlhdr(hdr));
		genlmsg_end(skb, hdr);
	}
	cb->args[0] = id;
	if (ret == -ENOENT)	/* none left */
		ret = 0;
	/* a full message ends this part of the dump; the next one resumes */
	return ret == -EMSGSIZE && skb->len ? skb->len : ret ?: skb->len;
}


/*
 * The get and dump of one kind of object (netlink-gen.h names them):
 * @obj the operation's object, @kind what condis_view shows, @fields_attr
 * the request's attribute saying what of each (0: none), @fill how.
 */
#define CD_NL_QUERY(obj, kind, fields_attr, fill)				\
static const struct cd_nl_query cd_query_##obj = {				\
	CONDIS_VIEW_##kind, CONDIS_CMD_##kind##_GET, fields_attr, fill		\
};										\
int condis_nl_##obj##_get_doit(struct sk_buff *skb, struct genl_info *info)	\
{										\
	return cd_nl_get(skb, info, &cd_query_##obj);				\
}										\
int condis_nl_##obj##_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb) \
{										\
	return cd_nl_dump(skb, cb, &cd_query_##obj);				\
}

CD_NL_QUERY(adapter, ADAPTER, 0, cd_fill_adapter)
CD_NL_QUERY(af, AF, 0, cd_fill_af)
CD_NL_QUERY(sap, SAP, 0, cd_fill_sap)
CD_NL_QUERY(call, CALL, CONDIS_A_CALL_FIELDS, cd_fill_call)
