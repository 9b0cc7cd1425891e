#!/usr/bin/env bash
# The service through Debian's pgbouncer in transaction pooling, run by
# scripts/test --full's scale_phase: pgbouncer (its own ini in
# $SCALE_WORK, 4 server connections for up to 200 clients) in front of the
# shared cluster; the service with DATABASE_URL on pgbouncer,
# RAPPORT_PREPARED_STATEMENTS=0 (unnamed statements, per-transaction
# settings) and DATABASE_LISTEN_URL on the cluster itself (LISTEN and the
# background workers cannot live behind transaction pooling), 8 threads;
# then the integration suite and the contract check through it, and
# pgbouncer's admin console must show it carried the traffic (SHOW STATS)
# with never more than 4 server connections while more clients were
# connected (SHOW POOLS, sampled all along).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../../scripts/lib.sh"
. "$HERE/lib.sh"

ensure_packages pgbouncer postgresql-client-15 python3 python3-yaml python3-jsonschema

T0=$SECONDS
POOL=4
DIR=$SCALE_WORK/pgbouncer
DIRECT_URL=$DATABASE_URL
PG_PORT=$RAPPORT_PG_PORT
mkdir -p "$DIR"

# ---------------------------------------------------------- pgbouncer --

# The plain passwords of the cluster's roles, from its password file
# (host:port:database:user:password).
password_of() {
  awk -F: -v u="$1" -v p="$PG_PORT" '$4 == u && ($2 == p || $2 == "*") {print $5; exit}' "$PGPASSFILE"
}
APP_PW=$(password_of rapport_app)
ADMIN_PW=$(password_of postgres)
[ -n "$APP_PW" ] && [ -n "$ADMIN_PW" ] \
  || die "no password for rapport_app and postgres on port $PG_PORT in $PGPASSFILE"

PB_PORT=$(free_port 16400)
# pgbouncer refuses to run as root: it runs as postgres, which owns its
# folder; the auth file (plain passwords: pgbouncer answers SCRAM to its
# clients and to the cluster with them) is readable by it alone.
(
  umask 077
  printf '"rapport_app" "%s"\n"postgres" "%s"\n' "$APP_PW" "$ADMIN_PW" >"$DIR/userlist.txt"
)
cat >"$DIR/pgbouncer.ini" <<EOF
; Written by tests/scale/pgbouncer.sh.
[databases]
rapport = host=127.0.0.1 port=$PG_PORT dbname=rapport
; Any other database of the cluster, by its own name (test_read_replica
; reads from a second database through the same URL).
* = host=127.0.0.1 port=$PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PB_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $DIR/userlist.txt
admin_users = postgres
stats_users = postgres
pool_mode = transaction
default_pool_size = $POOL
min_pool_size = 0
reserve_pool_size = 0
max_db_connections = $POOL
max_client_conn = 200
server_lifetime = 3600
server_idle_timeout = 600
; The PostgreSQL restarts of test_resilience: give the cluster time.
server_login_retry = 1
query_wait_timeout = 60
; docs/scaling.md: what the service sets itself when it talks to
; PostgreSQL directly.
idle_transaction_timeout = 30
logfile = $DIR/pgbouncer.log
pidfile = $DIR/pgbouncer.pid
log_connections = 0
log_disconnections = 0
EOF
[ "$(id -u)" = 0 ] && chown -R postgres "$DIR"
if [ "$(id -u)" = 0 ]; then
  setpriv --reuid=postgres --regid=postgres --init-groups \
    pgbouncer "$DIR/pgbouncer.ini" 2>"$DIR/stderr" &
else
  pgbouncer "$DIR/pgbouncer.ini" 2>"$DIR/stderr" &
fi
PB_PID=$!
SC_PIDS+=("$PB_PID")

