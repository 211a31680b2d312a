// SPDX-License-Identifier: GPL-2.0
//
// condis-stress race: T threads, each its own netlink client on one
// adapter, for S seconds: SAPs registered and deregistered, calls made to
// each other's SAPs (point-to-point and multipoint), accepted, rejected or
// left to time out, closed from either end (half the closes answered when
// done, sent with the worker's next wait), parties added and dropped, QoS
// modified, frames written on VC descriptors and calls closed with sends in
// flight, AFs closed and reopened, whole clients dropped with all they
// own. Errors the races make (a call closed by the other end first, an
// address nobody registers) are counted by errno; the scenario script
// meanwhile unbinds adapters and reloads modules under it.
//
// Afterwards: every request that pended must have ended (its request-done
// arrived, or its object is gone or settled), and once every client is
// closed no condis object may be left.
//
//   race seconds S [threads T] [adapter NAME] [seed X]   (a loopback adapter)
#include "common.hpp"

#include <atomic>
#include <cerrno>
#include <iostream>
#include <linux/condis.h>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace condis;

namespace stress {

namespace {

constexpr unsigned kAddresses = 6;	// SAP addresses per thread

struct Totals {
	std::mutex lock;
	std::map<std::string, uint64_t> results;	// by operation/errno
	uint64_t ops = 0, events = 0, clients = 0, frames = 0, overruns = 0;
	std::vector<std::string> violations;
};

// A pended request, until its request-done.
struct Pending {
	uint32_t request, id;
	bool operator<(const Pending &o) const
	{
		return request != o.request ? request < o.request : id < o.id;
	}
};

class Worker {
public:
	Worker(unsigned idx, unsigned threads, const std::string &adapter, uint64_t seed,
	       Totals &t)
		: idx_(idx), threads_(threads), adapter_(adapter), rng_(seed + idx), t_(t) {}
	void run(int64_t deadline);

private:
	uint64_t rnd(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_); }
	Bytes address(unsigned thread, unsigned k)
	{
		std::string s = "r";	/* appended: GCC 12 -Wrestrict on "r" + ... */
		s.append(std::to_string(thread)).append(".").append(std::to_string(k));
		return Bytes(s.begin(), s.end());
	}
	void count(const std::string &op, int err)
	{
		std::string key = op;
		if (err)
			key.append(":").append(errname(err));
		results_[key]++;
		ops_++;
	}
	void pended(uint32_t request, const Reply &r)
	{
		if (r.pending)
			pending_.insert({request, r.id});
	}
	void fresh_client();
	void step();
	void on_event(const Event &e);
	void drain(int timeout_ms);
	void finish();
	uint32_t any(const std::set<uint32_t> &s)
	{
		auto it = s.begin();
		std::advance(it, rnd(s.size()));
		return *it;
	}

