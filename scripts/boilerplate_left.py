#!/usr/bin/env python3
"""Counts page furniture left in the bodies `gazette extract` gives for a folder of HTML pages.

usage: scripts/boilerplate_left.py GAZETTE_BINARY PAGES_DIR [--show N]

Runs `GAZETTE_BINARY extract` on every *.html under PAGES_DIR (e.g. ../shared/corpus/html/dev)
and counts, per kind, the body lines (paragraphs) that match that kind's patterns: menus,
cookie and consent notices, newsletter and subscription prompts, share and follow buttons,
comment sections, related and recommended links, ads, captions and credits, login forms,
copyright and legal footers. A line counts once, for the first kind it matches. Prints one line
per kind, the total, and the pages and body lines looked at; --show N prints N example lines
per kind. The patterns are deliberately generic (not taken from the pages) so the counts stay
comparable between reader versions.
"""
import argparse
import json
import os
import re
import subprocess
import sys

KINDS = [
    ("menu", r"^(home|menu|search|sections?|skip to (main )?content|main menu|navigation|back to top|sign in|log ?in|"
             r"register|my account|subscribe|more|close|open|toggle|next|previous|prev)$|"
             r"^(home|news|world|politics|business|sport|sports|tech|opinion|culture|video|weather)( [|/•·-] \w+){2,}"),
    ("cookie", r"\bcookies?\b|\bconsent\b|privacy (policy|settings|preferences)|gdpr"),
    ("newsletter", r"newsletter|sign up (for|to)|subscribe (to|now|for)|get (our|the) .{0,30}(in your inbox|delivered)|"
                   r"inbox|email address"),
    ("share", r"^(share|tweet|pin it|email|print|copy link|link copied|facebook|twitter|whatsapp|linkedin|reddit|"
              r"share (this|on|via)\b.*|follow us\b.*|follow @\w+.*)$"),
    ("comment", r"^\d* ?comments?$|leave a (comment|reply)|post a comment|add a comment|comments? (are|is) (closed|moderated)|"
                r"^reply$|log in to comment|join the (conversation|discussion)|view comments"),
    ("related", r"^(related|related (articles|stories|content|posts|coverage|topics)|read more|more (from|on|stories|news)\b.*|"
                r"recommended( for you)?|you (may|might) also like|most (read|popular|viewed|shared)|trending( now)?|"
                r"top stories|editor'?s picks|see also|further reading|read next|up next)\b"),
    ("ad", r"^(advertisement|advertising|ad|sponsored( content)?|promoted|paid (post|content)|partner content)$|"
           r"story continues below|scroll to continue"),
    ("caption", r"^(image|photo|picture|video) (source|caption|credit)|\b(photograph|photo|image|illustration|credit)s?: |"
                r"\((getty images|ap photo|reuters|afp)[^)]*\)$|/getty images$|/ap$|/reuters$"),
    ("login", r"keep me logged in|forgot (your )?password|don'?t have an account|create (an )?account|already a subscriber"),
    ("legal", r"©|copyright \d{4}|all rights reserved|terms (of (use|service)|and conditions)"),
]
PATTERNS = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in KINDS]


def classify(line):
    text = " ".join(line.split())
    if not text or len(text) > 300:
        return None
    for kind, pattern in PATTERNS:
        if pattern.search(text):
            return kind
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("pages")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.pages) for f in fs if f.endswith(".html"))
    counts = {kind: 0 for kind, _ in KINDS}
    examples = {kind: [] for kind, _ in KINDS}
    lines_seen = 0
    for start in range(0, len(pages), 50):
        batch = pages[start:start + 50]
        out = subprocess.run([args.binary, "extract", *batch], capture_output=True, text=True).stdout
        for raw in out.splitlines():
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            for line in (record.get("body") or "").split("\n"):
                if not line.strip():
                    continue
                lines_seen += 1
                kind = classify(line)
                if kind:
                    counts[kind] += 1
                    if len(examples[kind]) < args.show:
                        examples[kind].append(line[:120])
    for kind, _ in KINDS:
        print("%-10s %5d" % (kind, counts[kind]))
        for example in examples[kind]:
            print("    " + example)
    print("%-10s %5d  (%d pages, %d body lines)" % ("total", sum(counts.values()), len(pages), lines_seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
