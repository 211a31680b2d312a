#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Line coverage of kernel/ from a guest's gcov counts.

The modules were built with CONDIS_COVERAGE=y (GCOV_PROFILE) into BUILD;
the guest copied /sys/kernel/debug/gcov (tests/vm/guest-check.sh) to GCOV.
Each count file goes next to its notes file in BUILD, and gcov (of the
compiler that built the modules) summarises every source file of the
tree's kernel/ the modules compiled, KUnit suites and the benchmark, sample
and self-test modules left out. Prints one JSON line: lines, lines run, the
percentage, and the same per module folder.

Usage: coverage.py GCOV BUILD
"""
import json
import os
import re
import shutil
import subprocess
import sys

SKIP = ("/kunit/", "/condis_bench/", "/ndis_samples/", "/harness_bugs/")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gcov_dir, build = (os.path.abspath(a) for a in sys.argv[1:])
    objdirs = set()
    for root, _, files in os.walk(gcov_dir):
        for f in files:
            if not f.endswith(".gcda"):
                continue
            # GCOV/<absolute object directory>/name.gcda
            objdir = "/" + os.path.relpath(root, gcov_dir)
            if not objdir.startswith(build + "/") or any(s in objdir + "/" for s in SKIP):
                continue
            if not os.path.exists(os.path.join(objdir, f[:-5] + ".gcno")):
                continue
            shutil.copyfile(os.path.join(root, f), os.path.join(objdir, f))
            objdirs.add(objdir)
    if not objdirs:
        sys.exit("coverage: no counts of modules built into " + build)

    per_file = {}
    for objdir in sorted(objdirs):
        gcdas = sorted(os.path.join(objdir, f) for f in os.listdir(objdir) if f.endswith(".gcda"))
        out = subprocess.run(["gcov", "-n", "-o", objdir] + gcdas, cwd=objdir,
                             capture_output=True, text=True).stdout
        for name, pct, n in re.findall(r"File '([^']+)'\nLines executed:([0-9.]+)% of (\d+)", out):
            path = os.path.normpath(os.path.join(objdir, name))
            rel = os.path.relpath(path, build)
            if not rel.startswith("kernel/") or any(s in "/" + rel for s in SKIP):
                continue
            if rel.startswith("kernel/include/"):
                continue
            per_file[rel] = (int(n), round(float(pct) * int(n) / 100))

    total = sum(n for n, _ in per_file.values())
    run = sum(r for _, r in per_file.values())
    folders = {}
    for rel, (n, r) in per_file.items():
        t = folders.setdefault(rel.split("/")[1], [0, 0])
        t[0] += n
        t[1] += r
    print(json.dumps({
        "lines": total, "run": run, "percent": round(100 * run / total, 1) if total else 0,
        "files": len(per_file),
        "folders": {k: {"lines": v[0], "run": v[1], "percent": round(100 * v[1] / v[0], 1)}
                    for k, v in sorted(folders.items())},
    }))


if __name__ == "__main__":
    main()
