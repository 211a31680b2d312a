// SPDX-License-Identifier: GPL-2.0
//
// condisctl internals: the command line, the output and the session.
#pragma once

#include <condis/condis.hpp>

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace condisctl {

using json = nlohmann::ordered_json;

// Exit statuses (see condisctl(8)).
enum Exit { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_REFUSED = 2, EXIT_TIMEOUT = 3 };

// A mistake on the command line.
struct Usage : std::runtime_error {
	using std::runtime_error::runtime_error;
};

// The words of one command, consumed left to right.
class Args {
public:
	explicit Args(std::vector<std::string> words) : w_(std::move(words)) {}
	bool empty() const { return i_ >= w_.size(); }
	const std::string &peek() const;
	std::string next(const char *what);
	bool take(const char *word);			// consume @word if it is next
	uint32_t number(const char *what);		// decimal or 0x hex
	void done() const;				// nothing may be left
	std::vector<std::string> rest();		// every word left (a command to run)

private:
	std::vector<std::string> w_;
	size_t i_ = 0;
};

struct Options {
	bool json = false;
	bool pretty = false;
	bool wait = true;		// wait for pending requests to finish
	bool stats = false;		// -s: counters in show (an adapter's drops, a call's traffic)
	int timeout_ms = 30000;
};

// One socket for every command of a run (a batch shares its objects).
struct Session {
	condis::Client client;
	Options opt;
	std::map<uint32_t, int> fds;	// call id -> open VC descriptor
	~Session();
	int vc_fd(uint32_t call_id);
	void close_fd(uint32_t call_id);	// the call is gone
};

// The one print path: text or JSON from the same value.
void emit(const Options &opt, const char *object, const json &v);

// One row of an object's command table (iproute2 rdma/'s dispatch): the
// command's name, and what parses and runs it.
struct Command {
	const char *name;
	void (*run)(Session &s, Args &a);
};

// Run the command the next word names in @table (@dflt when none is left);
// an unknown one is a usage error that says where the object's help is.
void dispatch(const char *object, std::span<const Command> table, Session &s, Args &a,
	      const char *dflt);

// Objects: each parses its command and prints its result.
void cmd_adapter(Session &s, Args &a);
void cmd_af(Session &s, Args &a);
void cmd_sap(Session &s, Args &a);
void cmd_call(Session &s, Args &a);
void cmd_party(Session &s, Args &a);
void cmd_vc(Session &s, Args &a);
void cmd_monitor(Session &s, Args &a);

// JSON of the library's types.
json to_json(const condis::CallParams &p);
json to_json(const condis::Event &e);
json to_json(const condis::Call &c);

// "pppoe" or "3": an address family type.
uint32_t af_type_of(const std::string &word);
// "lo" or "1": an adapter's id.
uint32_t adapter_id(Session &s, const std::string &word);
// A station's MAC address: six colon-separated hex bytes.
condis::Bytes parse_station(const std::string &word);
// The NDIS_STATUS of a cause word: a number or one of a few names.
uint32_t cause_of(Args &a);

// OBJECT show [ ID ]: every object of a kind (@all), or the one whose id
// @id parses (@one fetches it), each as @to_json makes it.
template <typename All, typename Id, typename One, typename ToJson>
void show(Session &s, Args &a, const char *object, All all, Id id, One one, ToJson to_json)
{
	if (a.empty()) {
		json v = json::array();
		for (const auto &x : all())
			v.push_back(to_json(x));
		return emit(s.opt, object, v);
	}
	auto n = id();
	a.done();
	emit(s.opt, object, to_json(one(n)));
}

// What call make and party add call: OWNER ID to ADDR [ station MAC ] [ PARAMS ].
struct Called {
	uint32_t owner = 0;		// the AF (call make) or the call (party add)
	condis::Bytes to;		// the station's address first, if one was given
	std::optional<condis::CallParams> params;
};
// @owner: "af" or "call"; @command: "call make" or "party add", for errors;
// @more: the command's own words, if it has some (it then finds its owner
// itself when none was given: call make's adapter).
Called parse_called(Args &a, const char *owner, const char *command,
		    const std::function<bool(Args &)> &more = {});

// QoS and media keywords shared by call make/accept/modify and party add.
bool parse_param(Args &a, condis::CallParams &p);
// A call's descriptor handed to another program (handover.cpp): over the
// Unix socket @sock (call make send-fd), the call kept until @sock closes
// or the call goes; or to @cmd, run with it as descriptor 3 (sap listen
// exec), its pid returned.
void send_vc_fd(Session &s, uint32_t call_id, int sock);
int run_with_vc_fd(Session &s, uint32_t call_id, const std::vector<std::string> &cmd);

// Wait for a pending request if asked to; returns the state to print.
std::string settle(Session &s, uint32_t request, const condis::Reply &r,
		   const char *pending_state, const char *done_state);


} // namespace condisctl
