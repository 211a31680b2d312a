// SPDX-License-Identifier: GPL-2.0
//
// condis-fuzz: random and mutated messages for every command of the condis
// generic netlink family, bounded by count and time.
//
// The family's operations and policies come from the kernel (genl ctrl's
// policy dump), so every command is covered as it is today. Each message
// is one of:
//   - generated: the command's attributes, each present, absent, repeated,
//     of the right or a wrong type and length, with boundary, huge or random
//     values, ids seen in earlier answers (so requests reach real objects
//     in any order: closes before opens, answers to calls never offered),
//     nests to three levels, unknown attribute types; sometimes a dump,
//     no ack, another genl version, or an unknown command;
//   - mutated: an earlier generated message with bytes flipped, lengths
//     changed, truncated or with garbage appended.
// Sockets are closed and reopened now and then (what they own is released
// with them), descriptors the kernel hands over (call-open-fd) are closed.
// A socket of its own listens to every multicast group of the family: the
// ids in notifications are learnt too (calls offered, parties added).
//
// It fails (exit 1) when a request gets no answer within --answer-ms, or
// an answer or a notification carries a value that looks like a kernel
// pointer. The kernel's own reports (KASAN, lockdep, ...) are judged by
// the harness.
//
// Half the generated messages are careful (right types, values in the
// policy's range, known ids and addresses) so that requests get past the
// policy and into the state machines.
//
// Usage: condis-fuzz [--seconds S] [--count N] [--seed X] [--sockets K]
//                    [--answer-ms MS]
// Prints one JSON line: messages sent, answers by errno, seed.
#include "raw_netlink.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <linux/netlink.h>
#include <memory>
#include <random>
#include <string>
#include <sys/syscall.h>
#include <unistd.h>

using namespace fuzz;

namespace {

constexpr int kMaxDepth = 3;

struct Opts {
	double seconds = 60;
	uint64_t count = 0;		// 0: until --seconds
	uint64_t seed = 0;
	unsigned sockets = 2;
	int answer_ms = 10000;
};

[[noreturn]] void usage(const char *msg)
{
	std::cerr << "condis-fuzz: " << msg << "\n"
		  << "usage: condis-fuzz [--seconds S] [--count N] [--seed X] [--sockets K]"
		     " [--answer-ms MS]\n";
	exit(2);
}

Opts parse(int argc, char **argv)
{
	Opts o;
	o.seed = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
	for (int i = 1; i < argc; i++) {
		std::string a = argv[i];
		if (a == "-h" || a == "--help")
			usage("random and mutated messages for the condis netlink family");
		if (i + 1 >= argc)
			usage(("no value after " + a).c_str());
		const char *v = argv[++i];
		try {
			if (a == "--seconds")
				o.seconds = std::stod(v);
			else if (a == "--count")
				o.count = std::stoull(v, nullptr, 0);
			else if (a == "--seed")
				o.seed = std::stoull(v, nullptr, 0);
			else if (a == "--sockets")
				o.sockets = unsigned(std::stoul(v));
			else if (a == "--answer-ms")
				o.answer_ms = std::stoi(v);
			else
				usage(("unknown option " + a).c_str());
		} catch (const std::logic_error &) {
			usage(("bad value for " + a).c_str());
		}
	}
	if (!o.sockets)
		usage("--sockets: at least 1");
	return o;
}

std::string errname(int err)
{
	if (!err)
		return "ok";
	const char *n = strerrorname_np(err);
	return n ? n : std::to_string(err);
}

class Fuzzer {
public:
	Fuzzer(const Opts &o, Family f) : o_(o), fam_(std::move(f)), rng_(o.seed)
	{
		for (uint32_t i = 1; i <= 8; i++)
			ids_.push_back(i);
		blobs_ = {{'l', 'o'}, {0}, {1, 2, 3, 4, 5, 6}};
		strings_ = {"lo", "ethernet", "lo0", "condis0", "", "x"};
		for (unsigned i = 0; i < o_.sockets; i++)
			socks_.push_back(std::make_unique<RawSocket>());
		for (const auto &[cmd, idx] : fam_.do_policy)
			cmds_.push_back(cmd);
		for (const auto &[name, id] : fam_.groups)
			groups_ += events_.join(id) == 0;
	}

