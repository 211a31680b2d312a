#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: every test condis has, each result on a line, and last
# "N passed, N failed" (", N skipped" when any). Exit status non-zero on
# any failure.
#
#   1. the modules build against the debug test kernel (W=1)
#   2. they also build with -Werror against Debian's stock 6.1 and 6.12
#      headers
#   3. kernel-doc complete; the documentation builds with Sphinx; the
#      netlink page is what ynl-gen-rst.py makes of the spec
#   4. packaging against Debian's 6.1 headers: make dkms-install, modinfo,
#      make dkms-remove, make install (tests/packaging.sh)
#   5. the harness self-test (failures must fail the run)
#   6. in the debug test kernel under QEMU: the KUnit suites, the
#      integration scenarios, a kmemleak scan and a scan of the kernel log
#      for WARN/BUG/KASAN/UBSAN/lockdep reports
#   7. two test guests joined by a virtio-net link: a call between them
#      and IP over it
#   8. the userspace GoogleTest suites (ctest); condisctl is built before the
#      guest runs, the scenarios use it
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
vm=$top/tests/vm
pass=0 fail=0 skip=0
t0=$(date +%s)

res() {	# res PASS|FAIL|SKIP NAME
	case $1 in
	PASS) pass=$((pass + 1)) ;;
	SKIP) skip=$((skip + 1)) ;;
	*) fail=$((fail + 1)) ;;
	esac
	printf '%-4s %s\n' "$1" "$2"
}
step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - t0 ))"; }
run_make() {	# run_make NAME TARGET...
	local name=$1 log
	shift
	log=$(make -s -C "$top" "$@" 2>&1)
	if [ $? = 0 ]; then
		res PASS "$name"
	else
		res FAIL "$name"
		echo "$log" | tail -25
	fi
}

step "build"
kdir=$("$vm/build-kernel.sh" --print-dir)
run_make "modules build against the debug test kernel (W=1)" modules
for series in 6.1 6.12; do
	run_make "compile check -Werror against Debian's $series headers" stock-$series
done

