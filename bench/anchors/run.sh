#!/usr/bin/env bash
# Measures Rapport as the candidate of the shared reference harness
# (../shared/bench: PostgreSQL and nginx ceilings, the Node.js peer), in
# one run, on a database seeded like the harness's own: one organization,
# 10,000 accounts with 20 calls each.
#
#   bench/anchors/run.sh            # ROUNDS, DURATION ... pass through
#
# Release build, a private cluster on port 25432, the service on 28090 with
# its rate limit off; everything it starts is stopped at the end.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
HARNESS=${HARNESS:-$ROOT/../shared/bench/run-anchors.sh}
[ -x "$HARNESS" ] || die "no harness at $HARNESS (set HARNESS=)"
ensure_packages "${BUILD_PACKAGES[@]}"
build "$ROOT/build" -DCMAKE_BUILD_TYPE=Release
BIN=$ROOT/build/rapport

WORK=$(mktemp -d /tmp/rapport-anchors.XXXXXX)
chmod 755 "$WORK"
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  pg_stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
PGPORT=$(free_port 25432)
pg_start "$WORK/pg" "$PGPORT"
ADMIN=$(pg_prepare "$PGPORT")
migrate "$BIN" "$ADMIN"
KEY=$(MIGRATE_DATABASE_URL=$ADMIN "$BIN" org create "anchors" | sed -n 's/^RAPPORT_API_KEY=//p')
say "seeding 10,000 accounts with 20 calls each"
psql -q "$ADMIN" -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO accounts (org_id, id, name, stage, annual_value, currency)
SELECT o.id, md5('acct:' || n)::uuid, 'Account ' || n, 'customer',
       1000 + n, 'EUR'
  FROM organizations o, generate_series(1, 10000) n;
INSERT INTO calls (org_id, account_id, occurred_at, channel, kind,
                   duration_minutes, seller_talk_ratio, signals, notes)
SELECT a.org_id, a.id, now() - (k || ' days')::interval, 'video',
       'follow_up', 30, 0.4, ARRAY['asked_about_plans'],
       'Call ' || k || ' with the operations lead about the rollout; she '
       'asked for documentation on uptime guarantees.'
  FROM accounts a, generate_series(1, 20) k;
ANALYZE;
SQL
psql -qAt "$ADMIN" -c "SELECT id FROM accounts ORDER BY created_at, id" >"$WORK/ids.txt"
PORT=$(free_port 28090)
PORT=$PORT DATABASE_URL="postgresql://rapport_app@127.0.0.1:$PGPORT/rapport" \
  RAPPORT_RATE_LIMIT=0 LOG_LEVEL=warn "$BIN" serve 2>"$WORK/service.log" &
PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
say "Rapport is the candidate on http://127.0.0.1:$PORT"
# Note: the harness's POST body names the talk share "talk_ratio"; the
# contract calls it seller_talk_ratio and refuses unknown fields, so the
# candidate's POST row counts 422s (see bench/anchors/README.md).
CANDIDATE_URL="http://127.0.0.1:$PORT" CANDIDATE_NAME="rapport (C)" \
  CANDIDATE_BASE_PATH=/v1 CANDIDATE_AUTH="Bearer $KEY" \
  CANDIDATE_IDS_FILE="$WORK/ids.txt" "$HARNESS"
