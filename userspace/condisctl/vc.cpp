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

void vc_show(Session &s, Args &a)
{
	auto row = [](const Call &c) {
		json j = to_json(c);
		return json{ { "id", c.id }, { "state", j["state"] }, { "stats", j["stats"] } };
	};
	auto all = [&] { return s.client.calls(CONDIS_CALL_FIELDS_STATE | CONDIS_CALL_FIELDS_STATS); };

	show(s, a, "vc", all, [&] { return a.number("call id"); },
	     [&](uint32_t id) { return s.client.call(id); }, row);
}

void vc_help(Session &, Args &)
{
	std::cout << "Usage: condisctl vc show [ ID ]\n"
		     "       condisctl vc send ID { DATA | file PATH }\n"
		     "       condisctl vc recv ID [ timeout MS ] [ file PATH ]\n"
		     "DATA := { TEXT | 0xHEX }   (send and recv need a session: -b)\n";
	return;
}

const Command vc_commands[] = {
	{ "show", vc_show },
	{ "list", vc_show },
	{ "send", vc_send },
	{ "recv", vc_recv },
	{ "help", vc_help },
};

} // namespace

void cmd_vc(Session &s, Args &a)
{
	dispatch("vc", vc_commands, s, a, "show");
}

} // namespace condisctl
