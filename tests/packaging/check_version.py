#!/usr/bin/env python3
"""Checks that every place that states ddbexport's version agrees with
meson.build's project(version:), the one source of it.

usage: check_version.py VERSION [--header version.hpp] [--pc ddbexport.pc]
                                [--cmake ddbexportConfigVersion.cmake]
Prints one line per checked file and exits 1 on any mismatch."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def header_version(path):
    text = open(path, encoding="utf-8").read()
    parts = []
    for name in ("MAJOR", "MINOR", "PATCH"):
        found = re.findall(r"^\s*#\s*define\s+DDBEXPORT_VERSION_%s\s+(\d+)\s*$" % name, text, re.M)
        if len(found) != 1:
            return None
        parts.append(str(int(found[0])))
    return ".".join(parts)


def pc_version(path):
    found = re.findall(r"^Version:\s*(\S+)\s*$", open(path, encoding="utf-8").read(), re.M)
    return found[0] if len(found) == 1 else None


def cmake_version(path, wanted):
    """PACKAGE_VERSION as CMake's find_package sees it: the file is run by
    cmake, asked for exactly `wanted`, and must also call it an exact match."""
    if shutil.which("cmake") is None:
        found = re.findall(r'^set\(PACKAGE_VERSION\s+"([^"]*)"\)', open(path, encoding="utf-8").read(), re.M)
        return found[0] if found else None
    parts = (wanted.split(".") + ["0", "0"])[:3]
    script = "".join([
        'cmake_minimum_required(VERSION 3.16)\n',
        f'set(PACKAGE_FIND_NAME "ddbexport")\n',
        f'set(PACKAGE_FIND_VERSION "{wanted}")\n',
        f'set(PACKAGE_FIND_VERSION_MAJOR "{parts[0]}")\n',
        f'set(PACKAGE_FIND_VERSION_MINOR "{parts[1]}")\n',
        f'set(PACKAGE_FIND_VERSION_PATCH "{parts[2]}")\n',
        'set(PACKAGE_FIND_VERSION_COUNT 3)\n',
        f'include("{os.path.abspath(path)}")\n',
        'message("version=${PACKAGE_VERSION};exact=${PACKAGE_VERSION_EXACT};'
        'unsuitable=${PACKAGE_VERSION_UNSUITABLE}")\n',
    ])
    with tempfile.TemporaryDirectory() as tmp:
        script_path = os.path.join(tmp, "ask.cmake")
        with open(script_path, "w", encoding="utf-8") as out:
            out.write(script)
        run = subprocess.run(["cmake", "-P", script_path], capture_output=True, text=True, check=False)
    answer = dict(item.split("=", 1) for item in re.findall(r"(\w+=[^;\n]*)", run.stderr))
    if run.returncode != 0 or answer.get("exact", "").upper() not in ("TRUE", "ON", "1") or \
            answer.get("unsuitable", "").upper() in ("TRUE", "ON", "1"):
        return f"{answer.get('version')} (not an exact match for cmake: {run.stderr.strip()})"
    return answer.get("version")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("version")
    parser.add_argument("--header")
    parser.add_argument("--pc")
    parser.add_argument("--cmake")
    args = parser.parse_args()
    checks = [("header", args.header, header_version), ("pkg-config", args.pc, pc_version),
              ("cmake", args.cmake, lambda path: cmake_version(path, args.version))]
    ok = True
    for label, path, read in checks:
        if path is None:
            continue
        try:
            found = read(path)
        except OSError as err:
            found, ok = None, False
            print(f"{label}: cannot read {path}: {err}")
            continue
        if found == args.version:
            print(f"{label}: {path} says {found}: ok")
        else:
            ok = False
            print(f"{label}: {path} says {found!r}, meson.build says {args.version!r}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
