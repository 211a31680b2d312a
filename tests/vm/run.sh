#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot a kernel under QEMU with the host's root filesystem shared read-only
# over virtio-9p (as virtme-ng does) and a writable results directory, run
# one command in the guest, and turn the guest's verdict into our exit code.
#
#   run.sh --kernel BZIMAGE --out DIR [--modules MODDIR] [--timeout SEC]
#          [--smp N] [--mem SIZE] [--initrd FILE] [--interactive]
#          [--qemu ARG]... [--append ARG]... -- CMD...
#   run.sh --kernel BZIMAGE --probe    only print the acceleration (kvm|tcg)
#
# In the guest, tests/vm/init.sh mounts the basics and the results share at
# /mnt, runs CMD with CONDIS_RESULTS=/mnt, and writes CMD's exit status to
# /mnt/exit-status. No exit-status file (the guest died, panicked or hung)
# fails the run; so does a guest still running after --timeout seconds,
# which is killed. The console log is DIR/console.log.
#
# Acceleration: KVM only if a probe boot succeeds on this host (on these
# machines /dev/kvm exists but a KVM guest hangs); the verdict is cached per
# host boot in $CONDIS_CACHE/kvm-probe (make check probes while it builds:
# --probe). CONDIS_ACCEL=tcg|kvm forces one.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${CONDIS_CACHE:-$HOME/.cache/condis}
kernel= out= modules= initrd= timeout=600 smp=2 mem=2G interactive=0 extra=() cmdline=()
probe_only=0
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernel=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--modules) modules=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--interactive) interactive=1; shift ;;
	--probe) probe_only=1; shift ;;
	--qemu) extra+=("$2"); shift 2 ;;
	--append) cmdline+=("$2"); shift 2 ;;
	--) shift; break ;;
	*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ -n "$kernel" ] && { [ -n "$out" ] || [ $probe_only = 1 ]; } ||
	{ echo "run.sh: --kernel and --out are required" >&2; exit 2; }
[ -f "$kernel" ] || { echo "run.sh: no kernel at $kernel" >&2; exit 2; }

# Probe KVM once per host boot: a guest that reaches init within 20 s (a
# KVM guest that works does in 2; one that hangs here never does). Guests
# started together wait for one probe.
pick_accel() {
	if [ -n "${CONDIS_ACCEL:-}" ]; then echo "$CONDIS_ACCEL"; return; fi
	[ -w /dev/kvm ] || { echo tcg; return; }
	local boot probe=$cache/kvm-probe verdict
	boot=$(cat /proc/sys/kernel/random/boot_id)
	mkdir -p "$cache"
	exec 7>"$probe.lock"
	flock 7
	if [ -f "$probe" ] && [ "$(head -1 "$probe")" = "$boot" ]; then
		tail -1 "$probe"; return
	fi
	verdict=tcg
	if timeout 20 qemu-system-x86_64 -accel kvm -m 256M -nographic -no-reboot \
		-kernel "$kernel" -append "console=ttyS0 panic=-1 init=/nonexistent" \
		</dev/null 2>&1 | grep -q 'Run /nonexistent\|Kernel panic'; then
		verdict=kvm
	fi
	printf '%s\n%s\n' "$boot" "$verdict" > "$probe"
	echo "$verdict"
}

accel=$(pick_accel)
[ $probe_only = 0 ] || { echo "$accel"; exit 0; }
mkdir -p "$out"
rm -f "$out/exit-status"
printf '%q ' "$@" > "$out/cmd"

append="console=ttyS0 root=/dev/root rootfstype=9p rootflags=trans=virtio,version=9p2000.L,cache=loose ro"
append+=" init=$here/init.sh panic=-1 panic_on_warn=1 oops=panic softlockup_panic=1"
# ACPI for the CPUs (MADT), legacy PCI interrupt routing: evaluating _PRT
# in AML takes too long under TCG with KASAN
append+=" pci=noacpi"
# no check of the timer interrupt at boot: under TCG on a loaded host (make
# check boots several guests at once) it can miss its ticks and panic
# ("IO-APIC + timer doesn't work!"); QEMU's timer works
append+=" no_timer_check"
append+=" kmemleak=on kunit.enable=1 loglevel=5 condis.modules=${modules:-none}"
# the kernel source tree (its tools: kunit.py, ynl) for the guest's tests
append+=" condis.ksrc=$("$here/build-kernel.sh" --print-src)"
# the kernel's own modules (veth, netdevsim, sch_netem, ...): its build tree
case $kernel in */arch/x86/boot/bzImage) append+=" condis.kbuild=${kernel%/arch/x86/boot/bzImage}" ;; esac
[ $interactive = 1 ] && append+=" condis.interactive=1"
[ ${#cmdline[@]} = 0 ] || append+=" ${cmdline[*]}"

qemu=(qemu-system-x86_64 -accel "$accel" -m "$mem" -smp "$smp" -nographic -no-reboot -nic none
      -kernel "$kernel" -append "$append"
      -fsdev local,id=root,path=/,readonly=on,security_model=none,multidevs=remap
      -device virtio-9p-pci,fsdev=root,mount_tag=/dev/root
      -fsdev "local,id=results,path=$out,security_model=none"
      -device virtio-9p-pci,fsdev=results,mount_tag=results)
[ -n "$initrd" ] && qemu+=(-initrd "$initrd")
qemu+=("${extra[@]}")
[ "$accel" = kvm ] && qemu+=(-cpu host)

echo "run.sh: booting $(basename "$kernel") with $accel, $smp vCPUs, timeout ${timeout}s" >&2
if [ $interactive = 1 ]; then
	"${qemu[@]}"
	exit 0
fi

set +e
timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null > "$out/console.log" 2>&1
qrc=$?
set -e
if [ $qrc = 124 ] || [ $qrc = 137 ]; then
	echo "run.sh: guest still running after ${timeout}s: killed (console: $out/console.log)" >&2
	tail -20 "$out/console.log" >&2
	exit 124
fi
if [ ! -f "$out/exit-status" ]; then
	echo "run.sh: the guest died without a verdict, qemu exit $qrc (console: $out/console.log)" >&2
	tail -40 "$out/console.log" >&2
	exit 125
fi
exit "$(cat "$out/exit-status")"
