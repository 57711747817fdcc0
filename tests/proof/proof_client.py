"""What the proof runs share: starting ddbexport-server, speaking raw HTTP/1.1
to it over loopback, and reading its answers. Raw sockets rather than a
client library, so that every byte a test sends is the one it means."""

import json
import os
import re
import socket
import subprocess

MUSIC = "arn:aws:dynamodb:us-east-1:123456789012:table/Music"
TARGET = "DynamoDB_20120810."


def start(server, store=None, complete_after="1", env=None, extra=()):
    """Starts the server on a free loopback port; (process, port)."""
    args = [server, "--port", "0", "--complete-after", complete_after, *extra]
    if store:
        args += ["--store", store]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env if env is not None else os.environ.copy())
    line = proc.stdout.readline()
    m = re.fullmatch(r"listening on http://127\.0\.0\.1:([0-9]+)\n", line)
    if not m:
        proc.kill()
        raise SystemExit(f"no listening line: {line!r} {proc.stderr.read()}")
    return proc, int(m.group(1))


def request(operation, body, extra_headers=b""):
    data = json.dumps(body, separators=(",", ":")).encode()
    return (b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
            b"X-Amz-Target: " + TARGET.encode() + operation.encode() + b"\r\n" + extra_headers +
            b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data)


def export_request(token, table=MUSIC):
    return request("ExportTableToPointInTime", {"TableArn": table, "S3Bucket": "proof-bucket", "ClientToken": token})


def read_response(sock, buffer=b""):
    """(status, body, bytes after this answer, whether the server closes)."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = int(re.search(rb"(?im)^content-length:\s*([0-9]+)", head).group(1))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed mid-body")
        rest += chunk
    closes = re.search(rb"(?im)^connection:\s*close", head) is not None
    return status, rest[:length], rest[length:], closes


class Connection:
    """One kept-alive client connection that reconnects when the server closes it."""

    def __init__(self, port, timeout=30):
        self.port = port
        self.timeout = timeout
        self.sock = None
        self.buffer = b""

    def call(self, raw):
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.buffer = b""
        try:
            self.sock.sendall(raw)
            status, body, self.buffer, closes = read_response(self.sock, self.buffer)
        except BaseException:
            self.close()
            raise
        if closes:
            self.close()
        return status, body

    def close(self):
        if self.sock is not None:
            self.sock.close()
        self.sock = None


def describe(conn, arn):
    status, body = conn.call(request("DescribeExport", {"ExportArn": arn}))
    return status, (json.loads(body)["ExportDescription"] if status == 200 else None)


def rss_kib(pid):
    """The process's resident set (VmRSS), in KiB; None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def stop(proc, timeout=30):
    proc.terminate()
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None
