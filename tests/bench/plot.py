#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Every benchmark ratio against its target, as an SVG (no dependencies).

One row per benchmark that has a target: the median ratio (a dot, green
where the target is met, red where it is missed), the range of the
repetitions (a bar), the target (a dashed line, the side that meets it
shaded), on a logarithmic axis. A target on a value alone (bytes per VC)
is drawn as the value over its target, against 1.

    plot.py results.json OUT.svg    (report.py --svg draws the same)
"""
import html
import json
import math
import re
import sys

W, LABEL, RIGHT, ROW, TOP = 980, 470, 30, 24, 56
LO, HI = 0.01, 10.0
TICKS = (0.01, 0.03, 0.1, 0.3, 0.5, 1, 2, 5, 10)


def x_of(v):
    v = min(max(v, LO), HI)
    span = W - LABEL - RIGHT
    return LABEL + span * (math.log10(v) - math.log10(LO)) / (math.log10(HI) - math.log10(LO))


def points(row):
    """(median, min, max, target, direction) of a row, None when it has no target."""
    m = re.match(r"(<=|>=) *([\d.]+)", row.get("target") or "")
    if not m:
        return None
    direction, target = m.group(1), float(m.group(2))
    if row.get("ratio") is not None:
        return row["ratio"], row["ratio_min"], row["ratio_max"], target, direction
    if row.get("value") is not None:	# a target on the value: plot value / target
        r = row["value"] / target
        return r, r, r, 1.0, direction
    return None


def svg(rows, title):
    drawn = [(r, p) for r in rows for p in [points(r)] if p]
    h = TOP + ROW * len(drawn) + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h}" '
           f'viewBox="0 0 {W} {h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{h}" fill="white"/>',
           f'<text x="10" y="20" font-size="14" font-weight="bold">{html.escape(title)}</text>',
           '<text x="10" y="38" fill="#555">ratio to the baseline (log scale): dot the median, '
           'bar the range of the repetitions; dashed the target, shaded the side that meets it</text>']
    bottom = TOP + ROW * len(drawn)
    for t in TICKS:
        x = x_of(t)
        out.append(f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{t:g}x</text>')
    for i, (row, (med, lo, hi, target, direction)) in enumerate(drawn):
        y = TOP + ROW * i + ROW / 2
        label = row["benchmark"]
        if row.get("ratio") is None:
            label += f" / {row['target'][2:].strip()}"
        xt = x_of(target)
        x0, x1 = (xt, W - RIGHT) if direction == ">=" else (LABEL, xt)
        out.append(f'<rect x="{x0:.1f}" y="{y - ROW / 2 + 2:.1f}" width="{x1 - x0:.1f}" '
                   f'height="{ROW - 4}" fill="#e6f4e6"/>')
        out.append(f'<line x1="{xt:.1f}" y1="{y - ROW / 2 + 2:.1f}" x2="{xt:.1f}" '
                   f'y2="{y + ROW / 2 - 2:.1f}" stroke="#2a7a2a" stroke-dasharray="3,2"/>')
        out.append(f'<text x="{LABEL - 8}" y="{y + 4:.1f}" text-anchor="end">{html.escape(label)}</text>')
        out.append(f'<line x1="{x_of(lo):.1f}" y1="{y:.1f}" x2="{x_of(hi):.1f}" y2="{y:.1f}" '
                   'stroke="#444" stroke-width="2"/>')
        color = {True: "#1a8a1a", False: "#c62828", None: "#777"}[row.get("meets")]
        out.append(f'<circle cx="{x_of(med):.1f}" cy="{y:.1f}" r="5" fill="{color}">'
                   f'<title>{med:.2f}x (target {html.escape(row["target"])})</title></circle>')
        out.append(f'<text x="{x_of(med) + 8:.1f}" y="{y - 6:.1f}" font-size="10" '
                   f'fill="{color}">{med:.2f}</text>')
    out.append('</svg>')
    return "\n".join(out) + "\n"


def main():
    data = json.load(open(sys.argv[1]))
    m = data.get("machine", {})
    title = f"condis benchmarks, {m.get('cpus', '?')} vCPUs, kernel {m.get('kernel', '?')}"
    with open(sys.argv[2], "w") as f:
        f.write(svg(data["rows"], title))


if __name__ == "__main__":
    main()
