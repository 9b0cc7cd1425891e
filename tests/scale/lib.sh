#!/usr/bin/env bash
# What the scripts of tests/scale/ share: instances of the service they
# start and stop, bounded waits, JSON reading, the integration suite run
# with ctest, and a cleanup that ends every process they started.  Sourced
# after scripts/lib.sh, by scripts that scripts/test's scale_phase runs
# (it exports ROOT, BUILD, RAPPORT_BIN, SCALE_WORK, MIGRATE_DATABASE_URL,
# DATABASE_URL, PGPASSFILE, RAPPORT_PG_DATA and RAPPORT_PG_PORT).

for _v in ROOT BUILD RAPPORT_BIN SCALE_WORK MIGRATE_DATABASE_URL DATABASE_URL \
  PGPASSFILE RAPPORT_PG_DATA RAPPORT_PG_PORT; do
  [ -n "${!_v:-}" ] || die "$_v is not set: run this through scripts/test --full"
done
unset _v
mkdir -p "$SCALE_WORK"
# RAPPORT_URL and RAPPORT_SERVICE_PID of scripts/test's own service are
# stale here (it has been stopped): each script sets its own.
unset RAPPORT_URL RAPPORT_SERVICE_PID
# No instance delivers webhooks unless a script says so.
export RAPPORT_WEBHOOK_THREADS=0

# The processes a script started, stopped by sc_cleanup in reverse order.
SC_PIDS=()
# Commands sc_cleanup runs first (a script's own: a stop, a removal).
SC_CLEANUPS=()
# Failures counted by sc_check.
SC_FAILED=0
# The ctest sc_ctest runs, while it runs.
SC_CTEST_PID=

fail() { printf 'FAILED: %s\n' "$*" >&2; SC_FAILED=$((SC_FAILED + 1)); }

# sc_check DESCRIPTION CMD...: runs CMD; counts and names a failure.
sc_check() {
  local what=$1
  shift
  if "$@"; then printf '    ok: %s\n' "$what" >&2; else fail "$what"; fi
}

# sc_kill PID [TIMEOUT_S]: SIGTERM, then SIGKILL after TIMEOUT_S (10);
# returns the exit status (or 137 when it had to be killed).
sc_kill() {
  local pid=$1 t=${2:-10} i st=0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || st=$?; return $st; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < t * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    return 137
  fi
  wait "$pid" 2>/dev/null || st=$?
  return $st
}

