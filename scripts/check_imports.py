#!/usr/bin/env python3
"""Fails when a target imports a module it does not declare in Package.swift.

SwiftPM's `--explicit-target-dependency-import-check` does nothing on Linux, so CI runs this
instead. Usage (from the project root): scripts/check_imports.py
"""
import json
import pathlib
import re
import subprocess
import sys

# The toolchain's own modules, always available.
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Glibc", "Dispatch", "Synchronization",
          "Testing", "XCTest", "_Concurrency", "Darwin", "Musl"}

package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
problems = []
for target in package["targets"]:
    declared = {target["name"]}
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                declared.add(dependency[kind][0])
    if target["type"] == "system":
        continue
    default = "Tests" if target["type"] == "test" else "Sources"
    folder = pathlib.Path(target.get("path") or f"{default}/{target['name']}")
    for source in sorted(folder.rglob("*.swift")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\s*(?:@testable\s+|@_exported\s+|(?:public|package|internal)\s+)?import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?(\w+)", line)
            if match and match.group(1) not in SYSTEM and match.group(1) not in declared:
                problems.append(f"{source}:{number}: {target['name']} imports {match.group(1)} without declaring it in Package.swift")
print("\n".join(problems) if problems else f"imports: every import of {len(package['targets'])} targets is declared")
sys.exit(1 if problems else 0)
