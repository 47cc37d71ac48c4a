#!/usr/bin/env python3
"""Checks the BBC continued-quote convention against a hand-made gold (issue 13).

usage: scripts/check_bbc_quotes.py GAZETTE [--corpus DIR] [--show]

The gold, scripts/bbc_continued_quotes.gold.jsonl, holds no corpus text: for 20 dev BBC articles
(in /work/shared/corpus/text/dev/bbc, or --corpus) where a quotation continued into the next
paragraph opens again with `"` before the first closes, every quoted segment as offsets into the
article's trimmed text, with the surname of its speaker (null when the speaker is not a named
person: a spokesman, a report, a scare quote). The script runs `GAZETTE extract --raw` on the
articles and prints recall of the gold segments, the predicted quotes that are no gold segment
(narration promoted to a quote) and the misattribution rate: attributed quotes (kind other than
scare, speaker not null) whose speaker is wrong (the gold's is null or a different surname) or
that are no quote at all, divided by all attributed quotes. Skips (exit 0) when the corpus is absent.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s.replace("\u2019", "'")) if not unicodedata.combining(c)).lower()


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / max(a[1] - a[0], b[1] - b[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gazette")
    ap.add_argument("--corpus", default="/work/shared/corpus/text/dev/bbc")
    ap.add_argument("--show", action="store_true", help="print every misattribution and false quote")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"bbc-quotes: skipped, no corpus at {args.corpus}")
        return 0
    gold = [json.loads(line) for line in open(os.path.join(HERE, "bbc_continued_quotes.gold.jsonl"))]
    n_gold = found = attributed = wrong = false_quotes = 0
    for doc in gold:
        path = os.path.join(args.corpus, doc["file"])
        text = open(path, encoding="utf-8").read().strip()
        record = json.loads(subprocess.run([args.gazette, "extract", "--raw", path], capture_output=True, check=True, text=True).stdout)
        if record["body"] != text:
            sys.exit(f"{doc['file']}: the extracted body is not the file's text")
        units = [(q["start"], q["end"], q["speaker"]) for q in doc["quotes"]]
        n_gold += len(units)
        matched = set()
        for q in record["quotes"]:
            if q["kind"] == "scare":
                continue
            span = (q["start"], q["end"])
            best = max(range(len(units)), key=lambda k: overlap(span, units[k]), default=None)
            hit = best is not None and overlap(span, units[best]) >= 0.5
            if hit:
                matched.add(best)
            else:
                false_quotes += 1
            if q.get("speaker"):
                attributed += 1
                gold_speaker = units[best][2] if hit else None
                if gold_speaker is None or fold(gold_speaker) not in fold(q["speaker"]):
                    wrong += 1
                    if args.show:
                        print(f"  {doc['file']} {span}: {q['speaker']!r}, gold {gold_speaker!r}: {text[span[0]:span[1]][:70]!r}")
            if not hit and args.show:
                print(f"  {doc['file']} not a quote: {text[span[0]:span[1]][:70]!r}")
        found += len(matched)
    rate = wrong / attributed if attributed else 0.0
    print(f"bbc-quotes: recall={found / n_gold:.3f} ({found}/{n_gold}) false_quotes={false_quotes} "
          f"misattribution={rate:.3f} ({wrong}/{attributed} attributed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
