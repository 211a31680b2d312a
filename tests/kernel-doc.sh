#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The in-kernel API's kernel-doc is complete: scripts/kernel-doc -Wall finds
# nothing to say about any source (every documented parameter, member and
# return value described), and every exported symbol has a kernel-doc
# comment, or is a function of the Windows DDK that the NDIS library
# implements (its page documents it: tests/ndis/ddk-reference.txt names it).
# Usage: kernel-doc.sh KERNEL_SOURCE_TREE
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
src=$1
cd "$top"
rc=0
out=$("$src/scripts/kernel-doc" -none -Wall $(find kernel -name '*.[ch]' | sort) 2>&1)
if [ -n "$out" ]; then
	echo "$out"
	rc=1
fi
for f in $(grep -l 'EXPORT_SYMBOL' $(find kernel -name '*.c')); do
	for sym in $(sed -n 's/^EXPORT_SYMBOL\(_GPL\)\?(\(.*\));/\2/p' "$f"); do
		grep -q "^ \* $sym - " "$f" kernel/include/net/*.h ||
			grep -Eq "^(function|support)\|$sym\|" tests/ndis/ddk-reference.txt ||
			{ echo "$f: $sym is exported without a kernel-doc comment"; rc=1; }
	done
done
exit $rc
