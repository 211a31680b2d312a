#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make deb`: build the Debian packages condis-dkms (the module sources,
# built by DKMS where installed) and condis-tools (condisctl, its man page,
# completion, systemd units and the Wireshark dissector) with debhelper,
# from a copy of the tree with packaging/debian/ as its debian/, and check
# them with lintian. The .debs land in $BUILD/deb/.
#
#   deb.sh [--no-lintian]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
out=$build/deb
src=$out/condis-$version

rm -rf "$out"
mkdir -p "$src/tests"
cp -r "$top"/{dkms.conf,Kbuild,kernel,uapi,userspace,README.md} "$src/"
cp -r "$top"/tests/{fuzz,stress,wire} "$src/tests/"
cp -r "$top/packaging/debian" "$src/debian"
# ccache where make set it up (CMake reads the launchers from the environment)
if [ -n "${CCACHE_DIR:-}" ] && command -v ccache > /dev/null; then
	export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
(cd "$src" && dpkg-buildpackage -us -uc -b > "$out/build.log" 2>&1) ||
	{ tail -30 "$out/build.log" >&2; echo "deb: dpkg-buildpackage failed (log: $out/build.log)" >&2; exit 1; }
ls "$out"/*.deb
if [ "${1:-}" != --no-lintian ]; then
	# errors fail; warnings and the rest are shown
	lintian --fail-on error --tag-display-limit 0 "$out"/*.changes
fi
