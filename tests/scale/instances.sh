#!/usr/bin/env bash
# Two instances of the service on one database behind Debian's nginx
# (round robin), run by scripts/test --full's scale_phase:
#   a. the integration suite through nginx, as against one instance;
#   b. one Idempotency-Key sent to each instance directly: one record;
#   c. a real rate limit (RAPPORT_INSTANCES=2): one key gets 429 after
#      about the burst through nginx, not twice it;
#   d. two `rapport migrate` at once on a fresh database apply each
#      migration once;
#   e. background work once: two delivering instances deliver each
#      webhook event once, and two refreshing instances store each
#      changed account's assessment once per change.
# Everything lives in $SCALE_WORK; every process started here is stopped
# on exit, failure included.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../../scripts/lib.sh"
. "$HERE/lib.sh"

ensure_packages nginx python3 curl postgresql-client-15

T0=$SECONDS
ADMIN_URL=$MIGRATE_DATABASE_URL
PY=/usr/bin/python3

# ------------------------------------------------------------- nginx --

# nginx_start NAME PORT UPSTREAM_PORT...: nginx on 127.0.0.1:PORT in
# front of the given ports (round robin), with its configuration, pid,
# logs and temporary files in $SCALE_WORK/NAME.  Sets NGINX_PID.
nginx_start() {
  local name=$1 port=$2 dir=$SCALE_WORK/$1 p servers=
  shift 2
  mkdir -p "$dir/tmp"
  for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=0;"$'\n'; done
  cat >"$dir/nginx.conf" <<EOF
# Written by tests/scale/instances.sh.  A plain round robin that passes
# requests through as they are: the service enforces its own limits
# (body, header and URL sizes), so nginx's are opened wide.
user root;
daemon off;
worker_processes 2;
worker_rlimit_nofile 8192;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  log_format up '\$remote_addr "\$request_method \$uri" \$status '
                '\$upstream_addr \$upstream_status \$request_time';
  access_log $dir/access.log up;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server_tokens off;
  # The service answers 413, 414 and 431 itself, as problems.
  client_max_body_size 0;
  large_client_header_buffers 8 256k;
  client_header_buffer_size 16k;
  underscores_in_headers on;
  ignore_invalid_headers off;
  merge_slashes off;
  upstream rapport {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://rapport;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      # Bodies stream to the instance, which refuses what it must before
      # reading them (a 413 mid-upload).
      proxy_request_buffering off;
      proxy_buffering off;
      proxy_read_timeout 300s;
      proxy_send_timeout 300s;
      # A write is never sent twice to another instance.
      proxy_next_upstream off;
    }
  }
}
EOF
  nginx -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" \
    || die "nginx refuses its configuration ($dir/nginx.conf)"
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
  NGINX_PID=$!
  SC_PIDS+=("$NGINX_PID")
  sc_wait_url "http://127.0.0.1:$port/healthz" 20 "$NGINX_PID" \
    || { cat "$dir/error.log" >&2; die "nginx ($name) did not answer on port $port"; }
  say "nginx ($name, pid $NGINX_PID) on http://127.0.0.1:$port in front of ports $*"
}

# The instances' ports as nginx's access log of NAME saw them, counted.
upstream_spread() {
  awk '{print $(NF-2)}' "$SCALE_WORK/$1/access.log" | sort | uniq -c | tr '\n' ' '
}

# ---------------------------------------------- a. the suite, through --

PORT_A=$(free_port 18600)
PORT_B=$(free_port $((PORT_A + 1)))
PORT_N=$(free_port $((PORT_B + 1)))
say "a. two instances behind nginx, the integration suite through nginx"
sc_serve a "$PORT_A" RAPPORT_INSTANCES=2 RAPPORT_THREADS=4
PID_A=$SC_LAST_PID
sc_serve b "$PORT_B" RAPPORT_INSTANCES=2 RAPPORT_THREADS=4
PID_B=$SC_LAST_PID
nginx_start nginx "$PORT_N" "$PORT_A" "$PORT_B"
NGINX_MAIN=$NGINX_PID

