#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: build (once, cached) the bench kernel - the test kernel's
# fragment without its debug section - and the modules and userspace
# against it (optimised), boot it under QEMU, run tests/bench/guest-bench.sh
# and print the table of tests/bench/report.py. Results: $BUILD/bench/
# (bench.raw from the guest, results.txt, results.json, results.svg).
#
#   run.sh --profile CASE   instead, profile one benchmark with perf in the
#                           guest (tests/bench/guest-profile.sh lists CASEs)
#
# Environment: BENCH_REPS (default 7), BENCH_SCALE (1 or small),
# BENCH_ICOUNT=1 (the guest's clock counts instructions: -icount, below),
# BENCH_ONLY (pppoe: only PPP over condis_pppoe against pppoe.ko; unplug:
# only the device deleted under many calls),
# BENCH_MEM (guest memory, default 6G), BUILD.
set -euo pipefail

profile=
if [ "${1:-}" = --profile ]; then
	profile=${2:?--profile needs a case}
fi

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top/build}
out=$build/bench
vm=$top/tests/vm

kdir=$("$vm/build-kernel.sh" --flavor bench)
mkdir -p "$out"
echo "bench: modules against $kdir" >&2
make -s -C "$top" modules KDIR="$kdir" MODS="$out/modules" > "$out/modules.log" 2>&1 ||
	{ tail -20 "$out/modules.log"; exit 1; }
echo "bench: userspace (Release)" >&2
cmake -S "$top/userspace" -B "$out/userspace" -DCMAKE_BUILD_TYPE=Release > "$out/cmake.log"
cmake --build "$out/userspace" -j"$(nproc)" >> "$out/cmake.log" 2>&1 ||
	{ tail -20 "$out/cmake.log"; exit 1; }

g=$out/${profile:+profile-}guest	# the guest's results share
rm -rf "$g"
mkdir -p "$g"		# the settings go in with it
printf 'BENCH_REPS=%s\nBENCH_SCALE=%s\nBENCH_PROFILE=%s\nBENCH_ONLY=%s\nBENCH_ICOUNT=%s\n' \
	"${BENCH_REPS:-7}" "${BENCH_SCALE:-1}" "$profile" "${BENCH_ONLY:-}" "${BENCH_ICOUNT:-0}" \
	> "$g/env"
start=$(date +%s)
guest=guest-bench.sh
if [ -n "$profile" ]; then
	guest=guest-profile.sh
	echo "bench: booting the bench guest to profile $profile" >&2
else
	echo "bench: booting the bench guest (${BENCH_SCALE:-1} scale, ${BENCH_REPS:-7} repetitions)" >&2
fi
# BENCH_ICOUNT=1: the guest's clock advances a nanosecond per instruction
# executed (QEMU's -icount shift=0, idle time skipped), so that its rates
# are per instruction, whatever the host's load; one host thread runs
# both vCPUs by turns
icount=()
[ "${BENCH_ICOUNT:-0}" = 1 ] && icount=(--qemu -icount --qemu shift=0,sleep=off)
rc=0
"$vm/run.sh" --kernel "$kdir/arch/x86/boot/bzImage" --modules "$out/modules/ko" \
	--out "$g" --mem "${BENCH_MEM:-6G}" --smp "$(nproc)" \
	--timeout "${BENCH_TIMEOUT:-5400}" "${icount[@]}" \
	-- "$top/tests/bench/$guest" || rc=$?
echo "bench: guest ran $(( $(date +%s) - start )) s" >&2
if [ $rc != 0 ]; then
	tail -20 "$g/guest.log" >&2 || true
	echo "bench: the guest failed (log: $g/)" >&2
	exit 1
fi
if [ -n "$profile" ]; then
	cp "$g/profile.txt" "$out/profile-$profile.txt"
	cp "$g/profile-callers.txt" "$out/profile-$profile-callers.txt"
	cat "$out/profile-$profile.txt"
	exit 0
fi
cp "$g/bench.raw" "$out/bench.raw"
python3 "$top/tests/bench/report.py" "$out/bench.raw" \
	--host "$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores" \
	--json "$out/results.json" --svg "$out/results.svg" | tee "$out/results.txt"
