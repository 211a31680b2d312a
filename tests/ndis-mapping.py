#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The NDIS mapping table must cover the reference and match the headers.

usage: ndis-mapping.py REFERENCE.md MAPPING.rst HEADER.h [PORTING.h]

Fails when a CoNDIS function or handler named in the reference is not in the
table, when a condis function or handler the table names is not in the
header, or (with PORTING.h, <net/condis_ndis.h>) when an NDIS function of
the reference is not defined there or an NDIS handler has no member in its
characteristics (ProtocolClMakeCallComplete: ClMakeCallCompleteHandler;
ProtocolClOpenAfCompleteEx: ClOpenAfCompleteHandlerEx; a ProtocolCo*
handler of both protocols: its Cl* and Cm* members). Prints "N passed, N
failed" for the checks' items.
"""
import re
import sys

ref, rst, hdr = (open(p).read() for p in sys.argv[1:4])
porting = open(sys.argv[4]).read() if len(sys.argv) > 4 else None
names = set(re.findall(r"`((?:Ndis|Protocol|Miniport)[A-Za-z]+)`", ref))
table = {}
for line in rst.splitlines():
    m = re.match(r"^((?:Ndis|Protocol|Miniport)[A-Za-z]+)\s+(\S.*?)(?:\s{2,}.*)?$", line)
    if m:
        table[m.group(1)] = m.group(2)

failed = passed = 0
for n in sorted(names):
    if n in table:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {n} (in the reference) has no row")
for n, targets in sorted(table.items()):
    for t in (x.strip() for x in targets.split(",")):
        if t.endswith("()"):
            ok = re.search(r"\b%s\b" % re.escape(t[:-2]), hdr) is not None
        else:
            ops, field = t.split(".")
            body = re.search(r"struct %s \{(.*?)\n\};" % ops, hdr, re.S)
            ok = body is not None and re.search(r"\(\*%s\)\(" % field, body.group(1)) is not None
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {n}: {t} is not in the header")

def members(name):
    """The characteristics members an NDIS handler maps to: its own (Co*,
    Cl*, Cm*), or for a ProtocolCo* handler each protocol has apart, the
    client's and the call manager's."""
    base = re.sub(r"^(Protocol|Miniport)", "", name)
    suffix = "Handler"
    if base.endswith("Ex"):
        base, suffix = base[:-2], "HandlerEx"
    own = [base + suffix]
    if name.startswith("ProtocolCo") and re.search(r"\*%s;" % own[0], porting) is None:
        return ["Cl" + base[2:] + suffix, "Cm" + base[2:] + suffix]
    return own


if porting is not None:
    for n in sorted(names):
        if n.startswith("Ndis"):
            ok = re.search(r"(static inline [A-Z_]+\s*\n?\s*%s\(|#define %s\b)" %
                           (n, n), porting) is not None
            what = "not defined in the porting header"
        else:
            missing = [m for m in members(n)
                       if re.search(r"\*%s;" % m, porting) is None]
            ok = not missing
            what = "no characteristics member " + ", ".join(missing)
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {n}: {what}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
