#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""What the kernel tree's layout says about who depends on whom.

For every module a Kbuild file builds (its .c files from `<mod>-y`):
  - files over MAX_LINES lines (generated files and the porting header
    condis_ndis.h aside);
  - pairs of its .c files that use each other's functions both ways
    (a call or a function pointer to a function the other file defines);
  - its catch-all headers: private headers (those beside its .c files)
    that declare the functions of more than one of its .c files
    (generated ones aside: netlink-gen.h names the handlers it calls);
  - for information, its private headers that more than half of its .c
    files include, directly or through another header (the objects every
    file of a module works on are in one such header by nature);
and whether the netlink front-end (kernel/condis/netlink/) includes a
private header of the core.

    tests/layout.py           print what it finds
    tests/layout.py --check   and exit 1 if any of it is there
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = os.path.join(ROOT, "kernel")
MAX_LINES = 800
EXEMPT = {"kernel/include/net/condis_ndis.h"}  # the DDK's names, one place
FRONT_END = "kernel/condis/netlink"
CORE = "kernel/condis"

KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "do", "else",
            "case", "goto", "typeof", "__typeof__", "defined"}


def rel(path):
    return os.path.relpath(path, ROOT)


def generated(text):
    head = text[:600]
    return "Do not edit" in head or "YNL-GEN" in head


