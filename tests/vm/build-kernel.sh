#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) a condis test kernel: Debian's linux-source-6.12 configured
# as allnoconfig + tests/vm/kernel.config, cached outside the work tree.
# Two flavours of it:
#   debug (default)  the whole fragment: KASAN, lockdep, kmemleak, ... (make check)
#   bench            the fragment up to its "--- debug" section (make bench)
#
# Cache layout ($CONDIS_CACHE, default ~/.cache/condis):
#   src-<ver>/            the unpacked source tree (shared by every build)
#   build-<ver>/          debug: O= output; kbuild rebuilds only what a config
#                         change touches, so a fragment edit is incremental
#   bench-<ver>/          the same for the bench flavour
#   */.condis-key         sha256 of fragment + source version it was built for
#   */modroot/            modules_install output (netdevsim, veth, ...)
#
# Prints the build directory on stdout when done; progress goes to stderr.
# Usage: build-kernel.sh [--flavor debug|bench] [--print-dir|--print-src]
#   --print-dir / --print-src: only print the build or source directory
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${CONDIS_CACHE:-$HOME/.cache/condis}
tarball=${CONDIS_KSRC_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
fragment=$here/kernel.config
jobs=${CONDIS_JOBS:-$(nproc)}
flavor=debug
if [ "${1:-}" = --flavor ]; then
	flavor=${2:-}
	shift 2 || true
fi
case $flavor in debug|bench) ;; *) echo "build-kernel: unknown flavour '$flavor'" >&2; exit 2 ;; esac

[ -f "$tarball" ] || { echo "build-kernel: $tarball missing (run: make deps)" >&2; exit 1; }
ver=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || stat -c %Y "$tarball")
ver=${ver%%-*}
src=$cache/src-$ver
if [ $flavor = debug ]; then
	out=$cache/build-$ver
	config=$(cat "$fragment")
else
	out=$cache/bench-$ver
	config=$(sed '/^# --- debug/,$d' "$fragment")
fi
key=$( (echo "$config"; echo "$ver") | sha256sum | cut -c1-16)

case "${1:-}" in
--print-dir) echo "$out"; exit 0 ;;
--print-src) echo "$src"; exit 0 ;;
esac

mkdir -p "$cache"
exec 9>"$out.lock"
flock 9

if [ -f "$out/.condis-key" ] && [ "$(cat "$out/.condis-key")" = "$key" ] &&
   [ -f "$out/arch/x86/boot/bzImage" ]; then
	echo "$out"
	exit 0
fi

(
	flock 8
	if [ ! -f "$src/Makefile" ]; then
		echo "build-kernel: unpacking $tarball into $src" >&2
		rm -rf "$src.tmp" && mkdir -p "$src.tmp"
		tar -C "$src.tmp" -xf "$tarball" --strip-components=1
		mv "$src.tmp" "$src"
	fi
) 8>"$cache/.unpack.lock"

mkdir -p "$out"
rm -f "$out/.condis-key"
echo "$config" > "$out/condis.config"
echo "build-kernel: configuring $flavor (allnoconfig + $(basename "$fragment"))" >&2
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

echo "build-kernel: compiling with -j$jobs (log: $out/build.log); cold: about 10 minutes on 2 cores" >&2
start=$(date +%s)
(
	make -C "$src" O="$out" ARCH=x86_64 -j"$jobs" bzImage modules
	make -C "$src" O="$out" ARCH=x86_64 INSTALL_MOD_PATH="$out/modroot" modules_install
) > "$out/build.log" 2>&1 &
pid=$!
while kill -0 $pid 2>/dev/null; do
	sleep 30
	n=$(grep -c '^  CC ' "$out/build.log" || true)
	echo "build-kernel: $n objects compiled, $(( ($(date +%s) - start) / 60 )) min" >&2
done
if ! wait $pid; then
	tail -30 "$out/build.log" >&2
	echo "build-kernel: FAILED (full log: $out/build.log)" >&2
	exit 1
fi
echo "build-kernel: done in $(( ($(date +%s) - start) / 60 )) min" >&2
echo "$key" > "$out/.condis-key"
echo "$out"
