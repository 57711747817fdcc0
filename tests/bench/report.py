#!/usr/bin/env python3
"""Turns the benchmark's JSON (Google Benchmark --benchmark_out) into the
results table, the target verdicts and an SVG plot of cost against body size.

Every number is from the one run in the file. Per benchmark, the CPU time of
its repetitions is reduced to the median (Google Benchmark's `cpu_time`, per
iteration; an iteration handles `bodies` bodies), so ns per body =
median cpu_time / bodies. CPU time rather than wall time because the machine is
shared: time spent waiting for a core is not the code's cost. Ratios compare
rows of the same run only.

Usage: report.py BENCH.json [--include-cost IC.json] [--machine TEXT]
                 [--command TEXT] [--svg OUT.svg] [--markdown OUT.md]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import defaultdict
from pathlib import Path

JOBS = {
    "read_validate_request": "(a) strict read of a request + full validation",
    "write_request": "(b) write a request into a sized buffer",
    "read_response": "(c) read a response",
    "validate_request": "(d) validate an already-parsed request",
}
# The peer each target is measured against, and the bound on ddbexport / peer.
TARGETS = {
    "read_validate_request": ("simdjson_ondemand", 1.0),
    "write_request": ("rapidjson_writer", 0.5),
    "read_response": ("simdjson_ondemand", 1.0),
}
VALIDATE_TARGET_NS = 40.0
SETS = ["small", "16KiB", "1MiB"]
LABELS = {
    "ddbexport": "ddbexport",
    "ddbexport_no_context": "ddbexport, no context",
    "simdjson_ondemand": "simdjson On-Demand + hand-written checks",
    "simdjson_ondemand_regex": "simdjson On-Demand + std::regex checks",
    "rapidjson_document": "RapidJSON Document + hand-written checks",
    "rapidjson_writer": "RapidJSON Writer (StringBuffer)",
    "nlohmann": "nlohmann::ordered_json",
    "handwritten": "hand-written checks (plain struct)",
    "handwritten_regex": "std::regex checks (plain struct)",
}


def load(path: Path) -> tuple[dict, dict]:
    data = json.loads(path.read_text())
    runs: dict[str, list[dict]] = defaultdict(list)
    for b in data["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration" or b.get("error_occurred"):
            continue
        runs[b["run_name"]].append(b)
    rows = {}
    for name, reps in runs.items():
        job, impl, size = name.split("/")
        unit = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[reps[0]["time_unit"]]
        bodies = reps[0]["bodies"]
        per_body = [r["cpu_time"] * unit / bodies for r in reps]
        rows[(job, impl, size)] = {
            "ns": statistics.median(per_body),
            "min": min(per_body),
            "max": max(per_body),
            "reps": len(per_body),
            "bytes": reps[0]["body_bytes"],
        }
    return data.get("context", {}), rows


def fmt_ns(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e4:
        return f"{ns / 1e3:.1f} µs"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def fmt_bytes(n: float) -> str:
    return f"{n / 1024:.0f} KiB" if n >= 10240 else f"{n:.0f} B"


def label(job: str, impl: str) -> str:
    if job == "read_response":  # responses are read, not checked
        return LABELS.get(impl, impl).replace(" + hand-written checks", "")
    return LABELS.get(impl, impl)


def tables(rows: dict) -> tuple[str, list[tuple[str, str, float, float, bool]]]:
    out = []
    verdicts = []
    for job, title in JOBS.items():
        impls = sorted({i for (j, i, _) in rows if j == job}, key=lambda i: (i != "ddbexport", i))
        if not impls:
            continue
        peers = [i for i in impls if i != "ddbexport"]
        out.append(f"**{title}** — ns per body (median of repetitions), and ddbexport / peer")
        out.append("")
        head = "| body set | avg size | " + " | ".join(label(job, i) for i in impls) + " |"
        out.append(head)
        out.append("|" + "---|" * (2 + len(impls)))
        for size in SETS:
            if (job, "ddbexport", size) not in rows:
                continue
            ours = rows[(job, "ddbexport", size)]["ns"]
            cells = [size, fmt_bytes(rows[(job, "ddbexport", size)]["bytes"])]
            for i in impls:
                r = rows.get((job, i, size))
                if r is None:
                    cells.append("—")
                elif i == "ddbexport":
                    cells.append(f"**{fmt_ns(r['ns'])}**")
                else:
                    cells.append(f"{fmt_ns(r['ns'])} ({ours / r['ns']:.2f}×)")
            out.append("| " + " | ".join(cells) + " |")
            if job in TARGETS and (job, TARGETS[job][0], size) in rows:
                peer, bound = TARGETS[job]
                ratio = ours / rows[(job, peer, size)]["ns"]
                verdicts.append((job, size, ratio, bound, ratio <= bound))
            if job == "validate_request" and size == "small":  # the bound is for an everyday request
                verdicts.append((job, size, ours, VALIDATE_TARGET_NS, ours <= VALIDATE_TARGET_NS))
        out.append("")
        del peers
    return "\n".join(out), verdicts


def verdict_table(verdicts, include_cost: dict | None) -> str:
    out = ["| target | body set | measured | bound | verdict |", "|---|---|---|---|---|"]
    for job, size, value, bound, ok in verdicts:
        if job == "validate_request":
            what, measured, limit = "(d) validate a parsed request", f"{value:.0f} ns", f"≤ {bound:.0f} ns"
        else:
            peer = label(job, TARGETS[job][0])
            what, measured, limit = JOBS[job].split(" ", 1)[0] + " vs " + peer, f"{value:.2f}×", f"≤ {bound}×"
        out.append(f"| {what} | {size} | {measured} | {limit} | {'met' if ok else '**missed**'} |")
    if include_cost:
        for r in include_cost["results"]:
            ok = r["ratio_umbrella_vs_standard"] <= include_cost["target"]
            out.append(f"| include cost, {r['version'].split(' (')[0]} | umbrella vs its standard headers | "
                       f"{r['ratio_umbrella_vs_standard']:.2f}× | ≤ {include_cost['target']}× | "
                       f"{'met' if ok else '**missed**'} |")
    return "\n".join(out)


# ---- SVG, by hand (no matplotlib here) ------------------------------------------

COLORS = {
    "ddbexport": "#d62728", "ddbexport_no_context": "#ff9896", "simdjson_ondemand": "#1f77b4",
    "simdjson_ondemand_regex": "#aec7e8", "rapidjson_document": "#2ca02c", "rapidjson_writer": "#2ca02c",
    "nlohmann": "#9467bd", "handwritten": "#8c564b", "handwritten_regex": "#c49c94",
}


SIZE_TICKS = {1: "10 B", 2: "100 B", 3: "1 kB", 4: "10 kB", 5: "100 kB", 6: "1 MB", 7: "10 MB"}
TIME_TICKS = {0: "1 ns", 1: "10 ns", 2: "100 ns", 3: "1 µs", 4: "10 µs", 5: "100 µs", 6: "1 ms", 7: "10 ms",
              8: "100 ms", 9: "1 s"}


def svg_plot(rows: dict, title: str) -> str:
    panels = [j for j in JOBS if any(k[0] == j for k in rows)]
    pw, ph, ml, mr, mt, mb = 330, 300, 74, 26, 46, 150
    width, height = len(panels) * (pw + ml + mr), ph + mt + mb
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
         f'font-family="sans-serif" font-size="11">',
         f'<rect width="{width}" height="{height}" fill="white"/>',
         f'<text x="{width / 2}" y="16" text-anchor="middle" font-size="14">{title}</text>']
    for p, job in enumerate(panels):
        x0 = p * (pw + ml + mr) + ml
        pts = {k: v for k, v in rows.items() if k[0] == job}
        xs = [v["bytes"] for v in pts.values()]
        ys = [v["ns"] for v in pts.values()]
        lx0, lx1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
        ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
        X = lambda b: x0 + (math.log10(b) - lx0) / (lx1 - lx0) * pw  # noqa: E731
        Y = lambda n: mt + ph - (math.log10(n) - ly0) / (ly1 - ly0) * ph  # noqa: E731
        s.append(f'<text x="{x0 + pw / 2}" y="{mt - 10}" text-anchor="middle" font-size="12">'
                 f'{JOBS[job]}</text>')
        s.append(f'<rect x="{x0}" y="{mt}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
        for e in range(lx0, lx1 + 1):
            x = X(10 ** e)
            s.append(f'<line x1="{x}" y1="{mt}" x2="{x}" y2="{mt + ph}" stroke="#ddd"/>')
            s.append(f'<text x="{x}" y="{mt + ph + 14}" text-anchor="middle">{SIZE_TICKS.get(e, f"1e{e} B")}</text>')
        for e in range(ly0, ly1 + 1):
            y = Y(10 ** e)
            s.append(f'<line x1="{x0}" y1="{y}" x2="{x0 + pw}" y2="{y}" stroke="#ddd"/>')
            s.append(f'<text x="{x0 - 4}" y="{y + 4}" text-anchor="end">{TIME_TICKS.get(e, f"1e{e} ns")}</text>')
        s.append(f'<text x="{x0 + pw / 2}" y="{mt + ph + 30}" text-anchor="middle">body size (log)</text>')
        s.append(f'<text transform="translate({x0 - 58},{mt + ph / 2}) rotate(-90)" text-anchor="middle">'
                 f'ns per body (log)</text>')
        impls = sorted({k[1] for k in pts}, key=lambda i: (i != "ddbexport", i))
        for n, impl in enumerate(impls):
            series = sorted((v["bytes"], v["ns"]) for k, v in pts.items() if k[1] == impl)
            color = COLORS.get(impl, "#7f7f7f")
            wide = 3 if impl == "ddbexport" else 1.6
            path = " ".join(f"{'M' if i == 0 else 'L'}{X(b):.1f},{Y(t):.1f}" for i, (b, t) in enumerate(series))
            s.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="{wide}"/>')
            for b, t in series:
                s.append(f'<circle cx="{X(b):.1f}" cy="{Y(t):.1f}" r="3" fill="{color}"/>')
            ly = mt + ph + 48 + n * 15
            s.append(f'<line x1="{x0}" y1="{ly - 4}" x2="{x0 + 22}" y2="{ly - 4}" stroke="{color}" '
                     f'stroke-width="{wide}"/>')
            s.append(f'<text x="{x0 + 28}" y="{ly}">{label(job, impl)}</text>')
    s.append("</svg>")
    return "\n".join(s) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench_json", type=Path)
    ap.add_argument("--include-cost", type=Path)
    ap.add_argument("--machine", default="")
    ap.add_argument("--command", default="bash tests/bench/run.sh")
    ap.add_argument("--svg", type=Path)
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args()

    context, rows = load(args.bench_json)
    if not rows:
        print("no benchmark rows in", args.bench_json, file=sys.stderr)
        return 1
    include_cost = json.loads(args.include_cost.read_text()) if args.include_cost and args.include_cost.exists() else None
    body, verdicts = tables(rows)
    reps = max(r["reps"] for r in rows.values())
    md = []
    md.append(f"Run: {context.get('date', '?')}, load average at start "
              f"{', '.join(f'{x:.2f}' for x in context.get('load_avg', []))}; "
              f"{reps} repetitions per row, randomly interleaved.")
    if args.machine:
        md.append("")
        md.append(args.machine.strip())
    md.append("")
    md.append(f"Command: `{args.command}`")
    md.append("")
    md.append("### Targets")
    md.append("")
    md.append(verdict_table(verdicts, include_cost))
    md.append("")
    md.append("### All rows")
    md.append("")
    md.append(body)
    if include_cost:
        md.append("### Include cost")
        md.append("")
        md.append("Standard headers the umbrella pulls in: " +
                  " ".join(f"`<{h}>`" for h in include_cost["standard_headers"]))
        md.append("")
        md.append("| compiler | flags | empty TU | standard headers | `<ddbexport/ddbexport.hpp>` | ratio |")
        md.append("|---|---|---|---|---|---|")
        for r in include_cost["results"]:
            m = r["median"]
            md.append(f"| {r['version']} | `{r['flags']}` | {m['empty']:.3f} s | {m['standard']:.3f} s | "
                      f"{m['umbrella']:.3f} s | {r['ratio_umbrella_vs_standard']:.2f}× |")
        md.append("")
    text = "\n".join(md) + "\n"
    print(text)
    if args.markdown:
        args.markdown.write_text(text)
    if args.svg:
        args.svg.write_text(svg_plot(rows, "ddbexport and peers: CPU time per body against body size "
                                           "(one run, medians)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
