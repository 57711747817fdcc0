#!/usr/bin/env python3
"""Writes the seed corpora of the artifact fuzz targets under
fuzz/corpus/artifacts_*/ from the golden export (tests/unit/artifacts/golden)
and its corrupted cases. Deterministic: rerunning it rewrites the same files.
Run from anywhere: python3 fuzz/make_artifacts_corpus.py"""
import gzip
import json
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "tests", "unit", "artifacts", "golden")
BUCKET = os.path.join(GOLDEN, "bucket")


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(key):
    with open(os.path.join(BUCKET, key), "rb") as f:
        return f.read()


def inflate(stored):
    return zlib.decompress(stored, 16 + zlib.MAX_WBITS)


exports = [json.loads(l) for l in open(os.path.join(GOLDEN, "exports.jsonl"), encoding="utf-8") if l.strip()]
cases = [json.loads(l) for l in open(os.path.join(GOLDEN, "cases.jsonl"), encoding="utf-8") if l.strip()]

# Summaries and files manifests: the golden ones, and what the cases put there.
for e in exports:
    name = e["export"]
    summary = read(e["summaryKey"])
    write("artifacts_summary", f"golden-{name}.json", summary)
    write("artifacts_summary", f"golden-{name}-pretty.json", json.dumps(json.loads(summary), indent=2).encode())
    manifest = read(e["summaryKey"].replace("manifest-summary.json", "manifest-files.json"))
    write("artifacts_files_manifest", f"golden-{name}.jsonl", manifest)
    write("artifacts_files_manifest", f"golden-{name}-crlf.jsonl", manifest.replace(b"\n", b"\r\n"))
    write("artifacts_files_manifest", f"golden-{name}-no-final-lf.jsonl", manifest[:-1])
for i, c in enumerate(cases):
    for edit in c["edits"]:
        if edit["op"] == "put" and "text" in edit and edit["key"].endswith("manifest-summary.json"):
            write("artifacts_summary", f"case-{i:03}.json", edit["text"].encode())
        if edit["op"] == "append" and edit["key"].endswith("manifest-files.json"):
            write("artifacts_files_manifest", f"case-{i:03}.jsonl", edit["text"].encode())
for name, text in {"empty": b"", "bom": b"\xef\xbb\xbf{}", "deep": b"{\"a\":" + b"[" * 300 + b"]" * 300 + b"}",
                   "dup": b"{\"version\":\"2020-06-30\",\"version\":\"2023-08-01\"}",
                   "escapes": b"{\"version\":\"2020-06-30\",\"s3Prefix\":\"\\u0065xports/\\ud800\"}"}.items():
    write("artifacts_summary", f"hostile-{name}.json", text)
    write("artifacts_files_manifest", f"hostile-{name}.jsonl", text + b"\n")

# Data lines: the first byte chooses format and kind (see artifacts_data_line.cpp).
def modes(key):
    ion = key.endswith(".ion.gz")
    if key.startswith("exports/AWSDynamoDB/data/"):
        return [2 | 4 | 16, 2 | 4 | 8 | 16]
    return [1 if ion else 0]


n = 0
for e in exports:
    for key in e["objects"]:
        if not key.endswith(".gz"):
            continue
        for line in inflate(read(key)).split(b"\n"):
            if line:
                for m in modes(key):
                    write("artifacts_data_line", f"golden-{n:03}.bin", bytes([m]) + line)
                    n += 1
for i, c in enumerate(cases):
    for edit in c["edits"]:
        if edit["op"] == "gzip":
            for j, line in enumerate(edit["text"].encode().split(b"\n")):
                for m in modes(edit["key"]):
                    write("artifacts_data_line", f"case-{i:03}-{j}-{m}.bin", bytes([m]) + line)
for l in open(os.path.join(GOLDEN, "ion-decoded.jsonl"), encoding="utf-8"):
    pair = json.loads(l)
    write("artifacts_data_line", f"ion-decoded-{pair['line']}-{pair['key'][-15:-7]}.bin", b"\x01" + pair["ion"].encode())


# The verifier: a FuzzedDataProvider stream (see artifacts_verify.cpp): seven
# objects as backslash-terminated strings ("-" for an absent one), flags last.
def string(b):
    return b.replace(b"\\", b"\\\\") + b"\\x"


def bundle(e, layout, data_bytes, flags):
    folder = e["summaryKey"][: -len("manifest-summary.json")]
    objects = [read(folder + "manifest-summary.json"), read(folder + "manifest-summary.md5"),
               read(folder + "manifest-files.json"), read(folder + "manifest-files.md5")]
    objects += data_bytes
    objects.append(b"")  # _started
    return b"".join(string(o) for o in objects) + bytes([flags | layout])


LAYOUT = {"full-json": 0, "full-ion": 1, "incr-nao": 2}
NAMES = ["demux2uinzsjm5dzww3imqvcm4", "e527nc5dyhyvlqlwm5qo2wm72m"]
for e in exports:
    if e["export"] not in LAYOUT:
        continue
    layout = LAYOUT[e["export"]]
    keys = [k for k in e["objects"] if k.endswith(".gz")]
    folder = e["summaryKey"][: -len("manifest-summary.json")]
    data_dir = "exports/AWSDynamoDB/data/" if layout == 2 else folder + "data/"
    ext = ".ion.gz" if layout == 1 else ".json.gz"
    # The golden data files, put at the two keys the target uses.
    files = [read(k) for k in keys][:2]
    name = e["export"]
    write("artifacts_verify", f"golden-{name}.bin", bundle(e, layout, files, 8))
    write("artifacts_verify", f"golden-{name}-partial-tracked.bin", bundle(e, layout, files, 8 | 16 | 32 | 64))
    write("artifacts_verify", f"golden-{name}-no-inflater.bin", bundle(e, layout, files, 4))
    big = max(files, key=len)
    write("artifacts_verify", f"truncated-gzip-{name}.bin", bundle(e, layout, [big[: len(big) // 2], big[:-3]], 8))
    corrupt = bytearray(big)
    corrupt[10] = 0x07
    write("artifacts_verify", f"corrupt-deflate-{name}.bin", bundle(e, layout, [bytes(corrupt), big + b"x"], 8))
    compressed = gzip.compress(inflate(big), mtime=0)
    write("artifacts_verify", f"deflated-{name}.bin", bundle(e, layout, [compressed, b"-"], 8))
print("corpora written")
