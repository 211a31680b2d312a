// SPDX-License-Identifier: GPL-2.0
//
// condis-stress: the reliability tests' clients (see
// Documentation/condis/reliability.rst). One mode per run:
//   faults   fail-nth sweep over a control scenario   (fault_sweep.cpp)
//   race     concurrent clients for a while           (race.cpp)
//   states   a client with calls in every state       (states.cpp)
//   answers  requests sent together, answered when done (answers.cpp)
// Each prints one JSON line and exits 1 on any violation, 2 on bad usage.
#include "common.hpp"

#include <cstring>
#include <iostream>

using namespace stress;

static const char usage[] =
	"usage: condis-stress MODE [KEY VALUE]...\n"
	"  faults scenario loopback|ethernet [max N] [stride K] [step NAME]\n"
	"         [wait-ms MS] [progress EVERY] [a IFNAME b IFNAME]\n"
	"  race seconds S [threads T] [adapter NAME] [seed X]\n"
	"  states [calls N] [netdevs M]\n"
	"  answers [calls N]\n";

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		std::cout << usage;
		return argc < 2 ? 2 : 0;
	}
	std::string mode = argv[1];
	try {
		Opts o(argc, argv);
		if (mode == "faults")
			return faults(o);
		if (mode == "race")
			return race(o);
		if (mode == "states")
			return states(o);
		if (mode == "answers")
			return answers(o);
		throw Usage("unknown mode " + mode);
	} catch (const Usage &e) {
		std::cerr << "condis-stress: " << e.what() << "\n" << usage;
		return 2;
	} catch (const std::exception &e) {
		std::cerr << "condis-stress " << mode << ": " << e.what() << "\n";
		return 1;
	}
}
