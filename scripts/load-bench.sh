#!/usr/bin/env bash
# Load benchmark of the match API (not a test): a node holding SIZE synthetic PDQ entries, CLIENTS
# concurrent clients sending POST /api/v1/match requests of BATCH hashes for DURATION seconds.
# Prints requests/s, hashes/s and p50/p99 latency per request. Everything lives in a temporary folder.
#   scripts/load-bench.sh                     # 1 M entries, 8 clients, 100 hashes/request, 30 s
#   SIZE=100000 CLIENTS=4 DURATION=10 scripts/load-bench.sh
#   OWNER="Load Test Hotline" scripts/load-bench.sh   # the bank belongs to another organisation: every match is
#                                                     # someone else's entry (recorded as relied on, see README)
set -euo pipefail
SIZE=${SIZE:-1000000}
CLIENTS=${CLIENTS:-8}
BATCH=${BATCH:-100}
DURATION=${DURATION:-30}
PORT=${PORT:-18080}
ORG="Load Test Police"
OWNER=${OWNER:-$ORG}

cd "$(dirname "$0")/.."
WORK=$(mktemp -d -t vgtx-load.XXXXXX)
SERVER=""
cleanup() {
    if [[ -n "$SERVER" ]]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
DATA=(--data-dir "$WORK/data")

echo "== loading a node with $SIZE synthetic PDQ entries ($WORK)"
./vgtx bench api --write-hashes "$WORK/hashes.txt" --size "$SIZE"
TOKEN=$(./vgtx admin init --org "$ORG" --country NL "${DATA[@]}" 2>/dev/null)
./vgtx bank create load --distribution GREEN --org "$OWNER" "${DATA[@]}"
./vgtx bank import load "$WORK/hashes.txt" --format pdq --org "$OWNER" --no-progress "${DATA[@]}"

echo "== starting the node on port $PORT"
./vgtx serve --port "$PORT" "${DATA[@]}" > "$WORK/serve.out" 2> "$WORK/serve.log" &
SERVER=$!
for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; then break; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then cat "$WORK/serve.log" >&2; exit 1; fi
    sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/health" > /dev/null || { echo "node did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }

echo "== $CLIENTS clients x $BATCH hashes/request, ${DURATION} s"
./vgtx bench api --url "http://127.0.0.1:$PORT" --token "$TOKEN" --clients "$CLIENTS" --batch "$BATCH" \
    --duration "$DURATION" --size "$SIZE" "${@}"
