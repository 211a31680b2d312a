#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Count KUnit results with the kernel's own parser (kunit.py parse).

usage: ktap_count.py KUNIT_PY FILE.ktap...

Prints one line per file ("suite: N passed, N failed, N skipped") and a
last line "kunit P F S". Exits non-zero if any case failed, if kunit.py
says the run failed, or if a file holds no test at all (a suite that
crashed before reporting).
"""
import json
import subprocess
import sys


def leaves(group):
    for case in group.get("test_cases", []):
        yield case["status"]
    for sub in group.get("sub_groups", []):
        yield from leaves(sub)


def main():
    kunit_py, files = sys.argv[1], sys.argv[2:]
    total = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    bad = not files
    for path in files:
        with open(path, "rb") as f:
            run = subprocess.run([sys.executable, kunit_py, "parse", "--json"],
                                 stdin=f, capture_output=True, text=True)
        out = run.stdout
        start = out.find("\n{")
        try:
            tree = json.loads(out[start + 1:] if start >= 0 else out)
        except json.JSONDecodeError:
            print(f"{path}: kunit.py produced no results")
            bad = True
            continue
        n = {"PASS": 0, "FAIL": 0, "SKIP": 0}
        for status in leaves(tree):
            key = status if status in n else ("SKIP" if "SKIP" in status else "FAIL")
            n[key] += 1
        for k in n:
            total[k] += n[k]
        name = path.rsplit("/", 1)[-1].removesuffix(".ktap")
        print(f"  {name}: {n['PASS']} passed, {n['FAIL']} failed, {n['SKIP']} skipped")
        if run.returncode or n["FAIL"] or not sum(n.values()):
            bad = True
            print("\n".join(l for l in out.splitlines()
                            if "FAILED" in l or "ERROR" in l or "#" in l)[:4000])
    print(f"kunit {total['PASS']} {total['FAIL']} {total['SKIP']}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