	unsigned idx_, threads_;
	std::string adapter_;
	std::mt19937_64 rng_;
	Totals &t_;
	std::optional<Client> c_;
	uint32_t af_ = 0;
	std::set<uint32_t> saps_, calls_, multipoint_, parties_;
	std::map<uint32_t, int> fds_;		// call -> descriptor
	std::set<Pending> pending_;
	std::map<uint32_t, uint32_t> closing_;	// a queued close's seq -> its call
	std::map<std::string, uint64_t> results_;
	uint64_t ops_ = 0, events_ = 0, clients_ = 0, frames_ = 0, overruns_ = 0;
};

void Worker::fresh_client()
{
	for (auto &[call, fd] : fds_)
		close(fd);
	fds_.clear();
	c_.reset();		// the kernel releases all it owned
	saps_.clear();
	calls_.clear();
	multipoint_.clear();
	parties_.clear();
	pending_.clear();
	closing_.clear();
	af_ = 0;
	c_.emplace();
	c_->subscribe();
	clients_++;
}

void Worker::on_event(const Event &answer)
{
	Event e = answer;

	events_++;
	if (e.seq) {		// a queued close's one answer: its request-done
		auto it = closing_.find(e.seq);
		if (it == closing_.end())
			return;
		e.id = it->second;	// a refusal names no call
		closing_.erase(it);
		count("call-close", e.status == -EINPROGRESS ? 0 : -e.status);
		if (e.status == -EINPROGRESS)
			return;		// its request-done notification follows
	}
	switch (e.cmd) {
	case CONDIS_CMD_REQUEST_DONE_NTF:
		pending_.erase({e.request, e.id});
		if (e.status) {
			if (e.request == CONDIS_REQUEST_CALL_MAKE)
				calls_.erase(e.id), multipoint_.erase(e.id);
			if (e.request == CONDIS_REQUEST_SAP_REGISTER)
				saps_.erase(e.id);
			if (e.request == CONDIS_REQUEST_PARTY_ADD)
				parties_.erase(e.id);
			if (e.request == CONDIS_REQUEST_AF_OPEN && e.id == af_)
				af_ = 0;
		}
		break;
	case CONDIS_CMD_CALL_INCOMING_NTF: {
		if (!saps_.count(e.sap_id))
			break;
		uint64_t r = rnd(10);
		try {
			if (r < 6) {
				c_->call_accept(e.id);
				calls_.insert(e.id);
				count("accept", 0);
			} else if (r < 8) {
				c_->call_reject(e.id);
				count("reject", 0);
			}		// else: left to the SAP's accept timeout
		} catch (const Error &x) {
			count(r < 6 ? "accept" : "reject", x.err());
		}
		break;
	}
	case CONDIS_CMD_CALL_CLOSE_NTF:
		if (calls_.erase(e.id)) {
			multipoint_.erase(e.id);
			auto it = fds_.find(e.id);
			if (it != fds_.end()) {
				close(it->second);
				fds_.erase(it);
			}
			// the call is gone: so are its requests
			for (auto p = pending_.begin(); p != pending_.end();)
				p = p->id == e.id ? pending_.erase(p) : std::next(p);
		}
		break;
	case CONDIS_CMD_PARTY_DROP_NTF:
		parties_.erase(e.id);
		break;
	}
}

void Worker::drain(int timeout_ms)
{
	try {
		while (auto e = c_->next_event(timeout_ms)) {
			on_event(*e);
			timeout_ms = 0;
		}
	} catch (const Error &e) {
		if (e.err() != ENOBUFS)
			throw;
		overruns_++;	// events lost: what they said is learnt from errors
	}
}

void Worker::step()
{
	if (!c_ || rnd(400) == 0) {
		fresh_client();
		return;
	}
	if (!af_) {
		try {
			Reply r = c_->af_open(adapter_id(*c_, adapter_), CONDIS_AF_TYPE_LOOPBACK);
			af_ = r.id;
			pended(CONDIS_REQUEST_AF_OPEN, r);
			count("af-open", 0);
		} catch (const Error &e) {
			count("af-open", e.err());
		} catch (const std::runtime_error &) {
			count("af-open", ENODEV);	// adapter gone (module reloading)
		}
		return;
	}
	CallParams mp;
	mp.flags = CONDIS_CALL_FLAGS_MULTIPOINT_VC;
	std::string op;
	try {
		switch (rnd(13)) {
		case 0:
			op = "sap-register";
			{
				Reply r = c_->sap_register(af_, address(idx_, unsigned(rnd(kAddresses))),
							   0, 300 + unsigned(rnd(700)));
				saps_.insert(r.id);
				pended(CONDIS_REQUEST_SAP_REGISTER, r);
			}
			break;
		case 1:
			op = "sap-deregister";
			if (saps_.empty())
				return;
			{
				uint32_t id = any(saps_);
				saps_.erase(id);
				pended(CONDIS_REQUEST_SAP_DEREGISTER, c_->sap_deregister(id));
			}
			break;
		case 2: case 3: case 4:
			op = "call-make";
			{
				bool multi = rnd(3) == 0;
				Reply r = c_->call_make(af_, address(unsigned(rnd(threads_)),
								     unsigned(rnd(kAddresses))),
							multi ? std::optional(mp) : std::nullopt);
				calls_.insert(r.id);
				if (multi)
					multipoint_.insert(r.id);
				pended(CONDIS_REQUEST_CALL_MAKE, r);
			}
			break;
		case 5: case 6:
			op = "call-close";
			if (calls_.empty())
				return;
			{
				uint32_t id = any(calls_);
				if (rnd(2)) {	// answered when done, sent with the next wait
					closing_[c_->send_call_close(id)] = id;
					pending_.insert({CONDIS_REQUEST_CALL_CLOSE, id});
					return;		// counted when answered
				}
				pended(CONDIS_REQUEST_CALL_CLOSE, c_->call_close(id));
			}
			break;
		case 7:
			op = "party-add";
			if (multipoint_.empty())
				return;
			{
				Reply r = c_->party_add(any(multipoint_),
							address(unsigned(rnd(threads_)),
								unsigned(rnd(kAddresses))));
				parties_.insert(r.id);
				pended(CONDIS_REQUEST_PARTY_ADD, r);
			}
			break;
		case 8:
			op = "party-drop";
			if (parties_.empty())
				return;
			{
				uint32_t id = any(parties_);
				parties_.erase(id);
				pended(CONDIS_REQUEST_PARTY_DROP, c_->party_drop(id));
			}
			break;
		case 9:
			op = "modify-qos";
			if (calls_.empty())
				return;
			{
				CallParams q;
				q.tx.peak_bandwidth = uint32_t(rnd(1u << 30));
				uint32_t id = any(calls_);
				pended(CONDIS_REQUEST_CALL_MODIFY_QOS, c_->call_modify_qos(id, q));
			}
			break;
		case 10: case 11:
			op = "send";
			if (calls_.empty())
				return;
			{
				uint32_t id = any(calls_);
				if (!fds_.count(id))
					fds_[id] = c_->call_open_fd(id).fd;
				static const char frame[256] = "condis race";
				for (unsigned i = 0; i < 1 + rnd(16); i++)
					if (write(fds_[id], frame, 1 + rnd(sizeof(frame))) > 0)
						frames_++;
			}
			break;
		default:
			op = "af-close";
			pended(CONDIS_REQUEST_AF_CLOSE, c_->af_close(af_));
			af_ = 0;
			break;
		}
		count(op, 0);
	} catch (const Error &e) {
		count(op, e.err());
		// the AF went under us (adapter unbound, module reloaded): no
		// event says so, requests on it are refused
		if ((e.err() == ENOENT || e.err() == EINVAL) &&
		    (op == "sap-register" || op == "call-make" || op == "af-close"))
			af_ = 0;
	}
}

// Requests still pended after the run must have ended, or their object
// settled or gone.
void Worker::finish()
{
	if (!c_)
		return;
	int64_t end = now_ms() + 20000;
	while (!pending_.empty() && now_ms() < end)
		drain(200);
	for (const Pending &p : pending_) {
		bool hung = false;
		try {
			switch (p.request) {
			case CONDIS_REQUEST_AF_OPEN: case CONDIS_REQUEST_AF_CLOSE: {
				uint32_t s = c_->af(p.id).state;
				hung = s != CONDIS_AF_STATE_OPEN;
				break;
			}
			case CONDIS_REQUEST_SAP_REGISTER: case CONDIS_REQUEST_SAP_DEREGISTER: {
				uint32_t s = c_->sap(p.id).state;
				hung = s != CONDIS_SAP_STATE_ACTIVE;
				break;
			}
			case CONDIS_REQUEST_CALL_MAKE: case CONDIS_REQUEST_CALL_CLOSE: {
				uint32_t s = c_->call(p.id).state;
				hung = s == CONDIS_CALL_STATE_OUTGOING || s == CONDIS_CALL_STATE_CLOSING;
				break;
			}
			default:
				break;	// parties and QoS: their call's state says it
			}
		} catch (const Error &) {
			// gone
		}
		if (hung) {
			std::lock_guard<std::mutex> g(t_.lock);
			t_.violations.push_back("thread " + std::to_string(idx_) + ": " +
						names::request(p.request) + " " + std::to_string(p.id) +
						" still pending 20 s after the run");
		}
	}
}

void Worker::run(int64_t deadline)
{
	try {
		while (now_ms() < deadline) {
			step();
			if (c_)
				drain(0);
		}
		finish();
	} catch (const std::exception &e) {
		std::lock_guard<std::mutex> g(t_.lock);
		t_.violations.push_back("thread " + std::to_string(idx_) + ": " + e.what());
	}
	for (auto &[call, fd] : fds_)
		close(fd);
	c_.reset();
	std::lock_guard<std::mutex> g(t_.lock);
	for (const auto &[k, v] : results_)
		t_.results[k] += v;
	t_.ops += ops_;
	t_.events += events_;
	t_.clients += clients_;
	t_.frames += frames_;
	t_.overruns += overruns_;
}

} // namespace

