#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build an initramfs that lets a distro kernel boot the condis guest: it
# loads the modules a 9p root needs (distro kernels build them as modules),
# mounts the host's root read-only over virtio-9p and switches to the init
# named by init= on the kernel command line (tests/vm/init.sh).
#
#   initramfs.sh KERNEL_RELEASE OUTPUT.cpio.gz
set -euo pipefail
kver=$1
out=$2
mods=/lib/modules/$kver
[ -d "$mods" ] || { echo "initramfs: no modules for $kver in $mods" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work"/{bin,dev,proc,sys,newroot,lib/modules}
cp /bin/busybox "$work/bin/busybox"

# modules with their dependencies, in load order
order=()
add() {
	local m=$1 d
	for d in $(modinfo -k "$kver" -F depends "$m" | tr ',' ' '); do add "$d"; done
	case " ${order[*]} " in *" $m "*) ;; *) order+=("$m") ;; esac
}
for m in 9pnet_virtio 9p; do add "$m"; done
for m in "${order[@]}"; do
	f=$(modinfo -k "$kver" -F filename "$m")
	case $f in
	*.xz) xz -dc "$f" > "$work/lib/modules/$m.ko" ;;
	*.zst) zstd -qdc "$f" > "$work/lib/modules/$m.ko" ;;
	*) cp "$f" "$work/lib/modules/$m.ko" ;;
	esac
done

cat > "$work/init" <<INIT
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t devtmpfs dev /dev
for m in ${order[*]}; do /bin/busybox insmod /lib/modules/\$m.ko || echo "initramfs: insmod \$m failed"; done
/bin/busybox mount -t 9p -o ro,trans=virtio,version=9p2000.L,cache=loose /dev/root /newroot ||
	{ echo "initramfs: cannot mount the 9p root"; /bin/busybox reboot -f; }
init=/sbin/init
for a in \$(/bin/busybox cat /proc/cmdline); do
	case \$a in init=*) init=\${a#init=} ;; esac
done
/bin/busybox umount /dev /proc
exec /bin/busybox switch_root /newroot "\$init"
INIT
chmod +x "$work/init"
(cd "$work" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
