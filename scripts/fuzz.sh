#!/usr/bin/env bash
# Fuzzes one entry point of the extraction pipeline with libFuzzer (see FUZZING.md).
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is one of: extract analyze html email markdown json.
# Builds gazette-fuzz in release with libFuzzer and AddressSanitizer in .build-fuzz/, makes a
# seed corpus from the test fixtures and seeds/, runs the target for SECONDS (nice'd, one
# process, with the dictionary scripts/fuzz.dict of lexicon words and markup), prints
# executions, exec/s and crashes, and copies any crasher into
# Tests/GazetteExtractionTests/Fixtures/Crashers/TARGET/, which `swift test` replays.
set -euo pipefail

usage="usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]"
target=${1:?$usage}
seconds=${2:?$usage}
shift 2
case $target in
extract | analyze | html | email | markdown | json) ;;
*) echo "$usage" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$root/.build-fuzz
work=$scratch/fuzz/$target
fixtures=$root/Tests/GazetteExtractionTests/Fixtures
crashers=$fixtures/Crashers/$target

# SwiftPM renames the executable's entry point to `main` with --defsym, which gold refuses
# next to libFuzzer's own main; lld lets it win, and gazette-fuzz starts libFuzzer itself.
nice -n 10 swift build -c release --package-path "$root" --scratch-path "$scratch" --product gazette-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
binary=$(swift build -c release --package-path "$root" --scratch-path "$scratch" --show-bin-path)/gazette-fuzz

# Seeds: the article fixtures, seeds/ and the target's crashers. The extract target reads a
# first byte that picks the file name (ExtractInput in Sources/GazetteFuzzing): 0 .txt, 1 .md,
# 2 .html, 3 .eml, 4 .json, 5 no extension; plus 6 for raw mode.
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
for file in "$fixtures"/Articles/* "$root"/seeds/* "$crashers"/*; do
    [ -f "$file" ] || continue
    name=$(basename "$file")
    if [ "$target" = extract ] && [[ $file != "$crashers"/* ]]; then
        case $name in
        *.txt) selector=0 ;; *.md) selector=1 ;; *.html) selector=2 ;; *.eml) selector=3 ;; *.json) selector=4 ;; *) selector=5 ;;
        esac
        for extra in 0 6; do
            { printf "\\$(printf %03o $((selector + extra)))"; cat "$file"; } >"$work/seeds/$extra-$name"
        done
    else
        cp "$file" "$work/seeds/$name"
    fi
done

before=$(ls "$work/artifacts" | wc -l)
status=0
GAZETTE_FUZZ_TARGET=$target nice -n 10 "$binary" "$work/corpus" "$work/seeds" \
    -max_total_time="$seconds" -timeout=25 -print_final_stats=1 -dict="$root/scripts/fuzz.dict" \
    -artifact_prefix="$work/artifacts/" "$@" \
    2>&1 | tee "$work/last.log" || status=$?

found=0
mkdir -p "$crashers"
for artifact in "$work"/artifacts/*; do
    [ -f "$artifact" ] || continue
    if [ ! -e "$crashers/$(basename "$artifact")" ]; then
        cp "$artifact" "$crashers/"
        found=$((found + 1))
    fi
done
rmdir "$crashers" 2>/dev/null || true

executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/last.log" | grep -o '[0-9]*$' || echo "?")
rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$work/last.log" | grep -o '[0-9]*$' || echo "?")
echo "fuzz.sh: target $target, ${seconds}s requested: $executions executions, $rate exec/s," \
    "$(($(ls "$work/artifacts" | wc -l) - before)) new crash artifacts, $found new in ${crashers#"$root"/}, libFuzzer exit $status"
exit "$status"