# Every test runs through nginx but these, which run against instance a
# directly instead:
# - paths/a_nul_in_a_path_is_400, injection/every_path_parameter_of_every_route:
#   they send %00 in a path, which nginx itself answers 400 (text/html),
#   as it must, before any instance sees the request;
# - errors/a_2_mib_body_is_413,
#   limits/a_body_one_byte_over_the_cap_is_413_and_at_the_cap_is_read:
#   a Content-Length over the cap is answered 413 before the body is read
#   and the instance closes the connection with the body unread (no
#   lingering close), so nginx, still sending that body, may get EPIPE and
#   answer 502 instead of relaying the 413 (seen in about one of six).
#   Reported to the lead; chunked bodies, read and dropped past the cap,
#   pass through nginx.
NGINX_SKIP='paths/a_nul_in_a_path_is_400|injection/every_path_parameter_of_every_route'
NGINX_SKIP+='|errors/a_2_mib_body_is_413|limits/a_body_one_byte_over_the_cap_is_413_and_at_the_cap_is_read'
# RAPPORT_SERVICE_PID: the tests that watch the service's memory
# (test_limits, test_http_unauthenticated) watch instance a, which gets
# half of their requests.
# SCALE_SUITE=0 skips the suite (to work on the checks after it).
if [ "${SCALE_SUITE:-1}" != 0 ]; then
  st=0
  RAPPORT_URL="http://127.0.0.1:$PORT_N" RAPPORT_SERVICE_PID=$PID_A \
    CRITERION_TEST_PATTERN="!($NGINX_SKIP)" \
    sc_ctest nginx -R '^integration_' || st=1
  sc_check "the integration suite passes through nginx ($SC_TESTED tests, $SC_FAILING failing)" \
    test $st = 0
  st=0
  RAPPORT_URL="http://127.0.0.1:$PORT_A" RAPPORT_SERVICE_PID=$PID_A \
    CRITERION_TEST_PATTERN="@($NGINX_SKIP)" \
    sc_ctest direct -R '^integration_test_(http_paths|injection|http_errors|limits)$' || st=1
  sc_check "the tests left out of the nginx run pass against instance a ($SC_TESTED tests, $SC_FAILING failing)" \
    test $st = 0
fi
say "requests per instance through nginx: $(upstream_spread nginx)"

say "a. took $((SECONDS - T0)) s"

# ------------------------------ b. one Idempotency-Key, both instances --

say "b. the same POST with the same Idempotency-Key to each instance directly"
t=$SECONDS
sc_org "scale idempotency"
AUTH="Authorization: Bearer $ORG_KEY"
CT='Content-Type: application/json'
# post_idem PORT IKEY BODY OUT: POST /v1/accounts to one instance; writes
# the status, the id and Idempotent-Replayed to OUT.
post_idem() {
  local port=$1 ik=$2 body=$3 out=$4 code
  code=$(sc_curl -o "$out.body" -D "$out.head" -w '%{http_code}' -H "$AUTH" -H "$CT" \
    -H "Idempotency-Key: $ik" -d "$body" "http://127.0.0.1:$port/v1/accounts") || code=000
  printf '%s %s %s\n' "$code" "$(sc_json id <"$out.body" 2>/dev/null || true)" \
    "$(tr -d '\r' <"$out.head" | sed -n 's/^[Ii]dempotent-[Rr]eplayed: *//p')" >"$out"
}
# accounts_named NAME: how many accounts of the organization have NAME.
accounts_named() {
  sc_curl -H "$AUTH" -G --data-urlencode "q=$1" "http://127.0.0.1:$PORT_N/v1/accounts?limit=200" \
    | /usr/bin/python3 -c 'import json,sys; n=sys.argv[1]; print(sum(1 for a in json.load(sys.stdin)["data"] if a["name"]==n))' "$1"
}
IK=$(cat /proc/sys/kernel/random/uuid)
BODY='{"name":"Idempotent across instances","stage":"customer"}'
post_idem "$PORT_A" "$IK" "$BODY" "$SCALE_WORK/idem.a"
post_idem "$PORT_B" "$IK" "$BODY" "$SCALE_WORK/idem.b"
read -r CODE_A ID_A _ <"$SCALE_WORK/idem.a"
read -r CODE_B ID_B REPLAYED_B <"$SCALE_WORK/idem.b"
say "instance a: $CODE_A id $ID_A; instance b: $CODE_B id $ID_B replayed=${REPLAYED_B:-no}"
sc_check "the first POST (instance a) creates: 201" test "$CODE_A" = 201
sc_check "the same POST to instance b replays it: 201, same id, Idempotent-Replayed: true" \
  test "$CODE_B" = 201 -a -n "$ID_A" -a "$ID_A" = "$ID_B" -a "${REPLAYED_B:-}" = true
