// SPDX-License-Identifier: GPL-2.0
//
// condis-wire: an adversary on the link. It sends raw condis frames with
// AF_PACKET from a station that is not on the path of the calls it
// attacks: it does not read their frames, it guesses (Documentation/
// condis/reliability.rst, Security).
//
//   condis-wire flood dev IF victim MAC peer MAC [frames N] [seed S]
//                     [labels K] [label-base L] [refs K] [burst B] [pace-us U]
//                     [only KIND] [sap NAME]
//
// Labels are guessed in L..L+K-1 (VC labels are sequential ids: an
// attacker guesses near the ones it saw in use), references in 1..K; a
// burst of B frames is followed by a pause of U microseconds.
//
// Each frame is one of these kinds, picked at random:
//   garbage      random bytes of random length after the EtherType
//   truncated    a valid signalling message cut short
//   oversize     a signalling message padded to the MTU
//   old-version  a frame of protocol version 1
//   unknown      a message type the protocol does not have
//   data         data for a guessed label and token, from itself
//   data-spoof   the same with the peer's source address
//   group        data or signalling to the broadcast or a multicast address
//   signalling   every message type in every state: guessed reference
//                (1..K), tokens and flags, a cause across the u32 range, from
//                the peer's address
//   forged       RELEASE, CONNECT, MODIFY or DROP PARTY of a call between
//                the victim and the peer, guessed as above
//   setup        SETUP and ADD PARTY from random station addresses to a SAP
//                nobody registered; with `sap NAME`, well-formed SETUPs
//                to that SAP (offers the victim makes calls of, up to its
//                max_half_open)
// `only KIND` sends frames of that kind only. Every frame but the group ones goes to the victim. Prints one JSON line:
// {"frames":N,"to_victim":V,"group":G,"kinds":{...}}; exit 1 on a socket
// error, 2 on bad usage.
#include <array>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <map>
#include <net/if.h>
#include <random>
#include <stdexcept>
#include <string>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr uint16_t ETH_P_CONDIS = 0x88b5;
constexpr uint8_t VERSION = 2;
enum Msg : uint8_t {
	DATA, SETUP, CONNECT, CONNECT_ACK, RELEASE, RELEASE_COMPLETE, ADD_PARTY,
	ADD_PARTY_ACK, ADD_PARTY_REJECT, DROP_PARTY, DROP_PARTY_ACK, MODIFY,
	MODIFY_ACK, MODIFY_REJECT, STATUS, CALL_PROCEEDING, MSG_MAX
};
constexpr uint16_t WF_FROM_CALLER = 1, WF_MULTIPOINT = 2;
constexpr size_t HDR = 12;		// struct condis_wire_hdr
constexpr size_t SIG = HDR + 20 + 68;	// struct condis_wire_sig

struct Usage : std::runtime_error {
	using std::runtime_error::runtime_error;
};

using Mac = std::array<uint8_t, 6>;

