// SPDX-License-Identifier: GPL-2.0
/*
 * The condis generic netlink family (Documentation/netlink/specs/condis.yaml,
 * uapi/linux/condis.h): policies, the operations table, queries and dumps,
 * notifications, and the sockets acting as clients (found by port).
 *
 * The operations table is a plain genl_ops array with per-operation
 * policies, so the same code builds on 6.1 (no split ops) and 6.12.
 * Requests that change something need CAP_NET_ADMIN in the socket's user
 * namespace (GENL_UNS_ADMIN_PERM); queries are open to everyone and only
 * ever show the caller's network namespace.
 */
#include <linux/hashtable.h>
#include <linux/netlink.h>
#include <net/net_namespace.h>
#include <net/condis_view.h>
#include <net/sock.h>
#include "netlink.h"

/* ---- policies ------------------------------------------------------------ */

static const struct nla_policy cd_flowspec_policy[CONDIS_A_FLOWSPEC_MAX + 1] = {
	[CONDIS_A_FLOWSPEC_TOKEN_RATE] = { .type = NLA_U32 },
	[CONDIS_A_FLOWSPEC_TOKEN_BUCKET_SIZE] = { .type = NLA_U32 },
	[CONDIS_A_FLOWSPEC_PEAK_BANDWIDTH] = { .type = NLA_U32 },
	[CONDIS_A_FLOWSPEC_LATENCY] = { .type = NLA_U32 },
	[CONDIS_A_FLOWSPEC_DELAY_VARIATION] = { .type = NLA_U32 },
	[CONDIS_A_FLOWSPEC_SERVICE_TYPE] = { .type = NLA_U32 },
	[CONDIS_A_FLOWSPEC_MAX_SDU_SIZE] = { .type = NLA_U32 },
	[CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE] = { .type = NLA_U32 },
};

#define CD_CALL_FLAGS_ALL	(CONDIS_CALL_FLAGS_MULTIPOINT_VC * 2 - 1)

static const struct nla_policy cd_params_policy[CONDIS_A_PARAMS_MAX + 1] = {
	[CONDIS_A_PARAMS_FLAGS] = NLA_POLICY_MASK(NLA_U32, CD_CALL_FLAGS_ALL),
	[CONDIS_A_PARAMS_TX] = NLA_POLICY_NESTED(cd_flowspec_policy),
	[CONDIS_A_PARAMS_RX] = NLA_POLICY_NESTED(cd_flowspec_policy),
	[CONDIS_A_PARAMS_MEDIA_FLAGS] = { .type = NLA_U32 },
	[CONDIS_A_PARAMS_RECEIVE_PRIORITY] = { .type = NLA_U32 },
	[CONDIS_A_PARAMS_RECEIVE_SIZE_HINT] = { .type = NLA_U32 },
	[CONDIS_A_PARAMS_CM_SPECIFIC] = { .type = NLA_BINARY, .len = CONDIS_BLOB_MAX },
	[CONDIS_A_PARAMS_MEDIA_SPECIFIC] = { .type = NLA_BINARY, .len = CONDIS_BLOB_MAX },
};

#define CD_ID		NLA_POLICY_MIN(NLA_U32, 1)
#define CD_ADDRESS	{ .type = NLA_BINARY, .len = CONDIS_ADDRESS_MAX }

static const struct nla_policy cd_adapter_get_policy[CONDIS_A_ADAPTER_ID + 1] = {
	[CONDIS_A_ADAPTER_ID] = CD_ID,
};

