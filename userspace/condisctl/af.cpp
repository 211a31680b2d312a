// SPDX-License-Identifier: GPL-2.0
//
// condisctl af: address families.
#include "cli.hpp"

#include <iostream>
#include <linux/condis.h>

using namespace condis;

namespace condisctl {

uint32_t af_type_of(const std::string &word)
{
	auto known = names::af_type_from(word);
	return known ? *known : static_cast<uint32_t>(std::stoul(word, nullptr, 0));
}

namespace {

json af_json(const Af &a)
{
	return { { "id", a.id }, { "adapter", a.adapter_id }, { "type", names::af_type(a.type) },
		 { "state", names::af_state(a.state) }, { "client", a.client },
		 { "owned", a.owned } };
}

void af_show(Session &s, Args &a)
{
	show(s, a, "af", [&] { return s.client.afs(); }, [&] { return a.number("af id"); },
	     [&](uint32_t id) { return s.client.af(id); }, af_json);
}

void af_open(Session &s, Args &a)
{
	a.take("adapter");
	uint32_t adapter = adapter_id(s, a.next("adapter"));
	uint32_t type = CONDIS_AF_TYPE_LOOPBACK;
	if (a.take("type"))
		type = af_type_of(a.next("address family type"));
	a.done();
	Reply r = s.client.af_open(adapter, type);
	std::string state = settle(s, CONDIS_REQUEST_AF_OPEN, r, "opening", "open");
	return emit(s.opt, "af", { { "id", r.id }, { "state", state } });
}

void af_close(Session &s, Args &a)
{
	uint32_t id = a.number("af id");
	a.done();
	Reply r = s.client.af_close(id);
	std::string state = settle(s, CONDIS_REQUEST_AF_CLOSE, r, "closing", "closed");
	return emit(s.opt, "af", { { "id", r.id }, { "state", state } });
}

void af_help(Session &, Args &)
{
	std::cout << "Usage: condisctl af show [ ID ]\n"
		     "       condisctl af open [ adapter ] ADAPTER [ type TYPE ]\n"
		     "       condisctl af close ID\n"
		     "ADAPTER := { ID | NAME }    TYPE := { loopback | ethernet | pppoe | NUMBER }\n";
	return;
}

const Command af_commands[] = {
	{ "show", af_show },
	{ "list", af_show },
	{ "open", af_open },
	{ "close", af_close },
	{ "help", af_help },
};

} // namespace

void cmd_af(Session &s, Args &a)
{
	dispatch("af", af_commands, s, a, "show");
}

} // namespace condisctl
