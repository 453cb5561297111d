#!/usr/bin/env bash
# Crash test (not a unit test): kills the node with SIGKILL at random moments of four kinds of work, restarts it each
# time and checks what a crash must never break. On SQLite and on PostgreSQL (a private cluster of Debian's
# PostgreSQL server in the temporary folder: initdb, then pg_ctl on a loopback port; installed with apt-get if missing).
#   scripts/crash-test.sh                         # both databases, 20 kills per scenario
#   scripts/crash-test.sh --db sqlite --kills 3   # a quick run
#   scripts/crash-test.sh --scenarios import,snapshot --seed 42
# Scenarios (each on a node of its own):
#   import    a PDQ file imported with `vgtx bank import` (the CLI process is killed) and through
#             POST /api/v1/banks/{id}/import (the node is killed), turn about: each import is all or nothing
#   writes    a client adding entries, retracting them and taking reports through their steps, one request at a time,
#             noting each request answered 2xx: every one of them is there after the restart
#   webhooks  another organisation confirms entries, each confirmation a notification to a loopback webhook
#             (`vgtx bench webhook-sink`): in the end every notification is delivered, none to nobody, and a
#             delivery sent twice carries the same X-VGTX-Delivery both times
#   snapshot  the match index snapshot (match-index.snapshot) is removed or damaged, so the next start-up (`vgtx serve`
#             on SQLite, `vgtx scan` on either) writes it, and the process is killed while it does
# After every kill: `vgtx bench index-check` (the match index loaded as a start-up loads it equals the database),
# the acknowledged writes through the API (and through the live node's matches), and `vgtx audit verify`.
# Prints a line per failed check and a summary per scenario and database; exit status 1 if any check failed.
# Only loopback traffic; everything lives in a temporary folder, deleted at the end (kept with KEEP=1).
set -uo pipefail

DBS=both
KILLS=20
SEED=$((RANDOM * 32768 + RANDOM))
SCENARIOS=import,writes,webhooks,snapshot
IMPORT_SIZE=${IMPORT_SIZE:-20000}
SNAPSHOT_SIZE=${SNAPSHOT_SIZE:-100000}
PORT=${PORT:-18190}
PGPORT=${PGPORT:-25490}
while [[ $# -gt 0 ]]; do
    case "$1" in
        --db) DBS=$2; shift 2 ;;
        --kills) KILLS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --scenarios) SCENARIOS=$2; shift 2 ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "crash-test: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$DBS" in sqlite|postgres) ;; both) DBS="sqlite postgres" ;; *) echo "crash-test: --db sqlite|postgres|both" >&2; exit 2 ;; esac
[[ "$KILLS" =~ ^[0-9]+$ && "$KILLS" -ge 1 && "$KILLS" -le 200 ]] || { echo "crash-test: --kills 1..200" >&2; exit 2; }
RANDOM=$SEED
# Ports nobody listens on yet: a node of someone else's answering /health would pass for ours.
free_port() { local p=$1; while ss -ltn 2>/dev/null | awk '{ print $4 }' | grep -q ":$p\$"; do p=$((p + 1)); done; echo "$p"; }
PORT=$(free_port "$PORT")
PGPORT=$(free_port "$PGPORT")
[[ $PGPORT != "$PORT" ]] || PGPORT=$(free_port $((PORT + 1)))

cd "$(dirname "$0")/.."
./vgtx --version > /dev/null || exit 2   # builds the jar when the sources changed
source scripts/jdk.sh
VGTX=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$PWD/cli/target/vgtx.jar")
WEBHOOK_ALLOW=()
if "${VGTX[@]}" serve --help 2>&1 | grep -q -- '--webhook-allow'; then WEBHOOK_ALLOW=(--webhook-allow 127.0.0.0/8); fi

