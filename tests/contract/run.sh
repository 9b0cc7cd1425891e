#!/usr/bin/env bash
# Contract check: real responses of the service at URL against
# openapi/openapi.yaml (see validate.py). Needs RAPPORT_BIN and
# MIGRATE_DATABASE_URL (scripts/test sets both) to make a fresh
# organization. Uses Debian's python3 with python3-yaml and
# python3-jsonschema on purpose, not whatever python3 is first on PATH.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 URL" >&2; exit 2; }
exec /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/validate.py" "$1"
