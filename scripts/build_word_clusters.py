#!/usr/bin/env python3
"""Builds Sources/GazetteExtraction/Resources/ner/clusters.bin: Brown word clusters for the NER tagger.

usage: scripts/build_word_clusters.py [--conll FILE] [--text DIR] [--clusters N] [--min-count N] [--out FILE]

Unlabelled text: the tokens of the CoNLL-2003 English `train` file and the BBC News articles of the shared
development corpus (`text/dev`); never the files the tagger is scored on. Words are folded as the tagger folds
them (curly quotes straightened, lower case, digits to 0) and clustered with Brown et al.'s (1992) bigram
mutual-information clustering, as implemented by the PyPI package `brown-clustering` 0.1.6 (MIT, Benedikt
Fuchs; installed with numba into a temporary folder by `pip install --target`, never shipped). Its per-word
statistics step is replaced here by an equivalent sparse one (same smoothing), which is what makes a 30k-word
vocabulary take minutes instead of hours.

Each word's bit path is the route from the root of the merge tree of the final N clusters to its cluster.
Output (little endian): magic `GZCLU001`, `UInt32` entry count, then entries sorted by hash, each a `UInt64`
word hash (the tagger's `TokenFeatures.lower`: FNV-1a over folded, lower-cased scalars) and a `UInt32` path
(`length << 24 | bits`, the first branch in the highest of the `length` bits). Deterministic for fixed inputs.
"""
import argparse
import glob
import os
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "corpus")
SEED = 0xCBF29CE484222325
PRIME = 0x00000100000001B3
MASK = (1 << 64) - 1

# An approximation of the pipeline's Tokenizer: numbers with separators and glued letters, words with
# inner apostrophes/hyphens/periods, a possessive 's on its own, any other non-space scalar alone.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W\d_][\w]*(?:['\u2019\-.][^\W\d_][\w]*)*|\S")


def fold(c):
    o = ord(c)
    if o in (0x2018, 0x2019, 0x02BC):
        return "'"
    if o in (0x201C, 0x201D):
        return '"'
    if o in (0x2013, 0x2014):
        return "-"
    return c


def normalise(word):
    out = []
    for c in word:
        c = fold(c)
        if c.isascii():
            out.append("0" if c.isdigit() else c.lower())
        else:
            out.append(c.lower()[:1] or c)
    return "".join(out)


def word_hash(word):
    h = SEED
    for c in word:
        h = ((h ^ ord(c)) * PRIME) & MASK
    return h


def tokenize(line):
    out = []
    for t in TOKEN.findall(line):
        if len(t) > 2 and t[-2] in "'\u2019" and t[-1] in "sS":
            out += [t[:-2], t[-2:]]
        else:
            out.append(t)
    return out


def read_corpus(conll, text_dir):
    sentences = []
    sent = []
    for line in open(conll, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not parts[0] or parts[0] == "-DOCSTART-":
            if sent:
                sentences.append(sent)
            sent = []
            continue
        sent.append(normalise(parts[0]))
    if sent:
        sentences.append(sent)
    for path in sorted(glob.glob(os.path.join(text_dir, "**", "*.txt"), recursive=True)):
        for line in open(path, encoding="utf-8"):
            toks = tokenize(line)
            if toks:
                sentences.append([normalise(t) for t in toks])
    return sentences


def install(target):
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", target,
                    "brown-clustering==0.1.6", "numba==0.68.1", "tqdm==4.70.1"], check=True)
    sys.path.insert(0, target)


def cluster(sentences, m, min_count):
    import numpy as np
    from brown_clustering import BigramCorpus
    from brown_clustering.helper import ClusteringHelper, _update_heuristic

    corpus = BigramCorpus(sentences, alpha=1, min_count=min_count)
    outgoing, incoming = {}, {}
    for (a, b), c in corpus.bigrams.items():
        outgoing.setdefault(a, []).append((b, c - corpus.alpha))
        incoming.setdefault(b, []).append((a, c - corpus.alpha))
    where = {}

    def append_cluster(self, words):
        # Sparse form of the package's loop: a pair never seen counts `alpha`, a seen one alpha + count.
        (w,) = words
        k = int(self.used.argmin())
        self.clusters[k] = [w]
        where[w] = k
        self.p1[k] = corpus.unigrams[w] / corpus.n
        sizes = np.array([len(c) for c in self.clusters], dtype=float)
        row = corpus.alpha * sizes
        col = corpus.alpha * sizes
        for b, c in outgoing.get(w, ()):
            if b in where:
                row[where[b]] += c
        for a, c in incoming.get(w, ()):
            if a in where:
                col[where[a]] += c
        self.p2[k, :] = row / corpus.n
        self.p2[:, k] = col / corpus.n
        self.used[k] = True
        _update_heuristic(self.used, self.l2, self.p1, self.p2, self.q2, k)
        self.m += 1

    def merge(helper, codes):
        i, j = np.unravel_index(helper.l2.argmax(), helper.l2.shape)
        i, j = int(i), int(j)
        for w in helper.clusters[i]:
            codes[w] = "0" + codes.get(w, "")
        for w in helper.clusters[j]:
            codes[w] = "1" + codes.get(w, "")
            where[w] = i
        helper.merge_clusters(i, j)

    ClusteringHelper.append_cluster = append_cluster
    helper = ClusteringHelper(corpus, m + 1)
    ranked = corpus.ranks()
    print(f"vocabulary {len(ranked)}, clusters {m}", file=sys.stderr)
    ignored = {}
    for n, (w, _) in enumerate(ranked):
        helper.append_cluster([w])
        if helper.m > m:
            merge(helper, ignored)
        if n % 2000 == 0:
            print(f"  {n} words", file=sys.stderr)
    codes = {}
    while helper.m > 1:
        merge(helper, codes)
    return codes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conll", default=os.path.join(SHARED, "ner", "dev", "conll2003_eng.train.tsv"))
    ap.add_argument("--text", default=os.path.join(SHARED, "text", "dev"))
    ap.add_argument("--clusters", type=int, default=300)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--site", help="folder with brown-clustering and numba installed (default: a temporary one)")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "Sources", "GazetteExtraction", "Resources", "ner",
                                                  "clusters.bin"))
    a = ap.parse_args()
    os.environ.setdefault("NUMBA_NUM_THREADS", "1")
    sentences = read_corpus(a.conll, a.text)
    print(f"{len(sentences)} sentences, {sum(map(len, sentences))} tokens", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        if a.site:
            sys.path.insert(0, a.site)
        else:
            install(tmp)
        codes = cluster(sentences, a.clusters, a.min_count)
    entries = {}
    for w, code in codes.items():
        code = code[:24]
        entries[word_hash(w)] = (len(code) << 24) | (int(code, 2) if code else 0)
    with open(a.out, "wb") as fh:
        fh.write(b"GZCLU001")
        fh.write(struct.pack("<I", len(entries)))
        for h in sorted(entries):
            fh.write(struct.pack("<QI", h, entries[h]))
    print(f"{a.out}: {len(entries)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
