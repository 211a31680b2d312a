// SPDX-License-Identifier: GPL-2.0
//
// Raw generic netlink for the fuzzer (raw_netlink.hpp).
#include "raw_netlink.hpp"

#include <cerrno>
#include <cstring>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace fuzz {

namespace {

[[noreturn]] void sys_fail(const std::string &what)
{
	throw std::runtime_error(what + ": " + std::strerror(errno));
}

template <typename T> T get(const uint8_t *p)
{
	T v;
	std::memcpy(&v, p, sizeof(v));
	return v;
}

uint64_t get_uint(const uint8_t *p, size_t len)
{
	switch (len) {
	case 1: return p[0];
	case 2: return get<uint16_t>(p);
	case 4: return get<uint32_t>(p);
	case 8: return get<uint64_t>(p);
	}
	return 0;
}

} // namespace

// ---- building ---------------------------------------------------------------

MsgBuilder::MsgBuilder(uint16_t type, uint16_t flags, uint8_t cmd, uint8_t version)
{
	nlmsghdr nlh{};
	nlh.nlmsg_type = type;
	nlh.nlmsg_flags = flags;
	genlmsghdr g{};
	g.cmd = cmd;
	g.version = version;
	buf_.resize(NLMSG_HDRLEN + GENL_HDRLEN);
	std::memcpy(buf_.data(), &nlh, sizeof(nlh));
	std::memcpy(buf_.data() + NLMSG_HDRLEN, &g, sizeof(g));
}

void MsgBuilder::attr(uint16_t type, const void *data, size_t len)
{
	nlattr nla{};
	nla.nla_len = uint16_t(NLA_HDRLEN + len);
	nla.nla_type = type;
	size_t off = buf_.size();
	buf_.resize(off + NLA_ALIGN(NLA_HDRLEN + len));
	std::memcpy(buf_.data() + off, &nla, sizeof(nla));
	if (len)
		std::memcpy(buf_.data() + off + NLA_HDRLEN, data, len);
}

size_t MsgBuilder::nest_start(uint16_t type)
{
	size_t off = buf_.size();
	attr(type, nullptr, 0);
	return off;
}

void MsgBuilder::nest_end(size_t off)
{
	uint16_t len = uint16_t(buf_.size() - off);
	std::memcpy(buf_.data() + off, &len, sizeof(len));
}

Bytes MsgBuilder::finish(uint32_t seq)
{
	Bytes out = buf_;
	nlmsghdr nlh;
	std::memcpy(&nlh, out.data(), sizeof(nlh));
	nlh.nlmsg_len = uint32_t(out.size());
	nlh.nlmsg_seq = seq;
	std::memcpy(out.data(), &nlh, sizeof(nlh));
	return out;
}

// ---- the socket -----------------------------------------------------------

RawSocket::RawSocket()
{
	fd_ = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd_ < 0)
		sys_fail("netlink socket");
	int one = 1;
	setsockopt(fd_, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd_, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	sockaddr_nl sa{};
	sa.nl_family = AF_NETLINK;
	if (bind(fd_, reinterpret_cast<sockaddr *>(&sa), sizeof(sa)))
		sys_fail("netlink bind");
}

RawSocket::~RawSocket()
{
	close(fd_);
}

int RawSocket::join(uint32_t group)
{
	if (setsockopt(fd_, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group)))
		return -errno;
	return 0;
}

int RawSocket::send(const Bytes &msg)
{
	sockaddr_nl sa{};
	sa.nl_family = AF_NETLINK;
	if (sendto(fd_, msg.data(), msg.size(), 0, reinterpret_cast<sockaddr *>(&sa),
		   sizeof(sa)) < 0)
		return -errno;
	return 0;
}

std::vector<Reply> RawSocket::read(int timeout_ms, int *error)
{
	std::vector<Reply> out;
	*error = 0;
	pollfd p{fd_, POLLIN, 0};
	if (poll(&p, 1, timeout_ms) <= 0)
		return out;
	static thread_local std::vector<uint8_t> buf(1 << 17);
	ssize_t n = recv(fd_, buf.data(), buf.size(), MSG_DONTWAIT);
	if (n < 0) {
		*error = -errno;
		return out;
	}
	size_t len = size_t(n);
	for (const nlmsghdr *nlh = reinterpret_cast<const nlmsghdr *>(buf.data());
	     NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len)) {
		Reply r;
		r.type = nlh->nlmsg_type;
		r.flags = nlh->nlmsg_flags;
		r.seq = nlh->nlmsg_seq;
		const uint8_t *payload = static_cast<const uint8_t *>(NLMSG_DATA(nlh));
		size_t plen = nlh->nlmsg_len - NLMSG_HDRLEN;
		if (nlh->nlmsg_type == NLMSG_ERROR) {
			if (plen >= sizeof(int))
				r.error = -get<int>(payload);
			r.done = true;
		} else if (nlh->nlmsg_type == NLMSG_DONE) {
			r.done = true;
		} else if (plen >= GENL_HDRLEN) {
			r.cmd = payload[0];
			r.attrs.assign(payload + GENL_HDRLEN, payload + plen);
		}
		out.push_back(std::move(r));
	}
	return out;
}

bool RawSocket::transact(const Bytes &msg, std::vector<Reply> &out, int timeout_ms)
{
	uint32_t seq = msg.size() >= NLMSG_HDRLEN ? get<uint32_t>(msg.data() + 8) : 0;
	int err = send(msg);
	if (err) {
		Reply r;
		r.error = -err;
		r.done = true;
		out.push_back(r);
		return true;
	}
	for (;;) {
		auto part = read(timeout_ms, &err);
		if (err) {		// e.g. ENOBUFS: the answer was lost
			Reply r;
			r.error = -err;
			r.done = true;
			out.push_back(r);
			return true;
		}
		if (part.empty())
			return false;
		for (auto &r : part) {
			if (r.seq != seq)
				continue;
			bool done = r.done;
			out.push_back(std::move(r));
			if (done)
				return true;
		}
	}
}

