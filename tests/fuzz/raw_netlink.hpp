// SPDX-License-Identifier: GPL-2.0
//
// Generic netlink without a library in the way: a socket that sends the
// bytes it is given, however malformed, and reads back what the kernel
// answers; a message builder; and the family's policy as the kernel itself
// reports it (CTRL_CMD_GETPOLICY), so the fuzzer needs no copy of the spec.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fuzz {

using Bytes = std::vector<uint8_t>;

// A request under construction: nlmsghdr, genlmsghdr, attributes.
class MsgBuilder {
public:
	MsgBuilder(uint16_t type, uint16_t flags, uint8_t cmd, uint8_t version = 1);
	void attr(uint16_t type, const void *data, size_t len);
	size_t nest_start(uint16_t type);	// returns its offset
	void nest_end(size_t off);
	Bytes finish(uint32_t seq);		// sets nlmsg_len and seq

private:
	Bytes buf_;
};

// One reply message, its attributes unparsed.
struct Reply {
	uint16_t type = 0;
	uint16_t flags = 0;
	uint8_t cmd = 0;
	uint32_t seq = 0;
	int error = 0;			// NLMSG_ERROR: positive errno, 0 for an ack
	bool done = false;		// NLMSG_DONE or an NLMSG_ERROR
	Bytes attrs;			// after the genl header (data messages)
};

class RawSocket {
public:
	RawSocket();
	~RawSocket();
	RawSocket(const RawSocket &) = delete;
	RawSocket &operator=(const RawSocket &) = delete;

	int fd() const { return fd_; }
	uint32_t next_seq() { return ++seq_; }
	int send(const Bytes &msg);	// 0 or -errno
	int join(uint32_t group);	// a multicast group: 0 or -errno
	// The messages of one read; empty after @timeout_ms, error<0: recv failed
	std::vector<Reply> read(int timeout_ms, int *error);
	// Send @msg and collect its replies (by sequence number) until an
	// ack/error or NLMSG_DONE; a late answer to an earlier one is dropped.
	// Returns false when nothing ended it within @timeout_ms.
	bool transact(const Bytes &msg, std::vector<Reply> &out, int timeout_ms);

private:
	int fd_ = -1;
	uint32_t seq_ = 0;
};

// NL_ATTR_TYPE_* of an attribute and what the policy bounds it by.
struct AttrPolicy {
	uint32_t type = 0;
	std::optional<int64_t> min_s, max_s;
	std::optional<uint64_t> min_u, max_u;
	std::optional<uint32_t> min_len, max_len;
	std::optional<uint64_t> mask;
	int nested = -1;		// policy index of a nest
};
using Policy = std::map<uint16_t, AttrPolicy>;

struct Family {
	uint16_t id = 0;
	std::map<uint8_t, int> do_policy;	// command -> policy index (-1 none)
	std::map<uint8_t, int> dump_policy;
	std::map<int, Policy> policies;
	std::map<std::string, uint32_t> groups;	// multicast group -> id
};

// Resolve @name and read its operations' policies; throws on failure.
Family load_family(const std::string &name);

// Walk the attributes in @data (nla headers), calling @fn(type, payload,
// len) with the type's flag bits kept; stops at the first malformed one.
template <typename F> void for_each_attr(const uint8_t *data, size_t len, F fn)
{
	while (len >= 4) {
		uint16_t alen, type;
		__builtin_memcpy(&alen, data, 2);
		__builtin_memcpy(&type, data + 2, 2);
		if (alen < 4 || alen > len)
			return;
		fn(type, data + 4, size_t(alen - 4));
		size_t step = (alen + 3u) & ~3u;
		if (step >= len)
			return;
		data += step;
		len -= step;
	}
}

} // namespace fuzz