static const struct nla_policy cd_call_netdev_policy[CONDIS_A_CALL_MAX + 1] = {
	[CONDIS_A_CALL_ID] = CD_ID,
	[CONDIS_A_CALL_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

static const struct nla_policy cd_adapter_new_policy[CONDIS_A_ADAPTER_MAX + 1] = {
	[CONDIS_A_ADAPTER_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_ADAPTER_KIND] = { .type = NLA_NUL_STRING, .len = 15 },
};

/* not const: 6.1 takes a plain pointer */
static struct netlink_range_validation cd_af_type_range = {
	.min = 1, .max = 0xffff,
};

static struct netlink_range_validation cd_timeout_range = {
	.min = 1, .max = 3600000,
};

static const struct nla_policy cd_af_open_policy[CONDIS_A_AF_TYPE + 1] = {
	[CONDIS_A_AF_ADAPTER_ID] = CD_ID,
	[CONDIS_A_AF_TYPE] = NLA_POLICY_FULL_RANGE(NLA_U32, &cd_af_type_range),
};

static const struct nla_policy cd_af_id_policy[CONDIS_A_AF_ID + 1] = {
	[CONDIS_A_AF_ID] = CD_ID,
};

static const struct nla_policy cd_sap_register_policy[CONDIS_A_SAP_ACCEPT_TIMEOUT + 1] = {
	[CONDIS_A_SAP_AF_ID] = CD_ID,
	[CONDIS_A_SAP_TYPE] = { .type = NLA_U32 },
	[CONDIS_A_SAP_ADDRESS] = CD_ADDRESS,
	[CONDIS_A_SAP_ACCEPT_TIMEOUT] = NLA_POLICY_FULL_RANGE(NLA_U32, &cd_timeout_range),
};

static const struct nla_policy cd_sap_id_policy[CONDIS_A_SAP_ID + 1] = {
	[CONDIS_A_SAP_ID] = CD_ID,
};

static const struct nla_policy cd_call_make_policy[CONDIS_A_CALL_PARAMS + 1] = {
	[CONDIS_A_CALL_AF_ID] = CD_ID,
	[CONDIS_A_CALL_ADDRESS] = CD_ADDRESS,
	[CONDIS_A_CALL_PARAMS] = NLA_POLICY_NESTED(cd_params_policy),
};

static const struct nla_policy cd_call_params_policy[CONDIS_A_CALL_PARAMS + 1] = {
	[CONDIS_A_CALL_ID] = CD_ID,
	[CONDIS_A_CALL_PARAMS] = NLA_POLICY_NESTED(cd_params_policy),
};

static const struct nla_policy cd_call_reject_policy[CONDIS_A_CALL_CAUSE + 1] = {
	[CONDIS_A_CALL_ID] = CD_ID,
	[CONDIS_A_CALL_CAUSE] = { .type = NLA_U32 },
};

static const struct nla_policy cd_call_id_policy[CONDIS_A_CALL_ID + 1] = {
	[CONDIS_A_CALL_ID] = CD_ID,
};

static const struct nla_policy cd_party_add_policy[CONDIS_A_PARTY_PARAMS + 1] = {
	[CONDIS_A_PARTY_CALL_ID] = CD_ID,
	[CONDIS_A_PARTY_ADDRESS] = CD_ADDRESS,
	[CONDIS_A_PARTY_PARAMS] = NLA_POLICY_NESTED(cd_params_policy),
};

static const struct nla_policy cd_party_id_policy[CONDIS_A_PARTY_ID + 1] = {
	[CONDIS_A_PARTY_ID] = CD_ID,
};

/* ---- the sockets acting as clients --------------------------------------- */

/* Socket releases and their objects' timers: they wait for condis_wq's work. */
struct workqueue_struct *cd_nl_wq;
static DEFINE_HASHTABLE(cd_nlsks, 8);
static DEFINE_SPINLOCK(cd_nlsk_lock);

static u32 cd_nlsk_hash(const struct net *net, u32 portid)
{
	return hash_ptr(net, 32) ^ portid;
}

/*
 * The cd_nlsk of the socket @nlsk bound to @portid in @net: the one sending
 * the request being handled, or the one reading a dump; it stays open (and
 * its cd_nlsk alive) while it does.
 */
struct cd_nlsk *cd_nlsk_find(const struct net *net, u32 portid,
			     const struct sock *nlsk)
{
	struct cd_nlsk *sk;

	spin_lock_bh(&cd_nlsk_lock);
	hash_for_each_possible(cd_nlsks, sk, node, cd_nlsk_hash(net, portid))
		if (sk->nlsk == nlsk && sk->portid == portid && net_eq(sk->net, net))
			goto out;
	sk = NULL;
out:
	spin_unlock_bh(&cd_nlsk_lock);
	return sk;
}
EXPORT_SYMBOL_IF_KUNIT(cd_nlsk_find);

/* A socket's first object made it a client: it can be found from now on. */
void cd_nlsk_add(struct cd_nlsk *sk)
{
	spin_lock_bh(&cd_nlsk_lock);
	hash_add(cd_nlsks, &sk->node, cd_nlsk_hash(sk->net, sk->portid));
	spin_unlock_bh(&cd_nlsk_lock);
}
EXPORT_SYMBOL_IF_KUNIT(cd_nlsk_add);

/*
 * A socket was released. Its port is free already, and another socket may
 * have bound it and become a client too: the released one is the socket
 * netlink_release() orphaned (SOCK_DEAD), which the cd_nlsk holds.
 */
int cd_nl_sock_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct netlink_notify *n = ptr;
	struct cd_nlsk *sk;

	if (event != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC)
		return NOTIFY_DONE;
	spin_lock_bh(&cd_nlsk_lock);
	hash_for_each_possible(cd_nlsks, sk, node, cd_nlsk_hash(n->net, n->portid))
		if (sk->portid == n->portid && net_eq(sk->net, n->net) &&
		    sock_flag(sk->nlsk, SOCK_DEAD))
			goto found;
	spin_unlock_bh(&cd_nlsk_lock);
	return NOTIFY_DONE;
found:
	hash_del(&sk->node);	/* not to be found from now on */
	spin_unlock_bh(&cd_nlsk_lock);
	queue_work(cd_nl_wq, &sk->release);	/* may sleep: not here */
	return NOTIFY_OK;
}
EXPORT_SYMBOL_IF_KUNIT(cd_nl_sock_event);

static struct notifier_block cd_nl_notifier = {
	.notifier_call = cd_nl_sock_event,
};

/* ---- messages ---------------------------------------------------------- */

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

/* Send a finished notification to the namespace's "events" listeners. */
int cd_nl_notify(struct net *net, struct sk_buff *skb, void *hdr)
{
	genlmsg_end(skb, hdr);
	return genlmsg_multicast_netns(&condis_nl_family, net, skb, 0, 0,
				       GFP_KERNEL);
}

static int cd_nl_put_flowspec(struct sk_buff *skb, int attr,
			      const struct condis_flowspec *fs)
{
	struct nlattr *nest = nla_nest_start(skb, attr);

	if (!nest ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_TOKEN_RATE, fs->token_rate) ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_TOKEN_BUCKET_SIZE, fs->token_bucket_size) ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_PEAK_BANDWIDTH, fs->peak_bandwidth) ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_LATENCY, fs->latency) ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_DELAY_VARIATION, fs->delay_variation) ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_SERVICE_TYPE, fs->service_type) ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_MAX_SDU_SIZE, fs->max_sdu_size) ||
	    nla_put_u32(skb, CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE,
			fs->minimum_policed_size))
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
	struct nlattr *nest;

	if (!cp)
		return 0;
	nest = nla_nest_start(skb, attr);
	if (!nest ||
	    nla_put_u32(skb, CONDIS_A_PARAMS_FLAGS, cp->flags & CD_CALL_FLAGS_ALL) ||
	    cd_nl_put_flowspec(skb, CONDIS_A_PARAMS_TX, &cp->tx) ||
	    cd_nl_put_flowspec(skb, CONDIS_A_PARAMS_RX, &cp->rx) ||
	    nla_put_u32(skb, CONDIS_A_PARAMS_MEDIA_FLAGS, cp->media_flags) ||
	    nla_put_u32(skb, CONDIS_A_PARAMS_RECEIVE_PRIORITY, cp->receive_priority) ||
	    nla_put_u32(skb, CONDIS_A_PARAMS_RECEIVE_SIZE_HINT, cp->receive_size_hint) ||
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
				      cd_flowspec_policy, NULL))
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
				     cd_params_policy, extack))
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

