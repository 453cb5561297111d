#!/usr/bin/env bash
# Soak run (not a test): a node holding SIZE synthetic PDQ entries under mixed load for MINUTES — paced match requests
# (`vgtx bench api`), an import of 1 000 new hashes every 30 s (POST /api/v1/banks/{id}/import), a federation reader
# paging through the feed, and reports taken through every step — sampling the node every ~10 s: heap after a full GC
# (jcmd GC.run, then GC.heap_info), RSS and threads (/proc/PID/status), open file descriptors (/proc/PID/fd).
# Writes the samples to docs/soak.csv and their curves to docs/soak.png (`vgtx bench soak-report`), and exits 1 on any
# failed request (anything but 2xx, or no answer) or growth: heap after GC or RSS in the last third of the run after
# warm-up above 1.2x the first third (medians), file descriptors or threads above 1.2x and more than 5 above.
#   scripts/soak.sh                              # 30 minutes, 1 M entries
#   scripts/soak.sh --minutes 3 --size 100000    # a quick run
# Options: --rate N (match requests/s, default 20, 100 hashes each), --warm-up SECONDS (default: a sixth of the run,
# 30..300), --csv FILE, --png FILE, --port PORT. Only loopback traffic; everything else lives in a temporary folder.
set -uo pipefail
MINUTES=30
SIZE=1000000
RATE=20
WARMUP=""
PORT=18290
cd "$(dirname "$0")/.."
CSV=$PWD/docs/soak.csv
PNG=$PWD/docs/soak.png
while [[ $# -gt 0 ]]; do
    case "$1" in
        --minutes) MINUTES=$2; shift 2 ;;
        --size) SIZE=$2; shift 2 ;;
        --rate) RATE=$2; shift 2 ;;
        --warm-up) WARMUP=$2; shift 2 ;;
        --csv) CSV=$(realpath -m "$2"); shift 2 ;;
        --png) PNG=$(realpath -m "$2"); shift 2 ;;
        --port) PORT=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "soak: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$MINUTES" =~ ^[0-9]+$ && "$MINUTES" -ge 1 && "$MINUTES" -le 240 ]] || { echo "soak: --minutes 1..240" >&2; exit 2; }
[[ "$SIZE" =~ ^[0-9]+$ && "$SIZE" -ge 1000 ]] || { echo "soak: --size at least 1000" >&2; exit 2; }
SECONDS_TOTAL=$(( MINUTES * 60 ))
# The JVM sizes its heap, code cache and arenas to the load in the first minutes: RSS climbs, then levels.
[[ -n "$WARMUP" ]] || WARMUP=$(( SECONDS_TOTAL / 6 < 30 ? 30 : (SECONDS_TOTAL / 6 > 300 ? 300 : SECONDS_TOTAL / 6) ))
# A port nobody listens on yet: a node of someone else's answering /health would pass for ours.
while ss -ltn 2>/dev/null | awk '{ print $4 }' | grep -q ":$PORT\$"; do PORT=$((PORT + 1)); done