// ---- the family and its policies -----------------------------------------------

namespace {

AttrPolicy parse_attr_policy(const uint8_t *data, size_t len)
{
	AttrPolicy a;
	for_each_attr(data, len, [&](uint16_t t, const uint8_t *p, size_t l) {
		switch (t & NLA_TYPE_MASK) {
		case NL_POLICY_TYPE_ATTR_TYPE: a.type = uint32_t(get_uint(p, l)); break;
		case NL_POLICY_TYPE_ATTR_MIN_VALUE_S: a.min_s = int64_t(get_uint(p, l)); break;
		case NL_POLICY_TYPE_ATTR_MAX_VALUE_S: a.max_s = int64_t(get_uint(p, l)); break;
		case NL_POLICY_TYPE_ATTR_MIN_VALUE_U: a.min_u = get_uint(p, l); break;
		case NL_POLICY_TYPE_ATTR_MAX_VALUE_U: a.max_u = get_uint(p, l); break;
		case NL_POLICY_TYPE_ATTR_MIN_LENGTH: a.min_len = uint32_t(get_uint(p, l)); break;
		case NL_POLICY_TYPE_ATTR_MAX_LENGTH: a.max_len = uint32_t(get_uint(p, l)); break;
		case NL_POLICY_TYPE_ATTR_POLICY_IDX: a.nested = int(get_uint(p, l)); break;
		case NL_POLICY_TYPE_ATTR_MASK: a.mask = get_uint(p, l); break;
		}
	});
	return a;
}

void parse_policy_message(Family &f, const Reply &r)
{
	for_each_attr(r.attrs.data(), r.attrs.size(), [&](uint16_t t, const uint8_t *p, size_t l) {
		switch (t & NLA_TYPE_MASK) {
		case CTRL_ATTR_POLICY:
			// policy index -> attribute -> its description
			for_each_attr(p, l, [&](uint16_t idx, const uint8_t *pp, size_t pl) {
				for_each_attr(pp, pl, [&](uint16_t attr, const uint8_t *ap, size_t al) {
					f.policies[idx & NLA_TYPE_MASK][attr & NLA_TYPE_MASK] =
						parse_attr_policy(ap, al);
				});
			});
			break;
		case CTRL_ATTR_OP_POLICY:
			for_each_attr(p, l, [&](uint16_t cmd, const uint8_t *op, size_t ol) {
				uint8_t c = uint8_t(cmd & NLA_TYPE_MASK);
				f.do_policy.emplace(c, -1);
				f.dump_policy.emplace(c, -1);
				for_each_attr(op, ol, [&](uint16_t k, const uint8_t *v, size_t vl) {
					if ((k & NLA_TYPE_MASK) == CTRL_ATTR_POLICY_DO)
						f.do_policy[c] = int(get_uint(v, vl));
					else if ((k & NLA_TYPE_MASK) == CTRL_ATTR_POLICY_DUMP)
						f.dump_policy[c] = int(get_uint(v, vl));
				});
			});
			break;
		}
	});
}

} // namespace

Family load_family(const std::string &name)
{
	RawSocket s;
	Family f;
	std::vector<Reply> rs;

	MsgBuilder get(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, CTRL_CMD_GETFAMILY);
	get.attr(CTRL_ATTR_FAMILY_NAME, name.c_str(), name.size() + 1);
	if (!s.transact(get.finish(s.next_seq()), rs, 5000))
		throw std::runtime_error("no answer from genl ctrl");
	for (const Reply &r : rs) {
		if (r.error)
			throw std::runtime_error("family " + name + ": " + std::strerror(r.error));
		for_each_attr(r.attrs.data(), r.attrs.size(), [&](uint16_t t, const uint8_t *p, size_t l) {
			if ((t & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID)
				f.id = uint16_t(get_uint(p, l));
			if ((t & NLA_TYPE_MASK) != CTRL_ATTR_MCAST_GROUPS)
				return;
			for_each_attr(p, l, [&](uint16_t, const uint8_t *g, size_t gl) {
				std::string gname;
				uint32_t gid = 0;
				for_each_attr(g, gl, [&](uint16_t k, const uint8_t *v, size_t vl) {
					if ((k & NLA_TYPE_MASK) == CTRL_ATTR_MCAST_GRP_NAME && vl)
						gname.assign(reinterpret_cast<const char *>(v),
							     strnlen(reinterpret_cast<const char *>(v), vl));
					if ((k & NLA_TYPE_MASK) == CTRL_ATTR_MCAST_GRP_ID)
						gid = uint32_t(get_uint(v, vl));
				});
				if (!gname.empty() && gid)
					f.groups[gname] = gid;
			});
		});
	}
	if (!f.id)
		throw std::runtime_error("family " + name + ": no id in the answer");

	rs.clear();
	uint16_t fid = f.id;
	MsgBuilder pol(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP, CTRL_CMD_GETPOLICY);
	pol.attr(CTRL_ATTR_FAMILY_ID, &fid, sizeof(fid));
	if (!s.transact(pol.finish(s.next_seq()), rs, 5000))
		throw std::runtime_error("no answer to the policy dump");
	for (const Reply &r : rs) {
		if (r.error)
			throw std::runtime_error("policy dump: " + std::string(std::strerror(r.error)));
		parse_policy_message(f, r);
	}
	if (f.do_policy.empty())
		throw std::runtime_error("policy dump: no operations");
	return f;
}

} // namespace fuzz
