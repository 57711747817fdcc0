#!/usr/bin/env python3
"""Runs the built ddbexport-check on sample bodies and checks its contract:
report fields, exit codes, --echo, --first, --context and the golden files.
Prints doctest-style totals so the CI count includes each case."""
import glob
import gzip
import json
import os
import subprocess
import sys
import tempfile

TOOL, GOLDEN, ARTIFACTS = sys.argv[1], sys.argv[2], sys.argv[3]
TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/Music"
passed = failed = 0


def run(args, body=None, stdin_devnull=False):
    proc = subprocess.run(
        [TOOL, *args],
        input=None if body is None else body.encode("utf-8"),
        stdin=subprocess.DEVNULL if stdin_devnull else None,
        capture_output=True,
        timeout=60,
    )
    return proc.returncode, proc.stdout.decode("utf-8", "surrogateescape"), proc.stderr.decode("utf-8", "replace")


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


def report(args, body, code):
    rc, out, err = run(args + ["-"], body)
    assert rc == code, f"exit {rc} != {code}; stdout={out!r} stderr={err!r}"
    return json.loads(out)


def context_file(obj):
    f = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    json.dump(obj, f)
    f.close()
    return f.name


def request(**members):
    body = {"TableArn": TABLE, "S3Bucket": "music-exports"}
    body.update(members)
    return json.dumps(body, separators=(",", ":"))


@case("no input: built-in sample, said on stderr")
def _():
    rc, out, err = run([], stdin_devnull=True)
    assert rc == 0, rc
    assert "sample" in err
    r = json.loads(out)
    assert r["valid"] is True and r["error"] is None
    assert set(r) == {"valid", "error", "violations", "warnings", "unchecked"}


@case("a valid request from a file")
def _():
    with tempfile.NamedTemporaryFile("w", delete=False) as f:
        f.write(request())
    rc, out, _ = run([f.name])
    assert rc == 0
    r = json.loads(out)
    assert r["valid"] and r["violations"] == []
    assert "R-PITR-REQ" in r["unchecked"]


@case("the RULES.md section 4 example: combined ValidationException")
def _():
    r = report([], '{"TableArn":"","S3Bucket":"my bucket","ExportFormat":"CSV"}', 1)
    assert r["valid"] is False
    assert r["error"]["__type"] == "com.amazon.coral.validate#ValidationException"
    assert r["error"]["message"] == (
        "3 validation errors detected: Value '' at 'tableArn' failed to satisfy constraint: Member must have length "
        "greater than or equal to 1; Value 'my bucket' at 's3Bucket' failed to satisfy constraint: Member must "
        "satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$; Value 'CSV' at 'exportFormat' "
        "failed to satisfy constraint: Member must satisfy enum value set: [ION, DYNAMODB_JSON]")
    assert [v["rule"] for v in r["violations"]] == ["S-TABLEARN-LEN", "S-BUCKET-PAT", "S-FMT-ENUM"]
    v = r["violations"][2]
    assert v["path"] == "ExportFormat" and v["error"] == "ValidationException"
    assert v["message"].startswith("1 validation error detected: Value 'CSV' at 'exportFormat'")


@case("--first keeps only the first violation")
def _():
    r = report(["--first"], '{"TableArn":"","S3Bucket":"my bucket","ExportFormat":"CSV"}', 1)
    assert [v["rule"] for v in r["violations"]] == ["S-TABLEARN-LEN"]
    assert r["error"]["message"].startswith("3 validation errors detected")


@case("malformed JSON is a SerializationException, exit 1")
def _():
    r = report([], '{"TableArn":', 1)
    assert r["error"] == {"__type": "com.amazon.coral.service#SerializationException", "message": ""}
    assert [v["rule"] for v in r["violations"]] == ["W-JSON"]
    assert r["violations"][0]["error"] == "SerializationException"


@case("wrong JSON type: W-TYPE with the Coral text")
def _():
    r = report([], '{"TableArn":5,"S3Bucket":"b1"}', 1)
    assert r["violations"][0]["rule"] == "W-TYPE"
    assert r["violations"][0]["path"] == "TableArn"
    assert r["error"]["message"] == "NUMBER_VALUE cannot be converted to String"


@case("duplicate member: W-DUPKEY")
def _():
    r = report([], '{"TableArn":"a","TableArn":"b"}', 1)
    assert r["violations"][0]["rule"] == "W-DUPKEY"
    assert r["violations"][0]["message"] == "Member 'TableArn' appears more than once"


@case("context: PITR disabled gives PointInTimeRecoveryUnavailableException")
def _():
    ctx = context_file({"ContinuousBackupsDescription": {"ContinuousBackupsStatus": "ENABLED",
                        "PointInTimeRecoveryDescription": {"PointInTimeRecoveryStatus": "DISABLED"}}})
    r = report(["--context", ctx], request(), 1)
    assert r["error"] == {"__type": "com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException",
                          "message": "Point in time recovery is not enabled for table 'Music'"}
    assert "R-PITR-REQ" not in r["unchecked"]


