#!/usr/bin/env bash
# The scoring engine stays pure: data in, assessment out; no I/O, no clock,
# no threads, no Jansson/libmicrohttpd/libpq. A CMake target cannot stop
# `#include <jansson.h>` from compiling (the headers sit in /usr/include),
# so this test checks what the engine actually uses:
#
#  (a) symbols: every undefined symbol of the built library's objects
#      (nm -u) is on the allow-list below or defined by the library itself;
#  (b) includes: every #include under service/scoring/ is a standard C
#      header on the list below, <libstemmer.h>, "svc/score*.h" or one of
#      the engine's own headers next to it;
#  (c) boundary: only service/model, service/scoring and their tests and
#      benchmark include the model-internal svc/score_model.h.
#
# Registered as ctest lint_scoring_purity (tests/CMakeLists.txt).
# usage: scoring_purity.sh LIBRARY SOURCE_DIR   (NM=... picks the nm)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 LIBRARY SOURCE_DIR" >&2; exit 2; }
lib=$1 src=$2
nm=${NM:-nm}
[ -f "$lib" ] || { echo "scoring_purity: no library at $lib" >&2; exit 2; }
[ -d "$src/service/scoring" ] || { echo "scoring_purity: no $src/service/scoring" >&2; exit 2; }

# ---- (a) symbols ------------------------------------------------------
# What the engine calls today, and nothing else. Adding a name here is a
# decision to review: I/O (fopen, printf, puts, read, write ...), clocks
# (time, clock_gettime), threads (pthread_*), getenv, json_*, MHD_* and PQ*
# never belong.
allowed_calls=(
  # memory and strings
  memchr memcmp memcpy memmove memset strchr strcmp strcspn strlen strncmp
  strpbrk strspn strstr
  # allocation (the scratch and prepare's sort buffer) and sorting
  calloc free qsort
  # formatting into caller buffers only
  snprintf
  # libm
  exp pow sqrt tanh
)
# libstemmer, the one library the engine links: sb_stemmer_*.
# Tolerated, though our code does not call them: what the compiler inserts
# (the test build uses -fsanitize=address,undefined; hardened or coverage
# builds add the stack protector and gcov hooks) and the fortified
# (_FORTIFY_SOURCE) __<name>_chk variants of the allowed calls.
tolerated='^(sb_stemmer_|__asan_|__ubsan_|__sanitizer_|__lsan_|__gcov_)'
tolerated_exact=' __stack_chk_fail __stack_chk_guard _GLOBAL_OFFSET_TABLE_ '

declare -A ok=()
for s in "${allowed_calls[@]}"; do ok[$s]=1; ok[__${s}_chk]=1; done
# the engine's own symbols: whatever the library itself defines
while read -r s; do ok[$s]=1; done < <(
  "$nm" -P -g --defined-only "$lib" 2>/dev/null | awk 'NF >= 2 && $2 != "U" && $2 != "w" && $2 != "v" { print $1 }')

status=0
while read -r where sym; do
  [ -n "$sym" ] || continue
  [ -n "${ok[$sym]:-}" ] && continue
  [[ $sym =~ $tolerated ]] && continue
  [[ $tolerated_exact == *" $sym "* ]] && continue
  obj=${where##*\[}
  obj=${obj%\]:}
  echo "scoring_purity: $obj uses $sym, which is not on the engine's allow-list" >&2
  status=1
done < <("$nm" -A -P -u "$lib" | awk '{ print $1, $2 }')

# ---- (b) includes -----------------------------------------------------
# Standard C headers a pure engine needs; not <time.h>, <threads.h>,
# <signal.h>, <setjmp.h>, <locale.h> (clock, threads, signals, locale).
std_headers=' assert.h ctype.h errno.h float.h inttypes.h limits.h math.h stdalign.h stdarg.h stdbool.h stddef.h stdint.h stdio.h stdlib.h string.h '
while IFS= read -r -d '' f; do
  dir=$(dirname "$f")
  while IFS= read -r line; do
    n=${line%%:*}
    inc=$(printf '%s\n' "${line#*:}" | sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*([<"][^>"]+[>"]).*/\1/p')
    name=
    [ ${#inc} -gt 2 ] && name=${inc:1:${#inc}-2}
    case $inc in
      \<*) [[ $std_headers == *" $name "* || $name == libstemmer.h ]] && continue ;;
      \"*) [[ $name == svc/score*.h && -f $src/include/$name ]] && continue
           [[ $name != */* && -f $dir/$name ]] && continue ;;
      *) ;;
    esac
    echo "scoring_purity: ${f#"$src"/}:$n includes ${inc:-something unreadable}, outside the engine's allow-list" >&2
    status=1
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include' "$f" || true)
done < <(find "$src/service/scoring" -type f \( -name '*.c' -o -name '*.h' \) -print0)

# ---- (c) who includes the model-internal header ------------------------
while IFS= read -r hit; do
  f=${hit%%:*}
  rel=${f#"$src"/}
  case $rel in
    service/model/*|service/scoring/*|tests/unit/scoring/*|bench/scoring/*) continue ;;
  esac
  echo "scoring_purity: $rel includes svc/score_model.h; outside service/model and service/scoring use svc/score.h" >&2
  status=1
done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?score_model\.h[>"]' \
           --include='*.c' --include='*.h' "$src/service" "$src/include" "$src/tests" "$src/bench" 2>/dev/null || true)

if [ $status = 0 ]; then
  echo "scoring_purity: $(basename "$lib") calls only allowed symbols; service/scoring includes only allowed headers"
fi
exit $status
