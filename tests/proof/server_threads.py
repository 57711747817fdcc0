#!/usr/bin/env python3
"""ddbexport-server from 32 client threads at once (issue 15, item 3): each
on its own kept-alive connection, mixing ExportTableToPointInTime (new
requests and token replays), DescribeExport and ListExports (paged), with
exports ending every 0.05 s; and in each of 20 rounds all 32 threads send the
same request at the same instant: exactly one export, named in all 32
answers. Under ThreadSanitizer (tests/proof/tsan.sh builds the server with
it; TSAN_OPTIONS=halt_on_error=1) a race ends the server with status 66, and
a report on its stderr fails the run either way.

usage: server_threads.py SERVER [--rounds N]
"""

import argparse
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proof_client as pc  # noqa: E402

THREADS = 32
DEADLINE_S = 240


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    t_start = time.monotonic()
    proc, port = pc.start(args.server, complete_after="0.05")
    together = threading.Barrier(THREADS, timeout=60)
    lock = threading.Lock()
    problems = []
    same = [[None] * THREADS for _ in range(args.rounds)]
    own = [set() for _ in range(THREADS)]
    counts = {"answers": 0}

    def worker(t):
        conn = pc.Connection(port, timeout=60)

        def call(raw):
            status, body = conn.call(raw)
            with lock:
                counts["answers"] += 1
            if status != 200:
                with lock:
                    problems.append(f"thread {t}: status {status}: {body[:200]!r}")
                return None
            return json.loads(body)
        try:
            for r in range(args.rounds):
                together.wait()
                a = call(pc.export_request(f"same-{r}"))
                if a:
                    same[r][t] = a["ExportDescription"]["ExportArn"]
                a = call(pc.export_request(f"t{t}-{r % 5}"))  # five tokens a thread, each sent four times
                if a:
                    arn = a["ExportDescription"]["ExportArn"]
                    own[t].add(arn)
                    d = call(pc.request("DescribeExport", {"ExportArn": arn}))
                    if d and d["ExportDescription"]["ExportArn"] != arn:
                        with lock:
                            problems.append(f"thread {t}: DescribeExport of {arn} answered another export")
                token = None
                for _ in range(3):
                    body = {"MaxResults": 1 + (t + r) % 25}
                    if token:
                        body["NextToken"] = token
                    a = call(pc.request("ListExports", body))
                    token = a.get("NextToken") if a else None
                    if not token:
                        break
        except (OSError, ConnectionError, ValueError, threading.BrokenBarrierError) as e:
            with lock:
                problems.append(f"thread {t}: {type(e).__name__}: {e}")
            together.abort()
        conn.close()

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(1.0, DEADLINE_S - (time.monotonic() - t_start)))
    if any(t.is_alive() for t in threads):
        problems.append("clients over the deadline")

    for r, arns in enumerate(same):
        if len(set(arns)) != 1 or arns[0] is None:
            problems.append(f"round {r}: 32 identical requests answered {len(set(arns))} ExportArns")
    for t, arns in enumerate(own):
        if len(arns) != min(5, args.rounds):
            problems.append(f"thread {t}: {len(arns)} exports for {min(5, args.rounds)} tokens")
    # The store holds exactly those: one a round, five a thread.
    conn = pc.Connection(port)
    listed, token = [], None
    try:
        while True:
            body = {"MaxResults": 25, **({"NextToken": token} if token else {})}
            status, answer = conn.call(pc.request("ListExports", body))
            page = json.loads(answer)
            listed += [s["ExportArn"] for s in page["ExportSummaries"]]
            token = page.get("NextToken")
            if not token:
                break
    except (OSError, ConnectionError, ValueError) as e:
        problems.append(f"the final listing: {type(e).__name__}: {e}")
    conn.close()
    expected = {a for arns in same for a in arns if a} | {a for arns in own for a in arns}
    if sorted(listed) != sorted(expected) or len(listed) != len(set(listed)):
        problems.append(f"ListExports lists {len(listed)} exports, {len(expected)} were made")
    code = pc.stop(proc, timeout=60)
    stderr = proc.stderr.read()
    # The server's own failures first: they explain the clients'.
    if "ThreadSanitizer" in stderr:
        problems.insert(0, "ThreadSanitizer report:\n" + stderr[:20000])
    if code != 0:
        problems.insert(0, f"server exit status {code}")
    print(f"{THREADS} threads, {args.rounds} rounds: {counts['answers']} answers, {len(expected)} exports "
          f"({args.rounds} from identical requests), {time.monotonic() - t_start:.1f} s")
    for p in problems[:20]:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