def strip(text):
    """C source without comments, strings and preprocessor lines."""
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(\\.|[^'\\\n])*'", "''", text)
    out = []
    cont = False
    for line in text.split("\n"):
        pre = cont or line.lstrip().startswith("#")
        cont = pre and line.endswith("\\")
        out.append("" if pre else line)
    return "\n".join(out)


def functions(text):
    """(defined: {name: static?}, used: set of identifiers) of one .c file."""
    code = strip(text)
    defined, used = {}, set()
    depth = 0
    toks = re.finditer(r"[A-Za-z_]\w*|[{}();=,]", code)
    stmt = []           # tokens of the declaration at depth 0
    pending = None      # a name at depth 0 followed by '(' ... ')'
    paren = 0
    for m in toks:
        t = m.group(0)
        if depth == 0:
            if t == "{":
                if pending and paren == 0:
                    defined[pending] = "static" in stmt
                depth = 1
                stmt, pending = [], None
                continue
            if t == ";":
                stmt, pending, paren = [], None, 0
                continue
            if t == "(":
                if paren == 0 and stmt and stmt[-1] not in KEYWORDS and pending is None \
                        and "=" not in stmt:
                    pending = stmt[-1]
                paren += 1
            elif t == ")":
                paren -= 1
            elif t == "=":
                pending = None
            elif re.match(r"[A-Za-z_]", t) and "=" in stmt:
                used.add(t)     # an initializer: a function pointer
            stmt.append(t)
            continue
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif re.match(r"[A-Za-z_]", t):
            used.add(t)
    return defined, used


def declared(path):
    """Functions a header declares (prototypes at file level)."""
    code = strip(open(path, encoding="utf-8").read())
    code = re.sub(r"\{[^{}]*\}", ";", code)   # inline bodies, struct bodies
    code = re.sub(r"\{[^{}]*\}", ";", code)
    return set(re.findall(r"\b([A-Za-z_]\w*)\s*\([^;{}]*\)\s*(?:__\w+\s*(?:\([^;]*\))?\s*)*;", code))


def includes(path, search):
    """Local headers (#include "...") of a file, resolved."""
    found = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            for d in [os.path.dirname(path)] + search:
                p = os.path.normpath(os.path.join(d, m.group(1)))
                if os.path.exists(p):
                    found.append(p)
                    break
    return found


def closure(path, search, seen=None):
    seen = set() if seen is None else seen
    for h in includes(path, search):
        if h not in seen:
            seen.add(h)
            closure(h, search, seen)
    return seen


def modules():
    """{module name: [.c paths]} from every Kbuild under kernel/."""
    mods = {}
    for dirpath, _, files in os.walk(KERNEL):
        if "Kbuild" not in files:
            continue
        text = open(os.path.join(dirpath, "Kbuild"), encoding="utf-8").read()
        text = text.replace("\\\n", " ")
        for m in re.finditer(r"^(\w+)-y\s*[:+]?=\s*(.*)$", text, flags=re.M):
            if m.group(1) in ("obj", "ccflags", "subdir"):
                continue
            objs = [o for o in m.group(2).split() if o.endswith(".o")]
            mods.setdefault(m.group(1), []).extend(
                os.path.join(dirpath, o[:-2] + ".c") for o in objs)
    return mods


def main():
    check = "--check" in sys.argv[1:]
    found = 0
    search = [os.path.join(KERNEL, "include")]

    long_files = []
    for dirpath, _, files in os.walk(KERNEL):
        for name in sorted(files):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(dirpath, name)
            text = open(path, encoding="utf-8").read()
            n = text.count("\n")
            if n > MAX_LINES and rel(path) not in EXEMPT and not generated(text):
                long_files.append((n, rel(path)))
    print(f"files over {MAX_LINES} lines: {len(long_files)}")
    for n, p in sorted(long_files, reverse=True):
        print(f"  {p} {n}")
    found += len(long_files)

    cycles, wide, catchall = [], [], []
    for mod, srcs in sorted(modules().items()):
        srcs = [s for s in srcs if os.path.exists(s)]
        info = {s: functions(open(s, encoding="utf-8").read()) for s in srcs}
        owner = {}
        for s, (defined, _) in info.items():
            for fn, static in defined.items():
                if not static:
                    owner.setdefault(fn, s)
        uses = {s: {owner[i] for i in used if i in owner and owner[i] != s}
                for s, (_, used) in info.items()}
        for a in srcs:
            for b in srcs:
                if a < b and b in uses[a] and a in uses[b]:
                    cycles.append((mod, rel(a), rel(b)))
        dirs = {os.path.dirname(s) for s in srcs}
        counts = {}
        for s in srcs:
            for h in closure(s, search):
                if os.path.dirname(h) in dirs:
                    counts[h] = counts.get(h, 0) + 1
        for h, n in sorted(counts.items()):
            if n * 2 > len(srcs):
                wide.append((mod, rel(h), n, len(srcs)))
            if not h.endswith(".h") or generated(open(h, encoding="utf-8").read()):
                continue    # a generated header names the handlers it calls
            files = {owner[f] for f in declared(h) if f in owner}
            if len(files) > 1:
                catchall.append((mod, rel(h), sorted(rel(f) for f in files)))
    print(f"pairs of files using each other both ways: {len(cycles)}")
    for mod, a, b in cycles:
        print(f"  {mod}: {a} <-> {b}")
    print(f"headers declaring the functions of more than one file: {len(catchall)}")
    for mod, h, files in catchall:
        print(f"  {mod}: {h}: {len(files)} files ({', '.join(os.path.basename(f) for f in files)})")
    print(f"(information) private headers included by more than half their module's files: {len(wide)}")
    for mod, h, n, total in wide:
        print(f"  {mod}: {h} by {n} of {total}")
    found += len(cycles) + len(catchall)

    private = []
    fe = os.path.join(ROOT, FRONT_END)
    for name in sorted(os.listdir(fe)):
        if name.endswith((".c", ".h")):
            for h in closure(os.path.join(fe, name), search):
                if os.path.dirname(h) == os.path.join(ROOT, CORE):
                    private.append((f"{FRONT_END}/{name}", rel(h)))
    print(f"front-end includes of the core's private headers: {len(private)}")
    for f, h in private:
        print(f"  {f}: {h}")
    found += len(private)
    return 1 if check and found else 0


if __name__ == "__main__":
    sys.exit(main())