n=$(accounts_named "Idempotent across instances")
sc_check "one account was created, not two ($n)" test "$n" = 1

# The same at the same moment: each round sends one key to both instances
# at once; one creates, the other replays it or answers 409 (the same
# key still in progress), and one record is made.
ROUNDS=10 bad=0
for r in $(seq 1 $ROUNDS); do
  IK=$(cat /proc/sys/kernel/random/uuid)
  BODY="{\"name\":\"Idempotent race $r\"}"
  post_idem "$PORT_A" "$IK" "$BODY" "$SCALE_WORK/race.a" &
  pa=$!
  post_idem "$PORT_B" "$IK" "$BODY" "$SCALE_WORK/race.b" &
  pb=$!
  wait $pa $pb || true
  read -r ca ia _ <"$SCALE_WORK/race.a"
  read -r cb ib _ <"$SCALE_WORK/race.b"
  n=$(accounts_named "Idempotent race $r")
  ok=1
  [ "$n" = 1 ] || ok=0
  case "$ca $cb" in
    "201 201") [ "$ia" = "$ib" ] || ok=0 ;;
    "201 409" | "409 201") ;;
    *) ok=0 ;;
  esac
  if [ $ok = 0 ]; then
    bad=$((bad + 1))
    echo "round $r: a $ca $ia, b $cb $ib, $n account(s) made" >&2
  fi
done
sc_check "$ROUNDS simultaneous pairs each made one account (one 201, the other the same 201 or 409)" \
  test $bad = 0
say "b. took $((SECONDS - t)) s"

sc_kill "$NGINX_MAIN" 10 || true
sc_forget "$NGINX_MAIN"
sc_stop_instance a "$PID_A"
sc_stop_instance b "$PID_B"

# ------------------------------------- c. a rate limit across the pair --

# A slow refill (2 a second for the whole service), so that even a loaded
# machine's slow loop adds only a few requests to the burst: the bound
# below tells one share of the burst per instance (about 20 in all) from
# a full burst per instance (about 40).
RATE=2 BURST=20
say "c. RAPPORT_RATE_LIMIT=$RATE, RAPPORT_RATE_BURST=$BURST, RAPPORT_INSTANCES=2: one key through nginx"
t=$SECONDS
PORT_C1=$(free_port $((PORT_N + 1)))
PORT_C2=$(free_port $((PORT_C1 + 1)))
PORT_NC=$(free_port $((PORT_C2 + 1)))
sc_serve c1 "$PORT_C1" RAPPORT_INSTANCES=2 RAPPORT_RATE_LIMIT=$RATE RAPPORT_RATE_BURST=$BURST
PID_C1=$SC_LAST_PID
sc_serve c2 "$PORT_C2" RAPPORT_INSTANCES=2 RAPPORT_RATE_LIMIT=$RATE RAPPORT_RATE_BURST=$BURST
PID_C2=$SC_LAST_PID
nginx_start nginx-rate "$PORT_NC" "$PORT_C1" "$PORT_C2"
NGINX_RATE=$NGINX_PID
sc_org "scale rate limit"
# One curl, one keep-alive connection to nginx, 3 x burst requests as
# fast as they go (a few ms each).
N=$((3 * BURST))
urls=()
for i in $(seq 1 $N); do urls+=(-o /dev/null "http://127.0.0.1:$PORT_NC/v1/accounts?limit=1"); done
t1=$(date +%s%N)
sc_curl --max-time 60 -w '%{http_code}\n' -H "Authorization: Bearer $ORG_KEY" \
  "${urls[@]}" >"$SCALE_WORK/rate.codes" || true
