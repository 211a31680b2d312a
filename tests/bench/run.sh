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
# BENCH_ICOUNT (default 1: the guest's clock counts instructions, -icount
# below; 0: the host's clock, the PPP case then in a second guest that
# counts them), BENCH_ONLY (link: only calls and data over netdevsim;
# pppoe: only PPP over condis_pppoe against pppoe.ko; unplug: only the
# device deleted under many calls),
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
# what the guest runs: condis-bench, condisctl, pppd's plugin
targets=(condis-bench condisctl)
[ -f /usr/include/pppd/pppd.h ] && targets+=(condis-pppd)
cmake --build "$out/userspace" -j"$(nproc)" --target "${targets[@]}" >> "$out/cmake.log" 2>&1 ||
	{ tail -20 "$out/cmake.log"; exit 1; }

# run_guest DIR ONLY ICOUNT SCRIPT: boot the bench guest on SCRIPT with
# BENCH_ONLY=ONLY and BENCH_ICOUNT=ICOUNT, its results in DIR
run_guest() {
	local g=$1 icount=() rc=0 start
	rm -rf "$g"
	mkdir -p "$g"		# the settings go in with it
	printf 'BENCH_REPS=%s\nBENCH_SCALE=%s\nBENCH_PROFILE=%s\nBENCH_ONLY=%s\nBENCH_ICOUNT=%s\n' \
		"${BENCH_REPS:-7}" "${BENCH_SCALE:-1}" "$profile" "$2" "$3" > "$g/env"
	# ICOUNT=1: the guest's clock advances a nanosecond per instruction
	# executed (QEMU's -icount shift=0, idle time skipped), so that its
	# rates are per instruction, whatever the host's load; one host
	# thread runs both vCPUs by turns
	[ "$3" = 1 ] && icount=(--qemu -icount --qemu shift=0,sleep=off)
	start=$(date +%s)
	"$vm/run.sh" --kernel "$kdir/arch/x86/boot/bzImage" --modules "$out/modules/ko" \
		--out "$g" --mem "${BENCH_MEM:-6G}" --smp "$(nproc)" \
		--timeout "${BENCH_TIMEOUT:-5400}" "${icount[@]}" \
		-- "$top/tests/bench/$4" || rc=$?
	echo "bench: guest ran $(( $(date +%s) - start )) s" >&2
	if [ $rc != 0 ]; then
		tail -20 "$g/guest.log" >&2 || true
		echo "bench: the guest failed (log: $g/)" >&2
		exit 1
	fi
}

icount=${BENCH_ICOUNT:-1}
if [ -n "$profile" ]; then
	echo "bench: booting the bench guest to profile $profile" >&2
	run_guest "$out/profile-guest" "${BENCH_ONLY:-}" "$icount" guest-profile.sh
	cp "$out/profile-guest/profile.txt" "$out/profile-$profile.txt"
	cp "$out/profile-guest/profile-callers.txt" "$out/profile-$profile-callers.txt"
	cp "$out/profile-guest/profile-inclusive.txt" "$out/profile-$profile-inclusive.txt"
	cp "$out/profile-guest/profile-events.txt" "$out/profile-$profile-events.txt"
	cat "$out/profile-$profile.txt" "$out/profile-$profile-events.txt"
	exit 0
fi
# By the host's clock (BENCH_ICOUNT=0), the PPP case (section 6), two
# kernel data paths whose rates this host's load moves by threefold within
# a minute, runs alone in a second guest whose clock counts instructions
# (performance.rst, "Counting instructions") unless one case was asked for
only=${BENCH_ONLY:-}
ppp_apart=
[ -z "$only" ] && [ "$icount" != 1 ] && ppp_apart=1 only=-pppoe
echo "bench: booting the bench guest (${BENCH_SCALE:-1} scale, ${BENCH_REPS:-7} repetitions)" >&2
run_guest "$out/guest" "$only" "$icount" guest-bench.sh
cp "$out/guest/bench.raw" "$out/bench.raw"
if [ -n "$ppp_apart" ]; then
	echo "bench: booting the instruction-counted guest for PPP" >&2
	run_guest "$out/guest-ppp" pppoe 1 guest-bench.sh
	# its machine line under its own name: the table's header is the
	# first guest's
	sed 's/^machine /machine-ppp /' "$out/guest-ppp/bench.raw" >> "$out/bench.raw"
fi
python3 "$top/tests/bench/report.py" "$out/bench.raw" \
	--host "$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores" \
	--json "$out/results.json" --svg "$out/results.svg" | tee "$out/results.txt"