sc_cleanup() {
  local i rc=$?
  set +e
  if [ -n "${SC_CTEST_PID:-}" ]; then
    kill -TERM $(pgrep -P "$SC_CTEST_PID") "$SC_CTEST_PID" 2>/dev/null
    wait "$SC_CTEST_PID" 2>/dev/null
  fi
  for ((i = ${#SC_CLEANUPS[@]} - 1; i >= 0; i--)); do
    eval "${SC_CLEANUPS[$i]}" >/dev/null 2>&1
  done
  for ((i = ${#SC_PIDS[@]} - 1; i >= 0; i--)); do
    sc_kill "${SC_PIDS[$i]}" 10 2>/dev/null
  done
  SC_PIDS=()
  SC_CLEANUPS=()
  return $rc
}
trap sc_cleanup EXIT
trap 'exit 130' INT TERM

# sc_forget PID: a process stopped by the script itself.
sc_forget() {
  local p keep=()
  for p in "${SC_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  SC_PIDS=("${keep[@]}")
}

# sc_wait_url URL SECONDS [PID]: polls URL until it answers 2xx; false
# after SECONDS or as soon as PID has exited.
sc_wait_url() {
  local url=$1 t=$2 pid=${3:-} i
  for ((i = 0; i < t * 10; i++)); do
    curl -sf --max-time 2 "$url" >/dev/null 2>&1 && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.1
  done
  return 1
}

# sc_serve NAME PORT [VAR=VALUE...]: starts `$RAPPORT_BIN serve` on PORT
# with the shared service's settings (no rate limit, warn logs) plus the
# given variables, logging to $SCALE_WORK/NAME.log; waits up to 60 s for
# /readyz.  Sets SC_LAST_PID.
sc_serve() {
  local name=$1 port=$2 log=$SCALE_WORK/$1.log
  shift 2
  env PORT="$port" RAPPORT_RATE_LIMIT=0 LOG_LEVEL=warn "$@" \
    "$RAPPORT_BIN" serve 2>"$log" &
  SC_LAST_PID=$!
  SC_PIDS+=("$SC_LAST_PID")
  if ! sc_wait_url "http://127.0.0.1:$port/readyz" 60 "$SC_LAST_PID"; then
    tail -30 "$log" >&2
    die "the instance $name did not become ready on port $port"
  fi
  say "instance $name (pid $SC_LAST_PID) ready on http://127.0.0.1:$port"
}

# sc_stop_instance NAME PID: SIGTERM; checks the exit status is 0 and
# that its log has no error line.
sc_stop_instance() {
  local name=$1 pid=$2 st=0 log=$SCALE_WORK/$1.log
  sc_kill "$pid" 30 || st=$?
  sc_forget "$pid"
  sc_check "instance $name exits 0 on SIGTERM (got $st)" test "$st" = 0
  if grep -q '"level":"error"' "$log"; then
    grep '"level":"error"' "$log" | head -10 >&2
    fail "instance $name logged errors ($log)"
  fi
}

# sc_org NAME: makes an organization; sets ORG_ID and ORG_KEY (its admin
# key).
sc_org() {
  local out
  out=$(LOG_LEVEL=warn "$RAPPORT_BIN" org create "$1" 2>&1) \
    || { printf '%s\n' "$out" >&2; die "rapport org create $1 failed"; }
  ORG_ID=$(sed -n 's/^RAPPORT_ORG_ID=//p' <<<"$out")
  ORG_KEY=$(sed -n 's/^RAPPORT_API_KEY=//p' <<<"$out")
  [ -n "$ORG_ID" ] && [ -n "$ORG_KEY" ] || die "rapport org create $1 printed no key"
}

# sc_curl ARGS...: curl with a bound on its time, quiet, no failure on 4xx.
sc_curl() { curl -s --max-time 30 "$@"; }

# sc_json PATH < JSON: prints a member (dotted path, numbers index arrays);
# "len:PATH" prints an array's length.
sc_json() {
  /usr/bin/python3 -c '
import json, sys
p = sys.argv[1]
want_len = p.startswith("len:")
if want_len: p = p[4:]
try:
    v = json.load(sys.stdin)
except Exception:
    sys.exit(1)
for k in [x for x in p.split(".") if x]:
    if isinstance(v, list): v = v[int(k)]
    elif isinstance(v, dict): v = v.get(k)
    else: v = None
if want_len: print(len(v) if v is not None else 0)
elif v is None: print("")
elif isinstance(v, (dict, list)): print(json.dumps(v))
else: print(v)
' "$1"
}

# sc_psql URL SQL: one value (unaligned, no header), errors fatal.
sc_psql() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -qAtw -v ON_ERROR_STOP=1 "$1" -c "$2"
}

# sc_ctest NAME [CTEST ARGS...]: runs the integration tests of $BUILD with
# ctest, as scripts/test's run_ctest does; prints the Synthesis lines and
# the failing tests; false when a test failed or none ran.  Sets
# SC_TESTED and SC_FAILING.
sc_ctest() {
  local name=$1 log=$SCALE_WORK/ctest-$1.log st=0
  shift
  say "running the integration tests ($name)"
  # In the background, so that a signal to this script stops it at once
  # (sc_cleanup ends ctest and the test it runs).
  ctest --test-dir "$BUILD" --verbose --timeout 900 "$@" >"$log" 2>&1 &
  SC_CTEST_PID=$!
  wait "$SC_CTEST_PID" || st=1
  SC_CTEST_PID=
  grep -E '^[0-9]+: \[(FAIL|----)\]' "$log" | cut -d' ' -f2- | head -60 >&2 || true
  grep -E 'Synthesis|^[0-9]+% tests passed' "$log" | sed 's/^[0-9]*: //' >&2 || true
  grep -E '^ *[0-9]+ - integration_.*\((Failed|Timeout|SEGFAULT|Subprocess|Not Run)' "$log" >&2 || true
  SC_TESTED=$(grep -o 'Tested: [0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
  SC_FAILING=$(grep -oE '(Failing|Crashing): [0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
  say "$name: $SC_TESTED Criterion tests, $SC_FAILING failing (log: $log)"
  if [ "$SC_TESTED" -eq 0 ]; then
    tail -20 "$log" >&2
    return 1
  fi
  [ $st = 0 ] && [ "$SC_FAILING" = 0 ]
}

# sc_finish: the verdict of the script.
sc_finish() {
  if [ "$SC_FAILED" = 0 ]; then
    say "$(basename "$0"): all checks passed"
    return 0
  fi
  say "$(basename "$0"): $SC_FAILED check(s) failed"
  return 1
}
