#!/usr/bin/env python3
"""The contract of ddbexport-server (issue 12, item 5), end to end over
loopback: command line, listening line, state file, store file, lifecycle
driver, signals, and the bytes on the wire.

usage: server_test.py SERVER_BINARY VERSION
"""

import gzip
import json
import os
import re
import resource
import select
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import unittest

SERVER = None
VERSION = None
ACCOUNT = "123456789012"
MUSIC = "arn:aws:dynamodb:us-east-1:123456789012:table/Music"


class Server:
    """One ddbexport-server process on a free loopback port."""

    def __init__(self, *args, preexec=None, host="127.0.0.1"):
        self.proc = subprocess.Popen([SERVER, "--host", host, "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, preexec_fn=preexec)
        ready, _, _ = select.select([self.proc.stdout], [], [], 10)
        if not ready:
            self.proc.kill()
            raise AssertionError("no listening line within 10 s")
        self.line = self.proc.stdout.readline().rstrip("\n")
        m = re.fullmatch(r"listening on http://(\[[0-9a-f:]+\]|[0-9.]+):([0-9]+)", self.line)
        if not m:
            self.proc.kill()
            raise AssertionError(f"bad listening line {self.line!r}; stderr: {self.proc.stderr.read()}")
        self.address = m.group(1).strip("[]")
        self.port = int(m.group(2))

    def connect(self):
        family = socket.AF_INET6 if ":" in self.address else socket.AF_INET
        s = socket.socket(family, socket.SOCK_STREAM)
        s.settimeout(10)
        try:
            s.connect((self.address, self.port))
        except OSError:
            s.close()
            raise
        return s

    def exchange(self, raw, sock=None):
        """Sends raw bytes, returns the parsed response (status, headers, body)."""
        own = sock is None
        s = sock or self.connect()
        try:
            s.sendall(raw)
            return read_response(s)
        finally:
            if own:
                s.close()

    def call(self, operation, body, content_type="application/x-amz-json-1.0", extra=b""):
        data = body if isinstance(body, bytes) else json.dumps(body, separators=(",", ":")).encode()
        raw = (b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + content_type.encode() +
               b"\r\nX-Amz-Target: DynamoDB_20120810." + operation.encode() +
               b"\r\nContent-Length: " + str(len(data)).encode() + b"\r\n" + extra + b"\r\n" + data)
        status, headers, payload = self.exchange(raw)
        return status, headers, json.loads(payload) if payload.startswith(b"{") else payload

    def stop(self, sig=signal.SIGTERM, timeout=10):
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the server did not stop")
        self.stderr = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.stop()


def read_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before a response: {data!r}")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip().lower(), value.strip()))
    length = int(dict(headers).get("content-length", "0"))
    while len(rest) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        rest += chunk
    return status, headers, rest[:length]


def header(headers, name):
    values = [v for n, v in headers if n == name.lower()]
    return values[0] if len(values) == 1 else (None if not values else values)


def export_body(**members):
    body = {"TableArn": MUSIC, "S3Bucket": "my-bucket"}
    body.update(members)
    return body


def run(*args, timeout=10, **kw):
    return subprocess.run([SERVER, *args], capture_output=True, text=True, timeout=timeout, **kw)


class CommandLine(unittest.TestCase):
    def test_help_and_version(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.startswith("usage: ddbexport-server [--host ADDR] [--port N] [--state FILE]"))
        self.assertEqual(r.stderr, "")
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, f"ddbexport-server {VERSION}\n")

    def test_bad_command_lines_exit_2_with_usage(self):
        for args in (["--nope"], ["--port"], ["--port", "65536"], ["--port", "-1"], ["--port", "80x"],
                     ["--complete-after", "1.2345"], ["--complete-after", "1234567890"], ["--complete-after", ".5"],
                     ["--complete-after", "5."], ["--complete-after", "-1"], ["--complete-after", "1e3"],
                     ["--host"], ["--state"], ["--store"], ["extra"], ["--help=1"]):
            with self.subTest(args=args):
                r = run(*args)
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stdout, "")
                self.assertIn("ddbexport-server: ", r.stderr)
                self.assertIn("usage: ddbexport-server", r.stderr)

    def test_addresses_it_cannot_listen_on(self):
        with Server() as first:
            r = run("--port", str(first.port))
            self.assertEqual(r.returncode, 2)
            self.assertIn("cannot listen", r.stderr)
        for host in ("256.1.1.1", "192.0.2.1", "no-such-host.invalid"):
            with self.subTest(host=host):
                r = run("--host", host, "--port", "0")
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stdout, "")

    def test_listening_line_ipv4_and_ipv6(self):
        with Server() as s:
            self.assertRegex(s.line, r"^listening on http://127\.0\.0\.1:[0-9]+$")
            self.assertNotEqual(s.port, 0)
            self.assertEqual(s.exchange(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")[0], 200)
        try:
            probe = socket.socket(socket.AF_INET6)
            probe.bind(("::1", 0))
            probe.close()
        except OSError:
            self.skipTest("no IPv6 loopback here")
        with Server(host="::1") as s:
            self.assertRegex(s.line, r"^listening on http://\[::1\]:[0-9]+$")
            self.assertEqual(s.exchange(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")[0], 200)


class Signals(unittest.TestCase):
    def test_sigterm_and_sigint_stop_cleanly(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(sig=sig):
                s = Server()
                self.assertEqual(s.stop(sig), 0)

    def test_a_request_already_received_is_answered(self):
        s = Server()
        body = json.dumps(export_body(ClientToken="late")).encode()
        conn = s.connect()
        conn.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                     b"X-Amz-Target: DynamoDB_20120810.ExportTableToPointInTime\r\nContent-Length: " +
                     str(len(body)).encode() + b"\r\n\r\n" + body[:10])
        time.sleep(0.3)
        s.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        conn.sendall(body[10:])
        status, headers, payload = read_response(conn)
        self.assertEqual(status, 200)
        self.assertEqual(header(headers, "connection"), "close")
        self.assertEqual(json.loads(payload)["ExportDescription"]["ClientToken"], "late")
        conn.close()
        self.assertEqual(s.stop(), 0)
        with self.assertRaises(OSError):
            s.connect()


class Wire(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def test_v_headers_date_server_keep_alive(self):
        status, headers, body = self.server.exchange(
            b"POST /any/path?x=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"X-Amz-Target: DynamoDB_20120810.ListExports\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/x, "
            b"SignedHeaders=host, Signature=bogus\r\nAccept-Encoding: gzip\r\nRange: bytes=0-3\r\nContent-Length: 2\r\n\r\n{}")
        self.assertEqual(status, 200)
        self.assertEqual(body, b'{"ExportSummaries":[]}')
        self.assertEqual(header(headers, "content-type"), "application/json")
        self.assertEqual(header(headers, "content-length"), "22")
        self.assertEqual(header(headers, "x-amz-crc32"), "3102986012")
        self.assertRegex(header(headers, "x-amzn-requestid"), r"^[0-9A-V]{52}$")
        self.assertRegex(header(headers, "date"), r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} "
                         r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$")
        self.assertEqual(header(headers, "server"), "Server")
        self.assertEqual(header(headers, "connection"), "keep-alive")
        self.assertIsNone(header(headers, "keep-alive"))
        self.assertIsNone(header(headers, "transfer-encoding"))
        self.assertIsNone(header(headers, "content-encoding"))

    def test_v_method_404_has_no_content_type(self):
        for method in (b"PUT", b"DELETE", b"OPTIONS", b"PATCH"):
            status, headers, body = self.server.exchange(method + b" / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            self.assertEqual(status, 404)
            self.assertEqual(body, b"<UnknownOperationException/>\n")
            self.assertIsNone(header(headers, "content-type"))
            self.assertEqual(header(headers, "x-amz-crc32"), "3552371480")
        status, headers, body = self.server.exchange(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertEqual((status, body), (200, b"healthy: dynamodb.us-east-1.amazonaws.com "))
        # A method httplib itself does not know is not POST either; that connection then closes.
        status, headers, body = self.server.exchange(b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertEqual((status, body), (404, b"<UnknownOperationException/>\n"))
        self.assertIsNone(header(headers, "content-type"))
        self.assertEqual(header(headers, "connection"), "close")
        self.assertRegex(header(headers, "x-amzn-requestid"), r"^[0-9A-V]{52}$")

    def test_keep_alive_serves_many_requests_on_one_connection(self):
        conn = self.server.connect()
        raw = (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
               b"X-Amz-Target: DynamoDB_20120810.ListExports\r\nContent-Length: 2\r\n\r\n{}")
        for _ in range(20):
            self.assertEqual(self.server.exchange(raw, conn)[0], 200)
        conn.close()

    def test_v_syntax_413_closes_without_reading_the_body(self):
        for extra, body in ((b"Content-Length: 16777217\r\n", b"{" * 1000),
                            (b"Content-Length: 99999999999\r\nExpect: 100-continue\r\n", b""),
                            (b"Transfer-Encoding: chunked\r\n", b"1000000\r\n" + b" " * 0x1000000 + b"\r\n10\r\n" + b" " * 16 + b"\r\n")):
            with self.subTest(extra=extra):
                conn = self.server.connect()
                conn.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                             b"X-Amz-Target: DynamoDB_20120810.ListExports\r\n" + extra + b"\r\n")
                try:
                    conn.sendall(body)
                except OSError:
                    pass
                status, headers, payload = read_response(conn)
                self.assertEqual(status, 413)
                self.assertEqual(payload, b"")
                self.assertEqual(header(headers, "content-length"), "0")
                self.assertEqual(header(headers, "connection"), "close")
                self.assertEqual(header(headers, "x-amz-crc32"), "0")
                self.assertIsNone(header(headers, "transfer-encoding"))
                conn.settimeout(5)
                rest = b""
                try:
                    while True:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        rest += chunk
                except ConnectionResetError:
                    pass
                self.assertNotIn(b"HTTP/1.1", rest)  # closed, nothing more answered
                conn.close()

    def test_unknown_operation_and_any_signature(self):
        status, _, body = self.server.call("Scan", {}, extra=b"Authorization: AWS4-HMAC-SHA256 garbage\r\n")
        self.assertEqual(status, 400)
        self.assertEqual(body, {"__type": "com.amazon.coral.service#UnknownOperationException"})


class State(unittest.TestCase):
    def write(self, content):
        f = tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False)
        f.write(content if isinstance(content, bytes) else json.dumps(content).encode())
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_defaults_music_with_pitr(self):
        with Server() as s:
            status, _, body = s.call("ExportTableToPointInTime", export_body())
            self.assertEqual(status, 200)
            self.assertEqual(body["ExportDescription"]["TableId"], "e79a3724-2f34-3ab2-8cc0-8d4d02b50227")
            now = time.time()
            # The window starts 35 days before the start time.
            self.assertEqual(s.call("ExportTableToPointInTime", export_body(ExportTime=now - 36 * 86400))[0], 400)
            self.assertEqual(s.call("ExportTableToPointInTime", export_body(ExportTime=now - 34 * 86400))[0], 200)
            status, _, body = s.call("ExportTableToPointInTime", export_body(TableArn=MUSIC.replace("Music", "Other")))
            self.assertEqual(body["__type"], "com.amazonaws.dynamodb.v20120810#TableNotFoundException")

    def test_a_state_file_sets_the_world(self):
        arn = "arn:aws:dynamodb:eu-west-1:210987654321:table/orders"
        path = self.write({
            "Region": "eu-west-1", "AccountId": "210987654321", "Ignored": [1, 2],
            "Tables": [
                {"TableArn": arn, "TableId": "0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d",
                 "ContinuousBackupsDescription": {"PointInTimeRecoveryDescription": {
                     "PointInTimeRecoveryStatus": "ENABLED", "RecoveryPeriodInDays": 7,
                     "EarliestRestorableDateTime": "2020-01-01T00:00:00Z", "LatestRestorableDateTime": 1600000000}}},
                {"TableArn": "arn:aws:dynamodb:eu-west-1:210987654321:table/off",
                 "ContinuousBackupsDescription": {"ContinuousBackupsStatus": "ENABLED"}},
                {"TableArn": "arn:aws:dynamodb:eu-west-1:210987654321:table/nulls", "TableId": None,
                 "ContinuousBackupsDescription": None},
            ],
            "Buckets": {"gone": {"Exists": False}, "theirs": {"Owner": "999999999999"}, "nulled": None},
            "MissingKmsKeys": ["alias/missing"], "Extra": None})
        with Server("--state", path) as s:
            base = {"TableArn": arn, "S3Bucket": "b-1"}
            # A fixed LatestRestorableDateTime stays fixed: 1600000001 is after it.
            self.assertEqual(s.call("ExportTableToPointInTime", dict(base, ExportTime=1600000001))[2]["message"],
                             "Point in Time Recovery is not available for specified export time")
            status, _, body = s.call("ExportTableToPointInTime", dict(base, ExportTime=1599999999))
            self.assertEqual(status, 200)
            self.assertEqual(body["ExportDescription"]["TableId"], "0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d")
            self.assertTrue(body["ExportDescription"]["ExportArn"].startswith(arn + "/export/"))
            off = {"TableArn": "arn:aws:dynamodb:eu-west-1:210987654321:table/off", "S3Bucket": "b-1"}
            self.assertEqual(s.call("ExportTableToPointInTime", off)[2]["__type"],
                             "com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException")
            nulls = {"TableArn": "arn:aws:dynamodb:eu-west-1:210987654321:table/nulls", "S3Bucket": "b-1"}
            status, _, body = s.call("ExportTableToPointInTime", nulls)
            self.assertEqual(status, 200)
            self.assertRegex(body["ExportDescription"]["TableId"], r"^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab]")
            self.assertEqual(s.call("ExportTableToPointInTime", export_body())[2]["__type"],
                             "com.amazon.coral.service#AccessDeniedException")
            status, _, body = s.exchange(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertEqual(body, b"healthy: dynamodb.eu-west-1.amazonaws.com ")

    def test_no_tables(self):
        with Server("--state", self.write({"Tables": []})) as s:
            self.assertEqual(s.call("ExportTableToPointInTime", export_body())[2]["__type"],
                             "com.amazonaws.dynamodb.v20120810#TableNotFoundException")

    def test_malformed_state_files_exit_2(self):
        music = {"TableArn": MUSIC}
        cases = [b"{", b'{"Region":"us-east-1","Region":"eu-west-1"}', b"[]", b"\xef\xbb\xbf{}", b'{"Region":"\xc0\xaf"}',
                 {"Region": "US-EAST-1"}, {"Region": 5}, {"Region": "useast1"}, {"AccountId": "123"},
                 {"AccountId": 123456789012}, {"Tables": {}}, {"Tables": [5]}, {"Tables": [{}]},
                 {"Tables": [{"TableArn": "arn:aws:dynamodb:us-west-2:123456789012:table/Music"}]},
                 {"Tables": [{"TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/ab"}]},
                 {"Tables": [{"TableArn": "arn:aws:dynamodb:us-east-1:123456789012:index/Music"}]},
                 {"Tables": [music, music]}, {"Tables": [dict(music, TableId="E79A3724-2F34-3AB2-8CC0-8D4D02B50227")]},
                 {"Tables": [dict(music, ContinuousBackupsDescription=[])]},
                 {"Tables": [dict(music, ContinuousBackupsDescription={"PointInTimeRecoveryDescription": 1})]}]
        for pitr in ({"PointInTimeRecoveryStatus": "on"}, {"RecoveryPeriodInDays": 36}, {"RecoveryPeriodInDays": 0},
                     {"RecoveryPeriodInDays": 1.5}, {"RecoveryPeriodInDays": "5"},
                     {"EarliestRestorableDateTime": "yesterday"}, {"LatestRestorableDateTime": True},
                     {"LatestRestorableDateTime": 1e300}):
            cases.append({"Tables": [dict(music, ContinuousBackupsDescription={"PointInTimeRecoveryDescription": pitr})]})
        cases += [{"Buckets": []}, {"Buckets": {"b": 1}}, {"Buckets": {"b": {"Owner": "x"}}},
                  {"Buckets": {"b": {"Exists": "yes"}}}, {"MissingKmsKeys": "k"}, {"MissingKmsKeys": [1]}]
        for case in cases:
            with self.subTest(case=case):
                r = run("--port", "0", "--state", self.write(case))
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stdout, "")
                self.assertIn("state", r.stderr)
        r = run("--port", "0", "--state", "/nonexistent/state.json")
        self.assertEqual(r.returncode, 2)


class Store(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.path = os.path.join(self.dir.name, "exports.jsonl")

    def test_unusable_store_paths_exit_2(self):
        read_only = os.path.join(self.dir.name, "ro.jsonl")
        open(read_only, "w").close()
        os.chmod(read_only, stat.S_IRUSR | stat.S_IRGRP)
        for path in (os.path.join(self.dir.name, "missing", "x.jsonl"), self.dir.name, read_only, "/dev/null"):
            with self.subTest(path=path):
                r = run("--port", "0", "--store", path)
                self.assertEqual(r.returncode, 2)
                self.assertIn("--store", r.stderr)

    def describe(self, s, arn):
        return s.call("DescribeExport", {"ExportArn": arn})

    def test_exports_survive_a_restart(self):
        with Server("--store", self.path, "--complete-after", "0.2") as s:
            arns = [s.call("ExportTableToPointInTime", export_body(ClientToken=f"t{i}"))[2]["ExportDescription"]["ExportArn"]
                    for i in range(3)]
            time.sleep(0.3)
            before = [self.describe(s, arn)[2] for arn in arns]  # ends them: COMPLETED, journaled
            arns.append(s.call("ExportTableToPointInTime", export_body(ClientToken="open"))[2]["ExportDescription"]["ExportArn"])
            listing = s.call("ListExports", {})[2]
        self.assertTrue(all(d["ExportDescription"]["ExportStatus"] == "COMPLETED" for d in before))
        with open(self.path) as f:
            lines = f.read().splitlines()
        self.assertEqual(len(lines), 7)  # 4 inserts, 3 transitions
        with Server("--store", self.path, "--complete-after", "60") as s:
            self.assertEqual([self.describe(s, arn)[2] for arn in arns[:3]], before)
            self.assertEqual(self.describe(s, arns[3])[2]["ExportDescription"]["ExportStatus"], "IN_PROGRESS")
            self.assertEqual(s.call("ListExports", {})[2], listing)
            # The replay of a token still works after the restart.
            self.assertEqual(s.call("ExportTableToPointInTime", export_body(ClientToken="t0"))[2], before[0])

    def test_a_torn_last_line_is_cut_and_bad_lines_skipped(self):
        with Server("--store", self.path) as s:
            first = s.call("ExportTableToPointInTime", export_body(ClientToken="a"))[2]["ExportDescription"]["ExportArn"]
        with open(self.path, "rb") as f:
            good = f.read()
        with open(self.path, "ab") as f:
            f.write(b'not json at all\n{"Insert":{}}\n\n{"Update":{"ExportArn":"arn:x","Description":{}}}\n{"Insert":{"Acc')
        with Server("--store", self.path) as s:
            self.assertEqual(self.describe(s, first)[0], 200)
            second = s.call("ExportTableToPointInTime", export_body(ClientToken="b"))[2]["ExportDescription"]["ExportArn"]
            s.stop()
            self.assertIn("torn", s.stderr)
            self.assertEqual(s.stderr.count("skipped"), 4)
        with open(self.path, "rb") as f:
            content = f.read()
        self.assertTrue(content.startswith(good))
        self.assertTrue(content.endswith(b"\n"))
        self.assertNotIn(b'{"Insert":{"Acc\n', content)
        with Server("--store", self.path) as s:
            self.assertEqual(self.describe(s, second)[0], 200)
        # Nothing in the file's content stops a start.
        with open(self.path, "wb") as f:
            f.write(os.urandom(5000))
        with Server("--store", self.path) as s:
            self.assertEqual(s.call("ListExports", {})[0], 200)

    def test_a_failed_store_write_is_500_and_stores_nothing(self):
        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (1500, 1500))
        with Server("--store", self.path, preexec=small_files) as s:
            kept = s.call("ExportTableToPointInTime", export_body(ClientToken="1"))
            self.assertEqual(kept[0], 200)
            status, headers, body = s.call("ExportTableToPointInTime", export_body(ClientToken="2", S3Prefix="p" * 900))
            self.assertEqual(status, 500)
            self.assertEqual(body["__type"], "com.amazonaws.dynamodb.v20120810#InternalServerError")
            self.assertTrue(body["message"].startswith("Internal server error: "))
            listed = [e["ExportArn"] for e in s.call("ListExports", {})[2]["ExportSummaries"]]
            self.assertEqual(listed, [kept[2]["ExportDescription"]["ExportArn"]])
        with Server("--store", self.path) as s:
            self.assertEqual(len(s.call("ListExports", {})[2]["ExportSummaries"]), 1)


class Lifecycle(unittest.TestCase):
    def test_complete_after_ends_exports_exactly(self):
        path = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump({"Buckets": {"gone": {"Exists": False}, "theirs": {"Owner": "999999999999"}},
                   "MissingKmsKeys": ["alias/missing"]}, path)
        path.close()
        self.addCleanup(os.unlink, path.name)
        with Server("--state", path.name, "--complete-after", "0.25") as s:
            def create(**members):
                return s.call("ExportTableToPointInTime", export_body(**members))[2]["ExportDescription"]
            full = create()
            now = time.time()
            inc = create(ExportType="INCREMENTAL_EXPORT",
                         IncrementalExportSpecification={"ExportFromTime": int(now) - 3600})
            upper = create(S3Bucket="Upper-Bucket")
            gone = create(S3Bucket="gone")
            theirs = create(S3Bucket="theirs")
            kms = create(S3SseAlgorithm="KMS", S3SseKmsKeyId="alias/missing")
            region = create(S3SseAlgorithm="KMS", S3SseKmsKeyId="arn:aws:kms:eu-west-1:123456789012:key/k")
            self.assertEqual(s.call("DescribeExport", {"ExportArn": full["ExportArn"]})[2]["ExportDescription"]["ExportStatus"],
                             "IN_PROGRESS")
            time.sleep(0.35)
            ended = {}
            for name, d in (("full", full), ("inc", inc), ("upper", upper), ("gone", gone), ("theirs", theirs),
                            ("kms", kms), ("region", region)):
                ended[name] = s.call("DescribeExport", {"ExportArn": d["ExportArn"]})[2]["ExportDescription"]
                self.assertAlmostEqual(ended[name]["EndTime"], d["StartTime"] + 0.25, places=6)
            self.assertEqual(ended["full"]["ExportStatus"], "COMPLETED")
            self.assertEqual((ended["full"]["ItemCount"], ended["full"]["BilledSizeBytes"]), (0, 0))
            self.assertTrue(ended["full"]["ExportManifest"].endswith("/manifest-summary.json"))
            self.assertEqual((ended["inc"]["ItemCount"], ended["inc"]["BilledSizeBytes"]), (0, 10000000))
            for name, code, text in (("upper", "S3NoSuchBucket", "The specified bucket does not exist (Service: Amazon S3; Status Code: 404"),
                                     ("gone", "S3NoSuchBucket", "The specified bucket does not exist"),
                                     ("theirs", "S3AccessDenied", "Access Denied (Service: Amazon S3; Status Code: 403"),
                                     ("kms", "KmsNotFoundException", "Key 'alias/missing' does not exist"),
                                     ("region", "KmsNotFoundException", "Invalid arn eu-west-1 (Service")):
                with self.subTest(name=name):
                    self.assertEqual(ended[name]["ExportStatus"], "FAILED")
                    self.assertEqual(ended[name]["FailureCode"], code)
                    self.assertTrue(ended[name]["FailureMessage"].startswith(text), ended[name]["FailureMessage"])
                    self.assertTrue(ended[name]["FailureMessage"].endswith("; Proxy: null)"))
            listed = {e["ExportArn"]: e["ExportStatus"] for e in s.call("ListExports", {})[2]["ExportSummaries"]}
            self.assertEqual(listed[full["ExportArn"]], "COMPLETED")
            self.assertEqual(listed[gone["ExportArn"]], "FAILED")


class S3Root(unittest.TestCase):
    """--s3-root (issue 13, item 8): completed exports land under DIR/<bucket>/<key>, and
    ddbexport-verify (when built; DDBEXPORT_VERIFY) finds them valid."""

    ITEMS = [{"Artist": {"S": "Acme"}, "SongTitle": {"S": "Song \u2028 one"}, "Year": {"N": "1999"}},
             {"Artist": {"S": "Bolt"}, "SongTitle": {"S": "Two"}, "Tags": {"SS": ["a", "b"]}, "Blob": {"B": "AAE="}}]

    def test_bad_s3_root_exits_2(self):
        with tempfile.TemporaryDirectory() as d:
            for root in (os.path.join(d, "missing"), os.path.join(d, "file")):
                open(os.path.join(d, "file"), "w").close()
                r = run("--port", "0", "--s3-root", root)
                self.assertEqual(r.returncode, 2, r)
                self.assertIn("--s3-root", r.stderr)

    def test_completed_exports_are_written_and_verify(self):
        with tempfile.TemporaryDirectory() as d:
            state = os.path.join(d, "state.json")
            with open(state, "w") as f:
                json.dump({"Tables": [{"TableArn": MUSIC, "Items": self.ITEMS}]}, f)
            root = os.path.join(d, "s3")
            os.mkdir(root)
            with Server("--state", state, "--complete-after", "0.2", "--s3-root", root) as s:
                now = time.time()
                made = {}
                for name, extra in (("json", {"S3Prefix": "daily/run"}), ("ion", {"ExportFormat": "ION"}),
                                    ("inc", {"ExportType": "INCREMENTAL_EXPORT",
                                             "IncrementalExportSpecification": {"ExportFromTime": int(now) - 3600}})):
                    status, _, body = s.call("ExportTableToPointInTime", export_body(**extra))
                    self.assertEqual(status, 200, body)
                    made[name] = body["ExportDescription"]
                time.sleep(0.4)
                ended = {n: s.call("DescribeExport", {"ExportArn": d_["ExportArn"]})[2]["ExportDescription"]
                         for n, d_ in made.items()}
            for name, desc in ended.items():
                with self.subTest(export=name):
                    self.assertEqual(desc["ExportStatus"], "COMPLETED", desc)
                    manifest = os.path.join(root, desc["S3Bucket"], desc["ExportManifest"])
                    self.assertTrue(os.path.isfile(manifest), manifest)
                    with open(manifest) as f:
                        summary = json.load(f)
                    self.assertEqual(summary["exportArn"], desc["ExportArn"])
                    self.assertEqual(summary["itemCount"], desc["ItemCount"])
            self.assertEqual(ended["json"]["ItemCount"], 2)
            self.assertEqual(ended["ion"]["ItemCount"], 2)
            self.assertEqual((ended["inc"]["ItemCount"], ended["inc"]["BilledSizeBytes"]), (0, 10000000))
            # The full DYNAMODB_JSON export holds the state file's items, one line each.
            folder = os.path.dirname(os.path.join(root, "my-bucket", ended["json"]["ExportManifest"]))
            with open(os.path.join(folder, "manifest-files.json")) as f:
                files = [json.loads(l) for l in f]
            lines = []
            for entry in files:
                with gzip.open(os.path.join(root, "my-bucket", entry["dataFileS3Key"]), "rt", encoding="utf-8") as f:
                    lines += [json.loads(l) for l in f.read().split("\n") if l]
            self.assertEqual(sorted(json.dumps(l["Item"], sort_keys=True) for l in lines),
                             sorted(json.dumps(i, sort_keys=True) for i in self.ITEMS))
            verify = os.environ.get("DDBEXPORT_VERIFY")
            if verify:
                r = subprocess.run([verify, os.path.join(root, "my-bucket")], capture_output=True, text=True, timeout=60)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                out = json.loads(r.stdout)
                self.assertTrue(out["valid"])
                self.assertEqual(len(out["exports"]), 3)


if __name__ == "__main__":
    SERVER, VERSION = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])
