#!/usr/bin/env bash
# Peak memory of `gazette extract` per input shape, for issue 14.17's bound (peak RSS at most
# 256 MB for any file under max_file_size, whatever its shape).
#
# Usage: scripts/memory_bounds.sh [GAZETTE_BINARY] [BBC_TEXT_FOLDER]
#   GAZETTE_BINARY   default .build/release/gazette (build it with `swift build -c release --product gazette`)
#   BBC_TEXT_FOLDER  plain-text articles to repeat; default /work/shared/corpus/text/dev/bbc, else
#                    the repository's own article fixtures
# Prints one line per shape: its size and the peak resident set size of the extraction (the
# supervisor and its worker process, as GNU time reports); then the daemon's peak and what it
# keeps after three of the largest files arrive at once. Exits 1 if any peak passes 256 MB.
set -euo pipefail
binary=${1:-.build/release/gazette}
corpus=${2:-/work/shared/corpus/text/dev/bbc}
[ -d "$corpus" ] || corpus=Tests/GazetteExtractionTests/Fixtures
[ -x "$binary" ] || { echo "no gazette binary at $binary" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }
limit_kb=$((256 * 1000))
size=$((19 * 1024 * 1024))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Article text: the corpus's .txt files, repeated until `size` bytes.
find "$corpus" -name '*.txt' -type f | sort | awk 'NR <= 400' | xargs cat > "$work/seed.txt"
python3 - "$work" "$size" <<'PY'
import sys
work, size = sys.argv[1], int(sys.argv[2])
seed = open(f"{work}/seed.txt", encoding="utf-8", errors="replace").read()
def repeat(text, n):
    return (text * (n // max(1, len(text)) + 1))[:n]
paragraphs = [p.strip() for p in seed.split("\n\n") if p.strip()]
text = "\n\n".join(paragraphs)
open(f"{work}/repeated-bbc-19MiB.txt", "w").write("Repeated BBC articles\n\n" + repeat(text + "\n\n", size - 30))
open(f"{work}/one-line-5MB.txt", "w").write(repeat(" ".join(text.split()) + " ", 5_000_000))
html = "".join(f"<p>{p}</p>\n" for p in paragraphs)
open(f"{work}/page-19MiB.html", "w").write(
    "<html><head><title>A very long page</title></head><body><article><h1>A very long page</h1>\n"
    + repeat(html, size - 200) + "</article></body></html>\n")
open(f"{work}/tiny-paragraphs-19MiB.txt", "w").write("Tiny paragraphs\n\n" + repeat("Yes, he said.\n\n", size - 20))
open(f"{work}/giant-word-19MiB.txt", "w").write("One giant word\n\n" + "a" * (size - 20))
PY

worst=0
printf '%-26s %10s %12s %8s\n' shape bytes peak_rss_MB seconds
for file in repeated-bbc-19MiB.txt one-line-5MB.txt page-19MiB.html tiny-paragraphs-19MiB.txt giant-word-19MiB.txt; do
    /usr/bin/time -v -o "$work/time.txt" "$binary" extract "$work/$file" > "$work/out.json" 2> /dev/null || true
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
    printf '%-26s %10d %12d %8s\n' "$file" "$(stat -c %s "$work/$file")" $((peak / 1000)) "$seconds"
    [ "$peak" -gt "$worst" ] && worst=$peak
done
# The daemon: three of the largest files dropped at once (text, page, tiny paragraphs), then its
# peak (VmHWM) and what it keeps afterwards (VmRSS) once all are archived.
sandbox="$work/daemon"
mkdir -p "$sandbox/inbox"
"$binary" run --inbox "$sandbox/inbox" --state-dir "$sandbox/state" --digest-dir "$sandbox/digests" \
    --log-level error 2> "$work/daemon.log" &
daemon=$!
sleep 2
cp "$work/repeated-bbc-19MiB.txt" "$sandbox/inbox/.a.tmp"
cp "$work/page-19MiB.html" "$sandbox/inbox/.b.tmp"
cp "$work/tiny-paragraphs-19MiB.txt" "$sandbox/inbox/.c.tmp"
mv "$sandbox/inbox/.a.tmp" "$sandbox/inbox/a.txt"
mv "$sandbox/inbox/.b.tmp" "$sandbox/inbox/b.html"
mv "$sandbox/inbox/.c.tmp" "$sandbox/inbox/c.txt"
for _ in $(seq 1 900); do
    [ "$(find "$sandbox/state/archive" -type f 2> /dev/null | wc -l)" -ge 3 ] && break
    sleep 1
done
sleep 2
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$daemon/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$daemon/status")
kill -TERM "$daemon"
wait "$daemon" || true
printf '%-26s %10s %12d %8s\n' "daemon: three at once, peak" "" $((hwm / 1000)) ""
printf '%-26s %10s %12d %8s\n' "daemon: kept afterwards" "" $((rss / 1000)) ""
[ "$hwm" -gt "$worst" ] && worst=$hwm

if [ "$worst" -gt "$limit_kb" ]; then
    echo "over the bound: peak $((worst / 1000)) MB > 256 MB"
    exit 1
fi
echo "every shape within 256 MB (worst $((worst / 1000)) MB)"
