// SPDX-License-Identifier: GPL-2.0
//
// The words of a command line.
#include "cli.hpp"

namespace condisctl {

const std::string &Args::peek() const
{
	static const std::string none;
	return empty() ? none : w_[i_];
}

std::string Args::next(const char *what)
{
	if (empty())
		throw Usage(std::string("missing ") + what);
	return w_[i_++];
}

bool Args::take(const char *word)
{
	if (empty() || w_[i_] != word)
		return false;
	i_++;
	return true;
}

uint32_t Args::number(const char *what)
{
	std::string w = next(what);
	size_t end = 0;
	unsigned long v = 0;

	try {
		v = std::stoul(w, &end, 0);
	} catch (const std::exception &) {
		end = 0;
	}
	if (end != w.size() || end == 0 || v > UINT32_MAX)
		throw Usage(std::string("\"") + w + "\" is not a valid " + what);
	return static_cast<uint32_t>(v);
}

std::vector<std::string> Args::rest()
{
	std::vector<std::string> r(w_.begin() + static_cast<std::ptrdiff_t>(i_), w_.end());
	i_ = w_.size();
	return r;
}

void Args::done() const
{
	if (!empty())
		throw Usage("unexpected \"" + peek() + "\"");
}

void dispatch(const char *object, std::span<const Command> table, Session &s, Args &a,
	      const char *dflt)
{
	std::string cmd = a.empty() ? dflt : a.next("command");

	for (const auto &c : table)
		if (cmd == c.name)
			return c.run(s, a);
	throw Usage("unknown " + std::string(object) + " command \"" + cmd + "\" (try: condisctl " +
		    object + " help)");
}

} // namespace condisctl
