#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The benchmark table from tests/bench/guest-bench.sh's bench.raw.

Every measurement was taken REPS times beside its baseline; a ratio is
computed per repetition (the pair ran back to back on the same machine)
and reported as its median, with the spread of the repetitions:
(max - min) / median. Prints a text table; --json writes the same rows,
--svg a plot of every ratio against its target (plot.py).

usage: report.py bench.raw [--host TEXT] [--json FILE] [--svg FILE]
"""
import argparse
import json
import statistics
import sys
from collections import defaultdict

import plot	# beside this script


def parse(path):
    cases = defaultdict(list)
    for line in open(path):
        words = line.split()
        if len(words) < 2:
            continue
        kv = {}
        for w in words[1:]:
            if "=" in w:
                k, v = w.split("=", 1)
                kv[k] = int(v) if v.lstrip("-").isdigit() else v
        # a kctl line: "CASE what key=..." (the module's word after the case)
        cases[words[0]].append(kv)
    return cases


def med(xs):
    return statistics.median(xs) if xs else None


def spread(xs):
    if len(xs) < 2:
        return 0.0
    m = statistics.median(xs)
    return (max(xs) - min(xs)) / m * 100 if m else 0.0


def rate(kv):
    return kv["n"] / kv["ns"] * 1e9


class Table:
    def __init__(self):
        self.rows = []

    def add(self, name, value, unit, baseline=None, base_name="", ratios=None,
            target=None, meets=None, spread_pct=0.0, note=""):
        self.rows.append({
            "benchmark": name, "value": value, "unit": unit,
            "baseline": baseline, "baseline_name": base_name,
            "ratio": med(ratios) if ratios else None,
            "ratio_spread_pct": spread(ratios) if ratios else None,
            "ratio_min": min(ratios) if ratios else None,
            "ratio_max": max(ratios) if ratios else None,
            "spread_pct": spread_pct, "target": target,
            "meets": meets(med(ratios) if ratios else value) if meets else None,
            "note": note,
        })


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, float):
        if v >= 100:
            return f"{v:,.0f}"
        return f"{v:.2f}"
    return f"{v:,}"


def beside(t, name, c, p, base_name, target, least, note=""):
    """A rate c against the baseline p measured beside it, repetition by
    repetition; least: the ratio the target asks at least (None: no target)."""
    if not c or not p:
        return
    t.add(name, med([rate(x) for x in c]), "1/s",
          baseline=med([rate(x) for x in p]), base_name=base_name,
          ratios=[rate(a) / rate(b) for a, b in zip(c, p)], target=target or None,
          meets=(lambda r: r >= least) if least else None,
          spread_pct=spread([rate(x) for x in c]), note=note)


def build(cases):
    t = Table()
    # section 6 in a guest of its own counting instructions (run.sh)
    ppp_icount = cases.get("machine-ppp", [{}])[0].get("icount") == 1
    hops = cases.get("hops", [{}])[0]
    nhops = hops.get("works", 0) / hops["n"] if hops.get("n") else None

    # 1. call cycle against hops x queue_work round trip
    for cpus in ("one", "all"):
        cyc, flo = cases.get(f"cycle-{cpus}", []), cases.get(f"floor-{cpus}", [])
        if not cyc or not flo or not nhops:
            continue
        ratios = [(c["ns"] / c["n"]) / (nhops * f["ns"] / f["n"]) for c, f in zip(cyc, flo)]
        label = "1 CPU" if cpus == "one" else f"{cyc[0]['threads']} CPUs"
        t.add(f"call cycle, {label} (cycles/s)", med([rate(c) for c in cyc]), "1/s",
              baseline=med([rate(f) / nhops for f in flo]),
              base_name=f"queue_work round trips/s / {nhops:.2f} hops",
              ratios=ratios, target="<= 2x floor", meets=lambda r: r <= 2.0,
              spread_pct=spread([rate(c) for c in cyc]))
    lo = cases.get("cycle-lo-one", [])
    if lo:
        t.add("call cycle via condis_lo, 1 CPU (cycles/s)", med([rate(c) for c in lo]), "1/s",
              spread_pct=spread([rate(c) for c in lo]),
              note="loopback MCM: its own ordered workqueue per request")

    # 2. end to end against TCP: to a SAP with a backlog (the target), and
    # to one whose process answers each call
    for k in ("64", "1"):
        p = cases.get(f"tcp-{k}", [])
        for key, what, target in ((f"calls-{k}", "", (1.0 if k == "64" else 0.5)),
                                  (f"calls-answer-{k}", ", each answered by the listener",
                                   None)):
            c = cases.get(key, [])
            beside(t, f"call setup+teardown{what}, {k} in flight (calls/s)", c, p,
                   "TCP connect+accept+close/s", target and f">= {target}x TCP", target,
                   note="failed: %d" % sum(x.get("failed", 0) for x in c))

    # 3. data path against AF_PACKET
    for size in ("64", "1400"):
        p = cases.get(f"packet-{size}", [])
        for v in ("1", "64"):
            beside(t, f"data, {size}-byte frames over {v} VC{'s' if v != '1' else ''} (pps)",
                   cases.get(f"vc-{v}-{size}", []), p, "AF_PACKET sends/s",
                   ">= 0.9x AF_PACKET", 0.9)

    # 4. memory and scale
    sizes = sorted({int(k.rsplit("-", 1)[1]) for k in cases if k.startswith("mem-vcs-")})
    for n in sizes:
        for key, what, target, meets in (
                (f"mem-vcs-{n}", "idle VC, core", "<= 256 B", lambda b: b <= 256),
                (f"mem-calls-{n}", "established call, core", None, None),
                (f"mem-calls-lo-{n}", "established call with condis_lo (both ends)", None, None)):
            kv = cases.get(key, [{}])[0]
            if "slab_bytes" in kv:
                t.add(f"memory per {what}, {n:,} live (bytes)", kv["slab_bytes"] / kv["n"], "B",
                      target=target, meets=meets)
    small, big = cases.get("scale-cycle-1000", []), None
    for n in reversed(sizes):
        if cases.get(f"scale-cycle-{n}"):
            big = (n, cases[f"scale-cycle-{n}"])
            break
    if small and big:
        # each cycle over the floor measured beside it: the host's drift
        # between the two sizes (minutes apart) cancels
        fs, fb = cases.get("scale-floor-1000", []), cases.get(f"scale-floor-{big[0]}", [])
        if len(fs) == len(small) and len(fb) == len(big[1]):
            ratios = [(b["ns"] / b["n"]) / (y["ns"] / y["n"]) / ((s["ns"] / s["n"]) / (x["ns"] / x["n"]))
                      for s, b, x, y in zip(small, big[1], fs, fb)]
        else:
            ratios = [(b["ns"] / b["n"]) / (s["ns"] / s["n"]) for s, b in zip(small, big[1])]
        t.add(f"call cycle with {big[0]:,} live calls (ns/cycle)",
              med([b["ns"] / b["n"] for b in big[1]]), "ns",
              baseline=med([s["ns"] / s["n"] for s in small]), base_name="with 1,000 live",
              ratios=ratios, target="<= 1.2x", meets=lambda r: r <= 1.2,
              spread_pct=spread([b["ns"] / b["n"] for b in big[1]]))

    # 5. netlink dump against the in-kernel walk: every field, and only
    # the state (what the walk reads), whose parse is held to its raw count
    for n in sizes:
        w = cases.get(f"walk-{n}", [])
        for key, what, base, target in (
                (f"dump-{n}", "messages counted", None, None),
                (f"dump-parse-{n}", "parsed by libcondis", None, None),
                (f"dump-state-{n}", "id and state, messages counted", None, 0.25),
                (f"dump-parse-state-{n}", "id and state, parsed by libcondis",
                 f"dump-state-{n}", 0.5)):
            d = cases.get(key, [])
            if not d or not w:
                continue
            walk_rates = [x["n"] / y["ns"] * 1e9 for x, y in zip(d, w)]
            if base and cases.get(base):
                base_rates = [rate(x) for x in cases[base]]
                base_name = "the same messages counted"
            else:
                base_rates = walk_rates
                base_name = "in-kernel walk (debugfs condis/calls)"
            ratios = [rate(x) / b for x, b in zip(d, base_rates)]
            t.add(f"netlink dump of {d[0]['n']:,} calls, {what} (calls/s)",
                  med([rate(x) for x in d]), "1/s",
                  baseline=med(base_rates), base_name=base_name,
                  ratios=ratios, spread_pct=spread([rate(x) for x in d]),
                  target=f">= {target}x" if target else None,
                  meets=(lambda r, t=target: r >= t) if target else None)

    # 7. many Ethernet calls held, then the device deleted under them
    setup = cases.get("unplug-setup", [{}])[0]
    if setup.get("n"):
        n = setup["n"]
        t.add(f"memory per established call, condis_eth and condis_sig at both ends "
              f"(netlink clients too), {n:,} live (bytes)", setup["slab_bytes"] / n, "B",
              note="the kernel's slab before and after; %d failed" % setup.get("failed", 0))
        down = cases.get("unplug-teardown", [{}])[0]
        if down.get("n"):
            ratio = rate(down) / rate(setup)
            t.add(f"deleting the device under {n:,} calls, torn down (calls/s)", rate(down),
                  "1/s", baseline=rate(setup), base_name="their setup, 64 in flight",
                  ratios=[ratio], target=">= 1x setup", meets=lambda r: r >= 1.0,
                  note="from the delete to A's last incoming close")
        rtnl = cases.get("unplug-rtnl", [{}])[0]
        if rtnl.get("n"):
            t.add(f"deleting the device under {n:,} calls, longest wait for RTNL (ms)",
                  rtnl["max_ns"] / 1e6, "ms", target="<= 1000 ms",
                  meets=lambda v: v <= 1000,
                  note="%d interface changes meanwhile, ip's own time included" % rtnl["n"])

    # 6. PPP over condis_pppoe against PPP over pppoe.ko (same link, same AC)
    for size in ("64", "1400"):
        c, k = cases.get(f"ppp-condis-{size}", []), cases.get(f"ppp-pppoe-{size}", [])
        if not c or not k:
            continue
        ratios = [rate(a) / rate(b) for a, b in zip(c, k) if b["n"]]
        t.add(f"PPP over condis_pppoe, {size}-byte UDP payloads (pps)",
              med([rate(x) for x in c]), "1/s",
              baseline=med([rate(x) for x in k]), base_name="PPP over pppoe.ko",
              ratios=ratios, target=">= 0.9x pppoe.ko", meets=lambda r: r >= 0.9,
              spread_pct=spread([rate(x) for x in c]),
              note="packets the AC's PPP interface received, iperf3 -u -b 0 for 2 s"
              + ("; a guest counting instructions" if ppp_icount else ""))
    c, k = cases.get("ppp-setup-condis", []), cases.get("ppp-setup-pppoe", [])
    if c and k:
        ratios = [b["ns"] / a["ns"] for a, b in zip(c, k)]
        t.add("PPPoE session setup, pppd start to IPCP up (sessions/s)",
              med([rate(x) for x in c]), "1/s",
              baseline=med([rate(x) for x in k]), base_name="pppd with pppoe.ko",
              ratios=ratios, target=">= 0.9x pppoe.ko", meets=lambda r: r >= 0.9,
              spread_pct=spread([rate(x) for x in c]),
              note="a guest counting instructions" if ppp_icount else "")
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--host", default="")
    ap.add_argument("--json")
    ap.add_argument("--svg")
    a = ap.parse_args()
    cases = parse(a.raw)
    t = build(cases)
    m = cases.get("machine", [{}])[0]
    print(f"condis benchmarks: guest {m.get('cpus', '?')} vCPUs, kernel {m.get('kernel', '?')}"
          + (f"; host {a.host}" if a.host else "")
          + ("; the guest's clock counting instructions (BENCH_ICOUNT=1)"
             if m.get("icount") == 1 else "")
          + ("; PPP (section 6) in a second guest whose clock counts instructions"
             if cases.get("machine-ppp", [{}])[0].get("icount") == 1 else ""))
    reps = max((len(v) for k, v in cases.items()
                if k.startswith(("cycle-", "calls-", "vc-", "ppp-setup-"))), default=0)
    print(f"medians of {reps} repetitions; spread = (max - min) / median\n")
    cols = ("benchmark", "condis", "spread", "baseline", "ratio", "target", "")
    lines = [cols]
    for r in t.rows:
        lines.append((r["benchmark"], fmt(r["value"]), f"{r['spread_pct']:.0f}%",
                      fmt(r["baseline"]) + (f" ({r['baseline_name']})" if r["baseline_name"] else ""),
                      fmt(r["ratio"]), r["target"] or "-",
                      {True: "met", False: "MISSED", None: ""}[r["meets"]]))
    widths = [max(len(str(l[i])) for l in lines) for i in range(len(cols))]
    for l in lines:
        print("  ".join(str(c).ljust(w) for c, w in zip(l, widths)).rstrip())
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"machine": m, "host": a.host, "rows": t.rows}, f, indent=1)
    if a.svg:
        title = f"condis benchmarks, {m.get('cpus', '?')} vCPUs, kernel {m.get('kernel', '?')}"
        with open(a.svg, "w") as f:
            f.write(plot.svg(t.rows, title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
