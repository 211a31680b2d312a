// SPDX-License-Identifier: GPL-2.0
//
// condisctl: drive condis from userspace, and be a CoNDIS client.
//
//   condisctl [ OPTIONS ] OBJECT { COMMAND | help }
//   condisctl [ OPTIONS ] -b FILE     one session, a command per line
#include "cli.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <getopt.h>
#include <iostream>
#include <sched.h>
#include <sstream>
#include <unistd.h>

using namespace condisctl;

namespace {

const char usage_text[] =
	"Usage: condisctl [ OPTIONS ] OBJECT { COMMAND | help }\n"
	"       condisctl [ OPTIONS ] -b FILE\n"
	"OBJECT := { adapter | af | sap | call | party | vc | monitor }\n"
	"OPTIONS := { -j[son] | -p[retty] | -s[tatistics] | -b[atch] FILE |\n"
	"             -n[etns] NETNS | -W (--no-wait) | -t[imeout] MS | -V[ersion] |\n"
	"             -h[elp] }\n"
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

// -n NETNS, as ip's: a name under /run/netns, or a path
void enter_netns(const std::string &ns)
{
	std::string path = ns.find('/') == std::string::npos ? "/run/netns/" + ns : ns;
	int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		throw Usage("network namespace \"" + ns + "\": " + std::strerror(errno));
	int r = setns(fd, CLONE_NEWNET), err = errno;
	close(fd);
	if (r)
		throw Usage("network namespace \"" + ns + "\": " + std::strerror(err));
}

// ip's single-dash long options (-netns, -batch, -json, ...) as getopt's
std::vector<char *> ip_style(int argc, char **argv)
{
	static const char *const names[] = { "json", "pretty", "stats", "statistics", "batch",
					     "netns", "no-wait", "timeout", "version", "help" };
	static std::vector<std::string> held;
	std::vector<char *> v(argv, argv + argc);

	held.reserve(argc);
	for (int i = 1; i < argc && argv[i][0] == '-' && std::strcmp(argv[i], "--"); i++) {
		for (const char *n : names)
			if (argv[i][1] != '-' && std::strlen(argv[i]) > 2 && !std::strcmp(argv[i] + 1, n)) {
				held.push_back(std::string("-") + argv[i]);
				v[i] = held.back().data();
			}
		// the options that take a value: skip it
		for (const char *o : { "-b", "-n", "-t", "--batch", "--netns", "--timeout" })
			if (!std::strcmp(v[i], o))
				i++;
	}
	v.push_back(nullptr);
	return v;
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
		{ "stats", no_argument, nullptr, 's' },
		{ "statistics", no_argument, nullptr, 's' },
		{ "batch", required_argument, nullptr, 'b' },
		{ "netns", required_argument, nullptr, 'n' },
		{ "no-wait", no_argument, nullptr, 'W' },
		{ "timeout", required_argument, nullptr, 't' },
		{ "version", no_argument, nullptr, 'V' },
		{ "help", no_argument, nullptr, 'h' },
		{},
	};
	Options opt;
	std::string batch, netns;
	std::vector<char *> args = ip_style(argc, argv);
	int c;

	argv = args.data();
	while ((c = getopt_long(argc, argv, "+jpsb:n:Wt:Vh", longopts, nullptr)) != -1) {
		switch (c) {
		case 'j': opt.json = true; break;
		case 'p': opt.pretty = true; break;
		case 's': opt.stats = true; break;
		case 'b': batch = optarg; break;
		case 'n': netns = optarg; break;
		case 'W': opt.wait = false; break;
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
		if (!netns.empty())
			enter_netns(netns);
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
