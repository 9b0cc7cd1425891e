#!/usr/bin/env bash
# Redocly and Spectral over openapi/openapi.yaml, then a client generated
# from it as an integrator makes one:
# openapi-typescript with its default options and openapi-fetch (pinned in
# package-lock.json, from the npm registry). src/journey.ts, an
# integrator's day written against it with no cast, no `any` and no
# @ts-expect-error, must compile under tsc --strict and then run against
# the service at URL in an organization of its own.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
[ $# -eq 1 ] || { echo "usage: $0 URL" >&2; exit 2; }
url=$1
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
npm ci --no-audit --no-fund --loglevel=error >/dev/null
doc=$ROOT/openapi/openapi.yaml
# the linters an integrator's tooling runs: no error, no warning (the
# exceptions are written, with their reasons, in ../redocly.yaml and
# ../spectral.yaml)
out=$(npx redocly lint "$doc" --config ../redocly.yaml --format=summary 2>&1) || {
  echo "$out"; echo "FAIL  Redocly found errors"; exit 1; }
if grep -q "You have [0-9]* warning" <<<"$out"; then
  echo "$out" | grep -E "^(warning|error)"; echo "FAIL  Redocly found warnings"; exit 1
fi
echo "ok    Redocly (recommended): 0 errors, 0 warnings"
npx spectral lint "$doc" -r ../spectral.yaml --fail-severity=warn >/tmp/spectral.$$ 2>&1 || {
  cat /tmp/spectral.$$; rm -f /tmp/spectral.$$; echo "FAIL  Spectral found problems"; exit 1; }
rm -f /tmp/spectral.$$
echo "ok    Spectral (spectral:oas): 0 errors, 0 warnings"
/usr/bin/python3 ../examples.py "$doc" || { echo "FAIL  the contract's examples"; exit 1; }
npx openapi-typescript "$doc" -o src/schema.d.ts >/dev/null
if grep -nE '\bas [A-Za-z{(\[]|\bany\b|@ts-(expect-error|ignore|nocheck)|eslint-disable' \
    src/journey.ts | grep -vE '^[0-9]+: *//'; then
  echo "FAIL  src/journey.ts escapes the generated types (above)"
  exit 1
fi
rm -rf build
if ! npx tsc -p . ; then
  echo "FAIL  tsc --strict refused the client code"
  exit 1
fi
echo "ok    tsc --strict: the generated client compiles with no cast"
key=$(org_key "TypeScript client")
RAPPORT_URL=$url RAPPORT_API_KEY=$key node build/journey.js
