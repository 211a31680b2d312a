#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What each debug option of the test kernel costs the tests: builds (once,
# cached) the debug flavour with one section switched off at a time, and
# the bench flavour (none of them), boots each under QEMU and runs
# tests/vm/option-cost-guest.sh there; prints a table of the times, each
# also as a ratio to the whole debug flavour's. Takes about 10 minutes a
# kernel when none is cached. The table in Documentation/condis/testing.rst
# ("Where the time goes") comes from this.
#
#   option-cost.sh [VARIANT...]
#     VARIANT: FLAVOUR[-no-SECTION...] (a flavour of build-kernel.sh less
#     sections of tests/vm/kernel.config: kasan, ubsan, faults, lockdep,
#     debugobjects, kmemleak), e.g. debug-no-kasan, lockdep-no-kmemleak;
#     default: debug, each of those but faults off alone, bench
#
# Environment: BUILD; COST_SCENARIOS (default: netlink_loopback eth_veth).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${BUILD:-$top/build}
out=$build/option-cost
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(debug debug-no-kasan debug-no-ubsan debug-no-lockdep
	debug-no-debugobjects debug-no-kmemleak bench)

make -s -C "$top" userspace > /dev/null
mkdir -p "$out"
for v in "${variants[@]}"; do
	# FLAVOUR[-no-SECTION...]: the flavour less those sections
	args=(--flavor "${v%%-no-*}")
	if [[ $v == *-no-* ]]; then
		rest=${v#*-no-}
		args+=(--without "${rest//-no-/,}")
	fi
	echo "option-cost: $v" >&2
	kdir=$("$here/build-kernel.sh" "${args[@]}")
	make -s -C "$top" modules KDIR="$kdir" MODS="$out/$v/modules" > "$out/$v.build.log" 2>&1 ||
		{ tail -20 "$out/$v.build.log" >&2; exit 1; }
	rm -rf "$out/$v/guest"
	t=$(date +%s)
	"$here/run.sh" --kernel "$kdir/arch/x86/boot/bzImage" --modules "$out/$v/modules/ko" \
		--out "$out/$v/guest" --timeout 3600 -- \
		env CONDISCTL="$build/userspace/condisctl" \
		CONDIS_COST_SCENARIOS="${COST_SCENARIOS:-netlink_loopback eth_veth}" \
		"$here/option-cost-guest.sh" || echo "option-cost: $v: the guest failed" >&2
	echo "cost guest $(( $(date +%s) - t ))" >> "$out/$v/guest/cost.txt"
done

# the table: a row per measure, a column per variant (seconds, and the
# ratio to the debug flavour's where it was run)
python3 - "$out" "${variants[@]}" <<'EOF'
import sys
out, variants = sys.argv[1], sys.argv[2:]
cols = {}
for v in variants:
    cols[v] = {}
    try:
        for line in open(f"{out}/{v}/guest/cost.txt"):
            w = line.split()
            if len(w) == 3 and w[0] == "cost":
                cols[v][w[1]] = float(w[2])
    except OSError:
        pass
rows = []
for v in variants:
    rows += [k for k in cols[v] if k not in rows]
base = cols.get("debug", {})
print("%-18s" % "seconds" + "".join("%22s" % v for v in variants))
for r in rows:
    cells = []
    for v in variants:
        x = cols[v].get(r)
        if x is None:
            cells.append("%22s" % "-")
        elif base.get(r):
            cells.append("%14.2f (%4.2fx)" % (x, x / base[r]))
        else:
            cells.append("%22.2f" % x)
    print("%-18s" % r + "".join(cells))
EOF
