#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs inside the test guest (run.sh). Loads condis, runs the KUnit suites
# (loading the test module runs them) and keeps their KTAP, unloads, runs
# the scenarios (after each: no condis object left behind), then leaves a
# kmemleak scan (where the kernel has kmemleak) and the kernel log for the
# host, which judges them (tests/vm/verdict.sh).
#
# Environment: CONDIS_RESULTS (results dir), CONDIS_MODDIR (built modules),
# CONDIS_SCENARIOS (scenario scripts; default tests/scenarios/*.sh),
# CONDIS_SKIP_KUNIT (set by the harness self-test and make stress),
# CONDIS_SCENARIO_TIMEOUT (seconds a scenario may take; default 900).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
R=$CONDIS_RESULTS
M=$CONDIS_MODDIR
mkdir -p "$R/ktap" "$R/scenarios"
: > "$R/scenarios.txt"
echo 0 > /proc/sys/kernel/printk_ratelimit 2>/dev/null

step() { echo "== $*"; }
forks() { awk '$1 == "processes" { print $2 }' /proc/stat; }

# A KUnit kernel must run the suites: a missing module is a failure.
if [ ! -f "$M/condis.ko" ]; then
	echo "no condis.ko in $M"
	exit 1
fi
if [ -d /sys/kernel/debug/kunit ] && [ -z "${CONDIS_SKIP_KUNIT:-}" ]; then
	step "KUnit suites"
	t=$SECONDS
	touch "$R/kunit-expected"
	[ -f "$M/condis_kunit.ko" ] || { echo "no condis_kunit.ko in $M"; exit 1; }
	insmod "$M/condis.ko" || { echo "insmod condis.ko failed"; exit 1; }
	# the allocation failure cases arm their task's fail-nth: let it reach
	# GFP_KERNEL allocations too (nothing fails where it is not armed)
	fs=/sys/kernel/debug/failslab
	if [ -d $fs ]; then
		fs_old="$(cat $fs/ignore-gfp-wait) $(cat $fs/verbose)"
		echo N > $fs/ignore-gfp-wait
		echo 0 > $fs/verbose
	fi
	insmod "$M/condis_kunit.ko" || echo "insmod condis_kunit.ko failed"
	if [ -d $fs ]; then
		echo "${fs_old% *}" > $fs/ignore-gfp-wait
		echo "${fs_old#* }" > $fs/verbose
	fi
	# the signalling parser's suite, the NDIS library's
	[ -f "$M/condis_sig_kunit.ko" ] || { echo "no condis_sig_kunit.ko in $M"; exit 1; }
	{ insmod "$M/condis_sig.ko" && insmod "$M/condis_sig_kunit.ko"; } ||
		echo "insmod condis_sig_kunit.ko failed"
	[ -f "$M/condis_ndis_kunit.ko" ] || { echo "no condis_ndis_kunit.ko in $M"; exit 1; }
	{ insmod "$M/condis_ndis.ko" && insmod "$M/condis_ndis_kunit.ko"; } ||
		echo "insmod condis_ndis_kunit.ko failed"
	# the PPPoE wire format's
	[ -f "$M/condis_pppoe_kunit.ko" ] || { echo "no condis_pppoe_kunit.ko in $M"; exit 1; }
	{ insmod "$M/condis_pppoe.ko" && insmod "$M/condis_pppoe_kunit.ko"; } ||
		echo "insmod condis_pppoe_kunit.ko failed"
	# a module using condis keeps it loaded (Documentation: architecture)
	what="condis.ko refuses to unload while a module uses it"
	if rmmod condis 2>/dev/null; then
		echo "not ok - $what" >> "$R/guest-checks.log"
		insmod "$M/condis.ko"
	else
		echo "ok - $what" >> "$R/guest-checks.log"
	fi
	for d in /sys/kernel/debug/kunit/*/; do
		s=$(basename "$d")
		[ -f "$d/results" ] && cp "$d/results" "$R/ktap/$s.ktap"
	done
	rmmod condis_kunit || echo "rmmod condis_kunit failed"
	rmmod condis_sig_kunit condis_sig || echo "rmmod condis_sig_kunit failed"
	rmmod condis_ndis_kunit condis_ndis || echo "rmmod condis_ndis_kunit failed"
	rmmod condis_pppoe_kunit condis_pppoe || echo "rmmod condis_pppoe_kunit failed"
	rmmod condis || { echo "rmmod condis failed"; exit 1; }
	echo "-- KUnit: $((SECONDS - t))s"
fi

step "scenarios"
scenarios=${CONDIS_SCENARIOS:-$(ls "$top"/tests/scenarios/*.sh 2>/dev/null | grep -v '/lib.sh$')}
for s in $scenarios; do
	name=$(basename "$s" .sh)
	echo "-- $name"
	t=$SECONDS
	forks=$(forks)
	timeout "${CONDIS_SCENARIO_TIMEOUT:-900}" bash "$s" 2>&1 | tee "$R/scenarios/$name.log"
	rc=${PIPESTATUS[0]}
	# the leak check after every scenario: condis still loaded holds
	# nothing (kmemleak, where the kernel has it, scans at the end)
	if [ -r /sys/kernel/debug/condis/objects ]; then
		left=$(awk '$1 ~ /^(af|sap|vc|party|cmvc)$/ && $2 != 0 { printf " %s %s", $1, $2 }' \
			/sys/kernel/debug/condis/objects)
		echo "${left:+not }ok - leaves no condis object behind" |
			tee -a "$R/scenarios/$name.log"
		[ -z "$left" ] || echo "#   left:$left" | tee -a "$R/scenarios/$name.log"
	fi
	echo "$name $rc" >> "$R/scenarios.txt"
	echo "-- $name: exit $rc ($((SECONDS - t))s, $(($(forks) - forks)) processes)"
done

# line coverage (modules built with CONDIS_COVERAGE=y): gcov keeps the
# counts of a module after its unload; tests/coverage.py reads them
if [ -d /sys/kernel/debug/gcov ]; then
	step "gcov"
	(cd /sys/kernel/debug/gcov && find . -name '*.gcda') | while read -r f; do
		mkdir -p "$R/gcov/$(dirname "$f")"
		cat "/sys/kernel/debug/gcov/$f" > "$R/gcov/$f"
	done
fi

step "kmemleak"
# (a kernel without kmemleak leaves no kmemleak.txt: the verdict then has
# no "kmemleak clean", which tests/expected-results.txt misses)
if [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan > /sys/kernel/debug/kmemleak
	sleep 6
	echo scan > /sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak > "$R/kmemleak.txt"
fi
dmesg > "$R/dmesg.txt"
exit 0
