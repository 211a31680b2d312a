// SPDX-License-Identifier: GPL-2.0
//
// condis-bench: the userspace half of `make bench` (tests/bench/). Each
// mode does one measured thing and prints one line of key=value pairs,
// "ns" its elapsed time; the guest script repeats and compares. Modes come
// in pairs: condis, and the baseline it is measured against on the same
// link in the same run.
//
//   listen adapter ID address ADDR [backlog N]
//                                       accept every call to ADDR (until
//                                       killed); N: the SAP's backlog
//   calls adapter ID to ADDR station MAC count N inflight K
//                                       make and close N calls, K at a time
//   hold-calls adapter ID to ADDR station MAC count N inflight K
//                                       make N calls, K at a time, report the
//                                       slab they took; then wait until the
//                                       network closed every one
//   tcp-listen port P                   accept and close connections (until killed)
//   tcp-connect addr IPV4 port P count N inflight K
//                                       connect and close N times, K at a time
//   vc-send adapter ID to ADDR station MAC vcs V count N size S
//                                       V calls, N frames of S bytes over them
//   packet-send dev IF station MAC count N size S
//                                       N raw AF_PACKET frames of S bytes
//   dump [fields MASK]                  dump every call (netlink), counting;
//                                       MASK: only these of each call
//   dump-parse [fields MASK]            the same, parsed by libcondis
//   read-file path P                    read a file: debugfs condis/calls
//                                       walks the calls as a dump does
#include <condis/condis.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <iostream>
#include <linux/condis.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>
#include <linux/if_packet.h>
#include <map>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace condis;

