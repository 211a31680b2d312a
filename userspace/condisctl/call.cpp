// SPDX-License-Identifier: GPL-2.0
//
// condisctl call, and what call and party share: the call parameters'
// keywords, a station's address, a cause.
#include "cli.hpp"

#include <net/if.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <linux/condis.h>

using namespace condis;

namespace condisctl {

json to_json(const CallParams &p)
{
	auto fs = [](const FlowSpec &f) {
		return json{ { "rate", f.token_rate }, { "bucket", f.token_bucket_size },
			     { "peak", f.peak_bandwidth }, { "latency", f.latency },
			     { "delay-variation", f.delay_variation },
			     { "service-type", f.service_type }, { "sdu", f.max_sdu_size },
			     { "min-policed", f.minimum_policed_size } };
	};
	json j = { { "flags", p.flags }, { "tx", fs(p.tx) }, { "rx", fs(p.rx) } };
	if (!p.cm_specific.empty())
		j["cm-specific"] = format_bytes(p.cm_specific);
	if (!p.media_specific.empty())
		j["media-specific"] = format_bytes(p.media_specific);
	return j;
}

json to_json(const Call &c)
{
	json j = { { "id", c.id }, { "af", c.af_id } };
	if (c.sap_id)
		j["sap"] = c.sap_id;
	j["direction"] = names::direction(c.direction);
	j["state"] = names::call_state(c.state);
	if (c.params)
		j["params"] = to_json(*c.params);
	if (!c.parties.empty()) {
		json parties = json::array();
		for (const auto &p : c.parties)
			parties.push_back({ { "id", p.id }, { "state", names::party_state(p.state) } });
		j["parties"] = parties;
	}
	if (c.stats)
		j["stats"] = { { "tx-packets", c.stats->tx_packets },
			       { "tx-bytes", c.stats->tx_bytes },
			       { "rx-packets", c.stats->rx_packets },
			       { "rx-bytes", c.stats->rx_bytes },
			       { "tx-errors", c.stats->tx_errors },
			       { "rx-dropped", c.stats->rx_dropped } };
	j["owned"] = c.owned;
	return j;
}

json to_json(const Event &e)
{
	json j = { { "event", e.name() } };

	if (e.cmd == CONDIS_CMD_REQUEST_DONE_NTF) {
		j["request"] = names::request(e.request);
		j["id"] = e.id;
		j["status"] = e.status;
		j["ndis-status"] = e.ndis_status;
	} else if (e.cmd == CONDIS_CMD_STATUS_NTF) {
		if (e.call_id)
			j["call"] = e.call_id;
		j["status"] = e.status;
		j["ndis-status"] = e.ndis_status;
	} else if (e.cmd == CONDIS_CMD_PARTY_DROP_NTF) {
		j["id"] = e.id;
		j["call"] = e.call_id;
		j["cause"] = e.cause;
	} else {
		j["id"] = e.id;
		j["af"] = e.af_id;
		if (e.sap_id)
			j["sap"] = e.sap_id;
		if (e.cmd == CONDIS_CMD_CALL_CLOSE_NTF)
			j["cause"] = e.cause;
		if (e.accepted)
			j["accepted"] = true;
	}
	if (e.params)
		j["params"] = to_json(*e.params);
	return j;
}

// tx-rate N rx-rate N tx-peak N rx-peak N tx-sdu N rx-sdu N latency N
// service-type N multipoint media HEX
bool parse_param(Args &a, CallParams &p)
{
	static const struct {
		const char *word;
		uint32_t FlowSpec::*field;
		bool tx, rx;
	} keys[] = {
		{ "tx-rate", &FlowSpec::token_rate, true, false },
		{ "rx-rate", &FlowSpec::token_rate, false, true },
		{ "tx-peak", &FlowSpec::peak_bandwidth, true, false },
		{ "rx-peak", &FlowSpec::peak_bandwidth, false, true },
		{ "tx-sdu", &FlowSpec::max_sdu_size, true, false },
		{ "rx-sdu", &FlowSpec::max_sdu_size, false, true },
		{ "latency", &FlowSpec::latency, true, true },
		{ "service-type", &FlowSpec::service_type, true, true },
	};

	for (const auto &k : keys) {
		if (!a.take(k.word))
			continue;
		uint32_t v = a.number(k.word);
		if (k.tx)
			p.tx.*k.field = v;
		if (k.rx)
			p.rx.*k.field = v;
		return true;
	}
	if (a.take("multipoint")) {
		p.flags |= CONDIS_CALL_FLAGS_MULTIPOINT_VC;
		return true;
	}
	if (a.take("media")) {
		p.media_specific = parse_bytes(a.next("media-specific bytes"));
		return true;
	}
	return false;
}

std::string settle(Session &s, uint32_t request, const Reply &r, const char *pending_state,
		   const char *done_state)
{
	if (!r.pending)
		return done_state;
	if (!s.opt.wait)
		return pending_state;
	s.client.wait_done(request, r.id, s.opt.timeout_ms);
	return done_state;
}

// A station's MAC address: six colon-separated hex bytes.
Bytes parse_station(const std::string &word)
{
	Bytes b = parse_bytes(word);
	if (b.size() != 6 || word.find(':') == std::string::npos)
		throw Usage("\"" + word + "\" is not a MAC address (like 02:00:00:00:00:01)");
	return b;
}

// The NDIS_STATUS of a cause word: a number or one of a few names.
uint32_t cause_of(Args &a)
{
	static const std::pair<const char *, uint32_t> causes[] = {
		{ "not-accepted", 0x00010003 }, { "dest-out-of-order", 0xc0010024 },
		{ "invalid-address", 0xc0010022 }, { "resources", 0xc000009a },
		{ "incompatible-qos", 0xc0010027 }, { "failure", 0xc0000001 },
	};
	std::string w = a.peek();
	for (const auto &c : causes)
		if (w == c.first) {
			a.next("cause");
			return c.second;
		}
	return a.number("cause");
}

Called parse_called(Args &a, const char *owner, const char *command,
		    const std::function<bool(Args &)> &more)
{
	Called c;
	Bytes station;
	CallParams p;
	bool params = false;

	while (!a.empty()) {
		if (a.take(owner))
			c.owner = a.number(owner == std::string("af") ? "af id" : "call id");
		else if (a.take("to"))
			c.to = parse_bytes(a.next("called address"));
		else if (a.take("station"))
			station = parse_station(a.next("station MAC address"));
		else if (parse_param(a, p))
			params = true;
		else if (!more || !more(a))
			throw Usage("unknown " + std::string(command) + " argument \"" + a.peek() + "\"");
	}
	if ((!c.owner && !more) || c.to.empty())
		throw Usage(std::string(command) + " needs " + owner + " ID and to ADDR");
	c.to.insert(c.to.begin(), station.begin(), station.end());
	if (params)
		c.params = p;
	return c;
}

namespace {

// A PPPoE call's session (<net/condis_pppoe.h>: the peer's MAC address, then
// the session id, big-endian), from its media-specific parameters.
json pppoe_session(const CallParams &p)
{
	const Bytes &m = p.media_specific;
	char peer[18];

	if (m.size() != 8)
		return nullptr;
	snprintf(peer, sizeof(peer), "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3],
		 m[4], m[5]);
	return { { "session", m[6] << 8 | m[7] }, { "peer", peer } };
}

void call_show(Session &s, Args &a)
{
	std::optional<std::map<uint32_t, uint32_t>> af_types;	// asked once, if needed
	// the kernel formats and sends the counters only when they are shown
	uint32_t fields = CONDIS_CALL_FIELDS_AF_ID | CONDIS_CALL_FIELDS_SAP_ID |
			  CONDIS_CALL_FIELDS_DIRECTION | CONDIS_CALL_FIELDS_STATE |
			  CONDIS_CALL_FIELDS_PARAMS | CONDIS_CALL_FIELDS_PARTIES |
			  CONDIS_CALL_FIELDS_OWNED |
			  (s.opt.stats ? CONDIS_CALL_FIELDS_STATS : 0);

	show(s, a, "call", [&] { return s.client.calls(fields); }, [&] { return a.number("call id"); },
	     [&](uint32_t id) { return s.client.call(id); },
	     [&](const Call &c) {
		     json j = to_json(c);
		     if (!s.opt.stats)	// as ip: counters with -s
			     j.erase("stats");
		     if (!af_types) {
			     af_types.emplace();
			     for (const auto &af : s.client.afs())
				     (*af_types)[af.id] = af.type;
		     }
		     if (c.params && (*af_types)[c.af_id] == CONDIS_AF_TYPE_PPPOE) {
			     json session = pppoe_session(*c.params);
			     if (!session.is_null())
				     j["pppoe"] = session;
		     }
		     return j;
	     });
}

void call_make(Session &s, Args &a)
{
	uint32_t af_type = CONDIS_AF_TYPE_LOOPBACK;
	std::optional<int> send_fd;
	std::string adapter;

	Called c = parse_called(a, "af", "call make", [&](Args &w) {
		if (w.take("adapter"))
			adapter = w.next("adapter");
		else if (w.take("af-type"))
			af_type = af_type_of(w.next("address family type"));
		else if (w.take("send-fd"))
			send_fd = static_cast<int>(w.number("descriptor"));
		else
			return false;
		return true;
	});
	if (!c.owner == adapter.empty())
		throw Usage("call make needs af ID or adapter ADAPTER, and to ADDR");
	if (send_fd && !s.opt.wait)
		throw Usage("call make send-fd waits for the call (no -W)");
	if (!c.owner) {		// an AF of its own, for as long as the call
		Reply af = s.client.af_open(adapter_id(s, adapter), af_type);
		settle(s, CONDIS_REQUEST_AF_OPEN, af, "opening", "open");
		c.owner = af.id;
	}
	Reply r = s.client.call_make(c.owner, c.to, c.params);
	std::string state = settle(s, CONDIS_REQUEST_CALL_MAKE, r, "outgoing", "connected");
	if (send_fd) {
		send_vc_fd(s, r.id, *send_fd);
		state = "closed";
	}
	return emit(s.opt, "call", { { "id", r.id }, { "state", state } });
}

void call_accept(Session &s, Args &a)
{
	uint32_t id = a.number("call id");
	CallParams p;
	bool params = false;
	while (!a.empty()) {
		if (!parse_param(a, p))
			throw Usage("unknown call accept argument \"" + a.peek() + "\"");
		params = true;
	}
	Reply r = s.client.call_accept(id, params ? std::optional(p) : std::nullopt);
	return emit(s.opt, "call", { { "id", r.id }, { "state", names::call_state(r.state) } });
}

void call_reject(Session &s, Args &a)
{
	uint32_t id = a.number("call id");
	std::optional<uint32_t> cause;
	if (a.take("cause"))
		cause = cause_of(a);
	a.done();
	Reply r = s.client.call_reject(id, cause);
	return emit(s.opt, "call", { { "id", r.id }, { "state", names::call_state(r.state) } });
}

void call_close(Session &s, Args &a)
{
	uint32_t id = a.number("call id");
	a.done();
	Reply r = s.client.call_close(id);
	std::string state = settle(s, CONDIS_REQUEST_CALL_CLOSE, r, "closing", "closed");
	s.close_fd(id);
	return emit(s.opt, "call", { { "id", r.id }, { "state", state } });
}

void call_netdev(Session &s, Args &a)
{
	uint32_t id = a.number("call id");
	std::string name;
	if (a.take("name"))
		name = a.next("interface name");
	a.done();
	Reply r = s.client.call_netdev(id, name);
	json j = { { "id", r.id }, { "ifindex", r.ifindex } };
	char ifname[IF_NAMESIZE] = "";
	if (if_indextoname(r.ifindex, ifname))
		j["dev"] = ifname;
	return emit(s.opt, "call", j);
}

void call_modify(Session &s, Args &a)
{
	uint32_t id = a.number("call id");
	CallParams p = s.client.call(id).params.value_or(CallParams{});
	p.cm_specific.clear();
	while (!a.empty())
		if (!parse_param(a, p))
			throw Usage("unknown call modify argument \"" + a.peek() + "\"");
	Reply r = s.client.call_modify_qos(id, p);
	std::string state = settle(s, CONDIS_REQUEST_CALL_MODIFY_QOS, r, "modifying",
				   "connected");
	return emit(s.opt, "call", { { "id", r.id }, { "state", state } });
}

void call_help(Session &, Args &)
{
	std::cout << "Usage: condisctl call show [ ID ]\n"
		     "       condisctl call make { af ID | adapter ADAPTER [ af-type TYPE ] }\n"
		     "                           to ADDR [ station MAC ] [ PARAMS ] [ send-fd FD ]\n"
		     "       condisctl call accept ID [ PARAMS ]\n"
		     "       condisctl call reject ID [ cause CAUSE ]\n"
		     "       condisctl call close ID\n"
		     "       condisctl call modify ID PARAMS\n"
		     "       condisctl call netdev ID [ name IFNAME ]\n"
		     "PARAMS := [ multipoint ] [ { tx-rate | rx-rate | tx-peak | rx-peak |\n"
		     "            tx-sdu | rx-sdu | latency | service-type } N ] [ media HEX ]\n"
		     "MAC: the called station (Ethernet address family), e.g. 02:00:00:00:00:01\n"
		     "CAUSE := { not-accepted | dest-out-of-order | invalid-address |\n"
		     "           resources | incompatible-qos | failure | NDIS_STATUS }\n";
	return;
}

const Command call_commands[] = {
	{ "show", call_show },
	{ "list", call_show },
	{ "make", call_make },
	{ "accept", call_accept },
	{ "reject", call_reject },
	{ "close", call_close },
	{ "netdev", call_netdev },
	{ "modify", call_modify },
	{ "help", call_help },
};

} // namespace

void cmd_call(Session &s, Args &a)
{
	dispatch("call", call_commands, s, a, "show");
}

} // namespace condisctl
