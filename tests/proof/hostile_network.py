#!/usr/bin/env python3
"""A hostile network against ddbexport-server, on loopback only (issue 15,
item 4). One attack after another, then (with --full) all of them at once:
garbage bytes, a 100 MB body (announced and chunked), 10,000 headers, slow
clients sending one byte per second (throughout), 256 idle connections, connections reset
mid-request, Content-Lengths that lie. Throughout, a well-behaved client
keeps calling ExportTableToPointInTime, DescribeExport and ListExports, on a
kept-alive connection and on new ones, and the server's resident memory is
sampled. It fails when that client's p99 latency is over 100 ms, when one of
its requests fails, when the server's RSS grows past the bound, when an
export answered 200 is not describable afterwards (and after a restart from
--store), or when the server does not cut a slow client off in time.
Bounded: every phase has a deadline, and it stops by itself.

usage: hostile_network.py SERVER [--full] [--seconds N]
  default: 3 s per attack (CI); --full: 30 s per attack, a crowd of 700 idle
  connections (more than the server's threads), then 30 s of all at once.
"""

import argparse
import json
import os
import random
import socket
import struct
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proof_client as pc  # noqa: E402

P99_LIMIT_MS = 100.0
# The server's resident memory may grow by this much over its idle size: a
# few 16 MiB bodies in flight at once, never a 100 MB one or 10,000 headers.
RSS_GROWTH_LIMIT_KIB = 128 * 1024
# The server gives a request's head this long (http_host.hpp), plus slack.
HEAD_DEADLINE_S = 10 + 3


class Watch:
    """The well-behaved client and the memory sampler."""

    def __init__(self, proc, port):
        self.proc = proc
        self.port = port
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.latencies_ms = []
        self.failures = []
        self.accepted = {}  # ExportArn -> the description answered with 200
        self.rss_peak_kib = 0
        self.rss_start_kib = pc.rss_kib(proc.pid) or 0
        self.phase = "start"
        self.phase_latencies = {}
        self.phase_rss_kib = {}

    def client(self):
        conn = pc.Connection(self.port, timeout=10)
        n = 0
        while not self.stop.is_set():
            n += 1
            kind = n % 3
            if kind == 0:
                raw = pc.export_request(f"wb-{os.getpid()}-{n}")
            elif kind == 1 and self.accepted:
                with self.lock:
                    arn = random.choice(list(self.accepted))
                raw = pc.request("DescribeExport", {"ExportArn": arn})
            else:
                raw = pc.request("ListExports", {"MaxResults": 5})
            if n % 10 == 0:
                conn.close()  # a new connection every 10 requests: the accept path is measured too
            t0 = time.monotonic()
            try:
                status, body = conn.call(raw)
            except (OSError, ConnectionError, ValueError) as e:
                with self.lock:
                    self.failures.append(f"{self.phase}: {type(e).__name__}: {e}")
                conn.close()
                time.sleep(0.01)
                continue
            ms = (time.monotonic() - t0) * 1000
            with self.lock:
                self.latencies_ms.append(ms)
                self.phase_latencies.setdefault(self.phase, []).append(ms)
                if status != 200:
                    self.failures.append(f"{self.phase}: status {status}: {body[:200]!r}")
                elif kind == 0:
                    d = json.loads(body)["ExportDescription"]
                    self.accepted[d["ExportArn"]] = d
            time.sleep(0.005)
        conn.close()

    def sampler(self):
        while not self.stop.is_set():
            rss = pc.rss_kib(self.proc.pid)
            if rss is not None:
                self.rss_peak_kib = max(self.rss_peak_kib, rss)
                self.phase_rss_kib[self.phase] = max(self.phase_rss_kib.get(self.phase, 0), rss)
            time.sleep(0.02)


def sanitized(executable):
    """Whether the server was built with ASan or TSan."""
    with open(executable, "rb") as f:
        image = f.read()
    return b"__asan_init" in image or b"__tsan_init" in image