int race(const Opts &o)
{
	uint64_t seconds = o.num("seconds");
	unsigned threads = unsigned(o.num("threads", 4));
	uint64_t seed = o.num("seed", uint64_t(now_ms()));
	std::string adapter = o.str("adapter", "lo");
	Totals t;
	int64_t t0 = now_ms(), deadline = t0 + int64_t(seconds) * 1000;
	std::vector<std::thread> ws;
	for (unsigned i = 0; i < threads; i++)
		ws.emplace_back([&, i] { Worker(i, threads, adapter, seed, t).run(deadline); });
	for (auto &w : ws)
		w.join();
	bool zero = objects_zero(30000);
	if (!zero)
		t.violations.push_back("objects left after every client closed");
	for (const auto &v : t.violations)
		std::cerr << "condis-stress: " << v << "\n";
	uint64_t ok = 0;
	for (const auto &[k, v] : t.results)
		if (k.find(':') == std::string::npos)
			ok += v;
	std::cout << Json()
		.num("seconds", (now_ms() - t0) / 1000)
		.num("threads", threads)
		.num("seed", int64_t(seed))
		.num("ops", int64_t(t.ops))
		.num("ops_ok", int64_t(ok))
		.num("events", int64_t(t.events))
		.num("clients", int64_t(t.clients))
		.num("frames", int64_t(t.frames))
		.num("event_overruns", int64_t(t.overruns))
		.raw("results", Json::map(t.results))
		.num("violations", int64_t(t.violations.size()))
		.line() << std::endl;
	return t.violations.empty() ? 0 : 1;
}

} // namespace stress
