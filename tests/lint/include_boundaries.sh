#!/usr/bin/env bash
# One directory per third-party library (Taler's src/mhd, src/pq): fails
# when a file outside service/http includes microhttpd.h, when one outside
# service/store includes libpq-fe.h, when one outside service/hooks
# includes libcurl, when a file reaches into another
# module's private internal.h, or when main.c includes anything of ours
# but the public svc/*.h headers.
#   include_boundaries.sh SOURCE_DIR
set -u
cd "${1:?usage: include_boundaries.sh SOURCE_DIR}" || exit 2
fail=0
bad() { echo "include boundary: $*" >&2; fail=1; }

# libmicrohttpd only in service/http, libpq only in service/store.
while IFS= read -r hit; do
  bad "$hit (microhttpd.h belongs to service/http)"
done < <(grep -rnE '^\s*#\s*include\s*[<"]microhttpd\.h[>"]' service include \
           | grep -v '^service/http/')
while IFS= read -r hit; do
  bad "$hit (libpq-fe.h belongs to service/store)"
done < <(grep -rnE '^\s*#\s*include\s*[<"](libpq-fe|libpq/[^>"]*|postgresql/[^>"]*)\.h[>"]' \
           service include | grep -v '^service/store/')

# libcurl only in service/hooks (the webhook deliveries).
while IFS= read -r hit; do
  bad "$hit (curl/curl.h belongs to service/hooks)"
done < <(grep -rnE '^\s*#\s*include\s*[<"]curl/[^>"]*\.h[>"]' service include \
           | grep -v '^service/hooks/')

# A module's internal.h is its own: no "../<module>/internal.h" from
# elsewhere in service/ or include/.
while IFS= read -r hit; do
  bad "$hit (another module's private header)"
done < <(grep -rnE '^\s*#\s*include\s*"\.\./' service include)

# main.c: only public svc/*.h headers of ours.
while IFS= read -r hit; do
  bad "service/main.c: $hit (main.c uses only svc/*.h)"
done < <(grep -nE '^\s*#\s*include\s*"' service/main.c | grep -vE '"svc/[a-z_]+\.h"')

# Public headers stay free of the I/O libraries (opaque types instead).
while IFS= read -r hit; do
  bad "$hit (public headers must not expose libmicrohttpd or libpq)"
done < <(grep -rnE '^\s*#\s*include\s*[<"](microhttpd|libpq-fe)\.h[>"]' include)

[ $fail = 0 ] && echo "include boundaries: ok"
exit $fail