# The service, the tests and psql find every password in one file: the
# cluster's lines, and the same for pgbouncer's port.
PASSFILE=$SCALE_WORK/pgpass
(
  umask 077
  {
    cat "$PGPASSFILE"
    printf '127.0.0.1:%s:*:rapport_app:%s\n127.0.0.1:%s:*:postgres:%s\n' \
      "$PB_PORT" "$APP_PW" "$PB_PORT" "$ADMIN_PW"
  } >"$PASSFILE"
)
export PGPASSFILE=$PASSFILE
PB_URL="postgresql://rapport_app@127.0.0.1:$PB_PORT/rapport"
PB_ADMIN="postgresql://postgres@127.0.0.1:$PB_PORT/pgbouncer"

# pb_show WHAT: pgbouncer's admin console, SHOW WHAT, '|'-separated with
# its header line.
pb_show() {
  PGCONNECT_TIMEOUT=5 psql -X -qAw -F'|' "$PB_ADMIN" -c "SHOW $1" 2>/dev/null | grep -v '^(' 
}
# pb_col WHAT DB COLUMN: one column of the row of DB (user rapport_app
# where the listing has users).
pb_col() {
  pb_show "$1" | awk -F'|' -v db="$2" -v col="$3" '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["database"] == db && (!("user" in c) || $c["user"] == "rapport_app") { print $c[col]; exit }'
}
ok=0
for _ in $(seq 1 100); do
  if PGCONNECT_TIMEOUT=5 psql -X -qAtw "$PB_ADMIN" -c 'SHOW VERSION' >/dev/null 2>"$DIR/psql.err"; then
    ok=1
    break
  fi
  kill -0 "$PB_PID" 2>/dev/null || break
  sleep 0.1
done
if [ $ok = 0 ]; then
  cat "$DIR/stderr" "$DIR/psql.err" >&2 2>/dev/null || true
  tail -5 "$DIR/pgbouncer.log" >&2 2>/dev/null || true
  die "pgbouncer's admin console did not answer on port $PB_PORT"
fi
say "pgbouncer $(pb_show VERSION | tail -1) (pid $PB_PID) on 127.0.0.1:$PB_PORT: transaction pooling, $POOL server connections"
[ "$(psql -X -qAtw "$PB_URL" -c "SELECT current_user")" = rapport_app ] \
  || die "rapport_app cannot log in through pgbouncer (SCRAM)"

# ------------------------------------------------------------ sampler --

# Every 0.2 s while the tests run: pgbouncer's clients and server
# connections of the rapport pool (SHOW POOLS), one line each:
# cl_active cl_waiting servers.
SAMPLES=$SCALE_WORK/pools.samples
: >"$SAMPLES"
sampler() {
  local end=$((SECONDS + 1200))
  while [ $SECONDS -lt $end ] && [ ! -e "$SCALE_WORK/sampler.stop" ]; do
    pb_show POOLS | awk -F'|' '
      NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
      $c["database"] == "rapport" && $c["user"] == "rapport_app" {
        print $c["cl_active"], $c["cl_waiting"],
              $c["sv_active"] + $c["sv_idle"] + $c["sv_used"] + $c["sv_tested"] + $c["sv_login"] }' \
      >>"$SAMPLES" || true
    sleep 0.2
  done
}
sampler &
SAMPLER_PID=$!
SC_PIDS+=("$SAMPLER_PID")
SC_CLEANUPS+=("touch '$SCALE_WORK/sampler.stop'")

# ------------------------------------------------------------ service --

PORT=$(free_port 18700)
URL="http://127.0.0.1:$PORT"
PB_ENV=(DATABASE_URL="$PB_URL" DATABASE_LISTEN_URL="$DIRECT_URL" RAPPORT_PREPARED_STATEMENTS=0)
sc_serve service "$PORT" "${PB_ENV[@]}" RAPPORT_THREADS=8
SVC_PID=$SC_LAST_PID

