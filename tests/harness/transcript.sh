#!/bin/sh
# Run a conformance program and compare its transcript with Wine's.
#   transcript.sh PROGRAM EXPECTED
set -u
out=$(mktemp)
"$1" >"$out" 2>&1
rc=$?
tr -d '\r' <"$out" >"$out.clean"
if diff -u "$2" "$out.clean"; then
    status=0
    echo "transcript matches Wine's ($(grep -c '^CHECK' "$2") checks)"
else
    status=1
    echo "transcript differs from Wine's (- Wine, + winhandle); program exit status $rc"
fi
rm -f "$out" "$out.clean"
exit $status
