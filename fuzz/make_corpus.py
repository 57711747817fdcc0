#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ from the golden files
(tests/golden/*.jsonl, one file per body) plus hand-made hostile cases.
Run from anywhere: python3 fuzz/make_corpus.py. Deterministic; rerunning it
rewrites the same files (files it did not make are left alone)."""
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "tests", "golden")
CONTEXT_BYTES = 32  # validate_request.cpp takes its context from the last 32 bytes


def lines(name):
    with open(os.path.join(GOLDEN, name), "rb") as f:
        return [l.rstrip(b"\n") for l in f if l.strip()]


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


ARN = b"arn:aws:dynamodb:us-east-1:123456789012:table/Music"

HOSTILE_COMMON = {
    "empty": b"",
    "ws-only": b" \t\r\n",
    "bom": b"\xef\xbb\xbf{}",
    "top-array": b"[]",
    "top-null": b"null",
    "trailing": b"{} x",
    "nul-after": b"{}\x00",
    "raw-nul-in-string": b'{"TableArn":"a\x00b"}',
    "escaped-nul": b'{"TableArn":"a\\u0000b"}',
    "deep-array-10000": b'{"Extra":' + b"[" * 10000,
    "deep-object-200": b'{"Extra":' + b'{"a":' * 200 + b"1" + b"}" * 201,
    "deep-attribute-70": b'{"FilterSpecification":{"ExpressionAttributeValues":{":v":' + b'{"L":[' * 70
    + b'{"NULL":true}' + b"]}" * 70 + b"}}}",
    "dup-top": b'{"TableArn":"a","TableArn":"b"}',
    "dup-escaped": b'{"FilterSpecification":{"ExpressionAttributeNames":{"#a":"x","#\\u0061":"y"}}}',
    "overlong-slash": b'{"S3Prefix":"\xc0\xaf"}',
    "encoded-surrogate": b'{"S3Prefix":"\xed\xa0\x80"}',
    "truncated-utf8": b'{"S3Prefix":"\xe2\x82"}',
    "beyond-10ffff": b'{"S3Prefix":"\xf4\x90\x80\x80"}',
    "lone-high-surrogate": b'{"S3Prefix":"\\ud800"}',
    "lone-low-surrogate": b'{"S3Prefix":"\\udfff\\ud800x"}',
    "surrogate-pair": b'{"S3Prefix":"\\ud83d\\ude00\\ud83d"}',
    "bad-escape": b'{"TableArn":"\\u12G4"}',
    "time-1e400": b'{"ExportTime":1e400}',
    "time-neg-1e400": b'{"ExportTime":-1E400}',
    "time-max": b'{"ExportTime":8640000000000}',
    "time-over-max": b'{"ExportTime":8640000000000.001}',
    "time-min": b'{"ExportTime":-8640000000000}',
    "time-tiny": b'{"ExportTime":1e-400}',
    "time-neg-zero": b'{"ExportTime":-0}',
    "time-huge-int": b'{"ExportTime":99999999999999999999999999999999999999}',
    "time-long-fraction": b'{"ExportTime":1.5620543552385000000000000000001E9}',
    "time-string": b'{"ExportTime":"1.5"}',
    "nan-text": b'{"ExportTime":NaN}',
    "infinity-text": b'{"ExportTime":Infinity}',
    "long-max": b'{"ExportDescription":{"ItemCount":9007199254740991,"BilledSizeBytes":-9007199254740991}}',
    "long-over": b'{"ExportDescription":{"ItemCount":9007199254740992}}',
    "long-exp": b'{"ExportDescription":{"ItemCount":1e3}}',
    "wrong-types": b'{"TableArn":5,"S3Bucket":true,"IncrementalExportSpecification":[]}',
    "attribute-two-members": b'{"FilterSpecification":{"ExpressionAttributeValues":{":v":{"S":"a","N":"1"}}}}',
    "attribute-bad-base64": b'{"FilterSpecification":{"ExpressionAttributeValues":{":v":{"B":"AA-_"}}}}',
    "attribute-every-kind": b'{"FilterSpecification":{"ExpressionAttributeValues":{":s":{"S":"a\\u0001\\ud800"},'
    b'":n":{"N":"-1.5e3"},":b":{"B":"AAF="},":bs":{"BS":["AAF=","","+/8="]},":ss":{"SS":["a","\xc3\xa9"]},'
    b'":ns":{"NS":[]},":m":{"M":{"k\\"":{"S":"v"},"7":{"N":"7"}}},":l":{"L":[{"S":"x"},{"NULL":true},{"L":[]}]},'
    b'":null":{"NULL":false},":t":{"BOOL":true}}}}',
    "map-order": b'{"FilterSpecification":{"ExpressionAttributeNames":{"b":"1","10":"2","2":"3","01":"4","-1":"5",'
    b'"4294967295":"6","4294967294":"7"}}}',
    "nulls": b'{"TableArn":null,"IncrementalExportSpecification":null,"FilterSpecification":{"FilterExpression":null}}',
}

HOSTILE_ERRORS = {
    "empty": b"",
    "html": b"<html>Bad Gateway</html>",
    "type-not-string": b'{"__type":5,"message":"m"}',
    "message-not-string": b'{"__type":"x#TableNotFoundException","message":[]}',
    "code-any-case": b'{"CODE":"ns#LimitExceededException:http://x/","Message":"m"}',
    "upper-message": b'{"__type":"com.amazon.coral.service#SerializationException","Message":"bad"}',
    "double-hash": b'{"__type":"a#TableNotFoundException#b","message":""}',
    "comma-colon": b'{"__type":"a:b#TableNotFoundException,Other"}',
    "wrong-namespace": b'{"__type":"com.amazon.coral.validate#TableNotFoundException","message":"m"}',
    "escaped": b'{"__type":"\\u0041ccessDeniedException","message":"\\ud800"}',
    "dup": b'{"__type":"a","__type":"b"}',
    "deep": b'{"x":' + b"[" * 5000,
}

CONTEXTS = [
    {},
    {"Now": 1790000000, "CallerAccountId": "123456789012", "BucketOwnerAccountId": "123456789012",
     "TableExists": True,
     "ContinuousBackupsDescription": {"ContinuousBackupsStatus": "ENABLED", "PointInTimeRecoveryDescription": {
         "PointInTimeRecoveryStatus": "ENABLED", "RecoveryPeriodInDays": 35,
         "EarliestRestorableDateTime": 1789395200, "LatestRestorableDateTime": 1789999995}},
     "PreviousExports": [{"Request": {"TableArn": ARN.decode(), "S3Bucket": "my-export-bucket",
                                      "ClientToken": "token-1"},
                          "ExportArn": ARN.decode() + "/export/01790000000000-abcdef12", "CompletedAt": None}]},
    {"Now": "2026-10-09T00:40:14Z", "ContinuousBackupsDescription": {"PointInTimeRecoveryDescription": {
        "PointInTimeRecoveryStatus": "DISABLED"}}},
    {"Now": "2026-10-09T00:40:14.123+02:00", "TableExists": False},
    {"CallerAccountId": "12345"},
    {"Now": 1e400},
    {"ContinuousBackupsDescription": {"PointInTimeRecoveryDescription": {"RecoveryPeriodInDays": 36}}},
    {"ContinuousBackupsDescription": {"PointInTimeRecoveryDescription": {"RecoveryPeriodInDays": 1.5}}},
    {"PreviousExports": [{"Request": {"TableArn": 5}, "ExportArn": "x"}]},
    {"PreviousExports": [{"Request": {"TableArn": "t", "ClientToken": "tok"}, "ExportArn": "a",
                          "CompletedAt": 1790000000.5},
                         {"Request": {"ClientToken": "tok", "S3Prefix": "p"}, "ExportArn": "b",
                          "CompletedAt": "2026-09-21T06:13:20Z"}]},
    {"PreviousExports": "no"},
    {"Now": True},
]


def tails(seed):
    """Context tails for validate_request: zeros, ones, 0xFF and a hash."""
    yield bytes(CONTEXT_BYTES)
    yield b"\x01" * CONTEXT_BYTES
    yield b"\xff" * CONTEXT_BYTES
    yield hashlib.sha256(seed).digest()[:CONTEXT_BYTES]


def main():
    requests = lines("requests.jsonl")
    responses = lines("responses.jsonl")
    errors = lines("errors.jsonl")
    for i, body in enumerate(requests):
        write("read_request", f"golden-request-{i:03}.json", body)
        write("roundtrip", f"golden-request-{i:03}.json", body)
        tail = list(tails(body))[i % 4]
        write("validate_request", f"golden-request-{i:03}.bin", body + tail)
    for i, body in enumerate(responses):
        write("read_response", f"golden-response-{i:03}.json", body)
        write("roundtrip", f"golden-response-{i:03}.json", body)
    for i, line in enumerate(errors):
        body = json.loads(line)["body"].encode("utf-8", "surrogatepass")
        write("read_error", f"golden-error-{i:03}.json", body)
    for name, body in HOSTILE_COMMON.items():
        for target in ("read_request", "read_response", "roundtrip"):
            write(target, f"hostile-{name}.json", body)
        for j, tail in enumerate(tails(body)):
            write("validate_request", f"hostile-{name}-{j}.bin", body + tail)
    for name, body in HOSTILE_ERRORS.items():
        write("read_error", f"hostile-{name}.json", body)
    for i, ctx in enumerate(CONTEXTS):
        write("context_file", f"context-{i:02}.json", json.dumps(ctx).encode())
    for i, body in enumerate(requests[-20:]):
        ctx = {"Now": 1790000000, "PreviousExports": [
            {"Request": json.loads(body), "ExportArn": "arn:x", "CompletedAt": 1789990000}]}
        write("context_file", f"golden-ledger-{i:02}.json", json.dumps(ctx, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    for name in ("deep-array-10000", "bom", "raw-nul-in-string", "lone-high-surrogate", "dup-top", "time-1e400"):
        write("context_file", f"hostile-{name}.json", HOSTILE_COMMON[name])


if __name__ == "__main__":
    main()