namespace {

struct Usage : std::runtime_error {
	using std::runtime_error::runtime_error;
};

[[noreturn]] void sys_fail(const std::string &what)
{
	throw std::runtime_error(what + ": " + std::strerror(errno));
}

int64_t now_ns()
{
	using namespace std::chrono;
	return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

// "key value" pairs after the mode.
class Opts {
public:
	Opts(int argc, char **argv)
	{
		for (int i = 2; i + 1 < argc; i += 2)
			kv_[argv[i]] = argv[i + 1];
		if (argc % 2)
			throw Usage(std::string("no value after \"") + argv[argc - 1] + "\"");
	}
	std::string str(const char *k) const
	{
		auto it = kv_.find(k);
		if (it == kv_.end())
			throw Usage(std::string("missing ") + k);
		return it->second;
	}
	uint32_t num(const char *k) const { return std::stoul(str(k), nullptr, 0); }
	uint32_t num(const char *k, uint32_t def) const
	{
		return kv_.count(k) ? num(k) : def;
	}

private:
	std::map<std::string, std::string> kv_;
};

Bytes station_address(const Opts &o)
{
	Bytes to = parse_bytes(o.str("to")), mac = parse_bytes(o.str("station"));
	if (mac.size() != 6)
		throw Usage("station: a MAC address");
	to.insert(to.begin(), mac.begin(), mac.end());
	return to;
}

// The adapter's Ethernet AF, opened on @c's socket (it lives as long as @c).
uint32_t open_af(Client &c, const Opts &o)
{
	Reply r = c.af_open(o.num("adapter"), CONDIS_AF_TYPE_ETHERNET);
	if (r.pending)
		c.wait_done(CONDIS_REQUEST_AF_OPEN, r.id, 10000);
	return r.id;
}

bool is_done(const Event &e, uint32_t request)
{
	return e.cmd == CONDIS_CMD_REQUEST_DONE_NTF && e.request == request;
}

// ---- calls ----------------------------------------------------------------

void sap_listen(const Opts &o)
{
	Client c;	// its own objects' events come without subscribing
	Reply sap = c.sap_register(open_af(c, o), parse_bytes(o.str("address")), 0, 0,
				   o.num("backlog", 0));
	if (sap.pending)
		c.wait_done(CONDIS_REQUEST_SAP_REGISTER, sap.id, 10000);
	std::cout << "listening sap=" << sap.id << std::endl;
	for (;;) {
		auto e = c.next_event(-1);
		if (e && e->cmd == CONDIS_CMD_CALL_INCOMING_NTF && e->sap_id == sap.id &&
		    !e->accepted)	// a backlog's calls are accepted already
			c.call_accept(e->id);
	}
}

// Make a call and wait until it is up (the data benchmarks' calls).
uint32_t call_up(Client &c, uint32_t af, const Bytes &to)
{
	Reply r = c.call_make(af, to);
	if (r.pending)
		c.wait_done(CONDIS_REQUEST_CALL_MAKE, r.id, 20000);
	return r.id;
}

void call_down(Client &c, uint32_t id)
{
	Reply r = c.call_close(id);
	if (r.pending)
		c.wait_done(CONDIS_REQUEST_CALL_CLOSE, id, 20000);
}

// N calls made and closed, at most K in flight: a call counts when its
// close completed. Each request is answered once, when done, and those the
// answers at hand lead to go out together (Client::send_call_make()).
void calls(const Opts &o)
{
	uint32_t n = o.num("count"), k = o.num("inflight");
	Bytes to = station_address(o);
	uint32_t started = 0, finished = 0, failed = 0, inflight = 0;
	Client c;
	uint32_t af = open_af(c, o);

	int64_t t0 = now_ns();
	while (finished < n) {
		for (; started < n && inflight < k; started++, inflight++)
			c.send_call_make(af, to);
		auto e = c.next_event(20000);
		if (!e)
			throw std::runtime_error("no event for 20 s: " + std::to_string(inflight) +
						 " calls in flight");
		if (!e->seq)
			continue;		// a notification, not an answer
		if (e->request == CONDIS_REQUEST_CALL_MAKE && !e->status) {
			c.send_call_close(e->id);
			continue;
		}
		failed += e->status != 0;	// a make or a close that failed
		finished++;
		inflight--;
	}
	int64_t ns = now_ns() - t0;
	std::cout << "calls n=" << n << " inflight=" << k << " failed=" << failed
		  << " ns=" << ns << std::endl;
}

// The kernel's slab, in bytes (/proc/meminfo: reclaimable and not).
long long slab_bytes()
{
	FILE *f = std::fopen("/proc/meminfo", "r");
	char line[128];
	long long kb = -1;

	if (!f)
		sys_fail("/proc/meminfo");
	while (std::fgets(line, sizeof(line), f))
		if (std::sscanf(line, "Slab: %lld kB", &kb) == 1)
			break;
	std::fclose(f);
	if (kb < 0)
		throw std::runtime_error("/proc/meminfo: no Slab line");
	return kb * 1024;
}

// N calls made, K at a time, and kept: the setup's time and the slab they
// took, both ends and every layer (the line is printed once all are up);
// then the incoming close of every one, however the network ends them
// (the bench deletes the device under them), and the time that took from
// the first close.
void hold_calls(const Opts &o)
{
	uint32_t n = o.num("count"), k = o.num("inflight");
	Bytes to = station_address(o);
	uint32_t started = 0, up = 0, failed = 0;
	Client c;
	uint32_t af = open_af(c, o);

	long long slab0 = slab_bytes();
	int64_t t0 = now_ns();
	while (up + failed < n) {
		while (started < n && started - up - failed < k) {
			Reply r = c.call_make(af, to);
			started++;
			if (!r.pending)
				up++;
		}
		auto e = c.next_event(20000);
		if (!e)
			throw std::runtime_error("no event for 20 s: " +
						 std::to_string(started - up - failed) +
						 " calls in flight");
		if (is_done(*e, CONDIS_REQUEST_CALL_MAKE))
			(e->status ? failed : up)++;
	}
	int64_t ns = now_ns() - t0;
	std::cout << "hold-calls n=" << up << " failed=" << failed << " ns=" << ns
		  << " slab_bytes=" << slab_bytes() - slab0 << std::endl;

	uint32_t closed = 0;
	int64_t t1 = 0;
	while (closed < up) {
		auto e = c.next_event(600000);
		if (!e)
			throw std::runtime_error("no close for 600 s: " + std::to_string(closed) +
						 " of " + std::to_string(up) + " calls closed");
		if (e->cmd != CONDIS_CMD_CALL_CLOSE_NTF)
			continue;
		if (!closed++)
			t1 = now_ns();
	}
	std::cout << "closed n=" << closed << " ns=" << now_ns() - t1 << std::endl;
}

// ---- TCP, the baseline of calls ---------------------------------------------

void tcp_listen(const Opts &o)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	sockaddr_in a = {};
	a.sin_family = AF_INET;
	a.sin_port = htons(o.num("port"));
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(s, reinterpret_cast<sockaddr *>(&a), sizeof(a)) || ::listen(s, 4096))
		sys_fail("tcp listen");
	std::cout << "listening port=" << o.num("port") << std::endl;
	for (;;) {
		int c = accept(s, nullptr, nullptr);
		if (c >= 0)
			close(c);
	}
}

