// SPDX-License-Identifier: GPL-2.0
//
// condisctl sap: SAPs, and listening on one.
#include "cli.hpp"

#include <chrono>
#include <iostream>
#include <linux/condis.h>
#include <map>
#include <set>
#include <sys/wait.h>
#include <thread>

using namespace condis;

namespace condisctl {

namespace {

json sap_json(const Sap &s)
{
	json j = { { "id", s.id }, { "af", s.af_id }, { "type", s.type },
		   { "address", format_bytes(s.address) }, { "state", names::sap_state(s.state) } };
	if (s.accept_timeout)
		j["accept-timeout"] = s.accept_timeout;
	if (s.backlog)
		j["backlog"] = s.backlog;
	j["owned"] = s.owned;
	return j;
}

// What sap register and sap listen both take: the SAP and its AF.
struct SapSpec {
	uint32_t af = 0, type = 0, timeout = 0, backlog = 0;
	Bytes address;

	// One of af ID, address ADDR, type N, accept-timeout MS, backlog N,
	// if next.
	bool take(Args &a)
	{
		if (a.take("af"))
			af = a.number("af id");
		else if (a.take("address"))
			address = parse_bytes(a.next("address"));
		else if (a.take("type"))
			type = a.number("SAP type");
		else if (a.take("accept-timeout"))
			timeout = a.number("milliseconds");
		else if (a.take("backlog"))
			backlog = a.number("backlog");
		else
			return false;
		return true;
	}