/* A request that answered "pending" is final. */
void cd_nl_request_done(struct net *net, u32 request, u32 id, int status,
			const struct condis_call_params *cp)
{
	struct sk_buff *skb;
	void *hdr;

	skb = cd_nl_new(CONDIS_CMD_REQUEST_DONE_NTF, &hdr, cd_nl_params_size(status ? NULL : cp));
	if (!skb)
		return;
	if (nla_put_u32(skb, CONDIS_A_EVENT_REQUEST, request) ||
	    nla_put_u32(skb, CONDIS_A_EVENT_ID, id) ||
	    nla_put_s32(skb, CONDIS_A_EVENT_STATUS, status) ||
	    nla_put_u32(skb, CONDIS_A_EVENT_NDIS_STATUS, condis_status_to_ndis(status)) ||
	    (!status && cd_nl_put_params(skb, CONDIS_A_EVENT_PARAMS, cp))) {
		nlmsg_free(skb);
		return;
	}
	cd_nl_notify(net, skb, hdr);
}

/* ---- queries: get one object or dump them all --------------------------- */

/* What a query's show functions write into, and for whom. */
struct cd_nl_fill {
	struct sk_buff *skb;
	struct cd_nlsk *rq;
};

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
	struct cd_nlobj *ctx;
	u32 timeout = 0;

	if (owned) {
		mutex_lock(&f->rq->lock);
		ctx = cd_nlobj_find(f->rq, CONDIS_VIEW_SAP, v->id);
		timeout = ctx ? ctx->timeout_ms : 0;
		mutex_unlock(&f->rq->lock);
	}
	if (nla_put_u32(skb, CONDIS_A_SAP_ID, v->id) ||
	    nla_put_u32(skb, CONDIS_A_SAP_AF_ID, v->sap.af_id) ||
	    nla_put_u32(skb, CONDIS_A_SAP_TYPE, d->sap_type) ||
	    nla_put(skb, CONDIS_A_SAP_ADDRESS, min_t(u32, d->len, sizeof(d->sap)), d->sap) ||
	    nla_put_u32(skb, CONDIS_A_SAP_STATE, v->sap.state) ||
	    (timeout && nla_put_u32(skb, CONDIS_A_SAP_ACCEPT_TIMEOUT, timeout)) ||
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
	struct nlattr *nest;

	if (v->kind == CONDIS_VIEW_PARTY) {
		nest = nla_nest_start(skb, CONDIS_A_CALL_PARTY);
		if (!nest || nla_put_u32(skb, CONDIS_A_CALL_PARTY_ID, v->id) ||
		    nla_put_u32(skb, CONDIS_A_CALL_PARTY_STATE, v->party.state))
			return -EMSGSIZE;
		nla_nest_end(skb, nest);
		return 0;
	}
	if (nla_put_u32(skb, CONDIS_A_CALL_ID, v->id) ||
	    nla_put_u32(skb, CONDIS_A_CALL_AF_ID, v->call.af_id) ||
	    cd_fill_stats(skb, &v->call.stats) ||
	    (cd_nl_owns(f, v) && nla_put_flag(skb, CONDIS_A_CALL_OWNED)) ||
	    nla_put_u32(skb, CONDIS_A_CALL_STATE, v->call.state) ||
	    nla_put_u32(skb, CONDIS_A_CALL_DIRECTION,
			v->call.incoming ? CONDIS_DIRECTION_INCOMING :
					   CONDIS_DIRECTION_OUTGOING) ||
	    (v->call.sap_id && nla_put_u32(skb, CONDIS_A_CALL_SAP_ID, v->call.sap_id)) ||
	    cd_nl_put_params(skb, CONDIS_A_CALL_PARAMS, v->call.cp))
		return -EMSGSIZE;
	return 0;
}

