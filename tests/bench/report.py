#!/usr/bin/env python3
"""Turns the benchmark's JSON (Google Benchmark --benchmark_out) into the
results table, the target verdicts and an SVG plot of cost against body size.

Every number is from the one run in the file. Per benchmark, the CPU time of
its repetitions is reduced to the median (Google Benchmark's `cpu_time`, per
iteration; an iteration handles `bodies` bodies), so ns per body =
median cpu_time / bodies. CPU time rather than wall time because the machine is
shared: time spent waiting for a core is not the code's cost. Ratios compare
rows of the same run only.

Issue 14's whole-program rows come from their own JSON files: --verify
(bench-verify: the verifier against zlib inflate + MD5, CPU time and peak RSS
of child processes) and --http (bench-http-client: ddbexport-server against a
trivial cpp-httplib handler, requests/s and latency).

Usage: report.py BENCH.json [--include-cost IC.json] [--verify V.json] [--http H.json]
                 [--machine TEXT] [--command TEXT] [--svg OUT.svg] [--markdown OUT.md]
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
    "md5": "(5) MD5 of a buffer",
    "read_data_line": "(6) read a DYNAMODB_JSON item line into the model",
    "service_export": "(8) answer an everyday ExportTableToPointInTime (service core)",
}
# Jobs with a cost-against-size panel in the plot.
PLOTTED = ["read_validate_request", "write_request", "read_response", "validate_request", "md5", "read_data_line"]
# The peer each target is measured against, and the bound on ddbexport / peer
# (time ratio, at most the bound); md5's bound is on throughput (at least).
TARGETS = {
    "read_validate_request": ("simdjson_ondemand", 1.0),
    "write_request": ("rapidjson_writer", 0.5),
    "read_response": ("simdjson_ondemand", 1.0),
    "md5": ("openssl", 0.9),
    "read_data_line": ("simdjson_ondemand", 1.0),
}
THROUGHPUT_TARGETS = {"md5"}
SHORT = {"read_validate_request": "(a) read + validate a request", "write_request": "(b) write a request",
         "read_response": "(c) read a response", "read_data_line": "(6) read an item line"}
UNIT = {"md5": "buffer", "read_data_line": "line", "service_export": "request"}
VALIDATE_TARGET_NS = 100.0  # issue 14, bound 2
VALIDATE_VS_HANDWRITTEN = 0.5  # and at most this share of the hand-written checks
SERVICE_TARGET_NS = 2000.0
VERIFY_BOUND = 1.25
HTTP_BOUND = 0.7
SETS = ["small", "1KiB", "16KiB", "1MiB", "everyday", "400KB"]
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
    "openssl": "OpenSSL MD5 (EVP)",
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
    if job in ("read_response", "read_data_line"):  # read, not checked
        return LABELS.get(impl, impl).replace(" + hand-written checks", "")
    return LABELS.get(impl, impl)


def rate(job: str, r: dict) -> str:
    """MD5 rows also show throughput (bytes per ns = GB/s)."""
    return f", {r['bytes'] / r['ns']:.2f} GB/s" if job == "md5" else ""


def tables(rows: dict) -> tuple[str, list[tuple[str, str, float, float, bool]]]:
    out = []
    verdicts = []
    for job, title in JOBS.items():
        impls = sorted({i for (j, i, _) in rows if j == job}, key=lambda i: (i != "ddbexport", i))
        if not impls:
            continue
        peers = [i for i in impls if i != "ddbexport"]
        head = f"| {'buffer' if job == 'md5' else 'line set' if job == 'read_data_line' else 'body set'} | avg size | " + " | ".join(label(job, i) for i in impls) + " |"
        out.append(f"**{title}** — ns per {UNIT.get(job, 'body')} (median of repetitions), and ddbexport / peer")
        out.append("")
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
                    cells.append(f"**{fmt_ns(r['ns'])}**" + rate(job, r))
                else:
                    cells.append(f"{fmt_ns(r['ns'])}{rate(job, r)} ({ours / r['ns']:.2f}×)")
            out.append("| " + " | ".join(cells) + " |")
            if job in TARGETS and (job, TARGETS[job][0], size) in rows:
                peer, bound = TARGETS[job]
                ratio = ours / rows[(job, peer, size)]["ns"]
                if job in THROUGHPUT_TARGETS:  # ddbexport's throughput / the peer's
                    verdicts.append((job, size, 1 / ratio, bound, 1 / ratio >= bound))
                else:
                    verdicts.append((job, size, ratio, bound, ratio <= bound))
            if job == "service_export":
                verdicts.append((job, size, ours, SERVICE_TARGET_NS, ours <= SERVICE_TARGET_NS))
            if job == "validate_request" and size == "small":  # the bound is for an everyday request
                verdicts.append((job, size, ours, VALIDATE_TARGET_NS, ours <= VALIDATE_TARGET_NS))
                if (job, "handwritten", size) in rows:
                    share = ours / rows[(job, "handwritten", size)]["ns"]
                    verdicts.append(("validate_vs_handwritten", size, share, VALIDATE_VS_HANDWRITTEN,
                                     share <= VALIDATE_VS_HANDWRITTEN))
        out.append("")
        del peers
    return "\n".join(out), verdicts


def compiler_name(result: dict) -> str:
    """An include-cost result's compiler without its build details ("g++", "Debian clang version 14.0.6")."""
    return result["version"].split(" (")[0]


