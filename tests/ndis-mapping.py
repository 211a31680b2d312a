#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The NDIS mapping table must cover the reference and match the header.

usage: ndis-mapping.py REFERENCE.md MAPPING.rst HEADER.h

Fails when a CoNDIS function or handler named in the reference is not in the
table, or when a condis function or handler the table names is not in the
header. Prints "N passed, N failed" for the two checks' items.
"""
import re
import sys

ref, rst, hdr = (open(p).read() for p in sys.argv[1:4])
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
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
