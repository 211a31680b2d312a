// SPDX-License-Identifier: LGPL-2.1-or-later
//
// libcondis: a C++ client of the condis generic netlink family
// (Documentation/netlink/specs/condis.yaml). Typed requests and replies,
// RAII around libnl objects, and a Client that owns one netlink socket:
// what it creates in the kernel lives as long as the Client does.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

struct nl_msg;
struct nl_sock;
struct nlmsghdr;

namespace condis {

using Bytes = std::vector<uint8_t>;

// Client::calls(): every field of each call, whatever the kernel knows.
inline constexpr uint32_t kAllCallFields = ~0u;

// A request the kernel refused: the errno and its extack message.
class Error : public std::runtime_error {
public:
	Error(int err, std::string extack, const std::string &what);
	int err() const { return err_; }		// positive errno
	const std::string &extack() const { return extack_; }

private:
	int err_;
	std::string extack_;
};

struct FlowSpec {
	uint32_t token_rate = 0, token_bucket_size = 0, peak_bandwidth = 0;
	uint32_t latency = 0, delay_variation = 0, service_type = 0;
	uint32_t max_sdu_size = 0, minimum_policed_size = 0;
	bool operator==(const FlowSpec &) const = default;
};

struct CallParams {
	uint32_t flags = 0;
	FlowSpec tx, rx;
	uint32_t media_flags = 0, receive_priority = 0, receive_size_hint = 0;
	Bytes cm_specific, media_specific;
	bool operator==(const CallParams &) const = default;
};

struct Adapter {
	uint32_t id = 0;
	std::string name;
	std::vector<uint32_t> af_types;
	uint32_t ifindex = 0;		// bound to an interface (adapter-new)
	std::string kind;		// the miniport kind that bound it
	// frames from the network dropped, by reason (the spec's drops names)
	std::vector<std::pair<std::string, uint64_t>> drops;
};

struct Af {
	uint32_t id = 0, adapter_id = 0, type = 0, state = 0;
	std::string client;
	bool owned = false;
};

struct Sap {
	uint32_t id = 0, af_id = 0, type = 0, state = 0, accept_timeout = 0;
	uint32_t backlog = 0;		// calls the kernel accepts itself (owned SAPs)
	Bytes address;
	bool owned = false;
};

struct Stats {
	uint64_t tx_packets = 0, tx_bytes = 0, rx_packets = 0, rx_bytes = 0;
	uint64_t tx_errors = 0, rx_dropped = 0;
};

struct PartyRef {
	uint32_t id = 0, state = 0;
};

struct Call {
	uint32_t id = 0, af_id = 0, sap_id = 0, direction = 0, state = 0;
	std::optional<CallParams> params;
	std::optional<Stats> stats;
	std::vector<PartyRef> parties;
	bool owned = false;
};

// The answer to a request: the object's id and its state (pending or not).
struct Reply {
	uint32_t id = 0;
	uint32_t state = 0;
	bool pending = false;		// a request-done notification follows
	int32_t fd = -1;		// call-open-fd
	uint32_t ifindex = 0;		// call-netdev
};

// A notification from the "events" group.
struct Event {
	uint8_t cmd = 0;
	uint32_t request = 0;		// request-done: CONDIS_REQUEST_*
	uint32_t id = 0;		// the object it is about
	uint32_t af_id = 0, sap_id = 0, call_id = 0, adapter_id = 0;
	int32_t status = 0;		// 0 or -errno
	uint32_t ndis_status = 0;	// request-done, status
	uint32_t cause = 0;		// call-close, party-drop (NDIS_STATUS)
	bool accepted = false;		// call-incoming: the SAP's backlog took it
	std::optional<CallParams> params;
	Bytes buffer;
	// the answer to a request sent with Client::send_call_make() or
	// send_call_close(): the number the send returned (else 0), and the
	// kernel's message if it refused the request
	uint32_t seq = 0;
	std::string extack;
	const char *name() const;
};

// Names of the uapi enums, as the YAML spec spells them.
namespace names {
const char *af_type(uint32_t v);
const char *af_state(uint32_t v);
const char *sap_state(uint32_t v);
const char *call_state(uint32_t v);
const char *direction(uint32_t v);
const char *party_state(uint32_t v);
const char *request(uint32_t v);
const char *command(uint8_t cmd);
std::optional<uint32_t> af_type_from(const std::string &s);
} // namespace names

// An owned libnl message (the codec that builds and parses them is
// private to the library: lib/src/codec.hpp).
struct MsgFree {
	void operator()(nl_msg *m) const;
};
using Msg = std::unique_ptr<nl_msg, MsgFree>;

// One netlink socket acting as a condis client.
class Client {
public:
	// need_family false: a client for help texts, even without condis.ko
	explicit Client(bool need_family = true);
	~Client();
	Client(const Client &) = delete;
	Client &operator=(const Client &) = delete;

	// Join the "events" group: the notifications of every socket of the
	// namespace (a monitor). The client's own (its requests done, its
	// calls' events) come without it.
	void subscribe();
	int fd() const;		// for poll(): readable when events arrive; the
				// client's own waits block on it: leave it blocking

