// SPDX-License-Identifier: GPL-2.0
//
// condis-stress faults: the kernel's per-task fail-nth over a control
// scenario. Run the scenario with its 1st, 2nd, ... Nth kernel allocation
// failing (failslab, GFP_KERNEL included) until it runs to its end with
// the fault never reached. For every failure point:
//   - a request that fails must fail cleanly: an error to the caller, and
//     the client's AFs, SAPs, calls and parties exactly as they were just
//     before it (see Sweep::before());
//   - a request that succeeds despite the failure goes on as usual;
//   - an answer lost for memory is reported on the socket (ENOBUFS): the
//     request's change may stand, the client knows it lost the answer;
//   - when the client's socket is closed, no condis object is left.
// What the kernel logs (KASAN, lockdep, WARN, kmemleak) the harness judges.
//
//   faults scenario loopback|ethernet [max N] [stride K] [step NAME]
//          [wait-ms MS] [progress EVERY]
//        stride K: fail the 1st, (1+K)th, (1+2K)th, ... allocation only (a
//        quicker pass over the whole scenario); step NAME: only the
//        allocations of that step (counted from its start); progress: a
//        line on stderr every EVERY points
//          [a IFNAME b IFNAME]         (ethernet: a veth pair's two ends)
#include "common.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <iostream>
#include <linux/condis.h>
#include <net/if.h>
#include <optional>
#include <poll.h>
#include <sstream>
#include <unistd.h>
#include <vector>

using namespace condis;

