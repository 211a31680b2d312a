#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: condis on Debian's stock 6.12 kernel, as a user would load
# it. Builds the modules against the stock headers and condisctl, boots the
# stock kernel image under QEMU (no kernel build) and prints the guest's
# transcript: a call between two hosts over veth, and a PPPoE session with
# Debian's pppoe-server carrying pppd over condis.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${BUILD:-$top/build}
out=$build/demo

kernel=$(ls /boot/vmlinuz-6.12.*-amd64 2>/dev/null | sort -V | tail -1)
[ -n "$kernel" ] || { echo "demo: no Debian 6.12 kernel in /boot (make deps)" >&2; exit 1; }
kver=${kernel#/boot/vmlinuz-}
hdr=/usr/src/linux-headers-$kver
[ -d "$hdr" ] || { echo "demo: no headers for $kver (make deps)" >&2; exit 1; }

echo "demo: building condis.ko against $kver" >&2
mods=$build/stock-6.12
mkdir -p "$out"
make -s -C "$top" STOCK_KDIR="$hdr" stock-6.12 > /dev/null
echo "demo: building condisctl" >&2
cmake -S "$top/userspace" -B "$build/userspace" -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build "$build/userspace" -j"$(nproc)" --target condisctl condis-pppd > /dev/null
"$here/initramfs.sh" "$kver" "$out/initramfs.cpio.gz"

echo "demo: booting $kver under QEMU" >&2
rc=0
"$here/run.sh" --kernel "$kernel" --initrd "$out/initramfs.cpio.gz" \
	--modules "$mods/ko" --out "$out/run" --timeout 300 -- \
	"$here/demo-guest.sh" || rc=$?
cat "$out/run/guest.log"
exit $rc
