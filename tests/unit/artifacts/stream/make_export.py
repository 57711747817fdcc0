#!/usr/bin/env python3
"""Writes a synthetic full export of about SIZE bytes of DYNAMODB_JSON content
(default 1 GiB) under DIR, laid out and checksummed as ARTIFACTS.md says:
summary, files manifest, both sidecars, _started and FILES gzip data files.
Usage: make_export.py DIR [SIZE_BYTES] [FILES]"""
import base64
import gzip
import hashlib
import json
import os
import sys
import zlib

out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 30
files = int(sys.argv[3]) if len(sys.argv) > 3 else 8
eid = "01777886127318-458ecad7"
prefix = "bench/"
folder = f"{prefix}AWSDynamoDB/{eid}/"
table = "arn:aws:dynamodb:us-west-2:111122223333:table/Bench"
os.makedirs(os.path.join(out, folder, "data"), exist_ok=True)
open(os.path.join(out, folder, "_started"), "wb").close()

b64md5 = lambda b: base64.b64encode(hashlib.md5(b).digest()).decode()
entries, total_items = [], 0
per_file = size // files
alphabet = "abcdefghijklmnopqrstuvwxyz234567"
for f in range(files):
    name = "".join(alphabet[(f * 7 + i * 13) % 32] for i in range(25)) + "a"
    key = f"{folder}data/{name}.json.gz"
    path = os.path.join(out, key)
    # gzip framing with MTIME 0 and OS 255 around a raw deflate stream, as DynamoDB writes it.
    md5, one_part, crc, length, items = hashlib.md5(), None, 0, 0, 0
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    with open(path, "wb") as fh:
        def put(b):
            md5.update(b)
            fh.write(b)
        put(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
        batch = []
        while length < per_file:
            n = total_items + items
            line = ('{"Item":{"pk":{"S":"item#%012d"},"sk":{"N":"%d"},"title":{"S":"Synthetic title %d with some text"},'
                    '"price":{"N":"%d.%02d"},"tags":{"SS":["a%d","b%d"]},"blob":{"B":"AAECAwQFBgcICQ=="},'
                    '"nested":{"M":{"flag":{"BOOL":true},"list":{"L":[{"N":"1"},{"S":"x"},{"NULL":true}]}}}}}\n'
                    % (n, n % 1000, n, n % 997, n % 100, n, n)).encode()
            batch.append(line)
            length += len(line)
            items += 1
            if len(batch) == 4096:
                chunk = b"".join(batch)
                crc = zlib.crc32(chunk, crc)
                put(deflate.compress(chunk))
                batch = []
        chunk = b"".join(batch)
        crc = zlib.crc32(chunk, crc)
        put(deflate.compress(chunk) + deflate.flush())
        put(crc.to_bytes(4, "little") + (length & 0xFFFFFFFF).to_bytes(4, "little"))
    digest = md5.digest()
    entries.append({"itemCount": items, "md5Checksum": base64.b64encode(digest).decode(),
                    "etag": hashlib.md5(digest).hexdigest() + "-1", "dataFileS3Key": key})
    total_items += items
    print(f"{key}: {items} items, {length} content bytes, {os.path.getsize(path)} stored", file=sys.stderr)

manifest = "".join(json.dumps(e, separators=(",", ":")) + "\n" for e in entries).encode()
summary = json.dumps({
    "version": "2020-06-30", "exportArn": f"{table}/export/{eid}", "startTime": "2026-05-04T09:15:27.318Z",
    "endTime": "2026-05-04T09:21:44.905Z", "tableArn": table, "tableId": "3b2f6c1d-9a4e-4f7b-8c21-6d0e5a9f1b37",
    "exportTime": "2026-05-04T09:15:27.318Z", "s3Bucket": "example-export-bucket", "s3Prefix": prefix,
    "s3SseAlgorithm": "AES256", "s3SseKmsKeyId": None, "manifestFilesS3Key": f"{folder}manifest-files.json",
    "billedSizeBytes": size, "itemCount": total_items, "outputFormat": "DYNAMODB_JSON"}, separators=(",", ":")).encode()
for name, body in (("manifest-files.json", manifest), ("manifest-summary.json", summary)):
    with open(os.path.join(out, folder, name), "wb") as fh:
        fh.write(body)
    with open(os.path.join(out, folder, name[:-5] + ".md5"), "w") as fh:
        fh.write(b64md5(body))
print(f"{total_items} items in {files} files under {out}", file=sys.stderr)
