#!/usr/bin/env bash
# Benchmark of POST /v1/batch: how many call logs per second Rapport imports
# when a client sends them 1,000 at a time (one request = one transaction).
#
# Builds the release binary, starts a throwaway PostgreSQL 15 cluster in a
# temp dir, migrates, creates an organization, one seller and ACCOUNTS
# accounts with 2 contacts each (through the API), writes BATCHES request
# bodies of BATCH_SIZE call creates each (outside the timed part), then:
#   1. sequential: posts them one after another with curl, one in flight;
#   2. concurrent: posts another BATCHES bodies with CLIENTS curl loops at
#      once (CLIENTS batches in flight).
# Every answer must be 200 and the calls table must hold exactly what was
# sent. Prints per-batch figures and ends with two lines:
#   BATCH_IMPORT calls_per_s_median=... batches=... calls=...
#   BATCH_IMPORT_CONCURRENT clients=... calls_per_s=... batches=... calls=...
# Stops everything it started, also on failure.
#
# Knobs (environment): BATCHES (20), BATCH_SIZE (1000), ACCOUNTS (50),
# CLIENTS (2; 0 skips the concurrent part), NOTES_CHARS (~400),
# BUILD_DIR (build), SKIP_BUILD=1, KEEP_WORK=1 (keep the temp dir).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

BATCHES=${BATCHES:-20}
BATCH_SIZE=${BATCH_SIZE:-1000}
ACCOUNTS=${ACCOUNTS:-50}
CLIENTS=${CLIENTS:-2}
NOTES_CHARS=${NOTES_CHARS:-400}
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
BIN=$BUILD_DIR/rapport

cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building $BUILD_DIR (RelWithDebInfo)"
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null \
    || die "cmake configure failed"
  cmake --build "$BUILD_DIR" -j2 >/dev/null || die "build failed"
fi
[ -x "$BIN" ] || die "no binary at $BIN"

