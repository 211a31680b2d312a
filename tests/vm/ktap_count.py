#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Read KUnit results with the kernel's own parser (kunit.py parse).

usage: ktap_count.py KUNIT_PY FILE.ktap...

Prints one result line per case, "PASS|FAIL|SKIP kunit: SUITE.CASE[.PARAM]",
and a FAIL line for a file kunit.py cannot read, holds no case (a suite
that crashed before reporting) or says failed with no case failing. Exits
non-zero when it printed a FAIL.
"""
import json
import subprocess
import sys


def leaves(group, path):
    for case in group.get("test_cases", []):
        yield path + [case["name"]], case["status"]
    for sub in group.get("sub_groups", []):
        yield from leaves(sub, path + [sub["name"]])


def main():
    kunit_py, files = sys.argv[1], sys.argv[2:]
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
            print(f"FAIL kunit: {path}: kunit.py produced no results")
            bad = True
            continue
        n = failed = 0
        for names, status in leaves(tree, []):
            key = status if status in ("PASS", "SKIP") else (
                "SKIP" if "SKIP" in status else "FAIL")
            n += 1
            failed += key == "FAIL"
            print(f"{key} kunit: {'.'.join(names)}")
        name = path.rsplit("/", 1)[-1]
        if not n:
            print(f"FAIL kunit: {name} holds no case")
        elif run.returncode and not failed:
            print(f"FAIL kunit: {name}: kunit.py says the run failed")
        if failed or not n or run.returncode:
            bad = True
            print("\n".join("#   " + l for l in out.splitlines()
                            if "FAILED" in l or "ERROR" in l)[:4000])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
