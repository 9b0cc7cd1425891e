#!/usr/bin/env bash
# The container image (docker/Dockerfile) and docker/compose.yaml, under
# Debian's podman, as `scripts/test --full` runs it (scale_phase), as root.
#
#  1. installs podman, runc, netavark, debootstrap and podman-compose;
#  2. uses a containers.conf, storage.conf and registries.conf of its own,
#     never the machine's: runc, cgroupfs, explicit ulimits, no registry,
#     image layers kept in $RAPPORT_CONTAINER_CACHE
#     (/var/tmp/rapport-containers) from one run to the next;
#  3. makes the Debian 12 base image, localhost/debian:12, with debootstrap
#     from the mirror apt uses here (the tarball is kept in the cache);
#  4. builds docker/Dockerfile as localhost/rapport:test;
#  5. smoke-tests it against the test cluster: /readyz, one authenticated
#     write and read, `podman healthcheck run`, a non-root user, a clean
#     stop; prints the image's size;
#  6. brings docker/compose.yaml up as docker/README.md says, onboards an
#     organization the way it says, checks that both instances behind
#     nginx answer authenticated requests and share the rate limits, and
#     brings it down.
#
# Needs, from scripts/test: SCALE_WORK, RAPPORT_BIN, MIGRATE_DATABASE_URL,
# DATABASE_URL (rapport_app on 127.0.0.1:RAPPORT_PG_PORT), PGPASSFILE,
# RAPPORT_PG_PORT.  Exits 0 only when every step passed; leaves no
# container, network or volume behind, even when one failed.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/lib.sh"

for v in SCALE_WORK RAPPORT_BIN MIGRATE_DATABASE_URL DATABASE_URL PGPASSFILE \
         RAPPORT_PG_PORT; do
  [ -n "${!v:-}" ] || die "$v is not set (tests/container/run.sh runs under scripts/test --full)"
done
[ "$(id -u)" = 0 ] || die "tests/container/run.sh needs root (debootstrap, rootful podman)"

WORK=$SCALE_WORK
CACHE=${RAPPORT_CONTAINER_CACHE:-/var/tmp/rapport-containers}
BASE_IMAGE=localhost/debian:12
IMAGE=localhost/rapport:test
PROJECT=rapport-ctest
SMOKE=rapport-ctest-smoke
COMPOSE=(podman-compose -p "$PROJECT" -f "$ROOT/docker/compose.yaml")
SUITE=bookworm

fail() { say "FAILED: $*"; exit 1; }
# podman without the lock's descriptor (below), which conmon would
# otherwise keep open for as long as a container runs.
podman() { command podman "$@" 9>&-; }

# ---------------------------------------------------------------- 1. tools
ensure_packages podman runc netavark aardvark-dns iptables debootstrap \
  podman-compose curl ca-certificates

# ----------------------------------------------------- 2. podman's settings
mkdir -p "$CACHE" "$WORK"
# One run at a time: they share the storage and the base image.
exec 9>"$CACHE/lock"
flock -w 3600 9 || fail "another container test holds $CACHE/lock"

cat >"$WORK/containers.conf" <<EOF
# Written by tests/container/run.sh: this machine's cgroups are hybrid
# (crun refuses them), no systemd runs (cgroupfs, events to a file) and
# podman's default ulimits are refused here.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
log_driver = "k8s-file"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$WORK/events.log"
tmp_dir = "$CACHE/tmp"

[network]
network_backend = "netavark"
network_config_dir = "$CACHE/networks"
EOF
cat >"$WORK/storage.conf" <<EOF
# Written by tests/container/run.sh: layers kept between runs.
[storage]
driver = "overlay"
graphroot = "$CACHE/storage"
runroot = "$CACHE/run"
EOF
cat >"$WORK/registries.conf" <<EOF
# Written by tests/container/run.sh: no registry is reachable; every image
# is built here.
unqualified-search-registries = []
short-name-mode = "permissive"
EOF
export CONTAINERS_CONF=$WORK/containers.conf
export CONTAINERS_STORAGE_CONF=$WORK/storage.conf
export CONTAINERS_REGISTRIES_CONF=$WORK/registries.conf
mkdir -p "$CACHE/tmp" "$CACHE/networks"

