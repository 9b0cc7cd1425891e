#!/usr/bin/env bash
# One style, checked: fails when a C file of ours is not laid out as
# .clang-format says.  clang-format-14 -i FILE fixes one.
#   format.sh SOURCE_DIR
set -u
cd "${1:?usage: format.sh SOURCE_DIR}" || exit 2
CF=$(command -v clang-format-14 || command -v clang-format) \
  || { echo "format: clang-format is not installed" >&2; exit 1; }
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -co --exclude-standard -- '*.c' '*.h')
else
  mapfile -t files < <(find service include tests bench -name '*.[ch]')
fi
bad=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  if ! "$CF" --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "format: $f differs from .clang-format ($(basename "$CF") -i $f)" >&2
    bad=1
  fi
done
[ $bad = 0 ] && echo "format: ${#files[@]} files ok"
exit $bad
