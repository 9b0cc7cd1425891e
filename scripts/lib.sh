#!/usr/bin/env bash
# Shared set-up for scripts/run and scripts/test: install what is missing,
# build, run a private PostgreSQL cluster, migrate.  Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=/usr/lib/postgresql/15/bin

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly, or through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages PKG...: installs, with apt-get, those not installed.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' \
      || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >&2
}

BUILD_PACKAGES=(gcc make cmake pkg-config libc6-dev libmicrohttpd-dev
  libjansson-dev libpq-dev libssl-dev libstemmer-dev libyaml-dev postgresql-15
  postgresql-client-15 curl ca-certificates)
TEST_PACKAGES=(libcriterion-dev libcurl4-openssl-dev python3-jsonschema clang-format
  python3-yaml)

# build DIR [cmake flags...]: configures and builds into DIR.
build() {
  local dir=$1; shift
  say "building in ${dir#$ROOT/}"
  cmake -S "$ROOT" -B "$dir" "$@" >"$dir.cmake.log" 2>&1 \
    || { cat "$dir.cmake.log" >&2; die "cmake configure failed"; }
  cmake --build "$dir" -j"$(nproc)" >&2 || die "build failed"
}

# The user the cluster runs as: postgres when we are root (PostgreSQL
# refuses root), otherwise ourselves.
pg_user() { if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi; }

# as_pg CMD...: runs a PostgreSQL tool as the cluster's user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_dir_for WANTED: prints WANTED if the cluster user can use it, else a
# folder under /var/lib/rapport named after the checkout.
pg_dir_for() {
  local want=$1
  mkdir -p "$want"
  if [ "$(id -u)" = 0 ]; then
    chown "$(pg_user)" "$want"
    if ! runuser -u postgres -- test -w "$want" 2>/dev/null; then
      want=/var/lib/rapport/$(printf '%s' "$ROOT" | md5sum | cut -c1-12)
      mkdir -p "$want"
      chown postgres "$want"
    fi
  fi
  echo "$want"
}

# pg_start DATADIR PORT: initializes (once) and starts a cluster that
# listens on 127.0.0.1:PORT and a socket in DATADIR.
pg_start() {
  local data=$1 port=$2
  if [ ! -f "$data/PG_VERSION" ]; then
    say "initializing PostgreSQL in $data"
    as_pg "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 \
      --locale=C >"$data.initdb.log" 2>&1 || { cat "$data.initdb.log" >&2; die "initdb failed"; }
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200" \
    start >/dev/null || { tail -20 "$data/server.log" >&2; die "PostgreSQL did not start"; }
}

# pg_stop DATADIR
pg_stop() {
  as_pg "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_prepare PORT: makes the database and lets the service role log in.
# Prints the admin URL; sets APP_DATABASE_URL.
pg_prepare() {
  local port=$1 admin="postgresql://postgres@127.0.0.1:$1/rapport"
  if ! psql -qAt "postgresql://postgres@127.0.0.1:$port/postgres" \
       -c "SELECT 1 FROM pg_database WHERE datname = 'rapport'" | grep -q 1; then
    psql -q "postgresql://postgres@127.0.0.1:$port/postgres" \
      -c "CREATE DATABASE rapport" >&2
  fi
  echo "$admin"
}

# migrate RAPPORT_BIN ADMIN_URL: applies migrations; then lets the
# service's own role (made by the first migration) log in.
migrate() {
  local bin=$1 admin=$2
  MIGRATE_DATABASE_URL=$admin DATABASE_URL=$admin "$bin" migrate >&2 \
    || die "migrations failed"
  psql -qAt "$admin" -c "ALTER ROLE rapport_app LOGIN" >/dev/null 2>&1 || true
}

# free_port START: the first TCP port from START up that nobody listens on.
free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