# -------------------------------------------------------------- clean-up
SMOKE_STARTED= COMPOSE_STARTED=
compose_down() {
  timeout 180 "${COMPOSE[@]}" down -v -t 10 >>"$WORK/compose-down.log" 2>&1 9>&- || true
  # What podman-compose may leave: the one-off containers of `run`, the
  # network, the volumes.
  local c v
  for c in $(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT"); do
    podman rm -f -t 5 "$c" >/dev/null 2>&1 || true
  done
  podman network rm -f "${PROJECT}_default" >/dev/null 2>&1 || true
  for v in $(podman volume ls -q --filter "label=io.podman.compose.project=$PROJECT"); do
    podman volume rm -f "$v" >/dev/null 2>&1 || true
  done
}
# compose_logs: the state and last lines of every container of the project.
compose_logs() {
  local c
  podman ps -a --filter "label=io.podman.compose.project=$PROJECT" \
    --format '{{.Names}} {{.Status}}' >&2 || true
  for c in $(podman ps -a --filter "label=io.podman.compose.project=$PROJECT" \
               --format '{{.Names}}'); do
    echo "--- podman logs --tail 15 $c" >&2
    podman logs --tail 15 "$c" >&2 || true
  done
}
cleanup() {
  local st=$?
  trap - EXIT
  if [ -n "$SMOKE_STARTED" ]; then
    [ "$st" = 0 ] || { echo "--- podman logs --tail 30 $SMOKE" >&2; podman logs --tail 30 "$SMOKE" >&2 || true; }
    podman rm -f -t 5 "$SMOKE" >/dev/null 2>&1 || true
  fi
  if [ -n "$COMPOSE_STARTED" ]; then
    [ "$st" = 0 ] || compose_logs
    compose_down
  fi
  if [ -n "$(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT")" ] ||
     podman container exists "$SMOKE" 2>/dev/null; then
    say "FAILED: containers were left behind"
    podman ps -a >&2
    st=1
  fi
  exit "$st"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A run that was killed may have left its containers: start clean.
podman rm -f -t 5 "$SMOKE" >/dev/null 2>&1 || true
compose_down

# ------------------------------------------------------ 3. the base image
# apt_mirror SUITE: the URI apt's own sources give for SUITE (one-line and
# deb822 files), without its trailing slash.
apt_mirror() {
  local suite=$1 f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
           /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    case $f in
      *.sources)
        awk -v want="$suite" 'BEGIN { RS = ""; FS = "\n" }
          { types = ""; uris = ""; suites = ""; enabled = "yes"
            for (i = 1; i <= NF; i++) {
              if ($i ~ /^[[:space:]]*#/ || !match($i, /^[A-Za-z-]+:/)) continue
              key = tolower(substr($i, 1, RLENGTH - 1)); val = substr($i, RLENGTH + 1)
              if (key == "types") types = val; else if (key == "uris") uris = val
              else if (key == "suites") suites = val
              else if (key == "enabled") enabled = tolower(val)
            }
            gsub(/[[:space:]]/, "", enabled)
            if (enabled == "no" || (" " types " ") !~ /[[:space:]]deb[[:space:]]/) next
            n = split(suites, s, /[[:space:]]+/)
            for (i = 1; i <= n; i++) if (s[i] == want) { split(uris, u, /[[:space:]]+/)
              for (j = 1; u[j] == ""; j++) ; print u[j]; exit } }' "$f" ;;
      *)
        awk -v want="$suite" '$1 == "deb" { i = 2
            if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            if ($(i + 1) == want) { print $i; exit } }' "$f" ;;
    esac
  done | sed 's:/*$::' | head -1
}

T_DEBOOTSTRAP="debootstrap skipped (cached tarball)"
MIRROR=$(apt_mirror "$SUITE")
SECURITY=$(apt_mirror "$SUITE-security")
[ -n "$MIRROR" ] || fail "no Debian mirror for $SUITE in /etc/apt/sources.list{,.d}"
say "Debian mirror (from apt's sources): $MIRROR${SECURITY:+, security: $SECURITY}"
TARBALL=$CACHE/$SUITE-minbase.tar
# The tarball names the mirror it was made from (its apt sources): another
# mirror makes another tarball.
if [ -f "$TARBALL" ] && [ "$(cat "$TARBALL.mirror" 2>/dev/null)" != "$MIRROR $SECURITY" ]; then
  rm -f "$TARBALL"
  podman rmi -f "$BASE_IMAGE" >/dev/null 2>&1 || true
