#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Two test guests joined by a virtio-net link (a QEMU socket netdev: one
# guest listens on 127.0.0.1, the other connects; nothing leaves the host).
# In each, condis_eth binds an adapter to the virtio-net interface; guest A
# calls a SAP of guest B, both ends turn the call into an interface and A
# pings B over it (tests/vm/virtio-pair-guest.sh). Prints a result line per
# check of each guest ("PASS|FAIL virtio-pair: a: CHECK") and one for the
# whole.
#
#   virtio-pair.sh BZIMAGE MODULES OUT
set -u
here=$(cd "$(dirname "$0")" && pwd)
kernel=$1 mods=$2 out=$3
rm -rf "$out"
mkdir -p "$out"

# a free port on the loopback address
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

guest() {	# guest ROLE QEMU_NET MAC
	local role=$1 spec=$2 mac=$3
	"$here/run.sh" --kernel "$kernel" --modules "$mods" --out "$out/$role" \
		--timeout 600 --qemu -netdev --qemu "socket,id=n0,$spec=127.0.0.1:$port" \
		--qemu -device --qemu "virtio-net-pci,netdev=n0,mac=$mac" \
		-- "$here/virtio-pair-guest.sh" "$role" > "$out/$role.log" 2>&1
}

guest b listen 52:54:00:c0:d1:0b &
pb=$!
# the listener first: QEMU's connect does not retry
for _ in $(seq 1 100); do
	ss -ltn 2>/dev/null | grep -q "127.0.0.1:$port " && break
	sleep 0.1
done
guest a connect 52:54:00:c0:d1:0a &
pa=$!
wait $pa; ra=$?
wait $pb; rb=$?
for r in a b; do
	sed -n "s/^ok - /PASS virtio-pair: $r: /p; s/^not ok - /FAIL virtio-pair: $r: /p" \
		"$out/$r/guest.log" 2>/dev/null
done
if [ $ra = 0 ] && [ $rb = 0 ]; then
	echo "PASS virtio-pair: a call between two guests, and ping over its interface"
else
	echo "FAIL virtio-pair: a call between two guests, and ping over its interface"
	echo "    guest a exit $ra, guest b exit $rb ($out)"
	# what the failing guest's run said (a guest that died: its console)
	[ $ra = 0 ] || sed 's/^/    a: /' "$out/a.log" | tail -40
	[ $rb = 0 ] || sed 's/^/    b: /' "$out/b.log" | tail -40
fi
