#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make stress`: the reliability tests at length in the debug test kernel
# (KASAN, lockdep, UBSAN, kmemleak, debugobjects; a WARN panics it):
#   fuzz_netlink   condis-fuzz for STRESS_SECONDS as root, a third of it
#                  unprivileged
#   fault_sweep    every allocation of the control scenarios failed in turn
#   stress_race    concurrent clients for STRESS_SECONDS, condis_lo reloaded
#                  and adapters bound under them
#   kill_unload    a client with calls in every state killed; modules
#                  unloaded under it
#   eth_netdevsim  a netdevsim device deleted with STRESS_CALLS calls up
#   wire_hostile   a call kept up through STRESS_WIRE_FRAMES hostile frames
#   netns_exit     clients killed with their user+net namespaces
# then the table of tests/stress/report.py, from the figures the scenarios
# kept, the line coverage of kernel/ (tests/coverage.py: the modules are
# built for gcov) and the harness's verdict. make check runs the same scenarios,
# short (their defaults).
#
# Environment: STRESS_SECONDS (default 300), STRESS_CALLS (10000),
# STRESS_WIRE_FRAMES (1000000), BUILD.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top/build}
vm=$top/tests/vm
out=$build/stress
secs=${STRESS_SECONDS:-300}
calls=${STRESS_CALLS:-10000}
frames=${STRESS_WIRE_FRAMES:-1000000}

kdir=$("$vm/build-kernel.sh")
# the modules built for line coverage (the debug kernel has gcov)
make -s -C "$top" modules userspace KBUILD_FLAGS=CONDIS_COVERAGE=y > "$build/stress-build.log" 2>&1 ||
	{ tail -20 "$build/stress-build.log"; exit 1; }
scen=
for s in fuzz_netlink fault_sweep stress_race kill_unload eth_netdevsim wire_hostile netns_exit; do
	scen+="$top/tests/scenarios/$s.sh "
done
rm -rf "$out"
echo "stress: ${secs} s of fuzzing and of races, $calls calls unplugged (log: $out/)" >&2
start=$(date +%s)
rc=0
"$vm/run.sh" --kernel "$kdir/arch/x86/boot/bzImage" --modules "$build/modules/ko" \
	--out "$out" --mem 3G --timeout $((secs * 4 + 14400)) -- \
	env CONDIS_SKIP_KUNIT=1 CONDIS_SCENARIOS="$scen" FUZZ_SECONDS="$secs" \
	CONDIS_SCENARIO_TIMEOUT=$((secs * 2 + 5400)) \
	STRESS_SECONDS="$secs" FAULT_STRIDE=1 FAULT_STEP_STRIDE=1 ETH_CALLS_MANY="$calls" \
	CONDIS_WIRE_FRAMES="$frames" CONDIS_NETNS_ROUNDS=20 \
	"$vm/guest-check.sh" || rc=$?
echo "stress: guest ran $(( $(date +%s) - start )) s" >&2
"$vm/verdict.sh" "$out" "$rc" > "$out/verdict.txt" || true
python3 "$top/tests/coverage.py" "$out/gcov" "$build/modules" > "$out/coverage.json" ||
	rm -f "$out/coverage.json"
python3 "$top/tests/stress/report.py" "$out" | tee "$out/results.txt"
