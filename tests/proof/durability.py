#!/usr/bin/env python3
"""Durability (issue 15, item 5): `kill -9` of ddbexport-server at a random
moment of a burst of accepted exports and transitions, with --store,
repeated. Each round starts the server on the store the last round left,
checks that it starts (the store file never prevents a start, and no line of
it is skipped), that every export ever answered 200 is describable with the
state it was last answered with (a later state only if that one was
IN_PROGRESS: every member answered is still there, unchanged), then bursts
new exports, replays, DescribeExport and ListExports over many connections
with exports ending every --complete-after 0.1 s, and kills the server at a
random moment. Bounded: every round has a deadline.

usage: durability.py SERVER [--rounds N] [--full] [--seed S]
  default: 20 rounds, kill 0.05 to 0.6 s into each burst, 16 connections (CI);
  --full: 20 rounds, kill 0.5 to 5 s in, 32 connections.
"""

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proof_client as pc  # noqa: E402

ROUND_DEADLINE_S = 60
TERMINAL = ("COMPLETED", "FAILED")


class Ledger:
    """Every export answered 200, with the description last answered."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answered = {}
        self.tokens = []
        self.checks = 0

    def note(self, d):
        with self.lock:
            before = self.answered.get(d["ExportArn"])
            # A terminal answer is the last word; never go back to IN_PROGRESS.
            if before is None or before["ExportStatus"] not in TERMINAL:
                self.answered[d["ExportArn"]] = d
            if d.get("ClientToken") and d["ClientToken"] not in self.tokens:
                self.tokens.append(d["ClientToken"])


def same_or_later(answered, now):
    """Why `now` is not `answered` or a later state of it; None when it is."""
    if answered["ExportStatus"] in TERMINAL:
        return None if now == answered else f"terminal record changed: {answered} -> {now}"
    changed = [k for k, v in answered.items() if k != "ExportStatus" and now.get(k) != v]
    return f"members changed: {changed}" if changed else None


def check(port, ledger, problems, label):
    conn = pc.Connection(port)
    for arn, answered in list(ledger.answered.items()):
        ledger.checks += 1
        status, now = pc.describe(conn, arn)
        if status != 200:
            problems.append(f"{label}: {arn} answered 200 before, now {status}")
            continue
        why = same_or_later(answered, now)
        if why:
            problems.append(f"{label}: {arn}: {why}")
        else:
            ledger.note(now)  # answered 200 too: the next restart must keep it
    conn.close()


def burst(port, ledger, rng, connections, round_no, stop):
    def worker(w):
        conn = pc.Connection(port, timeout=10)
        wr = random.Random(rng.random())
        n = 0
        while not stop.is_set():
            n += 1
            kind = wr.randrange(6)
            with ledger.lock:
                known = list(ledger.answered)
                tokens = list(ledger.tokens)
            if kind <= 1 or (kind == 2 and not tokens):
                raw = pc.export_request(f"d{round_no}-{w}-{n}")
            elif kind == 2:
                raw = pc.export_request(wr.choice(tokens))  # a replay: the same export, or one that ended
            elif kind == 3 and known:
                raw = pc.request("DescribeExport", {"ExportArn": wr.choice(known)})
            else:
                raw = pc.request("ListExports", {"MaxResults": wr.randrange(1, 26)})
            try:
                status, body = conn.call(raw)
            except (OSError, ConnectionError, ValueError):
                conn.close()
                if stop.is_set():
                    break
                time.sleep(0.005)
                continue
            if status == 200 and kind <= 3:
                d = json.loads(body).get("ExportDescription")
                if d:
                    ledger.note(d)
        conn.close()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(connections)]
    for t in threads:
        t.start()
    return threads


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kill_range = (0.5, 5.0) if args.full else (0.05, 0.6)
    connections = 32 if args.full else 16
    problems = []
    torn = 0
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "exports.jsonl")
        ledger = Ledger()
        for round_no in range(args.rounds + 1):
            started = time.monotonic()
            try:
                proc, port = pc.start(args.server, store=store, complete_after="0.1")
            except SystemExit as e:
                problems.append(f"round {round_no}: the server did not start: {e}")
                break
            check(port, ledger, problems, f"round {round_no}, after the restart")
            if round_no == args.rounds:
                code = pc.stop(proc)
                if code != 0:
                    problems.append(f"exit status after SIGTERM: {code}")
            else:
                stop = threading.Event()
                threads = burst(port, ledger, rng, connections, round_no, stop)
                time.sleep(rng.uniform(*kill_range))
                proc.send_signal(signal.SIGKILL)  # kill -9, with requests and transitions in flight
                proc.wait()
                stop.set()
                for t in threads:
                    t.join(ROUND_DEADLINE_S)
            warnings = proc.stderr.read()
            for line in warnings.splitlines():
                if "last line is torn" in line:
                    torn += 1  # a line the crash cut short: never answered, so never lost
                else:
                    problems.append(f"round {round_no}: {line}")
            if time.monotonic() - started > ROUND_DEADLINE_S:
                problems.append(f"round {round_no} over its deadline")
                break
            if problems:
                break
        lines = sum(1 for _ in open(store))
    states = {}
    for d in ledger.answered.values():
        states[d["ExportStatus"]] = states.get(d["ExportStatus"], 0) + 1
    print(f"seed {args.seed}: {args.rounds} kills, {len(ledger.answered)} exports answered 200 "
          f"({', '.join(f'{k} {v}' for k, v in sorted(states.items()))} when last seen), "
          f"{ledger.checks} DescribeExport checks after the restarts, store {lines} lines, "
          f"{torn} torn last lines cut at a start; {time.monotonic() - t0:.1f} s")
    for p in problems[:20]:
        print("FAIL:", p)
    return 1 if problems or not ledger.answered else 0


if __name__ == "__main__":
    sys.exit(main())