	std::vector<Adapter> adapters();
	std::vector<Af> afs();
	std::vector<Sap> saps();
	// @fields (CONDIS_CALL_FIELDS_*): only these of each call (the id
	// always); kAllCallFields: everything
	std::vector<Call> calls(uint32_t fields = kAllCallFields);
	// The same without building the list: @fn sees each call in turn,
	// parsed into one object that the next call reuses
	void for_each_call(const std::function<void(const Call &)> &fn,
			   uint32_t fields = kAllCallFields);
	Adapter adapter(uint32_t id);
	Af af(uint32_t id);
	Sap sap(uint32_t id);
	Call call(uint32_t id);

	// @ac_name: a pppoe adapter's access concentrator name (empty: the default)
	Reply adapter_new(uint32_t ifindex, const std::string &kind, const std::string &ac_name = {});
	void adapter_del(uint32_t id);
	Reply af_open(uint32_t adapter_id, uint32_t type);
	Reply af_close(uint32_t id);
	// @backlog: the kernel accepts calls itself while fewer than this
	// many it accepted are not yet connected (0: the owner answers each)
	Reply sap_register(uint32_t af_id, const Bytes &address, uint32_t type = 0,
			   uint32_t accept_timeout_ms = 0, uint32_t backlog = 0);
	Reply sap_deregister(uint32_t id);
	Reply call_make(uint32_t af_id, const Bytes &address,
			const std::optional<CallParams> &params = {});
	Reply call_accept(uint32_t id, const std::optional<CallParams> &params = {});
	Reply call_reject(uint32_t id, std::optional<uint32_t> cause = {});
	Reply call_close(uint32_t id);
	Reply call_modify_qos(uint32_t id, const CallParams &params);
	Reply call_open_fd(uint32_t id);
	Reply call_netdev(uint32_t id, const std::string &ifname = {});
	Reply party_add(uint32_t call_id, const Bytes &address,
			const std::optional<CallParams> &params = {});
	Reply party_drop(uint32_t id);

	// Requests sent without waiting for their answers: queued, and sent
	// together in one system call by flush(), which next_event() and
	// wait_event() call before they wait and every other request before
	// it is sent. Each returns its number and has one answer, an event
	// of request-done (request, id) with that seq: status 0 once the
	// call is up (closed), or -errno with the
	// kernel's extack if refused (-EINPROGRESS: it pended while another
	// request of the call waited for its answer; its request-done
	// notification follows). The kernel answers a request that pends when
	// it is done (the spec's reply-when-done): one message a request. A
	// send that fails throws, and none of the requests it carried is
	// answered.
	uint32_t send_call_make(uint32_t af_id, const Bytes &address,
				const std::optional<CallParams> &params = {});
	uint32_t send_call_close(uint32_t id);
	void flush();

	// The next event (buffered ones first); nullopt after @timeout_ms.
	std::optional<Event> next_event(int timeout_ms);
	// The first event @match accepts; others stay buffered.
	std::optional<Event> wait_event(const std::function<bool(const Event &)> &match,
					int timeout_ms);
	// The request-done of a pending request (throws its error on failure).
	Event wait_done(uint32_t request, uint32_t id, int timeout_ms);

private:
	using Handler = std::function<void(const nlmsghdr *)>;
	// send @msg, hand its answers to @on_reply until its acknowledgement
	// (or a dump's end); @answered: the one answer it has ends it
	void transact(Msg msg, const Handler &on_reply, bool answered = false);
	template <typename T> std::vector<T> dump(uint8_t cmd, T (*parse)(const nlmsghdr *));
	template <typename T> T get(uint8_t cmd, int id_attr, uint32_t id,
				    T (*parse)(const nlmsghdr *));
	Reply simple(Msg msg);
	bool read_some(int timeout_ms, const Handler *on_reply, uint32_t seq, bool *done);
	void receive_timeout(int timeout_ms);
	Msg make_request(uint32_t af_id, const Bytes &address,
			 const std::optional<CallParams> &params) const;
	uint32_t queue(Msg msg, uint32_t request);
	Event answer_of(const nlmsghdr *h, uint32_t request) const;

	// what read_some() receives into: a dump's part is at most 32 KiB
	// (the kernel's cap), any other message smaller
	std::vector<unsigned char> rx_ = std::vector<unsigned char>(64 << 10);

	nl_sock *sk_ = nullptr;
	int family_ = 0;
	int group_ = 0;
	uint32_t seq_ = 0;
	std::deque<Event> events_;
	std::vector<unsigned char> tx_;			// queued requests, not sent
	std::vector<uint32_t> queued_;			// ... their seq
	std::unordered_map<uint32_t, uint32_t> sent_;	// their seq: CONDIS_REQUEST_*
	int rcv_timeout_ms_ = 0;	// the socket's SO_RCVTIMEO (0: none)
};

// "0a:0b:0c", "0x0a0b0c" or text: an address or blob from the command line.
Bytes parse_bytes(const std::string &s);
std::string format_bytes(const Bytes &b);	// text if printable, else hex

} // namespace condis
