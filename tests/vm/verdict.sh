#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Judge what a guest left in its results directory (tests/vm/guest-check.sh):
# the guest's own exit status, the KUnit KTAP (parsed with the kernel's
# kunit.py), each scenario's checks and its ksft exit code, kernel splats in
# the log and the kmemleak scan. Prints one result line per result,
# "PASS|FAIL|SKIP NAME" (a detail may follow on lines of its own, indented);
# exits non-zero when anything failed. The names are what
# tests/expected-results.txt lists:
#   kunit (LABEL): SUITE.CASE[.PARAM]  a KUnit case in that guest
#   SCENARIO: CHECK                a check of a scenario ("ok - CHECK"; the
#                                  Nth of the same text gets " (N)")
#   SCENARIO: exits 0              its exit code (4: skipped)
#   guest LABEL: ...               the guest as a whole
#
#   verdict.sh RESULTS_DIR RUN_EXIT_CODE [LABEL]
set -u
here=$(cd "$(dirname "$0")" && pwd)
R=$1
run_rc=$2
label=${3:-$(basename "$R")}
src=$("$here/build-kernel.sh" --print-src)
bad=0

res() {	# res STATUS NAME
	[ "$1" = FAIL ] && bad=1
	printf '%-4s %s\n' "$1" "$2"
}

if [ "$run_rc" = 0 ]; then
	res PASS "guest $label: ran to the end"
else
	res FAIL "guest $label: ran to the end"
	echo "    run.sh exit $run_rc (see $R/console.log)"
fi
splat='WARNING:|BUG:|KASAN:|UBSAN:|Oops|general protection|possible recursive locking|circular locking|inconsistent lock state|suspicious RCU usage|sleeping function called from invalid context|blocked for more than|ODEBUG:'
# a guest that died (a panic: panic_on_warn, an oops; qemu itself) or was
# killed left no verdict: what its console said from its first splat on and
# at its end (qemu's own errors), for a run whose build directory is not kept
if [ "$run_rc" != 0 ] && [ ! -f "$R/exit-status" ] && [ -f "$R/console.log" ]; then
	first=$(grep -Enm1 "$splat|Kernel panic" "$R/console.log" | cut -d: -f1)
	total=$(wc -l < "$R/console.log")
	upto=0	# the last line printed
	{
		if [ -n "$first" ]; then
			upto=$((first + 50))
			sed -n "$((first > 5 ? first - 5 : 1)),${upto}p" "$R/console.log"
		fi
		end=$((total - 19 > upto + 1 ? total - 19 : upto + 1))
		[ "$end" -le "$total" ] || exit 0
		[ "$end" = $((upto + 1)) ] || echo "..."
		sed -n "$end,\$p" "$R/console.log"
	} | tr -d '\r' | sed 's/^/    | /'
fi

shopt -s nullglob
ktaps=("$R"/ktap/*.ktap)
[ -f "$R/kunit-expected" ] && [ ${#ktaps[@]} = 0 ] && res FAIL "guest $label: KUnit suites produced results"
if [ ${#ktaps[@]} -gt 0 ]; then
	python3 "$here/ktap_count.py" "$src/tools/testing/kunit/kunit.py" "${ktaps[@]}" > "$R/kunit.txt" || bad=1
	sed -E "s/^(PASS|FAIL|SKIP) kunit: /\1 kunit ($label): /" "$R/kunit.txt"
fi

# checks PREFIX LOG: a result per "ok - CHECK" or "not ok - CHECK" line of
# LOG; under a failed one, the log's comment lines that follow it (what the
# scenario said about it: jqcheck's got and want, a tool's stderr), 40 at
# most, for a run whose build directory is not kept
checks() {
	awk -v s="$1" '
		/^(not )?ok - / {
			st = /^ok/ ? "PASS" : "FAIL"
			sub(/^(not )?ok - /, "")
			n = ++seen[$0]
			printf "%-4s %s: %s%s\n", st, s, $0, (n > 1 ? " (" n ")" : "")
			said = st == "FAIL" ? 40 : 0
			if (st == "FAIL") bad = 1
			next
		}
		/^#/ && said > 0 { said--; print "    " $0 }
		END { exit bad }' "$2" || bad=1
}
[ -f "$R/guest-checks.log" ] && checks "guest $label" "$R/guest-checks.log"

# a scenario's checks, from its log, then its exit code
if [ -f "$R/scenarios.txt" ]; then
	while read -r name rc; do
		[ -n "$name" ] || continue
		[ -f "$R/scenarios/$name.log" ] && checks "$name" "$R/scenarios/$name.log"
		case $rc in
		0) res PASS "$name: exits 0" ;;
		4) res SKIP "$name: exits 0" ;;
		*) res FAIL "$name: exits 0"; echo "    exit $rc" ;;
		esac
	done < "$R/scenarios.txt"
fi

if [ -f "$R/dmesg.txt" ]; then
	if grep -Eq "$splat" "$R/dmesg.txt"; then
		res FAIL "guest $label: no kernel splat (WARN, BUG, KASAN, UBSAN, lockdep, debugobjects)"
		grep -E -m5 "$splat" "$R/dmesg.txt" | sed 's/^/    /'
	else
		res PASS "guest $label: no kernel splat (WARN, BUG, KASAN, UBSAN, lockdep, debugobjects)"
	fi
fi
if [ -f "$R/kmemleak.txt" ]; then
	if [ -s "$R/kmemleak.txt" ]; then
		res FAIL "guest $label: kmemleak clean"
		head -20 "$R/kmemleak.txt" | sed 's/^/    /'
	else
		res PASS "guest $label: kmemleak clean"
	fi
fi
exit $bad
