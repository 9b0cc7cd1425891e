#!/usr/bin/env bash
# The README cannot rot: every sh block of its walk-through (from "A walk
# through accounts" on) runs, in order, against the service at URL, in a
# fresh organization seeded with the demo book as scripts/run seeds it.
# Every curl must reach the service and answer what the README promises:
# no 401, 404, 405, 409, 412 or 5xx (a 422 is shown on purpose, and
# nothing else); a block that fails to run fails the check.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
[ $# -eq 1 ] || { echo "usage: $0 URL" >&2; exit 2; }
export RAPPORT_URL=$1
RAPPORT_API_KEY=$(org_key "README walk-through")
export RAPPORT_API_KEY
demo_seed "$RAPPORT_URL" "$RAPPORT_API_KEY" "$ROOT/scripts/demo" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the sh blocks after the walk-through's heading, one file each
awk -v dir="$work" '
  /^## A walk through accounts/ { on = 1 }
  on && /^```sh$/ { n++; f = sprintf("%s/block-%02d.sh", dir, n); inb = 1; next }
  inb && /^```$/ { inb = 0; next }
  inb && !/^export RAPPORT_URL=/ { print > f }
' "$ROOT/README.md"
fail=0
n=0
log=$work/status.log
: >"$log"
# one shell for every block, in order, as a reader pastes them
if ! STATUS_LOG=$log bash -euo pipefail -c '
    curl() { command curl -w "%{stderr}README_STATUS %{http_code}\n" "$@" 2>>"$STATUS_LOG"; }
    for b in "$@"; do echo "README_BLOCK $b" >>"$STATUS_LOG"; . "$b"; done' \
    _ "$work"/block-*.sh >"$work/out" 2>&1; then
  echo "FAIL  a block did not run:"; sed 's/^/      /' "$work/out" | tail -5
  fail=1
fi
block=
while read -r tag code; do
  if [ "$tag" = README_BLOCK ]; then block=$(basename "$code"); continue; fi
  n=$((n + 1))
  case $code in
    2?? | 304 | 422) ;;
    *) echo "FAIL  $block: a curl answered $code"; fail=1 ;;
  esac
done < <(grep '^README_' "$log")
[ "$n" -ge 15 ] || { echo "FAIL  only $n curl calls ran"; fail=1; }
[ $fail = 0 ] && echo "ok    the README's $n curl calls answered as it says"
exit $fail
