#!/usr/bin/env bash
# A cluster an older checkout made with `initdb --auth=trust`, still
# running (scripts/run leaves it so), is converted in place by the
# set-up of today's scripts/lib.sh (pg_start, pg_prepare, migrate): its
# data is kept, and tests/cluster/auth.sh then passes on it.
#   tests/cluster/upgrade.sh RAPPORT_BIN
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
BIN=${1:?usage: upgrade.sh RAPPORT_BIN}

WORK=$(mktemp -d /tmp/rapport-upgrade.XXXXXX)
chmod 755 "$WORK"
trap 'pg_stop "$WORK/pg"; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"

# What the older lib.sh did: trust everywhere, the service role without a
# password.
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 \
  --locale=C >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
# Chosen after initdb, and below the ephemeral range (32768-60999) so
# that no client socket of a busy machine holds it when PostgreSQL binds.
port=$(free_port 26500)
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -t 60 \
  -o "-p $port -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null \
  || { tail -20 "$WORK/pg/server.log" >&2; exit 1; }
old="postgresql://postgres@127.0.0.1:$port"
psql -X -qw "$old/postgres" -c "CREATE DATABASE rapport"
psql -X -qw "$old/rapport" -c "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('returning user')"

pg_start "$WORK/pg" "$port" "$WORK" 2>/dev/null
admin=$(pg_prepare "$port")
migrate "$BIN" "$admin" 2>/dev/null

[ "$(psql -X -qAtw "$admin" -c 'SELECT v FROM kept')" = 'returning user' ] \
  || { echo "cluster upgrade: FAIL the old cluster's data is gone" >&2; exit 1; }
# pg_ctl reload is asynchronous: give the postmaster a moment.
for _ in $(seq 1 50); do
  PGPASSFILE=$WORK/none psql -X -qAtw "$old/rapport" -c 'SELECT 1' >/dev/null 2>&1 || break
  sleep 0.1
done
"$(dirname "${BASH_SOURCE[0]}")/auth.sh" "$port" "$WORK" >/dev/null || {
  echo "cluster upgrade: FAIL the converted cluster does not pass auth.sh" >&2
  exit 1
}
echo "cluster upgrade: a running trust cluster now asks for passwords, data kept"
