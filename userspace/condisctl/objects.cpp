// SPDX-License-Identifier: GPL-2.0
//
// condisctl adapter, af and sap.
#include "cli.hpp"

#include <chrono>
#include <unistd.h>
#include <iostream>
#include <linux/condis.h>
#include <net/if.h>
#include <thread>

using namespace condis;

namespace condisctl {

namespace {

json adapter_json(const Adapter &a)
{
	json types = json::array();
	for (uint32_t t : a.af_types)
		types.push_back(names::af_type(t));
	json j = { { "id", a.id }, { "name", a.name }, { "af-types", types } };
	if (a.ifindex) {
		char name[IF_NAMESIZE] = "";
		j["ifindex"] = a.ifindex;
		if (if_indextoname(a.ifindex, name))
			j["dev"] = name;
		j["kind"] = a.kind;
	}
	if (!a.drops.empty()) {
		json d = json::object();
		for (const auto &[name, n] : a.drops)
			d[name] = n;
		j["drops"] = d;
	}
	return j;
}

json af_json(const Af &a)
{
	return { { "id", a.id }, { "adapter", a.adapter_id }, { "type", names::af_type(a.type) },
		 { "state", names::af_state(a.state) }, { "client", a.client },
		 { "owned", a.owned } };
}

json sap_json(const Sap &s)
{
	json j = { { "id", s.id }, { "af", s.af_id }, { "type", s.type },
		   { "address", format_bytes(s.address) }, { "state", names::sap_state(s.state) } };
	if (s.accept_timeout)
		j["accept-timeout"] = s.accept_timeout;
	j["owned"] = s.owned;
	return j;
}

// "lo" or "1": the adapter's id.
uint32_t adapter_id(Session &s, const std::string &word)
{
	if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0])))
		return static_cast<uint32_t>(std::stoul(word, nullptr, 0));
	for (const auto &a : s.client.adapters())
		if (a.name == word)
			return a.id;
	throw Usage("no adapter named \"" + word + "\" in this network namespace");
}

} // namespace

void cmd_adapter(Session &s, Args &a)
{
	std::string cmd = a.empty() ? "show" : a.next("command");

	if (cmd == "show" || cmd == "list") {
		if (a.empty())
			return emit(s.opt, "adapter", [&] {
				json v = json::array();
				for (const auto &x : s.client.adapters())
					v.push_back(adapter_json(x));
				return v;
			}());
		uint32_t id = adapter_id(s, a.next("adapter"));
		a.done();
		return emit(s.opt, "adapter", adapter_json(s.client.adapter(id)));
	}
	if (cmd == "add") {
		std::string dev, kind;
		while (!a.empty()) {
			if (a.take("dev"))
				dev = a.next("interface name");
			else if (a.take("kind"))
				kind = a.next("kind");
			else
				throw Usage("unknown adapter add argument \"" + a.peek() + "\"");
		}
		if (dev.empty())
			throw Usage("adapter add needs dev IFNAME");
		unsigned int ifindex = if_nametoindex(dev.c_str());
		if (!ifindex)
			throw Usage("no interface named \"" + dev + "\" in this network namespace");
		Reply r = s.client.adapter_new(ifindex, kind);
		return emit(s.opt, "adapter", { { "id", r.id }, { "dev", dev } });
	}
	if (cmd == "del" || cmd == "delete") {
		uint32_t id = adapter_id(s, a.next("adapter"));
		a.done();
		s.client.adapter_del(id);
		return emit(s.opt, "adapter", { { "id", id }, { "state", "deleted" } });
	}
	if (cmd == "help") {
		std::cout << "Usage: condisctl adapter show [ ADAPTER ]\n"
			     "       condisctl adapter add dev IFNAME [ kind KIND ]\n"
			     "       condisctl adapter del ADAPTER\n"
			     "ADAPTER := { ID | NAME }\n"
			     "KIND := { ethernet | ethernet-cm }  (ethernet: condis_eth with its\n"
			     "        integrated call manager, the default; ethernet-cm: condis_ethcm's\n"
			     "        stand-alone call manager)\n";
		return;
	}
	throw Usage("unknown adapter command \"" + cmd + "\" (try: condisctl adapter help)");
}

void cmd_af(Session &s, Args &a)
{
	std::string cmd = a.empty() ? "show" : a.next("command");

	if (cmd == "show" || cmd == "list") {
		if (a.empty()) {
			json v = json::array();
			for (const auto &x : s.client.afs())
				v.push_back(af_json(x));
			return emit(s.opt, "af", v);
		}
		uint32_t id = a.number("af id");
		a.done();
		return emit(s.opt, "af", af_json(s.client.af(id)));
	}
	if (cmd == "open") {
		a.take("adapter");
		uint32_t adapter = adapter_id(s, a.next("adapter"));
		uint32_t type = CONDIS_AF_TYPE_LOOPBACK;
		if (a.take("type")) {
			std::string t = a.next("address family type");
			auto known = names::af_type_from(t);
			type = known ? *known : static_cast<uint32_t>(std::stoul(t, nullptr, 0));
		}
		a.done();
		Reply r = s.client.af_open(adapter, type);
		std::string state = settle(s, CONDIS_REQUEST_AF_OPEN, r, "opening", "open");
		return emit(s.opt, "af", { { "id", r.id }, { "state", state } });
	}
	if (cmd == "close") {
		uint32_t id = a.number("af id");
		a.done();
		Reply r = s.client.af_close(id);
		std::string state = settle(s, CONDIS_REQUEST_AF_CLOSE, r, "closing", "closed");
		return emit(s.opt, "af", { { "id", r.id }, { "state", state } });
	}
	if (cmd == "help") {
		std::cout << "Usage: condisctl af show [ ID ]\n"
			     "       condisctl af open [ adapter ] ADAPTER [ type TYPE ]\n"
			     "       condisctl af close ID\n"
			     "ADAPTER := { ID | NAME }    TYPE := { loopback | ethernet | NUMBER }\n";
		return;
	}
	throw Usage("unknown af command \"" + cmd + "\" (try: condisctl af help)");
}

