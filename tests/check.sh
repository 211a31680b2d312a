#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: every test condis has. Each result is a line
# "PASS|FAIL|SKIP NAME" (a failed one's details indented under it); the
# failures, with their details, are printed again after the last stage;
# last come "N passed, N failed" (", N skipped" when any) and "make check:
# N min S s" (also in build/check/time.txt).
# The exit status is non-zero on any failure, and when the names of the
# results differ from tests/expected-results.txt: a result that stopped
# running fails the run, and so does a new one that is not listed
# (CONDIS_WRITE_EXPECTED=1 writes the list from the run instead).
#
# Documentation/condis/testing.rst says what runs where, and why:
#   1. build: the modules against the two test kernels (W=1; sparse over
#      every file in one of them), the userspace (Debug: what the guests run)
#   2. the guests: KUnit, the integration scenarios, the netlink fuzzer,
#      the race and kill-unload scenarios in two guests of the kasan
#      kernel side by side; then KUnit and the fault sweep in the lockdep
#      kernel, and beside it, in turn, the harness self-test's guests, two
#      guests joined by a virtio-net link (kasan kernel) and
#   3. the host checks: -Werror builds against Debian's stock 6.1 and 6.12
#      headers, checkpatch, the Release userspace (make bench, make
#      install), the uapi header and syzkaller description against the
#      spec, the NDIS table, kernel-doc, Sphinx, packaging (make deb,
#      lintian, the packages installed with DKMS, modinfo, loaded in a
#      guest of Debian's kernel, purged; make install), the Wireshark
#      dissector on frames of every type
#   4. the userspace GoogleTest suites (ctest)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
vm=$top/tests/vm
out=$build/check
expected=$top/tests/expected-results.txt
t0=$(date +%s)
jobs=$(nproc)
src=$("$vm/build-kernel.sh" --print-src)
rm -rf "$out"
mkdir -p "$out"
all=$out/results.txt
: > "$all"

# every failed result with the lines printed under it, repeated at the end
failed=$out/failures.txt
: > "$failed"

# take COMMAND...: show what COMMAND prints, keeping its result lines (and
# a failed one's with the lines under it)
take() {
	local line under=0
	while IFS= read -r line; do
		printf '%s\n' "$line"
		case $line in
		"PASS "*|"SKIP "*|"== "*) under=0 ;;
		"FAIL "*) under=1 ;;
		esac
		case $line in "PASS "*|"FAIL "*|"SKIP "*) printf '%s\n' "$line" >> "$all" ;; esac
		[ $under = 0 ] || printf '%s\n' "$line" >> "$failed"
	done < <("$@" 2>&1)
}
res() {
	local also=/dev/null
	[ "$1" != FAIL ] || also=$failed
	printf '%-4s %s\n' "$1" "$2" | tee -a "$all" "$also"
}
step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - t0 ))"; }
# ok NAME LOG COMMAND...: PASS when COMMAND succeeds (its output in LOG,
# the end of it shown on a failure); returns COMMAND's status
ok() {
	local name=$1 log=$2
	shift 2
	if "$@" > "$log" 2>&1; then
		res PASS "$name"
	else
		res FAIL "$name"
		tail -25 "$log" | sed 's/^/    /' | tee -a "$failed"
		return 1
	fi
}

# ---- 1. build -----------------------------------------------------------------
step "build"
# the two test kernels: built once, then cached (tests/vm/build-kernel.sh)
for f in lockdep kasan; do
	"$vm/build-kernel.sh" --flavor $f > /dev/null ||
		{ echo "the $f test kernel does not build"; exit 1; }
done
klock=$("$vm/build-kernel.sh" --flavor lockdep --print-dir)
kkasan=$("$vm/build-kernel.sh" --flavor kasan --print-dir)
# whether KVM works here, found out while the modules build (a KVM guest
# that hangs takes the probe's 20 s)
"$vm/run.sh" --kernel "$kkasan/arch/x86/boot/bzImage" --probe > /dev/null 2>&1 &
# sparse over every file (C=2) in the same build: a warning fails it (read
# from a log of its own: grep refuses the file its output goes to)
modules_sparse() {
	local log="$out/modules-lockdep.build" rc=0
	make -s -C "$top" -j"$jobs" modules KDIR="$klock" MODS="$build/modules-lockdep" \
		KBUILD_FLAGS=C=2 > "$log" 2>&1 || rc=1
	cat "$log"
	[ $rc = 0 ] && ! grep -E 'warning:|error:' "$log"
}
ok "build: modules against the lockdep test kernel (W=1), sparse clean" \
	"$out/modules-lockdep.log" modules_sparse
