#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Generate from Documentation/netlink/specs/condis.yaml, with the kernel's
# own ynl-gen-c.py (Debian's linux-source-6.12, through tests/ynl-gen-c.py):
#   uapi/linux/condis.h                          the uapi header
#   kernel/condis/netlink/netlink-gen.{c,h}      the policies and ops table
#
#   ynl-gen.sh           regenerate them in place
#   ynl-gen.sh --check   exit 1 (with a diff) if regenerating would change one
#
# ynl-gen-c.py wants the spec inside a kernel tree (it walks up to
# MAINTAINERS and reads the schema beside specs/), so it runs on a copy laid
# out that way in a temporary directory.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$("$top/tests/vm/build-kernel.sh" --print-src)
spec=Documentation/netlink/specs/condis.yaml
nl=kernel/condis/netlink

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/Documentation/netlink/specs"
touch "$tmp/MAINTAINERS"
cp "$src"/Documentation/netlink/genetlink*.yaml "$tmp/Documentation/netlink/"
cp "$top/$spec" "$tmp/$spec"
gen() {
	(cd "$tmp" && python3 "$top/tests/ynl-gen-c.py" "$src/tools/net/ynl/ynl-gen-c.py" \
		--spec "$spec" "$@")
}
gen --mode uapi --header -o "$tmp/condis.h"
gen --mode kernel --source -o "$tmp/netlink-gen.c"
gen --mode kernel --header -o "$tmp/netlink-gen.h"

status=0
for f in uapi/linux/condis.h:condis.h $nl/netlink-gen.c:netlink-gen.c \
	 $nl/netlink-gen.h:netlink-gen.h; do
	out=${f%%:*}
	new=$tmp/${f#*:}
	if [ "${1:-}" = --check ]; then
		if ! diff -u "$top/$out" "$new"; then
			echo "$out is not what $spec generates: run tests/ynl-gen.sh"
			status=1
		fi
	else
		cp "$new" "$top/$out"
	fi
done
exit $status
