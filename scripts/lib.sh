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
  libjansson-dev libpq-dev libssl-dev libstemmer-dev libyaml-dev
  libcurl4-openssl-dev postgresql-15
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

# The private clusters (scripts/run's, scripts/test's) admit only their own
# roles, with passwords: scram-sha-256 over TCP; on the socket in the data
# folder, the cluster's OS user as the superuser (peer, mapped in
# pg_ident.conf) and any other role with its password.  No trust line: a
# local user who is not the cluster's cannot become superuser and so
# cannot step around row-level security.
pg_hba_conf() {
  cat <<'EOF'
# Written by scripts/lib.sh at every start of the cluster: no trust.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 peer map=rapport
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
host    all       all       ::1/128        scram-sha-256
EOF
}
pg_ident_conf() {
  printf '%s\n' "# Written by scripts/lib.sh: the cluster's OS user may be postgres." \
    "rapport  $(pg_user)  postgres"
}

# pg_put FILE: writes standard input to FILE, in a data folder, as the
# cluster's user; only when it differs, and then returns 0.
pg_put() {
  local new
  new=$(cat)
  [ "$new" = "$(cat "$1" 2>/dev/null)" ] && return 1
  printf '%s\n' "$new" | as_pg tee "$1" >/dev/null
}

# The roles that log in, and their secrets: STATE/ROLE.password (random,
# made once) and STATE/pgpass, the PGPASSFILE of the scripts, the tests
# and the service, all of mode 600.  So URLs carry no password.
PG_ROLES=(postgres rapport_app)

