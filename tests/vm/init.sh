#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a condis test guest (see run.sh). Mounts what the tests need,
# tells them where the kernel's own modules are (CONDIS_KBUILD: veth,
# netdevsim, ...; lib.sh's kmod loads them), runs the command the host left in /mnt/cmd and records its exit
# status in /mnt/exit-status, then reboots (QEMU runs with -no-reboot, so
# that ends it).
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
ln -sfn /proc/self/fd /dev/fd	# process substitution
mkdir -p /dev/pts /dev/shm 2>/dev/null
mount -t devpts devpts /dev/pts 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
mount -t tmpfs tmpfs /run
# scratch: the root is read-only, and the tree may live under the host's /tmp
mkdir -p /run/tmp
export TMPDIR=/run/tmp
mkdir -p /run/netns
mount -t 9p -o trans=virtio,version=9p2000.L,cache=none results /mnt
export CONDIS_RESULTS=/mnt
uname -r > /mnt/uname.txt	# the report names the kernel (the console has no banner)
export CONDIS_GUEST=1
hostname condis-guest
ip link set lo up 2>/dev/null

for arg in $(cat /proc/cmdline); do
	case "$arg" in
	condis.modules=*) CONDIS_MODDIR=${arg#condis.modules=} ;;
	condis.ksrc=*) export CONDIS_KSRC=${arg#condis.ksrc=} ;;
	condis.kbuild=*) export CONDIS_KBUILD=${arg#condis.kbuild=} ;;
	condis.interactive=1) interactive=1 ;;
	esac
done
[ "${CONDIS_MODDIR:-none}" != none ] && export CONDIS_MODDIR

finish() {
	sync
	/bin/busybox reboot -f
}

if [ "${interactive:-0}" = 1 ]; then
	echo "condis guest: modules from ${CONDIS_MODDIR:-none}; exit the shell to power off"
	setsid bash -c 'exec bash --norc --noprofile -i </dev/ttyS0 >/dev/ttyS0 2>&1'
	finish
fi

eval "set -- $(cat /mnt/cmd)"
"$@" 2>&1 | tee /mnt/guest.log > /dev/ttyS0
echo "${PIPESTATUS[0]}" > /mnt/exit-status
finish
