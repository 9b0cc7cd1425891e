#!/usr/bin/env bash
# scripts/test --full: the reference page at URL/docs in a real browser,
# Debian's chromium, headless and with no network but the service: the
# page loads and its DOM has a section for every tag of the served
# OpenAPI document.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
[ $# -eq 1 ] || { echo "usage: $0 URL" >&2; exit 2; }
url=$1
ensure_packages chromium
dom=$(mktemp)
trap 'rm -f "$dom"' EXIT
# --no-sandbox: root in a container has no user namespace for it; the page
# has no script, so there is nothing to sandbox
timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-extensions \
  --proxy-server='127.0.0.1:9' --proxy-bypass-list='127.0.0.1' \
  --dump-dom "$url/docs" >"$dom" 2>/dev/null || true
[ -s "$dom" ] || { echo "FAIL  chromium rendered nothing at $url/docs"; exit 1; }
fail=0
n=0
for tag in $(curl -s "$url/v1/openapi.json" |
             /usr/bin/python3 -c 'import json,sys; print("\n".join(t["name"] for t in json.load(sys.stdin)["tags"]))'); do
  n=$((n + 1))
  grep -q "<h2 class=\"tag\" id=\"tag-$tag\">" "$dom" ||
    { echo "FAIL  the page in chromium has no section for tag $tag"; fail=1; }
done
[ $fail = 0 ] && echo "ok    chromium renders /docs with all $n tags"
exit $fail