namespace stress {

namespace {

// ---- fail-nth ---------------------------------------------------------------

class FailNth {
public:
	FailNth()
	{
		fd_ = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
		if (fd_ < 0)
			throw std::runtime_error("/proc/thread-self/fail-nth: no fault injection "
						 "(CONFIG_FAULT_INJECTION, root)");
	}
	~FailNth() { set(0); close(fd_); }
	void set(unsigned n)
	{
		std::string v = std::to_string(n);
		if (pwrite(fd_, v.c_str(), v.size(), 0) < 0)
			throw std::runtime_error("fail-nth: cannot write");
	}
	// 0 once the fault was injected, else how many calls were still to go
	unsigned get()
	{
		char buf[32] = {};
		if (pread(fd_, buf, sizeof(buf) - 1, 0) < 0)
			throw std::runtime_error("fail-nth: cannot read");
		return unsigned(std::stoul(buf));
	}
	bool fired() { return get() == 0; }
	// run @fn with the fault held back: the count resumes where it was
	template <typename F> void hold(F fn)
	{
		unsigned left = get();
		if (left)
			set(0);
		try {
			fn();
		} catch (...) {
			if (left)
				set(left);
			throw;
		}
		if (left)
			set(left);
	}

private:
	int fd_ = -1;
};

// failslab fails GFP_KERNEL allocations too, quietly; restored at the end
class Failslab {
public:
	Failslab()
	{
		save("ignore-gfp-wait", "N");
		save("verbose", "0");
	}
	~Failslab()
	{
		for (const auto &[k, v] : saved_)
			std::ofstream(dir_ + k) << v;
	}

private:
	void save(const std::string &k, const std::string &v)
	{
		std::ifstream in(dir_ + k);
		std::string old;
		if (!(in >> old))
			throw std::runtime_error(dir_ + k + ": no failslab (CONFIG_FAILSLAB)");
		saved_[k] = old;
		std::ofstream(dir_ + k) << v;
	}
	const std::string dir_ = "/sys/kernel/debug/failslab/";
	std::map<std::string, std::string> saved_;
};

// ---- the client's view of its objects ----------------------------------------------

// The client's objects and their states, ids replaced by their order of
// appearance per type (ids differ from run to run; the order does not).
std::string snapshot(Client &c)
{
	std::map<std::string, std::map<uint32_t, unsigned>> ids;
	auto id = [&](const char *type, uint32_t v) {
		auto &m = ids[type];
		return m.emplace(v, unsigned(m.size())).first->second;
	};
	std::ostringstream s;
	for (const Af &a : c.afs())
		if (a.owned)
			s << "af " << id("af", a.id) << " " << a.state << "\n";
	for (const Sap &p : c.saps())
		if (p.owned)
			s << "sap " << id("sap", p.id) << " " << p.state << "\n";
	for (const Call &k : c.calls()) {
		if (!k.owned)
			continue;
		s << "call " << id("call", k.id) << " " << k.state;
		for (const PartyRef &p : k.parties)
			s << " party " << id("party", p.id) << " " << p.state;
		s << "\n";
	}
	return s.str();
}

// ---- scenarios ----------------------------------------------------------------

enum class Kind {
	change,		// a request: failing, it must change nothing
	wait,		// waiting for what a request started
	data,		// frames: one may be dropped when memory runs out
};

struct Step {
	std::string name;
	Kind kind;
	std::function<void()> fn;
};

// The state one run of a scenario builds up.
struct Run {
	FailNth &nth;
	std::optional<Client> c;
	int wait_ms = 3000;
	uint32_t af = 0, af2 = 0, sap = 0, call = 0, in = 0, party = 0, pin = 0;
	int fd_out = -1, fd_in = -1;
	explicit Run(FailNth &f) : nth(f) {}
	~Run()
	{
		if (fd_out >= 0)
			close(fd_out);
		if (fd_in >= 0)
			close(fd_in);
	}
	Client &cl() { return *c; }
	void settle(uint32_t request, const Reply &r)
	{
		if (r.pending)
			cl().wait_done(request, r.id, wait_ms);
	}
	// The far end of a call closed by the step: its client closes it on
	// its own (incoming close); the next step starts once it has, or what
	// the step before it sees would depend on timing. Looked at with the
	// fault held back.
	void far_end_gone(uint32_t call_id)
	{
		nth.hold([&] {
			for (int64_t end = now_ms() + wait_ms;;) {
				bool there = false;
				for (const Call &k : cl().calls())
					there |= k.id == call_id;
				if (!there)
					return;
				if (now_ms() > end)
					throw Error(ETIMEDOUT, "", "the far end of the call stayed");
				usleep(10000);
			}
		});
	}
	// the first event of @cmd that @match takes, within wait_ms
	Event event(uint8_t cmd, const std::function<bool(const Event &)> &match,
		    const char *none)
	{
		auto e = cl().wait_event([&](const Event &ev) {
			return ev.cmd == cmd && match(ev);
		}, wait_ms);
		if (!e)
			throw Error(ETIMEDOUT, "", none);
		return *e;
	}
	// The called end of a call hears that it is connected: its VC takes
	// a descriptor only then, and its state changes from accepted to
	// connected (the caller's make call or add party may complete first:
	// a step's snapshot taken before that would see the change).
	void connected(uint32_t call_id)
	{
		event(CONDIS_CMD_CALL_CONNECTED_NTF, [&](const Event &ev) { return ev.id == call_id; },
		      "the called end was not connected");
	}
	uint32_t incoming(uint32_t sap_id)
	{
		return event(CONDIS_CMD_CALL_INCOMING_NTF,
			     [&](const Event &ev) { return ev.sap_id == sap_id; },
			     "no incoming call").id;
	}
};

void frame(Run &r)
{
	static const char msg[] = "condis fault sweep";
	if (write(r.fd_out, msg, sizeof(msg)) < 0)
		throw Error(errno, "", "write to the VC");
	pollfd p{r.fd_in, POLLIN, 0};
	char buf[64];
	if (poll(&p, 1, r.wait_ms) <= 0)
		throw Error(ETIMEDOUT, "", "the frame did not arrive");
	ssize_t n = read(r.fd_in, buf, sizeof(buf));
	if (n < 0)
		throw Error(errno, "", "read from the VC");
	if (n != sizeof(msg) || memcmp(buf, msg, sizeof(msg)))
		throw std::runtime_error("the frame arrived changed");	// a violation
}

// A call made by the step before: answered, connected (then @middle), a
// frame over it, closed.
std::vector<Step> call_steps(Run &r, std::vector<Step> middle)
{
	std::vector<Step> out = {
		{"call-incoming", Kind::wait, [&r] { r.in = r.incoming(r.sap); }},
		{"call-accept", Kind::change, [&r] { r.cl().call_accept(r.in); }},
		{"call-connected", Kind::wait, [&r] {
			r.cl().wait_done(CONDIS_REQUEST_CALL_MAKE, r.call, r.wait_ms);
			r.connected(r.in);
		}},
	};
	out.insert(out.end(), middle.begin(), middle.end());
	std::vector<Step> tail = {
		{"call-open-fd", Kind::change, [&r] {
			r.fd_out = r.cl().call_open_fd(r.call).fd;
			r.fd_in = r.cl().call_open_fd(r.in).fd;
		}},
		{"send", Kind::data, [&r] { frame(r); }},
		{"call-close", Kind::change, [&r] {
			close(r.fd_out);
			close(r.fd_in);
			r.fd_out = r.fd_in = -1;
			r.settle(CONDIS_REQUEST_CALL_CLOSE, r.cl().call_close(r.call));
			r.far_end_gone(r.in);
		}},
	};
	out.insert(out.end(), tail.begin(), tail.end());
	return out;
}

std::vector<Step> operator+(std::vector<Step> a, const std::vector<Step> &b)
{
	a.insert(a.end(), b.begin(), b.end());
	return a;
}

std::vector<Step> loopback(Run &r)
{
	const Bytes svc = {'s', 'w', 'e', 'e', 'p'};
	CallParams qos;
	qos.tx.peak_bandwidth = qos.rx.peak_bandwidth = 1000000;
	CallParams mp;
	mp.flags = CONDIS_CALL_FLAGS_MULTIPOINT_VC;
	return std::vector<Step>{
		{"client", Kind::change, [&r] { r.c.emplace(); r.cl().subscribe(); }},
		{"af-open", Kind::change, [&r] {
			Reply a = r.cl().af_open(adapter_id(r.cl(), "lo"), CONDIS_AF_TYPE_LOOPBACK);
			r.af = a.id;
			r.settle(CONDIS_REQUEST_AF_OPEN, a);
		}},
		{"sap-register", Kind::change, [&r, svc] {
			Reply s = r.cl().sap_register(r.af, svc);
			r.sap = s.id;
			r.settle(CONDIS_REQUEST_SAP_REGISTER, s);
		}},
		{"call-make", Kind::change, [&r, svc] { r.call = r.cl().call_make(r.af, svc).id; }},
	} + call_steps(r, {
		{"call-modify-qos", Kind::change, [&r, qos] {
			r.settle(CONDIS_REQUEST_CALL_MODIFY_QOS, r.cl().call_modify_qos(r.call, qos));
		}},
	}) + std::vector<Step>{
		{"multipoint-make", Kind::change, [&r, svc, mp] {
			r.call = r.cl().call_make(r.af, svc, mp).id;
		}},
		{"multipoint-incoming", Kind::wait, [&r] { r.in = r.incoming(r.sap); }},
		{"multipoint-accept", Kind::change, [&r] { r.cl().call_accept(r.in); }},
		{"multipoint-connected", Kind::wait, [&r] {
			r.cl().wait_done(CONDIS_REQUEST_CALL_MAKE, r.call, r.wait_ms);
			r.connected(r.in);
		}},
		{"party-add", Kind::change, [&r, svc] { r.party = r.cl().party_add(r.call, svc).id; }},
		{"party-incoming", Kind::wait, [&r] { r.pin = r.incoming(r.sap); }},
		{"party-accept", Kind::change, [&r] { r.cl().call_accept(r.pin); }},
		{"party-added", Kind::wait, [&r] {
			r.cl().wait_done(CONDIS_REQUEST_PARTY_ADD, r.party, r.wait_ms);
			r.connected(r.pin);
		}},
		{"party-drop", Kind::change, [&r] {
			r.settle(CONDIS_REQUEST_PARTY_DROP, r.cl().party_drop(r.party));
			r.far_end_gone(r.pin);
		}},
		{"multipoint-close", Kind::change, [&r] {
			r.settle(CONDIS_REQUEST_CALL_CLOSE, r.cl().call_close(r.call));
			r.far_end_gone(r.in);
		}},
		{"sap-deregister", Kind::change, [&r] {
			r.settle(CONDIS_REQUEST_SAP_DEREGISTER, r.cl().sap_deregister(r.sap));
		}},
		{"af-close", Kind::change, [&r] {
			// the called side's VCs go after the calling side's close
			// completed (the CM deletes them): EBUSY until then
			for (int64_t end = now_ms() + r.wait_ms;;) {
				try {
					r.settle(CONDIS_REQUEST_AF_CLOSE, r.cl().af_close(r.af));
					return;
				} catch (const Error &e) {
					if (e.err() != EBUSY || now_ms() > end)
						throw;
				}
				usleep(20000);
			}
		}},
	};
}

// Two adapters bound to a veth pair's ends, a call from one to the other.
std::vector<Step> ethernet(Run &r, const std::string &a, const std::string &b,
			   uint32_t &ad_a, uint32_t &ad_b)
{
	const Bytes svc = {'e', 's', 'w'};
	return std::vector<Step>{
		{"client", Kind::change, [&r] { r.c.emplace(); r.cl().subscribe(); }},
		{"adapter-new", Kind::change, [&r, a, b, &ad_a, &ad_b] {
			ad_a = r.cl().adapter_new(if_nametoindex(a.c_str()), "ethernet").id;
			ad_b = r.cl().adapter_new(if_nametoindex(b.c_str()), "ethernet").id;
		}},
		{"af-open-a", Kind::change, [&r, &ad_a] {
			Reply x = r.cl().af_open(ad_a, CONDIS_AF_TYPE_ETHERNET);
			r.af = x.id;
			r.settle(CONDIS_REQUEST_AF_OPEN, x);
		}},
		{"af-open-b", Kind::change, [&r, &ad_b] {
			Reply y = r.cl().af_open(ad_b, CONDIS_AF_TYPE_ETHERNET);
			r.af2 = y.id;
			r.settle(CONDIS_REQUEST_AF_OPEN, y);
		}},
		{"sap-register", Kind::change, [&r, svc] {
			Reply s = r.cl().sap_register(r.af2, svc);
			r.sap = s.id;
			r.settle(CONDIS_REQUEST_SAP_REGISTER, s);
		}},
		{"call-make", Kind::change, [&r, svc, b] {
			std::ifstream f("/sys/class/net/" + b + "/address");
			std::string mac;
			f >> mac;
			Bytes to = parse_bytes(mac);
			to.insert(to.end(), svc.begin(), svc.end());
			r.call = r.cl().call_make(r.af, to).id;
		}},
	} + call_steps(r, {}) + std::vector<Step>{
		// one request a step: a step's failure must leave what was before it
		{"adapter-del-a", Kind::change, [&r, &ad_a] {
			r.cl().adapter_del(ad_a);
			ad_a = 0;
		}},
		{"adapter-del-b", Kind::change, [&r, &ad_b] {
			r.cl().adapter_del(ad_b);
			ad_b = 0;
		}},
	};
}

struct Outcome {
	bool fired = false;		// the fault was reached
	bool completed = false;		// every step succeeded
	std::string step;		// where it failed
	int err = 0;
	std::string violation;		// empty: none
};

struct Sweep {
	std::string scenario, a, b;
	int wait_ms;
	std::string focus;	// only the allocations of this step (empty: all)
	// the fault-free run's: each change step's snapshot before it, and how
	// many allocations the step made (counted with a fault never reached)
	std::map<std::string, std::string> base;
	std::map<std::string, unsigned> allocs;
	static constexpr unsigned kCount = 1u << 30;

