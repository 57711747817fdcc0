#!/usr/bin/env python3
"""Fails unless README.md shows tests/examples/readme_example.cpp verbatim
in a ```cpp block, so the example people copy is the one CI compiles."""
import sys

readme, example = sys.argv[1], sys.argv[2]
text = open(readme, encoding="utf-8").read()
code = open(example, encoding="utf-8").read()
blocks = [b.split("```", 1)[0] for b in text.split("```cpp\n")[1:]]
if code not in blocks:
    print("README.md does not contain tests/examples/readme_example.cpp as a ```cpp block")
    sys.exit(1)
print("README example matches")
