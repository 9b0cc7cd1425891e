#!/usr/bin/env bash
# The demo book scripts/run seeds: into a fresh organization of the service
# at URL, twice (the second run must add nothing), then what a newcomer's
# first curl lines answer must have something to say: Globex is a risky
# customer with drivers, riskier than Northwind; Priya reads as Security;
# Initech's values are read; Sam's approach is known.  Needs RAPPORT_BIN
# and the database scripts/test set up.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
[ $# -eq 1 ] || { echo "usage: $0 URL" >&2; exit 2; }
url=$1
key=$(org_key "Demo check")
[ -n "$key" ] || die "no key for the demo check's organization"
auth="Authorization: Bearer $key"
fail=0
check() { # WHAT CONDITION-EXIT-STATUS
  if [ "$2" = 0 ]; then echo "ok    $1"; else echo "FAIL  $1"; fail=1; fi
}
get() { curl -s -H "$auth" "$url$1"; }
# py EXPR JSON: evaluates EXPR over the JSON document j
py() { /usr/bin/python3 -c "import json,sys; j=json.load(sys.stdin); sys.exit(0 if ($1) else 1)"; }

first=$(demo_seed "$url" "$key" "$ROOT/scripts/demo")
check "the seed names an account to assess" $([ -n "$first" ]; echo $?)
again=$(demo_seed "$url" "$key" "$ROOT/scripts/demo")
check "a second run names the same one" $([ "$first" = "$again" ]; echo $?)
get "/v1/accounts?limit=100" | py 'len(j["data"]) == 3'
check "a second run adds nothing (3 accounts)" $?
get "/v1/calls?limit=100" | py 'len(j["data"]) == 6'
check "and no call twice (6 calls)" $?

globex=$(get "/v1/accounts/$first/assessment")
northwind=$(get "/v1/accounts/$(id_by_xid "$url" "$key" accounts demo-northwind)/assessment")
printf '%s' "$globex" | py 'j["buyer_risk"]["level"] in ("high", "critical") and len(j["buyer_risk"]["drivers"]) >= 3'
check "Globex: high or critical risk with its drivers" $?
r_g=$(printf '%s' "$globex" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["buyer_risk"]["score"])')
r_n=$(printf '%s' "$northwind" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["buyer_risk"]["score"])')
check "Northwind ($r_n) is safer than Globex ($r_g)" \
  $(/usr/bin/python3 -c "import sys; sys.exit(0 if $r_n < $r_g else 1)"; echo $?)
priya=$(id_by_xid "$url" "$key" contacts demo-priya)
get "/v1/contacts/$priya/assessment" | py 'j["orientation"]["primary"] == "security"'
check "Priya reads as Security" $?
initech=$(id_by_xid "$url" "$key" accounts demo-initech)
get "/v1/accounts/$initech/assessment?include=values_fit" | py 'j["values_fit"] is not None and j["values_fit"]["recommendation"] is not None'
check "Initech's values fit is read" $?
sam=$(id_by_xid "$url" "$key" sellers demo-seller-sam)
get "/v1/sellers/$sam/assessment" | py 'j["approach"] == "pusher"'
check "Sam Reyes reads as a pusher" $?
exit $fail