t2=$(date +%s%N)
ok_before=$(awk '$1 == 429 {exit} $1 == 200 {n++} END {print n+0}' "$SCALE_WORK/rate.codes")
ok_all=$(grep -c '^200$' "$SCALE_WORK/rate.codes" || true)
n429=$(grep -c '^429$' "$SCALE_WORK/rate.codes" || true)
other=$(grep -vc '^\(200\|429\)$' "$SCALE_WORK/rate.codes" || true)
say "$N requests in $(((t2 - t1) / 1000000)) ms: $ok_before answered 200 before the first 429; $ok_all 200s, $n429 429s, $other others in all"
say "requests per instance: $(upstream_spread nginx-rate)"
lo=$((BURST / 2)) hi=$((BURST * 3 / 2))
sc_check "one key got 429 after about the burst of $BURST ($ok_before 200s first, bound $lo..$hi), not twice it" \
  test "$ok_before" -ge $lo -a "$ok_before" -le $hi
sc_check "the key was refused some (429: $n429) and nothing else went wrong ($other)" \
  test "$n429" -gt 0 -a "$other" = 0
sc_kill "$NGINX_RATE" 10 || true
sc_forget "$NGINX_RATE"
sc_stop_instance c1 "$PID_C1"
sc_stop_instance c2 "$PID_C2"
say "c. took $((SECONDS - t)) s"

# ------------------------------------ d. two migrations at once, fresh --

