#!/bin/sh
# The shared library exports the Win32 API and nothing else: every defined
# dynamic symbol is a Windows name (CamelCase), none of the library's
# lower_snake_case insides (lib/exports.map). Also checks that a few API
# functions really are there, so an empty export list cannot pass.
#
#   test_exports.sh LIBWINHANDLE.so
set -u
lib=$1
symbols=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }') || exit 1
status=0
for s in CreateEventA CloseHandle DuplicateHandle CreateProcessA WaitForMultipleObjects; do
    echo "$symbols" | grep -qx "$s" || { echo "not ok: $s is not exported"; status=1; }
done
inside=$(echo "$symbols" | grep -v '^[A-Z]' | grep -v '^_' )
if [ -n "$inside" ]; then
    echo "not ok: internal symbols exported:"
    echo "$inside" | head -n 20
    status=1
fi
[ $status -eq 0 ] && echo "ok: $(echo "$symbols" | wc -l) symbols, all Win32 names"
exit $status
