#!/usr/bin/env python3
"""Build Sources/GazetteExtraction/Resources/tone/vader.tsv from the VADER sentiment package.

Source: PyPI `vaderSentiment` 3.3.2 (MIT License, (c) 2016 C.J. Hutto), which ships
`vader_lexicon.txt` (word valences, -4..4) and, in `vaderSentiment.py`, the negation list
`NEGATE` and the intensifier table `BOOSTER_DICT`. This script keeps only what the tone stage
can match against Gazette's word tokens (single words of letters, apostrophes and hyphens;
emoticons and multi-word entries are dropped) and writes one compact tab-separated file:

    w<TAB>word<TAB>valence     a lexicon word
    b<TAB>word<TAB>delta       an intensifier (+0.293) or dampener (-0.293)
    n<TAB>word                 a negation

usage: scripts/build_tone_lexicon.py [--wheel PATH] [--out PATH]
Without --wheel it runs `pip download --no-deps vaderSentiment==3.3.2` into a temporary folder.
Deterministic: entries are sorted.
"""
import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
import zipfile

VERSION = "3.3.2"
WORD = re.compile(r"^[a-z][a-z'\-]*$")
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "Sources", "GazetteExtraction", "Resources", "tone", "vader.tsv")


def fetch_wheel(folder):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-d", folder, f"vaderSentiment=={VERSION}"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    for name in os.listdir(folder):
        if name.endswith(".whl"):
            return os.path.join(folder, name)
    sys.exit("pip download produced no wheel")


def module_constant(source, name):
    """Evaluates a literal assignment `NAME = ...` in the module source, resolving B_INCR/B_DECR."""
    tree = ast.parse(source)
    consts = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target = node.targets[0].id
            try:
                consts[target] = ast.literal_eval(node.value)
            except ValueError:
                # BOOSTER_DICT refers to B_INCR/B_DECR by name.
                text = ast.unparse(node.value)
                for k, v in consts.items():
                    if isinstance(v, float):
                        text = re.sub(rf"\b{k}\b", repr(v), text)
                consts[target] = ast.literal_eval(text)
    return consts[name]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help="path to vaderSentiment-3.3.2-py2.py3-none-any.whl")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(tmp)
        with zipfile.ZipFile(wheel) as z:
            lexicon = z.read("vaderSentiment/vader_lexicon.txt").decode("utf-8")
            module = z.read("vaderSentiment/vaderSentiment.py").decode("utf-8")

    words = {}
    for line in lexicon.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not WORD.match(parts[0]):
            continue
        words[parts[0]] = float(parts[1])
    boosters = {w: d for w, d in module_constant(module, "BOOSTER_DICT").items() if WORD.match(w)}
    negations = sorted(w for w in module_constant(module, "NEGATE") if WORD.match(w))

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# VADER {VERSION} (MIT, C.J. Hutto); built by scripts/build_tone_lexicon.py\n")
        for w in sorted(words):
            f.write(f"w\t{w}\t{words[w]:g}\n")
        for w in sorted(boosters):
            f.write(f"b\t{w}\t{boosters[w]:g}\n")
        for w in negations:
            f.write(f"n\t{w}\n")
    print(f"{len(words)} words, {len(boosters)} boosters, {len(negations)} negations -> {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