./vgtx --version > /dev/null || exit 2   # builds the jar when the sources changed
source scripts/jdk.sh
VGTX=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$PWD/cli/target/vgtx.jar")
WORK=$(mktemp -d -t vgtx-soak.XXXXXX)
NODE=""
LOADERS=()
cleanup() {
    for pid in "${LOADERS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${LOADERS[@]}"; do wait "$pid" 2>/dev/null; done
    [[ -n "$NODE" ]] && { kill -TERM "$NODE" 2>/dev/null; wait "$NODE" 2>/dev/null; }
    if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
say() { printf '%s %s\n' "$(date +%T)" "$*"; }
DATA=(--data-dir "$WORK/data")
B="http://127.0.0.1:$PORT"

say "== a node with $SIZE synthetic PDQ entries ($WORK)"
"${VGTX[@]}" bench api --write-hashes "$WORK/hashes.txt" --size "$SIZE" 2> /dev/null || exit 2
TOKEN=$("${VGTX[@]}" admin init --org "Soak Police" --country NL "${DATA[@]}" 2> /dev/null) || exit 2
"${VGTX[@]}" bank create load --distribution GREEN "${DATA[@]}" > /dev/null || exit 2
"${VGTX[@]}" bank import load "$WORK/hashes.txt" --format pdq --no-progress "${DATA[@]}" || exit 2
"${VGTX[@]}" serve --port "$PORT" "${DATA[@]}" > "$WORK/serve.out" 2> "$WORK/serve.log" &
NODE=$!
for _ in $(seq 1 600); do curl -sf "$B/health" > /dev/null && break; kill -0 "$NODE" 2>/dev/null || break; sleep 0.5; done
curl -sf "$B/health" > /dev/null || { echo "soak: the node did not start" >&2; tail -5 "$WORK/serve.log" >&2; exit 2; }
AUTH=(-H "Authorization: Bearer $TOKEN")
curl -sf -X PUT "$B/api/v1/organisations/1/jurisdictions" "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"countries":["NL"]}' > /dev/null
START=$(date +%s)
END=$(( START + SECONDS_TOTAL ))
say "== mixed load for $MINUTES min (matches at $RATE requests/s x 100 hashes, imports, feed reads, report steps), sampling every 10 s"

# Each loader appends one line per failed request to its own file in $WORK/errors.
mkdir -p "$WORK/errors"
# call NAME EXPECTED-CODE-PATTERN CURL-ARGS...: the body is in $WORK/body.NAME; a failure is counted
call() {
    local name=$1 want=$2 code; shift 2
    code=$(curl -s -o "$WORK/body.$name" -w '%{http_code}' --max-time 120 "${AUTH[@]}" "$@")
    [[ $code == $want ]] || { echo "$(date +%T) $code $* $(head -c 200 "$WORK/body.$name")" >> "$WORK/errors/$name"; return 1; }
}

match_load() { # back-to-back chunks of a minute at most, so failures are counted as they happen
    local left
    while left=$(( END - $(date +%s) )); (( left > 5 )); do
        local before; before=$(wc -l < "$WORK/match.json")
        "${VGTX[@]}" bench api --url "$B" --token "$TOKEN" --clients 2 --batch 100 --rate "$RATE" --warm-up 0 \
            --duration $(( left < 60 ? left : 60 )) --size "$SIZE" --json >> "$WORK/match.json" 2>> "$WORK/match.err"
        # A client that could not run at all printed nothing: count it as a failure.
        (( $(wc -l < "$WORK/match.json") > before )) || echo '{"requests":0,"errors":1,"p99_ms":0}' >> "$WORK/match.json"
        jq -r 'select(.errors > 0) | "\(.errors) failed match requests"' "$WORK/match.json" > "$WORK/errors/match"
    done
}
import_load() { # 1 000 new hashes every 30 s, one all-or-nothing import each
    local round=0
    while (( $(date +%s) < END - 5 )); do
        round=$(( round + 1 ))
        awk -v seed="$round" 'BEGIN { srand(seed); for (i = 0; i < 1000; i++) { h = ""; for (j = 0; j < 8; j++) h = h sprintf("%08x", int(rand() * 4294967296)); print h } }' > "$WORK/import.pdq"
        call import '200' -X POST -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/import.pdq" "$B/api/v1/banks/1/import?format=pdq"
        sleep 30
    done
}
feed_load() { # a federation reader: pages of 1 000 changes, from the start again once caught up
    local after=0
    while (( $(date +%s) < END - 2 )); do
        if call feed '200' "$B/api/v1/feed?after=$after&limit=1000"; then
            after=$(jq -r '.next // 0' "$WORK/body.feed")
        fi
        sleep 1
    done
}
report_load() { # a report with a held hash, assessed (a match), then every takedown step; one request a second
    local n=0 id hex
    while (( $(date +%s) < END - 10 )); do
        n=$(( n + 1 ))
        hex=$(sed -n "$(( (n * 7919) % SIZE + 1 ))p" "$WORK/hashes.txt")
        call report '201' -X POST -H 'Content-Type: application/json' "$B/api/v1/reports" \
            -d "{\"url\":\"https://files.example.nl/soak/$n\",\"hashes\":[{\"type\":\"PDQ\",\"value\":\"$hex\"}],\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\"}" || { sleep 1; continue; }
        id=$(jq .id "$WORK/body.report")
        sleep 1; call report '2??' -X POST -H 'Content-Type: application/json' "$B/api/v1/reports/$id/assessment" -d '{"illegal":true,"category":"A"}'
        for step in NOTICE_SENT REMOVED REMOVAL_CONFIRMED; do
            sleep 1; call report '2??' -X POST -H 'Content-Type: application/json' "$B/api/v1/reports/$id/takedown" -d "{\"step\":\"$step\"}"
        done
        sleep 1; call report '200' "$B/api/v1/reports/$id"
    done
}
errors_so_far() {
    local n=0 f
    for f in "$WORK"/errors/*; do [[ -f $f ]] || continue
        if [[ $f == */match ]]; then n=$(( n + $(awk '{ s += $1 } END { print s + 0 }' "$f") )); else n=$(( n + $(wc -l < "$f") )); fi
    done
    echo "$n"
}

