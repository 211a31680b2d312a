#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages as a user installs them (root, on the host): `make
# deb` builds condis-dkms and condis-tools and lintian reports no error;
# installing both builds the modules with DKMS for Debian's 6.12 kernel
# (and any other kernel whose headers are installed) and puts the tools in
# place; a guest of that stock kernel loads the packaged modules with
# modprobe and runs the packaged condisctl; purging both takes everything
# away. Prints PASS/FAIL lines.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
log=$build/deb-install.log
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
kernel=$(ls /boot/vmlinuz-6.12.*-amd64 2>/dev/null | sort -V | tail -1)
kver=${kernel#/boot/vmlinuz-}
: > "$log"

res() { printf '%-4s packaging: %s\n' "$1" "$2"; }
t() {	# t NAME CMD...: PASS when CMD succeeds
	local name=$1
	shift
	if "$@" >> "$log" 2>&1; then res PASS "$name"; else res FAIL "$name"; return 1; fi
}
purge() { dpkg --purge condis-tools condis-dkms; }

if [ -z "$kernel" ] || [ ! -d "/lib/modules/$kver/build" ]; then
	res FAIL "no Debian 6.12 kernel and headers (make deps)"
	exit 0
fi
purge >> "$log" 2>&1
t "make deb builds condis-dkms and condis-tools; lintian reports no error" \
	make -s -C "$top" deb || exit 0
debs=("$build"/deb/condis-dkms_"$version"_all.deb "$build"/deb/condis-tools_"$version"_amd64.deb)
install() {
	dpkg -i "${debs[@]}" && dkms status "condis/$version" -k "$kver" | grep -q ': installed' &&
	modinfo -k "$kver" -F filename condis_lo | grep -q /updates/dkms/
}
t "installing both builds the modules with DKMS for Debian's 6.12 kernel" install
tools() {
	[ "$(/usr/sbin/condisctl -V)" = "condisctl $version" ] &&
	man -w condisctl > /dev/null &&
	[ -f /usr/share/bash-completion/completions/condisctl ] &&
	[ -f /usr/lib/systemd/system/condis.service ] &&
	[ -f /usr/lib/systemd/system/condis-listen@.service ] &&
	tshark -G folders 2>/dev/null | grep -q "Global Lua Plugins:.*$(dirname "$(dpkg -L condis-tools | grep /condis.lua)")"
}
t "condis-tools puts condisctl, its man page, completion, units and dissector (where Wireshark loads it) in place" tools
"$top/tests/vm/initramfs.sh" "$kver" "$build/deb/initramfs.cpio.gz" >> "$log" 2>&1
t "on Debian's 6.12 kernel modprobe loads the packaged condis_lo, and the packaged condisctl lists its adapter" \
	"$top/tests/vm/run.sh" --kernel "$kernel" --initrd "$build/deb/initramfs.cpio.gz" \
	--out "$build/deb/guest" --timeout 300 -- "$top/tests/vm/deb-guest.sh"
gone() { ! modinfo -k "$kver" condis_lo > /dev/null 2>&1 && [ ! -e /usr/sbin/condisctl ] &&
	 ! dkms status condis 2>/dev/null | grep -q .; }
purged() { purge && gone; }
t "purging both takes the modules and the tools away" purged
exit 0
