#!/bin/sh
# The entrypoint of docker/postgres.Dockerfile.  On the first start (an
# empty $PGDATA): random passwords for postgres and rapport_app, a cluster
# that admits only passwords over TCP (scram-sha-256), the database
# rapport and the role rapport_app with LOGIN, made before the first
# migration so the migration keeps it (migrations/0001_init.sql).  On
# every start: each password as a libpq password file, owned by the
# Rapport image's user (RAPPORT_UID, 10001) and mode 600, in its own
# volume: /run/rapport/admin/pgpass (postgres; for `rapport migrate` and
# `rapport org create`) and /run/rapport/app/pgpass (rapport_app; for the
# serving instances).  So no password is written in the compose file, and
# the instances never see the superuser's.  Then PostgreSQL runs as
# postgres.
set -eu

data=${PGDATA:-/var/lib/postgresql/data}
secrets=$data/rapport-secrets
uid=${RAPPORT_UID:-10001}

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
password() { head -c 24 /dev/urandom | base64 | tr '+/' '-_'; }

mkdir -p "$data" /run/postgresql
chown postgres:postgres "$data" /run/postgresql
chmod 700 "$data"

# The marker comes last.  A cluster without it (a first start cut short,
# or someone else's) is left alone.
if [ ! -f "$secrets/done" ]; then
  if [ -n "$(ls -A "$data")" ]; then
    echo "rapport-postgres: $data is not empty but was not set up by this" \
      "image (a first start cut short?); remove the volume to start over" >&2
    exit 1
  fi
  echo "rapport-postgres: first start: making the cluster in $data" >&2
  # initdb wants an empty folder: the passwords join the cluster after.
  new=$(mktemp -d)
  chown postgres:postgres "$new"
  chmod 700 "$new"
  for role in postgres rapport_app; do
    password | as_postgres sh -c "umask 077; cat >'$new/$role.password'"
  done
  as_postgres initdb -D "$data" -U postgres -E UTF8 --locale=C \
    --auth-local=peer --auth-host=scram-sha-256 \
    --pwfile="$new/postgres.password" >/dev/null
  mv "$new" "$secrets"
  # Other containers reach it over the compose network: passwords only.
  printf '%s\n' 'host all all 0.0.0.0/0 scram-sha-256' \
    'host all all ::/0 scram-sha-256' >>"$data/pg_hba.conf"
  # Set up on the socket alone, so the health check (TCP) fails until done.
  as_postgres pg_ctl -D "$data" -w -t 60 -l "$data/first-start.log" \
    -o "-c listen_addresses=''" start >/dev/null
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -U postgres -d postgres \
    -v app_password="$(cat "$secrets/rapport_app.password")" <<'EOF'
CREATE DATABASE rapport;
CREATE ROLE rapport_app LOGIN PASSWORD :'app_password';
EOF
  as_postgres pg_ctl -D "$data" -m fast -w stop >/dev/null
  as_postgres touch "$secrets/done"
fi

# libpq reads a password file only when it is not readable by others.
for pair in admin:postgres app:rapport_app; do
  dir=/run/rapport/${pair%%:*} role=${pair#*:}
  mkdir -p "$dir"
  (
    umask 077
    printf '*:*:*:%s:%s\n' "$role" "$(cat "$secrets/$role.password")" >"$dir/pgpass.new"
  )
  chown "$uid:$uid" "$dir/pgpass.new"
  mv "$dir/pgpass.new" "$dir/pgpass"
done

exec setpriv --reuid=postgres --regid=postgres --init-groups -- \
  postgres -D "$data" -c listen_addresses='*' "$@"