fi
if [ ! -f "$TARBALL" ]; then
  say "making the Debian 12 base with debootstrap --variant=minbase $SUITE (about a minute)"
  t0=$SECONDS
  rootfs=$CACHE/rootfs.tmp
  rm -rf "$rootfs"
  timeout 900 debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" \
    >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap failed (log: $WORK/debootstrap.log)"; }
  # apt in the image reads the same mirror, with updates and security.
  rm -f "$rootfs/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\n' \
      "$MIRROR/" "$SUITE" "$SUITE"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    if [ -n "$SECURITY" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\n' \
        "$SECURITY/" "$SUITE"
      printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
  } >"$rootfs/etc/apt/sources.list.d/debian.sources"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/var/log/*.log "$rootfs"/tmp/* "$rootfs"/root/.bash_history
  tar --numeric-owner -C "$rootfs" -cf "$TARBALL.tmp" .
  mv "$TARBALL.tmp" "$TARBALL"
  echo "$MIRROR $SECURITY" >"$TARBALL.mirror"
  rm -rf "$rootfs"
  podman rmi -f "$BASE_IMAGE" >/dev/null 2>&1 || true
  T_DEBOOTSTRAP="debootstrap $((SECONDS - t0)) s"
  say "$T_DEBOOTSTRAP"
fi
if ! podman image exists "$BASE_IMAGE"; then
  say "importing $TARBALL as $BASE_IMAGE"
  podman import --change 'CMD ["bash"]' "$TARBALL" "$BASE_IMAGE" >/dev/null \
    || fail "podman import failed"
fi

# ----------------------------------------------------- 4. the Rapport image
say "building docker/Dockerfile as $IMAGE (first time: several minutes)"
t0=$SECONDS
timeout 3600 podman build --format docker --pull=never \
  --build-arg BASE="$BASE_IMAGE" \
  --ignorefile "$ROOT/docker/Dockerfile.dockerignore" \
  -f "$ROOT/docker/Dockerfile" -t "$IMAGE" "$ROOT" >"$WORK/build.log" 2>&1 9>&- \
  || { tail -40 "$WORK/build.log" >&2; fail "podman build failed (log: $WORK/build.log)"; }
T_BUILD=$((SECONDS - t0))
say "image build took $T_BUILD s"

SIZE=$(podman image inspect --format '{{.Size}}' "$IMAGE")
SIZE_H=$(numfmt --to=iec --suffix=B "$SIZE")
BASE_SIZE=$(podman image inspect --format '{{.Size}}' "$BASE_IMAGE")
say "image size: $SIZE bytes ($SIZE_H; the Debian 12 minbase under it: $(numfmt --to=iec --suffix=B "$BASE_SIZE"))"

# What the image says of itself.
cfg=$(podman image inspect --format \
  '{{.Config.User}}|{{json .Config.Entrypoint}}|{{json .Config.Cmd}}|{{json .Config.ExposedPorts}}|{{if .Config.Healthcheck}}{{json .Config.Healthcheck.Test}}{{end}}' \
  "$IMAGE")
IFS='|' read -r USER_SPEC ENTRY CMD PORTS HEALTH <<<"$cfg"
[ "$ENTRY" = '["rapport"]' ] || fail "the entrypoint is $ENTRY, not [\"rapport\"]"
[ "$CMD" = '["serve"]' ] || fail "the default command is $CMD, not [\"serve\"]"
case $PORTS in *'"8080/tcp"'*) ;; *) fail "the image does not expose 8080 ($PORTS)" ;; esac
case $HEALTH in *healthz*) ;; *) fail "the image has no HEALTHCHECK on /healthz ($HEALTH)" ;; esac
APP_UID=${USER_SPEC%%:*}
[[ $APP_UID =~ ^[0-9]+$ ]] && [ "$APP_UID" != 0 ] \
  || fail "the image's USER is '$USER_SPEC', not a numeric non-root user"
dev=$(timeout 120 podman run --rm --network none --entrypoint dpkg-query "$IMAGE" \
      -W -f '${Package} ${Status}\n' gcc cmake make libc6-dev libpq-dev 2>/dev/null |
      awk '/ok installed/ { print $1 }' || true)
[ -z "$dev" ] || fail "the run stage holds build packages: $dev"

# ------------------------------------------------------ 5. the smoke test
# status METHOD URL [curl args]: the status code, the body in $WORK/body,
# the headers in $WORK/headers.
status() {
  local m=$1 u=$2
  shift 2
  curl -s -m 20 -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$m" "$@" "$u" || true
}
# header NAME: a header of the last answer.
header() {
  tr -d '\r' <"$WORK/headers" | sed -n "s/^$1: *//Ip" | tail -1
}
# wait_ready URL SECONDS WHAT [CONTAINER]: waits for URL/readyz to answer
# 200 (and CONTAINER to keep running).
wait_ready() {
  local url=$1 left=$2 what=$3 c=${4:-} code
  while :; do
    code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$url/readyz" || true)
    [ "$code" = 200 ] && return 0
    if [ -n "$c" ] && [ "$(podman container inspect -f '{{.State.Running}}' "$c" 2>/dev/null)" != true ]; then
      podman logs --tail 30 "$c" >&2 || true
      fail "$what stopped before it was ready"
    fi
    left=$((left - 1))
    if [ "$left" -le 0 ]; then
      [ -n "$c" ] && { podman logs --tail 30 "$c" >&2 || true; }
      fail "$what: $url/readyz answered $code, not 200, for too long"
    fi
    sleep 1
  done
}
# account_round_trip URL KEY NAME: creates an account, reads it back;
# prints the read's RateLimit-Limit.
account_round_trip() {
  local url=$1 key=$2 name=$3 code id
  code=$(status POST "$url/v1/accounts" -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\",\"stage\":\"customer\",\"annual_value\":1000,\"currency\":\"EUR\"}")
  [ "$code" = 201 ] || fail "POST $url/v1/accounts answered $code: $(head -c 300 "$WORK/body")"
  id=$(sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p' "$WORK/body")
  [ -n "$id" ] || fail "POST /v1/accounts gave no id: $(head -c 300 "$WORK/body")"
  code=$(status GET "$url/v1/accounts/$id" -H "Authorization: Bearer $key")
  [ "$code" = 200 ] || fail "GET $url/v1/accounts/$id answered $code"
  grep -q "\"name\":\"$name\"" "$WORK/body" || fail "GET /v1/accounts/$id: not the account made"
  header RateLimit-Limit
}

say "smoke test: $IMAGE with --network host against the test cluster"
# The password of rapport_app as a password file the image's user can read
# (the test's PGPASSFILE is root's, mode 600).
grep ":rapport_app:" "$PGPASSFILE" >"$WORK/pgpass" || fail "no rapport_app line in $PGPASSFILE"
chown "$APP_UID" "$WORK/pgpass"
chmod 600 "$WORK/pgpass"
SMOKE_PORT=$(free_port 28100)
SMOKE_URL=http://127.0.0.1:$SMOKE_PORT
SMOKE_STARTED=1
podman run -d --name "$SMOKE" --network host \
  -e DATABASE_URL="$DATABASE_URL" -e PGPASSFILE=/run/rapport/pgpass \
  -v "$WORK/pgpass:/run/rapport/pgpass:ro" \
  -e BIND_ADDRESS=127.0.0.1 -e PORT="$SMOKE_PORT" -e RAPPORT_WEBHOOK_THREADS=0 \
  "$IMAGE" >/dev/null 2>>"$WORK/podman.log" \
  || { cat "$WORK/podman.log" >&2; fail "podman run $IMAGE failed"; }
wait_ready "$SMOKE_URL" 60 "the container" "$SMOKE"
say "the container is ready on $SMOKE_URL"
KEY=$("$RAPPORT_BIN" org create "container smoke" | sed -n 's/^RAPPORT_API_KEY=//p')
[ -n "$KEY" ] || fail "$RAPPORT_BIN org create printed no key"
LIMIT_ONE=$(account_round_trip "$SMOKE_URL" "$KEY" "Container smoke")
say "POST /v1/accounts 201, GET /v1/accounts/{id} 200 through the container"
code=$(status GET "$SMOKE_URL/v1/openapi.json")
[ "$code" = 200 ] || fail "GET /v1/openapi.json answered $code (RAPPORT_OPENAPI?)"
podman logs "$SMOKE" 2>&1 | grep -q 'no migrations in' \
  && fail "the container found no migrations (RAPPORT_MIGRATIONS_DIR?)"
podman healthcheck run "$SMOKE" >"$WORK/healthcheck.log" 2>&1 \
  || { cat "$WORK/healthcheck.log" >&2; fail "podman healthcheck run failed"; }
say "podman healthcheck run: $(tr '\n' ' ' <"$WORK/healthcheck.log")(exit 0)"
uids=$(podman exec "$SMOKE" sed -n 's/^Uid:[[:space:]]*//p' /proc/1/status) \
  || fail "cannot read the user of the container's process"
for u in $uids; do
  [ "$u" != 0 ] || fail "the container's process runs as root (Uid: $uids)"
done
say "the service runs as uid $(echo "$uids" | awk '{print $1}'), not root"
# (Podman complains that no systemd runs its health check timers: nothing
# runs them here, hence `podman healthcheck run`.)
podman stop -t 20 "$SMOKE" >/dev/null 2>>"$WORK/podman.log" || fail "podman stop failed"
rc=$(podman container inspect -f '{{.State.ExitCode}}' "$SMOKE")
[ "$rc" = 0 ] || { podman logs --tail 20 "$SMOKE" >&2; fail "the container exited $rc on SIGTERM, not 0"; }
podman rm "$SMOKE" >/dev/null 2>>"$WORK/podman.log"
SMOKE_STARTED=
say "smoke test passed (SIGTERM: exit 0)"

# ------------------------------------------------ 6. docker/compose.yaml
export RAPPORT_BASE_IMAGE=$BASE_IMAGE
# podman-compose builds in podman's default OCI format, which drops the
# HEALTHCHECK; docker/README.md says the same.
export BUILDAH_FORMAT=docker
RAPPORT_PORT=$(free_port 28180)
export RAPPORT_PORT
URL=http://127.0.0.1:$RAPPORT_PORT
say "podman-compose -f docker/compose.yaml up -d --build (project $PROJECT, nginx on :$RAPPORT_PORT; first time builds PostgreSQL's and nginx's images)"
t0=$SECONDS
COMPOSE_STARTED=1
timeout 2400 "${COMPOSE[@]}" up -d --build </dev/null >"$WORK/compose-up.log" 2>&1 9>&- \
  || { tail -40 "$WORK/compose-up.log" >&2; fail "podman-compose up failed (log: $WORK/compose-up.log)"; }
T_UP_CMD=$((SECONDS - t0))
wait_ready "$URL" 180 "nginx in front of the compose deployment"
T_UP=$((SECONDS - t0))
say "compose up took $T_UP s (podman-compose itself $T_UP_CMD s); nginx answers /readyz 200"

hc=$(podman image inspect --format '{{if .Config.Healthcheck}}yes{{end}}' localhost/rapport:latest)
[ "$hc" = yes ] || fail "the image podman-compose built has no HEALTHCHECK (BUILDAH_FORMAT=docker?)"
st=$(podman container inspect -f '{{.State.Status}} {{.State.ExitCode}}' "${PROJECT}_migrate_1" 2>/dev/null || true)
[ "$st" = "exited 0" ] || { fail "the migrate container is '$st', not 'exited 0'"; }
# stuck C: what instance C and the database are doing (for a failure).
stuck() {
  local pid t
  pid=$(podman container inspect -f '{{.State.Pid}}' "$1" 2>/dev/null) || return 0
  echo "--- the threads of $1 (host pid $pid): wchan, syscall" >&2
  for t in /proc/"$pid"/task/*; do
    echo "$(cat "$t/comm") $(cat "$t/wchan") $(cut -d' ' -f1 "$t/syscall")" >&2
  done
  echo "--- pg_stat_activity" >&2
  podman exec -u postgres "${PROJECT}_postgres_1" psql -X -At -d rapport -c \
    "SELECT pid, usename, state, wait_event_type, wait_event, now() - query_start,
            left(regexp_replace(query, '\s+', ' ', 'g'), 100)
       FROM pg_stat_activity WHERE datname = 'rapport'" >&2 || true
}
# Each instance, not only the one nginx asked last.
for i in 1 2; do
  c=${PROJECT}_rapport${i}_1
  deadline=$((SECONDS + 90))
  until podman exec "$c" curl -fsS -m 10 -o /dev/null http://127.0.0.1:8080/readyz 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      stuck "$c"
      fail "$c does not answer /readyz 200 (while nginx did)"
    fi
    sleep 1
  done
done
# Only nginx publishes a port.
for c in $(podman ps --filter "label=io.podman.compose.project=$PROJECT" --format '{{.Names}}'); do
  ports=$(podman port "$c" 2>/dev/null || true)
  case $c in
    "${PROJECT}_nginx_1") [ -n "$ports" ] || fail "nginx publishes no port" ;;
    *) [ -z "$ports" ] || fail "$c publishes $ports" ;;
  esac
done

# An organization, as docker/README.md says.
timeout 600 "${COMPOSE[@]}" run --rm -T migrate org create "Acme" </dev/null \
  >"$WORK/compose-org.log" 2>&1 9>&- || true
KEY=$(sed -n 's/^RAPPORT_API_KEY=\(rk_[A-Za-z0-9_-]*\).*/\1/p' "$WORK/compose-org.log" | tail -1)
[ -n "$KEY" ] || { tail -20 "$WORK/compose-org.log" >&2; fail "compose run --rm -T migrate org create printed no key"; }
say "compose run --rm -T migrate org create \"Acme\" printed a key"

LIMIT_TWO=$(account_round_trip "$URL" "$KEY" "Compose smoke")
ID=$(sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p' "$WORK/body")
say "POST /v1/accounts 201, GET /v1/accounts/{id} 200 through nginx"
# answered N: how many /v1/accounts requests instance N answered, by its
# own counters.
answered() {
  local m
  m=$(podman exec "${PROJECT}_rapport${1}_1" curl -fsS -m 5 http://127.0.0.1:8080/metrics) || m=
  awk '/^rapport_http_requests_total\{route="\/v1\/accounts/ { n += $NF } END { print n + 0 }' <<<"$m"
}
# Both instances answer authenticated requests: round robin sends the next
# GETs to each (up to 30, in case nginx set one aside while it started).
n=0
while :; do
  code=$(status GET "$URL/v1/accounts/$ID" -H "Authorization: Bearer $KEY")
  [ "$code" = 200 ] || fail "GET /v1/accounts/$ID through nginx answered $code"
  n=$((n + 1))
  if [ "$n" -ge 2 ]; then
    a1=$(answered 1) a2=$(answered 2)
    [ "$a1" -ge 1 ] && [ "$a2" -ge 1 ] && break
  fi
  [ "$n" -lt 30 ] || fail "after $n GETs one instance answered none (rapport1: $a1, rapport2: $a2): no round robin"
  sleep 1
done
say "both instances answered through nginx: rapport1 $a1, rapport2 $a2 /v1/accounts requests"
# RAPPORT_INSTANCES=2: each instance keeps half of the key's bucket.
[ -n "$LIMIT_ONE" ] && [ -n "$LIMIT_TWO" ] || fail "no RateLimit-Limit header"
[ $((LIMIT_TWO * 2)) -ge $((LIMIT_ONE - 1)) ] && [ $((LIMIT_TWO * 2)) -le $((LIMIT_ONE + 1)) ] \
  || fail "RateLimit-Limit $LIMIT_TWO behind nginx is not half of $LIMIT_ONE (RAPPORT_INSTANCES=2?)"
say "RateLimit-Limit $LIMIT_TWO per instance (one instance alone: $LIMIT_ONE)"

say "podman-compose down"
t0=$SECONDS
compose_down
COMPOSE_STARTED=
left=$(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT")
[ -z "$left" ] || fail "podman-compose down left containers: $left"
podman network exists "${PROJECT}_default" 2>/dev/null && fail "the network ${PROJECT}_default is left"
say "down took $((SECONDS - t0)) s"
# Layers of older checkouts' builds go after a week; newer ones stay to
# speed up the next run.
podman image prune -f --filter until=168h >/dev/null 2>&1 || true

say "container test passed: $T_DEBOOTSTRAP, image build $T_BUILD s, compose up $T_UP s; image $SIZE bytes ($SIZE_H)"
