// SPDX-License-Identifier: GPL-2.0
//
// Printing: every command builds one JSON value; -j prints it as JSON (one
// line, or indented with -p), otherwise as iproute2-style text lines.
#include "cli.hpp"

#include <iostream>

namespace condisctl {

namespace {

void text_value(std::ostream &o, const json &v);

void text_fields(std::ostream &o, const json &obj, bool skip_id)
{
	bool first = true;

	for (auto it = obj.begin(); it != obj.end(); ++it) {
		if (skip_id && it.key() == "id")
			continue;
		if (it->is_boolean()) {		// flags: shown when set
			if (!it->get<bool>())
				continue;
			o << (first ? "" : " ") << it.key();
		} else {
			o << (first ? "" : " ") << it.key() << ' ';
			text_value(o, *it);
		}
		first = false;
	}
}

void text_value(std::ostream &o, const json &v)
{
	if (v.is_string()) {
		o << v.get<std::string>();
	} else if (v.is_object()) {
		o << "{ ";
		text_fields(o, v, false);
		o << " }";
	} else if (v.is_array()) {
		o << "[ ";
		for (size_t i = 0; i < v.size(); i++) {
			if (i)
				o << ", ";
			text_value(o, v[i]);
		}
		o << " ]";
	} else {
		o << v.dump();
	}
}

void text_line(const char *object, const json &obj)
{
	if (obj.is_object() && obj.contains("id"))
		std::cout << object << ' ' << obj["id"].dump() << ": ";
	else if (obj.is_object())
		std::cout << object << ": ";
	if (obj.is_object())
		text_fields(std::cout, obj, true);
	else
		text_value(std::cout, obj);
	std::cout << '\n';
}

} // namespace

void emit(const Options &opt, const char *object, const json &v)
{
	if (opt.json)
		std::cout << v.dump(opt.pretty ? 2 : -1) << '\n';
	else if (v.is_array())
		for (const auto &e : v)
			text_line(object, e);
	else
		text_line(object, v);
	std::cout.flush();
}

} // namespace condisctl