: > "$WORK/match.json"
match_load & LOADERS+=($!)
import_load & LOADERS+=($!)
feed_load & LOADERS+=($!)
report_load & LOADERS+=($!)

printf 'GC.run\nGC.heap_info\n' > "$WORK/jcmd.txt"
echo "seconds,heap_after_gc_mb,heap_committed_mb,rss_mb,fds,threads,errors" > "$WORK/samples.csv"
status=0
while (( $(date +%s) < END )); do
    kill -0 "$NODE" 2>/dev/null || { say "the node died"; tail -5 "$WORK/serve.log"; status=1; break; }
    t=$(( $(date +%s) - START ))
    "$JAVA_HOME/bin/jcmd" "$NODE" -f "$WORK/jcmd.txt" > "$WORK/heap.txt" 2>/dev/null
    heap_kb=$(grep -o 'used [0-9]*K' "$WORK/heap.txt" | head -1 | grep -o '[0-9]*')
    committed_kb=$(grep -o 'committed [0-9]*K' "$WORK/heap.txt" | head -1 | grep -o '[0-9]*')
    rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$NODE/status" 2>/dev/null)
    threads=$(awk '/^Threads:/ { print $2 }' "/proc/$NODE/status" 2>/dev/null)
    fds=$(ls "/proc/$NODE/fd" 2>/dev/null | wc -l)
    errors=$(errors_so_far)
    if [[ -n "$heap_kb" && -n "$committed_kb" && -n "$rss_kb" ]]; then
        awk -v t="$t" -v h="$heap_kb" -v c="$committed_kb" -v r="$rss_kb" -v f="$fds" -v n="$threads" -v e="$errors" \
            'BEGIN { printf "%d,%.1f,%.1f,%.1f,%d,%d,%d\n", t, h / 1024, c / 1024, r / 1024, f, n, e }' >> "$WORK/samples.csv"
        say "  $(tail -1 "$WORK/samples.csv" | awk -F, '{ printf "t=%ss heap after GC %s MB (committed %s), RSS %s MB, %s fds, %s threads, %s errors", $1, $2, $3, $4, $5, $6, $7 }')"
    fi
    sleep $(( 10 - ( $(date +%s) - START - t ) % 10 ))
done
for pid in "${LOADERS[@]}"; do wait "$pid" 2>/dev/null; done
LOADERS=()
errors=$(errors_so_far)
# The last sample carries every failure, those of the final match chunk included.
sed -i '$ s/,[0-9]*$/,'"$errors"'/' "$WORK/samples.csv"

say "== requests"
jq -s -r '"matches: \(map(.requests) | add) requests, \(map(.errors) | add) failed, p99 per minute \(map(.p99_ms) | min)-\(map(.p99_ms) | max) ms"' "$WORK/match.json"
echo "imports: $(grep -c . "$WORK/errors/import" 2>/dev/null || echo 0) failed; reports and feed: $(cat "$WORK"/errors/report "$WORK"/errors/feed 2>/dev/null | wc -l) failed"
cat "$WORK"/errors/{import,feed,report} 2>/dev/null | head -5
mkdir -p "$(dirname "$CSV")" "$(dirname "$PNG")"
cp "$WORK/samples.csv" "$CSV"
say "== samples in $CSV, curves in $PNG"
"${VGTX[@]}" bench soak-report --csv "$CSV" --png "$PNG" --warm-up "$WARMUP" \
    --title "vgtx soak: $MINUTES min, $(echo "$SIZE" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/ &/' -e 'ta') PDQ entries, mixed load, $errors failed requests (warm-up ${WARMUP} s shaded)" || status=1
if (( status )); then echo "soak FAILED"; else echo "soak passed"; fi
exit $status