def verdict_table(verdicts, include_cost: dict | None, verify: dict | None = None, http: dict | None = None) -> str:
    out = ["| target | body set | measured | bound | verdict |", "|---|---|---|---|---|"]
    for job, size, value, bound, ok in verdicts:
        if job == "validate_request":
            what, measured, limit = "(d) validate a parsed request", f"{value:.0f} ns", f"≤ {bound:.0f} ns"
        elif job == "validate_vs_handwritten":
            what, measured, limit = "(d) validate a parsed request vs the hand-written checks", f"{value:.2f}×", f"≤ {bound}×"
        elif job == "service_export":
            what, measured, limit = "(8) service core, ExportTableToPointInTime", fmt_ns(value), f"≤ {fmt_ns(bound)}"
        elif job in THROUGHPUT_TARGETS:
            what, measured = "(5) MD5 throughput vs " + label(job, TARGETS[job][0]), f"{value:.2f}×"
            limit = f"≥ {bound}×"
        else:
            peer = label(job, TARGETS[job][0])
            what, measured, limit = SHORT.get(job, JOBS[job]) + " vs " + peer, f"{value:.2f}×", f"≤ {bound}×"
        out.append(f"| {what} | {size} | {measured} | {limit} | {'met' if ok else '**missed**'} |")
    if verify:
        ratio = verify["verifier"]["cpu_s"] / verify["floor"]["cpu_s"]
        ok = ratio <= VERIFY_BOUND
        out.append(f"| (7) verify a {verify['content_bytes'] / 2**30:.3g} GiB export vs zlib inflate + MD5 | "
                   f"{verify['data_files']} files, {verify['stored_bytes'] / 2**20:.0f} MiB stored | {ratio:.2f}× | "
                   f"≤ {VERIFY_BOUND}× | {'met' if ok else '**missed**'} |")
    if http:
        ratio = http["ddbexport"]["rps"] / http["trivial"]["rps"]
        ok = ratio >= HTTP_BOUND
        out.append(f"| (8) ddbexport-server requests/s vs a trivial cpp-httplib handler | {http['request']}, "
                   f"{http['threads']} client threads | {ratio:.2f}× | ≥ {HTTP_BOUND}× | {'met' if ok else '**missed**'} |")
    if include_cost:
        for r in include_cost["results"]:
            ok = r["ratio_umbrella_vs_standard"] <= include_cost["target"]
            out.append(f"| include cost, {compiler_name(r)} | umbrella vs its standard headers | "
                       f"{r['ratio_umbrella_vs_standard']:.2f}× | ≤ {include_cost['target']}× | "
                       f"{'met' if ok else '**missed**'} |")
            core_target = include_cost.get("core_target")
            if "core" in r and core_target:
                c = r["core"]
                out.append(f"| include cost, {compiler_name(r)} | model + validators (no JSON) vs their "
                           f"standard headers | {c['ratio']:.2f}× | ≤ {core_target}× | "
                           f"{'met' if c['ratio'] <= core_target else '**missed**'} |")
    return "\n".join(out)


def verify_section(v: dict) -> str:
    f, w = v["floor"], v["verifier"]
    return "\n".join([
        f"**(7) verify a synthetic export** — {v['content_bytes'] / 2**30:.2f} GiB of item lines in {v['data_files']} "
        f"data files, gzip level {v['gzip_level']} ({v['stored_bytes'] / 2**20:.0f} MiB stored); median of "
        f"{len(w['reps'])} interleaved runs, each in its own process",
        "",
        "| job | CPU time | wall time | content throughput (CPU) | peak RSS | verifier / floor |",
        "|---|---|---|---|---|---|",
        f"| ddbexport `verify_export` (zlib as inflater) | **{w['cpu_s']:.2f} s** | {w['wall_s']:.2f} s | "
        f"{v['content_bytes'] / w['cpu_s'] / 1e6:.0f} MB/s | {w['max_rss_kib'] / 1024:.1f} MiB | "
        f"{w['cpu_s'] / f['cpu_s']:.2f}× |",
        f"| floor: read + zlib gzip inflate (CRC-32 checked) + MD5 of stored bytes and manifests | {f['cpu_s']:.2f} s | "
        f"{f['wall_s']:.2f} s | {v['content_bytes'] / f['cpu_s'] / 1e6:.0f} MB/s | {f['max_rss_kib'] / 1024:.1f} MiB | 1× |",
        "",
    ])


