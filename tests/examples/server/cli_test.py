#!/usr/bin/env python3
"""Runs the AWS CLI commands of README.md ("Emulating the export
API") against ddbexport-server: a second real client, with botocore's own
parsing. Uses Debian's AWS CLI v2 (/usr/bin/aws), installing the awscli
package when it is missing.

usage: cli_test.py SERVER README
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

SERVER, README = sys.argv[1], sys.argv[2]


def tested_blocks(text, name):
    return re.findall(r"<!-- tested: " + name + r" -->\n```sh\n(.*?)```", text, re.S)


def main():
    if not os.path.exists("/usr/bin/aws"):
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "awscli"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    with open(README) as f:
        blocks = tested_blocks(f.read(), "cli")
    if len(blocks) != 1:
        print(f"expected one tested cli block, found {len(blocks)}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        # The README's --complete-after 2 and sleep 3, stretched so that a loaded
        # machine (each CLI call starts a Python) still sees IN_PROGRESS first.
        proc = subprocess.Popen([SERVER, "--port", "0", "--complete-after", "8", "--store", os.path.join(tmp, "e.jsonl")],
                                stdout=subprocess.PIPE, text=True)
        try:
            endpoint = re.fullmatch(r"listening on (http://\S+)\n", proc.stdout.readline()).group(1)
            script = "set -euo pipefail\n" + blocks[0].replace("http://127.0.0.1:8000", endpoint)
            if "sleep 3 " not in script:
                print("the README's block no longer waits with `sleep 3`")
                return 1
            script = script.replace("sleep 3 ", "sleep 9 ")
            # Debian's CLI first, whatever else is on PATH; no user configuration.
            env = dict(os.environ, PATH="/usr/bin:/bin:" + os.environ.get("PATH", ""), HOME=tmp,
                       AWS_CONFIG_FILE=os.path.join(tmp, "config"), AWS_SHARED_CREDENTIALS_FILE=os.path.join(tmp, "creds"),
                       AWS_PAGER="")
            r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=120)
        finally:
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(30)
    out, err = r.stdout, r.stderr
    print(out)
    print(err, file=sys.stderr)
    checks = []
    checks.append(("the script ran to its end", r.returncode == 0))
    checks.append(("the server stopped cleanly", code == 0))
    # describe-export, IN_PROGRESS: JSON parsed and printed by botocore.
    first = out.find("{")
    decoder = json.JSONDecoder()
    try:
        described, end = decoder.raw_decode(out, first)
    except ValueError:
        described, end = {}, first
    d = described.get("ExportDescription", {})
    checks.append(("describe-export shows the new export IN_PROGRESS", d.get("ExportStatus") == "IN_PROGRESS"))
    checks.append(("its members are the service's", d.get("S3Prefix") == "exports/music" and d.get("S3SseAlgorithm") == "AES256"
                   and d.get("ExportFormat") == "DYNAMODB_JSON" and d.get("TableId") == "e79a3724-2f34-3ab2-8cc0-8d4d02b50227"))
    arn = d.get("ExportArn", "")
    eid = arn.split("/export/")[-1]
    rest = out[end:]
    checks.append(("after --complete-after it is COMPLETED with its manifest",
                   f"COMPLETED\texports/music/AWSDynamoDB/{eid}/manifest-summary.json" in rest))
    listed = rest[rest.find("{"):rest.rfind("exit status")]
    try:
        summaries = json.loads(listed[:listed.rfind("}") + 1])["ExportSummaries"]
    except ValueError:
        summaries = []
    checks.append(("list-exports lists it", [s.get("ExportArn") for s in summaries] == [arn]))
    checks.append(("the unknown export fails with botocore's ExportNotFoundException",
                   "An error occurred (ExportNotFoundException) when calling the DescribeExport operation: Export not "
                   "found: Export not found: arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/"
                   "01792000000500-deadbeef" in err and "exit status 254" in out))
    failed = [name for name, ok in checks if not ok]
    for name, ok in checks:
        print(("ok  " if ok else "FAIL") + " " + name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
