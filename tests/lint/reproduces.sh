#!/usr/bin/env bash
# Fails unless GENERATOR, run now, writes a file byte for byte identical to
# the committed COMMITTED: a generated file nobody can regenerate (or one
# edited by hand) is caught here, not on the next person's rerun.
# Registered as ctest model_reproduces and dev_set_reproduces (tests/CMakeLists.txt).
# usage: reproduces.sh PYTHON GENERATOR COMMITTED
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PYTHON GENERATOR COMMITTED" >&2; exit 2; }
python=$1 gen=$2 committed=$3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/reproduces.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=$tmp/$(basename "$committed")
# no __pycache__ next to the generator's modules in the source tree
PYTHONDONTWRITEBYTECODE=1 "$python" "$gen" "$out" >/dev/null
if cmp -s "$out" "$committed"; then
  echo "$committed: reproduced byte for byte by $gen"
  exit 0
fi
echo "$committed differs from what $gen writes now:" >&2
diff -u "$committed" "$out" | head -40 >&2 || true
echo "edit the generator's sources, rerun it (python3 $gen) and commit both" >&2
exit 1