def http_section(h: dict) -> str:
    d, t = h["ddbexport"], h["trivial"]
    return "\n".join([
        f"**(8) HTTP: {h['request']} over keep-alive**, {h['threads']} client threads, {h['seconds']:.0f} s per server "
        f"(two interleaved halves), one C++ cpp-httplib client; answer {h['answer_bytes']} bytes",
        "",
        "| server | requests/s | p50 | p99 | requests | ddbexport / trivial |",
        "|---|---|---|---|---|---|",
        f"| `ddbexport-server` | **{d['rps']:,.0f}** | {d['p50_us']:.0f} µs | {d['p99_us']:.0f} µs | {d['requests']:,} | "
        f"{d['rps'] / t['rps']:.2f}× |",
        f"| trivial cpp-httplib handler (fixed 200 body) | {t['rps']:,.0f} | {t['p50_us']:.0f} µs | {t['p99_us']:.0f} µs | "
        f"{t['requests']:,} | 1× |",
        "",
    ])


# ---- SVG, by hand (no matplotlib here) ------------------------------------------

COLORS = {
    "openssl": "#17becf",
    "ddbexport": "#d62728", "ddbexport_no_context": "#ff9896", "simdjson_ondemand": "#1f77b4",
    "simdjson_ondemand_regex": "#aec7e8", "rapidjson_document": "#2ca02c", "rapidjson_writer": "#2ca02c",
    "nlohmann": "#9467bd", "handwritten": "#8c564b", "handwritten_regex": "#c49c94",
}


SIZE_TICKS = {1: "10 B", 2: "100 B", 3: "1 kB", 4: "10 kB", 5: "100 kB", 6: "1 MB", 7: "10 MB"}
TIME_TICKS = {0: "1 ns", 1: "10 ns", 2: "100 ns", 3: "1 µs", 4: "10 µs", 5: "100 µs", 6: "1 ms", 7: "10 ms",
              8: "100 ms", 9: "1 s"}


def svg_plot(rows: dict, title: str) -> str:
    panels = [j for j in PLOTTED if any(k[0] == j for k in rows)]
    pw, ph, ml, mr, mt, mb = 330, 300, 74, 26, 46, 150
    cols = min(3, len(panels))
    grid_rows = (len(panels) + cols - 1) // cols
    cell_h = ph + mt + mb
    width, height = cols * (pw + ml + mr), grid_rows * cell_h + 10
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
         f'font-family="sans-serif" font-size="11">',
         f'<rect width="{width}" height="{height}" fill="white"/>',
         f'<text x="{width / 2}" y="16" text-anchor="middle" font-size="14">{title}</text>']
    for p, job in enumerate(panels):
        x0 = (p % cols) * (pw + ml + mr) + ml
        mt = 46 + (p // cols) * cell_h
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
    ap.add_argument("--verify", type=Path)
    ap.add_argument("--http", type=Path)
    args = ap.parse_args()

    context, rows = load(args.bench_json)
    if not rows:
        print("no benchmark rows in", args.bench_json, file=sys.stderr)
        return 1
    include_cost = json.loads(args.include_cost.read_text()) if args.include_cost and args.include_cost.exists() else None
    verify = json.loads(args.verify.read_text()) if args.verify and args.verify.exists() else None
    http = json.loads(args.http.read_text()) if args.http and args.http.exists() else None
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
    md.append(verdict_table(verdicts, include_cost, verify, http))
    md.append("")
    md.append("### All rows")
    md.append("")
    md.append(body)
    if verify:
        md.append(verify_section(verify))
    if http:
        md.append(http_section(http))
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
        with_headers = [r for r in include_cost["results"] if r.get("headers")]
        if with_headers:
            md.append("Each public header alone, against the standard headers it reaches (CPU seconds, median):")
            md.append("")
            md.append("| header | " + " | ".join(compiler_name(r) for r in with_headers) + " |")
            md.append("|---|" + "---|" * len(with_headers))
            for h in with_headers[0]["headers"]:
                cells = []
                for r in with_headers:
                    x = r["headers"].get(h)
                    cells.append(f"{x['library']:.2f} s ({x['ratio']:.2f}×)" if x else "—")
                md.append(f"| `{h}` | " + " | ".join(cells) + " |")
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
