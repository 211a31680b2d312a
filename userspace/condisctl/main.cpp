// SPDX-License-Identifier: GPL-2.0
//
// condisctl: drive condis from userspace, and be a CoNDIS client.
//
//   condisctl [ OPTIONS ] OBJECT { COMMAND | help }
//   condisctl [ OPTIONS ] -b FILE     one session, a command per line
#include "cli.hpp"

#include <cstring>
#include <fstream>
#include <getopt.h>
#include <iostream>
#include <sstream>

using namespace condisctl;

namespace {

const char usage_text[] =
	"Usage: condisctl [ OPTIONS ] OBJECT { COMMAND | help }\n"
	"       condisctl [ OPTIONS ] -b FILE\n"
	"OBJECT := { adapter | af | sap | call | party | vc | monitor }\n"
	"OPTIONS := { -j[son] | -p[retty] | -b[atch] FILE | -n[o-wait] |\n"
	"             -t[imeout] MS | -V[ersion] | -h[elp] }\n"
	"The AFs, SAPs, calls and parties an invocation creates belong to its\n"
	"netlink socket: they go when condisctl exits (use a batch, -b, '-' for\n"
	"stdin, or sap listen to keep them). An adapter it binds stays until\n"
	"adapter del, as a link ip adds does. See condisctl(8).\n";

void help(Session &, Args &)
{
	std::cout << usage_text;
}

const Command objects[] = {
	{ "adapter", cmd_adapter }, { "af", cmd_af }, { "sap", cmd_sap },
	{ "call", cmd_call }, { "party", cmd_party }, { "vc", cmd_vc },
	{ "monitor", cmd_monitor }, { "help", help },
};

int run(Session &s, std::vector<std::string> words)
{
	Args a(std::move(words));
	std::string object = a.next("object");

	try {
		for (const auto &o : objects)
			if (object == o.name) {
				o.run(s, a);
				return EXIT_OK;
			}
		throw Usage("unknown object \"" + object + "\" (try: condisctl help)");
	} catch (const condis::Error &e) {
		if (s.opt.json)
			emit(s.opt, "error", { { "error", e.what() }, { "errno", e.err() },
					       { "extack", e.extack() } });
		std::cerr << "condisctl: " << e.what() << '\n';
		return e.err() == ETIMEDOUT ? EXIT_TIMEOUT : EXIT_REFUSED;
	}
}

std::vector<std::string> split(const std::string &line)
{
	std::istringstream in(line);
	std::vector<std::string> w;
	for (std::string x; in >> x;)
		w.push_back(x);
	return w;
}

} // namespace

int main(int argc, char **argv)
{
	static const option longopts[] = {
		{ "json", no_argument, nullptr, 'j' },
		{ "pretty", no_argument, nullptr, 'p' },
		{ "batch", required_argument, nullptr, 'b' },
		{ "no-wait", no_argument, nullptr, 'n' },
		{ "timeout", required_argument, nullptr, 't' },
		{ "version", no_argument, nullptr, 'V' },
		{ "help", no_argument, nullptr, 'h' },
		{},
	};
	Options opt;
	std::string batch;
	int c;

	while ((c = getopt_long(argc, argv, "+jpb:nt:Vh", longopts, nullptr)) != -1) {
		switch (c) {
		case 'j': opt.json = true; break;
		case 'p': opt.pretty = true; break;
		case 'b': batch = optarg; break;
		case 'n': opt.wait = false; break;
		case 't': opt.timeout_ms = std::atoi(optarg); break;
		case 'V': std::cout << "condisctl " CONDIS_VERSION "\n"; return 0;
		case 'h': std::cout << usage_text; return 0;
		default: std::cerr << usage_text; return EXIT_USAGE;
		}
	}
	if (batch.empty() && optind >= argc) {
		std::cerr << usage_text;
		return EXIT_USAGE;
	}
	// help at any level works without condis.ko
	bool help = false;
	for (int i = optind; batch.empty() && i < argc && i < optind + 2; i++)
		help |= !strcmp(argv[i], "help");
	if (batch.empty() && !strcmp(argv[optind], "party") && optind + 1 == argc)
		help = true;	// party's default command is help
	try {
		Session s{ condis::Client(!help), opt, {} };
		if (!help)
			s.client.subscribe();
		if (batch.empty())
			return run(s, std::vector<std::string>(argv + optind, argv + argc));

		std::ifstream file;
		if (batch != "-") {
			file.open(batch);
			if (!file)
				throw Usage("cannot read " + batch);
		}
		std::istream &in = batch == "-" ? std::cin : file;
		int status = EXIT_OK;
		for (std::string line; std::getline(in, line);) {
			auto words = split(line);
			if (words.empty() || words[0][0] == '#')
				continue;
			try {
				int r = run(s, words);
				if (r)
					status = r;
			} catch (const Usage &e) {
				std::cerr << "condisctl: " << e.what() << '\n';
				if (opt.json)
					emit(opt, "error", { { "error", e.what() }, { "errno", EINVAL } });
				status = EXIT_USAGE;
			}
		}
		return status;
	} catch (const Usage &e) {
		std::cerr << "condisctl: " << e.what() << '\n';
		return EXIT_USAGE;
	} catch (const condis::Error &e) {
		std::cerr << "condisctl: " << e.what() << '\n';
		return EXIT_REFUSED;
	}
}