# The instances tests start themselves inherit the same settings (their
# requests go through pgbouncer too), and the tests that read the
# database as the service's role (test_store_rls) read through it.
export DATABASE_URL=$PB_URL DATABASE_LISTEN_URL=$DIRECT_URL RAPPORT_PREPARED_STATEMENTS=0
# Excluded (each with its reason):
# - test_store_transcripts: no service involved: it drives the store
#   library in its own process, which prepares its statements by name
#   (store_set_prepared is not called), which transaction pooling cannot
#   carry; scripts/test runs it against the cluster.
# Everything else runs through pgbouncer, the PostgreSQL restarts of
# test_resilience included: pgbouncer keeps the clients' connections and
# reconnects to the cluster (server_login_retry = 1), and the service must
# answer 503, never 500, meanwhile.
EXCLUDE='^integration_test_store_transcripts$'
st=0
RAPPORT_URL=$URL RAPPORT_SERVICE_PID=$SVC_PID \
  sc_ctest pgbouncer -R '^integration_' -E "$EXCLUDE" || st=1
sc_check "the integration suite passes through pgbouncer ($SC_TESTED tests, $SC_FAILING failing)" \
  test $st = 0

if [ -x "$ROOT/tests/contract/run.sh" ]; then
  say "the contract check (tests/contract/run.sh) through pgbouncer"
  st=0
  "$ROOT/tests/contract/run.sh" "$URL" >"$SCALE_WORK/contract.log" 2>&1 || st=1
  tail -1 "$SCALE_WORK/contract.log" >&2
  [ $st = 0 ] || grep -i 'fail' "$SCALE_WORK/contract.log" | head -20 >&2
  sc_check "the contract check passes through pgbouncer" test $st = 0
fi

touch "$SCALE_WORK/sampler.stop"
sc_kill "$SAMPLER_PID" 5 || true
sc_forget "$SAMPLER_PID"

# ------------------------------------------------------------ verdict --

pb_show STATS >"$SCALE_WORK/stats.txt" || true
pb_show POOLS >"$SCALE_WORK/pools.txt" || true
xacts=$(pb_col STATS rapport total_xact_count)
queries=$(pb_col STATS rapport total_query_count)
waits=$(pb_col STATS rapport total_wait_time)
read -r nsamples max_cl max_wait max_sv busy_samples <<<"$(awk '
  { n++; cl = $1 + $2; if (cl > mc) mc = cl; if ($2 > mw) mw = $2; if ($3 > ms) ms = $3;
    if (cl > '"$POOL"') b++ }
  END { print n + 0, mc + 0, mw + 0, ms + 0, b + 0 }' "$SAMPLES")"
say "pgbouncer carried $xacts transactions, $queries queries (clients waited $((${waits:-0} / 1000)) ms in all)"
say "SHOW POOLS, $nsamples samples: at most $max_sv server connections; at most $max_cl clients connected ($max_wait waiting); more than $POOL clients connected in $busy_samples samples"
sc_check "pgbouncer carried the traffic: total_xact_count $xacts > 1000" test "${xacts:-0}" -gt 1000
sc_check "server connections stayed <= $POOL (at most $max_sv)" test "$max_sv" -le $POOL
sc_check "while more than $POOL clients were connected at once (at most $max_cl)" \
  test "$max_cl" -gt $POOL

sc_stop_instance service "$SVC_PID"
sc_kill "$PB_PID" 10 || true
sc_forget "$PB_PID"
if grep -E 'ERROR|FATAL' "$DIR/pgbouncer.log" | grep -v 'closing because' | head -5 | grep -q .; then
  say "pgbouncer logged errors (informational, $DIR/pgbouncer.log):"
  grep -E 'ERROR|FATAL' "$DIR/pgbouncer.log" | sed 's/^[^ ]* [^ ]* [^ ]* //' | sort | uniq -c | sort -rn | head -10 >&2
fi
say "pgbouncer.sh took $((SECONDS - T0)) s"
sc_finish
