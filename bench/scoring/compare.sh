#!/usr/bin/env bash
# Compare scoring-engine builds on a machine whose speed swings: run each
# build's bench_scoring in turn, ROUNDS times, and print per build the
# median and the minimum of its per-round medians.
#
#   bench/scoring/compare.sh FORM ROUNDS BUILD_DIR...
#   bench/scoring/compare.sh notes 11 /tmp/before build-release
#
# FORM is notes, email or transcript; each round runs 21 assessments of
# 200 calls with the repository's model.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 FORM ROUNDS BUILD_DIR..." >&2; exit 2; }
form=$1 rounds=$2
shift 2
model=$(cd "$(dirname "$0")/../.." && pwd)/model/rapport-model-v1.json
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((r = 0; r < rounds; r++)); do
  i=0
  for b in "$@"; do
    "$b/bench/scoring/bench_scoring" 21 "$model" 200 "$form" \
      | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' >>"$out/$i"
    i=$((i + 1))
  done
done
i=0
for b in "$@"; do
  sort -n "$out/$i" | awk -v b="$b" -v f="$form" \
    '{ v[NR] = $1 } END { printf "%-40s %-10s median of medians %6.2f ms  min %6.2f ms  (%d rounds)\n", b, f, v[int((NR + 1) / 2)], v[1], NR }'
  i=$((i + 1))
done
