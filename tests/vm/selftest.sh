#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Harness self-test: the harness must fail runs that fail. Three checks,
# each must make the harness report failure:
#   1. a known-failing KTAP sample through the KUnit parser,
#   2. a guest whose scenario fails on purpose,
#   3. a guest that hangs, which the timeout must kill and report.
# Prints "PASS/FAIL harness: ..." lines; exits non-zero if the harness let
# a failure through.
#
#   selftest.sh KERNEL BUILD_DIR   (BUILD_DIR/modules: the built modules)
set -u
here=$(cd "$(dirname "$0")" && pwd)
kernel=$1
out=$2/selftest
rc=0
src=$("$here/build-kernel.sh" --print-src)

expect_failure() {	# expect_failure NAME EXIT_CODE
	if [ "$2" != 0 ]; then
		echo "PASS harness: $1 (exit $2)"
	else
		echo "FAIL harness: $1 was not reported as a failure"
		rc=1
	fi
}

python3 "$here/ktap_count.py" "$src/tools/testing/kunit/kunit.py" \
	"$here/selftest/failing.ktap" > /dev/null
expect_failure "failing KTAP sample fails the run" $?

rm -rf "$out"
# the hung guest idles while the other one runs: both at once. Its timeout
# must outlast its boot beside the other guest: 75 s did not on a busy host
"$here/run.sh" --kernel "$kernel" --out "$out/hang" --timeout 150 -- sleep 100000 2>/dev/null &
hang=$!
"$here/run.sh" --kernel "$kernel" --modules "$2/modules/ko" \
	--out "$out/scenario" --timeout 300 -- \
	env CONDIS_SKIP_KUNIT=1 CONDIS_SCENARIOS="$here/selftest/failing-scenario.sh" \
	"$here/guest-check.sh" 2>/dev/null
r=$?
"$here/verdict.sh" "$out/scenario" $r > "$out/scenario.verdict"
r=$?
# it must fail because of the scenario, and only because of it
grep -q '^FAIL scenario failing-scenario' "$out/scenario.verdict" || r=0
[ "$(grep -c '^FAIL' "$out/scenario.verdict")" = 1 ] || r=0
expect_failure "failing scenario fails the run" $r

wait $hang
r=$?
if [ $r = 124 ] && [ ! -f "$out/hang/guest.log" ]; then
	# its boot beside the other guest took the whole timeout (a busy
	# host): once more, alone
	rm -rf "$out/hang"
	"$here/run.sh" --kernel "$kernel" --out "$out/hang" --timeout 150 -- sleep 100000 2>/dev/null
	r=$?
fi
[ $r = 124 ] || r=0	# only the timeout verdict counts here
# and it was killed hung in its command (init's tee made the log), not booting
[ -f "$out/hang/guest.log" ] || r=0
expect_failure "hung guest is killed by the timeout" $r
exit $rc