@case("context: incremental window too short, Now as RFC 3339")
def _():
    ctx = context_file({"Now": "2026-10-09T00:40:14Z",
                        "ContinuousBackupsDescription": {"PointInTimeRecoveryDescription": {
                            "PointInTimeRecoveryStatus": "ENABLED", "EarliestRestorableDateTime": 1780000000,
                            "LatestRestorableDateTime": 1791506000}}})
    body = request(ExportType="INCREMENTAL_EXPORT",
                   IncrementalExportSpecification={"ExportFromTime": 1791500000, "ExportToTime": 1791500899.999})
    r = report(["--context", ctx], body, 1)
    assert r["error"]["__type"] == "com.amazonaws.dynamodb.v20120810#InvalidExportTimeException"
    assert r["error"]["message"] == ("Difference between export period from time and export period to time "
                                     "is less than 15 minutes")
    assert [v["rule"] for v in r["violations"]] == ["R-INC-MIN"]
    assert r["violations"][0]["path"] == "IncrementalExportSpecification"


@case("context: cross-account bucket predicts S3AccessDenied as a warning")
def _():
    ctx = context_file({"CallerAccountId": "123456789012", "BucketOwnerAccountId": "210987654321"})
    r = report(["--context", ctx], request(), 0)
    w = [w for w in r["warnings"] if w["rule"] == "R-OWNER-XACCT"]
    assert w and w[0]["error"] == "S3AccessDenied"
    assert w[0]["message"] == "Bucket 'music-exports' is in account 210987654321; S3BucketOwner is required"


@case("context: replay inside the ClientToken window adds replay_of")
def _():
    arn = TABLE + "/export/01790000000000-0a1b2c3d"
    earlier = json.loads(request(ClientToken="tok-1"))
    ctx = context_file({"Now": 1790000100, "PreviousExports": [
        {"Request": earlier, "ExportArn": arn, "CompletedAt": None}]})
    r = report(["--context", ctx], request(ClientToken="tok-1"), 0)
    assert r["replay_of"] == arn
    r = report(["--context", ctx], request(ClientToken="tok-1", S3Prefix="x"), 1)
    assert r["error"]["__type"] == "com.amazonaws.dynamodb.v20120810#ExportConflictException"
    assert "replay_of" not in r


@case("context: a wrong value is a usage error (exit 2, nothing on stdout)")
def _():
    ctx = context_file({"CallerAccountId": "12345"})
    rc, out, err = run(["--context", ctx, "-"], request())
    assert rc == 2 and out == "" and err


@case("usage errors and unreadable files exit 2 with nothing on stdout")
def _():
    for args in (["--bogus"], ["/nonexistent/body.json"], ["--context", "/nonexistent/ctx.json", "-"], ["a", "b"]):
        rc, out, err = run(args, "")
        assert rc == 2, (args, rc)
        assert out == "" and err, args


@case("unknown members are advice, W-UNKNOWN")
def _():
    r = report([], request(DestinationType="S3"), 0)
    assert [w["rule"] for w in r["warnings"]] == ["W-UNKNOWN"]
    assert r["warnings"][0]["error"] is None


@case("--response: a broken description fails its checks, error stays null")
def _():
    body = json.dumps({"ExportDescription": {"ExportArn": TABLE + "/export/01790000000000-0a1b2c3d",
                                             "ExportStatus": "COMPLETED", "StartTime": 1790000000}})
    r = report(["--response"], body, 1)
    assert r["error"] is None and r["valid"] is False
    assert all(v["error"] == "ResponseCheck" for v in r["violations"])
    assert "R-DESC-COMPLETED" in [v["rule"] for v in r["violations"]]


@case("--error: a well-formed error body passes; an unknown name is advice")
def _():
    r = report(["--error"], '{"__type":"com.amazonaws.dynamodb.v20120810#TableNotFoundException","message":"m"}', 0)
    assert r["valid"] and r["violations"] == []
    r = report(["--error"], '{"__type":"x#SomethingNewException","message":"m"}', 0)
    assert [w["rule"] for w in r["warnings"]] == ["ERR-NAME"]
    r = report(["--error"], '{"__type":"com.amazon.coral.service#TableNotFoundException"}', 1)
    assert [v["rule"] for v in r["violations"]] == ["ERR-NS"]


@case("--echo without ClientToken generates none")
def _():
    body = request()
    rc, out, _ = run(["--echo", "-"], body)
    assert rc == 0 and out == body


def golden(name):
    with open(os.path.join(GOLDEN, name), encoding="utf-8", newline="\n") as f:
        return [line[:-1] if line.endswith("\n") else line for line in f]


@case("--echo reproduces every golden request byte for byte")
def _():
    bad = [line for line in golden("requests.jsonl") if run(["--echo", "-"], line)[1] != line]
    assert not bad, f"{len(bad)} lines differ, first: {bad[0][:200]}"


