#!/usr/bin/env python3
"""Durability under a crash (issue 12, "done when"): a burst of 10,000
requests over 32 kept-alive loopback connections, with `kill -9` of
ddbexport-server in the middle; the server is restarted with the same
--store and the burst goes on. Every export answered 200 before or after the
crash must then be describable, with the description it was answered with
(or a later state of it). Bounded: each phase has a deadline.

usage: burst_test.py SERVER [REQUESTS] [CONNECTIONS]
"""

import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

# The raw HTTP client the proof runs use (tests/proof/proof_client.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "proof"))
from proof_client import read_response, request  # noqa: E402

SERVER = sys.argv[1]
TOTAL = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
CONNECTIONS = int(sys.argv[3]) if len(sys.argv) > 3 else 32
DEADLINE_S = 240
MUSIC = "arn:aws:dynamodb:us-east-1:123456789012:table/Music"


def start(store):
    proc = subprocess.Popen([SERVER, "--port", "0", "--store", store, "--complete-after", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    m = re.fullmatch(r"listening on http://127\.0\.0\.1:([0-9]+)\n", line)
    if not m:
        proc.kill()
        raise SystemExit(f"no listening line: {line!r} {proc.stderr.read()}")
    return proc, int(m.group(1))


class Burst:
    def __init__(self):
        self.lock = threading.Lock()
        self.next = 0
        self.answered = {}   # ExportArn -> the description answered with 200
        self.sent = 0
        self.ok = 0
        self.errors = 0
        self.unexpected = []
        self.retry = []      # requests cut off by the crash, sent again after the restart

    def take(self, limit):
        with self.lock:
            if self.retry:
                return self.retry.pop()
            if self.next >= limit:
                return None
            self.next += 1
            return self.next - 1

    def worker(self, port, limit, stop):
        rng = random.Random()
        sock = None
        buffer = b""
        while not stop.is_set():
            n = self.take(limit)
            if n is None:
                break
            kind = n % 4
            with self.lock:
                known = list(self.answered) if kind == 2 and self.answered else None
            if kind in (0, 1):
                raw = request("ExportTableToPointInTime",
                              {"TableArn": MUSIC, "S3Bucket": "burst-bucket", "ClientToken": f"burst-{n}"})
            elif kind == 2 and known:
                raw = request("DescribeExport", {"ExportArn": rng.choice(known)})
            else:
                raw = request("ListExports", {"MaxResults": 5})
            try:
                if sock is None:
                    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
                    buffer = b""
                sock.sendall(raw)
                status, body, buffer, _ = read_response(sock, buffer)
            except (OSError, ConnectionError, ValueError, AttributeError):
                with self.lock:
                    self.errors += 1
                    self.retry.append(n)
                if sock is not None:
                    sock.close()
                sock = None
                if stop.is_set():
                    break
                time.sleep(0.01)
                continue
            with self.lock:
                self.sent += 1
                if status != 200:
                    self.unexpected.append((status, body[:200]))
                    continue
                self.ok += 1
                if kind in (0, 1):
                    d = json.loads(body)["ExportDescription"]
                    self.answered[d["ExportArn"]] = d
        if sock is not None:
            sock.close()

    def run(self, port, limit, kill_at=None, proc=None):
        stop = threading.Event()
        threads = [threading.Thread(target=self.worker, args=(port, limit, stop)) for _ in range(CONNECTIONS)]
        for t in threads:
            t.start()
        started = time.monotonic()
        killed = False
        while any(t.is_alive() for t in threads):
            if time.monotonic() - started > DEADLINE_S:
                stop.set()
                raise SystemExit("burst phase over its deadline")
            if kill_at is not None and not killed and self.sent >= kill_at:
                proc.send_signal(signal.SIGKILL)  # kill -9, with requests in flight
                proc.wait()
                killed = True
                stop.set()
            time.sleep(0.005)
        for t in threads:
            t.join()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "exports.jsonl")
        burst = Burst()
        t0 = time.monotonic()
        proc, port = start(store)
        burst.run(port, TOTAL, kill_at=TOTAL // 2, proc=proc)
        print(f"phase 1: {burst.sent} answered ({burst.ok} with 200), {len(burst.answered)} exports, "
              f"{burst.errors} failed at the crash, {time.monotonic() - t0:.1f} s")
        proc, port = start(store)
        restarted_stderr = proc.stderr
        t1 = time.monotonic()
        burst.run(port, TOTAL)
        print(f"phase 2: {burst.sent} answered in all, {len(burst.answered)} exports, {time.monotonic() - t1:.1f} s")
        missing, changed = [], []
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        buffer = b""
        for arn, answered in burst.answered.items():
            sock.sendall(request("DescribeExport", {"ExportArn": arn}))
            status, body, buffer, _ = read_response(sock, buffer)
            if status != 200:
                missing.append(arn)
                continue
            now = json.loads(body)["ExportDescription"]
            # The same export, perhaps ended since: every member answered then is still there, or it ended.
            same = {k: v for k, v in answered.items() if k != "ExportStatus"}
            if any(now.get(k) != v for k, v in same.items()):
                changed.append(arn)
        sock.close()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(30)
        warnings = restarted_stderr.read()
        print(f"checked {len(burst.answered)} exports: {len(missing)} missing, {len(changed)} changed; "
              f"restart warnings: {warnings.strip() or 'none'}; total {time.monotonic() - t0:.1f} s")
        failed = bool(missing or changed or burst.unexpected or code != 0 or burst.sent < TOTAL)
        if burst.unexpected:
            print("unexpected answers:", burst.unexpected[:5])
        if burst.sent < TOTAL:
            print(f"only {burst.sent} of {TOTAL} requests were answered")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
