#!/usr/bin/env python3
"""Prints every public header under INCLUDE_ROOT/ddbexport as a path relative
to INCLUDE_ROOT, one a line, sorted: the input of the self-contained-header
check in meson.build."""
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
for header in sorted((root / "ddbexport").rglob("*.hpp")):
    print(header.relative_to(root).as_posix())
