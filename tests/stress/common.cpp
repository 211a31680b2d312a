// SPDX-License-Identifier: GPL-2.0
//
// condis-stress: shared helpers (common.hpp).
#include "common.hpp"

#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace stress {

Opts::Opts(int argc, char **argv)
{
	for (int i = 2; i + 1 < argc; i += 2)
		kv_[argv[i]] = argv[i + 1];
	if (argc > 2 && argc % 2)
		throw Usage(std::string("no value after \"") + argv[argc - 1] + "\"");
}

std::string Opts::str(const char *k, const char *def) const
{
	auto it = kv_.find(k);
	if (it != kv_.end())
		return it->second;
	if (def)
		return def;
	throw Usage(std::string("missing ") + k);
}

uint64_t Opts::num(const char *k) const
{
	std::string v = str(k);
	try {
		return std::stoull(v, nullptr, 0);
	} catch (const std::logic_error &) {
		throw Usage(std::string(k) + ": not a number: " + v);
	}
}

uint64_t Opts::num(const char *k, uint64_t def) const
{
	return has(k) ? num(k) : def;
}

std::map<std::string, long> object_counts()
{
	std::map<std::string, long> m;
	std::ifstream f("/sys/kernel/debug/condis/objects");
	std::string name;
	long n;
	while (f >> name >> n)
		m[name] = n;
	return m;
}

bool objects_zero(int timeout_ms)
{
	int64_t end = now_ms() + timeout_ms;
	for (;;) {
		bool zero = true;
		for (const auto &[k, v] : object_counts())
			if ((k == "af" || k == "sap" || k == "vc" || k == "party" || k == "cmvc") && v)
				zero = false;
		if (zero)
			return true;
		if (now_ms() >= end)
			return false;
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	}
}

uint32_t adapter_id(condis::Client &c, const std::string &name)
{
	for (const auto &a : c.adapters())
		if (a.name == name)
			return a.id;
	throw std::runtime_error("no adapter " + name);
}

std::string errname(int err)
{
	if (!err)
		return "ok";
	const char *n = strerrorname_np(err);
	return n ? n : std::to_string(err);
}

void Json::key(const std::string &k)
{
	if (!body_.empty())
		body_ += ",";
	body_ += "\"" + k + "\":";
}

Json &Json::num(const std::string &k, int64_t v)
{
	key(k);
	body_ += std::to_string(v);
	return *this;
}

Json &Json::str(const std::string &k, const std::string &v)
{
	key(k);
	body_ += "\"";
	for (char c : v)
		body_ += c == '"' || c == '\\' ? std::string("\\") + c :
			 (unsigned char)c < 0x20 ? std::string(" ") : std::string(1, c);
	body_ += "\"";
	return *this;
}

Json &Json::raw(const std::string &k, const std::string &json)
{
	key(k);
	body_ += json;
	return *this;
}

std::string Json::map(const std::map<std::string, uint64_t> &m)
{
	Json j;
	for (const auto &[k, v] : m)
		j.num(k, int64_t(v));
	return j.line();
}

int64_t now_ms()
{
	using namespace std::chrono;
	return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace stress
