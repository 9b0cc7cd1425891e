#!/usr/bin/env bash
# Malformed requests against a running service: bad JSON, huge headers,
# wrong methods, garbage request lines, truncated bodies, invalid UTF-8,
# absurd Content-Length.  After each, GET /healthz must still answer 200;
# no case may get a 5xx.  Exits 0 when the service survived everything.
#   tests/robustness/run.sh http://127.0.0.1:8080
set -uo pipefail
URL=${1:?usage: run.sh SERVICE_URL}
HOSTPORT=${URL#http://}
HOST=${HOSTPORT%%:*}
PORT=${HOSTPORT##*:}
PORT=${PORT%%/*}
# With scripts/test's environment, a real key reaches the handlers too.
KEY=not-a-real-key
if [ -n "${RAPPORT_BIN:-}" ] && [ -n "${MIGRATE_DATABASE_URL:-}" ]; then
  KEY=$(LOG_LEVEL=warn timeout 30 "$RAPPORT_BIN" org create robustness 2>/dev/null \
    | sed -n 's/^RAPPORT_API_KEY=//p')
  KEY=${KEY:-not-a-real-key}
fi
failures=0
cases=0
T0=$SECONDS

fail() { printf 'robustness: FAIL %s\n' "$*" >&2; failures=$((failures + 1)); }

alive() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/healthz")
  [ "$code" = 200 ] || fail "after '$1': /healthz answered '$code'"
}

# check NAME EXPECT CURL-ARGS...: EXPECT is a regex for the status ("4..").
check() {
  local name=$1 expect=$2 code
  shift 2
  cases=$((cases + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@")
  if ! [[ $code =~ ^($expect)$ ]]; then
    fail "$name: status '$code', expected $expect"
  fi
  alive "$name"
}

# raw NAME BYTES [SECONDS]: sends BYTES (printf format) on a fresh TCP
# connection, reads what comes back for a while, and requires no 5xx but
# 505 (HTTP Version Not Supported).
raw() {
  local name=$1 bytes=$2 wait=${3:-1} out
  cases=$((cases + 1))
  out=$(timeout $((wait + 3)) bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 0
    printf "$2" >&3 2>/dev/null
    timeout "$3" cat <&3 2>/dev/null | head -c 2000
    exec 3>&-' "$HOST" "$PORT" "$bytes" "$wait" 2>/dev/null | head -1 | tr -d '\r')
  # 505 is the right answer to an unknown HTTP version; any other 5xx is
  # a failure.
  if [[ $out =~ ^HTTP/1\.[01]\ 5 ]] && ! [[ $out =~ ^HTTP/1\.[01]\ 505 ]]; then
    fail "$name: answered '$out'"
  fi
  alive "$name"
}

J=(-H 'Content-Type: application/json' -H "Authorization: Bearer $KEY")

# Bad JSON and bodies (the key is not valid: 400/401/413/415 are all fine,
# never a 5xx).
check 'truncated JSON' '4..' -X POST "${J[@]}" -d '{"name":' "$URL/v1/accounts"
check 'not JSON' '4..' -X POST "${J[@]}" -d 'hello' "$URL/v1/accounts"
check 'empty body' '4..' -X POST "${J[@]}" -d '' "$URL/v1/accounts"
check 'JSON null' '4..' -X POST "${J[@]}" -d 'null' "$URL/v1/accounts"
check 'JSON array' '4..' -X POST "${J[@]}" -d '[1,2,3]' "$URL/v1/accounts"
check 'NUL in JSON' '4..' -X POST "${J[@]}" --data-binary $'{"name":"a\x00b"}' "$URL/v1/accounts"
check 'escaped NUL' '4..' -X POST "${J[@]}" -d '{"name":"a\u0000b"}' "$URL/v1/accounts"
check 'lone surrogate' '4..' -X POST "${J[@]}" -d '{"name":"\ud800"}' "$URL/v1/accounts"
check 'invalid UTF-8' '4..' -X POST "${J[@]}" --data-binary $'{"name":"\xff\xfe\xc3("}' "$URL/v1/accounts"
check 'overlong UTF-8' '4..' -X POST "${J[@]}" --data-binary $'{"name":"\xc0\xaf"}' "$URL/v1/accounts"
check 'huge number' '4..' -X POST "${J[@]}" -d "{\"n\":1$(printf '0%.0s' {1..5000})}" "$URL/v1/accounts"
check 'deep nesting' '4..' -X POST "${J[@]}" -d "$(printf '[%.0s' {1..5000})$(printf ']%.0s' {1..5000})" "$URL/v1/accounts"
check 'duplicate keys' '4..' -X POST "${J[@]}" -d '{"a":1,"a":2}' "$URL/v1/accounts"
check 'wrong content type' '4..' -X POST -H 'Content-Type: text/plain' -H "Authorization: Bearer $KEY" -d '{}' "$URL/v1/accounts"
check 'form body' '4..' -X POST -H "Authorization: Bearer $KEY" -d 'a=b' "$URL/v1/accounts"
check 'body on GET' '2..|4..' -X GET "${J[@]}" -d '{"x":1}' "$URL/v1/accounts"
check 'body on healthz' '2..|4..' -X GET -H 'Content-Type: application/json' -d 'garbage' "$URL/healthz"
check '3 MiB body' '4..' -X POST "${J[@]}" --data-binary @<(head -c 3145728 /dev/zero | tr '\0' 'a') "$URL/v1/accounts"

# Headers.
big=$(head -c 100000 /dev/zero | tr '\0' 'x')
check 'huge header' '4..|000' -H "X-Big: $big" "$URL/healthz"
check 'huge Authorization' '4..|000' -H "Authorization: Bearer $big" "$URL/v1/accounts"
check 'bad Authorization' '401' -H 'Authorization: Basic Zm9vOmJhcg==' "$URL/v1/accounts"
check 'empty Bearer' '401' -H 'Authorization: Bearer ' "$URL/v1/accounts"
check 'bad Idempotency-Key' '4..' -X POST "${J[@]}" -H "Idempotency-Key: $(head -c 400 /dev/zero | tr '\0' k)" -d '{}' "$URL/v1/accounts"
check 'bad If-Match' '4..|000' -X PATCH "${J[@]}" -H 'If-Match: "'"$big"'"' -d '{}' "$URL/v1/accounts/00000000-0000-4000-8000-000000000000"

# Methods and paths.
for m in PUT DELETE PATCH TRACE CONNECT PROPFIND BREW; do
  check "method $m on a collection" '4..|000' -X "$m" "$URL/v1/accounts"
done
check 'HEAD' '2..|4..' -I "$URL/v1/accounts"
check 'OPTIONS unknown path' '4..' -X OPTIONS "$URL/nope"
check 'long URL' '414' "$URL/v1/$(head -c 5000 /dev/zero | tr '\0' a)"
check 'dot segments' '4..' --path-as-is "$URL/v1/../../etc/passwd"
check 'percent garbage' '4..' "$URL/v1/accounts/%ff%fe%00"
check 'bad query' '4..' "$URL/v1/accounts?limit=%ff&&&=&cursor=%%%"
check 'bad uuid' '4..' "$URL/v1/accounts/not-a-uuid"
check 'absurd limit' '4..' "$URL/v1/accounts?limit=99999999999999999999999"

# Raw bytes: garbage request lines, bad versions, truncated bodies,
# absurd or contradictory lengths.
raw 'garbage line' 'GARBAGE\r\n\r\n'
raw 'binary junk' '\x00\x01\x02\xff\xfe\r\n\r\n'
raw 'no version' 'GET /healthz\r\n\r\n'
raw 'HTTP/9.9' 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n'
raw 'HTTP/1.1 without Host' 'GET /healthz HTTP/1.1\r\n\r\n'
raw 'header without colon' 'GET /healthz HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'
raw 'bare LF' 'GET /healthz HTTP/1.1\nHost: x\n\n'
raw 'space in URL' 'GET /he althz HTTP/1.1\r\nHost: x\r\n\r\n'
raw 'only CRLFs' '\r\n\r\n\r\n\r\n'
raw 'truncated body' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":' 2
raw 'absurd Content-Length' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999999\r\n\r\n{}'
raw 'negative Content-Length' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}'
raw 'two Content-Lengths' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}'
raw 'length and chunked' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n'
raw 'bad chunk size' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'
raw 'huge chunk size' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n{}\r\n' 2
raw 'truncated chunks' 'POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{"na' 2
raw 'pipelined junk' 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
raw 'many pipelined' "$(for _ in $(seq 1 50); do printf 'GET /healthz HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'; done)"
raw 'connect and close' ''

# Many connections opened and dropped at once.
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/$HOST/$PORT" && printf 'GET /heal' >&3) 2>/dev/null &
done
wait
cases=$((cases + 1))
alive 'fifty dropped connections'

printf 'robustness: %d cases in %d s, %d failures\n' "$cases" \
  $((SECONDS - T0)) "$failures" >&2
[ "$failures" = 0 ]
