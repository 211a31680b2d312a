// SPDX-License-Identifier: GPL-2.0
//
// condisctl party: the parties of a multipoint call.
#include "cli.hpp"

#include <iostream>
#include <linux/condis.h>

using namespace condis;

namespace condisctl {

namespace {

void party_add(Session &s, Args &a)
{
	Called c = parse_called(a, "call", "party add");
	Reply r = s.client.party_add(c.owner, c.to, c.params);
	std::string state = settle(s, CONDIS_REQUEST_PARTY_ADD, r, "adding", "active");
	return emit(s.opt, "party", { { "id", r.id }, { "state", state } });
}

void party_drop(Session &s, Args &a)
{
	uint32_t id = a.number("party id");
	a.done();
	Reply r = s.client.party_drop(id);
	std::string state = settle(s, CONDIS_REQUEST_PARTY_DROP, r, "dropping", "dropped");
	return emit(s.opt, "party", { { "id", r.id }, { "state", state } });
}

void party_help(Session &, Args &)
{
	std::cout << "Usage: condisctl party add call ID to ADDR [ station MAC ] [ PARAMS ]\n"
		     "       condisctl party drop ID\n";
	return;
}

const Command party_commands[] = {
	{ "add", party_add },
	{ "drop", party_drop },
	{ "help", party_help },
};

} // namespace

void cmd_party(Session &s, Args &a)
{
	dispatch("party", party_commands, s, a, "help");
}

} // namespace condisctl