struct cd_nl_query {
	enum condis_view_kind kind;
	u8 cmd;
	condis_view_fn fill;
};

static const struct cd_nl_query cd_queries[] = {
	[CONDIS_CMD_ADAPTER_GET] = { CONDIS_VIEW_ADAPTER, CONDIS_CMD_ADAPTER_GET, cd_fill_adapter },
	[CONDIS_CMD_AF_GET] = { CONDIS_VIEW_AF, CONDIS_CMD_AF_GET, cd_fill_af },
	[CONDIS_CMD_SAP_GET] = { CONDIS_VIEW_SAP, CONDIS_CMD_SAP_GET, cd_fill_sap },
	[CONDIS_CMD_CALL_GET] = { CONDIS_VIEW_CALL, CONDIS_CMD_CALL_GET, cd_fill_call },
};

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
static int cd_nl_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct cd_nl_query *q = &cd_queries[info->genlhdr->cmd];
	struct net *net = genl_info_net(info);
	struct cd_nl_fill f;
	void *hdr;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, 1))
		return -EINVAL;
	f.skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!f.skb)
		return -ENOMEM;
	f.rq = cd_nlsk_find(net, info->snd_portid, cd_nl_sender(info));
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
static int cd_nl_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	const struct cd_nl_query *q = &cd_queries[info->op.cmd];
	struct net *net = sock_net(skb->sk);
	struct cd_nl_fill f = {
		.skb = skb,
		.rq = cd_nlsk_find(net, NETLINK_CB(cb->skb).portid, NETLINK_CB(cb->skb).sk),
	};
	unsigned long id = cb->args[0];
	void *hdr;
	int ret = 0;

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

