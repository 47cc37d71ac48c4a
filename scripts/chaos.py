#!/usr/bin/env python3
"""Drops articles into a running `gazette run` while SIGKILLing it, then checks that nothing was lost.

usage: scripts/chaos.py [--files N] [--kills K] [--binary PATH] [--corpus DIR] [--seed S] [--keep]

Builds N distinct good articles (variations of the BBC texts in ../shared/corpus/text/dev/bbc when
that folder exists, else sentences made from a built-in word list), N/10 exact copies of some of
them under other names, and N/25 bad files (empty, binary, an image, a zip, oversize, symlinks,
FIFOs). A dropper thread writes them into a temporary inbox (most through a dotfile renamed into
place, some written in place) while the main thread starts the daemon on a temporary state folder
and SIGKILLs it K times, at moments of four kinds, then restarts it:

- startup: 0-250 ms after the start; on the fresh state folder the first kills land during the
  database's migrations (`grdb_migrations` incomplete afterwards);
- digest: as soon as a digest temporary (`.gazette-*.tmp`) appears in the digest folder, i.e. during
  a digest write (the daemon writes one at every minute: `digest.times` lists all 1,440 and a
  restart catches up the one it missed);
- ingest: 0.3-3 s after the start, while files are being claimed, extracted, stored, archived or
  quarantined; a kill between an article's commit and its archive move is counted from the state
  it leaves (a file in work/ whose hash is stored);
- and now and then a concurrent `gazette digest` is started and SIGKILLed too.

Kills are not crashes: `intake.max_attempts` is raised to 100 (--max-attempts), or else three kills
landing while the same file is taken up again at startup would have the crash-loop guard set that
good file aside in failed/, as it is meant to do for a file that crashes Gazette.

After the last kill the daemon runs until the inbox and work/ are empty and is stopped with SIGTERM.
Then every expectation is checked: each distinct good file stored exactly once, no other article
stored, every dropped good file or copy archived exactly once (by content), each copy recorded as a
duplicate sighting, each bad file in failed/ with its .error.json, nothing left in the inbox, work/
or attempts/, no temporaries left in the state or digest folders. Prints one line:

    chaos PASS: files in 575, stored 500, duplicates 50 (sightings 50), quarantined 25 (reports 25),
    lost 0, duplicated 0; kills 10 (migration 1, startup 2, digest 1, ingest 6; between commit and
    archive 1), 12.3 s

and exits 1 on any failure, after listing the problems.
"""
import argparse
import collections
import hashlib
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIGRATIONS = 6  # rows of grdb_migrations in a fully migrated database (docs/schema.md)
MAX_FILE_SIZE = 256 * 1024

WORDS = """council government minister city report plan budget school hospital road river bridge company
market price worker union strike vote election court judge police officer study university scientist
energy water housing train station airport festival museum library league season player coach team
farmer harvest weather storm flood fire village region province parliament committee inquiry agency""".split()
VERBS = "approved rejected announced delayed criticised welcomed reviewed extended questioned funded".split()
PLACES = "Leeds Bristol Dundee Cardiff Belfast Norwich Exeter Chester Oxford Durham".split()


def log(message):
    print(message, file=sys.stderr, flush=True)


class Corpus:
    """Distinct article texts: BBC variations when the corpus is there, else generated prose."""

    def __init__(self, folder, rng):
        self.rng = rng
        self.texts = []
        if folder and os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".txt"):
                    with open(os.path.join(folder, name), encoding="utf-8") as handle:
                        self.texts.append(handle.read())

    def article(self, n):
        if self.texts:
            text = self.texts[n % len(self.texts)]
            title, _, body = text.partition("\n\n")
            paragraphs = [p for p in body.split("\n\n") if p.strip()]
            # A different headline, paragraph order and closing line for each round over the corpus.
            rounds = n // len(self.texts)
            if rounds:
                title = f"{title.strip()}: update {rounds}"
                rest = paragraphs[1:]
                self.rng.shuffle(rest)
                paragraphs = paragraphs[:1] + rest
            closing = f"This report, number {n}, was filed by the news desk."
            return f"{title.strip()}\n\n" + "\n\n".join(paragraphs + [closing]) + "\n"
        place = PLACES[n % len(PLACES)]
        title = f"{place} {self.rng.choice(WORDS)} plan {self.rng.choice(VERBS)} after review {n}"
        paragraphs = []
        for _ in range(4):
            sentences = []
            for _ in range(3):
                words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(6, 12))]
                sentences.append(
                    f"The {words[0]} in {place} {self.rng.choice(VERBS)} the {' '.join(words[1:])} on Tuesday.")
            paragraphs.append(" ".join(sentences))
        paragraphs.append(f"This report, number {n}, was filed by the news desk.")
        return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


