// SPDX-License-Identifier: GPL-2.0
//
// condisctl monitor: events, filtered, as they come.
#include "cli.hpp"

#include <iostream>
#include <linux/condis.h>

using namespace condis;

namespace condisctl {

void cmd_monitor(Session &s, Args &a)
{
	std::string name, request;
	uint32_t id = 0, sap = 0, count = 0;
	int timeout = -1;

	if (!a.empty() && a.peek() == "help") {
		std::cout << "Usage: condisctl monitor [ event NAME ] [ request REQUEST ] [ id ID ]\n"
			     "                         [ sap ID ] [ count N ] [ timeout MS ]\n"
			     "NAME := { request-done | call-incoming | call-connected | call-close |\n"
			     "          call-qos | party-drop | status }\n"
			     "REQUEST := { af-open | af-close | sap-register | sap-deregister |\n"
			     "             call-make | call-close | call-modify-qos | party-add |\n"
			     "             party-drop }   (request-done events)\n";
		return;
	}
	while (!a.empty()) {
		if (a.take("event"))
			name = a.next("event name");
		else if (a.take("id"))
			id = a.number("id");
		else if (a.take("request"))
			request = a.next("request name");
		else if (a.take("sap"))
			sap = a.number("SAP id");
		else if (a.take("count"))
			count = a.number("count");
		else if (a.take("timeout"))
			timeout = static_cast<int>(a.number("milliseconds"));
		else
			throw Usage("unknown monitor argument \"" + a.peek() + "\"");
	}
	for (uint32_t seen = 0; !count || seen < count; seen++) {
		auto e = s.client.wait_event([&](const Event &ev) {
			return (name.empty() || name == ev.name()) && (!id || id == ev.id) &&
			       (!sap || sap == ev.sap_id) &&
			       (request.empty() || (ev.cmd == CONDIS_CMD_REQUEST_DONE_NTF &&
						    request == names::request(ev.request)));
		}, timeout);
		if (!e)
			throw Error(ETIMEDOUT, "", "no such event in time");
		emit(s.opt, "event", to_json(*e));
	}
}

} // namespace condisctl