/* ---- the family ------------------------------------------------------------ */

/*
 * 6.2 gave the doit hooks the split ops, in the same release as
 * GENL_SET_ERR_MSG_FMT: that macro tells the two apart (6.1 has neither).
 */
#ifdef GENL_SET_ERR_MSG_FMT
#define cd_genl_ops genl_split_ops
#else
#define cd_genl_ops genl_ops
#endif

/*
 * A request that changes something gets its answer's buffer before it
 * starts (info->user_ptr[0], taken by cd_nl_reply()): once the change is
 * made, no allocation can fail it, and a failed one changed nothing.
 * Every request has its sender's socket in info->user_ptr[1].
 */
static int cd_nl_pre_doit(const struct cd_genl_ops *ops, struct sk_buff *skb,
			  struct genl_info *info)
{
	info->user_ptr[1] = NETLINK_CB(skb).sk;		/* cd_nl_sender() */
	if (!(ops->flags & GENL_UNS_ADMIN_PERM))
		return 0;
	info->user_ptr[0] = genlmsg_new(CD_NL_REPLY_SIZE, GFP_KERNEL);
	return info->user_ptr[0] ? 0 : -ENOMEM;
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
 * In the buffer cd_nl_pre_doit() allocated, so it cannot fail for memory.
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

static void cd_nl_post_doit(const struct cd_genl_ops *ops, struct sk_buff *skb,
			    struct genl_info *info)
{
	nlmsg_free(info->user_ptr[0]);	/* unless the request answered */
}

#define CD_OP(c, pol, fn, fl) {						\
	.cmd = CONDIS_CMD_##c, .doit = fn, .policy = pol,		\
	.maxattr = ARRAY_SIZE(pol) - 1, .flags = fl }
#define CD_GET(c, pol) {						\
	.cmd = CONDIS_CMD_##c, .doit = cd_nl_get_doit,			\
	.dumpit = cd_nl_dumpit, .policy = pol,				\
	.maxattr = ARRAY_SIZE(pol) - 1 }
#define CD_ADMIN	GENL_UNS_ADMIN_PERM

