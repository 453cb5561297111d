#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every fuzz target, each for DURATION, one after another (not a test).
# The default build only replays each target's committed seed corpus; this runs the fuzzer itself.
#   scripts/fuzz.sh 30m                      # every target, 30 minutes each
#   scripts/fuzz.sh 2m hashing:jpeg formats:csv   # some targets (MODULE:METHOD)
# A finding is saved by Jazzer as crash-* in src/test/resources/…Inputs/METHOD/, where the
# default build replays it from then on: fix the bug, keep the file. The corpus the fuzzer grows lives in
# MODULE/.cifuzz-corpus/ (ignored by git). Per target: executions, coverage and findings, from libFuzzer's last line.
set -euo pipefail
DURATION=${1:?usage: scripts/fuzz.sh DURATION [MODULE:METHOD ...]  (DURATION as 30s, 10m, 1h)}
shift
cd "$(dirname "$0")/.."
# shellcheck source=jdk.sh
source scripts/jdk.sh
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

declare -A CLASS=(
    [hashing]=io.vgtx.hashing.fuzz.ImageDecodingFuzzTest
    [formats]=io.vgtx.formats.fuzz.ImportFormatFuzzTest
    [server]=io.vgtx.server.api.JsonBodyFuzzTest
)
ALL=(hashing:jpeg hashing:png hashing:gif hashing:webp hashing:bmp hashing:tiff
     formats:csv formats:pdq formats:jsonl formats:vics formats:icse formats:stix
     server:jsonBodies)
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=("${ALL[@]}")

mkdir -p target/fuzz
# The image targets' seeds are made, not stored: write them into the fuzzer's working corpus first.
if printf '%s\n' "${TARGETS[@]}" | grep -q '^hashing:'; then
    echo "== writing the image seeds into hashing/.cifuzz-corpus"
    mvn -B -o -q test -pl hashing -Dtest='ImageDecodingFuzzTest#everySeedIsHashedOrRefusedWithAReason' \
        -Dvgtx.fuzz.seedCorpus=.cifuzz-corpus/io.vgtx.hashing.fuzz.ImageDecodingFuzzTest > target/fuzz/seeds.log 2>&1 \
        || { cat target/fuzz/seeds.log; exit 1; }
fi

summary=()
for target in "${TARGETS[@]}"; do
    module=${target%%:*}
    method=${target#*:}
    log="target/fuzz/$module-$method.log"
    inputs=$(find "$module/src/test/resources" -type d -name "$method" -path '*Inputs*' 2>/dev/null | head -1 || true)
    crashes() { if [[ -n "$inputs" ]]; then find "$inputs" -name 'crash-*' | wc -l; else echo 0; fi; }
    before=$(crashes)
    echo "== fuzzing $module $method for $DURATION (log: $log)"
    status=ok
    # -am builds the modules it needs from this tree; the other modules' tests do not match -Dtest and are skipped.
    JAZZER_FUZZ=1 mvn -B -o test -pl "$module" -am -Dtest="${CLASS[$module]}#$method" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.max_duration="$DURATION" -DtrimStackTrace=false > "$log" 2>&1 || status=FINDING
    [[ -z "$inputs" ]] && inputs=$(find "$module/src/test/resources" -type d -name "$method" -path '*Inputs*' 2>/dev/null | head -1 || true)
    after=$(crashes)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    coverage=$(grep -oE 'cov: [0-9]+' <<<"$last" || true)
    line="$module:$method  executions ${last%%[[:space:]]*}  $coverage  findings $((after - before))  $status"
    echo "$line"
    summary+=("$line")
done
echo "== summary ($DURATION per target)"
printf '%s\n' "${summary[@]}"