namespace {

// sap listen: register a SAP and answer its incoming calls.
void sap_listen(Session &s, Args &a)
{
	uint32_t af = 0, type = 0, timeout = 0, delay = 0, count = 0;
	std::optional<uint32_t> cause;
	std::string action = "accept";
	bool echo = false;
	Bytes address;

	while (!a.empty()) {
		if (a.take("af"))
			af = a.number("af id");
		else if (a.take("address"))
			address = parse_bytes(a.next("address"));
		else if (a.take("type"))
			type = a.number("SAP type");
		else if (a.take("accept-timeout"))
			timeout = a.number("milliseconds");
		else if (a.take("accept"))
			action = "accept";
		else if (a.take("ignore"))
			action = "ignore";
		else if (a.take("reject")) {
			action = "reject";
			if (a.take("cause"))
				cause = a.number("cause");
		} else if (a.take("delay"))
			delay = a.number("milliseconds");
		else if (a.take("count"))
			count = a.number("count");
		else if (a.take("echo"))
			echo = true;
		else
			throw Usage("unknown sap listen argument \"" + a.peek() + "\"");
	}
	if (!af || address.empty())
		throw Usage("sap listen needs af ID and address ADDR");
	Reply r = s.client.sap_register(af, address, type, timeout);
	settle(s, CONDIS_REQUEST_SAP_REGISTER, r, "registering", "active");
	emit(s.opt, "sap", { { "id", r.id }, { "state", "active" } });

	uint32_t answered = 0;
	while (!count || answered < count || echo) {
		auto e = s.client.next_event(echo ? 50 : -1);
		if (e && e->cmd == CONDIS_CMD_CALL_INCOMING_NTF && e->sap_id == r.id) {
			emit(s.opt, "event", to_json(*e));
			if (delay)
				std::this_thread::sleep_for(std::chrono::milliseconds(delay));
			if (action == "accept")
				s.client.call_accept(e->id);
			else if (action == "reject")
				s.client.call_reject(e->id, cause);
			answered++;
		} else if (e && (e->cmd == CONDIS_CMD_CALL_CONNECTED_NTF ||
				 e->cmd == CONDIS_CMD_CALL_CLOSE_NTF)) {
			emit(s.opt, "event", to_json(*e));
			if (e->cmd == CONDIS_CMD_CALL_CLOSE_NTF) {
				s.close_fd(e->id);
				if (count && answered >= count && s.fds.empty())
					return;
			}
			if (e->cmd == CONDIS_CMD_CALL_CONNECTED_NTF && echo)
				s.vc_fd(e->id);
		}
		// echo: every frame received goes back on its call
		for (auto &[id, fd] : s.fds) {
			uint8_t buf[65536];
			ssize_t n;
			while ((n = read(fd, buf, sizeof(buf))) > 0)
				if (write(fd, buf, static_cast<size_t>(n)) < 0)
					break;
		}
	}
}

} // namespace

void cmd_sap(Session &s, Args &a)
{
	std::string cmd = a.empty() ? "show" : a.next("command");

	if (cmd == "show" || cmd == "list") {
		if (a.empty()) {
			json v = json::array();
			for (const auto &x : s.client.saps())
				v.push_back(sap_json(x));
			return emit(s.opt, "sap", v);
		}
		uint32_t id = a.number("SAP id");
		a.done();
		return emit(s.opt, "sap", sap_json(s.client.sap(id)));
	}
	if (cmd == "register") {
		uint32_t af = 0, type = 0, timeout = 0;
		Bytes address;
		while (!a.empty()) {
			if (a.take("af"))
				af = a.number("af id");
			else if (a.take("address"))
				address = parse_bytes(a.next("address"));
			else if (a.take("type"))
				type = a.number("SAP type");
			else if (a.take("accept-timeout"))
				timeout = a.number("milliseconds");
			else
				throw Usage("unknown sap register argument \"" + a.peek() + "\"");
		}
		if (!af || address.empty())
			throw Usage("sap register needs af ID and address ADDR");
		Reply r = s.client.sap_register(af, address, type, timeout);
		std::string state = settle(s, CONDIS_REQUEST_SAP_REGISTER, r, "registering",
					   "active");
		return emit(s.opt, "sap", { { "id", r.id }, { "state", state } });
	}
	if (cmd == "deregister") {
		uint32_t id = a.number("SAP id");
		a.done();
		Reply r = s.client.sap_deregister(id);
		std::string state = settle(s, CONDIS_REQUEST_SAP_DEREGISTER, r, "deregistering",
					   "deregistered");
		return emit(s.opt, "sap", { { "id", r.id }, { "state", state } });
	}
	if (cmd == "listen")
		return sap_listen(s, a);
	if (cmd == "help") {
		std::cout << "Usage: condisctl sap show [ ID ]\n"
			     "       condisctl sap register af ID address ADDR [ type N ]\n"
			     "                              [ accept-timeout MS ]\n"
			     "       condisctl sap deregister ID\n"
			     "       condisctl sap listen af ID address ADDR [ type N ]\n"
			     "                            [ accept | reject [ cause CAUSE ] | ignore ]\n"
			     "                            [ delay MS ] [ count N ] [ echo ]\n"
			     "ADDR := { TEXT | 0xHEX | HH:HH:... }\n";
		return;
	}
	throw Usage("unknown sap command \"" + cmd + "\" (try: condisctl sap help)");
}

} // namespace condisctl
