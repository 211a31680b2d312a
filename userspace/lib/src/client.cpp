// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The condis client: one netlink socket, its requests and its events.
#include <condis/condis.hpp>
#include "codec.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <linux/condis.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>
#include <poll.h>
#include <sys/socket.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

namespace condis {

namespace {

[[noreturn]] void fail(int err, const std::string &what, const std::string &extack = "")
{
	std::string msg = what + ": " + std::strerror(err);
	if (!extack.empty())
		msg += " (" + extack + ")";
	throw Error(err, extack, msg);
}

// libnl's errors are its own numbers; the ones we meet map back to errno.
int nl_errno(int nlerr)
{
	switch (-nlerr) {
	case NLE_OBJ_NOTFOUND:
		return ENOENT;
	case NLE_PERM:
		return EPERM;
	case NLE_NOMEM:
		return ENOMEM;
	default:
		return EIO;
	}
}

int64_t now_ms()
{
	using namespace std::chrono;
	return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

Client::Client(bool need_family)
{
	int one = 1, ret;

	sk_ = nl_socket_alloc();
	if (!sk_)
		fail(ENOMEM, "netlink socket");
	ret = genl_connect(sk_);
	if (ret < 0) {
		nl_socket_free(sk_);
		fail(nl_errno(ret), "netlink socket");
	}
	setsockopt(nl_socket_get_fd(sk_), SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(nl_socket_get_fd(sk_), SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	nl_socket_set_buffer_size(sk_, 1 << 20, 1 << 20);
	// events come in bursts (a thousand calls closing): with CAP_NET_ADMIN
	// take a receive buffer beyond net.core.rmem_max
	int rcvbuf = 16 << 20;
	setsockopt(nl_socket_get_fd(sk_), SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf));
	family_ = genl_ctrl_resolve(sk_, CONDIS_FAMILY_NAME);
	if (family_ < 0 && !need_family)
		return;		// help texts only
	if (family_ < 0) {
		nl_socket_free(sk_);
		throw Error(ENOENT, "", "the condis netlink family is not there (is condis.ko loaded?)");
	}
	group_ = genl_ctrl_resolve_grp(sk_, CONDIS_FAMILY_NAME, CONDIS_MCGRP_EVENTS);
	// a request asks for its acknowledgement itself (codec::request()),
	// unless its answer ends it (transact())
	nl_socket_disable_auto_ack(sk_);
}

Client::~Client()
{
	nl_socket_free(sk_);	// closes the socket: the kernel tears down what it owned
}

void Client::subscribe()
{
	if (group_ < 0)
		fail(ENOENT, "the events group");
	int ret = nl_socket_add_membership(sk_, group_);
	if (ret < 0)
		fail(nl_errno(ret), "subscribe to events");
}

int Client::fd() const
{
	return nl_socket_get_fd(sk_);
}

// The socket's receive timeout, for a wait of @timeout_ms (-1: for ever).
// Set only when the one set would wait much longer or shorter: a receive
// may end early (the caller waits again for what is left) or late by a
// sixty-fourth of the wait.
void Client::receive_timeout(int timeout_ms)
{
	int want = timeout_ms < 0 ? 0 : timeout_ms;	// SO_RCVTIMEO's 0: none
	int have = rcv_timeout_ms_;

	if (want ? have && have >= want / 2 && have <= want + want / 64 + 1 : !have)
		return;
	timeval tv = { want / 1000, (want % 1000) * 1000 };
	if (setsockopt(nl_socket_get_fd(sk_), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0)
		fail(errno, "receive timeout");
	rcv_timeout_ms_ = want;
}

// Read one batch of messages. Replies to @seq go to @on_reply; events and
// the queued requests' answers are buffered. Before it waits, it sends the
// queued requests. Returns false on timeout.
bool Client::read_some(int timeout_ms, const Handler *on_reply, uint32_t seq, bool *done)
{
	int fd = nl_socket_get_fd(sk_);
	sockaddr_nl peer = {};
	socklen_t peer_len = sizeof(peer);
	// one datagram into the client's buffer: no allocation per receive
	auto receive = [&](int flags) {
		return recvfrom(fd, rx_.data(), rx_.size(), MSG_TRUNC | flags,
				reinterpret_cast<sockaddr *>(&peer), &peer_len);
	};
	ssize_t n = -1;

	// with requests queued, what came already is read first, so that the
	// requests it leads to go out with them
	errno = EAGAIN;
	if (!tx_.empty())
		n = receive(MSG_DONTWAIT);
	if (n < 0 && errno == EAGAIN) {
		// nothing to read: the queued requests go now, together (what is
		// waited for may be their answers), then one receive waits
		flush();
		if (timeout_ms)
			receive_timeout(timeout_ms);
		n = receive(timeout_ms ? 0 : MSG_DONTWAIT);
		if (n < 0 && errno == EAGAIN) {
			if (timeout_ms >= 0)
				return false;	// nothing came in time
			// none was set: the descriptor was made non-blocking
			pollfd p = { fd, POLLIN, 0 };

			if (poll(&p, 1, -1) < 0 && errno != EINTR)
				fail(errno, "poll");
			return true;
		}
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	// ENOBUFS: messages to this socket were lost (the kernel ran out of
	// memory or the queue was full)
	if (n < 0)
		fail(errno, "receive");
	if (static_cast<size_t>(n) > rx_.size())
		fail(EMSGSIZE, "receive");
	if (peer.nl_pid != 0)
		return true;				// not from the kernel
	auto *buf = rx_.data();
	int left = static_cast<int>(n);
	for (auto *h = reinterpret_cast<nlmsghdr *>(buf); nlmsg_ok(h, left);
	     h = nlmsg_next(h, &left)) {
		if (h->nlmsg_seq == 0 && h->nlmsg_pid == 0) {		// a notification
			if (h->nlmsg_type == family_)
				events_.push_back(codec::parse_event(h));
			continue;
		}
		if (!on_reply || h->nlmsg_seq != seq) {
			auto sent = sent_.find(h->nlmsg_seq);

			if (sent != sent_.end()) {	// a queued request's one answer
				events_.push_back(answer_of(h, sent->second));
				sent_.erase(sent);
			}
			continue;					// else a stale answer
		}
		if (h->nlmsg_type == NLMSG_ERROR || h->nlmsg_type == NLMSG_DONE) {
			std::string extack;
			int err = 0;

			if (h->nlmsg_type == NLMSG_ERROR)
				err = codec::parse_error(h, extack);
			else
				err = codec::parse_done(h, extack);
			*done = true;
			if (err)
				fail(err, "request", extack);
			continue;
		}
		(*on_reply)(h);
	}
	return true;
}

void Client::transact(Msg msg, const Handler &on_reply, bool answered)
{
	nlmsghdr *h = nlmsg_hdr(msg.get());
	uint32_t seq = ++seq_;
	bool done = false;
	// an answered request ends with its answer (a refusal still comes as
	// an error with its extack): no acknowledgement to build and read
	Handler last = [&](const nlmsghdr *r) {
		on_reply(r);
		done = true;
	};
	int ret;

	h->nlmsg_seq = seq;
	if (answered)
		h->nlmsg_flags &= ~NLM_F_ACK;
	flush();		// the queued requests go first
	ret = nl_send_auto(sk_, msg.get());
	if (ret < 0)
		fail(nl_errno(ret), "send");
	while (!done)
		read_some(-1, answered ? &last : &on_reply, seq, &done);
}

template <typename T>
std::vector<T> Client::dump(uint8_t cmd, T (*parse)(const nlmsghdr *))
{
	std::vector<T> out;

	transact(codec::request(family_, cmd, true),
		 [&](const nlmsghdr *h) { out.push_back(parse(h)); });
	return out;
}

template <typename T>
T Client::get(uint8_t cmd, int id_attr, uint32_t id, T (*parse)(const nlmsghdr *))
{
	Msg m = codec::request(family_, cmd);
	std::optional<T> out;

	codec::put_u32(m.get(), id_attr, id);
	transact(std::move(m), [&](const nlmsghdr *h) { out = parse(h); }, true);
	if (!out)
		fail(EPROTO, "no answer");
	return *out;
}

Reply Client::simple(Msg msg)
{
	std::optional<Reply> out;

	transact(std::move(msg), [&](const nlmsghdr *h) { out = codec::parse_reply(h); }, true);
	if (!out)
		fail(EPROTO, "no answer");
	return *out;
}

std::vector<Adapter> Client::adapters() { return dump(CONDIS_CMD_ADAPTER_GET, codec::parse_adapter); }
std::vector<Af> Client::afs() { return dump(CONDIS_CMD_AF_GET, codec::parse_af); }
std::vector<Sap> Client::saps() { return dump(CONDIS_CMD_SAP_GET, codec::parse_sap); }

std::vector<Call> Client::calls(uint32_t fields)
{
	std::vector<Call> out;

	for_each_call([&](const Call &c) { out.push_back(c); }, fields);
	return out;
}

void Client::for_each_call(const std::function<void(const Call &)> &fn, uint32_t fields)
{
	Msg m = codec::request(family_, CONDIS_CMD_CALL_GET, true);
	Call c;

	if (fields != kAllCallFields)
		codec::put_u32(m.get(), CONDIS_A_CALL_FIELDS, fields);
	transact(std::move(m), [&](const nlmsghdr *h) {
		codec::parse_call(h, c);
		fn(c);
	});
}

Adapter Client::adapter(uint32_t id)
{
	return get(CONDIS_CMD_ADAPTER_GET, CONDIS_A_ADAPTER_ID, id, codec::parse_adapter);
}

Af Client::af(uint32_t id) { return get(CONDIS_CMD_AF_GET, CONDIS_A_AF_ID, id, codec::parse_af); }
Sap Client::sap(uint32_t id) { return get(CONDIS_CMD_SAP_GET, CONDIS_A_SAP_ID, id, codec::parse_sap); }
Call Client::call(uint32_t id) { return get(CONDIS_CMD_CALL_GET, CONDIS_A_CALL_ID, id, codec::parse_call); }

Reply Client::adapter_new(uint32_t ifindex, const std::string &kind, const std::string &ac_name)
{
	Msg m = codec::request(family_, CONDIS_CMD_ADAPTER_NEW);
	codec::put_u32(m.get(), CONDIS_A_ADAPTER_IFINDEX, ifindex);
	if (!kind.empty())
		codec::put_string(m.get(), CONDIS_A_ADAPTER_KIND, kind);
	if (!ac_name.empty())
		codec::put_string(m.get(), CONDIS_A_ADAPTER_AC_NAME, ac_name);
	return simple(std::move(m));
}

void Client::adapter_del(uint32_t id)
{
	Msg m = codec::request(family_, CONDIS_CMD_ADAPTER_DEL);
	codec::put_u32(m.get(), CONDIS_A_ADAPTER_ID, id);
	transact(std::move(m), [](const nlmsghdr *) {});
}

Reply Client::call_netdev(uint32_t id, const std::string &ifname)
{
	Msg m = codec::request(family_, CONDIS_CMD_CALL_NETDEV);
	codec::put_u32(m.get(), CONDIS_A_CALL_ID, id);
	if (!ifname.empty())
		codec::put_string(m.get(), CONDIS_A_CALL_IFNAME, ifname);
	return simple(std::move(m));
}

Reply Client::af_open(uint32_t adapter_id, uint32_t type)
{
	Msg m = codec::request(family_, CONDIS_CMD_AF_OPEN);
	codec::put_u32(m.get(), CONDIS_A_AF_ADAPTER_ID, adapter_id);
	codec::put_u32(m.get(), CONDIS_A_AF_TYPE, type);
	return simple(std::move(m));
}

// Requests that name one object by its id.
#define CONDIS_BY_ID(fn, cmd, attr)						\
	Reply Client::fn(uint32_t id)						\
	{									\
		Msg m = codec::request(family_, cmd);				\
		codec::put_u32(m.get(), attr, id);				\
		return simple(std::move(m));					\
	}
CONDIS_BY_ID(af_close, CONDIS_CMD_AF_CLOSE, CONDIS_A_AF_ID)
CONDIS_BY_ID(sap_deregister, CONDIS_CMD_SAP_DEREGISTER, CONDIS_A_SAP_ID)
CONDIS_BY_ID(call_close, CONDIS_CMD_CALL_CLOSE, CONDIS_A_CALL_ID)
CONDIS_BY_ID(call_open_fd, CONDIS_CMD_CALL_OPEN_FD, CONDIS_A_CALL_ID)
CONDIS_BY_ID(party_drop, CONDIS_CMD_PARTY_DROP, CONDIS_A_PARTY_ID)
#undef CONDIS_BY_ID

Reply Client::sap_register(uint32_t af_id, const Bytes &address, uint32_t type,
			   uint32_t accept_timeout_ms, uint32_t backlog)
{
	Msg m = codec::request(family_, CONDIS_CMD_SAP_REGISTER);
	codec::put_u32(m.get(), CONDIS_A_SAP_AF_ID, af_id);
	codec::put_u32(m.get(), CONDIS_A_SAP_TYPE, type);
	codec::put_bytes(m.get(), CONDIS_A_SAP_ADDRESS, address);
	if (accept_timeout_ms)
		codec::put_u32(m.get(), CONDIS_A_SAP_ACCEPT_TIMEOUT, accept_timeout_ms);
	if (backlog)
		codec::put_u32(m.get(), CONDIS_A_SAP_BACKLOG, backlog);
	return simple(std::move(m));
}

Msg Client::make_request(uint32_t af_id, const Bytes &address,
			 const std::optional<CallParams> &params) const
{
	Msg m = codec::request(family_, CONDIS_CMD_CALL_MAKE);
	codec::put_u32(m.get(), CONDIS_A_CALL_AF_ID, af_id);
	codec::put_bytes(m.get(), CONDIS_A_CALL_ADDRESS, address);
	if (params)
		codec::put_params(m.get(), CONDIS_A_CALL_PARAMS, *params);
	return m;
}

Reply Client::call_make(uint32_t af_id, const Bytes &address,
			const std::optional<CallParams> &params)
{
	return simple(make_request(af_id, address, params));
}

Reply Client::call_accept(uint32_t id, const std::optional<CallParams> &params)
{
	Msg m = codec::request(family_, CONDIS_CMD_CALL_ACCEPT);
	codec::put_u32(m.get(), CONDIS_A_CALL_ID, id);
	if (params)
		codec::put_params(m.get(), CONDIS_A_CALL_PARAMS, *params);
	return simple(std::move(m));
}

Reply Client::call_reject(uint32_t id, std::optional<uint32_t> cause)
{
	Msg m = codec::request(family_, CONDIS_CMD_CALL_REJECT);
	codec::put_u32(m.get(), CONDIS_A_CALL_ID, id);
	if (cause)
		codec::put_u32(m.get(), CONDIS_A_CALL_CAUSE, *cause);
	return simple(std::move(m));
}

Reply Client::call_modify_qos(uint32_t id, const CallParams &params)
{
	Msg m = codec::request(family_, CONDIS_CMD_CALL_MODIFY_QOS);
	codec::put_u32(m.get(), CONDIS_A_CALL_ID, id);
	codec::put_params(m.get(), CONDIS_A_CALL_PARAMS, params);
	return simple(std::move(m));
}

Reply Client::party_add(uint32_t call_id, const Bytes &address,
			const std::optional<CallParams> &params)
{
	Msg m = codec::request(family_, CONDIS_CMD_PARTY_ADD);
	codec::put_u32(m.get(), CONDIS_A_PARTY_CALL_ID, call_id);
	codec::put_bytes(m.get(), CONDIS_A_PARTY_ADDRESS, address);
	if (params)
		codec::put_params(m.get(), CONDIS_A_PARTY_PARAMS, *params);
	return simple(std::move(m));
}

// Queue @msg, a request of @request that answers when done.
uint32_t Client::queue(Msg msg, uint32_t request)
{
	nlmsghdr *h = nlmsg_hdr(msg.get());
	uint32_t seq = ++seq_;

	h->nlmsg_seq = seq;
	h->nlmsg_flags &= ~NLM_F_ACK;	// the answer ends it
	nl_complete_msg(sk_, msg.get());
	if (tx_.size() + NLMSG_ALIGN(h->nlmsg_len) > 32 << 10)
		flush();
	auto *b = reinterpret_cast<const unsigned char *>(h);
	tx_.insert(tx_.end(), b, b + h->nlmsg_len);
	tx_.resize(NLMSG_ALIGN(tx_.size()));
	sent_[seq] = request;
	queued_.push_back(seq);
	return seq;
}

void Client::flush()
{
	if (tx_.empty())
		return;
	// to the kernel (the socket's default peer): each request is handled
	// and answered in turn, a refused one's error does not stop the others
	ssize_t n = send(nl_socket_get_fd(sk_), tx_.data(), tx_.size(), 0);
	int err = errno;

	tx_.clear();
	if (n < 0) {		// none of them was sent: none is answered
		for (uint32_t seq : queued_)
			sent_.erase(seq);
		queued_.clear();
		fail(err, "send");
	}
	queued_.clear();
}

// The one answer of a queued request: its request-done, or what it got at once.
Event Client::answer_of(const nlmsghdr *h, uint32_t request) const
{
	auto *g = static_cast<const genlmsghdr *>(nlmsg_data(h));
	Event e;

	if (h->nlmsg_type == family_ && g->cmd == CONDIS_CMD_REQUEST_DONE_NTF) {
		e = codec::parse_event(h);	// it pended: answered when done
	} else {
		e.cmd = CONDIS_CMD_REQUEST_DONE_NTF;
		e.request = request;
		if (h->nlmsg_type == NLMSG_ERROR) {
			e.status = -codec::parse_error(h, e.extack);
		} else if (h->nlmsg_type == family_) {
			Reply r = codec::parse_reply(h);

			e.id = r.id;
			e.status = r.pending ? -EINPROGRESS : 0;
		} else {
			e.status = -EPROTO;
		}
	}
	e.seq = h->nlmsg_seq;
	return e;
}

uint32_t Client::send_call_make(uint32_t af_id, const Bytes &address,
				const std::optional<CallParams> &params)
{
	Msg m = make_request(af_id, address, params);
	codec::put_flag(m.get(), CONDIS_A_CALL_REPLY_WHEN_DONE);
	return queue(std::move(m), CONDIS_REQUEST_CALL_MAKE);
}

uint32_t Client::send_call_close(uint32_t id)
{
	Msg m = codec::request(family_, CONDIS_CMD_CALL_CLOSE);
	codec::put_u32(m.get(), CONDIS_A_CALL_ID, id);
	codec::put_flag(m.get(), CONDIS_A_CALL_REPLY_WHEN_DONE);
	return queue(std::move(m), CONDIS_REQUEST_CALL_CLOSE);
}

std::optional<Event> Client::next_event(int timeout_ms)
{
	return wait_event([](const Event &) { return true; }, timeout_ms);
}

std::optional<Event> Client::wait_event(const std::function<bool(const Event &)> &match,
					int timeout_ms)
{
	int64_t end = now_ms() + timeout_ms;
	size_t seen = 0;

	for (;;) {
		for (; seen < events_.size(); seen++) {
			if (match(events_[seen])) {
				Event e = std::move(events_[seen]);
				events_.erase(events_.begin() + static_cast<long>(seen));
				return e;
			}
		}
		int64_t left = timeout_ms < 0 ? -1 : end - now_ms();
		if (timeout_ms >= 0 && left <= 0)
			return std::nullopt;
		read_some(static_cast<int>(left), nullptr, 0, nullptr);
	}
}

Event Client::wait_done(uint32_t request, uint32_t id, int timeout_ms)
{
	auto e = wait_event([&](const Event &ev) {
		return ev.cmd == CONDIS_CMD_REQUEST_DONE_NTF && ev.request == request &&
		       ev.id == id;
	}, timeout_ms);

	if (!e)
		fail(ETIMEDOUT, std::string("waiting for ") + names::request(request));
	if (e->status)
		fail(-e->status, std::string(names::request(request)) + " " + std::to_string(id));
	return *e;
}

} // namespace condis
