// SPDX-License-Identifier: GPL-2.0
//
// condisctl adapter: the adapters, and binding them to interfaces.
#include "cli.hpp"

#include <cerrno>
#include <iostream>
#include <net/if.h>

using namespace condis;

namespace condisctl {

uint32_t adapter_id(Session &s, const std::string &word)
{
	if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0])))
		return static_cast<uint32_t>(std::stoul(word, nullptr, 0));
	for (const auto &a : s.client.adapters())
		if (a.name == word)
			return a.id;
	throw Usage("no adapter named \"" + word + "\" in this network namespace");
}

namespace {

json adapter_json(const Adapter &a, bool stats)
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
	if (stats) {	// as ip: counters with -s
		json d = json::object();
		for (const auto &[name, n] : a.drops)
			d[name] = n;
		j["drops"] = d;
	}
	return j;
}

void adapter_show(Session &s, Args &a)
{
	show(s, a, "adapter", [&] { return s.client.adapters(); },
	     [&] { return adapter_id(s, a.next("adapter")); },
	     [&](uint32_t id) { return s.client.adapter(id); },
	     [&](const Adapter &ad) { return adapter_json(ad, s.opt.stats); });
}

void adapter_add(Session &s, Args &a)
{
	std::string dev, kind, ac_name;
	while (!a.empty()) {
		if (a.take("dev"))
			dev = a.next("interface name");
		else if (a.take("kind"))
			kind = a.next("kind");
		else if (a.take("ac-name"))
			ac_name = a.next("AC name");
		else
			throw Usage("unknown adapter add argument \"" + a.peek() + "\"");
	}
	if (dev.empty())
		throw Usage("adapter add needs dev IFNAME");
	unsigned int ifindex = if_nametoindex(dev.c_str());
	if (!ifindex)
		throw Usage("no interface named \"" + dev + "\" in this network namespace");
	try {
		Reply r = s.client.adapter_new(ifindex, kind, ac_name);
		return emit(s.opt, "adapter", { { "id", r.id }, { "dev", dev } });
	} catch (const Error &e) {
		if (e.err() != EBUSY)
			throw;
		// bound already the same way: not an error (a configuration applied again)
		const std::string want = kind.empty() ? "ethernet" : kind;
		for (const auto &ad : s.client.adapters())
			if (ad.ifindex == ifindex && ad.kind == want)
				return emit(s.opt, "adapter",
					    { { "id", ad.id }, { "dev", dev }, { "state", "bound" } });
		throw;
	}
}

void adapter_del(Session &s, Args &a)
{
	uint32_t id = adapter_id(s, a.next("adapter"));
	a.done();
	s.client.adapter_del(id);
	return emit(s.opt, "adapter", { { "id", id }, { "state", "deleted" } });
}

void adapter_help(Session &, Args &)
{
	std::cout << "Usage: condisctl adapter show [ ADAPTER ]\n"
		     "       condisctl adapter add dev IFNAME [ kind KIND ] [ ac-name NAME ]\n"
		     "        (bound already the same way: its id, not an error; ac-name: a\n"
		     "        pppoe adapter's access concentrator name)\n"
		     "       condisctl adapter del ADAPTER\n"
		     "ADAPTER := { ID | NAME }\n"
		     "KIND := { ethernet | ethernet-cm | pppoe }  (ethernet: condis_eth with\n"
		     "        its integrated call manager, the default; ethernet-cm: condis_ethcm's\n"
		     "        stand-alone call manager; pppoe: condis_pppoe, PPPoE sessions as\n"
		     "        calls of address family pppoe)\n";
	return;
}

const Command adapter_commands[] = {
	{ "show", adapter_show },
	{ "list", adapter_show },
	{ "add", adapter_add },
	{ "del", adapter_del },
	{ "delete", adapter_del },
	{ "help", adapter_help },
};

} // namespace

void cmd_adapter(Session &s, Args &a)
{
	dispatch("adapter", adapter_commands, s, a, "show");
}

} // namespace condisctl
