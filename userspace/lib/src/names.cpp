// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Names of the condis uapi values, spelled as in the YAML spec, and the
// byte strings of addresses.
#include <condis/condis.hpp>

#include <cctype>
#include <linux/condis.h>

namespace condis {

namespace {

template <size_t N> const char *pick(const char *const (&v)[N], uint32_t i)
{
	return i < N && v[i] ? v[i] : "unknown";
}

const char *const af_types[] = { nullptr, "loopback", "ethernet", "pppoe" };
const char *const af_states[] = { "opening", "open", "closing" };
const char *const sap_states[] = { "registering", "active", "deregistering" };
const char *const call_states[] = { "idle", "outgoing", "incoming", "accepted",
				    "connected", "closing" };
const char *const directions[] = { "outgoing", "incoming" };
const char *const party_states[] = { "adding", "active", "dropping" };
const char *const requests[] = { nullptr, "af-open", "af-close", "sap-register",
				 "sap-deregister", "call-make", "call-close",
				 "party-add", "party-drop", "call-modify-qos" };
const char *const commands[] = {
	nullptr, "adapter-get", "af-open", "af-close", "af-get", "sap-register",
	"sap-deregister", "sap-get", "call-make", "call-accept", "call-reject",
	"call-close", "call-modify-qos", "call-get", "call-open-fd", "party-add",
	"party-drop", "request-done", "call-incoming", "call-connected",
	"call-close", "call-qos", "party-drop", "status", "call-netdev", "adapter-new", "adapter-del",
};
static_assert(sizeof(commands) / sizeof(commands[0]) == CONDIS_CMD_MAX + 1);

} // namespace

namespace names {
const char *af_type(uint32_t v) { return pick(af_types, v); }
const char *af_state(uint32_t v) { return pick(af_states, v); }
const char *sap_state(uint32_t v) { return pick(sap_states, v); }
const char *call_state(uint32_t v) { return pick(call_states, v); }
const char *direction(uint32_t v) { return pick(directions, v); }
const char *party_state(uint32_t v) { return pick(party_states, v); }
const char *request(uint32_t v) { return pick(requests, v); }
const char *command(uint8_t cmd) { return pick(commands, cmd); }

std::optional<uint32_t> af_type_from(const std::string &s)
{
	for (uint32_t i = 1; i < sizeof(af_types) / sizeof(af_types[0]); i++)
		if (s == af_types[i])
			return i;
	return std::nullopt;
}
} // namespace names

// "0x0a0b", "0a:0b" (hex) or any other text taken as its bytes.
Bytes parse_bytes(const std::string &s)
{
	auto hex = [](char c) -> int {
		return std::isxdigit(static_cast<unsigned char>(c)) ?
			       (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' :
									      std::tolower(c) - 'a' + 10) :
			       -1;
	};
	Bytes out;

	if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		if (s.size() % 2)
			throw std::invalid_argument("odd number of hex digits: " + s);
		for (size_t i = 2; i < s.size(); i += 2) {
			int hi = hex(s[i]), lo = hex(s[i + 1]);
			if (hi < 0 || lo < 0)
				throw std::invalid_argument("not hex: " + s);
			out.push_back(static_cast<uint8_t>(hi << 4 | lo));
		}
		return out;
	}
	bool colon_hex = s.size() >= 5 && s.size() % 3 == 2;
	for (size_t i = 0; colon_hex && i < s.size(); i++)
		colon_hex = (i % 3 == 2) ? s[i] == ':' : hex(s[i]) >= 0;
	if (colon_hex) {
		for (size_t i = 0; i < s.size(); i += 3)
			out.push_back(static_cast<uint8_t>(hex(s[i]) << 4 | hex(s[i + 1])));
		return out;
	}
	return Bytes(s.begin(), s.end());
}

std::string format_bytes(const Bytes &b)
{
	bool text = !b.empty();
	for (uint8_t c : b)
		text = text && std::isprint(c) && c != ' ';
	if (text)
		return std::string(b.begin(), b.end());
	static const char digits[] = "0123456789abcdef";
	std::string out = "0x";
	for (uint8_t c : b) {
		out += digits[c >> 4];
		out += digits[c & 15];
	}
	return out;
}

} // namespace condis
