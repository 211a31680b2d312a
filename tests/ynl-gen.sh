#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Generate uapi/linux/condis.h from Documentation/netlink/specs/condis.yaml
# with the kernel's own ynl-gen-c.py (Debian's linux-source-6.12).
#
#   ynl-gen.sh           regenerate the header in place
#   ynl-gen.sh --check   exit 1 (with a diff) if regenerating would change it
#
# ynl-gen-c.py wants the spec inside a kernel tree (it walks up to
# MAINTAINERS and reads the schema beside specs/), so it runs on a copy laid
# out that way in a temporary directory.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$("$top/tests/vm/build-kernel.sh" --print-src)
spec=Documentation/netlink/specs/condis.yaml
out=$top/uapi/linux/condis.h

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/Documentation/netlink/specs"
touch "$tmp/MAINTAINERS"
cp "$src/Documentation/netlink/genetlink.yaml" "$tmp/Documentation/netlink/"
cp "$top/$spec" "$tmp/$spec"
python3 "$src/tools/net/ynl/ynl-gen-c.py" --mode uapi --header \
	--spec "$tmp/$spec" -o "$tmp/condis.h"

if [ "${1:-}" = --check ]; then
	if ! diff -u "$out" "$tmp/condis.h"; then
		echo "uapi/linux/condis.h is not what $spec generates: run tests/ynl-gen.sh"
		exit 1
	fi
	exit 0
fi
cp "$tmp/condis.h" "$out"
