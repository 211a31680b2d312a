#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The table of a `make stress` run (tests/stress/run.sh).

  report.py RESULTS_DIR

Reads what the guest left: figures.jsonl (the scenarios' figures),
scenarios.txt (their exit codes), dmesg.txt and kmemleak.txt, and
verdict.txt (tests/vm/verdict.sh). Prints the figures of each test and
the reports the kernel made; exits 1 when anything failed.
"""
import json
import os
import re
import sys


def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""


def answers(a):
    return ", ".join("%s %d" % (k, v) for k, v in sorted(a.items(), key=lambda kv: -kv[1]))


def row(name, text):
    print("%-26s %s" % (name, text))


def main():
    r = sys.argv[1]
    figs = {}
    for line in read(os.path.join(r, "figures.jsonl")).splitlines():
        d = json.loads(line)
        figs[d["test"]] = d["figures"]
    # a guest that died (a KASAN report panics it) left no dmesg.txt: its
    # console has the kernel's log
    dmesg = read(os.path.join(r, "dmesg.txt")) or read(os.path.join(r, "console.log"))
    leak = read(os.path.join(r, "kmemleak.txt"))
    verdict = read(os.path.join(r, "verdict.txt"))
    # the guest's init writes it (its console, at loglevel 5, has no banner)
    uname = re.search(r"(\S+)", read(os.path.join(r, "uname.txt")))

    print("condis reliability run: kernel %s (KASAN, lockdep, UBSAN, kmemleak,"
          " debugobjects, failslab; a WARN panics)" % (uname.group(1) if uname else "?"))
    print()
    for k, title in (("fuzz_root", "netlink fuzz, root"),
                     ("fuzz_unprivileged", "netlink fuzz, unprivileged"),
                     ("fuzz_userns", "netlink fuzz, user namespace")):
        f = figs.get(k)
        if f:
            row(title, "%d messages (%d mutated, %d dumps) in %d s, seed %d; "
                "%d sockets renewed; unanswered %d, kernel pointers %d"
                % (f["messages"], f["mutated"], f["dumps"], f["seconds"], f["seed"],
                   f["sockets_reopened"], f["hangs"], f["pointers"]))
            row("", "answers: " + answers(f["answers"]))
    # faults_SCENARIO (the whole scenario), faults_SCENARIO_STEP (one step's)
    for k in sorted(k for k in figs if k.startswith("faults_")):
        f = figs[k]
        what = k[len("faults_"):].replace("_", ", step ", 1)
        row("fault sweep, " + what,
            "%d allocation failure points swept%s%s; %d survived, the others failed "
            "cleanly at: %s; violations %d"
            % (f["points"], "" if f["swept"] else " (NOT to the end)",
               "" if f.get("stride", 1) == 1 else " (every %dth)" % f["stride"],
               f["survived"], answers(f["failed_at"]) or "-", f["violations"]))
        row("", "errors: " + (answers(f["errors"]) or "-"))
    f = figs.get("race")
    if f:
        row("concurrency stress",
            "%d operations (%d succeeded) by %d threads in %d s, %d events, %d clients, "
            "%d frames sent; condis_lo reloaded %d times, adapters bound %d times; "
            "violations %d" % (f["ops"], f["ops_ok"], f["threads"], f["seconds"], f["events"],
                               f["clients"], f["frames"], f["module_reloads"],
                               f["adapter_binds"], f["violations"]))
    f = figs.get("unplug")
    if f:
        row("unplug (netdevsim)", "%d calls up, %d torn down by deleting the device in %d s"
            % (f["calls"], f["closed"], f["seconds"]))
    f = figs.get("wire_hostile")
    if f:
        row("hostile station", "%d frames injected, %d counted as dropped; slab growth %d kB"
            % (f["frames"], f["dropped"], f["slab_growth_kb"]))
    cov = read(os.path.join(r, "coverage.json"))
    if cov:
        c = json.loads(cov)
        row("line coverage of kernel/", "%.1f %% (%d of %d lines, %d files): %s"
            % (c["percent"], c["run"], c["lines"], c["files"],
               ", ".join("%s %.1f %%" % (k, v["percent"]) for k, v in c["folders"].items())))

    print()
    scen = read(os.path.join(r, "scenarios.txt")).split("\n")
    for line in scen:
        if line.strip():
            name, rc = line.split()
            row("scenario " + name, "passed" if rc == "0" else "FAILED (exit %s)" % rc)
    reports = {
        "KASAN": len(re.findall(r"BUG: KASAN", dmesg)),
        "lockdep": len(re.findall(r"possible recursive locking|circular locking|"
                                  r"inconsistent lock state|suspicious RCU usage", dmesg)),
        "UBSAN": len(re.findall(r"UBSAN:", dmesg)),
        "WARN/BUG": len(re.findall(r"WARNING:|BUG:(?! KASAN)|Oops", dmesg)),
        "kmemleak": len(re.findall(r"unreferenced object", leak)),
    }
    row("kernel reports", ", ".join("%s %d" % kv for kv in reports.items()) +
        ("" if os.path.exists(os.path.join(r, "kmemleak.txt")) else " (no kmemleak scan)"))
    failed = [l for l in verdict.splitlines() if l.startswith("FAIL")]
    row("verdict", "every check passed" if verdict and not failed else
        "FAILED: " + "; ".join(failed) if failed else "no verdict (the guest did not finish)")
    return 1 if failed or not verdict or any(reports.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
