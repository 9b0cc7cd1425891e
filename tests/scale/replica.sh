#!/usr/bin/env bash
# Heavy reads from a real streaming replica, run by scripts/test --full's
# scale_phase: a hot standby of the shared cluster on loopback
# (pg_basebackup -R, recovery_min_apply_delay = 3s so that what it serves
# is visibly behind), and the service with DATABASE_READ_URL listing the
# replica then the primary (target_session_attrs=prefer-standby).  Shows:
#   a. a key that just wrote reads its write at once (the primary answers
#      it for RAPPORT_READ_YOUR_WRITES_MS);
#   b. another key of the same organization reads from the replica: right
#      after the write it does not see it yet, and sees it after the delay;
#   c. stopping the replica (pg_ctl stop -m immediate) in the middle of a
#      loop of reads costs no error: the reads go to the primary.
# The cluster's pg_hba.conf gets a replication line for the time of the
# run (removed on exit, failure included).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../../scripts/lib.sh"
. "$HERE/lib.sh"

ensure_packages postgresql-15 postgresql-client-15 python3 curl

T0=$SECONDS
DELAY_S=3
RYW_MS=5000
PRIMARY_PORT=$RAPPORT_PG_PORT
PRIMARY_DATA=$RAPPORT_PG_DATA
ADMIN_URL=$MIGRATE_DATABASE_URL
REPLICA=$SCALE_WORK/replica
PG_OPTS="-c listen_addresses=127.0.0.1 -c max_connections=200"

# ------------------------------------------ replication on the primary --

# pg_hba.conf (scripts/lib.sh's pg_hba_conf) admits no replication
# connection ("all" does not cover it): one line for postgres over
# loopback, with its password, while this runs.
HBA=$PRIMARY_DATA/pg_hba.conf
HBA_LINE='host    replication  postgres  127.0.0.1/32   scram-sha-256   # tests/scale/replica.sh'
hba_restore() {
  if as_pg grep -qF '# tests/scale/replica.sh' "$HBA" 2>/dev/null; then
    as_pg grep -vF '# tests/scale/replica.sh' "$HBA" | pg_put "$HBA" || true
    as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY_DATA" reload >/dev/null 2>&1 || true
  fi
}
SC_CLEANUPS+=(hba_restore)
if ! as_pg grep -qF '# tests/scale/replica.sh' "$HBA"; then
  { as_pg cat "$HBA"; echo "$HBA_LINE"; } | pg_put "$HBA" || true
  as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY_DATA" reload >/dev/null \
    || die "cannot reload the cluster after adding a replication line to pg_hba.conf"
fi
say "the cluster's pg_hba.conf admits replication by postgres on 127.0.0.1 for this run"

# The passwords: the cluster's password file, readable by root only; the
# replica (run as postgres) gets its own copy for its primary_conninfo.
ADMIN_PW=$(awk -F: -v p="$PRIMARY_PORT" '$4 == "postgres" && $2 == p {print $5; exit}' "$PGPASSFILE")
APP_PW=$(awk -F: -v p="$PRIMARY_PORT" '$4 == "rapport_app" && $2 == p {print $5; exit}' "$PGPASSFILE")
[ -n "$ADMIN_PW" ] && [ -n "$APP_PW" ] || die "no passwords for port $PRIMARY_PORT in $PGPASSFILE"
mkdir -p "$SCALE_WORK/pgpass.d"
REPL_PASS=$SCALE_WORK/pgpass.d/replication
(umask 077; printf '127.0.0.1:%s:*:postgres:%s\n' "$PRIMARY_PORT" "$ADMIN_PW" >"$REPL_PASS")
[ "$(id -u)" = 0 ] && chown -R "$(pg_user)" "$SCALE_WORK/pgpass.d"

# ------------------------------------------------------- the replica --

