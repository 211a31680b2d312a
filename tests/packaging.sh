#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Packaging, on the host, against a distro kernel's headers (KVER, default
# the newest Debian 6.1 headers installed): `make dkms-install` builds and
# installs the modules through DKMS, modinfo shows their metadata, `make
# dkms-remove` takes them away; `make install DESTDIR=...` puts modules,
# condisctl, its man page, completion, systemd units and Wireshark
# dissector where they belong. Prints PASS/FAIL lines.
# Needs root (DKMS writes /usr/src, /var/lib/dkms and /lib/modules).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
hdr=$(ls -d /usr/src/linux-headers-6.1.*-amd64 2>/dev/null | sort -V | tail -1)
kver=${KVER:-${hdr#/usr/src/linux-headers-}}
mods="condis condis_lo condis_sig condis_eth condis_ethcm condis_ndis"
version=$(sed -n 's/^#define CONDIS_VERSION\t"\(.*\)"/\1/p' "$top/kernel/include/net/condis.h")
log=$build/packaging.log
: > "$log"

res() { printf '%-4s packaging: %s\n' "$1" "$2"; }
t() {	# t NAME CMD...: PASS when CMD succeeds
	local name=$1
	shift
	if "$@" >> "$log" 2>&1; then res PASS "$name"; else res FAIL "$name"; fi
}

if [ -z "$kver" ] || [ ! -d "/lib/modules/$kver/build" ]; then
	res FAIL "no Debian 6.1 kernel headers (make deps)"
	exit 0
fi
echo "    packaging against $kver, version $version"
t "dkms.conf's version is the modules'" \
	grep -qx "PACKAGE_VERSION=\"$version\"" "$top/dkms.conf"
t "make dkms-install builds and installs the modules for Debian's 6.1 headers" \
	make -s -C "$top" dkms-install KVER="$kver"
t "dkms lists them installed" \
	bash -c "dkms status condis/$version -k $kver | grep -q ': installed'"
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
t "make dkms-remove takes them away" \
	bash -c "make -s -C '$top' dkms-remove > /dev/null && ! modinfo -k '$kver' condis > /dev/null 2>&1"

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
	[ -f "$dest/usr/local/lib/wireshark/plugins/condis.lua" ]
}
t "it installed the modules (not the benchmark, the samples or the harness's bugs), condisctl, its man page, completion and Wireshark dissector" installed
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