	int run();

private:
	uint64_t rnd(uint64_t n) { return n ? std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_) : 0; }
	bool chance(unsigned pct) { return rnd(100) < pct; }
	uint64_t integer(const AttrPolicy &p, unsigned bytes);
	uint64_t in_range(const AttrPolicy &p, uint64_t max);
	Bytes blob(const AttrPolicy &p);
	void attrs(MsgBuilder &m, int policy, int depth);
	void value(MsgBuilder &m, uint16_t type, const AttrPolicy &p, int depth);
	Bytes generate(uint32_t seq);
	Bytes mutate(Bytes msg);
	void learn(const Reply &r);
	bool pointer_like(const uint8_t *data, size_t len, int depth);
	void check_pointers(const Reply &r, const char *what);
	void listen();
	void one();

	Opts o_;
	Family fam_;
	std::mt19937_64 rng_;
	std::vector<std::unique_ptr<RawSocket>> socks_;
	RawSocket events_;		// joined to the family's groups
	std::vector<uint8_t> cmds_;
	std::vector<uint32_t> ids_;
	std::vector<Bytes> blobs_;
	std::vector<std::string> strings_;
	std::vector<Bytes> corpus_;		// generated messages, for mutation
	std::map<std::string, uint64_t> answers_;
	bool careful_ = false;		// this message: right types, values in range
	uint64_t sent_ = 0, mutated_ = 0, dumps_ = 0, reopened_ = 0;
	uint64_t hangs_ = 0, pointers_ = 0;
	uint64_t groups_ = 0, notifications_ = 0, overruns_ = 0;
};

// A value the policy accepts: an id seen in an answer when it fits.
uint64_t Fuzzer::in_range(const AttrPolicy &p, uint64_t max)
{
	uint64_t lo = p.min_u.value_or(p.min_s ? uint64_t(std::max<int64_t>(*p.min_s, 0)) : 0);
	uint64_t hi = std::min(max, p.max_u.value_or(p.max_s ? uint64_t(*p.max_s) : max));
	uint64_t id = ids_[rnd(ids_.size())];
	if (p.mask)
		return rng_() & *p.mask;
	if (id >= lo && id <= hi && chance(80))
		return id;
	if (hi - lo < 64)
		return lo + rnd(hi - lo + 1);
	return lo + rnd(std::min<uint64_t>(hi - lo + 1, 1 << 16));
}

uint64_t Fuzzer::integer(const AttrPolicy &p, unsigned bytes)
{
	uint64_t max = bytes == 8 ? ~0ull : (1ull << (bytes * 8)) - 1;
	if (careful_)
		return in_range(p, max);
	switch (rnd(10)) {
	case 0: return 0;
	case 1: return 1;
	case 2: return max;
	case 3: return max >> 1;
	case 4:
		if (p.min_u)
			return *p.min_u - rnd(2);
		if (p.min_s)
			return uint64_t(*p.min_s - int64_t(rnd(2))) & max;
		return rnd(3);
	case 5:
		if (p.max_u)
			return *p.max_u + rnd(2);
		if (p.max_s)
			return uint64_t(*p.max_s + int64_t(rnd(2))) & max;
		return max - rnd(3);
	case 6:
		if (p.mask)
			return chance(70) ? (rng_() & *p.mask) : (rng_() & ~*p.mask & max);
		return rng_() & max;
	case 7: return rng_() & max;
	default: return ids_[rnd(ids_.size())] & max;	// an id seen in an answer
	}
}

