#!/usr/bin/env bash
# The one out-of-memory rule (docs/code.md): outside the pure engine,
# memory comes from util_malloc, util_calloc, util_realloc, util_strdup and
# util_strndup, which abort on failure, so no caller has a NULL to check
# and none forgets to.  Fails on a bare libc allocation in service/ outside
# service/util/alloc.c and the engine (service/scoring, which links
# nothing of ours and checks its few start-up allocations itself).
#   allocations.sh SOURCE_DIR
set -u
cd "${1:?usage: allocations.sh SOURCE_DIR}" || exit 2
hits=$(grep -rnE '(^|[^_a-zA-Z0-9])(malloc|calloc|realloc|strdup|strndup|asprintf)[[:space:]]*\(' \
         service --include='*.c' --include='*.h' \
       | grep -vE '^service/(util/alloc\.c|scoring/)' \
       | grep -vE '^[^:]+:[0-9]+:\s*(/?\*|//)')
if [ -n "$hits" ]; then
  echo "allocations outside util_* (they must not return NULL unchecked):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "allocations: ok"