class Plan:
    """What is dropped and where each file must end up."""

    def __init__(self, count, corpus, rng, outside):
        self.items = []  # (name, kind, payload): kind good/copy/bad/symlink/fifo
        self.good = {}  # sha256 -> name
        self.expected_archive = collections.Counter()  # sha256 -> copies archived
        self.bad = []
        self.copies = 0
        texts = []
        for n in range(count):
            data = corpus.article(n).encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            if digest in self.good:
                continue
            name = f"article-{n:05d}.txt"
            self.good[digest] = name
            self.expected_archive[digest] += 1
            texts.append((data, digest))
            self.items.append((name, "good", data))
        for n in range(count // 10):
            data, digest = texts[rng.randrange(len(texts))]
            self.items.append((f"copy-{n:05d}.txt", "copy", data))
            self.expected_archive[digest] += 1
            self.copies += 1
        makers = [
            ("empty", "txt", lambda n: b""),
            ("elf", "bin", lambda n: b"\x7fELF\x02\x01\x01\x00" + bytes(rng.randrange(256) for _ in range(200))),
            ("image", "txt", lambda n: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes([n % 256]) * 64),
            ("archive", "zip", lambda n: b"PK\x03\x04\x14\x00\x00\x00" + bytes([n % 256]) * 64),
            ("oversize", "txt", lambda n: (b"Too long to take. " * (MAX_FILE_SIZE // 16))[: MAX_FILE_SIZE + 1 + n]),
        ]
        for n in range(max(5, count // 25)):
            if n % 7 == 5:
                name = f"bad-link-{n:04d}.txt"
                self.items.append((name, "symlink", outside))
            elif n % 7 == 6:
                name = f"bad-fifo-{n:04d}.txt"
                self.items.append((name, "fifo", None))
            else:
                label, extension, make = makers[n % len(makers)]
                name = f"bad-{label}-{n:04d}.{extension}"
                self.items.append((name, "bad", make(n)))
            self.bad.append(name)
        rng.shuffle(self.items)


def drop(inbox, item, rng):
    name, kind, payload = item
    path = os.path.join(inbox, name)
    if kind == "symlink":
        os.symlink(payload, path)
    elif kind == "fifo":
        os.mkfifo(path, 0o644)
    elif rng.random() < 0.8:
        temporary = os.path.join(inbox, "." + name + ".tmp")
        with open(temporary, "wb") as handle:
            handle.write(payload)
        os.rename(temporary, path)
    else:
        with open(path, "wb") as handle:
            handle.write(payload)


class Dropper(threading.Thread):
    """Drops the plan's files at a steady pace while the daemon is started and killed."""

    def __init__(self, plan, inbox, seconds, rng):
        super().__init__(daemon=True)
        self.plan, self.inbox, self.rng = plan, inbox, rng
        self.pause = seconds / max(1, len(plan.items))
        self.error = None

    def run(self):
        try:
            for item in self.plan.items:
                drop(self.inbox, item, self.rng)
                time.sleep(self.pause * self.rng.uniform(0, 2))
        except Exception as error:  # reported by the main thread
            self.error = error


class Sandbox:
    def __init__(self, root, binary, max_attempts):
        self.root, self.binary = root, binary
        self.inbox = os.path.join(root, "inbox")
        self.state = os.path.join(root, "state")
        self.digests = os.path.join(root, "digests")
        self.database = os.path.join(self.state, "gazette.sqlite")
        self.log = open(os.path.join(root, "daemon.log"), "ab")
        os.makedirs(self.inbox)
        self.config = os.path.join(root, "gazette.yaml")
        times = ", ".join(f'"{h:02d}:{m:02d}"' for h in range(24) for m in range(60))
        with open(self.config, "w") as handle:
            handle.write(f"intake:\n  max_file_size: {MAX_FILE_SIZE}\n  max_attempts: {max_attempts}\n")
            handle.write(f"digest:\n  time_zone: UTC\n  window: 10m\n  times: [{times}]\n")

    def flags(self):
        return ["--config", self.config, "--inbox", self.inbox, "--state-dir", self.state, "--digest-dir", self.digests]

    def start(self, notify=None):
        self.log.write(f"--- start {time.time():.3f}\n".encode())
        self.log.flush()
        environment = clean_environment()
        if notify:
            environment["NOTIFY_SOCKET"] = notify
        return subprocess.Popen([self.binary, "run", *self.flags()], stdout=subprocess.DEVNULL, stderr=self.log,
                                env=environment)

    def start_until_ready(self, timeout=120):
        """Starts the daemon with a systemd notify socket and waits for its READY=1."""
        path = os.path.join(self.root, "notify.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.bind(path)
        listener.settimeout(timeout)
        process = self.start(notify=path)
        try:
            while b"READY=1" not in listener.recv(4096):
                pass
        except socket.timeout:
            pass
        finally:
            listener.close()
            os.unlink(path)
        return process

    def start_digest(self):
        return subprocess.Popen([self.binary, "digest", *self.flags()], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=clean_environment())

    def files(self, folder):
        result = []
        for parent, _, names in os.walk(folder):
            result.extend(os.path.join(parent, name) for name in names)
        return result

    def entries(self, folder):
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

    def query(self, sql):
        if not os.path.exists(self.database):
            return None
        try:
            connection = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=10)
            try:
                return connection.execute(sql).fetchall()
            finally:
                connection.close()
        except sqlite3.DatabaseError:
            return None

    def stored_hashes(self):
        return {row[0] for row in self.query("SELECT sha256 FROM articles") or []}


def clean_environment():
    return {key: value for key, value in os.environ.items()
            if not key.startswith("GAZETTE_") and key not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}


def sha256_of(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def digest_temporaries(sandbox):
    return [name for name in sandbox.entries(sandbox.digests) if name.endswith(".tmp")]


def wait_for(condition, timeout, step=0.001):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def kill_round(sandbox, mode, rng):
    """Starts the daemon, kills it at a moment of kind `mode`; returns the kind the moment turned out to be."""
    process = sandbox.start()
    helper = sandbox.start_digest() if rng.random() < 0.3 else None
    if mode == "startup":
        time.sleep(rng.uniform(0, 0.25))
    elif mode == "digest":
        # A digest is due at the next minute; a restart catches up one it missed.
        if not wait_for(lambda: digest_temporaries(sandbox), 65, 0.0005):
            mode = "ingest"
    else:
        time.sleep(rng.uniform(0.3, 3.0))
    process.send_signal(signal.SIGKILL)
    process.wait()
    if helper:
        helper.send_signal(signal.SIGKILL)
        helper.wait()
    migrations = sandbox.query("SELECT count(*) FROM grdb_migrations")
    if mode == "startup" and (migrations is None or migrations[0][0] < MIGRATIONS):
        return "migration"
    if mode == "digest" and not digest_temporaries(sandbox):
        mode = "ingest"  # the write finished before the signal landed
    return mode


def between_commit_and_archive(sandbox):
    """Files in work/ whose article is already committed: the kill fell between commit and archive move."""
    stored = sandbox.stored_hashes()
    work = os.path.join(sandbox.state, "work")
    count = 0
    for name in sandbox.entries(work):
        path = os.path.join(work, name)
        if os.path.isfile(path) and not os.path.islink(path) and sha256_of(path) in stored:
            count += 1
    return count


def check(sandbox, plan, outside):
    """Every expectation; returns (figures, problems)."""
    problems = []
    stored = sandbox.stored_hashes()
    good = set(plan.good)
    lost = sorted(plan.good[h] for h in good - stored)
    if lost:
        problems.append(f"{len(lost)} good files not stored, e.g. {lost[:5]}")
    extra = stored - good
    if extra:
        problems.append(f"{len(extra)} articles stored that are not good files")

    archive = os.path.join(sandbox.state, "archive")
    archived = collections.Counter(sha256_of(path) for path in sandbox.files(archive))
    missing = plan.expected_archive - archived
    surplus = archived - plan.expected_archive
    if missing:
        problems.append(f"{sum(missing.values())} dropped files missing from archive/")
    if surplus:
        problems.append(f"{sum(surplus.values())} files archived more than once or not expected there")
    unarchived = (sandbox.query("SELECT count(*) FROM articles WHERE archive_path IS NULL") or [[0]])[0][0]
    if unarchived:
        problems.append(f"{unarchived} articles without their archive_path")
    dangling = [path for (path,) in sandbox.query("SELECT archive_path FROM articles") or []
                if path and not os.path.exists(path)]
    if dangling:
        problems.append(f"{len(dangling)} archive_path values naming no file, e.g. {dangling[:3]}")

    sightings = (sandbox.query("SELECT count(*) FROM duplicate_sightings") or [[0]])[0][0]
    if sightings != plan.copies:
        problems.append(f"{sightings} duplicate sightings recorded for {plan.copies} copies dropped")

    failed = os.path.join(sandbox.state, "failed")
    failed_names = sandbox.entries(failed)
    reports = [name for name in failed_names if name.endswith(".error.json")]
    quarantined = [name for name in failed_names if not name.endswith(".error.json") and not name.startswith(".")]
    if sorted(quarantined) != sorted(plan.bad):
        problems.append(f"failed/ holds {sorted(set(quarantined) ^ set(plan.bad))[:5]} against the plan "
                        f"({len(quarantined)} files for {len(plan.bad)} bad ones)")
    without_report = [name for name in quarantined if name + ".error.json" not in reports]
    if without_report:
        problems.append(f"{len(without_report)} quarantined files without .error.json: {without_report[:5]}")
    failure_rows = (sandbox.query("SELECT count(*) FROM ingest_failures") or [[0]])[0][0]
    if failure_rows != len(plan.bad):
        problems.append(f"{failure_rows} failure rows for {len(plan.bad)} bad files")
    if not os.path.exists(outside):
        problems.append("a symlink's target was removed")

    for label, folder in [("inbox", sandbox.inbox), ("work/", os.path.join(sandbox.state, "work")),
                          ("attempts/", os.path.join(sandbox.state, "attempts"))]:
        left = sandbox.entries(folder)
        if left:
            problems.append(f"{len(left)} entries left in {label}: {left[:5]}")
    temporaries = [path for path in sandbox.files(sandbox.state) + sandbox.files(sandbox.digests)
                   if os.path.basename(path).startswith(".gazette-")]
    if temporaries:
        problems.append(f"{len(temporaries)} temporaries left: {temporaries[:3]}")
    if os.path.exists(os.path.join(sandbox.digests, "latest.html")):
        with open(os.path.join(sandbox.digests, "latest.html"), encoding="utf-8") as handle:
            if not handle.read().rstrip().endswith("</html>"):
                problems.append("latest.html is not a whole page")

    figures = {
        "files in": len(plan.items),
        "stored": len(stored & good),
        "duplicates": plan.copies,
        "sightings": sightings,
        "quarantined": len(quarantined),
        "reports": len(reports),
        "lost": len(lost) + sum(missing.values()),
        "duplicated": sum(surplus.values()),
    }
    return figures, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=500, help="distinct good articles (default 500)")
    parser.add_argument("--kills", type=int, default=10, help="SIGKILLs (default 10)")
    parser.add_argument("--binary", default=os.path.join(REPO, ".build/release/gazette"))
    parser.add_argument("--corpus", default=os.path.join(REPO, "../shared/corpus/text/dev/bbc"),
                        help="folder of .txt articles to vary (default ../shared/corpus/text/dev/bbc; "
                             "generated text when it is missing)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds the final run may take to drain")
    parser.add_argument("--max-attempts", type=int, default=100,
                        help="intake.max_attempts (default 100: kills are not crashes, and three startup kills "
                             "landing on the same file would have the crash-loop guard set it aside; Gazette's "
                             "default is 3)")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no gazette binary at {args.binary}; build it with: swift build -c release --product gazette")

    rng = random.Random(args.seed)
    root = tempfile.mkdtemp(prefix="gazette-chaos-")
    sandbox = Sandbox(root, args.binary, args.max_attempts)
    outside = os.path.join(root, "outside.txt")
    with open(outside, "w") as handle:
        handle.write("A file outside the inbox that symlinks point at.\n")
    corpus = Corpus(args.corpus, rng)
    plan = Plan(args.files, corpus, rng, outside)
    log(f"chaos: {len(plan.items)} files ({'BBC variations' if corpus.texts else 'generated text'}), "
        f"{args.kills} kills, in {root}")

    began = time.monotonic()
    # Files keep arriving through most of the kill rounds (about 1.2 s each on average).
    dropper = Dropper(plan, sandbox.inbox, args.kills * 1.2, rng)
    dropper.start()
    kinds = collections.Counter()
    straddled = 0
    for round_number in range(args.kills):
        if round_number < max(1, args.kills // 10):
            mode = "startup"  # the first rounds start on a fresh or half-migrated database
        else:
            mode = rng.choices(["startup", "digest", "ingest"], weights=[2, 1, 5])[0]
        kind = kill_round(sandbox, mode, rng)
        kinds[kind] += 1
        straddled += between_commit_and_archive(sandbox)
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0, 0.5))  # sometimes files pile up while the daemon is down
    dropper.join()
    if dropper.error:
        sys.exit(f"dropping files failed: {dropper.error}")

    process = sandbox.start_until_ready()
    expected_done = sum(plan.expected_archive.values())

    def drained():
        if process.poll() is not None:
            return True
        work = sandbox.entries(os.path.join(sandbox.state, "work"))
        failed = [n for n in sandbox.entries(os.path.join(sandbox.state, "failed")) if n.endswith(".error.json")]
        archived = len(sandbox.files(os.path.join(sandbox.state, "archive")))
        return not sandbox.entries(sandbox.inbox) and not work and archived + len(failed) >= expected_done + len(plan.bad)

    settled = wait_for(drained, args.timeout, 0.5)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    else:
        code = process.returncode
    figures, problems = check(sandbox, plan, outside)
    if not settled:
        problems.append(f"the inbox did not drain within {args.timeout:.0f} s")
    if code != 0:
        problems.append(f"the last run exited with status {code} (log: {sandbox.log.name})")

    elapsed = time.monotonic() - began
    kills = ", ".join(f"{kind} {kinds[kind]}" for kind in ["migration", "startup", "digest", "ingest"])
    verdict = "PASS" if not problems else "FAIL"
    print(f"chaos {verdict}: files in {figures['files in']}, stored {figures['stored']}, duplicates "
          f"{figures['duplicates']} (sightings {figures['sightings']}), quarantined {figures['quarantined']} "
          f"(reports {figures['reports']}), lost {figures['lost']}, duplicated {figures['duplicated']}; "
          f"kills {args.kills} ({kills}; between commit and archive {straddled}), {elapsed:.1f} s")
    for problem in problems:
        print(f"  - {problem}")
    if args.keep or problems:
        print(f"  state kept in {root}")
    else:
        subprocess.run(["rm", "-rf", root], check=False)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
