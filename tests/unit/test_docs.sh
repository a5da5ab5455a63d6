#!/bin/sh
# The documentation names every knob the code reads: winhandled(8) every
# option of server/main.c and every variable the server reads (getenv in
# server/ and protocol/), README's configuration every variable the
# library reads (lib/, protocol/), winhandle(1) every long option of the
# inspector.
#   test_docs.sh SOURCE_ROOT
set -u
root=$1
n=0
failed=0
check() { # FILE WORD WHAT
    n=$((n + 1))
    if sed "s/\\\\-/-/g" "$1" | grep -q -w -F -e "$2"; then
        echo "ok $n - $(basename "$1") documents $3 $2"
    else
        echo "not ok $n - $(basename "$1") does not document $3 $2"
        failed=$((failed + 1))
    fi
}
man8=$root/doc/winhandled.8
man1=$root/doc/winhandle.1
readme=$root/README.md
for opt in $(grep -o 'strcmp(a, "-[-a-z]*")' "$root/server/main.c" | sed 's/.*"\(.*\)")/\1/' | sort -u); do
    check "$man8" "$opt" "the server option"
done
for var in $(cat "$root"/server/*.c "$root"/protocol/*.c | grep -o 'getenv("[A-Z_]*")' |
             sed 's/getenv("\(.*\)")/\1/' | sort -u); do
    check "$man8" "$var" "the variable"
done
for var in $(cat "$root"/lib/*.c "$root"/lib/*.h "$root"/protocol/*.c |
             grep -o -e 'getenv("[A-Z_]*")' -e '_NAME "[A-Z_]*"' |
             sed 's/.*"\(.*\)".*/\1/' | sort -u); do
    check "$readme" "$var" "the variable"
done
for opt in $(grep -o '{ "[a-z-]*", [a-z_]*_argument' "$root/tools/winhandle.c" | sed 's/{ "\([^"]*\)".*/\1/'); do
    check "$man1" "--$opt" "the inspector option"
done
[ $n -ge 8 ] || { echo "not ok - only $n checks: the patterns found nothing?"; failed=1; }
echo "1..$n"
[ $failed -eq 0 ]