Mac parse_mac(const std::string &s)
{
	Mac m{};
	unsigned v[6];
	if (sscanf(s.c_str(), "%x:%x:%x:%x:%x:%x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6)
		throw Usage("not a MAC address: " + s);
	for (int i = 0; i < 6; i++)
		m[i] = uint8_t(v[i]);
	return m;
}

class Flood {
public:
	Flood(uint64_t seed, uint32_t labels, uint32_t base, uint32_t refs)
		: rng_(seed), labels_(labels), base_(base), refs_(refs) {}

	std::mt19937_64 rng_;
	uint32_t labels_, base_, refs_;

	std::string sap_;		// SETUPs to this SAP, well-formed

	uint32_t label() { return base_ + below(labels_); }

	uint32_t u32() { return uint32_t(rng_()); }
	uint32_t below(uint32_t n) { return n ? uint32_t(rng_() % n) : 0; }

	static void put32(std::vector<uint8_t> &f, size_t at, uint32_t v)
	{
		v = htonl(v);
		std::memcpy(&f[at], &v, 4);
	}
	static void put16(std::vector<uint8_t> &f, size_t at, uint16_t v)
	{
		v = htons(v);
		std::memcpy(&f[at], &v, 2);
	}

	// A signalling message after the Ethernet header (at 14).
	std::vector<uint8_t> sig(uint8_t type, uint16_t flags, uint32_t ref, uint32_t token)
	{
		std::vector<uint8_t> f(14 + SIG);
		size_t o = 14;
		f[o] = VERSION;
		f[o + 1] = type;
		put16(f, o + 2, flags);
		put32(f, o + 4, ref);
		put32(f, o + 8, token);
		put32(f, o + 12, below(4) ? u32() : 0);		// cause: any u32
		put32(f, o + 16, label());			// label
		put32(f, o + 20, u32() | 1);			// call token
		put32(f, o + 24, u32() | 1);			// data token
		f[o + 28] = uint8_t(below(8));			// state
		for (size_t i = o + 32; i < o + SIG; i++)	// parameters
			f[i] = below(2) ? uint8_t(u32()) : 0;
		if ((type == SETUP || type == ADD_PARTY) && !sap_.empty()) {
			put32(f, o + 12, 0);			// no cause, state 0,
			f[o + 28] = 0;				// no parameters
			std::fill(f.begin() + long(o + 32), f.end(), 0);
			f[o + 29] = uint8_t(sap_.size());
			f.insert(f.end(), sap_.begin(), sap_.end());
		} else if (type == SETUP || type == ADD_PARTY) {
			f[o + 29] = 8;				// a SAP nobody has
			for (int i = 0; i < 8; i++)
				f.push_back(uint8_t('0' + below(40)));
		}
		return f;
	}

	std::vector<uint8_t> data(uint32_t label, uint32_t token, size_t len)
	{
		std::vector<uint8_t> f(14 + HDR + len);
		f[14] = VERSION;
		f[15] = DATA;
		put32(f, 18, label);
		put32(f, 22, token);
		for (size_t i = 14 + HDR; i < f.size(); i++)
			f[i] = uint8_t(u32());
		return f;
	}

	uint16_t flags() { return uint16_t(below(4)); }
	uint32_t ref() { return 1 + below(refs_); }
	uint32_t token() { return below(8) ? u32() : below(4); }	// also 0..3
};

} // namespace

int main(int argc, char **argv)
{
	try {
		if (argc < 2 || std::string(argv[1]) != "flood")
			throw Usage("unknown mode");
		std::map<std::string, std::string> o;
		for (int i = 2; i + 1 < argc; i += 2)
			o[argv[i]] = argv[i + 1];
		if ((argc - 2) % 2)
			throw Usage("options go in pairs");
		for (const char *k : { "dev", "victim", "peer" })
			if (!o.count(k))
				throw Usage(std::string("missing ") + k);
		auto num = [&](const char *k, uint64_t d) {
			return o.count(k) ? std::stoull(o[k], nullptr, 0) : d;
		};
		const uint64_t frames = num("frames", 100000), burst = num("burst", 64);
		const uint64_t pace = num("pace-us", 0);
		Flood fl(num("seed", 1), uint32_t(num("labels", 64)),
			 uint32_t(num("label-base", 1)), uint32_t(num("refs", 64)));
		const Mac victim = parse_mac(o["victim"]), peer = parse_mac(o["peer"]);
		fl.sap_ = o.count("sap") ? o["sap"] : "";
		if (fl.sap_.size() > 32)
			throw Usage("a SAP is at most 32 bytes");

		int s = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_CONDIS));
		if (s < 0)
			throw std::runtime_error(std::string("packet socket: ") + strerror(errno));
		sockaddr_ll ll = {};
		ll.sll_family = AF_PACKET;
		ll.sll_protocol = htons(ETH_P_CONDIS);
		ll.sll_ifindex = int(if_nametoindex(o["dev"].c_str()));
		if (!ll.sll_ifindex)
			throw Usage("no interface " + o["dev"]);
		ifreq ifr = {};
		std::strncpy(ifr.ifr_name, o["dev"].c_str(), IFNAMSIZ - 1);
		if (ioctl(s, SIOCGIFHWADDR, &ifr) < 0 || ioctl(s, SIOCGIFMTU, &ifr) < 0)
			throw std::runtime_error("interface address");
		ioctl(s, SIOCGIFHWADDR, &ifr);
		Mac self;
		std::memcpy(self.data(), ifr.ifr_hwaddr.sa_data, 6);
		ioctl(s, SIOCGIFMTU, &ifr);
		const size_t mtu = size_t(ifr.ifr_mtu);

		static const char *names[] = { "garbage", "truncated", "oversize", "old-version",
					       "unknown", "data", "data-spoof", "group",
					       "signalling", "forged", "setup" };
		constexpr int KINDS = sizeof(names) / sizeof(names[0]);
		int only = -1;
		for (int k = 0; k < KINDS && o.count("only"); k++)
			if (o["only"] == names[k])
				only = k;
		if (o.count("only") && only < 0)
			throw Usage("no kind " + o["only"]);
		uint64_t count[KINDS] = {}, to_victim = 0, group = 0;
		for (uint64_t n = 0; n < frames; n++) {
			int kind = only >= 0 ? only : int(fl.below(KINDS));
			Mac dst = victim, src = peer;
			std::vector<uint8_t> f;
			switch (kind) {
			case 0:		// garbage
				f.resize(14 + fl.below(uint32_t(mtu)));
				for (size_t i = 14; i < f.size(); i++)
					f[i] = uint8_t(fl.u32());
				if (f.size() > 14 && fl.below(2))
					f[14] = VERSION;
				src = self;
				break;
			case 1:		// truncated
				f = fl.sig(uint8_t(1 + fl.below(MSG_MAX - 1)), fl.flags(), fl.ref(), fl.token());
				f.resize(14 + fl.below(uint32_t(SIG)));
				break;
			case 2:		// oversize
				f = fl.sig(uint8_t(1 + fl.below(MSG_MAX - 1)), fl.flags(), fl.ref(), fl.token());
				f.resize(14 + mtu);
				break;
			case 3:		// old version
				f = fl.sig(uint8_t(fl.below(MSG_MAX)), fl.flags(), fl.ref(), fl.token());
				f[14] = 1;
				break;
			case 4:		// unknown type
				f = fl.sig(uint8_t(MSG_MAX + fl.below(256 - MSG_MAX)), fl.flags(), fl.ref(),
					   fl.token());
				break;
			case 5:		// data from itself
				f = fl.data(fl.label(), fl.token(), 1 + fl.below(uint32_t(mtu - HDR)));
				src = self;
				break;
			case 6:		// data in the peer's name
				f = fl.data(fl.label(), fl.token(), 1 + fl.below(1000));
				break;
			case 7:		// to a group
				f = fl.below(2) ? fl.data(fl.label(), fl.token(), 64) :
						  fl.sig(uint8_t(1 + fl.below(MSG_MAX - 1)), fl.flags(),
							 fl.ref(), fl.token());
				dst = fl.below(2) ? Mac{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } :
						    Mac{ 0x01, 0x00, 0x5e, 0x00, 0x00, uint8_t(fl.u32()) };
				break;
			case 8:		// any signalling
				f = fl.sig(uint8_t(1 + fl.below(MSG_MAX - 1)), fl.flags(), fl.ref(), fl.token());
				break;
			case 9: {	// forged teardown, redirection, QoS
				static const uint8_t forged[] = { RELEASE, CONNECT, MODIFY, DROP_PARTY };
				uint8_t t = forged[fl.below(4)];
				f = fl.sig(t, uint16_t(fl.below(2) ? WF_FROM_CALLER : 0) |
					      (t == DROP_PARTY ? WF_MULTIPOINT : 0), fl.ref(), fl.token());
				break;
			}
			default:	// SETUP flood from random stations
				f = fl.sig(fl.below(4) || !fl.sap_.empty() ? SETUP : ADD_PARTY,
					   WF_FROM_CALLER, fl.u32() | 1, 0);
				for (auto &b : src)
					b = uint8_t(fl.u32());
				src[0] = uint8_t((src[0] & 0xfe) | 0x02);	// unicast, local
				break;
			}
			if (f.size() < 14)
				f.resize(14);
			std::memcpy(&f[0], dst.data(), 6);
			std::memcpy(&f[6], src.data(), 6);
			f[12] = ETH_P_CONDIS >> 8;
			f[13] = ETH_P_CONDIS & 0xff;
			if (f.size() > 14 + mtu)
				f.resize(14 + mtu);
			if (sendto(s, f.data(), f.size(), 0, reinterpret_cast<sockaddr *>(&ll),
				   sizeof(ll)) < 0) {
				if (errno == ENOBUFS) {		// the queue is full: again
					usleep(1000);
					n--;
					continue;
				}
				throw std::runtime_error(std::string("send: ") + strerror(errno));
			}
			count[kind]++;
			if (dst == victim)
				to_victim++;
			else
				group++;
			if (pace && burst && (n + 1) % burst == 0)
				usleep(useconds_t(pace));
		}
		close(s);
		std::cout << "{\"frames\":" << frames << ",\"to_victim\":" << to_victim
			  << ",\"group\":" << group << ",\"kinds\":{";
		for (int k = 0; k < KINDS; k++)
			std::cout << (k ? "," : "") << '"' << names[k] << "\":" << count[k];
		std::cout << "}}" << std::endl;
		return 0;
	} catch (const Usage &e) {
		std::cerr << "condis-wire: " << e.what() << "\n"
			  << "usage: condis-wire flood dev IF victim MAC peer MAC [frames N] [seed S]\n"
			     "                   [labels K] [label-base L] [refs K] [burst B] [pace-us U]\n"
			     "                   [only KIND] [sap NAME]\n";
		return 2;
	} catch (const std::exception &e) {
		std::cerr << "condis-wire: " << e.what() << "\n";
		return 1;
	}
}