say "d. two 'rapport migrate' at once on a fresh database"
t=$SECONDS
MIG_DB=rapport_scale_mig
MIG_URL=${ADMIN_URL%/*}/$MIG_DB
PG_ADMIN=${ADMIN_URL%/*}/postgres
sc_psql "$PG_ADMIN" "DROP DATABASE IF EXISTS $MIG_DB WITH (FORCE)" >/dev/null
sc_psql "$PG_ADMIN" "CREATE DATABASE $MIG_DB" >/dev/null
SC_CLEANUPS+=("psql -X -qw '$PG_ADMIN' -c 'DROP DATABASE IF EXISTS $MIG_DB WITH (FORCE)'")
MIGRATE_DATABASE_URL=$MIG_URL DATABASE_URL=$MIG_URL timeout 120 \
  "$RAPPORT_BIN" migrate 2>"$SCALE_WORK/migrate.1.log" &
m1=$!
MIGRATE_DATABASE_URL=$MIG_URL DATABASE_URL=$MIG_URL timeout 120 \
  "$RAPPORT_BIN" migrate 2>"$SCALE_WORK/migrate.2.log" &
m2=$!
s1=0 s2=0
wait $m1 || s1=$?
wait $m2 || s2=$?
[ $s1 = 0 ] || tail -5 "$SCALE_WORK/migrate.1.log" >&2
[ $s2 = 0 ] || tail -5 "$SCALE_WORK/migrate.2.log" >&2
sc_check "both migrations exit 0 ($s1, $s2)" test "$s1$s2" = 00
# What the binary applies (its migrations folder): what the shared
# database, migrated by the same binary, records.
want=$(sc_psql "$ADMIN_URL" "SELECT string_agg(version, ' ' ORDER BY version) FROM schema_migrations")
files=$(wc -w <<<"$want")
got=$(sc_psql "$MIG_URL" "SELECT string_agg(version, ' ' ORDER BY version) FROM schema_migrations")
rows=$(sc_psql "$MIG_URL" "SELECT count(*) || ' ' || count(DISTINCT version) FROM schema_migrations")
dups=$(sc_psql "$MIG_URL" "SELECT count(*) FROM (SELECT version FROM schema_migrations GROUP BY version HAVING count(*) > 1) d")
say "schema_migrations: $rows (rows, versions) for $files migrations; versions recorded twice: $dups"
sc_check "each of the $files migrations is recorded exactly once" \
  test "$rows" = "$files $files" -a "$dups" = 0 -a "$got" = "$want"
s3=0
MIGRATE_DATABASE_URL=$MIG_URL DATABASE_URL=$MIG_URL timeout 60 "$RAPPORT_BIN" migrate \
  2>"$SCALE_WORK/migrate.3.log" || s3=$?
sc_check "a third migrate finds nothing to do and exits 0 ($s3)" test $s3 = 0
sc_psql "$PG_ADMIN" "DROP DATABASE IF EXISTS $MIG_DB WITH (FORCE)" >/dev/null
say "d. took $((SECONDS - t)) s"

# ---------------------------------- e. background work done only once --

say "e. two instances deliver webhooks and refresh assessments: each once"
t=$SECONDS
mkdir -p "$SCALE_WORK/receiver"
rm -f "$SCALE_WORK/receiver/port" "$SCALE_WORK/receiver/hits.jsonl"
$PY "$HERE/receiver.py" "$SCALE_WORK/receiver/port" "$SCALE_WORK/receiver/hits.jsonl" 600 \
  2>"$SCALE_WORK/receiver/stderr" &
SC_PIDS+=($!)
RECV_PID=$!
for _ in $(seq 1 100); do [ -s "$SCALE_WORK/receiver/port" ] && break; sleep 0.1; done
[ -s "$SCALE_WORK/receiver/port" ] || { cat "$SCALE_WORK/receiver/stderr" >&2; die "the webhook receiver did not start"; }
RECV_URL="http://127.0.0.1:$(cat "$SCALE_WORK/receiver/port")/hook"
# As test_http_webhooks starts its delivering instances, with two
# delivery and two refresher threads each.
WEBHOOK_ENV=(RAPPORT_WEBHOOK_THREADS=2 RAPPORT_WEBHOOK_ALLOW_PRIVATE=1
  RAPPORT_WEBHOOK_RETRY_BASE_MS=200 RAPPORT_WEBHOOK_TIMEOUT_MS=3000
  RAPPORT_REFRESH_THREADS=2 RAPPORT_INSTANCES=2)
PORT_W1=$(free_port $((PORT_NC + 1)))
PORT_W2=$(free_port $((PORT_W1 + 1)))
sc_serve w1 "$PORT_W1" "${WEBHOOK_ENV[@]}"
PID_W1=$SC_LAST_PID
sc_serve w2 "$PORT_W2" "${WEBHOOK_ENV[@]}"
PID_W2=$SC_LAST_PID
W=("http://127.0.0.1:$PORT_W1" "http://127.0.0.1:$PORT_W2")
sc_org "scale background work"
AUTH="Authorization: Bearer $ORG_KEY"
code=$(sc_curl -o "$SCALE_WORK/hook.json" -w '%{http_code}' -H "$AUTH" -H "$CT" \
  -d "{\"url\":\"$RECV_URL\",\"event_types\":[\"*\"],\"description\":\"scale receiver\"}" \
  "${W[0]}/v1/webhooks")
[ "$code" = 201 ] || { cat "$SCALE_WORK/hook.json" >&2; die "registering the webhook answered $code"; }

# metric URL NAME: a counter of an instance's /metrics (0 when absent).
metric() {
  sc_curl "$1/metrics" | awk -v m="$2" 'index($0, m " ") == 1 {print $NF; f=1} END {if (!f) print 0}'
}
STORED='rapport_assessments_total{kind="stored"}'
DELIVERED='rapport_webhook_attempts_total{outcome="delivered"}'
stored0=("$(metric "${W[0]}" "$STORED")" "$(metric "${W[1]}" "$STORED")")
deliv0=("$(metric "${W[0]}" "$DELIVERED")" "$(metric "${W[1]}" "$DELIVERED")")
# queued: the organization's accounts waiting for their assessment.
queued() { sc_psql "$ADMIN_URL" "SELECT count(*) FROM assessment_queue WHERE org_id = '$ORG_ID'"; }
# computations: the organization's stored assessments and their computations.
computations() {
  sc_psql "$ADMIN_URL" "SELECT count(*) || ' ' || coalesce(sum(computations), 0) FROM account_assessments WHERE org_id = '$ORG_ID'"
}
# wait_drained N: waits (60 s at most) until N assessments are stored and
# nothing of the organization is queued.
wait_drained() {
  local i
  for i in $(seq 1 600); do
    [ "$(queued)" = 0 ] && [ "$(computations | cut -d' ' -f1)" -ge "$1" ] && return 0
    sleep 0.1
  done
  return 1
}
# feed: every event of the organization (GET /v1/events), one line each:
# id type.
feed() {
  local cursor='' page
  for _ in $(seq 1 50); do
    page=$(sc_curl -H "$AUTH" "${W[0]}/v1/events?limit=1000${cursor:+&since_cursor=$cursor}")
    /usr/bin/python3 -c 'import json,sys; [print(e["id"], e["type"]) for e in json.load(sys.stdin)["data"]]' <<<"$page"
    [ "$(sc_json has_more <<<"$page")" = True ] || return 0
    cursor=$(sc_json next_cursor <<<"$page")
  done
}

NACC=20
say "creating $NACC accounts, alternately through each instance"
ACCTS=()
for i in $(seq 1 $NACC); do
  id=$(sc_curl -H "$AUTH" -H "$CT" -d "{\"name\":\"Background $i\",\"stage\":\"customer\"}" \
    "${W[$((i % 2))]}/v1/accounts" | sc_json id)
  [ -n "$id" ] || die "creating account $i failed"
  ACCTS+=("$id")
done
wait_drained $NACC || fail "the assessments of $NACC new accounts were not all stored within 60 s ($(computations), $(queued) queued)"
c1=$(computations)
say "after creating: stored assessments, computations: $c1"
sc_check "each new account's assessment was computed and stored once ($c1)" test "$c1" = "$NACC $NACC"
# The first stored assessment of an account writes one
# account.risk_level_changed (previous null): one per account, not one
# per instance.
rl=0
for _ in $(seq 1 50); do
  rl=$(feed | awk '$2 == "account.risk_level_changed"' | wc -l)
  [ "$rl" -ge $NACC ] && break
  sleep 0.1
done
sc_check "one account.risk_level_changed event per new account ($rl for $NACC)" test "$rl" = $NACC

say "changing each account once, alternately through each instance"
for i in $(seq 1 $NACC); do
  code=$(sc_curl -o /dev/null -w '%{http_code}' -X PATCH -H "$AUTH" \
    -H 'Content-Type: application/merge-patch+json' -d '{"stage":"former"}' \
    "${W[$((i % 2))]}/v1/accounts/${ACCTS[$((i - 1))]}")
  [ "$code" = 200 ] || fail "PATCH of account $i answered $code"
done
ok=0
for _ in $(seq 1 600); do
  [ "$(queued)" = 0 ] && [ "$(computations)" = "$NACC $((2 * NACC))" ] && { ok=1; break; }
  sleep 0.1
done
sleep 2
c2=$(computations)
say "after one change each: stored assessments, computations: $c2"
sc_check "each change was computed and stored once: $((2 * NACC)) computations ($c2)" \
  test "$c2" = "$NACC $((2 * NACC))"
stored1=("$(metric "${W[0]}" "$STORED")" "$(metric "${W[1]}" "$STORED")")
sa=$(echo "${stored1[0]} - ${stored0[0]}" | bc 2>/dev/null || echo $((${stored1[0]%.*} - ${stored0[0]%.*})))
sb=$(echo "${stored1[1]} - ${stored0[1]}" | bc 2>/dev/null || echo $((${stored1[1]%.*} - ${stored0[1]%.*})))
say "assessments stored by w1: $sa, by w2: $sb (metrics)"
sc_check "the instances' stored counters add up to $((2 * NACC)) ($sa + $sb)" \
  test $((sa + sb)) = $((2 * NACC))

# Every event of the feed is delivered, once.
say "waiting for the receiver to have every event of the feed"
for _ in $(seq 1 600); do
  feed >"$SCALE_WORK/feed.txt"
  nmissing=$(cut -d' ' -f1 "$SCALE_WORK/feed.txt" | sort -u \
    | comm -23 - <(/usr/bin/python3 -c 'import json,sys; [print(json.loads(l)["event_id"]) for l in open(sys.argv[1])]' \
        "$SCALE_WORK/receiver/hits.jsonl" | sort -u) | wc -l)
  [ "$nmissing" = 0 ] && break
  sleep 0.1
done
sleep 3
feed >"$SCALE_WORK/feed.txt"
nfeed=$(wc -l <"$SCALE_WORK/feed.txt")
/usr/bin/python3 - "$SCALE_WORK/feed.txt" "$SCALE_WORK/receiver/hits.jsonl" >"$SCALE_WORK/deliveries.txt" <<'PYEOF'
import collections, json, sys
feed = [l.split()[0] for l in open(sys.argv[1]) if l.strip()]
hits = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
by = collections.Counter(h["event_id"] for h in hits)
types = collections.Counter(l.split()[1] for l in open(sys.argv[1]) if l.strip())
print("events_in_feed", len(feed))
print("deliveries", len(hits))
print("distinct_delivered", len(by))
print("missing", sum(1 for e in feed if by[e] == 0))
print("twice_or_more", sum(1 for e, n in by.items() if n > 1))
print("not_in_feed", sum(1 for e in by if e not in set(feed)))
print("retries", sum(1 for h in hits if h["attempt"] != "1"))
print("body_id_mismatch", sum(1 for h in hits if h["body_id"] != h["event_id"]))
print("types", " ".join("%s=%d" % kv for kv in sorted(types.items())))
PYEOF
cat "$SCALE_WORK/deliveries.txt" | sed 's/^/    /' >&2
val() { awk -v k="$1" '$1 == k {print $2}' "$SCALE_WORK/deliveries.txt"; }
deliv1=("$(metric "${W[0]}" "$DELIVERED")" "$(metric "${W[1]}" "$DELIVERED")")
say "deliveries made by w1: $((${deliv1[0]%.*} - ${deliv0[0]%.*})), by w2: $((${deliv1[1]%.*} - ${deliv0[1]%.*})) (metrics)"
sc_check "the feed has the events of $NACC creations, $NACC changes and the assessments ($nfeed)" \
  test "$nfeed" -ge $((2 * NACC))
sc_check "every event was delivered (missing: $(val missing))" test "$(val missing)" = 0
sc_check "no event was delivered twice (twice or more: $(val twice_or_more); deliveries $(val deliveries) for $(val events_in_feed) events)" \
  test "$(val twice_or_more)" = 0 -a "$(val deliveries)" = "$(val events_in_feed)"
sc_stop_instance w1 "$PID_W1"
sc_stop_instance w2 "$PID_W2"
sc_kill "$RECV_PID" 5 || true
sc_forget "$RECV_PID"
say "e. took $((SECONDS - t)) s"

say "instances.sh took $((SECONDS - T0)) s"
sc_finish