step "kernel style"
# the NDIS porting layer and its samples are NDIS's typedef names by design
cp_out=$(for f in $(find "$top/kernel" -name '*.[ch]' | sort); do
	ign=FILE_PATH_CHANGES,SPDX_LICENSE_TAG
	case $f in */condis_ndis.h|*/ndis_samples/*) ign+=,NEW_TYPEDEFS ;; esac
	"$("$vm/build-kernel.sh" --print-src)/scripts/checkpatch.pl" --no-tree -q \
		--ignore "$ign" -f "$f"
done 2>&1)
if grep -qE '^(WARNING|ERROR)' <<< "$cp_out"; then
	res FAIL "checkpatch: kernel sources clean"
	grep -E '^(WARNING|ERROR)' -A3 <<< "$cp_out" | head -30
else
	res PASS "checkpatch: kernel sources clean"
fi
run_make "sparse: kernel sources clean" sparse

step "userspace build"
us_ok=0
if cmake -S "$top/userspace" -B "$build/userspace" -DCMAKE_BUILD_TYPE=Debug > "$build/cmake.log" 2>&1 &&
   cmake --build "$build/userspace" -j"$(nproc)" >> "$build/cmake.log" 2>&1; then
	res PASS "userspace builds (C++20, -Werror)"
	us_ok=1
else
	res FAIL "userspace builds (C++20, -Werror)"
	tail -25 "$build/cmake.log"
fi

step "netlink spec"
if out=$("$top/tests/ynl-gen.sh" --check 2>&1); then
	res PASS "uapi/linux/condis.h is what ynl-gen-c.py makes of the YAML spec"
else
	res FAIL "uapi/linux/condis.h is what ynl-gen-c.py makes of the YAML spec"
	echo "$out" | tail -25
fi

if out=$(python3 "$top/tests/syz-gen.py" --check 2>&1); then
	res PASS "the syzkaller description is what tests/syz-gen.py makes of the spec"
else
	res FAIL "the syzkaller description is what tests/syz-gen.py makes of the spec"
	echo "$out" | tail -25
fi

step "documentation"
ref=$top/../shared/reference/condis-model.md
if [ -f "$ref" ]; then
	if out=$(python3 "$top/tests/ndis-mapping.py" "$ref" \
		 "$top/Documentation/condis/ndis-mapping.rst" \
		 "$top/kernel/include/net/condis.h" \
		 "$top/kernel/include/net/condis_ndis.h"); then
		res PASS "NDIS mapping table covers the reference and matches the headers"
	else
		res FAIL "NDIS mapping table covers the reference and matches the headers"
		echo "$out" | grep FAIL
	fi
else
	res SKIP "NDIS mapping table (no shared/reference beside the tree)"
fi

if out=$("$top/tests/kernel-doc.sh" "$("$vm/build-kernel.sh" --print-src)" 2>&1); then
	res PASS "kernel-doc: complete for every source and exported symbol"
else
	res FAIL "kernel-doc: complete for every source and exported symbol"
	echo "$out" | head -20
fi
nlrst=$(mktemp)
python3 "$("$vm/build-kernel.sh" --print-src)/tools/net/ynl/ynl-gen-rst.py" \
	-i "$top/Documentation/netlink/specs/condis.yaml" -o "$nlrst" 2>/dev/null
if cmp -s "$nlrst" "$top/Documentation/netlink/condis.rst"; then
	res PASS "Documentation/netlink/condis.rst is what ynl-gen-rst.py makes of the spec"
else
	res FAIL "Documentation/netlink/condis.rst is what ynl-gen-rst.py makes of the spec"
fi
rm -f "$nlrst"
if out=$(CONDIS_KSRC="$("$vm/build-kernel.sh" --print-src)" /usr/bin/sphinx-build -q -W -b html \
	 "$top/Documentation" "$build/docs" 2>&1); then
	res PASS "the documentation builds with Sphinx, no warning"
else
	res FAIL "the documentation builds with Sphinx, no warning"
	echo "$out" | head -20
fi

step "packaging (DKMS, make install, modinfo)"
while read -r verdict rest; do
	res "$verdict" "$rest"
done < <("$top/tests/packaging.sh" | grep -E '^(PASS|FAIL) ')

step "harness self-test"
while read -r verdict rest; do
	res "$verdict" "$rest"
done < <("$vm/selftest.sh" "$kdir/arch/x86/boot/bzImage" "$build" 2>/dev/null |
	 grep -E '^(PASS|FAIL) ')

step "debug test kernel: KUnit, scenarios, kmemleak, splats"
results=$build/check
rm -rf "$results"
"$vm/run.sh" --kernel "$kdir/arch/x86/boot/bzImage" --modules "$build/modules/ko" \
	--out "$results" --timeout "${CONDIS_CHECK_TIMEOUT:-4200}" -- "$vm/guest-check.sh" 2>&1 |
	grep -v '^run.sh: booting'
rc=${PIPESTATUS[0]}
# verdict.sh prints each result (KUnit per suite) and its totals last
while read -r line; do
	case $line in
	"verdict "*) read -r _ p f s <<< "$line"
		pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s)) ;;
	*) echo "$line" ;;
	esac
done < <("$vm/verdict.sh" "$results" "$rc")

step "two guests over virtio-net"
while read -r verdict rest; do
	res "$verdict" "$rest"
done < <("$vm/virtio-pair.sh" "$kdir/arch/x86/boot/bzImage" "$build" 2>/dev/null |
	 tee "$build/virtio-pair.txt" | grep -E '^(PASS|FAIL) ')

if [ $us_ok = 1 ]; then
	step "userspace (GoogleTest)"
	ctest --test-dir "$build/userspace" --output-on-failure > "$build/ctest.log" 2>&1
	p=$(grep -cE 'Test +#[0-9]+: .* Passed' "$build/ctest.log")
	f=$(grep -cE 'Test +#[0-9]+: .* (Failed|\*\*\*)' "$build/ctest.log")
	pass=$((pass + p)) fail=$((fail + f))
	echo "ctest: $p passed, $f failed"
	[ "$f" = 0 ] || grep -E 'Failed|\*\*\*' "$build/ctest.log"
fi

step "done"
line="$pass passed, $fail failed"
[ "$skip" -gt 0 ] && line+=", $skip skipped"
echo "$line"
[ "$fail" = 0 ]
