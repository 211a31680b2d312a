#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) a condis test kernel: Debian's linux-source-6.12 configured
# as allnoconfig + sections of tests/vm/kernel.config, cached outside the
# work tree. A flavour is a set of the fragment's sections ("# --- NAME"):
#   kasan    KASAN, UBSAN, fault injection (make check: KUnit, the
#            integration and most reliability scenarios)
#   lockdep  lockdep, debugobjects, kmemleak, UBSAN, fault injection (make
#            check: KUnit, the fault sweep)
#   debug    every debug section, gcov too (make stress, make shell, KDIR's default)
#   bench    no debug section (make bench)
# Documentation/condis/testing.rst says which flavour runs what, and why.
#
# Cache layout ($CONDIS_CACHE, default ~/.cache/condis):
#   src-<ver>/            the unpacked source tree (shared by every build)
#   <flavour>-<ver>/      O= output of a flavour; kbuild rebuilds only what a
#                         config change touches, so a fragment edit is
#                         incremental
#   */.condis-key         sha256 of the options + source version it was built for
#   */modroot/            modules_install output (netdevsim, veth, ...)
#
# Prints the build directory on stdout when done; progress goes to stderr.
# Usage: build-kernel.sh [--flavor F] [--without SECTION,...] [--print-dir|--print-src|--source]
#   --without: the flavour less these sections (tests/vm/option-cost.sh
#              measures what each debug option costs this way)
#   --print-dir / --print-src: only print the build or source directory
#              (silently, even before make deps installed the source)
#   --source:  only unpack the source tree (once), print its directory
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${CONDIS_CACHE:-$HOME/.cache/condis}
tarball=${CONDIS_KSRC_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
fragment=$here/kernel.config
jobs=${CONDIS_JOBS:-$(nproc)}
flavor=debug without=
while [ $# -gt 0 ]; do
	case $1 in
	--flavor) flavor=${2:-}; shift 2 ;;
	--without) without=${2:-}; shift 2 ;;
	*) break ;;
	esac
done
case $flavor in
debug) sections="base hardware networking kunit debug kasan ubsan faults lockdep debugobjects kmemleak gcov" ;;
kasan) sections="base hardware networking kunit debug kasan ubsan faults" ;;
lockdep) sections="base hardware networking kunit debug ubsan faults lockdep debugobjects kmemleak" ;;
bench) sections="base hardware networking kunit" ;;
*) echo "build-kernel: unknown flavour '$flavor'" >&2; exit 2 ;;
esac
name=$flavor
for s in ${without//,/ }; do
	[[ " $sections " == *" $s "* ]] || { echo "build-kernel: $flavor has no section '$s'" >&2; exit 2; }
	sections=$(echo " $sections " | sed "s/ $s / /")
	name+=-no-$s
done

if [ -f "$tarball" ]; then
	ver=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || stat -c %Y "$tarball")
	ver=${ver%%-*}
else
	ver=none	# make deps has not run yet
fi
src=$cache/src-$ver
out=$cache/$name-$ver

case "${1:-}" in
--print-dir) echo "$out"; exit 0 ;;
--print-src) echo "$src"; exit 0 ;;
esac
[ -f "$tarball" ] || { echo "build-kernel: $tarball missing (run: make deps)" >&2; exit 1; }

# the source tree, unpacked once for every flavour
unpack() {
	mkdir -p "$cache"
	(
		flock 8
		if [ ! -f "$src/Makefile" ]; then
			echo "build-kernel: unpacking $tarball into $src" >&2
			rm -rf "$src.tmp" && mkdir -p "$src.tmp"
			tar -C "$src.tmp" -xf "$tarball" --strip-components=1
			mv "$src.tmp" "$src"
		fi
	) 8>"$cache/.unpack.lock"
}
if [ "${1:-}" = --source ]; then
	unpack
	echo "$src"
	exit 0
fi

# the fragment's lines of the flavour's sections
config=$(awk -v want=" $sections " '
	/^# --- / { split($3, w, ":"); on = index(want, " " w[1] " ") > 0 }
	on' "$fragment")
# keyed by the options alone: a comment edit rebuilds nothing
key=$( (grep -v -e '^#' -e '^$' <<< "$config"; echo "$ver") | sha256sum | cut -c1-16)

mkdir -p "$cache"
exec 9>"$out.lock"
flock 9

if [ -f "$out/.condis-key" ] && [ "$(cat "$out/.condis-key")" = "$key" ] &&
   [ -f "$out/arch/x86/boot/bzImage" ]; then
	echo "$out"
	exit 0
fi

unpack
mkdir -p "$out"
rm -f "$out/.condis-key"
echo "$config" > "$out/condis.config"
echo "build-kernel: configuring $name (allnoconfig + $(basename "$fragment"): $sections)" >&2
make -s -C "$src" O="$out" ARCH=x86_64 KCONFIG_ALLCONFIG="$out/condis.config" allnoconfig >&2

# Kconfig silently drops what it cannot satisfy: refuse to build without it.
missing=0
while IFS= read -r line; do
	case "$line" in CONFIG_*=*) ;; *) continue ;; esac
	if [ "${line#*=}" = n ]; then
		grep -qx "# ${line%%=*} is not set" "$out/.config" && continue
	fi
	grep -qxF "$line" "$out/.config" && continue
	echo "build-kernel: Kconfig dropped $line" >&2
	missing=1
done <<< "$config"
[ $missing = 0 ] || exit 1

echo "build-kernel: compiling $name with -j$jobs (log: $out/build.log); cold: 5 to 8 minutes on 2 cores" >&2
start=$(date +%s)
(
	while sleep 30; do
		n=$(grep -c '^  CC ' "$out/build.log" || true)
		echo "build-kernel: $n objects compiled, $(( ($(date +%s) - start) / 60 )) min" >&2
	done
) &
progress=$!
trap 'kill $progress 2>/dev/null' EXIT
# (not silent even under make -s: the progress counts the log's CC lines)
if ! { env -u MAKEFLAGS make -C "$src" O="$out" ARCH=x86_64 -j"$jobs" bzImage modules &&
       env -u MAKEFLAGS make -C "$src" O="$out" ARCH=x86_64 INSTALL_MOD_PATH="$out/modroot" \
		modules_install; } \
	> "$out/build.log" 2>&1; then
	tail -30 "$out/build.log" >&2
	echo "build-kernel: FAILED (full log: $out/build.log)" >&2
	exit 1
fi
echo "build-kernel: $name done in $(( $(date +%s) - start )) s" >&2
echo "$key" > "$out/.condis-key"
echo "$out"
