// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Building condis requests and parsing the kernel's answers.
#include <condis/condis.hpp>
#include "codec.hpp"

#include <cstring>
#include <linux/condis.h>
#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

namespace condis {

Error::Error(int err, std::string extack, const std::string &what)
	: std::runtime_error(what), err_(err), extack_(std::move(extack))
{
}

void MsgFree::operator()(nl_msg *m) const
{
	nlmsg_free(m);
}

const char *Event::name() const
{
	return names::command(cmd);
}

namespace codec {

namespace {

// The attributes of a genetlink message, by type (nullptr when absent).
template <int Max> struct Attrs {
	nlattr *tb[Max + 1] = {};
	explicit Attrs(const nlmsghdr *nlh)
	{
		// the kernel's policy already validated them
		genlmsg_parse(const_cast<nlmsghdr *>(nlh), 0, tb, Max, nullptr);
	}
	explicit Attrs(const nlattr *nest)
	{
		if (nest)
			nla_parse_nested(tb, Max, const_cast<nlattr *>(nest), nullptr);
	}
	nlattr *operator[](int i) const { return tb[i]; }
	uint32_t u32(int i, uint32_t def = 0) const
	{
		return tb[i] && nla_len(tb[i]) >= 4 ? nla_get_u32(tb[i]) : def;
	}
	uint64_t u64(int i) const
	{
		return tb[i] && nla_len(tb[i]) >= 8 ? nla_get_u64(tb[i]) : 0;
	}
	Bytes bytes(int i) const
	{
		Bytes b;
		bytes_into(i, b);
		return b;
	}
	// into @b, reusing its storage
	void bytes_into(int i, Bytes &b) const
	{
		if (!tb[i]) {
			b.clear();
			return;
		}
		auto *p = static_cast<const uint8_t *>(nla_data(tb[i]));
		b.assign(p, p + nla_len(tb[i]));
	}
	std::string str(int i) const
	{
		return tb[i] ? std::string(nla_get_string(tb[i])) : std::string();
	}
};

void check(int ret, const char *what)
{
	if (ret < 0)
		throw Error(EMSGSIZE, "", std::string("cannot build the request: ") + what);
}

FlowSpec parse_flowspec(const nlattr *nest)
{
	Attrs<CONDIS_A_FLOWSPEC_MAX> a(nest);
	FlowSpec f;

	f.token_rate = a.u32(CONDIS_A_FLOWSPEC_TOKEN_RATE);
	f.token_bucket_size = a.u32(CONDIS_A_FLOWSPEC_TOKEN_BUCKET_SIZE);
	f.peak_bandwidth = a.u32(CONDIS_A_FLOWSPEC_PEAK_BANDWIDTH);
	f.latency = a.u32(CONDIS_A_FLOWSPEC_LATENCY);
	f.delay_variation = a.u32(CONDIS_A_FLOWSPEC_DELAY_VARIATION);
	f.service_type = a.u32(CONDIS_A_FLOWSPEC_SERVICE_TYPE);
	f.max_sdu_size = a.u32(CONDIS_A_FLOWSPEC_MAX_SDU_SIZE);
	f.minimum_policed_size = a.u32(CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE);
	return f;
}

// Into @to (absent: reset), reusing the storage it holds.
void parse_params(const nlattr *nest, std::optional<CallParams> &to)
{
	if (!nest) {
		to.reset();
		return;
	}
	Attrs<CONDIS_A_PARAMS_MAX> a(nest);
	CallParams &p = to ? *to : to.emplace();

	p.flags = a.u32(CONDIS_A_PARAMS_FLAGS);
	p.tx = parse_flowspec(a[CONDIS_A_PARAMS_TX]);
	p.rx = parse_flowspec(a[CONDIS_A_PARAMS_RX]);
	p.media_flags = a.u32(CONDIS_A_PARAMS_MEDIA_FLAGS);
	p.receive_priority = a.u32(CONDIS_A_PARAMS_RECEIVE_PRIORITY);
	p.receive_size_hint = a.u32(CONDIS_A_PARAMS_RECEIVE_SIZE_HINT);
	a.bytes_into(CONDIS_A_PARAMS_CM_SPECIFIC, p.cm_specific);
	a.bytes_into(CONDIS_A_PARAMS_MEDIA_SPECIFIC, p.media_specific);
}

void put_flowspec(nl_msg *m, int attr, const FlowSpec &f)
{
	nlattr *nest = nla_nest_start(m, attr);

	if (!nest)
		check(-1, "flowspec");
	put_u32(m, CONDIS_A_FLOWSPEC_TOKEN_RATE, f.token_rate);
	put_u32(m, CONDIS_A_FLOWSPEC_TOKEN_BUCKET_SIZE, f.token_bucket_size);
	put_u32(m, CONDIS_A_FLOWSPEC_PEAK_BANDWIDTH, f.peak_bandwidth);
	put_u32(m, CONDIS_A_FLOWSPEC_LATENCY, f.latency);
	put_u32(m, CONDIS_A_FLOWSPEC_DELAY_VARIATION, f.delay_variation);
	put_u32(m, CONDIS_A_FLOWSPEC_SERVICE_TYPE, f.service_type);
	put_u32(m, CONDIS_A_FLOWSPEC_MAX_SDU_SIZE, f.max_sdu_size);
	put_u32(m, CONDIS_A_FLOWSPEC_MINIMUM_POLICED_SIZE, f.minimum_policed_size);
	nla_nest_end(m, nest);
}

} // namespace

Msg request(int family, uint8_t cmd, bool dump)
{
	Msg m(nlmsg_alloc());

	if (!m)
		throw Error(ENOMEM, "", "out of memory");
	// port and sequence are filled in when the message is sent
	if (!genlmsg_put(m.get(), 0, 0, family, 0,
			 NLM_F_REQUEST | NLM_F_ACK | (dump ? NLM_F_DUMP : 0), cmd,
			 CONDIS_FAMILY_VERSION))
		check(-1, "header");
	return m;
}

void put_u32(nl_msg *m, int attr, uint32_t v)
{
	check(nla_put_u32(m, attr, v), "u32");
}

void put_flag(nl_msg *m, int attr)
{
	check(nla_put_flag(m, attr), "flag");
}

void put_string(nl_msg *m, int attr, const std::string &v)
{
	check(nla_put_string(m, attr, v.c_str()), "string");
}

void put_bytes(nl_msg *m, int attr, const Bytes &b)
{
	check(nla_put(m, attr, static_cast<int>(b.size()), b.data()), "binary");
}

void put_params(nl_msg *m, int attr, const CallParams &p)
{
	nlattr *nest = nla_nest_start(m, attr);

	if (!nest)
		check(-1, "params");
	put_u32(m, CONDIS_A_PARAMS_FLAGS, p.flags);
	put_flowspec(m, CONDIS_A_PARAMS_TX, p.tx);
	put_flowspec(m, CONDIS_A_PARAMS_RX, p.rx);
	put_u32(m, CONDIS_A_PARAMS_MEDIA_FLAGS, p.media_flags);
	put_u32(m, CONDIS_A_PARAMS_RECEIVE_PRIORITY, p.receive_priority);
	put_u32(m, CONDIS_A_PARAMS_RECEIVE_SIZE_HINT, p.receive_size_hint);
	if (!p.cm_specific.empty())
		put_bytes(m, CONDIS_A_PARAMS_CM_SPECIFIC, p.cm_specific);
	if (!p.media_specific.empty())
		put_bytes(m, CONDIS_A_PARAMS_MEDIA_SPECIFIC, p.media_specific);
	nla_nest_end(m, nest);
}

Bytes bytes(nl_msg *m)
{
	const nlmsghdr *h = nlmsg_hdr(m);
	auto *p = reinterpret_cast<const uint8_t *>(h);

	return Bytes(p, p + h->nlmsg_len);
}

Adapter parse_adapter(const nlmsghdr *nlh)
{
	Attrs<CONDIS_A_ADAPTER_MAX> a(nlh);
	Adapter r;
	nlattr *pos;
	int rem;

	r.id = a.u32(CONDIS_A_ADAPTER_ID);
	r.name = a.str(CONDIS_A_ADAPTER_NAME);
	r.ifindex = a.u32(CONDIS_A_ADAPTER_IFINDEX);
	r.kind = a.str(CONDIS_A_ADAPTER_KIND);
	if (a[CONDIS_A_ADAPTER_DROPS]) {
		static const char *const names[CONDIS_A_DROPS_MAX + 1] = {
			nullptr, "malformed", "not-unicast", "no-vc", "not-peer", "token",
			"overload", "half-open", "rate-limited", "unmatched",
		};
		static_assert(CONDIS_A_DROPS_MAX == 9, "a drop reason without a name");
		Attrs<CONDIS_A_DROPS_MAX> d(a[CONDIS_A_ADAPTER_DROPS]);
		for (int i = 1; i <= CONDIS_A_DROPS_MAX; i++)
			r.drops.emplace_back(names[i], d.u64(i));
	}
	// multi-attr: every occurrence, not only the last one
	nlmsg_for_each_attr(pos, const_cast<nlmsghdr *>(nlh), GENL_HDRLEN, rem)
		if (nla_type(pos) == CONDIS_A_ADAPTER_AF_TYPE && nla_len(pos) >= 4)
			r.af_types.push_back(nla_get_u32(pos));
	return r;
}

Af parse_af(const nlmsghdr *nlh)
{
	Attrs<CONDIS_A_AF_MAX> a(nlh);
	Af r;

	r.id = a.u32(CONDIS_A_AF_ID);
	r.adapter_id = a.u32(CONDIS_A_AF_ADAPTER_ID);
	r.type = a.u32(CONDIS_A_AF_TYPE);
	r.state = a.u32(CONDIS_A_AF_STATE);
	r.client = a.str(CONDIS_A_AF_CLIENT);
	r.owned = a[CONDIS_A_AF_OWNED] != nullptr;
	return r;
}

Sap parse_sap(const nlmsghdr *nlh)
{
	Attrs<CONDIS_A_SAP_MAX> a(nlh);
	Sap r;

	r.id = a.u32(CONDIS_A_SAP_ID);
	r.af_id = a.u32(CONDIS_A_SAP_AF_ID);
	r.type = a.u32(CONDIS_A_SAP_TYPE);
	r.state = a.u32(CONDIS_A_SAP_STATE);
	r.accept_timeout = a.u32(CONDIS_A_SAP_ACCEPT_TIMEOUT);
	r.backlog = a.u32(CONDIS_A_SAP_BACKLOG);
	r.address = a.bytes(CONDIS_A_SAP_ADDRESS);
	r.owned = a[CONDIS_A_SAP_OWNED] != nullptr;
	return r;
}

// One pass over the attributes, no table: a dump parses a million of these.
void parse_call(const nlmsghdr *nlh, Call &r)
{
	nlattr *pos;
	int rem;

	r.id = r.af_id = r.sap_id = r.direction = r.state = 0;
	r.owned = false;
	r.stats.reset();
	r.parties.clear();
	bool params = false;
	nlmsg_for_each_attr(pos, const_cast<nlmsghdr *>(nlh), GENL_HDRLEN, rem) {
		uint32_t v = nla_len(pos) >= 4 ? nla_get_u32(pos) : 0;

		switch (nla_type(pos)) {
		case CONDIS_A_CALL_ID:
			r.id = v;
			break;
		case CONDIS_A_CALL_AF_ID:
			r.af_id = v;
			break;
		case CONDIS_A_CALL_SAP_ID:
			r.sap_id = v;
			break;
		case CONDIS_A_CALL_DIRECTION:
			r.direction = v;
			break;
		case CONDIS_A_CALL_STATE:
			r.state = v;
			break;
		case CONDIS_A_CALL_OWNED:
			r.owned = true;
			break;
		case CONDIS_A_CALL_PARAMS:
			parse_params(pos, r.params);
			params = true;
			break;
		case CONDIS_A_CALL_STATS: {
			Attrs<CONDIS_A_STATS_MAX> s(pos);
			r.stats = Stats{ s.u64(CONDIS_A_STATS_TX_PACKETS), s.u64(CONDIS_A_STATS_TX_BYTES),
					 s.u64(CONDIS_A_STATS_RX_PACKETS), s.u64(CONDIS_A_STATS_RX_BYTES),
					 s.u64(CONDIS_A_STATS_TX_ERRORS), s.u64(CONDIS_A_STATS_RX_DROPPED) };
			break;
		}
		case CONDIS_A_CALL_PARTY: {
			Attrs<CONDIS_A_CALL_PARTY_MAX> p(pos);
			r.parties.push_back({ p.u32(CONDIS_A_CALL_PARTY_ID),
					      p.u32(CONDIS_A_CALL_PARTY_STATE) });
			break;
		}
		}
	}
	if (!params)
		r.params.reset();
}

Call parse_call(const nlmsghdr *nlh)
{
	Call r;

	parse_call(nlh, r);
	return r;
}

// Every request's answer has the id as attribute 1 and the state (or the
// descriptor of call-open-fd) as the reply's other attribute.
Reply parse_reply(const nlmsghdr *nlh)
{
	Attrs<CONDIS_A_CALL_MAX> a(nlh);
	auto *g = static_cast<genlmsghdr *>(nlmsg_data(nlh));
	Reply r;

	r.id = a.u32(1);
	switch (g->cmd) {
	case CONDIS_CMD_AF_OPEN:
	case CONDIS_CMD_AF_CLOSE:
		r.state = a.u32(CONDIS_A_AF_STATE);
		r.pending = a[CONDIS_A_AF_PENDING];
		break;
	case CONDIS_CMD_SAP_REGISTER:
	case CONDIS_CMD_SAP_DEREGISTER:
		r.state = a.u32(CONDIS_A_SAP_STATE);
		r.pending = a[CONDIS_A_SAP_PENDING];
		break;
	case CONDIS_CMD_PARTY_ADD:
	case CONDIS_CMD_PARTY_DROP:
		r.state = a.u32(CONDIS_A_PARTY_STATE);
		r.pending = a[CONDIS_A_PARTY_PENDING];
		break;
	case CONDIS_CMD_CALL_OPEN_FD:
		r.fd = static_cast<int32_t>(a.u32(CONDIS_A_CALL_FD, UINT32_MAX));
		break;
	case CONDIS_CMD_CALL_NETDEV:
		r.ifindex = a.u32(CONDIS_A_CALL_IFINDEX);
		break;
	case CONDIS_CMD_ADAPTER_NEW:
		break;
	default:
		r.state = a.u32(CONDIS_A_CALL_STATE);
		r.pending = a[CONDIS_A_CALL_PENDING];
	}
	return r;
}

Event parse_event(const nlmsghdr *nlh)
{
	auto *g = static_cast<genlmsghdr *>(nlmsg_data(nlh));
	Event e;

	e.cmd = g->cmd;
	switch (g->cmd) {
	case CONDIS_CMD_REQUEST_DONE_NTF:
	case CONDIS_CMD_STATUS_NTF: {
		Attrs<CONDIS_A_EVENT_MAX> a(nlh);
		e.request = a.u32(CONDIS_A_EVENT_REQUEST);
		e.id = a.u32(CONDIS_A_EVENT_ID);
		e.status = static_cast<int32_t>(a.u32(CONDIS_A_EVENT_STATUS));
		e.ndis_status = a.u32(CONDIS_A_EVENT_NDIS_STATUS);
		e.call_id = a.u32(CONDIS_A_EVENT_CALL_ID);
		e.adapter_id = a.u32(CONDIS_A_EVENT_ADAPTER_ID);
		e.buffer = a.bytes(CONDIS_A_EVENT_BUFFER);
		parse_params(a[CONDIS_A_EVENT_PARAMS], e.params);
		break;
	}
	case CONDIS_CMD_PARTY_DROP_NTF: {
		Attrs<CONDIS_A_PARTY_MAX> a(nlh);
		e.id = a.u32(CONDIS_A_PARTY_ID);
		e.call_id = a.u32(CONDIS_A_PARTY_CALL_ID);
		e.cause = a.u32(CONDIS_A_PARTY_CAUSE);
		break;
	}
	default: {
		Attrs<CONDIS_A_CALL_MAX> a(nlh);
		e.id = a.u32(CONDIS_A_CALL_ID);
		e.call_id = e.id;
		e.af_id = a.u32(CONDIS_A_CALL_AF_ID);
		e.sap_id = a.u32(CONDIS_A_CALL_SAP_ID);
		e.cause = a.u32(CONDIS_A_CALL_CAUSE);
		e.accepted = a[CONDIS_A_CALL_ACCEPTED] != nullptr;
		parse_params(a[CONDIS_A_CALL_PARAMS], e.params);
	}
	}
	return e;
}

namespace {

// The extack message of an NLMSG_ERROR or NLMSG_DONE, its TLVs from @off
// bytes into the payload.
void parse_extack(const nlmsghdr *nlh, size_t off, std::string &extack)
{
	nlattr *tb[NLMSGERR_ATTR_MAX + 1] = {};

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || NLMSG_LENGTH(off) > nlh->nlmsg_len)
		return;
	auto *attrs = reinterpret_cast<nlattr *>(
		reinterpret_cast<char *>(nlmsg_data(nlh)) + off);
	int len = static_cast<int>(nlh->nlmsg_len - NLMSG_LENGTH(off));

	if (nla_parse(tb, NLMSGERR_ATTR_MAX, attrs, len, nullptr) == 0 && tb[NLMSGERR_ATTR_MSG])
		extack = nla_get_string(tb[NLMSGERR_ATTR_MSG]);
}

} // namespace

int parse_error(const nlmsghdr *nlh, std::string &extack)
{
	auto *e = static_cast<const nlmsgerr *>(nlmsg_data(nlh));
	size_t off = sizeof(*e);

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
		return EPROTO;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(e->msg);	// the echoed request
	parse_extack(nlh, off, extack);
	return -e->error;
}

int parse_done(const nlmsghdr *nlh, std::string &extack)
{
	int err;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(err)))
		return 0;			// a dump's end without a status
	std::memcpy(&err, nlmsg_data(nlh), sizeof(err));
	parse_extack(nlh, sizeof(err), extack);
	return -err;
}

} // namespace codec
} // namespace condis