# pg_secrets STATE PORT: makes the passwords not made yet; writes pgpass
# for PORT (scripts/run may move the cluster to another port).
pg_secrets() {
  local state=$1 port=$2 role
  (
    umask 077
    for role in "${PG_ROLES[@]}"; do
      [ -s "$state/$role.password" ] \
        || head -c 24 /dev/urandom | base64 | tr '+/' '-_' >"$state/$role.password"
    done
    for role in "${PG_ROLES[@]}"; do
      echo "127.0.0.1:$port:*:$role:$(cat "$state/$role.password")"
    done >"$state/pgpass"
    chmod 600 "$state/pgpass" "$state"/*.password
  )
}

# pg_start DATADIR PORT [STATE]: initializes (once) and starts a cluster
# that listens on 127.0.0.1:PORT and a socket in DATADIR, admits only the
# roles above, and gives postgres its password (through the socket).
# The secrets go to STATE (default: the folder holding DATADIR).  Sets
# PG_STATE and exports PGPASSFILE.  A cluster an older checkout made with
# trust gets the new pg_hba.conf and its passwords here, data kept.
pg_start() {
  local data=$1 port=$2 state=${3:-$(dirname "$1")} changed=
  PG_STATE=$state
  pg_secrets "$state" "$port"
  export PGPASSFILE=$state/pgpass
  if [ ! -f "$data/PG_VERSION" ]; then
    say "initializing PostgreSQL in $data"
    as_pg "$PG_BIN/initdb" -D "$data" -U postgres --auth-local=peer \
      --auth-host=scram-sha-256 -E UTF8 --locale=C >"$data.initdb.log" 2>&1 \
      || { cat "$data.initdb.log" >&2; die "initdb failed"; }
  elif as_pg grep -qE '^[^#]*[[:space:]]trust([[:space:]]|$)' "$data/pg_hba.conf"; then
    say "PostgreSQL in $data trusted every local user: switching it to passwords"
  fi
  pg_hba_conf | pg_put "$data/pg_hba.conf" && changed=1
  pg_ident_conf | pg_put "$data/pg_ident.conf" && changed=1
  if as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    if [ -n "$changed" ]; then
      as_pg "$PG_BIN/pg_ctl" -D "$data" reload >/dev/null || die "cannot reload PostgreSQL"
    fi
  else
    say "starting PostgreSQL on 127.0.0.1:$port"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200" \
      start >/dev/null || { tail -20 "$data/server.log" >&2; die "PostgreSQL did not start"; }
  fi
  # Through the socket, so this works before postgres has a password (a
  # new cluster) and while a reload is still on its way (an old one).
  as_pg "$PG_BIN/psql" -X -q -w -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres \
    -d postgres >/dev/null <<EOF || die "cannot set the password of postgres"
ALTER ROLE postgres PASSWORD '$(pg_password postgres)';
EOF
}

# pg_password ROLE: the password of ROLE in the cluster pg_start started.
pg_password() { cat "$PG_STATE/$1.password"; }

# pg_stop DATADIR
pg_stop() {
  as_pg "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_prepare PORT: makes the database; prints the admin URL (its password
# comes from PGPASSFILE).
pg_prepare() {
  local port=$1 admin="postgresql://postgres@127.0.0.1:$1/rapport"
  if ! psql -qAtw "postgresql://postgres@127.0.0.1:$port/postgres" \
       -c "SELECT 1 FROM pg_database WHERE datname = 'rapport'" | grep -q 1; then
    psql -qw "postgresql://postgres@127.0.0.1:$port/postgres" \
      -c "CREATE DATABASE rapport" >&2
  fi
  echo "$admin"
}

# migrate RAPPORT_BIN ADMIN_URL: applies migrations; then lets the
# service's own role (made by the first migration) log in, on a private
# cluster with its password from pg_secrets.
migrate() {
  local bin=$1 admin=$2
  MIGRATE_DATABASE_URL=$admin DATABASE_URL=$admin "$bin" migrate >&2 \
    || die "migrations failed"
  if [ -n "${PG_STATE:-}" ]; then
    psql -X -q -w -v ON_ERROR_STOP=1 "$admin" >/dev/null <<EOF \
      || die "cannot let rapport_app log in"
ALTER ROLE rapport_app LOGIN PASSWORD '$(pg_password rapport_app)';
EOF
  else
    psql -qAt "$admin" -c "ALTER ROLE rapport_app LOGIN" >/dev/null 2>&1 || true
  fi
}

# free_port START: the first TCP port from START up that no socket uses,
# listening or not (a client's ephemeral port makes a bind fail too).
# Callers start below the ephemeral range (32768 up) where they can.
free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null \
        || { command -v ss >/dev/null \
             && ss -Htan "( sport = :$p )" 2>/dev/null | grep -q .; }; do
    p=$((p + 1))
  done
  echo "$p"
}

# org_key NAME: creates an organization with RAPPORT_BIN; prints its admin
# key.
org_key() {
  "$RAPPORT_BIN" org create "$1" | sed -n 's/^RAPPORT_API_KEY=//p'
}

# id_by_xid URL KEY RESOURCE XID: the id of the record of RESOURCE
# (accounts, sellers, contacts, ...) whose external id is XID, or nothing.
id_by_xid() {
  curl -s -H "Authorization: Bearer $2" "$1/v1/$3/by-external-id/$4" |
    sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p'
}

# demo_seed URL KEY DIR: seeds an organization with no accounts with the
# demo book of DIR (scripts/demo: batches 1-*.json .. 4-*.json, then the
# values), dates relative to today, records linked by their external ids;
# prints the id of the demo account with the most to say (Globex: a risky
# customer), also when the book was there already.  Nothing is sent to an
# organization that has accounts of its own.
demo_seed() {
  local url=$1 key=$2 dir=$3 f body code n tok kind xid id path
  local auth="Authorization: Bearer $key" ct='Content-Type: application/json'

  if [ -z "$(id_by_xid "$url" "$key" accounts demo-globex)" ] &&
     curl -s -H "$auth" "$url/v1/accounts?limit=1" | grep -q '"data":\[\]'; then
    say "seeding the demo organization with a small book (scripts/demo)"
    for f in "$dir"/[0-9]-*.json; do
      body=$(cat "$f")
      # dates relative to today: @DAY-n@ a timestamp, @DATE±n@ a date
      for tok in $(grep -o '@DAY-[0-9]*@\|@DATE[-+][0-9]*@' <<<"$body" | sort -u); do
        n=${tok//[!0-9+-]/}
        case $tok in
          @DAY-*) body=${body//$tok/$(date -u -d "${n} days" +%Y-%m-%dT10:00:00Z)} ;;
          @DATE*) body=${body//$tok/$(date -u -d "${n} days" +%F)} ;;
        esac
      done
      # records named by their external ids
      for tok in $(grep -o '@\(SELLER\|ACCOUNT\|CONTACT\):[a-z0-9-]*@' <<<"$body" | sort -u); do
        kind=${tok#@}; kind=${kind%%:*}; xid=${tok#*:}; xid=${xid%@}
        case $kind in
          SELLER) path=sellers ;; ACCOUNT) path=accounts ;; CONTACT) path=contacts ;;
        esac
        id=$(id_by_xid "$url" "$key" "$path" "$xid")
        [ -n "$id" ] || die "demo: no $path with external id $xid"
        body=${body//$tok/$id}
      done
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H "$ct" \
        -X POST --data-binary "$body" "$url/v1/batch")
      [ "$code" = 200 ] || die "demo: $(basename "$f") answered $code"
    done
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H "$ct" -X PUT \
      --data-binary @"$dir/values-organization.json" "$url/v1/organization/values")
    [ "$code" = 200 ] || die "demo: organization values answered $code"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H "$ct" -X PUT \
      --data-binary @"$dir/values-initech.json" \
      "$url/v1/accounts/$(id_by_xid "$url" "$key" accounts demo-initech)/values")
    [ "$code" = 200 ] || die "demo: Initech's values answered $code"
  fi
  id_by_xid "$url" "$key" accounts demo-globex
}