Bytes Fuzzer::blob(const AttrPolicy &p)
{
	size_t max = p.max_len.value_or(64);
	if (chance(careful_ ? 70 : 40) && !blobs_.empty()) {
		const Bytes &b = blobs_[rnd(blobs_.size())];
		if (!careful_ || b.size() <= max)
			return b;
	}
	if (careful_) {
		Bytes b(p.min_len.value_or(0) + rnd(std::min<size_t>(max, 16) + 1));
		for (auto &c : b)
			c = uint8_t('a' + rnd(4));
		return b;
	}
	size_t len;
	switch (rnd(5)) {
	case 0: len = 0; break;
	case 1: len = max; break;
	case 2: len = max + 1; break;
	case 3: len = chance(10) ? 4000 + rnd(4000) : max + rnd(64); break;
	default: len = rnd(max + 1); break;
	}
	Bytes b(len);
	for (auto &c : b)
		c = uint8_t(chance(50) ? rnd(256) : 'a' + rnd(26));
	return b;
}

void Fuzzer::value(MsgBuilder &m, uint16_t type, const AttrPolicy &p, int depth)
{
	if (!careful_ && chance(8)) {	// any length, any bytes: the wrong type
		Bytes b(rnd(chance(5) ? 2000 : 17));
		for (auto &c : b)
			c = uint8_t(rnd(256));
		m.attr(type, b.data(), b.size());
		return;
	}
	switch (p.type) {
	case NL_ATTR_TYPE_FLAG:
		m.attr(type, nullptr, 0);
		break;
	case NL_ATTR_TYPE_U8: case NL_ATTR_TYPE_S8: {
		uint8_t v = uint8_t(integer(p, 1));
		m.attr(type, &v, 1);
		break;
	}
	case NL_ATTR_TYPE_U16: case NL_ATTR_TYPE_S16: {
		uint16_t v = uint16_t(integer(p, 2));
		m.attr(type, &v, 2);
		break;
	}
	case NL_ATTR_TYPE_U32: case NL_ATTR_TYPE_S32: {
		uint32_t v = uint32_t(integer(p, 4));
		m.attr(type, &v, 4);
		break;
	}
	case NL_ATTR_TYPE_U64: case NL_ATTR_TYPE_S64: {
		uint64_t v = integer(p, 8);
		m.attr(type, &v, 8);
		break;
	}
	case NL_ATTR_TYPE_STRING: case NL_ATTR_TYPE_NUL_STRING: {
		std::string s;
		if (chance(60)) {
			s = strings_[rnd(strings_.size())];
		} else {
			Bytes b = blob(p);
			s.assign(b.begin(), b.end());
		}
		// usually NUL-terminated, sometimes not
		m.attr(type, s.c_str(), s.size() + (chance(85) ? 1 : 0));
		break;
	}
	case NL_ATTR_TYPE_NESTED: case NL_ATTR_TYPE_NESTED_ARRAY:
		if (depth < kMaxDepth && p.nested >= 0) {
			size_t off = m.nest_start(uint16_t(type | (chance(80) ? NLA_F_NESTED : 0)));
			attrs(m, p.nested, depth + 1);
			m.nest_end(off);
			break;
		}
		m.attr(type, nullptr, 0);
		break;
	default: {
		Bytes b = blob(p);
		m.attr(type, b.data(), b.size());
		break;
	}
	}
}

void Fuzzer::attrs(MsgBuilder &m, int policy, int depth)
{
	auto it = fam_.policies.find(policy);
	if (it == fam_.policies.end())
		return;
	const Policy &pol = it->second;
	for (const auto &[type, p] : pol) {
		if (!chance(careful_ ? 80 : 55))
			continue;
		value(m, type, p, depth);
		if (!careful_ && chance(5))	// repeated
			value(m, type, p, depth);
	}
	if (!careful_ && chance(8)) {	// an attribute the policy does not know
		uint16_t max = pol.empty() ? 1 : pol.rbegin()->first;
		uint16_t types[] = {0, uint16_t(max + 1), uint16_t(rnd(0x4000))};
		uint32_t v = uint32_t(rng_());
		m.attr(types[rnd(3)], &v, sizeof(v));
	}
}

