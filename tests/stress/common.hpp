// SPDX-License-Identifier: GPL-2.0
//
// What the condis-stress modes share: options, the kernel's object counts,
// the loopback adapter, a JSON summary line.
#pragma once

#include <condis/condis.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace stress {

struct Usage : std::runtime_error {
	using std::runtime_error::runtime_error;
};

// "key value" pairs after the mode (argv[2] on).
class Opts {
public:
	Opts(int argc, char **argv);
	std::string str(const char *k, const char *def = nullptr) const;
	uint64_t num(const char *k) const;
	uint64_t num(const char *k, uint64_t def) const;
	bool has(const char *k) const { return kv_.count(k); }

private:
	std::map<std::string, std::string> kv_;
};

// condis's live objects by type (debugfs condis/objects).
std::map<std::string, long> object_counts();
// Until no AF, SAP, VC or party is left, or @timeout_ms passed.
bool objects_zero(int timeout_ms);
// The id of the adapter called @name (throws when there is none).
uint32_t adapter_id(condis::Client &c, const std::string &name);
// The errno's name (ENOMEM), "ok" for 0.
std::string errname(int err);

// One line of JSON: {"k":v,...}, values numbers or strings as given.
class Json {
public:
	Json &num(const std::string &k, int64_t v);
	Json &str(const std::string &k, const std::string &v);
	Json &raw(const std::string &k, const std::string &json);
	std::string line() const { return "{" + body_ + "}"; }
	static std::string map(const std::map<std::string, uint64_t> &m);

private:
	void key(const std::string &k);
	std::string body_;
};

int64_t now_ms();

int faults(const Opts &o);	// fault_sweep.cpp
int race(const Opts &o);	// race.cpp
int states(const Opts &o);	// states.cpp
int answers(const Opts &o);	// answers.cpp

} // namespace stress