@case("--response --echo gives every golden canonical response")
def _():
    bad = [i for i, (body, want) in enumerate(zip(golden("responses.jsonl"), golden("responses.expected.jsonl")))
           if run(["--response", "--echo", "-"], body)[1] != want]
    assert not bad, f"{len(bad)} lines differ, first line {bad[0] + 1}"


# Issue 13, item 7: the bodies an export leaves on S3.
def artifact_files(name):
    return sorted(glob.glob(os.path.join(ARTIFACTS, "bucket", "**", name), recursive=True))


def json_data_lines():
    lines = []
    for path in artifact_files("*.json.gz"):
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            # Only LF ends a line: str.splitlines would also cut at U+2028 and friends.
            lines += [l + "\n" for l in f.read().split("\n")[:-1]]
    return lines


@case("--manifest-summary and --manifest-files: every golden manifest is valid and --echo gives its bytes")
def _():
    summaries, manifests = artifact_files("manifest-summary.json"), artifact_files("manifest-files.json")
    assert summaries and manifests
    for kind, paths in (("--manifest-summary", summaries), ("--manifest-files", manifests)):
        for path in paths:
            body = open(path, encoding="utf-8", newline="").read()
            rc, out, _ = run([kind, path])
            assert rc == 0 and json.loads(out)["valid"] is True, f"{path}: {out}"
            rc, out, _ = run([kind, "--echo", path])
            assert rc == 0 and out == body, f"{path}: echo differs: {out[:200]!r}"


@case("--data-line: every golden DYNAMODB_JSON line (full and incremental) echoes with its LF, with or without it given")
def _():
    lines = json_data_lines()
    assert any(l.startswith('{"Item"') for l in lines) and any(l.startswith('{"Metadata"') for l in lines)
    for line in lines:
        for body in (line, line.rstrip("\n")):
            rc, out, err = run(["--data-line", "--echo", "-"], body)
            assert rc == 0 and out == line, f"{line[:120]!r} -> {out[:120]!r} {err}"


@case("--manifest-summary: an unknown version is A-SUM-VERSION with the spec's message")
def _():
    body = open(artifact_files("manifest-summary.json")[0], encoding="utf-8").read()
    doc = json.loads(body)
    doc["version"] = "2019-01-01"
    r = report(["--manifest-summary"], json.dumps(doc, separators=(",", ":")), 1)
    assert r["error"] is None
    assert [v["rule"] for v in r["violations"]][:1] == ["A-SUM-VERSION"], r
    assert r["violations"][0]["message"] == "Unknown manifest-summary version: 2019-01-01", r


@case("--manifest-files: a bad md5Checksum and an unknown member, then --first keeps one violation")
def _():
    line = open(artifact_files("manifest-files.json")[0], encoding="utf-8").read().split("\n")[0]
    doc = json.loads(line)
    doc["md5Checksum"] = "not-base64"
    doc["extra"] = 1
    bad = json.dumps(doc, separators=(",", ":")) + "\n"
    r = report(["--manifest-files"], bad + "{}\n", 1)
    rules = [v["rule"] for v in r["violations"]]
    assert rules[0] == "A-FILES-ENTRY" and len(rules) > 1, r
    assert [w["rule"] for w in r["warnings"]] == ["A-FILES-UNKNOWN"], r
    r = report(["--manifest-files", "--first"], bad + "{}\n", 1)
    assert [v["rule"] for v in r["violations"]] == ["A-FILES-ENTRY"], r


@case("--data-line: a repeated member, two lines and invalid UTF-8 are violations, never echoed")
def _():
    r = report(["--data-line"], '{"Item":{"a":{"S":"x"}},"Item":{}}', 1)
    assert [v["rule"] for v in r["violations"]] == ["A-LINE-JSON"], r
    r = report(["--data-line"], '{"Item":{"a":{"S":"x"}}}\n{"Item":{"a":{"S":"y"}}}\n', 1)
    assert r["valid"] is False and r["violations"], r
    proc = subprocess.run([TOOL, "--data-line", "--echo", "-"], input=b'{"Item":{"a":{"S":"\xff"}}}', capture_output=True)
    assert proc.returncode == 1 and json.loads(proc.stdout)["valid"] is False, proc


@case("--help on stdout with exit 0, --version the library's version, a bad option the usage on stderr with exit 2")
def _():
    rc, out, err = run(["--help"])
    assert rc == 0 and out.startswith("usage: ddbexport-check ") and "--manifest-summary" in out and err == ""
    rc, out, err = run(["--version"])
    assert rc == 0 and out.startswith("ddbexport-check ") and out.count(".") == 2 and err == "", out
    rc, out, err = run(["--bogus"])
    assert rc == 2 and out == "" and err.startswith("usage: ddbexport-check "), err


print(f"[doctest] test cases: {passed + failed} | {passed} passed | {failed} failed | 0 skipped")
sys.exit(1 if failed else 0)