	// What a change step must leave if it fails: the client's objects just
	// before it in this run, looked at with the fault held back, when the
	// fault may fire in it; else the fault-free run's (each step waits for
	// what it started, so they are the same). A snapshot is three netlink
	// dumps, slow in a debug guest: one before every step tripled a sweep.
	std::string before(FailNth &nth, Run &r, const Step &s, unsigned n)
	{
		std::string snap;
		unsigned left = nth.get();
		if (n && !(left && left <= 2 * allocs[s.name] + 16))
			return base[s.name];
		nth.hold([&] { snap = snapshot(r.cl()); });
		if (!n)
			base[s.name] = snap;
		return snap;
	}

	std::vector<Step> steps(Run &r, uint32_t &ad_a, uint32_t &ad_b)
	{
		return scenario == "loopback" ? loopback(r) : ethernet(r, a, b, ad_a, ad_b);
	}

	Outcome once(FailNth &nth, unsigned n)
	{
		Outcome out;
		uint32_t ad_a = 0, ad_b = 0;
		{
			Run r{nth};
			r.wait_ms = wait_ms;
			auto list = steps(r, ad_a, ad_b);
			bool armed = focus.empty(), past_focus = false;
			if (!n)
				nth.set(kCount);	// never reached: it counts
			else if (armed)
				nth.set(n);
			std::string was;
			for (Step &s : list) {
				if (!armed && s.name == focus) {
					if (n)
						nth.set(n);
					armed = true;
				}
				bool change = s.kind == Kind::change && r.c;
				if (change)
					was = before(nth, r, s, n);
				try {
					unsigned left = nth.get();
					s.fn();
					if (!n && change)
						allocs[s.name] = left - nth.get();
					if (n && s.name == focus && !nth.fired()) {
						past_focus = true;	// past its allocations
						break;
					}
					continue;
				} catch (const Error &e) {
					out.err = e.err();
				} catch (const std::exception &e) {
					out.err = -1;
					out.violation = s.name + ": not a clean error: " + e.what();
				}
				out.step = s.name;
				out.fired = n && nth.fired();
				nth.set(0);	// the sweep looks without faults
				if (!n || !out.fired) {
					if (out.violation.empty())
						out.violation = s.name + " failed without a fault: " +
								errname(out.err);
				} else if (out.err == ENOBUFS) {
					// the answer was lost, not the request: the kernel
					// said so on the socket; the change may stand
				} else if (change && out.err != ETIMEDOUT) {
					std::string after = snapshot(r.cl());
					if (after != was)
						out.violation = s.name + " failed (" + errname(out.err) +
							") but changed the client's objects:\nbefore:\n" +
							was + "after:\n" + after;
				}
				break;
			}
			if (out.step.empty()) {
				out.completed = true;
				out.fired = n && !past_focus && nth.fired();
			}
			nth.set(0);
			// adapters this run bound outlive the client: unbind them,
			// by interface (an answer lost for memory hid the id)
			if (scenario == "ethernet") {
				if (!r.c)
					r.c.emplace();
				for (const Adapter &ad : r.cl().adapters())
					if (ad.ifindex && (ad.ifindex == if_nametoindex(a.c_str()) ||
							   ad.ifindex == if_nametoindex(b.c_str())))
						r.cl().adapter_del(ad.id);
			}
		}	// the client's socket closes here: the kernel releases its objects
		// (a call manager that lost a completion for memory holds its
		// object until condis completes the request: pend_timeout_ms,
		// 30 s; counted by the verifier, which fault_sweep.sh shows)
		if (!objects_zero(40000) && out.violation.empty())
			out.violation = "objects left after " + (out.step.empty() ? "the end" : out.step);
		return out;
	}
};

} // namespace

int faults(const Opts &o)
{
	Sweep sw{o.str("scenario", "loopback"), o.str("a", ""), o.str("b", ""),
		 int(o.num("wait-ms", 3000)), o.str("step", ""), {}, {}};
	if (sw.scenario != "loopback" && sw.scenario != "ethernet")
		throw Usage("scenario: loopback or ethernet");
	if (sw.scenario == "ethernet" && (sw.a.empty() || sw.b.empty()))
		throw Usage("the ethernet scenario needs a IFNAME b IFNAME (a veth pair)");
	uint64_t max = o.num("max", 5000), progress = o.num("progress", 0);
	uint64_t stride = std::max<uint64_t>(o.num("stride", 1), 1);
	Failslab slab;
	FailNth nth;
	std::map<std::string, uint64_t> by_step, by_err;
	uint64_t points = 0, survived = 0, violations = 0;

	Outcome base = sw.once(nth, 0);
	if (!base.completed) {
		std::cerr << "condis-stress: the " << sw.scenario << " scenario fails without a fault: "
			  << base.violation << "\n";
		return 1;
	}
	unsigned n = 1;
	for (; n <= max; n += unsigned(stride)) {
		Outcome out = sw.once(nth, n);
		if (!out.fired && out.violation.empty())
			break;		// ran to its end untouched: every point swept
		points++;
		if (out.completed)
			survived++;
		else {
			by_step[out.step]++;
			by_err[errname(out.err)]++;
		}
		if (!out.completed && out.err != ENOMEM && out.err != ENOBUFS)
			std::cerr << "condis-stress: fault " << n << ": " << out.step
				  << " failed with " << errname(out.err) << "\n";
		if (progress && points % progress == 0)
			std::cerr << "condis-stress: fault " << n << ": "
				  << (out.completed ? "survived" : out.step + " " + errname(out.err))
				  << "\n";
		if (!out.violation.empty()) {
			violations++;
			std::cerr << "condis-stress: fault " << n << ": violation: " << out.violation
				  << "\n";
		}
	}
	bool swept = n <= max;
	std::cout << Json()
		.str("scenario", sw.scenario)
		.str("step", sw.focus.empty() ? "all" : sw.focus)
		.num("points", int64_t(points))
		.num("swept", swept)
		.num("stride", int64_t(stride))
		.num("survived", int64_t(survived))
		.raw("failed_at", Json::map(by_step))
		.raw("errors", Json::map(by_err))
		.num("violations", int64_t(violations))
		.line() << std::endl;
	return violations || !swept ? 1 : 0;
}

} // namespace stress
