#!/bin/sh
# Run every benchmark case once, for a few milliseconds: each must report a
# RESULT (no NA: a call failed) and the program must exit 0. Not a timing
# test: the numbers are thrown away.
#
#   smoke.sh BENCH      (under tests/harness/isolate.sh)
set -u
bench=$1
cases=$("$bench" --list | awk '{ print $1 }')
[ -n "$cases" ] || { echo "bench --list listed no case"; exit 1; }
out=$("$bench" --target-ms 5) || { echo "bench exited with $?"; echo "$out"; exit 1; }
status=0
for c in $cases; do
    if ! echo "$out" | grep -q "^RESULT $c "; then
        echo "not ok: $c: $(echo "$out" | grep "^NA $c " || echo 'no RESULT line')"
        status=1
    else
        echo "ok: $c"
    fi
done
exit $status
