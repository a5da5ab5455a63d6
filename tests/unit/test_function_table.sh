#!/bin/sh
# README's table of Win32 functions names every function the library
# exports (nm), so a new function cannot go undocumented, and the table
# is what scripts/function_table.py writes from lib/ (so its areas and
# notes are not edited by hand into something the script would undo).
#   test_function_table.sh LIBWINHANDLE.so SOURCE_ROOT
set -u
lib=$1
root=$2
readme=$root/README.md
table=$(sed -n '/<!-- function-table: generated/,/<!-- function-table: end -->/p' "$readme")
if [ -z "$table" ]; then
    echo "not ok 1 - README.md has no function table"
    exit 1
fi
functions=$(nm -D --defined-only "$lib" | awk '$2 == "T" && $3 ~ /^[A-Z]/ { print $3 }') || exit 1
count=$(echo "$functions" | wc -l)
[ "$count" -ge 100 ] || { echo "not ok 1 - only $count exported functions: nm failed?"; exit 1; }
missing=
for f in $functions; do
    printf '%s\n' "$table" | grep -q -F "\`$f\`" || missing="$missing $f"
done
status=0
if [ -n "$missing" ]; then
    echo "not ok 1 - exported but not in README's table (run scripts/function_table.py):$missing"
    status=1
else
    echo "ok 1 - all $count exported functions are in README's table"
fi
# The functions column only: the notes name constants and missing calls.
listed=$(printf '%s\n' "$table" | awk -F'|' '/^\| / { print $3 }' | grep -o '`[A-Za-z0-9_]*`' | tr -d '`' | sort -u)
extra=
for f in $listed; do
    echo "$functions" | grep -qx "$f" || extra="$extra $f"
done
if [ -n "$extra" ]; then
    echo "not ok 2 - in README's table but not exported:$extra"
    status=1
else
    echo "ok 2 - the table names no function the library lacks"
fi
if python3 "$root/scripts/function_table.py" --check; then
    echo "ok 3 - the table is what scripts/function_table.py writes"
else
    echo "not ok 3 - README's table differs from scripts/function_table.py's"
    status=1
fi
exit $status