ok "build: modules against the kasan test kernel (W=1)" "$out/modules-kasan.log" \
	make -s -C "$top" -j"$jobs" modules KDIR="$kkasan" MODS="$build/modules-kasan"
us_ok=0
ok "build: userspace (C++20, Debug, -Werror)" "$out/userspace-debug.log" \
	make -s -C "$top" userspace && us_ok=1
mlock=$build/modules-lockdep/ko mkasan=$build/modules-kasan/ko

# ---- 2. the guests -----------------------------------------------------------
# guest LABEL KERNEL MODULES [ENV...]: a test guest running guest-check.sh
# with ENV; its results in $out/LABEL, its verdict in $out/LABEL.verdict
guest() {
	local label=$1 kdir=$2 mods=$3 rc
	shift 3
	"$vm/run.sh" --kernel "$kdir/arch/x86/boot/bzImage" --modules "$mods" \
		--out "$out/$label" --timeout "${CONDIS_CHECK_TIMEOUT:-2400}" -- \
		env "$@" "$vm/guest-check.sh" > "$out/$label.run" 2>&1
	rc=$?
	"$vm/verdict.sh" "$out/$label" $rc "$label" > "$out/$label.verdict"
}
# judged LABEL...: the guests' verdicts and how long each scenario took
judged() {
	local g
	for g in "$@"; do
		grep -h -- '^-- .*: exit' "$out/$g/guest.log" 2>/dev/null | sed "s/^-- /# $g: /"
		take cat "$out/$g.verdict"
	done
}
scen() { local s r=; for s in "$@"; do r+="$top/tests/scenarios/$s.sh "; done; echo "$r"; }

step "guests: KUnit, the integration and reliability scenarios (kasan kernel, two side by side)"
# (netns_exit: 8 rounds here, make stress runs 20)
guest kasan "$kkasan" "$mkasan" CONDIS_NETNS_ROUNDS=8 \
	CONDIS_SCENARIOS="$(scen eth_netdevsim eth_multipoint ndis_samples fuzz_netlink netns_exit wire_dissector stress_race kill_unload netlink_loopback)" &
g1=$!
guest kasan2 "$kkasan" "$mkasan" CONDIS_SKIP_KUNIT=1 \
	CONDIS_SCENARIOS="$(scen eth_veth wire_hostile netlink_policy bench_module module_lifecycle pppoe_interop)" &
g2=$!
wait $g1 $g2
judged kasan kasan2

# the lockdep guest keeps about half the machine busy: beside it, one
# after the other, the harness self-test, the virtio-net pair and the host
# checks; and from the start the packaging checks (the longest host check,
# mostly DKMS builds), which would otherwise end the stage alone
step "guests: KUnit, the fault sweep and trace-cmd (lockdep kernel); beside it the harness self-test, two guests joined by virtio-net (kasan kernel), the host checks"
guest lockdep "$klock" "$mlock" CONDIS_SCENARIOS="$(scen fault_sweep trace_cmd)" &
g1=$!
"$top/tests/packaging.sh" > "$out/packaging.out" 2>&1 &
pk=$!
take "$vm/selftest.sh" "$kkasan" "$mkasan" "$klock" "$mlock" "$out/selftest"
take "$vm/virtio-pair.sh" "$kkasan/arch/x86/boot/bzImage" "$mkasan" "$out/virtio-pair"

# ---- 3. host checks ------------------------------------------------------------
for series in 6.1 6.12; do
	ok "host: modules build -Werror against Debian's $series headers" "$out/stock-$series.log" \
		make -s -C "$top" -j"$jobs" stock-$series
done
# checkpatch, once over the sources and once over the NDIS headers and the
# samples (NDIS's typedef names, by design)
checkpatch() {
	local ign=FILE_PATH_CHANGES,SPDX_LICENSE_TAG ndis=(-e /condis_ndis.h -e /net/ndis/ -e /ndis_samples/)
	"$src/scripts/checkpatch.pl" --no-tree -q --ignore "$ign" \
		-f $(find "$top/kernel" -name '*.[ch]' | grep -v "${ndis[@]}" | sort) &&
	"$src/scripts/checkpatch.pl" --no-tree -q --ignore "$ign,NEW_TYPEDEFS,MACRO_ARG_UNUSED" \
		-f $(find "$top/kernel" -name '*.[ch]' | grep "${ndis[@]}" | sort)
}
ok "host: checkpatch: kernel sources clean" "$out/checkpatch.log" checkpatch
# make bench and make install build the Release userspace: it must build too
ok "host: userspace (C++20, Release, -Werror: make bench, make install)" "$out/userspace-release.log" \
	make -s -C "$top" userspace-release