WORK=$(mktemp -d -t vgtx-crash.XXXXXX)
chmod 755 "$WORK"
NODE=""
SINK=""
PG_DATA=""
cleanup() {
    [[ -n "$NODE" ]] && { kill -KILL "$NODE" 2>/dev/null; wait "$NODE" 2>/dev/null; }
    [[ -n "$SINK" ]] && { kill "$SINK" 2>/dev/null; wait "$SINK" 2>/dev/null; }
    [[ -n "$PG_DATA" ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop > /dev/null 2>&1
    if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- bookkeeping -------------------------------------------------------------------------------------------------
declare -A PASSED FAILED KILLED
KEY=""
say() { printf '%s %s\n' "$(date +%T)" "$*"; }
pass() { PASSED[$KEY]=$(( ${PASSED[$KEY]:-0} + 1 )); }
fail() { FAILED[$KEY]=$(( ${FAILED[$KEY]:-0} + 1 )); say "FAIL [$KEY] $*"; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
    local what=$1; shift
    if "$@"; then pass; else fail "$what"; fi
}
random_between() { echo $(( $1 + (RANDOM * 32768 + RANDOM) % ($2 - $1 + 1) )); }
sleep_ms() { sleep "$(printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )))"; }
now_ms() { date +%s%3N; }

# --- PostgreSQL: a private cluster in the temporary folder ------------------------------------------------------
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [[ -z "$PG_BIN" ]]; then
        say "installing Debian's postgresql (server binaries only; this script starts its own cluster)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null || return 1
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    mkdir -p "$WORK/pg" && { [[ $(id -u) != 0 ]] || chown postgres "$WORK/pg"; }
    as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U vgtx -A trust -E UTF8 > "$WORK/pg/initdb.log" 2>&1 || { cat "$WORK/pg/initdb.log"; return 1; }
    PG_DATA="$WORK/pg/data"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 \
        -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1" start > /dev/null || { cat "$WORK/pg/server.log"; return 1; }
    say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT ($PG_DATA)"
}
psql_q() { "$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$PGPORT" -U vgtx "$@"; }

# --- one node per scenario and database --------------------------------------------------------------------------
# Sets DB_ARGS, DATA (the data directory: SQLite's file, and the snapshot `vgtx scan` writes), ADMIN and BOARD (tokens).
new_node() {
    local name=$1
    DATA="$WORK/$KEY/data"
    mkdir -p "$DATA"
    if [[ $DB == sqlite ]]; then
        DB_ARGS=(--data-dir "$DATA")
    else
        PG_NAME=crash_$name
        psql_q -d postgres -c "CREATE DATABASE $PG_NAME" || return 1
        DB_ARGS=(--db "jdbc:postgresql://127.0.0.1:$PGPORT/$PG_NAME?user=vgtx" --data-dir "$DATA")
    fi
    "${VGTX[@]}" admin init --org "Crash Police" --country NL "${DB_ARGS[@]}" > "$WORK/$KEY/admin.token" 2> "$WORK/$KEY/init.err" || { cat "$WORK/$KEY/init.err"; return 1; }
    ADMIN=$(tail -1 "$WORK/$KEY/admin.token")
    BOARD=$(sed -n 's/^BOARD token.*: //p' "$WORK/$KEY/init.err")
}
sql() { # a single number from the node's database
    if [[ $DB == sqlite ]]; then sqlite3 "$DATA/vgtx.db" "$1"; else psql_q -d "$PG_NAME" -c "$1" | head -1; fi
}

start_node() {
    "${VGTX[@]}" serve --port "$PORT" "${WEBHOOK_ALLOW[@]}" "${DB_ARGS[@]}" >> "$WORK/$KEY/serve.out" 2>> "$WORK/$KEY/serve.log" &
    NODE=$!
    local deadline=$(( $(date +%s) + 180 ))
    until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; do
        if ! kill -0 "$NODE" 2>/dev/null; then say "the node did not start:"; tail -5 "$WORK/$KEY/serve.log"; NODE=""; return 1; fi
        (( $(date +%s) < deadline )) || { say "the node did not answer /health in 180 s"; return 1; }
        sleep 0.2
    done
}
kill_node() { [[ -n "$NODE" ]] && { kill -KILL "$NODE" 2>/dev/null; wait "$NODE" 2>/dev/null; }; NODE=""; }
stop_node() { [[ -n "$NODE" ]] && { kill -TERM "$NODE" 2>/dev/null; wait "$NODE" 2>/dev/null; }; NODE=""; }
counted_kill() { KILLED[$KEY]=$(( ${KILLED[$KEY]:-0} + 1 )); }

B() { echo "http://127.0.0.1:$PORT$1"; }
# api TOKEN METHOD PATH [JSON]: prints the HTTP status (000: no answer); the body is in $WORK/body
api() {
    local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$2" --max-time 60)
    [[ -n "$1" ]] && args+=(-H "Authorization: Bearer $1")
    [[ $# -ge 4 ]] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
    curl "${args[@]}" "$(B "$3")" || true
}
api_ok() { local code; code=$(api "$@"); [[ $code == 2* ]] || { say "  $2 $3 answered $code: $(head -c 300 "$WORK/body")" >&2; return 1; }; }
random_pdq() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }

# The checks every scenario runs after a restart.
common_checks() {
    check "vgtx audit verify" quiet "${VGTX[@]}" audit verify "${DB_ARGS[@]}"
    check "the match index equals the database (vgtx bench index-check)" quiet "${VGTX[@]}" bench index-check "${DB_ARGS[@]}"
}
quiet() { local out; out=$("$@" 2>&1) && return 0; printf '    %s\n' "$out" | head -25; return 1; }

# entry_id HEX: the id of the active PDQ entry with this hash, through a match (an add answers counts only)
entry_id() {
    local code; code=$(api "$ADMIN" POST /api/v1/match "{\"threshold\":0,\"hashes\":[{\"type\":\"PDQ\",\"value\":\"$1\"}]}")
    [[ $code == 200 ]] || return 1
    jq -r '.results[0].matches[] | select(.distance == 0) | .entry' "$WORK/body" | head -1 | grep .
}

# match_at_zero TOKEN FILE: how many of FILE's PDQ hashes the live node matches at distance 0 (one request per 10 000)
match_at_zero() {
    local total=0 chunk n
    [[ -s "$2" ]] || { echo 0; return; }
    split -l 10000 "$2" "$WORK/chunk."
    for chunk in "$WORK"/chunk.*; do
        jq -R -s -c '{threshold:0, hashes:[split("\n")[] | select(length > 0) | {type:"PDQ", value:.}]}' "$chunk" > "$WORK/match.json"
        api_ok "$1" POST /api/v1/match "@$WORK/match.json" || { rm -f "$WORK"/chunk.*; echo -1; return; }
        n=$(jq '[.results[] | select(any(.matches[]; .distance == 0))] | length' "$WORK/body")
        total=$(( total + n ))
    done
    rm -f "$WORK"/chunk.*
    echo "$total"
}

# --- (a) imports -------------------------------------------------------------------------------------------------
scenario_import() {
    new_node import || return 1
    # A file per import, of hashes no other import holds, so that the live node's matches tell each import apart.
    "${VGTX[@]}" bench api --write-hashes "$WORK/import.pdq" --size $(( IMPORT_SIZE * (KILLS + 2) )) --seed 7 2> /dev/null
    mkdir -p "$WORK/imports" && split -l "$IMPORT_SIZE" -d -a 3 "$WORK/import.pdq" "$WORK/imports/" && rm "$WORK/import.pdq"
    IMPORT_FILES=("$WORK"/imports/*)
    start_node || return 1
    # One import of each kind left to finish: how long they take, so that the kills fall inside them.
    local t0 cli_ms http_ms
    "${VGTX[@]}" bank create calibration-cli --distribution GREEN "${DB_ARGS[@]}" > /dev/null 2>&1
    t0=$(now_ms); cli_import calibration-cli "${IMPORT_FILES[0]}" || return 1; cli_ms=$(( $(now_ms) - t0 ))
    t0=$(now_ms); http_import calibration-http "${IMPORT_FILES[1]}" || return 1; http_ms=$(( $(now_ms) - t0 ))
    # A CLI kill before the JVM has opened the database tests nothing: the kills fall after half the time that takes.
    local open_ms; t0=$(now_ms); "${VGTX[@]}" bank list "${DB_ARGS[@]}" > /dev/null 2>&1; open_ms=$(( ($(now_ms) - t0) / 2 ))
    (( open_ms < cli_ms )) || open_ms=0
    say "  an uninterrupted import of $IMPORT_SIZE lines: CLI $cli_ms ms (JVM start included, kills after $open_ms ms), HTTP $http_ms ms"
    verify_import calibration-cli "${IMPORT_FILES[0]}" ok; verify_import calibration-http "${IMPORT_FILES[1]}" ok
    local i delay outcome file
    for i in $(seq 1 "$KILLS"); do
        file=${IMPORT_FILES[$(( i + 1 ))]}
        if (( i % 2 )); then
            delay=$(random_between "$open_ms" "$cli_ms")
            "${VGTX[@]}" bank create "kill-$i" --distribution GREEN "${DB_ARGS[@]}" > /dev/null 2>&1 || fail "bank create kill-$i"
            cli_import "kill-$i" "$file" & local importer=$!
            sleep_ms "$delay"; kill -KILL "$importer" 2>/dev/null; wait "$importer" 2>/dev/null && outcome=ok || outcome=killed
            counted_kill; say "  kill $i: vgtx bank import killed after $delay ms ($outcome)"
        else
            delay=$(random_between 0 "$http_ms")
            http_import "kill-$i" "$file" > /dev/null & local client=$!
            sleep_ms "$delay"; kill_node; counted_kill
            wait "$client" 2>/dev/null && outcome=ok || outcome=killed
            say "  kill $i: the node killed $delay ms into an HTTP import ($outcome)"
            start_node || { fail "restart after kill $i"; return 1; }
        fi
        verify_import "kill-$i" "$file" "$outcome"
        common_checks
    done
    stop_node
}
cli_import() { # cli_import BANK FILE: the bank made first, so that only the import runs while a kill may come
    "${VGTX[@]}" bank import "$1" "$2" --format pdq --no-progress "${DB_ARGS[@]}" > /dev/null 2>> "$WORK/$KEY/import.err"
}
http_import() { # http_import BANK FILE
    api_ok "$ADMIN" POST /api/v1/banks "{\"name\":\"$1\",\"distribution\":\"GREEN\"}" || return 1
    local id code; id=$(jq .id "$WORK/body")
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/octet-stream' \
        --data-binary "@$2" "$(B "/api/v1/banks/$id/import?format=pdq")")
    [[ $code == 200 ]]
}
# verify_import BANK FILE OUTCOME: no entries or all of them, all of them when the import said it was done; and the live
# node matches the file's first and last hash at distance 0 exactly when the bank holds them (after a CLI import the
# node applies a large backlog in the background: a few seconds are allowed for it).
verify_import() {
    local bank=$1 n matched want=0 deadline
    n=$(sql "SELECT count(*) FROM entries e JOIN banks b ON b.id = e.bank_id WHERE b.name = '$bank' AND e.state = 'ACTIVE'")
    n=${n:-0}
    if [[ $n != 0 && $n != "$IMPORT_SIZE" ]]; then fail "bank $bank holds $n of $IMPORT_SIZE entries: half an import"
    elif [[ $3 == ok && $n != "$IMPORT_SIZE" ]]; then fail "bank $bank: the import answered done but holds $n entries"
    else pass; fi
    { head -1 "$2"; tail -1 "$2"; } > "$WORK/import.ends"
    [[ $n == 0 ]] || want=2
    deadline=$(( $(date +%s) + 30 ))
    while matched=$(match_at_zero "$ADMIN" "$WORK/import.ends"); [[ $matched != "$want" ]] && (( $(date +%s) < deadline )); do sleep 1; done
    check "the live node matches $want of the first and last hash of bank $bank's $n entries (matched $matched)" test "$matched" = "$want"
}

# --- (b) a burst of API writes -----------------------------------------------------------------------------------
scenario_writes() {
    new_node writes || return 1
    start_node || return 1
    api_ok "$ADMIN" PUT /api/v1/organisations/1/jurisdictions '{"countries":["NL"]}' || return 1
    api_ok "$ADMIN" POST /api/v1/banks '{"name":"writes","distribution":"GREEN"}' || return 1
    WRITES_BANK=$(jq .id "$WORK/body")
    : > "$WORK/$KEY/acks"
    local i delay
    for i in $(seq 1 "$KILLS"); do
        delay=$(random_between 300 3000)
        write_burst "$i" & local client=$!
        sleep_ms "$delay"; kill_node; counted_kill
        wait "$client" 2>/dev/null
        say "  kill $i: the node killed $delay ms into a burst of writes ($(wc -l < "$WORK/$KEY/acks") acknowledged so far)"
        start_node || { fail "restart after kill $i"; return 1; }
        verify_writes
        common_checks
    done
    stop_node
}
# One request at a time until the node stops answering: adds, retractions of this burst's adds, report steps.
# Each request answered 2xx is appended to acks before the next is sent; "attempt" lines mark the ones sent.
write_burst() {
    local acks="$WORK/$KEY/acks" added=() report="" code hex step
    while true; do
        case $(( RANDOM % 10 )) in
            0|1|2|3|4|5)
                hex=$(random_pdq)
                code=$(api "$ADMIN" POST "/api/v1/banks/$WRITES_BANK/entries" "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"$hex\"}]}")
                [[ $code == 2* ]] && { echo "add $hex" >> "$acks"; added+=("$hex"); } ;;
            6|7)
                (( ${#added[@]} )) || continue
                hex=${added[-1]}; unset 'added[-1]'
                local id; id=$(entry_id "$hex") || continue
                echo "attempt-retract $hex" >> "$acks"
                code=$(api "$ADMIN" POST "/api/v1/entries/$id/retract")
                [[ $code == 2* ]] && echo "retract $hex" >> "$acks" ;;
            *)
                if [[ -z "$report" ]]; then
                    code=$(api "$ADMIN" POST /api/v1/reports '{"url":"https://files.example.nl/crash","source":"PUBLIC","hostingCountry":"NL"}')
                    [[ $code == 2* ]] && report=$(jq .id "$WORK/body")
                else
                    case $(jq -r .state "$WORK/report.$report" 2>/dev/null || echo RECEIVED) in
                        RECEIVED) code=$(api "$ADMIN" POST "/api/v1/reports/$report/assessment" '{"illegal":true,"category":"A"}') ;;
                        ASSESSED|ROUTED) code=$(api "$ADMIN" POST "/api/v1/reports/$report/takedown" '{"step":"NOTICE_SENT"}') ;;
                        NOTICE_SENT) code=$(api "$ADMIN" POST "/api/v1/reports/$report/takedown" '{"step":"REMOVED"}') ;;
                        *) code=$(api "$ADMIN" POST "/api/v1/reports/$report/takedown" '{"step":"REMOVAL_CONFIRMED"}') ;;
                    esac
                fi
                if [[ $code == 2* ]]; then
                    cp "$WORK/body" "$WORK/report.$report"
                    step=$(jq -r .state "$WORK/body")
                    echo "report $report $step" >> "$acks"
                    [[ $step == REMOVAL_CONFIRMED ]] && report=""
                fi ;;
        esac
        [[ $code == 000 ]] && return 0
        [[ $code == 2* ]] || { echo "error $code $(head -c 200 "$WORK/body")" >> "$acks"; }
    done
}
verify_writes() {
    local acks="$WORK/$KEY/acks" after=0 errors
    errors=$(grep '^error' "$acks" | tail -n +$(( ${ERRORS_SEEN:-0} + 1 )))
    ERRORS_SEEN=$(grep -c '^error' "$acks")
    check "no write answered anything but 2xx or no answer: ${errors:0:300}" test -z "$errors"
    # Every entry of the bank, by value: its state.
    : > "$WORK/entries.tsv"
    while :; do
        api_ok "$ADMIN" GET "/api/v1/banks/$WRITES_BANK/entries?limit=1000&after=$after" || { fail "listing the bank's entries"; return; }
        jq -r '.entries[] | "\(.value)\t\(.state)"' "$WORK/body" >> "$WORK/entries.tsv"
        after=$(jq -r '.next // empty' "$WORK/body"); [[ -n "$after" ]] || break
    done
    local missing
    missing=$(awk -F'\t' 'NR == FNR { state[$1] = $2; next }
        $1 == "add" && !($2 in state) { print "added entry " $2 " is missing"; next }
        $1 == "attempt-retract" { tried[$2] = 1 }
        $1 == "retract" && state[$2] != "RETRACTED" { print "retracted entry " $2 " is " state[$2] }
        $1 == "add" { added[$2] = 1 }
        END { for (h in added) if (!(h in tried) && state[h] != "ACTIVE") print "added entry " h " is " state[h] }' \
        "$WORK/entries.tsv" "$acks")
    check "every acknowledged add and retraction is there: ${missing:0:400}" test -z "$missing"
    # Reports: each in the state it was acknowledged in, or a later one.
    local rank="RECEIVED ASSESSED ROUTED NOTICE_SENT REMOVED REMOVAL_CONFIRMED" bad="" id state want
    while read -r id want; do
        api_ok "$ADMIN" GET "/api/v1/reports/$id" || { bad+="report $id unreadable; "; continue; }
        state=$(jq -r .state "$WORK/body")
        [[ $(pos "$state" $rank) -ge $(pos "$want" $rank) ]] || bad+="report $id is $state, acknowledged $want; "
    done < <(awk '$1 == "report" { last[$2] = $3 } END { for (r in last) print r, last[r] }' "$acks")
    check "every acknowledged report step is there: $bad" test -z "$bad"
    # The live node's index: acknowledged adds never retracted match at distance 0, acknowledged retractions do not.
    awk '$1 == "add" { a[$2] = 1 } $1 == "attempt-retract" { delete a[$2] } END { for (h in a) print h }' "$acks" > "$WORK/active.pdq"
    awk '$1 == "retract" { print $2 }' "$acks" > "$WORK/retracted.pdq"
    local want_active; want_active=$(wc -l < "$WORK/active.pdq")
    check "the live node matches every acknowledged active entry" test "$(match_at_zero "$ADMIN" "$WORK/active.pdq")" = "$want_active"
    [[ -s "$WORK/retracted.pdq" ]] && check "the live node matches no acknowledged retraction" test "$(match_at_zero "$ADMIN" "$WORK/retracted.pdq")" = 0
}
pos() { local want=$1 i=0 s; shift; for s in "$@"; do [[ $s == "$want" ]] && { echo $i; return; }; i=$((i + 1)); done; echo -1; }

# --- (c) a webhook delivery round --------------------------------------------------------------------------------
scenario_webhooks() {
    new_node webhooks || return 1
    : > "$WORK/$KEY/deliveries"
    "${VGTX[@]}" bench webhook-sink --log "$WORK/$KEY/deliveries" > "$WORK/$KEY/sink.out" 2>&1 &
    SINK=$!
    local sink_url=""
    for _ in $(seq 1 100); do sink_url=$(sed -n 's/^webhook sink listening on //p' "$WORK/$KEY/sink.out"); [[ -n "$sink_url" ]] && break; sleep 0.2; done
    [[ -n "$sink_url" ]] || { say "the webhook sink did not start"; return 1; }
    start_node || return 1
    # A second organisation, whose confirmations notify the police that own the entries.
    local hotline
    api_ok "" POST /api/v1/organisations '{"name":"Crash Hotline","kind":"HOTLINE","country":"NL","contact":"desk@hotline.example"}' || return 1
    hotline=$(jq .id "$WORK/body")
    api_ok "$BOARD" POST "/api/v1/organisations/$hotline/votes" '{"approve":true}' || return 1
    api_ok "$ADMIN" POST "/api/v1/organisations/$hotline/agreement" '{"version":"2026-1","signatory":"Crash Test"}' || return 1
    # The node onboards the hotline with its first ADMIN; the hotline's ADMIN issues its analyst.
    api_ok "$ADMIN" POST "/api/v1/organisations/$hotline/tokens" '{"role":"ADMIN"}' || return 1
    local hotline_admin; hotline_admin=$(jq -r .token "$WORK/body")
    api_ok "$hotline_admin" POST "/api/v1/organisations/$hotline/tokens" '{"role":"ANALYST"}' || return 1
    HOTLINE=$(jq -r .token "$WORK/body")
    api_ok "$ADMIN" POST /api/v1/webhooks "{\"url\":\"${sink_url}vgtx\",\"kinds\":[\"ENTRY_CONFIRMED\"]}" || return 1
    api_ok "$ADMIN" POST /api/v1/banks '{"name":"confirmed","distribution":"GREEN"}' || return 1
    local bank; bank=$(jq .id "$WORK/body")
    local per_round=40
    awk -v n=$(( per_round * KILLS + per_round )) 'BEGIN { srand(1); printf "{\"entries\":["; for (i = 0; i < n; i++) { h = ""; for (j = 0; j < 8; j++) h = h sprintf("%08x", int(rand() * 4294967296)); printf "%s{\"type\":\"PDQ\",\"value\":\"%s\"}", (i ? "," : ""), h }; print "]}" }' > "$WORK/confirm-entries.json"
    api_ok "$ADMIN" POST "/api/v1/banks/$bank/entries" "@$WORK/confirm-entries.json" || return 1
    ENTRY_IDS=()
    local after=0
    while :; do
        api_ok "$ADMIN" GET "/api/v1/banks/$bank/entries?limit=1000&after=$after" || return 1
        mapfile -t -O "${#ENTRY_IDS[@]}" ENTRY_IDS < <(jq -r '.entries[].id' "$WORK/body")
        after=$(jq -r '.next // empty' "$WORK/body"); [[ -n "$after" ]] || break
    done
    # A round without a kill first: how long confirmations and their deliveries take.
    local t0 round_ms i delay
    t0=$(now_ms); confirm_round 0 "$per_round"; wait_delivered 60 > /dev/null; round_ms=$(( $(now_ms) - t0 ))
    say "  a round of $per_round confirmations, delivered: $round_ms ms"
    for i in $(seq 1 "$KILLS"); do
        delay=$(random_between 0 "$round_ms")
        confirm_round "$i" "$per_round" & local client=$!
        sleep_ms "$delay"; kill_node; counted_kill
        wait "$client" 2>/dev/null
        say "  kill $i: the node killed $delay ms into a round of confirmations and deliveries ($(wc -l < "$WORK/$KEY/deliveries") received so far)"
        start_node || { fail "restart after kill $i"; return 1; }
        check "vgtx audit verify" quiet "${VGTX[@]}" audit verify "${DB_ARGS[@]}"
    done
    # A delivery claimed when the node died goes out again when its lease (2 min) has run out.
    say "  waiting for every delivery (up to 3 min: a delivery claimed by the killed node waits for its lease)"
    local pending; pending=$(wait_delivered 180)
    check "every delivery delivered in the end ($pending still pending or dead)" test "$pending" = 0
    verify_deliveries
    common_checks
    stop_node
    kill "$SINK" 2>/dev/null; wait "$SINK" 2>/dev/null; SINK=""
}
# confirm_round ROUND N: the hotline confirms the round's N entries, one request each, until the node stops answering.
confirm_round() {
    local k code
    for k in $(seq $(( $1 * $2 )) $(( $1 * $2 + $2 - 1 ))); do
        code=$(api "$HOTLINE" POST "/api/v1/entries/${ENTRY_IDS[$k]}/confirm" '{}')
        [[ $code == 000 ]] && return 0
    done
}
# wait_delivered SECONDS: waits until no delivery is PENDING; prints how many are PENDING or DEAD then.
wait_delivered() {
    local deadline=$(( $(date +%s) + $1 )) left
    while :; do
        left=0
        for state in PENDING DEAD; do
            api_ok "$ADMIN" GET "/api/v1/webhooks/deliveries?state=$state&limit=100" > /dev/null || { left=-1; break; }
            left=$(( left + $(jq '.deliveries | length' "$WORK/body") ))
        done
        if [[ $left == 0 ]] || (( $(date +%s) >= deadline )); then echo "$left"; return; fi
        sleep 1
    done
}
verify_deliveries() {
    local after="" code
    : > "$WORK/events"
    while :; do
        api_ok "$ADMIN" GET "/api/v1/notifications?kind=ENTRY_CONFIRMED&limit=100${after:+&after=$after}" || { fail "listing notifications"; return; }
        jq -r '.notifications[].id' "$WORK/body" >> "$WORK/events"
        after=$(jq -r '.next // empty' "$WORK/body"); [[ -n "$after" ]] || break
    done
    sort -u "$WORK/events" -o "$WORK/events"
    awk '{ print $1 }' "$WORK/$KEY/deliveries" | sort -u > "$WORK/delivered"
    local lost extra keyless twice
    lost=$(comm -23 "$WORK/events" "$WORK/delivered" | wc -l)
    extra=$(comm -13 "$WORK/events" "$WORK/delivered" | wc -l)
    keyless=$(awk '{ key[$1] = key[$1] == "" || key[$1] == $2 ? $2 : "different" } END { for (e in key) if (key[e] == "different" || key[e] == "-") n++; print n + 0 }' "$WORK/$KEY/deliveries")
    twice=$(awk '{ n[$1]++ } END { for (e in n) if (n[e] > 1) t++; print t + 0 }' "$WORK/$KEY/deliveries")
    say "  $(wc -l < "$WORK/events") notifications, $(wc -l < "$WORK/$KEY/deliveries") deliveries received, $twice events delivered more than once"
    check "no notification lost ($lost never delivered)" test "$lost" = 0
    check "no delivery of an event that is not a notification ($extra)" test "$extra" = 0
    check "an event delivered twice carries the same X-VGTX-Delivery ($keyless did not)" test "$keyless" = 0
    check "a confirmation per round was notified" test "$(wc -l < "$WORK/events")" -gt 0
}

# --- (d) the index snapshot write --------------------------------------------------------------------------------
scenario_snapshot() {
    new_node snapshot || return 1
    "${VGTX[@]}" bench api --write-hashes "$WORK/snapshot.pdq" --size "$SNAPSHOT_SIZE" --seed 11 2> /dev/null
    "${VGTX[@]}" bank create snap --distribution GREEN "${DB_ARGS[@]}" > /dev/null 2>&1
    "${VGTX[@]}" bank import snap "$WORK/snapshot.pdq" --format pdq --no-progress "${DB_ARGS[@]}" > /dev/null 2>&1 || { say "import failed"; return 1; }
    touch "$WORK/nothing.txt"
    local i writer delay appeared snapshot="$DATA/match-index.snapshot"
    for i in $(seq 1 "$KILLS"); do
        # Change the database, then make the next start-up write a snapshot: none, or a damaged one.
        start_node || { fail "start before kill $i"; return 1; }
        snapshot_changes "$i"
        stop_node
        if (( i % 2 )); then rm -f "$snapshot"; else [[ -f "$snapshot" ]] && printf 'X' | dd of="$snapshot" bs=1 seek=4000 conv=notrunc 2> /dev/null; fi
        rm -f "$snapshot.partial"   # one left by an earlier kill would look like a write under way
        if [[ $DB == sqlite && $(( i % 4 )) -lt 2 ]]; then
            writer=serve
            "${VGTX[@]}" serve --port "$PORT" "${WEBHOOK_ALLOW[@]}" "${DB_ARGS[@]}" >> "$WORK/$KEY/serve.out" 2>> "$WORK/$KEY/serve.log" &
        else
            writer=scan
            "${VGTX[@]}" scan "${DB_ARGS[@]}" "$WORK/nothing.txt" > /dev/null 2>&1 &
        fi
        local pid=$! t0; t0=$(now_ms)
        appeared=""
        while kill -0 "$pid" 2>/dev/null && (( $(now_ms) - t0 < 120000 )); do
            [[ -e "$snapshot.partial" ]] && { appeared=1; break; }
            sleep 0.01
        done
        # A snapshot of 100 000 entries (4 MB) is written in tens of ms: kill within that, sometimes at once.
        delay=$(random_between 0 40)
        [[ -n "$appeared" ]] && sleep_ms "$delay"
        kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; counted_kill
        if [[ -z "$appeared" ]]; then say "  kill $i: vgtx $writer ended before it began a snapshot (none seen)"
        elif [[ -e "$snapshot.partial" ]]; then say "  kill $i: vgtx $writer killed $delay ms into writing the snapshot, half written"
        else say "  kill $i: vgtx $writer killed $delay ms after it began writing the snapshot, which it had finished"; fi
        common_checks
        start_node || { fail "restart after kill $i"; return 1; }
        verify_snapshot_entries
        stop_node
    done
}
# Adds ten entries and retracts two through the API, noting which: a stale snapshot would miss them.
snapshot_changes() {
    local k body="" hex id
    for k in $(seq 1 10); do hex=$(random_pdq); echo "$hex" >> "$WORK/$KEY/added"; body+="${body:+,}{\"type\":\"PDQ\",\"value\":\"$hex\"}"; done
    api_ok "$ADMIN" POST /api/v1/banks/1/entries "{\"entries\":[$body]}" || fail "adding entries before kill $1"
    for k in $(( $1 * 2 )) $(( $1 * 2 + 1 )); do
        hex=$(sed -n "$(( k + 1 ))p" "$WORK/snapshot.pdq")
        id=$(entry_id "$hex") && api_ok "$ADMIN" POST "/api/v1/entries/$id/retract" && echo "$hex" >> "$WORK/$KEY/retracted"
    done
}
verify_snapshot_entries() {
    local want; want=$(wc -l < "$WORK/$KEY/added")
    check "the live node matches every entry added between snapshots" test "$(match_at_zero "$ADMIN" "$WORK/$KEY/added")" = "$want"
    check "the live node matches no retracted entry" test "$(match_at_zero "$ADMIN" "$WORK/$KEY/retracted")" = 0
}

# --- run -----------------------------------------------------------------------------------------------------------
say "crash test: databases $DBS, scenarios $SCENARIOS, $KILLS kills each, seed $SEED, in $WORK"
[[ ${#WEBHOOK_ALLOW[@]} -gt 0 ]] && say "vgtx serve takes --webhook-allow: passing --webhook-allow 127.0.0.0/8"
for DB in $DBS; do
    if [[ $DB == postgres ]]; then start_postgres || { echo "crash-test: could not start PostgreSQL" >&2; exit 2; }; fi
    for scenario in ${SCENARIOS//,/ }; do
        KEY="$scenario/$DB"
        mkdir -p "$WORK/$KEY"
        say "== $scenario on $DB"
        if ! "scenario_$scenario"; then fail "the scenario could not run to its end (see above; logs in $WORK/$KEY)"; fi
        kill_node
    done
done

echo
printf '%-20s %6s %8s %8s\n' scenario/database kills passed failed
status=0
for DB in $DBS; do
    for scenario in ${SCENARIOS//,/ }; do
        KEY="$scenario/$DB"
        printf '%-20s %6d %8d %8d\n' "$KEY" "${KILLED[$KEY]:-0}" "${PASSED[$KEY]:-0}" "${FAILED[$KEY]:-0}"
        (( ${FAILED[$KEY]:-0} == 0 )) || status=1
    done
done
if (( status )); then echo "crash test FAILED (seed $SEED)"; else echo "crash test passed (seed $SEED)"; fi
exit $status
