# shellcheck shell=bash
# bench/run's scale-out section (SCALE=1, the default): on the same data,
# with the same wrk settings and in the same run as the rest of bench/run,
# the harness's three requests (GET /v1/accounts/{id}, GET
# /v1/accounts/{id}/calls, POST /v1/accounts/{id}/calls; the harness's own
# wrk scripts, organization "anchors") against
#   one        the instance bench/run measured above, directly;
#   two        that instance and a second one (RAPPORT_INSTANCES=2) on the
#              same database, behind Debian's nginx (round robin, keep-alive
#              to both);
#   pgbouncer  a third instance whose DATABASE_URL is pgbouncer 1.18 in
#              transaction pooling (RAPPORT_PREPARED_STATEMENTS=0;
#              DATABASE_LISTEN_URL the direct URL for its LISTENs);
# and, on demand (SCALE_SETUPS), two more that tell the parts apart:
#   nginx1     the first instance alone behind the same kind of nginx;
#   unnamed    a fourth instance, direct, with RAPPORT_PREPARED_STATEMENTS=0.
# The instances started here run no refresher (RAPPORT_REFRESH_THREADS=0):
# the background work of stored assessments stays the first instance's
# alone, the same under every setup.  Each round measures one request on
# every setup in turn, then the next request.  Rows go to bench.tsv (keys scale-<setup>-<request>); the ratios
# (two / one, pgbouncer / one) to the table and scale-ratios.tsv.
#
# Sourced by bench/run after scripts/lib.sh and bench/common.sh.  Uses its
# WORK, OUT, TSV, URL, PGPORT, ADMIN, KEY, BIN, HARNESS_DIR, WRK_THREADS,
# WRK_CONNS, WARMUP, DURATION, ROUNDS, SERVICE_LOG_LEVEL, PGPASSFILE and its
# record and field functions.  bench/run's cleanup calls scale_stop.

SCALE=${SCALE:-1}
SCALE_SETUPS=${SCALE_SETUPS:-one two pgbouncer}
SCALE_NGINX_WORKERS=${SCALE_NGINX_WORKERS:-1}
SCALE_POOL_SIZE=${SCALE_POOL_SIZE:-${RAPPORT_THREADS:-4}}
SCALE_SETTLE=${SCALE_SETTLE:-60}
SCALE_WAITED=0
SCALE_SETTLE_MISSED=0
SCALE_PIDS=()       # what scale_run started, stopped by scale_stop in reverse
SCALE_DIR=
SCALE_MIGRATIONS=
SCALE_POOLS=        # the SHOW POOLS line, SHOW STATS figures (for the table)
SCALE_POOLS_HEAD=
SCALE_STATS=
SCALE_NOTES=()

# scale_check: the knobs, before anything is built.
scale_check() {
  [[ $SCALE =~ ^[01]$ ]] || die "SCALE must be 0 or 1 (it is '$SCALE')"
  [ "$SCALE" = 1 ] || return 0
  local s
  for s in $SCALE_SETUPS; do
    case $s in one | two | pgbouncer | nginx1 | unnamed) ;;
      *) die "SCALE_SETUPS: unknown setup '$s' (one two pgbouncer nginx1 unnamed)" ;;
    esac
  done
  [[ $SCALE_NGINX_WORKERS =~ ^[1-9][0-9]*$ ]] || die "SCALE_NGINX_WORKERS must be at least 1"
  [[ $SCALE_POOL_SIZE =~ ^[1-9][0-9]*$ ]] || die "SCALE_POOL_SIZE must be at least 1"
  [[ $SCALE_SETTLE =~ ^[0-9]+$ ]] || die "SCALE_SETTLE must be a whole number of seconds"
}