// Non-blocking connects, K at a time; one counts when it connected and
// was closed. Linger 0: no TIME_WAIT to run out of ports with.
void tcp_connect(const Opts &o)
{
	uint32_t n = o.num("count"), k = o.num("inflight");
	uint32_t started = 0, finished = 0, failed = 0, inflight = 0;
	sockaddr_in a = {};
	a.sin_family = AF_INET;
	a.sin_port = htons(o.num("port"));
	if (inet_pton(AF_INET, o.str("addr").c_str(), &a.sin_addr) != 1)
		throw Usage("addr: an IPv4 address");
	int ep = epoll_create1(0);
	linger lg = { 1, 0 };

	int64_t t0 = now_ns();
	while (finished < n) {
		while (started < n && inflight < k) {
			int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
			setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
			started++;
			if (connect(s, reinterpret_cast<sockaddr *>(&a), sizeof(a)) &&
			    errno != EINPROGRESS) {
				close(s);
				failed++;
				finished++;
				continue;
			}
			epoll_event ev = { EPOLLOUT, { .fd = s } };
			epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev);
			inflight++;
		}
		epoll_event evs[64];
		int m = epoll_wait(ep, evs, 64, 20000);
		if (m <= 0)
			throw std::runtime_error("tcp: no connection finished for 20 s");
		for (int i = 0; i < m; i++) {
			int err = 0;
			socklen_t len = sizeof(err);
			getsockopt(evs[i].data.fd, SOL_SOCKET, SO_ERROR, &err, &len);
			failed += err != 0;
			close(evs[i].data.fd);	// also leaves the epoll set
			inflight--;
			finished++;
		}
	}
	int64_t ns = now_ns() - t0;
	std::cout << "tcp n=" << n << " inflight=" << k << " failed=" << failed
		  << " ns=" << ns << std::endl;
}

// ---- data -----------------------------------------------------------------------

// Write N frames round-robin over the fds; a full queue (EAGAIN) is waited
// out with poll, so every frame is sent. Returns the elapsed ns.
int64_t send_frames(const std::vector<int> &fds, uint32_t n, uint32_t size,
		    const std::function<ssize_t(int, const uint8_t *, size_t)> &send1)
{
	std::vector<uint8_t> frame(size, 0x5a);
	int64_t t0 = now_ns();
	for (uint32_t i = 0; i < n; i++) {
		int fd = fds[i % fds.size()];
		while (send1(fd, frame.data(), frame.size()) < 0) {
			if (errno != EAGAIN && errno != ENOBUFS)
				sys_fail("send");
			pollfd p = { fd, POLLOUT, 0 };
			poll(&p, 1, 100);
		}
	}
	return now_ns() - t0;
}

void vc_send(const Opts &o)
{
	uint32_t vcs = o.num("vcs"), n = o.num("count"), size = o.num("size");
	Bytes to = station_address(o);
	Client c;
	uint32_t af = open_af(c, o);
	std::vector<uint32_t> ids;
	std::vector<int> fds;
	for (uint32_t i = 0; i < vcs; i++) {
		ids.push_back(call_up(c, af, to));
		fds.push_back(c.call_open_fd(ids.back()).fd);
	}
	int64_t ns = send_frames(fds, n, size, [](int fd, const uint8_t *b, size_t len) {
		return write(fd, b, len);
	});
	uint64_t sent = 0;
	for (uint32_t id : ids) {
		auto call = c.call(id);
		if (call.stats)
			sent += call.stats->tx_packets;
	}
	for (size_t i = 0; i < ids.size(); i++) {
		close(fds[i]);
		call_down(c, ids[i]);
	}
	std::cout << "vc-send n=" << n << " vcs=" << vcs << " size=" << size
		  << " tx_packets=" << sent << " ns=" << ns << std::endl;
}

void packet_send(const Opts &o)
{
	uint32_t n = o.num("count"), size = o.num("size");
	Bytes mac = parse_bytes(o.str("station"));
	if (mac.size() != 6)
		throw Usage("station: a MAC address");
	int s = socket(AF_PACKET, SOCK_DGRAM, htons(0x88b5));	// local experimental
	if (s < 0)
		sys_fail("packet socket");
	sockaddr_ll to = {};
	to.sll_family = AF_PACKET;
	to.sll_protocol = htons(0x88b5);
	to.sll_ifindex = if_nametoindex(o.str("dev").c_str());
	to.sll_halen = 6;
	std::memcpy(to.sll_addr, mac.data(), 6);
	if (!to.sll_ifindex)
		sys_fail("dev " + o.str("dev"));
	fcntl(s, F_SETFL, O_NONBLOCK);
	int64_t ns = send_frames({ s }, n, size, [&](int fd, const uint8_t *b, size_t len) {
		return sendto(fd, b, len, 0, reinterpret_cast<sockaddr *>(&to), sizeof(to));
	});
	close(s);
	std::cout << "packet-send n=" << n << " size=" << size << " ns=" << ns << std::endl;
}

// ---- netlink dump --------------------------------------------------------------