Bytes Fuzzer::generate(uint32_t seq)
{
	careful_ = chance(50);
	uint8_t cmd = !careful_ && chance(5) ? uint8_t(rnd(256)) : cmds_[rnd(cmds_.size())];
	bool dump = chance(12);
	uint16_t flags = NLM_F_REQUEST | NLM_F_ACK | (dump ? NLM_F_DUMP : 0);
	MsgBuilder m(fam_.id, flags, cmd, !careful_ && chance(3) ? uint8_t(rnd(256)) : 1);
	auto &pols = dump ? fam_.dump_policy : fam_.do_policy;
	auto it = pols.find(cmd);
	if (it != pols.end())
		attrs(m, it->second, 0);
	dumps_ += dump;
	Bytes out = m.finish(seq);
	if (corpus_.size() < 64)
		corpus_.push_back(out);
	else
		corpus_[rnd(64)] = out;
	return out;
}

Bytes Fuzzer::mutate(Bytes msg)
{
	const size_t hdr = NLMSG_HDRLEN;
	for (unsigned n = 1 + rnd(4); n; n--) {
		switch (rnd(5)) {
		case 0:		// flip a byte of the payload (genl header included)
			if (msg.size() > hdr)
				msg[hdr + rnd(msg.size() - hdr)] ^= uint8_t(1 + rnd(255));
			break;
		case 1:		// an attribute's length
			if (msg.size() > hdr + 8) {
				size_t at = hdr + 4 + 4 * rnd((msg.size() - hdr - 4) / 4);
				uint16_t len = uint16_t(rnd(3) == 0 ? rnd(0x10000) : rnd(64));
				std::memcpy(&msg[at], &len, 2);
			}
			break;
		case 2:		// truncated
			if (msg.size() > hdr + 4)
				msg.resize(hdr + 4 + rnd(msg.size() - hdr - 4));
			break;
		case 3: {	// garbage appended
			size_t add = 1 + rnd(64);
			for (size_t i = 0; i < add; i++)
				msg.push_back(uint8_t(rnd(256)));
			break;
		}
		default:	// nlmsg_len disagreeing with what is sent
			if (chance(50)) {
				uint32_t len = uint32_t(rnd(msg.size() + 16));
				std::memcpy(&msg[0], &len, 4);
				return msg;
			}
			break;
		}
	}
	uint32_t len = uint32_t(msg.size());
	std::memcpy(&msg[0], &len, 4);
	return msg;
}

// Ids (4-byte attributes) and blobs of answers feed later requests.
void Fuzzer::learn(const Reply &r)
{
	for_each_attr(r.attrs.data(), r.attrs.size(), [&](uint16_t, const uint8_t *p, size_t l) {
		if (l == 4) {
			uint32_t v;
			std::memcpy(&v, p, 4);
			if (v && v < (1u << 24)) {
				if (ids_.size() < 256)
					ids_.push_back(v);
				else
					ids_[rnd(256)] = v;
			}
		} else if (l > 0 && l <= 64 && chance(20)) {
			if (blobs_.size() < 64)
				blobs_.emplace_back(p, p + l);
			else
				blobs_[rnd(64)] = Bytes(p, p + l);
		}
	});
}

// An 8-byte value in the kernel's half of the address space, at any depth.
// Kernel text and modules live at 0xffffffff80000000 and up: a value there
// is one too, unless it is a negative errno widened to 64 bits.
bool Fuzzer::pointer_like(const uint8_t *data, size_t len, int depth)
{
	bool found = false;
	for_each_attr(data, len, [&](uint16_t type, const uint8_t *p, size_t l) {
		if (l == 8) {
			uint64_t v;
			std::memcpy(&v, p, 8);
			if ((v >> 47) == 0x1ffff && v < 0xfffffffffffff000ull &&
			    ((v >> 32) != 0xffffffffu || (v & 0xffffffffu) >= 0x80000000u))
				found = true;
		}
		if ((type & NLA_F_NESTED) && depth < 4)
			found |= pointer_like(p, l, depth + 1);
	});
	return found;
}

