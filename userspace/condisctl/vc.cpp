// SPDX-License-Identifier: GPL-2.0
//
// condisctl vc (counters and frames) and monitor (events).
#include "cli.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <linux/condis.h>
#include <poll.h>
#include <unistd.h>

using namespace condis;

namespace condisctl {

Session::~Session()
{
	for (auto &[id, fd] : fds)
		close(fd);
}

// The call's VC descriptor, opened (non-blocking) on first use.
int Session::vc_fd(uint32_t call_id)
{
	auto it = fds.find(call_id);
	if (it != fds.end())
		return it->second;
	Reply r = client.call_open_fd(call_id);
	int flags = fcntl(r.fd, F_GETFL);
	fcntl(r.fd, F_SETFL, flags | O_NONBLOCK);
	fds[call_id] = r.fd;
	return r.fd;
}

void Session::close_fd(uint32_t call_id)
{
	auto it = fds.find(call_id);
	if (it == fds.end())
		return;
	close(it->second);
	fds.erase(it);
}

namespace {

[[noreturn]] void sys_fail(const std::string &what)
{
	int err = errno;
	throw Error(err, "", what + ": " + std::strerror(err));
}

void vc_send(Session &s, Args &a)
{
	uint32_t id = a.number("call id");
	Bytes data;
	if (a.take("file")) {
		std::ifstream in(a.next("file"), std::ios::binary);
		if (!in)
			throw Usage("cannot read the file");
		data.assign(std::istreambuf_iterator<char>(in), {});
	} else {
		data = parse_bytes(a.next("data"));
	}
	a.done();
	int fd = s.vc_fd(id);
	pollfd p = { fd, POLLOUT, 0 };
	if (poll(&p, 1, s.opt.timeout_ms) == 0)
		throw Error(ETIMEDOUT, "", "the VC accepts no more frames (back-pressure)");
	if (write(fd, data.data(), data.size()) < 0)
		sys_fail("send");
	emit(s.opt, "vc", { { "id", id }, { "sent", data.size() } });
}

void vc_recv(Session &s, Args &a)
{
	uint32_t id = a.number("call id");
	int timeout = s.opt.timeout_ms;
	std::string file;
	while (!a.empty()) {
		if (a.take("timeout"))
			timeout = static_cast<int>(a.number("milliseconds"));
		else if (a.take("file"))
			file = a.next("file");
		else
			throw Usage("unknown vc recv argument \"" + a.peek() + "\"");
	}
	int fd = s.vc_fd(id);
	pollfd p = { fd, POLLIN, 0 };
	if (poll(&p, 1, timeout) == 0)
		throw Error(ETIMEDOUT, "", "no frame arrived in time");
	std::vector<uint8_t> buf(65536);
	ssize_t n = read(fd, buf.data(), buf.size());
	if (n < 0)
		sys_fail("receive");
	if (n == 0)
		throw Error(EPIPE, "", "the call is gone");
	buf.resize(static_cast<size_t>(n));
	json j = { { "id", id }, { "len", n } };
	if (!file.empty()) {
		std::ofstream(file, std::ios::binary)
			.write(reinterpret_cast<const char *>(buf.data()), n);
		j["file"] = file;
	} else {
		j["data"] = format_bytes(buf);
	}
	emit(s.opt, "vc", j);
}

} // namespace

void cmd_vc(Session &s, Args &a)
{
	std::string cmd = a.empty() ? "show" : a.next("command");

	if (cmd == "show" || cmd == "list") {
		auto row = [](const Call &c) {
			json j = to_json(c);
			return json{ { "id", c.id }, { "state", j["state"] }, { "stats", j["stats"] } };
		};
		if (a.empty()) {
			json v = json::array();
			for (const auto &c : s.client.calls())
				v.push_back(row(c));
			return emit(s.opt, "vc", v);
		}
		uint32_t id = a.number("call id");
		a.done();
		return emit(s.opt, "vc", row(s.client.call(id)));
	}
	if (cmd == "send")
		return vc_send(s, a);
	if (cmd == "recv")
		return vc_recv(s, a);
	if (cmd == "help") {
		std::cout << "Usage: condisctl vc show [ ID ]\n"
			     "       condisctl vc send ID { DATA | file PATH }\n"
			     "       condisctl vc recv ID [ timeout MS ] [ file PATH ]\n"
			     "DATA := { TEXT | 0xHEX }   (send and recv need a session: -b)\n";
		return;
	}
	throw Usage("unknown vc command \"" + cmd + "\" (try: condisctl vc help)");
}

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