def connect(port, timeout=10):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def status_of(sock, limit_s=10):
    """The status of the answer the server sends, None if it closes without one."""
    sock.settimeout(limit_s)
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    if not data.startswith(b"HTTP/1.1 "):
        return None
    return int(data[9:12])


def reset(sock):
    """Closes with an RST instead of a FIN."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class Attacks:
    def __init__(self, port, seconds, problems):
        self.port = port
        self.seconds = seconds
        self.problems = problems
        self.counts = {}

    def count(self, name):
        self.counts[name] = self.counts.get(name, 0) + 1

    def until(self, stop):
        end = time.monotonic() + self.seconds
        return lambda: time.monotonic() < end and not stop.is_set()

    def garbage(self, stop):
        rng = random.Random(1)
        going = self.until(stop)
        while going():
            kind = rng.randrange(4)
            if kind == 0:
                payload = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2048)))
            elif kind == 1:
                payload = b"POST / HTTP/1.1\r\n" + bytes(rng.randrange(32, 127) for _ in range(300)) + b"\r\n\r\n"
            elif kind == 2:
                payload = b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64)  # a TLS hello
            else:
                payload = b"GET /" + b"A" * 20000 + b" HTTP/1.1\r\n\r\n"  # a request line over httplib's 8 KiB
            try:
                s = connect(self.port)
                s.sendall(payload)
                s.shutdown(socket.SHUT_WR)
                status_of(s, 5)
                s.close()
            except OSError:
                pass
            self.count("garbage")

    def big_body(self, stop):
        going = self.until(stop)
        chunk = b"x" * (1 << 20)
        n = 0
        while going():
            n += 1
            try:
                s = connect(self.port)
                chunked = n % 2 == 0
                head = (b"POST / HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        b"X-Amz-Target: DynamoDB_20120810.ListExports\r\n")
                head += b"Transfer-Encoding: chunked\r\n\r\n" if chunked else b"Content-Length: 104857600\r\n\r\n"
                s.sendall(head)
                sent = 0
                s.settimeout(5)
                try:
                    while sent < 100 * (1 << 20):
                        if chunked:
                            s.sendall(b"100000\r\n" + chunk + b"\r\n")
                        else:
                            s.sendall(chunk)
                        sent += len(chunk)
                except OSError:
                    pass  # the server answered 413 and closed: the rest is refused
                status = status_of(s, 5)
                if status != 413:
                    self.problems.append(f"100 MB body ({'chunked' if chunked else 'Content-Length'}): "
                                         f"status {status}, not 413")
                s.close()
            except OSError as e:
                self.problems.append(f"100 MB body: {e}")
            self.count("100 MB body")

    def many_headers(self, stop):
        going = self.until(stop)
        headers = b"".join(b"X-Filler-%d: %d\r\n" % (i, i) for i in range(10000))
        while going():
            try:
                s = connect(self.port)
                s.sendall(pc.request("ListExports", {}, extra_headers=headers))
                status = status_of(s, 10)
                if status is None:
                    self.problems.append("10,000 headers: no answer")
                self.count(f"10,000 headers answered {status}")
                s.close()
            except OSError:
                pass  # the server may close before it has read them all

    def slow(self, stop, clients=8):
        """Clients that send a valid request one byte per second, from the
        start to the end of the run (one cut off is replaced by a new one);
        the server must cut each off within its head deadline."""
        raw = pc.request("ListExports", {})
        socks = []
        cut = []

        def fresh():
            try:
                return [connect(self.port), 0, time.monotonic()]
            except OSError as e:
                self.problems.append(f"slow client: {e}")
                return None
        socks = [c for c in (fresh() for _ in range(clients)) if c]
        while not stop.is_set():
            for i, c in enumerate(socks):
                try:
                    c[0].send(raw[c[1]:c[1] + 1])
                    c[1] += 1
                except OSError:
                    cut.append(time.monotonic() - c[2])
                    c[0].close()
                    socks[i] = fresh() or c
            self.count("slow-client bytes")
            stop.wait(1.0)
        if cut:
            self.counts["slow clients cut off"] = len(cut)
            self.counts["slow clients cut off after, s"] = f"{min(cut):.0f}-{max(cut):.0f}"
        for t in cut:
            if t > HEAD_DEADLINE_S:
                self.problems.append(f"slow client cut off only after {t:.0f} s")
        for c in socks:
            if time.monotonic() - c[2] > HEAD_DEADLINE_S:
                self.problems.append(f"slow client still connected after {time.monotonic() - c[2]:.0f} s")
            c[0].close()

    def crowd(self, stop):
        """More idle connections than the server has threads (512): the
        crowded server closes new idle ones after a second, so a new client
        gets in within two."""
        self.idle(stop, count=700, name="crowd of 700 idle", wait_limit_s=2.0)

    def idle(self, stop, count=256, name="256 idle", wait_limit_s=1.0):
        socks = []
        for _ in range(count):
            try:
                socks.append(connect(self.port))
            except OSError as e:
                self.problems.append(f"idle connection {len(socks)}: {e}")
                break
        self.counts[f"{name} connections"] = len(socks)
        # A new client gets in while they idle.
        t0 = time.monotonic()
        try:
            fresh = pc.Connection(self.port, timeout=10)
            status, _ = fresh.call(pc.request("ListExports", {}))
            fresh.close()
            waited = time.monotonic() - t0
            self.counts[f"new client among {name}, ms"] = round(waited * 1000, 1)
            if status != 200 or waited > wait_limit_s:
                self.problems.append(f"a new client among {name} connections: status {status} after {waited:.1f} s")
        except OSError as e:
            self.problems.append(f"a new client among {name} connections: {e}")
        going = self.until(stop)
        while going():
            stop.wait(0.1)
        for s in socks:
            s.close()

    def resets(self, stop):
        rng = random.Random(2)
        raw = pc.export_request("never-sent")
        going = self.until(stop)
        while going():
            try:
                s = connect(self.port)
                cut = rng.randrange(1, len(raw))
                s.sendall(raw[:cut])  # part of the head, or of the body
                if rng.random() < 0.5:
                    time.sleep(0.01)
                reset(s)
            except OSError:
                pass
            self.count("reset mid-request")

    def lying_length(self, stop):
        body = json.dumps({"MaxResults": 5}).encode()
        head = (b"POST / HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-amz-json-1.0\r\n"
                b"X-Amz-Target: DynamoDB_20120810.ListExports\r\n")
        lies = [str(len(body) + 100).encode(),   # longer than what is sent: the server must time out
                str(len(body) - 3).encode(),     # shorter: the rest reads as a request of its own
                b"99999999999999999999999", b"-5", b"1e3", b"12, 12"]
        going = self.until(stop)
        n = 0
        held = []
        while going():
            lie = lies[n % len(lies)]
            n += 1
            try:
                s = connect(self.port)
                s.sendall(head + b"Content-Length: " + lie + b"\r\n\r\n" + body)
                if lie == lies[0]:
                    held.append(s)  # waits for the 100 bytes that never come
                else:
                    if status_of(s, 10) is None:
                        self.problems.append(f"Content-Length {lie.decode()}: no answer")
                    s.close()
            except OSError:
                pass
            self.count("lying Content-Length")
            time.sleep(0.02)
        for s in held:
            s.close()

    def all_names(self):
        return [("garbage", self.garbage), ("100 MB body", self.big_body), ("10,000 headers", self.many_headers),
                ("256 idle connections", self.idle),
                ("reset mid-request", self.resets), ("lying Content-Length", self.lying_length)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--seconds", type=float)
    args = parser.parse_args()
    seconds = args.seconds or (30.0 if args.full else 3.0)
    t_start = time.monotonic()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "exports.jsonl")
        proc, port = pc.start(args.server, store=store)
        time.sleep(0.2)
        watch = Watch(proc, port)
        threads = [threading.Thread(target=watch.client), threading.Thread(target=watch.sampler)]
        for t in threads:
            t.start()
        attacks = Attacks(port, seconds, problems)
        stop = threading.Event()
        slow_stop = threading.Event()
        slow = threading.Thread(target=attacks.slow, args=(slow_stop,))
        slow.start()
        phases = attacks.all_names()
        if args.full:
            phases.append(("crowd of 700 idle", attacks.crowd))
        for name, attack in phases:
            watch.phase = name
            attack(stop)
            if proc.poll() is not None:
                problems.append(f"the server exited during '{name}': {proc.returncode}")
                break
        if args.full and proc.poll() is None:
            watch.phase = "all at once"
            together = [threading.Thread(target=a, args=(stop,)) for n, a in phases if n != "crowd of 700 idle"]
            for t in together:
                t.start()
            for t in together:
                t.join(seconds + 60)
        watch.phase = "after"
        time.sleep(0.5)
        slow_stop.set()
        slow.join(30)
        watch.stop.set()
        for t in threads:
            t.join(30)

        # Nothing accepted is lost: every export answered 200 is there, now and after a restart.
        def check_all(port_now, label):
            conn = pc.Connection(port_now)
            lost = 0
            for arn, answered in watch.accepted.items():
                status, now = pc.describe(conn, arn)
                if status != 200 or now["ExportArn"] != arn or now["StartTime"] != answered["StartTime"]:
                    lost += 1
            conn.close()
            if lost:
                problems.append(f"{lost} accepted exports not describable {label}")
        if proc.poll() is None:
            check_all(port, "on the running server")
            code = pc.stop(proc)
            if code != 0:
                problems.append(f"the server's exit status after SIGTERM: {code}")
        stderr = proc.stderr.read()
        proc2, port2 = pc.start(args.server, store=store)
        check_all(port2, "after a restart from --store")
        pc.stop(proc2)
        restart_warnings = proc2.stderr.read().strip()
        if restart_warnings:
            problems.append(f"restart warnings: {restart_warnings}")

    lat = watch.latencies_ms
    p99 = pc.percentile(lat, 99)
    growth = watch.rss_peak_kib - watch.rss_start_kib
    print(f"attacks of {seconds:g} s each{' and all at once' if args.full else ''}: " +
          ", ".join(f"{k} {v}" for k, v in attacks.counts.items()))
    for name, values in watch.phase_latencies.items():
        print(f"  {name:22s} {len(values):6d} answers, p50 {pc.percentile(values, 50):6.1f} ms, "
              f"p99 {pc.percentile(values, 99):6.1f} ms, max {max(values):7.1f} ms, "
              f"RSS peak {watch.phase_rss_kib.get(name, 0) / 1024:6.1f} MiB")
    print(f"well-behaved client: {len(lat)} answers, p99 {p99:.1f} ms, max {max(lat) if lat else 0:.1f} ms, "
          f"{len(watch.failures)} failed; {len(watch.accepted)} exports accepted, all checked")
    print(f"server RSS: {watch.rss_start_kib / 1024:.1f} MiB at start, peak {watch.rss_peak_kib / 1024:.1f} MiB; "
          f"total {time.monotonic() - t_start:.1f} s")
    if sanitized(args.server):
        # A sanitizer's shadow memory, quarantine and slowdown are not the
        # server's: the figures are printed, the rest is judged.
        print("a sanitizer build: latency and memory reported, not judged")
    else:
        if p99 > P99_LIMIT_MS:
            problems.append(f"p99 latency {p99:.1f} ms over {P99_LIMIT_MS:g} ms")
        if growth > RSS_GROWTH_LIMIT_KIB:
            problems.append(f"RSS grew by {growth / 1024:.1f} MiB")
    problems += watch.failures[:10]
    if len(lat) < 10:
        problems.append("the well-behaved client got almost no answers")
    if stderr.strip():
        print("server stderr:", stderr.strip()[:2000])
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
