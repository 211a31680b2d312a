#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# condis_bench.ko (make bench's in-kernel half) under the debug kernel: every
# command of its control file runs at a small size and reports what it
# measured, bad commands are refused, what it held is gone after release,
# and it unloads clean (KASAN, lockdep and kmemleak watch). Times are not
# looked at: make bench measures, this only runs the code.
set -u
source "$(dirname "$0")/lib.sh"
require_root

for m in condis condis_lo condis_bench; do
	check "$m.ko loads" mod_load $m
done
CTL=/sys/kernel/debug/condis_bench/ctl
# objects TYPE COUNT: condis holds COUNT objects of TYPE (debugfs)
objects() {
	local type n
	while read -r type n _; do
		[ "$type" = "$1" ] && { [ "$n" = "$2" ]; return; }
	done < /sys/kernel/debug/condis/objects
	return 1
}
vcs_zero() { objects vc 0; }
# refused COMMAND: the control file refuses COMMAND
refused() { ! { echo "$1" > "$CTL"; } 2> /dev/null; }

# run COMMAND PATTERN: the command succeeds and its result matches PATTERN
run() {
	local out
	echo "$1" > "$CTL" || return 1
	read -r out < "$CTL"
	[[ $out =~ $2 ]] || { log "$1: $out"; return 1; }
}
num='[1-9][0-9]*'
cpus=$(nproc)
check "floor on one CPU" run "floor 50 one" "^floor threads=1 n=50 ns=$num"
check "floor on every CPU" run "floor 50 all" "^floor threads=$cpus n=$((50 * cpus)) ns=$num"
check "call cycle on one CPU" run "cycle 30 one" "^cycle threads=1 n=30 ns=$num"
check "call cycle on every CPU" run "cycle 30 all" "^cycle threads=$cpus n=$((30 * cpus))"
check "call cycle through condis_lo" run "cycle 10 all lo" "^cycle-lo threads=$cpus n="
check "idle VCs held, their slab counted" run "hold-vcs 3000" "^hold-vcs n=3000 slab_bytes=$num"
check "3000 VCs exist" objects vc 3000
check "holding twice is refused" refused "hold-calls 5"
check "release" run release "^release n=3000 "
check "no VC left" objects vc 0
check "calls held" run "hold-calls 200" "^hold-calls n=200 slab_bytes="
check "call cycle beside held calls" run "cycle 20 one" "^cycle threads=1 n=20 "
out=$(cat /sys/kernel/debug/condis/calls)
check "debugfs condis/calls counts them connected" grep -qx "connected *200" <<< "$out"
check "release" run release "^release n=200 "
check "calls held through condis_lo" run "hold-calls 100 lo" "^hold-calls-lo n=100 "
check "both ends of each call exist" objects vc 200
check "release" run release "^release n=100 "
check "no VC left after condis_lo's calls" wait_for 10 vcs_zero
for bad in "" "bogus 1" "cycle 0 one" "cycle 5 some" "floor 5" "hold-vcs x" \
	   "cycle 5 one elsewhere" "hold-calls 5 elsewhere"; do
	check "\"$bad\" refused" refused "$bad"
done

check "condis_bench.ko unloads" mod_unload condis_bench
check "condis_lo.ko unloads" mod_unload condis_lo
check "no condis object left" objects_zero
check "condis.ko unloads" mod_unload condis
exit $ret
