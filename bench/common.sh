# shellcheck shell=bash
# Shared by the benchmarks that serve a release build against a private
# cluster (bench/run, bench/portfolio).  Sourced, not run, after
# scripts/lib.sh; each piece leaves its results in the variables named.

# bench_build PACKAGE...: installs the build packages and PACKAGE..., builds
# the release binary (no sanitizers) in BUILD_DIR (default build-release/:
# build/ is scripts/run's RelWithDebInfo build).  Sets BIN.
bench_build() {
  ensure_packages "${BUILD_PACKAGES[@]}" "$@"
  BUILD_DIR=${BUILD_DIR:-$ROOT/build-release}
  mkdir -p "$BUILD_DIR"
  build "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DWITH_ASAN=OFF -DWITH_TSAN=OFF \
    -DWITH_FUZZ=OFF
  BIN=$BUILD_DIR/rapport
}

# stop_pid PID SECONDS: TERM, then KILL after SECONDS; only PIDs the
# calling script started.
stop_pid() {
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# cpu_ticks: prints the machine's total and steal jiffies so far.
cpu_ticks() { awk '/^cpu /{t=0; for(i=2;i<=9;i++) t+=$i; print t, $9}' /proc/stat; }

# steal_pct TOTAL0 STEAL0 TOTAL1 STEAL1: the CPU steal between two cpu_ticks.
steal_pct() {
  awk -v a="$1" -v s0="$2" -v b="$3" -v s1="$4" \
    'BEGIN { d = b - a; printf "%.1f", (d > 0 ? 100 * (s1 - s0) / d : 0) }'
}

# bench_db WORK: starts a private cluster in WORK/pg on a free port below
# the ephemeral range (so no client socket holds it) and migrates it.
# Sets PGPORT, ADMIN (the superuser's URL) and PG_STARTED (for the
# caller's cleanup: pg_stop "$WORK/pg").
# shellcheck disable=SC2034 # ADMIN and PGPORT are for the caller
bench_db() {
  mkdir -p "$1/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$1/pg"
  PGPORT=$(free_port 25432)
  # shellcheck disable=SC2034 # read by the caller's cleanup
  PG_STARTED=1
  pg_start "$1/pg" "$PGPORT"
  ADMIN=$(pg_prepare "$PGPORT")
  migrate "$BIN" "$ADMIN"
}

# org_key NAME: creates organization NAME, prints its API key.
org_key() {
  MIGRATE_DATABASE_URL=$ADMIN "$BIN" org create "$1" | sed -n 's/^RAPPORT_API_KEY=//p'
}

# serve LOG [VAR=VALUE...]: starts `rapport serve` on a free port, as
# rapport_app on the cluster of bench_db, both rate limits off, its log
# to LOG and the extra settings given; waits until it is ready.  Sets
# PORT, URL and PID.
serve() {
  local log=$1
  shift
  PORT=$(free_port 28090)
  URL=http://127.0.0.1:$PORT
  env PORT="$PORT" DATABASE_URL="postgresql://rapport_app@127.0.0.1:$PGPORT/rapport" \
    RAPPORT_RATE_LIMIT=0 RAPPORT_ORG_RATE_LIMIT=0 "$@" \
    "$BIN" serve 2>"$log" >"${log%.log}.out" &
  PID=$!
  for _ in $(seq 1 100); do
    curl -sf "$URL/readyz" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || die "the service stopped: $(tail -5 "$log")"
    sleep 0.1
  done
  curl -sf "$URL/readyz" >/dev/null || die "the service is not ready after 10 s"
}

# field NAME LINE: the value of NAME=value in LINE (wrk's ANCHOR line).
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
