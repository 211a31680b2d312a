#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Packaging, on the host, as a user installs condis: `make deb` builds
# condis-dkms and condis-tools and lintian reports no error; installing
# both builds the modules with DKMS for the Debian kernels whose headers
# are installed (6.1 and 6.12 here: the running kernel is not Debian's, so
# Debian's dkms builds for every one), modinfo shows their metadata, the
# tools are in place, a guest of the stock 6.12 kernel loads the packaged
# modules with modprobe and runs the packaged condisctl, and purging both
# takes everything away. Then `make install DESTDIR=...` puts modules,
# condisctl, its man page, completion, systemd units and Wireshark
# dissector where they belong. Prints PASS/FAIL lines. `make dkms-install`
# runs the same DKMS steps on this tree (dkms.conf) without a package.
# Needs root (dpkg and DKMS write /usr, /var/lib/dkms and /lib/modules).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
hdr=$(ls -d /usr/src/linux-headers-6.1.*-amd64 2>/dev/null | sort -V | tail -1)
kver=${KVER:-${hdr#/usr/src/linux-headers-}}
image=$(ls /boot/vmlinuz-6.12.*-amd64 2>/dev/null | sort -V | tail -1)
kver12=${image#/boot/vmlinuz-}
mods="condis condis_lo condis_sig condis_eth condis_ethcm condis_ndis condis_pppoe condis_ppp"
# what the packages build (dpkg-buildpackage's userspace, DKMS's modules
# for two kernels) goes through the project's compiler cache, as make's
# own builds do: the same sources every run
if [ -d /usr/lib/ccache ]; then
	export PATH=/usr/lib/ccache:$PATH
	export CCACHE_DIR=${CCACHE_DIR:-${CONDIS_CACHE:-$HOME/.cache/condis}/ccache}
fi
version=$(sed -n 's/^#define CONDIS_VERSION\t"\(.*\)"/\1/p' "$top/kernel/include/net/condis.h")
log=$build/packaging.log
: > "$log"

res() { printf '%-4s packaging: %s\n' "$1" "$2"; }
t() {	# t NAME CMD...: PASS when CMD succeeds
	local name=$1
	shift
	if "$@" >> "$log" 2>&1; then res PASS "$name"; else res FAIL "$name"; fi
}

if [ -z "$kver" ] || [ ! -d "/lib/modules/$kver/build" ] || [ -z "$image" ] ||
   [ ! -d "/lib/modules/$kver12/build" ]; then
	res FAIL "no Debian 6.1 kernel headers, or no Debian 6.12 kernel and headers (make deps)"
	exit 0
fi
echo "    packaging against $kver and $kver12, version $version"
t "dkms.conf's version is the modules'" \
	grep -qx "PACKAGE_VERSION=\"$version\"" "$top/dkms.conf"
purge() { dpkg --purge condis-tools condis-dkms; }
purge >> "$log" 2>&1
t "make deb builds condis-dkms and condis-tools; lintian reports no error" make -s -C "$top" deb
debs=("$build/deb/condis-dkms_${version}_all.deb" "$build/deb/condis-tools_${version}_amd64.deb")
t "installing both builds the modules with DKMS for Debian's 6.1 and 6.12 kernels" dpkg -i "${debs[@]}"
listed() {
	local k
	for k in "$kver" "$kver12"; do
		dkms status "condis/$version" -k "$k" | grep -q ': installed' || return 1
	done
}
t "dkms lists them installed" listed
meta() {	# every module: its file under updates/dkms, and its metadata
	local m f
	for m in $mods; do
		f=$(modinfo -k "$kver" -F filename "$m") || return 1
		[[ $f == */updates/dkms/$m.ko* ]] || { echo "$m: $f"; return 1; }
		for field in description author license; do
			[ -n "$(modinfo -k "$kver" -F $field "$m")" ] ||
				{ echo "$m: no $field"; return 1; }
		done
		[ "$(modinfo -k "$kver" -F version "$m")" = "$version" ] ||
			{ echo "$m: version"; return 1; }
		# every parameter described: "name:description (type)"
		! modinfo -k "$kver" -p "$m" | grep -vE '^[a-z_]+:[^ (].* \([a-z]+\)$' ||
			{ echo "$m: a parameter without a description"; return 1; }
	done
}
t "modinfo: each module's description, author, license, version, parameters" meta
tools() {
	[ "$(/usr/sbin/condisctl -V)" = "condisctl $version" ] &&
	man -w condisctl > /dev/null &&
	[ -f /usr/share/bash-completion/completions/condisctl ] &&
	[ -f /usr/lib/systemd/system/condis.service ] &&
	[ -f /usr/lib/systemd/system/condis-listen@.service ] &&
	[ -f /usr/lib/pppd/2.4.9/condis.so ] &&
	tshark -G folders 2>/dev/null |
		grep -q "Global Lua Plugins:.*$(dirname "$(dpkg -L condis-tools | grep /condis.lua)")"
}
t "condis-tools puts condisctl, its man page, completion, units, dissector (where Wireshark loads it) and pppd plugin in place" tools
"$top/tests/vm/initramfs.sh" "$kver12" "$build/deb/initramfs.cpio.gz" >> "$log" 2>&1
t "on Debian's 6.12 kernel modprobe loads the packaged condis_lo, and the packaged condisctl lists its adapter" \
	"$top/tests/vm/run.sh" --kernel "$image" --initrd "$build/deb/initramfs.cpio.gz" \
	--out "$build/deb/guest" --timeout 300 -- "$top/tests/vm/deb-guest.sh"
purged() {
	purge && ! modinfo -k "$kver" condis > /dev/null 2>&1 &&
	! modinfo -k "$kver12" condis > /dev/null 2>&1 && [ ! -e /usr/sbin/condisctl ] &&
	! dkms status condis 2>/dev/null | grep -q .
}
t "purging both takes the modules and the tools away" purged

dest=$build/install-root
rm -rf "$dest"
t "make install DESTDIR=... KVER=(Debian's 6.1)" make -s -C "$top" install DESTDIR="$dest" KVER="$kver"
installed() {
	local m
	local d=$dest/lib/modules/$kver/extra/condis
	for m in $mods; do
		[ -n "$(find "$d" -name "$m.ko")" ] || { echo "no $m.ko"; return 1; }
	done
	[ -z "$(find "$d" -name condis_bench.ko -o -name 'ndis_sample_*.ko' -o -name harness_bugs.ko)" ] &&
	[ -x "$dest/usr/local/sbin/condisctl" ] &&
	[ -f "$dest/usr/local/share/man/man8/condisctl.8" ] &&
	[ -f "$dest/usr/local/share/bash-completion/completions/condisctl" ] &&
	[ -f "$dest/usr/local/lib/wireshark/plugins/condis.lua" ] &&
	[ -f "$dest/usr/lib/pppd/2.4.9/condis.so" ]
}
t "it installed the modules (not the benchmark, the samples or the harness's bugs), condisctl, its man page, completion, Wireshark dissector and pppd plugin" installed
# the units: installed, naming the condisctl installed, and systemd reads them
units() {
	local u d=$dest/usr/local/lib/systemd/system
	for u in condis.service condis-listen@.service; do
		grep -q "^ExecStart=/usr/local/sbin/condisctl -b /etc/condis/" "$d/$u" ||
			{ echo "$u"; return 1; }
	done
	command -v systemd-analyze > /dev/null || return 0
	# verified as installed, their condisctl the one under DESTDIR
	local v=$build/units-verify
	rm -rf "$v" && mkdir -p "$v" &&
	sed "s|/usr/local/sbin/condisctl|$dest/usr/local/sbin/condisctl|" "$d/condis.service" > "$v/condis.service" &&
	sed "s|/usr/local/sbin/condisctl|$dest/usr/local/sbin/condisctl|" "$d/condis-listen@.service" \
		> "$v/condis-listen@.service" &&
	systemd-analyze verify --man=no "$v/condis.service" "$v/condis-listen@x.service"
}
t "the systemd units applying /etc/condis at boot installed, and they verify" units
rm -rf "$dest"
exit 0