	Reply reg(Session &s, const std::string &cmd) const
	{
		if (!af || address.empty())
			throw Usage(cmd + " needs af ID (sap listen: or adapter ADAPTER) and address ADDR");
		return s.client.sap_register(af, address, type, timeout, backlog);
	}
};

// sap listen: register a SAP and answer its incoming calls.
void sap_listen(Session &s, Args &a)
{
	std::vector<std::string> exec;
	uint32_t delay = 0, count = 0;
	std::optional<uint32_t> cause;
	std::string action = "accept", adapter;
	uint32_t af_type = CONDIS_AF_TYPE_LOOPBACK;
	bool echo = false;
	SapSpec sap;

	while (!a.empty()) {
		if (sap.take(a))
			continue;
		if (a.take("accept"))
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
		else if (a.take("adapter"))
			adapter = a.next("adapter");
		else if (a.take("af-type"))
			af_type = af_type_of(a.next("address family type"));
		else if (a.take("exec"))
			exec = a.rest();
		else
			throw Usage("unknown sap listen argument \"" + a.peek() + "\"");
	}
	if (!sap.af && !adapter.empty()) {	// the AF too, for a service that names its adapter
		Reply af = s.client.af_open(adapter_id(s, adapter), af_type);
		settle(s, CONDIS_REQUEST_AF_OPEN, af, "opening", "open");
		sap.af = af.id;
	}
	Reply r = sap.reg(s, "sap listen");
	settle(s, CONDIS_REQUEST_SAP_REGISTER, r, "registering", "active");
	emit(s.opt, "sap", { { "id", r.id }, { "state", "active" } });

	uint32_t answered = 0;
	std::set<uint32_t> accepted;
	std::map<int, uint32_t> children;	// exec: pid -> its call
	while (!count || answered < count || echo || !children.empty()) {
		auto e = s.client.next_event(echo ? 50 : children.empty() ? -1 : 200);
		if (e && e->cmd == CONDIS_CMD_CALL_INCOMING_NTF && e->sap_id == r.id) {
			emit(s.opt, "event", to_json(*e));
			if (e->accepted) {	// the SAP's backlog took it
				accepted.insert(e->id);
			} else {
				if (delay)
					std::this_thread::sleep_for(std::chrono::milliseconds(delay));
				if (action == "accept") {
					s.client.call_accept(e->id);
					accepted.insert(e->id);
				} else if (action == "reject")
					s.client.call_reject(e->id, cause);
			}
			answered++;
		} else if (e && (e->cmd == CONDIS_CMD_CALL_CONNECTED_NTF ||
				 e->cmd == CONDIS_CMD_CALL_CLOSE_NTF)) {
			emit(s.opt, "event", to_json(*e));
			if (e->cmd == CONDIS_CMD_CALL_CLOSE_NTF) {
				s.close_fd(e->id);
				if (count && answered >= count && s.fds.empty() && children.empty())
					return;
			}
			if (e->cmd == CONDIS_CMD_CALL_CONNECTED_NTF && echo)
				s.vc_fd(e->id);
			if (e->cmd == CONDIS_CMD_CALL_CONNECTED_NTF && !exec.empty() &&
			    accepted.erase(e->id)) {
				int pid = run_with_vc_fd(s, e->id, exec);
				children[pid] = e->id;
				emit(s.opt, "exec", { { "call", e->id }, { "pid", pid } });
			}
		}
		// exec: a command that ended takes its call with it
		int st, pid;
		while (!children.empty() && (pid = waitpid(-1, &st, WNOHANG)) > 0) {
			auto it = children.find(pid);
			if (it == children.end())
				continue;
			uint32_t id = it->second;
			children.erase(it);
			try {
				Reply c = s.client.call_close(id);
				settle(s, CONDIS_REQUEST_CALL_CLOSE, c, "closing", "closed");
			} catch (const Error &) {
				// the call went first: the far end closed it
			}
			emit(s.opt, "exec", { { "call", id }, { "pid", pid },
					      { "status", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st) } });
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

void sap_show(Session &s, Args &a)
{
	show(s, a, "sap", [&] { return s.client.saps(); }, [&] { return a.number("SAP id"); },
	     [&](uint32_t id) { return s.client.sap(id); }, sap_json);
}

void sap_register(Session &s, Args &a)
{
	SapSpec sap;

	while (!a.empty())
		if (!sap.take(a))
			throw Usage("unknown sap register argument \"" + a.peek() + "\"");
	Reply r = sap.reg(s, "sap register");
	std::string state = settle(s, CONDIS_REQUEST_SAP_REGISTER, r, "registering",
				   "active");
	return emit(s.opt, "sap", { { "id", r.id }, { "state", state } });
}

void sap_deregister(Session &s, Args &a)
{
	uint32_t id = a.number("SAP id");
	a.done();
	Reply r = s.client.sap_deregister(id);
	std::string state = settle(s, CONDIS_REQUEST_SAP_DEREGISTER, r, "deregistering",
				   "deregistered");
	return emit(s.opt, "sap", { { "id", r.id }, { "state", state } });
}

void sap_help(Session &, Args &)
{
	std::cout << "Usage: condisctl sap show [ ID ]\n"
		     "       condisctl sap register af ID address ADDR [ type N ]\n"
		     "                              [ accept-timeout MS ] [ backlog N ]\n"
		     "       condisctl sap deregister ID\n"
		     "       condisctl sap listen { af ID | adapter ADAPTER [ af-type TYPE ] }\n"
		     "                            address ADDR [ type N ] [ backlog N ]\n"
		     "                            [ accept | reject [ cause CAUSE ] | ignore ]\n"
		     "                            [ delay MS ] [ count N ] [ echo ]\n"
		     "                            [ exec COMMAND [ ARG... ] ]\n"
		     "ADDR := { TEXT | 0xHEX | HH:HH:... }\n";
	return;
}

const Command sap_commands[] = {
	{ "show", sap_show },
	{ "list", sap_show },
	{ "register", sap_register },
	{ "deregister", sap_deregister },
	{ "listen", sap_listen },
	{ "help", sap_help },
};

} // namespace

void cmd_sap(Session &s, Args &a)
{
	dispatch("sap", sap_commands, s, a, "show");
}

} // namespace condisctl
