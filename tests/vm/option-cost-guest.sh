#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs inside a test guest for tests/vm/option-cost.sh: what the kernel's
# debug options cost the tests. Prints "cost NAME SECONDS" lines (each a
# time per operation or per suite) to $CONDIS_RESULTS/cost.txt:
#   boot              kernel start to this script (uptime)
#   process           a fork and exec of /bin/true
#   subshell          a command substitution (a fork, no exec)
#   netns             ip netns add and del
#   jq, python3       one start of each (what scenarios spawn)
#   kunit             loading condis_kunit.ko: every KUnit suite
#   SCENARIO          a whole scenario (CONDIS_COST_SCENARIOS)
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
R=$CONDIS_RESULTS
M=$CONDIS_MODDIR
out=$R/cost.txt
: > "$out"
elapsed() {	# elapsed NAME T0 [N]: the time since T0 (EPOCHREALTIME), over N
	local t1=$EPOCHREALTIME
	printf 'cost %s %.3f\n' "$1" "$(echo "($t1 - $2) / ${3:-1}" | bc -l)" | tee -a "$out"
}
per() {	# per NAME N COMMAND...: COMMAND N times, the time of one
	local name=$1 n=$2 i t=$EPOCHREALTIME
	shift 2
	for ((i = 0; i < n; i++)); do "$@" > /dev/null 2>&1; done
	elapsed "$name" "$t" "$n"
}
netns_cycle() { ip netns add cost0 && ip netns del cost0; }

read -r up _ < /proc/uptime
elapsed boot "($EPOCHREALTIME - $up)"
per process 20 /bin/true
subshell() { x=$(:); }
per subshell 20 subshell
per netns 5 netns_cycle
per jq 5 jq -n 1
per python3 3 python3 -c pass

if [ -f "$M/condis_kunit.ko" ]; then
	t=$EPOCHREALTIME
	insmod "$M/condis.ko"
	insmod "$M/condis_kunit.ko"
	elapsed kunit "$t"
	n=$(cat /sys/kernel/debug/kunit/*/results | grep -c '^ *not ok')
	echo "kunit: $n not ok" | tee -a "$out"
	rmmod condis_kunit condis
fi

for s in ${CONDIS_COST_SCENARIOS:-}; do
	t=$EPOCHREALTIME
	bash "$top/tests/scenarios/$s.sh" > "$R/$s.log" 2>&1
	rc=$?
	elapsed "$s" "$t"
	[ $rc = 0 ] || echo "$s: exit $rc" | tee -a "$out"
done
exit 0