# scale_stop: stops what scale_run started, in the reverse order of its
# start (an instance before its nginx or pgbouncer); also bench/run's
# cleanup, after a failure or Ctrl-C.
scale_stop() {
  local i
  for ((i = ${#SCALE_PIDS[@]} - 1; i >= 0; i--)); do
    stop_pid "${SCALE_PIDS[i]}" 25
  done
  SCALE_PIDS=()
}

scale_has() { [[ " $SCALE_SETUPS " == *" $1 "* ]]; }

# scale_failed MESSAGE: a setup that could not start; its rows read "fail"
# (and bench/run exits 1), the rest of the run goes on.
scale_failed() {
  say "scale: $*"
  SCALE_NOTES+=("FAILED: $*")
}

# scale_serve NAME [VAR=VALUE...]: another `rapport serve` on the cluster,
# like bench/common.sh's serve but with its own log and no refresher; sets
# SCALE_URL and SCALE_PORT.
scale_serve() {
  local name=$1 log=$SCALE_DIR/$1.log pid
  shift
  SCALE_PORT=$(free_port 28090)
  SCALE_URL=http://127.0.0.1:$SCALE_PORT
  env PORT="$SCALE_PORT" DATABASE_URL="postgresql://rapport_app@127.0.0.1:$PGPORT/rapport" \
    RAPPORT_RATE_LIMIT=0 RAPPORT_ORG_RATE_LIMIT=0 RAPPORT_REFRESH_THREADS=0 \
    RAPPORT_MIGRATIONS_DIR="$SCALE_MIGRATIONS" LOG_LEVEL="$SERVICE_LOG_LEVEL" "$@" \
    "$BIN" serve 2>"$log" >"${log%.log}.out" &
  pid=$!
  SCALE_PIDS+=("$pid")
  for _ in $(seq 1 100); do
    curl -sf "$SCALE_URL/readyz" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! curl -sf "$SCALE_URL/readyz" >/dev/null 2>&1; then
    # /readyz says why (e.g. a migration the tree has and the cluster not).
    scale_failed "instance $name did not start or is not ready after 10 s:" \
      "$(curl -s "$SCALE_URL/readyz" 2>&1 | head -c 300) $(grep -v '"route":"/readyz"' "$log" | tail -2)"
    return 1
  fi
  say "scale: instance $name (pid $pid) on $SCALE_URL $*"
}

# scale_migrations: sets SCALE_MIGRATIONS, the migrations folder of the
# instances started here: RAPPORT_MIGRATIONS_DIR when it is set, else one
# holding the migrations the cluster applied at the start of bench/run
# (the binary's and the first instance's).  The tree's own may have more
# by now, when someone works in it during the run: an instance started on
# it would not be ready ("has not applied the latest migration").
scale_migrations() {
  local v
  SCALE_MIGRATIONS=${RAPPORT_MIGRATIONS_DIR:-}
  [ -z "$SCALE_MIGRATIONS" ] || return 0
  SCALE_MIGRATIONS=$SCALE_DIR/migrations
  mkdir -p "$SCALE_MIGRATIONS"
  for v in $(psql -X -qAt "$ADMIN" -c "SELECT version FROM schema_migrations ORDER BY version"); do
    # /readyz only compares the latest name; the file is copied when the
    # tree still has it, for whoever reads the folder.
    cp "$ROOT/migrations/$v" "$SCALE_MIGRATIONS/" 2>/dev/null || : >"$SCALE_MIGRATIONS/$v"
  done
}

# scale_nginx NAME PORT...: nginx in SCALE_DIR/NAME, round robin over the
# instances on PORT..., keep-alive both sides; sets SCALE_URL.
scale_nginx() {
  local name=$1 dir=$SCALE_DIR/$1 port pid p
  shift
  mkdir -p "$dir/tmp"
  port=$(free_port 28281)
  {
    echo "# bench/scale.sh: round robin over $*"
    echo "worker_processes $SCALE_NGINX_WORKERS;"
    echo "pid $dir/nginx.pid;"
    echo "error_log $dir/error.log warn;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log off;"
    echo "  tcp_nodelay on;"
    echo "  keepalive_timeout 65;"
    echo "  keepalive_requests 1000000;"
    echo "  server_tokens off;"
    echo "  client_body_temp_path $dir/tmp/body;"
    for p in proxy fastcgi uwsgi scgi; do echo "  ${p}_temp_path $dir/tmp/$p;"; done
    echo "  upstream rapport {"
    for p in "$@"; do echo "    server 127.0.0.1:$p;"; done
    echo "    keepalive 64;"
    echo "    keepalive_requests 1000000;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$port;"
    echo "    location / {"
    echo "      proxy_pass http://rapport;"
    echo "      proxy_http_version 1.1;"
    echo "      proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$host;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' \
    >"$dir/stdout.log" 2>&1 &
  pid=$!
  SCALE_PIDS+=("$pid")
  SCALE_URL=http://127.0.0.1:$port
  for _ in $(seq 1 100); do
    curl -sf "$SCALE_URL/readyz" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! curl -sf "$SCALE_URL/readyz" >/dev/null 2>&1; then
    scale_failed "nginx ($name) does not answer on $SCALE_URL: $(cat "$dir/error.log" "$dir/stdout.log" 2>/dev/null | tail -3)"
    return 1
  fi
  say "scale: nginx $(nginx -v 2>&1 | sed 's|.*/||') (pid $pid, $SCALE_NGINX_WORKERS worker(s)) on $SCALE_URL -> $*"
}

# scale_pgbouncer: pgbouncer in transaction pooling in front of the
# cluster, as postgres (it refuses root), scram-sha-256 both ways with the
# plain passwords of rapport_app and postgres (admin, for SHOW) from the
# cluster's PGPASSFILE.  Sets SCALE_PGB_PORT and SCALE_PGPASS (PGPASSFILE
# plus the lines for pgbouncer's port).
scale_pgbouncer() {
  local dir=$SCALE_DIR/pgbouncer pid u pw
  mkdir -p "$dir"
  SCALE_PGB_PORT=$(free_port 26432)
  SCALE_PGPASS=$SCALE_DIR/pgpass
  if ! (
    umask 077
    : >"$dir/userlist.txt"
    cp "$PGPASSFILE" "$SCALE_PGPASS"
    for u in rapport_app postgres; do
      pw=$(awk -F: -v u="$u" -v p="$PGPORT" '$2 == p && $4 == u { print $5; exit }' "$PGPASSFILE")
      [ -n "$pw" ] || exit 1
      printf '"%s" "%s"\n' "$u" "$pw" >>"$dir/userlist.txt"
      echo "127.0.0.1:$SCALE_PGB_PORT:*:$u:$pw" >>"$SCALE_PGPASS"
    done
  ); then
    scale_failed "pgbouncer: no password of rapport_app or postgres for port $PGPORT in $PGPASSFILE"
    return 1
  fi
  cat >"$dir/pgbouncer.ini" <<EOF
; bench/scale.sh: transaction pooling in front of the bench cluster
[databases]
rapport = host=127.0.0.1 port=$PGPORT dbname=rapport

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $SCALE_PGB_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
admin_users = postgres
pool_mode = transaction
default_pool_size = $SCALE_POOL_SIZE
max_client_conn = 200
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
ignore_startup_parameters = extra_float_digits
EOF
  chown -R postgres "$dir"
  chmod 700 "$dir"
  # setpriv execs pgbouncer itself: its pid is the one stopped at the end.
  setpriv --reuid=postgres --regid=postgres --init-groups \
    pgbouncer "$dir/pgbouncer.ini" >"$SCALE_DIR/pgbouncer.out" 2>&1 &
  pid=$!
  SCALE_PIDS+=("$pid")
  for _ in $(seq 1 100); do
    PGPASSFILE=$SCALE_PGPASS psql -X -qAtw \
      "postgresql://rapport_app@127.0.0.1:$SCALE_PGB_PORT/rapport" -c 'SELECT 1' \
      >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! PGPASSFILE=$SCALE_PGPASS psql -X -qAtw \
       "postgresql://rapport_app@127.0.0.1:$SCALE_PGB_PORT/rapport" -c 'SELECT 1' >/dev/null 2>&1; then
    scale_failed "pgbouncer did not start or does not let rapport_app in: $(cat "$SCALE_DIR/pgbouncer.out" "$dir/pgbouncer.log" 2>/dev/null | tail -3)"
    return 1
  fi
  say "scale: $(pgbouncer --version 2>&1 | head -1) (pid $pid) on 127.0.0.1:$SCALE_PGB_PORT," \
    "pool_mode transaction, default_pool_size $SCALE_POOL_SIZE"
}

# scale_admin SHOW-COMMAND: pgbouncer's admin console, unaligned with a
# header line.
scale_admin() {
  PGPASSFILE=$SCALE_PGPASS psql -X -Aw \
    "postgresql://postgres@127.0.0.1:$SCALE_PGB_PORT/pgbouncer" -c "$1"
}

# scale_wrk KEY LABEL LUA URL ROUND: one measured wrk run of the harness's
# LUA, recorded like the others of bench/run; WARMUP seconds before it.
scale_wrk() {
  local key=$1 label=$2 lua=$HARNESS_DIR/wrk/$3 url=$4 round=$5 raw line errs f
  raw=$OUT/r$round-$key.txt
  if [ "$WARMUP" -gt 0 ]; then
    IDS_FILE=$WORK/ids.txt BASE_PATH=/v1 AUTH="Bearer $KEY" \
      wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WARMUP}s" -s "$lua" "$url" >/dev/null 2>&1 || true
  fi
  say "round $round: $label"
  IDS_FILE=$WORK/ids.txt BASE_PATH=/v1 AUTH="Bearer $KEY" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${DURATION}s" --latency -s "$lua" "$url" \
    >"$raw" 2>&1 || true
  line=$(grep '^ANCHOR ' "$raw" || true)
  if [ -z "$line" ]; then
    say "wrk failed, see $raw"
    tail -5 "$raw" >&2
    record "$key" "$label" "req/s" "$round" - - - fail
    return
  fi
  errs=0
  for f in err_connect err_read err_write err_status err_timeout; do
    errs=$((errs + $(field "$f" "$line")))
  done
  [ "$errs" = 0 ] || say "$label: $errs errors ($line)"
  record "$key" "$label" "req/s" "$round" "$(field rps "$line")" \
    "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$errs"
}

# scale_settle: waits, at most SCALE_SETTLE seconds, until no account is
# queued for assessment; adds the seconds to SCALE_WAITED.
scale_settle() {
  local t0=$SECONDS n
  while :; do
    n=$(psql -X -qAt "$ADMIN" -c "SELECT count(*) FROM assessment_queue")
    [ "$n" = 0 ] && break
    if [ $((SECONDS - t0)) -ge "$SCALE_SETTLE" ]; then
      SCALE_SETTLE_MISSED=$((SCALE_SETTLE_MISSED + 1))
      say "scale: $n accounts still queued for assessment after ${SCALE_SETTLE}s; measuring anyway"
      break
    fi
    sleep 1
  done
  SCALE_WAITED=$((SCALE_WAITED + SECONDS - t0))
}

# scale_requests: "status count" of the request log lines of LOG (what an
# instance answered), one line per status.
scale_requests() {
  [ -f "$1" ] || { echo "(no log)"; return 0; }
  sed -n 's/.*"status":\([0-9]*\).*/\1/p' "$1" | sort | uniq -c | awk '{ printf "%s%s x%s", s, $2, $1; s = ", " }'
}

# scale_run: the section.  Starts the setups, measures ROUNDS rounds of
# every setup, keeps the pgbouncer figures, stops them all.
# shellcheck disable=SC2153 # PORT: the first instance's, set by serve
scale_run() {
  local s req round url label lua nginx_one='' two='' pgb='' unnamed='' queue0 queue1
  SCALE_DIR=$WORK/scale
  mkdir -p "$SCALE_DIR"
  chmod 755 "$SCALE_DIR"
  queue0=$(psql -X -qAt "$ADMIN" -c "SELECT count(*) FROM assessment_queue")
  scale_migrations
  say "scale-out: setups '$SCALE_SETUPS' ($ROUNDS rounds of ${DURATION}s per request;" \
    "$queue0 accounts queued for assessment)"

  # A setup that does not start leaves its URL empty: its rows fail.
  if scale_has two && scale_serve b RAPPORT_INSTANCES=2 \
     && scale_nginx two "$PORT" "${SCALE_URL##*:}"; then
    two=$SCALE_URL
  fi
  if scale_has nginx1 && scale_nginx nginx1 "$PORT"; then
    nginx_one=$SCALE_URL
  fi
  if scale_has pgbouncer && scale_pgbouncer \
     && scale_serve c PGPASSFILE="$SCALE_PGPASS" RAPPORT_PREPARED_STATEMENTS=0 \
          DATABASE_URL="postgresql://rapport_app@127.0.0.1:$SCALE_PGB_PORT/rapport" \
          DATABASE_LISTEN_URL="postgresql://rapport_app@127.0.0.1:$PGPORT/rapport"; then
    pgb=$SCALE_URL
  fi
  if scale_has unnamed && scale_serve d RAPPORT_PREPARED_STATEMENTS=0; then
    unnamed=$SCALE_URL
  fi

  # Request by request, every setup in turn; before each run, the queue of
  # stale assessments (which the POSTs fill: the first instance's refresher
  # works through it) is left to empty, for at most SCALE_SETTLE seconds,
  # so that no setup pays for the writes of the one before.
  for ((round = 1; round <= ROUNDS; round++)); do
    for req in get-account get-calls post-call; do
      for s in $SCALE_SETUPS; do
        case $s in
          one) url=$URL; label="scale: 1 instance," ;;
          two) url=$two; label="scale: 2 instances + nginx," ;;
          nginx1) url=$nginx_one; label="scale: 1 instance + nginx," ;;
          pgbouncer) url=$pgb; label="scale: 1 instance + pgbouncer," ;;
          unnamed) url=$unnamed; label="scale: 1 instance, unnamed stmts," ;;
        esac
        case $req in
          get-account) lua=get_account.lua; label="$label GET /accounts/:id" ;;
          get-calls) lua=get_calls.lua; label="$label GET /accounts/:id/calls" ;;
          post-call) lua=post_call.lua; label="$label POST /accounts/:id/calls" ;;
        esac
        if [ -z "$url" ]; then
          record "scale-$s-$req" "$label" "req/s" "$round" - - - fail
          continue
        fi
        scale_settle
        scale_wrk "scale-$s-$req" "$label" "$lua" "$url" "$round"
        if [ "$s" = pgbouncer ] && [ "$req" = post-call ] && [ -z "$SCALE_POOLS" ]; then
          # Once, after the first round's last run through pgbouncer: the
          # server connections it holds (active + idle + used + tested +
          # login; idle ones stay for server_idle_timeout, 10 minutes, so
          # these are all it opened) against the pool's size.
          scale_admin "SHOW POOLS" >"$OUT/scale-pgbouncer-pools.txt" 2>&1 || true
          SCALE_POOLS=$(awk -F'|' -v size="$SCALE_POOL_SIZE" '
            NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            $c["database"] == "rapport" && $c["user"] == "rapport_app" {
              sv = $c["sv_active"] + $c["sv_idle"] + $c["sv_used"] + $c["sv_tested"] + $c["sv_login"]
              printf "%s (server connections %d %s pool size %d)", $0, sv, (sv <= size ? "<=" : "> !"), size
            }' "$OUT/scale-pgbouncer-pools.txt")
          SCALE_POOLS_HEAD=$(head -1 "$OUT/scale-pgbouncer-pools.txt")
        fi
      done
    done
  done

  queue1=$(psql -X -qAt "$ADMIN" -c "SELECT count(*) FROM assessment_queue")
  SCALE_NOTES+=("accounts queued for assessment: $queue0 at the start of the section, $queue1 at its end; waited ${SCALE_WAITED}s in all for the queue to empty before the runs ($SCALE_SETTLE_MISSED of them started with it not empty after ${SCALE_SETTLE}s)")
  if [ -n "$two" ]; then
    SCALE_NOTES+=("instance b (behind nginx with the first) answered: $(scale_requests "$SCALE_DIR/b.log")")
  fi
  if [ -n "$pgb" ]; then
    scale_admin "SHOW STATS" >"$OUT/scale-pgbouncer-stats.txt" 2>&1 || true
    SCALE_STATS=$(awk -F'|' '
      NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
      $c["database"] == "rapport" {
        printf "total_xact_count=%s total_query_count=%s avg_xact_time=%s us avg_wait_time=%s us",
               $c["total_xact_count"], $c["total_query_count"], $c["avg_xact_time"], $c["avg_wait_time"] }' \
      "$OUT/scale-pgbouncer-stats.txt")
    SCALE_NOTES+=("instance c (through pgbouncer) answered: $(scale_requests "$SCALE_DIR/c.log")")
    grep -E 'ERROR|WARNING|FATAL' "$SCALE_DIR/pgbouncer/pgbouncer.log" >"$OUT/scale-pgbouncer-errors.txt" || true
    if [ -s "$OUT/scale-pgbouncer-errors.txt" ]; then
      SCALE_NOTES+=("pgbouncer logged $(wc -l <"$OUT/scale-pgbouncer-errors.txt") errors/warnings: scale-pgbouncer-errors.txt")
    else
      rm -f "$OUT/scale-pgbouncer-errors.txt"
      SCALE_NOTES+=("pgbouncer logged no error or warning")
    fi
  fi
  if [ -n "$unnamed" ]; then
    SCALE_NOTES+=("instance d (unnamed statements, direct) answered: $(scale_requests "$SCALE_DIR/d.log")")
  fi
  for s in b c d; do
    [ -f "$SCALE_DIR/$s.log" ] && cp "$SCALE_DIR/$s.log" "$OUT/scale-$s.log"
  done
  [ -f "$SCALE_DIR/pgbouncer/pgbouncer.log" ] && cp "$SCALE_DIR/pgbouncer/pgbouncer.log" "$OUT/scale-pgbouncer.log"
  for s in two nginx1; do
    [ -f "$SCALE_DIR/$s/nginx.conf" ] && cp "$SCALE_DIR/$s/nginx.conf" "$OUT/scale-nginx-$s.conf"
  done
  [ -f "$SCALE_DIR/pgbouncer/pgbouncer.ini" ] && cp "$SCALE_DIR/pgbouncer/pgbouncer.ini" "$OUT/scale-pgbouncer.ini"
  scale_stop
}

# scale_table TSV: the section's ratios of medians (printed in the table,
# also saved to OUT/scale-ratios.tsv) and its notes.
scale_table() {
  awk -F'\t' -v setups="$SCALE_SETUPS" -v out="$OUT/scale-ratios.tsv" '
    function median(list,   a, n, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) {
        t = a[i] + 0
        for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]
        a[j + 1] = t
      }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 ~ /^scale-/ {
      if ($5 ~ /^[0-9.]+$/) rates[$1] = rates[$1] " " $5; else bad[$1] = 1
      if ($8 !~ /^[0-9]+$/ || $8 != 0) bad[$1] = 1
      seen[$1] = 1
    }
    function cell(a, b,   ka, kb) {
      if (!(a in seen) || !(b in seen)) return "-"
      if (bad[a] || bad[b] || !(a in rates) || !(b in rates)) return "invalid"
      return sprintf("%.2fx", median(rates[a]) / median(rates[b]))
    }
    function line(what, a, b,   i, v) {
      printf "  %-46s", what
      printf "%s\t%s", a, b >out
      for (i = 1; i <= 3; i++) {
        v = cell("scale-" a "-" req[i], "scale-" b "-" req[i])
        printf " %14s", v
        printf "\t%s", v >out
      }
      printf "\n"
      printf "\n" >out
    }
    END {
      req[1] = "get-account"; req[2] = "get-calls"; req[3] = "post-call"
      printf "setup\tagainst\tget-account\tget-calls\tpost-call\n" >out
      printf "%-48s %14s %14s %14s\n", "scale-out (ratios of median req/s, same run)",
             "GET account", "calls list", "POST call"
      n = split(setups, s, " ")
      for (i = 1; i <= n; i++) have[s[i]] = 1
      if (have["one"] && have["two"]) line("2 instances + nginx / 1 instance", "two", "one")
      if (have["one"] && have["nginx1"]) line("1 instance + nginx / 1 instance", "nginx1", "one")
      if (have["nginx1"] && have["two"]) line("2 instances + nginx / 1 + nginx", "two", "nginx1")
      if (have["one"] && have["pgbouncer"]) line("through pgbouncer / direct", "pgbouncer", "one")
      if (have["one"] && have["unnamed"]) line("unnamed statements / prepared (direct)", "unnamed", "one")
      if (have["unnamed"] && have["pgbouncer"]) line("through pgbouncer / direct (both unnamed)", "pgbouncer", "unnamed")
    }' "$1"
  echo "  nginx: $SCALE_NGINX_WORKERS worker(s), round robin, keepalive 64 to the upstreams; the second instance" \
    "has RAPPORT_INSTANCES=2, the added ones RAPPORT_REFRESH_THREADS=0; all share these $(nproc) cores with wrk"
  if scale_has pgbouncer; then
    if [ -n "$SCALE_POOLS" ]; then
      echo "  pgbouncer SHOW POOLS: $SCALE_POOLS_HEAD"
      echo "                        $SCALE_POOLS"
    else
      echo "  pgbouncer SHOW POOLS: (none)"
    fi
    echo "  pgbouncer SHOW STATS (database rapport): ${SCALE_STATS:-(none)}"
  fi
  local n
  for n in "${SCALE_NOTES[@]}"; do echo "  $n"; done
}