static const struct genl_ops cd_nl_ops[] = {
	CD_GET(ADAPTER_GET, cd_adapter_get_policy),
	CD_OP(AF_OPEN, cd_af_open_policy, cd_nl_af_open_doit, CD_ADMIN),
	CD_OP(AF_CLOSE, cd_af_id_policy, cd_nl_af_close_doit, CD_ADMIN),
	CD_GET(AF_GET, cd_af_id_policy),
	CD_OP(SAP_REGISTER, cd_sap_register_policy, cd_nl_sap_register_doit, CD_ADMIN),
	CD_OP(SAP_DEREGISTER, cd_sap_id_policy, cd_nl_sap_deregister_doit, CD_ADMIN),
	CD_GET(SAP_GET, cd_sap_id_policy),
	CD_OP(CALL_MAKE, cd_call_make_policy, cd_nl_call_make_doit, CD_ADMIN),
	CD_OP(CALL_ACCEPT, cd_call_params_policy, cd_nl_call_answer_doit, CD_ADMIN),
	CD_OP(CALL_REJECT, cd_call_reject_policy, cd_nl_call_answer_doit, CD_ADMIN),
	CD_OP(CALL_CLOSE, cd_call_id_policy, cd_nl_call_close_doit, CD_ADMIN),
	CD_OP(CALL_MODIFY_QOS, cd_call_params_policy, cd_nl_call_modify_qos_doit,
	      CD_ADMIN),
	CD_GET(CALL_GET, cd_call_id_policy),
	CD_OP(CALL_OPEN_FD, cd_call_id_policy, cd_nl_call_open_fd_doit, CD_ADMIN),
	CD_OP(PARTY_ADD, cd_party_add_policy, cd_nl_party_add_doit, CD_ADMIN),
	CD_OP(PARTY_DROP, cd_party_id_policy, cd_nl_party_drop_doit, CD_ADMIN),
	CD_OP(CALL_NETDEV, cd_call_netdev_policy, cd_nl_call_netdev_doit, CD_ADMIN),
	CD_OP(ADAPTER_NEW, cd_adapter_new_policy, cd_nl_adapter_new_doit, CD_ADMIN),
	CD_OP(ADAPTER_DEL, cd_adapter_get_policy, cd_nl_adapter_del_doit, CD_ADMIN),
};

static const struct genl_multicast_group cd_nl_mcgrps[] = {
	{ .name = CONDIS_MCGRP_EVENTS },
};

struct genl_family condis_nl_family __ro_after_init = {
	.name = CONDIS_FAMILY_NAME,
	.version = CONDIS_FAMILY_VERSION,
	.netnsok = true,
	.parallel_ops = true,
	.module = THIS_MODULE,
	.ops = cd_nl_ops,
	.n_ops = ARRAY_SIZE(cd_nl_ops),
	.pre_doit = cd_nl_pre_doit,
	.post_doit = cd_nl_post_doit,
	.resv_start_op = CONDIS_CMD_PARTY_DROP + 1,
	.mcgrps = cd_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(cd_nl_mcgrps),
};

int cd_nl_init(void)
{
	int ret;

	cd_nl_wq = alloc_workqueue("condis_nl", WQ_UNBOUND, 0);
	if (!cd_nl_wq)
		return -ENOMEM;
	ret = cd_nlsk_init();
	if (ret)
		goto err_wq;
	ret = netlink_register_notifier(&cd_nl_notifier);
	if (ret)
		goto err_nlsk;
	ret = genl_register_family(&condis_nl_family);
	if (ret)
		goto err_notifier;
	return 0;

err_notifier:
	netlink_unregister_notifier(&cd_nl_notifier);
err_nlsk:
	cd_nlsk_exit();
err_wq:
	destroy_workqueue(cd_nl_wq);
	return ret;
}

/* After the family is gone no socket can make a new cd_nlsk: release the rest. */
void cd_nl_exit(void)
{
	struct hlist_node *tmp;
	struct cd_nlsk *sk;
	int bkt;

	genl_unregister_family(&condis_nl_family);
	netlink_unregister_notifier(&cd_nl_notifier);
	spin_lock_bh(&cd_nlsk_lock);
	hash_for_each_safe(cd_nlsks, bkt, tmp, sk, node) {
		hash_del(&sk->node);
		queue_work(cd_nl_wq, &sk->release);
	}
	spin_unlock_bh(&cd_nlsk_lock);
	flush_workqueue(cd_nl_wq);	/* the releases hang calls up */
	rcu_barrier();			/* whose ends are queued after a grace period */
	destroy_workqueue(cd_nl_wq);	/* runs what is queued first */
	cd_nlsk_exit();
}
