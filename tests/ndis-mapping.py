#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""<net/condis_ndis.h> and the NDIS mapping table against the DDK reference.

usage: ndis-mapping.py REFERENCE MAPPING.rst HEADER_DIR [MODEL.md]

REFERENCE is tests/ndis/ddk-reference.txt (the DDK pages' CoNDIS functions,
handlers, OIDs and statuses), HEADER_DIR kernel/include/net/ndis (the
headers <net/condis_ndis.h> includes). Fails when:
  - a function of the reference (a CoNDIS function or a support routine)
    is not declared in the headers with the same return type and the same
    parameters (types and names, in order),
    or an NdisMCm* twin is not a macro of its NdisCm* twin;
  - a handler's function type is not declared with the reference's
    prototype, or a characteristics structure lacks its member;
  - an OID or status is not defined with the reference's value;
  - a function, handler, OID or status has no row in MAPPING.rst;
  - (with MODEL.md, the project's summary of the model) a CoNDIS name the
    model names is not in the reference.
Prints a FAIL line for each and "N passed, N failed".
"""
import glob
import os
import re
import sys


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def params(text):
    text = norm(text)
    return [] if text in ("", "VOID", "void") else [norm(p) for p in text.split(",")]


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


ref_path, rst_path, hdr_dir = sys.argv[1:4]
model = open(sys.argv[4]).read() if len(sys.argv) > 4 else None
rst = open(rst_path).read()
hdr = "\n".join(strip_comments(open(p).read())
                for p in sorted(glob.glob(os.path.join(hdr_dir, "*.h"))))
hdr_joined = re.sub(r"\\\n", " ", hdr)	# macros on one line

functions, support, macros, handlers, oids, statuses = {}, {}, {}, {}, {}, {}
for line in open(ref_path):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    f = line.split("|")
    if f[0] == "function":
        functions[f[1]] = (f[2], params(f[3]))
    elif f[0] == "support":
        support[f[1]] = (f[2], params(f[3]))
    elif f[0] == "macro":
        macros[f[1]] = f[2]
    elif f[0] == "handler":
        handlers[f[1]] = (f[2], f[3], params(f[4]), f[5].split())
    elif f[0] == "oid":
        oids[f[1]] = int(f[2], 16)
    elif f[0] == "status":
        statuses[f[1]] = int(f[2], 16)

passed = failed = 0


def result(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")


# declarations in the headers: "RET Name(params);" and "typedef RET TYPE(params);"
decls = {m.group(2): (m.group(1), params(m.group(3)))
         for m in re.finditer(r"^(\w+)\s+(Ndis\w+)\(([^;{}]*?)\);", hdr, re.M)}
types = {m.group(2): (m.group(1), params(m.group(3)))
         for m in re.finditer(r"^typedef\s+(\w+)\s+([A-Z_0-9]+)\(([^;{}]*?)\);", hdr, re.M)}

for name, (ret, want) in sorted(list(functions.items()) + list(support.items())):
    got = decls.get(name)
    if got is None:
        result(False, f"{name}: not declared in the headers")
        continue
    result(got == (ret, want),
           f"{name}: declared {got[0]} ({', '.join(got[1])}), the DDK has {ret} ({', '.join(want)})")

for name, twin in sorted(macros.items()):
    ok = re.search(r"#define %s\([^)]*\)\s+%s\(" % (name, twin), hdr_joined) is not None
    result(ok, f"{name}: not a macro of {twin}")

members = set(re.findall(r"^\s+\w+\s+(\w+Handler\w*);", hdr, re.M))
for name, (typ, ret, want, mems) in sorted(handlers.items()):
    got = types.get(typ)
    result(got == (ret, want),
           f"{name}: type {typ} is " +
           (f"{got[0]} ({', '.join(got[1])})" if got else "not declared") +
           f", the DDK has {ret} ({', '.join(want)})")
    for m in mems:
        result(m in members, f"{name}: no characteristics member {m}")

defs = {m.group(1): m.group(2) for m in
        re.finditer(r"^#define\s+((?:OID|NDIS_STATUS)_\w+)\s+(.+)$", hdr, re.M)}
for table, kind in ((oids, "OID"), (statuses, "status")):
    for name, value in sorted(table.items()):
        m = re.search(r"0x([0-9A-Fa-f]+)", defs.get(name, ""))
        result(m is not None and int(m.group(1), 16) == value,
               f"{kind} {name}: defined as {defs.get(name)}, the DDK has 0x{value:08X}")

rows = set(re.findall(r"^((?:Ndis|Protocol|Miniport|OID|NDIS_STATUS)\w+)\s", rst, re.M))
for name in sorted(list(functions) + list(macros) + list(handlers) + list(oids) + list(statuses)):
    result(name in rows, f"{name}: no row in {os.path.basename(rst_path)}")

if model is not None:
    known = set(functions) | set(macros) | set(handlers)
    for name in sorted(set(re.findall(r"`((?:Ndis|Protocol|Miniport)[A-Za-z]+)`", model))):
        result(name in known, f"{name} (in the model) is not in the reference")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