REPLICA_PORT=$(free_port 25700)
rm -rf "$REPLICA"
mkdir -p "$REPLICA"
chmod 700 "$REPLICA"
[ "$(id -u)" = 0 ] && chown "$(pg_user)" "$REPLICA"
replica_stop() {
  if [ -f "$REPLICA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$REPLICA" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
}
SC_CLEANUPS+=(replica_stop)
say "pg_basebackup -R of the cluster (127.0.0.1:$PRIMARY_PORT) into $REPLICA"
as_pg env PGPASSFILE="$REPL_PASS" timeout 300 "$PG_BIN/pg_basebackup" \
  -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -w -D "$REPLICA" -R -X stream -c fast \
  >"$SCALE_WORK/basebackup.log" 2>&1 \
  || { cat "$SCALE_WORK/basebackup.log" >&2; die "pg_basebackup failed"; }
[ -f "$REPLICA/standby.signal" ] || die "pg_basebackup -R wrote no standby.signal"
# Its own connection settings (no password in them: the copy of the
# password file), and the delay: what it serves is $DELAY_S s behind.
cat <<EOF | as_pg tee -a "$REPLICA/postgresql.auto.conf" >/dev/null
# tests/scale/replica.sh
primary_conninfo = 'host=127.0.0.1 port=$PRIMARY_PORT user=postgres passfile=$REPL_PASS application_name=rapport_scale_replica'
recovery_min_apply_delay = '${DELAY_S}s'
hot_standby = on
EOF
say "starting the replica on 127.0.0.1:$REPLICA_PORT (recovery_min_apply_delay ${DELAY_S}s)"
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA" -l "$REPLICA/server.log" -w -t 60 \
  -o "-p $REPLICA_PORT -k $REPLICA $PG_OPTS" start >/dev/null \
  || { tail -20 "$REPLICA/server.log" >&2; die "the replica did not start"; }

# The service, the checks and psql find every password in one file: the
# cluster's lines, and the same for the replica's port (its roles and
# passwords are the primary's).
PASSFILE=$SCALE_WORK/pgpass
(
  umask 077
  {
    cat "$PGPASSFILE"
    printf '127.0.0.1:%s:*:rapport_app:%s\n127.0.0.1:%s:*:postgres:%s\n' \
      "$REPLICA_PORT" "$APP_PW" "$REPLICA_PORT" "$ADMIN_PW"
  } >"$PASSFILE"
)
export PGPASSFILE=$PASSFILE
REPLICA_ADMIN="postgresql://postgres@127.0.0.1:$REPLICA_PORT/rapport"

ok=0
for _ in $(seq 1 300); do
  if [ "$(sc_psql "$REPLICA_ADMIN" "SELECT pg_is_in_recovery()" 2>/dev/null)" = t ] &&
     [ "$(sc_psql "$ADMIN_URL" "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'rapport_scale_replica' AND state = 'streaming'" 2>/dev/null)" = 1 ]; then
    ok=1
    break
  fi
  sleep 0.1
done
[ $ok = 1 ] || { tail -20 "$REPLICA/server.log" >&2; die "the replica is not streaming from the primary after 30 s"; }
say "the replica is a hot standby streaming from the primary"

# ------------------------------------------------------------ service --

PORT=$(free_port 18800)
URL="http://127.0.0.1:$PORT"
READ_URL="postgresql://rapport_app@127.0.0.1:$REPLICA_PORT,127.0.0.1:$PRIMARY_PORT/rapport?target_session_attrs=prefer-standby"
say "DATABASE_READ_URL=$READ_URL"
sc_serve service "$PORT" DATABASE_READ_URL="$READ_URL" RAPPORT_READ_YOUR_WRITES_MS=$RYW_MS
SVC_PID=$SC_LAST_PID

sc_org "scale replica"
WRITER=$ORG_KEY
CT='Content-Type: application/json'
# The second key, made by the first before anything is written: it never
# writes, so its heavy reads always go to the read URL.
READER=$(sc_curl -H "Authorization: Bearer $WRITER" -H "$CT" \
  -d '{"name":"dashboard","scope":"read"}' "$URL/v1/api-keys" | sc_json secret)
[ -n "$READER" ] || die "creating a second key failed"
# The organization, the keys and what the replica must replay before
# checks start: past the delay, the replica has them.
sleep $((DELAY_S + 1))

# lists KEY ID: prints "yes" when GET /v1/accounts (a heavy read) by KEY
# lists account ID, "no" when it answers 200 without it, else the status.
lists() {
  local out code
  out=$(sc_curl -w '\n%{http_code}' -H "Authorization: Bearer $1" "$URL/v1/accounts?limit=200")
  code=${out##*$'\n'}
  if [ "$code" != 200 ]; then echo "$code"; return; fi
  /usr/bin/python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("yes" if any(a["id"]==sys.argv[2] for a in d["data"]) else "no")' \
    "${out%$'\n'*}" "$2"
}
# status KEY PATH: the status of GET PATH by KEY.
status() {
  sc_curl -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$URL$2"
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# ---------------------------------------------- a and b: who sees what --

say "a. the writer reads its own write at once; b. another key reads the replica"
t_write=$(now_ms)
ID=$(sc_curl -H "Authorization: Bearer $WRITER" -H "$CT" \
  -d '{"name":"Written just now","stage":"customer"}' "$URL/v1/accounts" | sc_json id)
[ -n "$ID" ] || die "POST /v1/accounts failed"
w_list=$(lists "$WRITER" "$ID")
w_assess=$(status "$WRITER" "/v1/accounts/$ID/assessment")
r_list=$(lists "$READER" "$ID")
r_assess=$(status "$READER" "/v1/accounts/$ID/assessment")
r_one=$(status "$READER" "/v1/accounts/$ID")
t_read=$(now_ms)
say "within $((t_read - t_write)) ms of the write: the writer's list has it: $w_list, its assessment: $w_assess; the other key's list has it: $r_list, its assessment: $r_assess, the record itself: $r_one"
sc_check "a. the writer's list shows its write at once (primary)" test "$w_list" = yes
sc_check "a. the writer's assessment of the new account answers 200 at once ($w_assess)" test "$w_assess" = 200
sc_check "b. another key's list does not show it yet (the replica, ${DELAY_S}s behind)" test "$r_list" = no
sc_check "b. another key's assessment of it is 404 on the replica ($r_assess)" test "$r_assess" = 404
sc_check "b. a single record is not a heavy read: the primary answers it ($r_one)" test "$r_one" = 200
seen=
for _ in $(seq 1 300); do
  if [ "$(lists "$READER" "$ID")" = yes ]; then seen=$(now_ms); break; fi
  sleep 0.05
done
if [ -n "$seen" ]; then
  say "the other key first listed it $((seen - t_write)) ms after the write"
  sc_check "b. the other key sees it after the replica's delay (${DELAY_S}s): after $((seen - t_write)) ms" \
    test $((seen - t_write)) -ge $((DELAY_S * 1000 - 500))
else
  fail "b. the other key never listed the account within 15 s of the write"
fi

# ------------------------------------------- c. the replica goes away --

say "c. a loop of reads by the other key while the replica is stopped (pg_ctl stop -m immediate)"
# A write just before the stop: the replica, stopped before its delay
# has passed, never shows it, so the reader listing it proves its reads
# went to the primary.
ID2=$(sc_curl -H "Authorization: Bearer $WRITER" -H "$CT" \
  -d '{"name":"Written before the replica stops"}' "$URL/v1/accounts" | sc_json id)
[ -n "$ID2" ] || die "POST /v1/accounts failed"
: >"$SCALE_WORK/loop.txt"
read_loop() {
  local end=$(($(now_ms) + 6000))
  while [ "$(now_ms)" -lt $end ]; do
    printf '%s %s %s\n' "$(now_ms)" \
      "$(status "$READER" '/v1/accounts?limit=20')" \
      "$(status "$READER" "/v1/accounts/$ID/assessment")" >>"$SCALE_WORK/loop.txt"
    sleep 0.02
  done
}
read_loop &
LOOP_PID=$!
SC_PIDS+=("$LOOP_PID")
sleep 1.5
t_stop=$(now_ms)
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA" -m immediate -w -t 30 stop >/dev/null \
  || fail "pg_ctl stop -m immediate of the replica failed"
say "the replica stopped $(( $(now_ms) - t_stop )) ms after the stop began"
wait "$LOOP_PID" || true
sc_forget "$LOOP_PID"
total=$(wc -l <"$SCALE_WORK/loop.txt")
before=$(awk -v t="$t_stop" '$1 < t' "$SCALE_WORK/loop.txt" | wc -l)
after=$((total - before))
bad=$(awk '$2 != 200 || $3 != 200' "$SCALE_WORK/loop.txt" | wc -l)
say "$total rounds of two reads (list, assessment): $before before the stop, $after after; not 200: $bad"
[ "$bad" = 0 ] || awk '$2 != 200 || $3 != 200' "$SCALE_WORK/loop.txt" | head -5 >&2
sc_check "c. every read around the stop answered 200 ($((2 * total)) reads, $bad rounds not)" \
  test "$bad" = 0 -a "$before" -gt 5 -a "$after" -gt 5
r2=$(lists "$READER" "$ID2")
sc_check "c. with the replica gone, the other key's list comes from the primary (it shows the last write: $r2)" \
  test "$r2" = yes

sc_stop_instance service "$SVC_PID"
if grep -q '"level":"warn"' "$SCALE_WORK/service.log"; then
  say "what the service said about the read pool (warnings):"
  grep '"level":"warn"' "$SCALE_WORK/service.log" | sed 's/.*"msg":"\([^"]*\)".*/\1/' | sort | uniq -c | head -10 >&2
fi
replica_stop
hba_restore
st=0
as_pg grep -qF '# tests/scale/replica.sh' "$HBA" && st=1
sc_check "the cluster's pg_hba.conf is as it was (no replication line)" test $st = 0
say "replica.sh took $((SECONDS - T0)) s"
sc_finish
