#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Judge what a guest left in its results directory (tests/vm/guest-check.sh):
# the guest's own exit status, the KUnit KTAP (parsed with the kernel's
# kunit.py), the scenarios' ksft exit codes, kernel splats in the log and
# the kmemleak scan. Prints one line per result and, last, "verdict P F S".
# Exits non-zero when anything failed.
#
#   verdict.sh RESULTS_DIR RUN_EXIT_CODE
set -u
here=$(cd "$(dirname "$0")" && pwd)
R=$1
run_rc=$2
src=$("$here/build-kernel.sh" --print-src)
pass=0 fail=0 skip=0

res() {	# res STATUS NAME
	case $1 in
	PASS) pass=$((pass + 1)) ;;
	SKIP) skip=$((skip + 1)) ;;
	*) fail=$((fail + 1)) ;;
	esac
	printf '%-4s %s\n' "$1" "$2"
}

if [ "$run_rc" = 0 ]; then
	res PASS "guest ran to the end"
else
	res FAIL "guest ran to the end (run.sh exit $run_rc)"
fi

shopt -s nullglob
ktaps=("$R"/ktap/*.ktap)
[ -f "$R/kunit-expected" ] && [ ${#ktaps[@]} = 0 ] && res FAIL "KUnit suites produced results"
if [ ${#ktaps[@]} -gt 0 ]; then
	out=$(python3 "$here/ktap_count.py" "$src/tools/testing/kunit/kunit.py" "${ktaps[@]}")
	krc=$?
	echo "$out" | sed '$d'
	read -r _ kp kf ks <<< "$(echo "$out" | tail -1)"
	pass=$((pass + kp)) fail=$((fail + kf)) skip=$((skip + ks))
	[ $krc = 0 ] || [ "$kf" -gt 0 ] || res FAIL "KUnit output parsed"
fi

if [ -f "$R/scenarios.txt" ]; then
	while read -r name rc; do
		case $rc in
		0) res PASS "scenario $name" ;;
		4) res SKIP "scenario $name" ;;
		*) res FAIL "scenario $name (exit $rc)" ;;
		esac
	done < "$R/scenarios.txt"
fi

if [ -f "$R/dmesg.txt" ]; then
	splat='WARNING:|BUG:|KASAN:|UBSAN:|Oops|general protection|possible recursive locking|circular locking|inconsistent lock state|suspicious RCU usage|sleeping function called from invalid context|blocked for more than|ODEBUG:'
	if grep -Eq "$splat" "$R/dmesg.txt"; then
		res FAIL "no kernel splat (see $R/dmesg.txt)"
		grep -E -m5 "$splat" "$R/dmesg.txt"
	else
		res PASS "no kernel splat (WARN, BUG, KASAN, UBSAN, lockdep, debugobjects)"
	fi
fi
if [ -f "$R/kmemleak.txt" ]; then
	if [ -s "$R/kmemleak.txt" ]; then
		res FAIL "kmemleak clean (see $R/kmemleak.txt)"
		head -20 "$R/kmemleak.txt"
	else
		res PASS "kmemleak clean"
	fi
fi
echo "verdict $pass $fail $skip"
[ "$fail" = 0 ]