// Dump every call of the namespace: "dump" counts the messages as they
// come (the kernel's cost and the syscalls), "dump-parse" also parses
// each into a libcondis Call (what a tool printing them pays). Against
// both, the script reads debugfs condis/calls: the same walk without the
// messages, counting the calls by state. "fields MASK"
// (CONDIS_CALL_FIELDS_*; 8: the state) asks for only these of each call.
void dump_calls(const Opts &o)
{
	uint32_t fields = o.num("fields", kAllCallFields);
	nl_sock *sk = nl_socket_alloc();
	if (!sk || genl_connect(sk) < 0)
		throw std::runtime_error("netlink socket");
	int family = genl_ctrl_resolve(sk, CONDIS_FAMILY_NAME);
	if (family < 0)
		throw std::runtime_error("no condis family");
	nl_socket_set_buffer_size(sk, 1 << 22, 0);
	int64_t t0 = now_ns();
	nl_msg *m = nlmsg_alloc();
	genlmsg_put(m, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, NLM_F_DUMP, CONDIS_CMD_CALL_GET, 1);
	if (fields != kAllCallFields)
		nla_put_u32(m, CONDIS_A_CALL_FIELDS, fields);
	if (nl_send_auto(sk, m) < 0)
		throw std::runtime_error("dump request");
	nlmsg_free(m);
	std::vector<char> buf(1 << 20);
	size_t n = 0;
	for (bool done = false; !done;) {
		ssize_t len = recv(nl_socket_get_fd(sk), buf.data(), buf.size(), 0);
		if (len < 0)
			sys_fail("recv");
		int left = static_cast<int>(len);
		for (auto *h = reinterpret_cast<nlmsghdr *>(buf.data()); NLMSG_OK(h, left);
		     h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				done = true;
			else
				n++;
		}
	}
	int64_t ns = now_ns() - t0;
	nl_socket_free(sk);
	std::cout << "dump n=" << n << " ns=" << ns << std::endl;
}

void dump_parse(const Opts &o)
{
	uint32_t fields = o.num("fields", kAllCallFields);
	size_t n = 0, connected = 0;
	Client c;
	int64_t t0 = now_ns();
	c.for_each_call([&](const Call &call) {
		n++;
		connected += call.state == CONDIS_CALL_STATE_CONNECTED;
	}, fields);
	int64_t ns = now_ns() - t0;
	std::cout << "dump-parse n=" << n << " connected=" << connected << " ns=" << ns << std::endl;
}

void read_file(const Opts &o)
{
	char buf[65536];
	int64_t t0 = now_ns();
	int fd = open(o.str("path").c_str(), O_RDONLY);
	if (fd < 0)
		sys_fail(o.str("path"));
	ssize_t n, total = 0;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	close(fd);
	int64_t ns = now_ns() - t0;
	std::cout << "read bytes=" << total << " ns=" << ns << std::endl;
}

const char usage[] =
	"usage: condis-bench MODE [KEY VALUE]...\n"
	"  listen adapter ID address ADDR [backlog N]\n"
	"  calls adapter ID to ADDR station MAC count N inflight K\n"
	"  hold-calls adapter ID to ADDR station MAC count N inflight K\n"
	"  tcp-listen port P\n"
	"  tcp-connect addr IPV4 port P count N inflight K\n"
	"  vc-send adapter ID to ADDR station MAC vcs V count N size S\n"
	"  packet-send dev IF station MAC count N size S\n"
	"  dump [fields MASK]       dump every call of the namespace (count); MASK:\n"
	"                           only these of each (CONDIS_CALL_FIELDS_*)\n"
	"  dump-parse [fields MASK] the same, each parsed into a libcondis Call\n"
	"  read-file path P         read a file (debugfs condis/calls)\n"
	"Each mode prints one line of key=value pairs; ns is its elapsed time.\n"
	"The benchmark suite that runs them: make bench (tests/bench/).\n";

} // namespace

int main(int argc, char **argv)
{
	if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help")) {
		std::cout << usage;
		return argc < 2;
	}
	try {
		Opts o(argc, argv);
		std::string mode = argv[1];
		if (mode == "listen")
			sap_listen(o);
		else if (mode == "calls")
			calls(o);
		else if (mode == "hold-calls")
			hold_calls(o);
		else if (mode == "tcp-listen")
			tcp_listen(o);
		else if (mode == "tcp-connect")
			tcp_connect(o);
		else if (mode == "vc-send")
			vc_send(o);
		else if (mode == "packet-send")
			packet_send(o);
		else if (mode == "dump")
			dump_calls(o);
		else if (mode == "dump-parse")
			dump_parse(o);
		else if (mode == "read-file")
			read_file(o);
		else
			throw Usage("unknown mode \"" + mode + "\"");
	} catch (const Usage &e) {
		std::cerr << "condis-bench: " << e.what() << "\n" << usage;
		return 2;
	} catch (const std::exception &e) {
		std::cerr << "condis-bench: " << e.what() << "\n";
		return 1;
	}
	return 0;
}
