#!/usr/bin/env python3
"""Runs the built ddbexport-verify on copies of the golden bucket and checks
its contract (issue 13, items 6 and 9): the stdout shape, exit codes 0/1/2,
--export, --description, --key-schema, --track-keys, progress on a terminal
only, --help, --version and usage errors. Prints doctest-style totals."""
import base64
import gzip
import hashlib
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

TOOL, GOLDEN, VERSION, README = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
BUCKET = os.path.join(GOLDEN, "bucket")
IDS = ["01777886127318-458ecad7", "01777887663057-ffb1ca5d", "01777890641000-39fa3cc5", "01777892438000-29d89c83"]
REPORT_KEYS = ["exportId", "valid", "export", "violations", "warnings", "unchecked", "files", "sidecars"]
FULL = "exports/AWSDynamoDB/01777886127318-458ecad7/"
passed = failed = 0


def run(args, stderr_tty=False):
    if not stderr_tty:
        proc = subprocess.run([TOOL, *args], capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")
    master, slave = pty.openpty()
    proc = subprocess.run([TOOL, *args], stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, timeout=120)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.returncode, proc.stdout.decode("utf-8"), b"".join(chunks).decode("utf-8", "replace")


def case(name):
    def wrap(fn):
        global passed, failed
        try:
            fn()
            passed += 1
        except AssertionError as e:  # a failed expectation, reported with its case name
            failed += 1
            print(f"FAILED: {name}: {e}")
        return fn
    return wrap


def copy_bucket():
    d = tempfile.mkdtemp(prefix="ddbexport-verify-")
    shutil.copytree(BUCKET, os.path.join(d, "b"))
    return os.path.join(d, "b")


def verify(args, code):
    rc, out, err = run(args)
    assert rc == code, f"exit {rc} != {code}; stderr={err!r} stdout={out[:2000]!r}"
    assert err == "", f"stderr is not a terminal, yet: {err!r}"
    assert out.endswith("\n") and out.count("\n") == 1, "one JSON line"
    return json.loads(out)


def rule_ids(report, kind):
    return {f["rule"] for f in report[kind]}


def golden_exports():
    with open(os.path.join(GOLDEN, "exports.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_data(d, path, text):
    """A data file's new content, its manifest line and sidecar rewritten (§11.3 gzip, rehash, resign)."""
    old = open(path, "rb").read()
    new = gzip.compress(text.encode(), mtime=0)
    with open(path, "wb") as f:
        f.write(new)
    folder = os.path.dirname(os.path.dirname(path))
    manifest = os.path.join(folder, "manifest-files.json")
    text = open(manifest, encoding="utf-8").read()
    b64 = lambda b: base64.b64encode(hashlib.md5(b).digest()).decode()
    etag = lambda b: hashlib.md5(hashlib.md5(b).digest()).hexdigest() + "-1"
    text = text.replace(b64(old), b64(new)).replace(etag(old), etag(new))
    with open(manifest, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(os.path.join(folder, "manifest-files.md5"), "w") as f:
        f.write(b64(text.encode()))


@case("the golden bucket: every export valid, in ExportId order, each report §8.4's with exportId first")
def _():
    doc = verify([BUCKET], 0)
    assert list(doc) == ["valid", "exports"], list(doc)
    assert doc["valid"] is True
    assert [r["exportId"] for r in doc["exports"]] == IDS
    for r in doc["exports"]:
        assert list(r) == REPORT_KEYS, list(r)
        assert r["valid"] is True and r["violations"] == [] and r["warnings"] == [], r
        assert list(r["export"]) == ["exportArn", "version", "outputFormat", "folder", "dataFolder"]
        assert r["export"]["exportArn"].endswith("/export/" + r["exportId"])
        for f in r["files"]:
            assert list(f) == ["key", "itemCount", "lines", "md5", "etag", "etagReason"], f
            assert f["md5"] == "verified" and f["etag"] == "verified" and f["etagReason"] is None
            assert f["lines"] == f["itemCount"]
        assert all(s["result"] == "verified" for s in r["sidecars"])
        assert "A-OBJ-EXTRA" not in r["unchecked"], "the directory lists its keys"
        incremental = r["export"]["version"] == "2023-08-01"
        keys = ["A-KEY-MISSING", "A-KEY-TYPE"] + (["A-KEY-EXTRA"] if incremental else []) + ["A-KEY-DUP"]
        assert r["unchecked"] == ["A-DESC-STATUS", "A-DESC-MANIFEST", "A-DESC-FIELD", "A-ETAG-CHANGED"] + keys, r["unchecked"]


@case("files as exports.jsonl lists them, keys relative to DIR")
def _():
    doc = verify([BUCKET], 0)
    by_id = {r["exportId"]: r for r in doc["exports"]}
    for e in golden_exports():
        eid = e["summaryKey"].split("/")[-2]
        got = [{k: f[k] for k in ("key", "itemCount", "md5", "etag")} for f in by_id[eid]["files"]]
        assert got == e["files"], (eid, got)


@case("--export ID verifies that export only; an unknown one is a usage error")
def _():
    doc = verify(["--export", IDS[2], BUCKET], 0)
    assert [r["exportId"] for r in doc["exports"]] == [IDS[2]]
    rc, out, err = run(["--export", "01777886127318-00000000", BUCKET])
    assert rc == 2 and out == "" and "no export" in err, (rc, err)


@case("--key-schema and --track-keys supply KeySchema and TrackKeys")
def _():
    doc = verify(["--key-schema", "pk,sk", "--track-keys", BUCKET], 0)
    for r in doc["exports"]:
        assert not any(u.startswith("A-KEY-") for u in r["unchecked"]), r["unchecked"]
    d = copy_bucket()
    data = os.path.join(d, FULL, "data/e527nc5dyhyvlqlwm5qo2wm72m.json.gz")
    lines = gzip.decompress(open(data, "rb").read()).decode().splitlines(keepends=True)
    lines[1] = lines[1].replace('"sk":{"N":"1"},', "")
    write_data(d, data, "".join(lines))
    doc = verify(["--key-schema", "pk,sk", d], 1)
    assert rule_ids(doc["exports"][0], "violations") == {"A-KEY-MISSING"}, doc["exports"][0]["violations"]


@case("--description: a DescribeExport body or a bare ExportDescription, applied to the export it names")
def _():
    e = golden_exports()[0]
    d = tempfile.mkdtemp()
    for name, body in (("describe.json", e["describeExport"]), ("bare.json", e["describeExport"]["ExportDescription"])):
        path = os.path.join(d, name)
        with open(path, "w") as f:
            json.dump(body, f)
        doc = verify(["--description", path, BUCKET], 0)
        for r in doc["exports"]:
            named = r["exportId"] == IDS[0]
            assert ("A-DESC-FIELD" in r["unchecked"]) != named, (name, r["exportId"], r["unchecked"])
    bad = dict(e["describeExport"]["ExportDescription"], ItemCount=5)
    path = os.path.join(d, "bad.json")
    with open(path, "w") as f:
        json.dump(bad, f)
    doc = verify(["--description", path, BUCKET], 1)
    assert rule_ids(doc["exports"][0], "violations") == {"A-DESC-FIELD"}


@case("a corrupted bucket: exit 1, the findings in the report")
def _():
    d = copy_bucket()
    data = os.path.join(d, FULL, "data/e527nc5dyhyvlqlwm5qo2wm72m.json.gz")
    raw = bytearray(open(data, "rb").read())
    raw[4] ^= 1
    open(data, "wb").write(raw)
    doc = verify([d], 1)
    assert doc["valid"] is False
    full = doc["exports"][0]
    assert rule_ids(full, "violations") == {"A-DATA-MD5", "A-DATA-ETAG"}
    assert full["violations"][0]["path"] == FULL + "data/e527nc5dyhyvlqlwm5qo2wm72m.json.gz"
    assert all(r["valid"] for r in doc["exports"][1:])


@case("a truncated gzip: A-GZIP, exit 1; an unlisted object: A-OBJ-EXTRA, a warning only")
def _():
    d = copy_bucket()
    data = os.path.join(d, FULL, "data/frkczeywkfl6zzvzxdux3mvupi.json.gz")
    raw = open(data, "rb").read()
    open(data, "wb").write(raw[: len(raw) // 2])
    doc = verify([d], 1)
    assert "A-GZIP" in rule_ids(doc["exports"][0], "violations")
    d = copy_bucket()
    open(os.path.join(d, FULL, "stray.txt"), "w").write("x")
    doc = verify([d], 0)
    assert rule_ids(doc["exports"][0], "warnings") == {"A-OBJ-EXTRA"}


@case("only the part under a prefix, the prefix kept as folders")
def _():
    d = tempfile.mkdtemp()
    shutil.copytree(os.path.join(BUCKET, "exports"), os.path.join(d, "exports"))
    doc = verify([d], 0)
    assert [r["exportId"] for r in doc["exports"]] == [IDS[0], IDS[2], IDS[3]]


@case("progress on stderr, one line per data file, only when stderr is a terminal")
def _():
    rc, out, err = run(["--export", IDS[0], BUCKET], stderr_tty=True)
    assert rc == 0, (rc, err)
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 4 and all("data/" in l for l in lines), err


@case("usage errors: exit 2, the reason and the usage on stderr, nothing on stdout")
def _():
    empty = tempfile.mkdtemp()
    for args in ([], [empty], [empty + "/missing"], ["--bogus", BUCKET], ["--export"], ["--key-schema", "a,b,c", BUCKET],
                 ["--key-schema", ",", BUCKET], ["--description", empty + "/nope.json", BUCKET], [BUCKET, BUCKET]):
        rc, out, err = run(args)
        assert rc == 2, (args, rc)
        assert out == "", (args, out)
        assert "usage: ddbexport-verify" in err and err.startswith("ddbexport-verify: "), (args, err)
    bad = os.path.join(empty, "bad.json")
    open(bad, "w").write("{")
    rc, out, err = run(["--description", bad, BUCKET])
    assert rc == 2 and "neither" in err, (rc, err)


@case("--help on stdout with exit 0; --version prints the library version")
def _():
    rc, out, err = run(["--help"])
    assert rc == 0 and out.startswith("usage: ddbexport-verify") and err == "", (rc, err)
    rc, out, err = run(["--version"])
    assert rc == 0 and out == f"ddbexport-verify {VERSION}\n", (rc, out)


@case("README: the output shown for the golden full export is what the tool prints")
def _():
    text = open(README, encoding="utf-8").read()
    command = "$ ddbexport-verify --key-schema pk,sk --export 01777886127318-458ecad7 tests/unit/artifacts/golden/bucket\n"
    assert command in text, "the README no longer shows the command"
    shown = text.split(command, 1)[1].split("```", 1)[0]
    rc, out, _ = run(["--key-schema", "pk,sk", "--export", IDS[0], BUCKET])
    assert rc == 0 and json.loads(out) == json.loads(shown), "the README's output differs from the tool's"


print(f"[doctest] test cases: {passed + failed} | {passed} passed | {failed} failed | 0 skipped")
sys.exit(1 if failed else 0)