void Fuzzer::check_pointers(const Reply &r, const char *what)
{
	if (r.attrs.empty() || !pointer_like(r.attrs.data(), r.attrs.size(), 0))
		return;
	pointers_++;
	std::cerr << "condis-fuzz: a kernel-pointer-like value in " << what << " (cmd "
		  << int(r.cmd) << ")\n";
}

// What the notifications say so far: checked, and their ids learnt.
void Fuzzer::listen()
{
	for (;;) {
		int err;
		std::vector<Reply> rs = events_.read(0, &err);
		if (err == -ENOBUFS) {		// a burst overran the listener
			overruns_++;
			continue;
		}
		if (rs.empty())
			return;
		for (const Reply &r : rs) {
			if (r.done)
				continue;
			notifications_++;
			learn(r);
			check_pointers(r, "a notification");
		}
	}
}

void Fuzzer::one()
{
	RawSocket &s = *socks_[rnd(socks_.size())];
	uint32_t seq = s.next_seq();
	bool generated = corpus_.empty() || !chance(20);
	Bytes msg;
	if (generated) {
		msg = generate(seq);
	} else {
		msg = mutate(corpus_[rnd(corpus_.size())]);
		std::memcpy(&msg[8], &seq, 4);
		mutated_++;
	}
	sent_++;
	std::vector<Reply> rs;
	// a generated message asks for an ack: it must be answered; a mutated
	// one may not reach the family at all
	if (!s.transact(msg, rs, generated ? o_.answer_ms : 100) && generated) {
		hangs_++;
		std::cerr << "condis-fuzz: no answer to a generated message in "
			  << o_.answer_ms << " ms (seq " << seq << ")\n";
	}
	for (const Reply &r : rs) {
		if (r.done)
			answers_[errname(r.error)]++;
		else
			learn(r);
		check_pointers(r, "an answer");
	}
	listen();
	// descriptors handed over (call-open-fd) and sockets, now and then renewed
	int first = socks_.back()->fd() + 1;
	for (auto &sk : socks_)
		first = std::max(first, sk->fd() + 1);
	syscall(SYS_close_range, first, ~0u, 0);
	if (chance(1) && rnd(4) == 0) {
		socks_[rnd(socks_.size())] = std::make_unique<RawSocket>();
		reopened_++;
	}
}

int Fuzzer::run()
{
	auto t0 = std::chrono::steady_clock::now();
	auto elapsed = [&] {
		return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
	};
	while ((!o_.count || sent_ < o_.count) && elapsed() < o_.seconds && !hangs_)
		one();
	socks_.clear();		// everything the sockets own is released

	std::cout << "{\"seed\":" << o_.seed << ",\"messages\":" << sent_
		  << ",\"mutated\":" << mutated_ << ",\"dumps\":" << dumps_
		  << ",\"sockets_reopened\":" << reopened_ << ",\"seconds\":" << int(elapsed())
		  << ",\"hangs\":" << hangs_ << ",\"pointers\":" << pointers_
		  << ",\"groups\":" << groups_ << ",\"notifications\":" << notifications_
		  << ",\"overruns\":" << overruns_ << ",\"answers\":{";
	const char *sep = "";
	for (const auto &[k, v] : answers_) {
		std::cout << sep << "\"" << k << "\":" << v;
		sep = ",";
	}
	std::cout << "}}" << std::endl;
	return hangs_ || pointers_ ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
	Opts o = parse(argc, argv);
	try {
		Fuzzer f(o, load_family("condis"));
		return f.run();
	} catch (const std::exception &e) {
		std::cerr << "condis-fuzz: " << e.what() << "\n";
		return 1;
	}
}
