#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Harness self-test: the harness must fail runs that fail. Each case makes
# one defect and must see the run fail for it, and only for it:
#   1. a known-failing KTAP sample through the KUnit parser,
#   2. a guest whose scenario fails a check on purpose,
#   3. a guest where a module reads freed memory (KASAN; the guest panics
#      on it, as panic_on_warn makes every report do),
#   4. a guest where a module leaks memory (the kmemleak scan),
#   5. a guest that hangs, which the timeout must kill and report.
# The guests run side by side (they are short, and the hung one idles).
# Prints "PASS|FAIL harness: ..." lines; exits non-zero if the harness let
# a failure through.
#
#   selftest.sh KASAN_KDIR KASAN_MODULES LEAK_KDIR LEAK_MODULES OUT
# (kernel build trees with KASAN and with kmemleak, the modules built
# against each: harness_bugs.ko among them)
set -u
here=$(cd "$(dirname "$0")" && pwd)
kkasan=$1 mkasan=$2 kleak=$3 mleak=$4 out=$5
rc=0
src=$("$here/build-kernel.sh" --print-src)

expect_failure() {	# expect_failure NAME FAILED(0|1) WHY
	if [ "$2" = 1 ]; then
		echo "PASS harness: $1"
	else
		echo "FAIL harness: $1"
		echo "    $3"
		rc=1
	fi
}

# guest NAME KDIR MODULES SCENARIO: a guest running one scenario, its verdict
# in NAME.verdict
guest() {
	local r
	"$here/run.sh" --kernel "$2/arch/x86/boot/bzImage" --modules "$3" --out "$out/$1" \
		--timeout 300 -- env CONDIS_SKIP_KUNIT=1 CONDIS_SCENARIOS="$here/selftest/$4" \
		"$here/guest-check.sh" > /dev/null 2>&1
	r=$?
	"$here/verdict.sh" "$out/$1" $r "$1" > "$out/$1.verdict"
	echo $? > "$out/$1.rc"
}
# only_fails NAME PATTERN: NAME's verdict failed, and every FAIL line
# matches PATTERN
only_fails() {
	[ "$(cat "$out/$1.rc")" != 0 ] && grep -q '^FAIL' "$out/$1.verdict" &&
		! grep '^FAIL' "$out/$1.verdict" | grep -qv -- "$2"
}

rm -rf "$out"
mkdir -p "$out"
python3 "$here/ktap_count.py" "$src/tools/testing/kunit/kunit.py" \
	"$here/selftest/failing.ktap" > "$out/ktap.verdict"
[ $? != 0 ] && grep -q '^FAIL kunit: harness_selftest.fails_on_purpose$' "$out/ktap.verdict"
expect_failure "a failing KTAP line fails the run" $(( $? == 0 )) \
	"ktap_count.py let $here/selftest/failing.ktap through"

# the hung guest: killed by its timeout once hung in its command (init's
# tee made the log), not while booting beside the others
"$here/run.sh" --kernel "$kkasan/arch/x86/boot/bzImage" --out "$out/hang" --timeout 90 -- \
	sleep 100000 > /dev/null 2>&1 &
hang=$!
guest scenario "$kleak" "$mleak" failing-scenario.sh &
g1=$!
guest kasan "$kkasan" "$mkasan" kasan.sh &
g2=$!
guest leak "$kleak" "$mleak" leak.sh
wait $g1 $g2

only_fails scenario '^FAIL failing-scenario: '
expect_failure "a failing scenario fails the run" $(( $? == 0 )) \
	"verdict: $(grep -c '^FAIL' "$out/scenario.verdict") failures ($out/scenario.verdict)"
only_fails kasan '^FAIL guest kasan: ran to the end$' &&
	grep -q 'BUG: KASAN: slab-use-after-free in harness_bugs_init' "$out/kasan/console.log"
expect_failure "a KASAN report fails the run" $(( $? == 0 )) \
	"no failure for the KASAN report ($out/kasan.verdict, $out/kasan/console.log)"
only_fails leak '^FAIL guest leak: kmemleak clean$' && grep -q 'harness_bugs_leak.*\[harness_bugs\]' "$out/leak/kmemleak.txt"
expect_failure "a kmemleak report fails the run" $(( $? == 0 )) \
	"no failure for the leak ($out/leak.verdict)"

wait $hang
r=$?
[ $r = 124 ] && [ -f "$out/hang/guest.log" ]
expect_failure "a hung guest is killed by the timeout" $(( $? == 0 )) \
	"run.sh exit $r (124: killed), $out/hang/guest.log $([ -f "$out/hang/guest.log" ] || echo not) there"
exit $rc