ok "host: uapi/linux/condis.h is what ynl-gen-c.py makes of the YAML spec" "$out/ynl-gen.log" \
	"$top/tests/ynl-gen.sh" --check
ok "host: layout: no file over 800 lines, no two using each other both ways, no catch-all header" \
	"$out/layout.log" python3 "$top/tests/layout.py" --check
ok "host: every condisctl command, keyword and option is in its help, condisctl(8) and the completion" \
	"$out/cli-words.log" python3 "$top/tests/cli-words.py"
ok "host: the syzkaller description is what tests/syz-gen.py makes of the spec" "$out/syz-gen.log" \
	python3 "$top/tests/syz-gen.py" --check
# the DDK reference is in the tree; the project's summary of the model, when
# beside it, is checked to name nothing the reference lacks
model=$top/../shared/reference/condis-model.md
ok "host: <net/condis_ndis.h> and the NDIS mapping table match the DDK reference" \
	"$out/ndis-mapping.log" python3 "$top/tests/ndis-mapping.py" "$top/tests/ndis/ddk-reference.txt" \
	"$top/Documentation/condis/ndis-mapping.rst" "$top/kernel/include/net/ndis" \
	$([ -f "$model" ] && echo "$model")
ok "host: kernel-doc complete for every source and exported symbol" "$out/kernel-doc.log" \
	"$top/tests/kernel-doc.sh" "$src"
nlrst() {
	python3 "$src/tools/net/ynl/ynl-gen-rst.py" -i "$top/Documentation/netlink/specs/condis.yaml" \
		-o "$out/condis.rst" && diff -u "$top/Documentation/netlink/condis.rst" "$out/condis.rst"
}
ok "host: Documentation/netlink/condis.rst is what ynl-gen-rst.py makes of the spec" \
	"$out/nlrst.log" nlrst
ok "host: the documentation builds with Sphinx, no warning" "$out/sphinx.log" \
	env CONDIS_KSRC="$src" /usr/bin/sphinx-build -q -W -b html "$top/Documentation" "$build/docs"
wait $pk
take cat "$out/packaging.out"
take python3 "$top/tests/wire/dissector.py"

wait $g1
judged lockdep

# ---- 4. userspace unit tests ---------------------------------------------------
if [ $us_ok = 1 ]; then
	step "userspace (GoogleTest)"
	ctest --test-dir "$build/userspace" --output-on-failure > "$out/ctest.log" 2>&1
	sed -n -E 's/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: ([^ ]+) \.+ *Passed.*/PASS ctest: \1/p;
		   s/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: ([^ ]+) \.+.*(Failed|\*\*\*).*/FAIL ctest: \1/p' \
		"$out/ctest.log" | tee -a "$all"
fi

# ---- the totals, and the list of results ---------------------------------------
# the failures again, each with what it printed, where a log's tail shows them
if [ -s "$failed" ]; then
	step "the failures again, with what they printed"
	cat "$failed"
fi
step "done"
names() { sed -E 's/^(PASS|FAIL|SKIP) +//' "$1" | sort; }
if [ "${CONDIS_WRITE_EXPECTED:-}" = 1 ]; then
	{
		sed -n '/^#/p' "$expected" 2>/dev/null
		names "$all"
	} > "$expected.new" && mv "$expected.new" "$expected"
	echo "wrote $expected"
fi
missing=$(comm -23 <(grep -v '^#' "$expected" | sort) <(names "$all"))
extra=$(comm -13 <(grep -v '^#' "$expected" | sort) <(names "$all"))
if [ -n "$missing" ]; then
	res FAIL "results: every result tests/expected-results.txt lists ran"
	sed 's/^/    missing: /' <<< "$missing"
else
	res PASS "results: every result tests/expected-results.txt lists ran"
fi
if [ -n "$extra" ]; then
	res FAIL "results: every result of the run is in tests/expected-results.txt"
	sed 's/^/    not listed: /' <<< "$extra"
else
	res PASS "results: every result of the run is in tests/expected-results.txt"
fi
pass=$(grep -c '^PASS' "$all") fail=$(grep -c '^FAIL' "$all") skip=$(grep -c '^SKIP' "$all")
line="$pass passed, $fail failed"
[ "$skip" -gt 0 ] && line+=", $skip skipped"
echo "$line"
secs=$(( $(date +%s) - t0 ))
printf 'make check: %d min %d s\n' $((secs / 60)) $((secs % 60)) | tee "$out/time.txt"
[ "$fail" = 0 ]
