#!/usr/bin/env bash
# The private cluster admits only its own roles: over TCP, postgres and
# rapport_app without a password, or with a wrong one, are refused; with
# the password scripts/lib.sh made (PGPASSFILE) they get in; pg_hba.conf
# has no trust line; the passwords are stored as SCRAM; the secrets are
# files of mode 600.  scripts/test runs it on its throwaway cluster:
#   tests/cluster/auth.sh PORT STATE
# (STATE holds postgres.password, rapport_app.password and pgpass).
set -uo pipefail
PORT=${1:?usage: auth.sh PORT STATE}
STATE=${2:?usage: auth.sh PORT STATE}
failures=0
fail() { printf 'cluster auth: FAIL %s\n' "$*" >&2; failures=$((failures + 1)); }

# try ROLE PASSWORD|- PASSFILE: connects over TCP; prints psql's error.
try() {
  local role=$1 pw=$2 passfile=$3 url
  url="postgresql://$role@127.0.0.1:$PORT/rapport"
  [ "$pw" != - ] && url="postgresql://$role:$pw@127.0.0.1:$PORT/rapport"
  env -u PGPASSWORD PGPASSFILE="$passfile" psql -X -qAtw "$url" -c 'SELECT current_user' 2>&1
}

for role in postgres rapport_app; do
  out=$(try "$role" - "$STATE/none") \
    && fail "$role logged in over TCP without a password: $out"
  [[ $out == *"no password supplied"* ]] \
    || fail "$role without a password: not asked for one: $out"
  out=$(try "$role" wrong-password "$STATE/none") \
    && fail "$role logged in with a wrong password"
  [[ $out == *"password authentication failed"* ]] \
    || fail "$role with a wrong password: $out"
  out=$(try "$role" "$(cat "$STATE/$role.password")" "$STATE/none")
  [ "$out" = "$role" ] || fail "$role with its password in the URL: $out"
  out=$(try "$role" - "$STATE/pgpass")
  [ "$out" = "$role" ] || fail "$role with PGPASSFILE: $out"
done
# A role that is not the cluster's gets in neither.
out=$(try nobody - "$STATE/none") && fail "an unknown role logged in: $out"

admin() { PGPASSFILE=$STATE/pgpass psql -X -qAtw "postgresql://postgres@127.0.0.1:$PORT/rapport" -c "$1"; }
n=$(admin "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust' OR error IS NOT NULL")
[ "$n" = 0 ] || fail "pg_hba.conf has $n trust or broken lines"
n=$(admin "SELECT count(*) FROM pg_authid WHERE rolname IN ('postgres', 'rapport_app')
           AND rolcanlogin AND rolpassword LIKE 'SCRAM-SHA-256\$%'")
[ "$n" = 2 ] || fail "postgres and rapport_app do not both log in with a SCRAM password ($n)"
n=$(admin "SELECT rolsuper::text FROM pg_roles WHERE rolname = 'rapport_app'")
[ "$n" = false ] || fail "rapport_app is a superuser ($n)"
for f in "$STATE/postgres.password" "$STATE/rapport_app.password" "$STATE/pgpass"; do
  [ "$(stat -c %a "$f")" = 600 ] || fail "$f has mode $(stat -c %a "$f"), not 600"
done

if [ $failures = 0 ]; then
  echo "cluster auth: passwords required over TCP, no trust line, secrets 600"
fi
exit $((failures > 0))