WORK=$(mktemp -d /tmp/rapport-batch.XXXXXX)
chmod 755 "$WORK"
SERVICE_PID=
PG_STARTED=
LOG=$WORK/service.log
cleanup() {
  local rc=$?
  if [ -n "$SERVICE_PID" ]; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  if [ $rc != 0 ] && [ -f "$LOG" ]; then
    echo "---- last lines of the service log ($LOG)" >&2
    tail -30 "$LOG" >&2 || true
  fi
  [ -n "$PG_STARTED" ] && pg_stop "$WORK/pg"
  if [ "${KEEP_WORK:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------ database --
mkdir -p "$WORK/bodies"
bench_db "$WORK"
ADMIN_URL=$ADMIN
KEY=$(MIGRATE_DATABASE_URL=$ADMIN_URL DATABASE_URL=$ADMIN_URL \
      "$BIN" org create "batch bench" | sed -n 's/^RAPPORT_API_KEY=//p')
[ -n "$KEY" ] || die "org create printed no API key"

# ------------------------------------------------------------- service --
PORT=$(free_port 28580)
URL="http://127.0.0.1:$PORT"
say "starting the service on $URL (RAPPORT_THREADS=4)"
PORT=$PORT RAPPORT_THREADS=4 LOG_LEVEL=${LOG_LEVEL:-warn} \
  DATABASE_URL="postgresql://rapport_app@127.0.0.1:$PGPORT/rapport" \
  "$BIN" serve >"$LOG" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 100); do
  curl -sf "$URL/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "$URL/readyz" >/dev/null || die "the service did not become ready"

# api_post PATH JSON: POSTs, dies unless 201; prints the new row's id.
api_post() {
  local out code
  out=$(curl -sS -w '\n%{http_code}' -X POST "$URL$1" \
        -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" \
        --data-binary "$2") || die "POST $1 failed"
  code=${out##*$'\n'}
  out=${out%$'\n'*}
  [ "$code" = 201 ] || die "POST $1 answered $code: $out"
  printf '%s' "$out" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4
}

say "creating 1 seller, $ACCOUNTS accounts, $((ACCOUNTS * 2)) contacts"
SELLER=$(api_post /v1/sellers '{"name":"Dana Whitfield","email":"dana@example.com"}')
[ -n "$SELLER" ] || die "no seller id"
: >"$WORK/refs.txt"
for a in $(seq 1 "$ACCOUNTS"); do
  acct=$(api_post /v1/accounts "{\"name\":\"Account $a\",\"industry\":\"Manufacturing\",\"stage\":\"customer\"}")
  c1=$(api_post "/v1/accounts/$acct/contacts" "{\"name\":\"Buyer $a\",\"title\":\"Head of Procurement\",\"role\":\"decision_maker\"}")
  c2=$(api_post "/v1/accounts/$acct/contacts" "{\"name\":\"User $a\",\"title\":\"Operations Lead\",\"role\":\"influencer\"}")
  [ -n "$acct" ] && [ -n "$c1" ] && [ -n "$c2" ] || die "missing an id"
  echo "$acct $c1 $c2" >>"$WORK/refs.txt"
done

# -------------------------------------------------------------- bodies --
TOTAL_BATCHES=$BATCHES
[ "$CLIENTS" -gt 0 ] && TOTAL_BATCHES=$((BATCHES * 2))
say "writing $TOTAL_BATCHES bodies of $BATCH_SIZE call creates"
awk -v seller="$SELLER" -v nb="$TOTAL_BATCHES" -v size="$BATCH_SIZE" \
    -v dir="$WORK/bodies" -v notes_chars="$NOTES_CHARS" '
BEGIN { srand(42) }
{ n = NR; acct[n - 1] = $1; c1[n - 1] = $2; c2[n - 1] = $3 }
END {
  split("Walked through the Q3 rollout plan with the buyer and her ops lead.|" \
        "They are worried about downtime during the migration window and asked for a written cutover plan.|" \
        "Budget is approved for this fiscal year but procurement wants three references from similar plants.|" \
        "The incumbent vendor missed two delivery dates last quarter, which came up unprompted.|" \
        "She asked detailed questions about our support hours and escalation path.|" \
        "Agreed that a pilot on line 2 would lower the risk for everyone involved.|" \
        "Their CFO joined for ten minutes and focused on payback period and total cost.|" \
        "We discussed how the new regulation affects their reporting next spring.|" \
        "The ops lead shared that the team is stretched thin after a reorganisation.|" \
        "Competitor pricing was mentioned, roughly fifteen percent below our list.|" \
        "They want training for the night shift included in the proposal.|" \
        "Follow-up on the open service ticket: the replacement part shipped on Monday.|" \
        "Good rapport; we talked about their plant expansion plans in Ohio.|" \
        "Decision expected by the end of the month, after the board review.|" \
        "They asked for a comparison with the solution they evaluated last year.|" \
        "Security questionnaire still pending from their IT department.", S, "|")
  ns = 16
  split("video|phone|in_person|email", CH, "|")
  split("discovery|follow_up|demo|negotiation|review", KI, "|")
  split("business|industry|product|pricing|project|personal", TO, "|")
  split("avoids_risk|shared_insight|methodical_process|requests_documentation|price_pressure|warm_rapport|asked_about_plans|competitor_mentioned", SI, "|")
  split("send proposal|schedule pilot kickoff|share references|book demo with CFO|send cutover plan", NS, "|")
  for (b = 1; b <= nb; b++) {
    f = sprintf("%s/batch-%04d.json", dir, b)
    printf "{\"items\":[" > f
    for (i = 0; i < size; i++) {
      k = int(rand() * n)
      notes = ""
      while (length(notes) < notes_chars) {
        s = S[int(rand() * ns) + 1]
        notes = (notes == "" ? s : notes " " s)
      }
      t1 = int(rand() * 6) + 1; t2 = (t1 % 6) + 1
      s1 = int(rand() * 8) + 1; s2 = (s1 % 8) + 1
      contacts = (rand() < 0.5) ? "\"" c1[k] "\"" : "\"" c1[k] "\",\"" c2[k] "\""
      printf "%s{\"op\":\"create\",\"resource\":\"calls\",\"account_id\":\"%s\",\"data\":{" \
             "\"occurred_at\":\"2025-%02d-%02dT%02d:%02d:%02dZ\",\"seller_id\":\"%s\"," \
             "\"contact_ids\":[%s],\"channel\":\"%s\",\"kind\":\"%s\"," \
             "\"duration_minutes\":%d,\"seller_talk_ratio\":%.2f,\"questions_asked\":%d," \
             "\"topics\":[\"%s\",\"%s\"],\"signals\":[\"%s\",\"%s\"]," \
             "\"notes\":\"%s\",\"next_step\":\"%s\",\"next_step_agreed\":%s}}",
             (i ? "," : ""), acct[k],
             int(rand() * 12) + 1, int(rand() * 28) + 1, int(rand() * 10) + 8,
             int(rand() * 60), int(rand() * 60), seller, contacts,
             CH[int(rand() * 4) + 1], KI[int(rand() * 5) + 1],
             int(rand() * 55) + 5, 0.2 + rand() * 0.6, int(rand() * 15),
             TO[t1], TO[t2], SI[s1], SI[s2], notes, NS[int(rand() * 5) + 1],
             (rand() < 0.6 ? "true" : "false") > f
    }
    printf "]}" > f
    close(f)
  }
}' "$WORK/refs.txt"
BODY_BYTES=$(wc -c <"$WORK/bodies/batch-0001.json")
say "one body is $BODY_BYTES bytes"

db_calls() { psql -qAt "$ADMIN_URL" -c "SELECT count(*) FROM calls"; }

# post_one FILE: one batch; prints "http_code time_total FILE" (seconds);
# the answer goes to FILE.out.
post_one() {
  curl -sS -o "$1.out" -w "%{http_code} %{time_total} $1\n" -X POST "$URL/v1/batch" \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" \
    --data-binary @"$1"
}

stats() { # reads calls/s values, one per line; prints "median min max"
  sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.0f %.0f %.0f\n", m, v[1], v[NR] }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------- sequential --
say "sequential: $BATCHES batches of $BATCH_SIZE, one in flight"
: >"$WORK/seq.txt"
for b in $(seq 1 "$BATCHES"); do
  f=$(printf '%s/bodies/batch-%04d.json' "$WORK" "$b")
  r=$(post_one "$f")
  echo "$r" >>"$WORK/seq.txt"
  read -r code t _ <<<"$r"
  [ "$code" = 200 ] || die "batch $b answered $code: $(head -c 500 "$f.out")"
  printf '  batch %3d  %s  %6.3f s  %7.0f calls/s\n' "$b" "$code" "$t" \
    "$(awk -v n="$BATCH_SIZE" -v t="$t" 'BEGIN { print n / t }')"
done
n=$(db_calls)
[ "$n" = $((BATCHES * BATCH_SIZE)) ] || die "calls in the database: $n, expected $((BATCHES * BATCH_SIZE))"
read -r SEQ_MED SEQ_MIN SEQ_MAX < <(awk -v n="$BATCH_SIZE" '{ print n / $2 }' "$WORK/seq.txt" | stats)
read -r SEQ_TMED _ _ < <(awk '{ print $2 * 1000 }' "$WORK/seq.txt" | stats)

# ------------------------------------------------- parse + validate only --
# The same body with its last item made invalid: the service reads, parses
# and validates all 1,000 items, then answers 422 without touching the
# database. Its time is the service's own share of a batch.
sed 's/\(.*\)"op":"create"/\1"op":"invalid"/' "$WORK/bodies/batch-0001.json" \
  >"$WORK/invalid.json"
: >"$WORK/invalid.txt"
for _ in 1 2 3 4 5; do
  r=$(post_one "$WORK/invalid.json")
  [ "${r%% *}" = 422 ] || die "the invalid batch answered ${r%% *}, not 422"
  echo "$r" >>"$WORK/invalid.txt"
done
read -r VAL_TMED _ _ < <(awk '{ print $2 * 1000 }' "$WORK/invalid.txt" | stats)

# ---------------------------------------------------------- concurrent --
if [ "$CLIENTS" -gt 0 ]; then
  say "concurrent: $BATCHES batches with $CLIENTS clients ($CLIENTS in flight)"
  start=$(date +%s.%N)
  pids=()
  for c in $(seq 1 "$CLIENTS"); do
    (
      for b in $(seq $((BATCHES + c)) "$CLIENTS" $((BATCHES * 2))); do
        post_one "$(printf '%s/bodies/batch-%04d.json' "$WORK" "$b")"
      done >"$WORK/conc-$c.txt"
    ) &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || die "a client failed"; done
  end=$(date +%s.%N)
  cat "$WORK"/conc-*.txt >"$WORK/conc.txt"
  [ "$(wc -l <"$WORK/conc.txt")" = "$BATCHES" ] || die "not every concurrent batch was sent"
  bad=$(awk '$1 != 200 { print $3; exit }' "$WORK/conc.txt")
  [ -z "$bad" ] || die "a concurrent batch did not answer 200: $(head -c 500 "$bad.out")"
  n=$(db_calls)
  [ "$n" = $((2 * BATCHES * BATCH_SIZE)) ] || die "calls in the database: $n, expected $((2 * BATCHES * BATCH_SIZE))"
  CONC_WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  CONC_RATE=$(awk -v n=$((BATCHES * BATCH_SIZE)) -v t="$CONC_WALL" 'BEGIN { printf "%.0f", n / t }')
  read -r CONC_TMED CONC_TMIN CONC_TMAX < <(awk '{ print $2 * 1000 }' "$WORK/conc.txt" | stats)
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------- summary --
echo
echo "POST /v1/batch, $BATCH_SIZE call creates per request ($BODY_BYTES-byte body), $ACCOUNTS accounts"
echo "machine: $(nproc) cores; load average before $LOAD_BEFORE, after $LOAD_AFTER"
printf 'sequential (1 in flight): median %s calls/s (min %s, max %s); median batch %s ms\n' \
  "$SEQ_MED" "$SEQ_MIN" "$SEQ_MAX" "$SEQ_TMED"
printf 'parse + validate only (no database, 422): median %s ms per %s-item body\n' \
  "$VAL_TMED" "$BATCH_SIZE"
if [ "$CLIENTS" -gt 0 ]; then
  printf 'concurrent (%s in flight): %s calls/s overall (%s batches in %s s); batch latency median %s ms (min %s, max %s)\n' \
    "$CLIENTS" "$CONC_RATE" "$BATCHES" "$CONC_WALL" "$CONC_TMED" "$CONC_TMIN" "$CONC_TMAX"
fi
if grep -q '"level":"error"' "$LOG"; then
  echo "the service logged errors:" >&2
  grep '"level":"error"' "$LOG" | head -5 >&2
  exit 1
fi
echo "BATCH_IMPORT calls_per_s_median=$SEQ_MED batches=$BATCHES calls=$((BATCHES * BATCH_SIZE))"
if [ "$CLIENTS" -gt 0 ]; then
  echo "BATCH_IMPORT_CONCURRENT clients=$CLIENTS calls_per_s=$CONC_RATE batches=$BATCHES calls=$((BATCHES * BATCH_SIZE))"
fi
