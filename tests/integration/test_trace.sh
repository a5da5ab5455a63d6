#!/bin/sh
# Handle tracing (WINHANDLE_TRACE), end to end: the leak report at exit,
# the report of a closed or never-valid handle, abort mode, winhandle
# handles --trace in text and JSON, and silence when tracing is off.
#   test_trace.sh TRACE_PROGRAM WINHANDLE      (under isolate.sh)
set -u
prog=$1
tool=$2
n=0
failed=0
ok() { # STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
base=$(mktemp -d "${TMPDIR:-/tmp}/winhandle-trace.XXXXXX")
# Run the program: stdout in $out, stderr in $err, status in $rc.
run() { # TRACE_VALUE SCENE   ("-" leaves WINHANDLE_TRACE unset)
    if [ "$1" = - ]; then
        env -u WINHANDLE_TRACE "$prog" "$2" >"$base/out" 2>"$base/err"
    else
        WINHANDLE_TRACE=$1 "$prog" "$2" >"$base/out" 2>"$base/err"
    fi
    rc=$?
    out=$(cat "$base/out")
    err=$(cat "$base/err")
}
has() { printf '%s\n' "$err" | grep -q -F -e "$1"; }
# The line after the first line containing $1 contains $2.
next_has() {
    printf '%s\n' "$err" | awk -v a="$1" -v b="$2" \
        'found { exit index($0, b) ? 0 : 1 } index($0, a) { found = 1 } END { if (!found) exit 1 }'
}
dump() { [ "$1" -eq 0 ] || printf '%s\n' "$err" | sed 's/^/# /'; }

# ---- the leak report ----
run 1 leak
ok $rc "a traced program exits normally"
has "exits with 4 handles open"; s=$?; dump $s
ok $s "the leak report counts 4 open handles (the standard error handle is not a leak)"
next_has "3 handles (3 Event), created by CreateEventA at:" "make_three (trace_program.c:"
ok $? "3 events made in one loop are one site, with its function and line"
next_has "1 handle (1 Event), created by CreateEventA at:" "make_one (trace_program.c:"
ok $? "the other site has its own group of 1"
printf '%s\n' "$err" | awk '/3 handles/ { three = NR } /1 handle \(/ { one = NR } END { exit !(three && one && three < one) }'
ok $? "groups come largest first"
has "main (trace_program.c:"
ok $? "frames go down to main"

run 1 exit
[ $rc -eq 7 ]; ok $? "ExitProcess(7) keeps its code when traced"
has "exits with 2 handles open"
ok $? "ExitProcess prints the leak report (2 left open of 3)"

run 1 user
has "exits with 1 handle and 2 USER objects open"; s=$?; dump $s
ok $s "USER objects left at exit are counted apart from handles"
next_has "2 handles (2 Menu), created by CreateMenu at:" "main (trace_program.c:"
ok $? "2 menus of one site (the third destroyed) are one group"

run 1 clean
has "exits with no handles open"
ok $? "a program that closes everything is told so"

# ---- use of a closed or never-valid handle ----
run 1 closed
[ $rc -eq 0 ] && [ "$out" = "still running" ]
ok $? "a bad handle is reported and the program goes on"
has "invalid handle 0x4 (ERROR_INVALID_HANDLE)"; s=$?; dump $s
ok $s "the report names the value and the error"
next_has "passed to SetEvent at:" "use_it (trace_program.c:"
ok $? "it shows the call and where it was made"
has "0x4 was an Event handle, closed before this use"
ok $? "it says the value was a closed Event handle"
next_has "created by CreateEventA at:" "make_and_close (trace_program.c:"
ok $? "it shows where the handle was created"
next_has "closed by CloseHandle at:" "make_and_close (trace_program.c:"
ok $? "it shows where the handle was closed"
created=$(printf '%s\n' "$err" | grep -A1 'created by CreateEventA' | sed -n 2p)
closed=$(printf '%s\n' "$err" | grep -A1 'closed by CloseHandle' | sed -n 2p)
[ -n "$created" ] && [ "$created" != "$closed" ]
ok $? "creation and close sites are different lines"

run 1 never
has "0x7ff0 was never a valid handle in this process"; s=$?; dump $s
ok $s "a value that never was a handle is said to be so"
has "the value is NULL: never a valid handle"
ok $? "NULL is said to be NULL"

run 1 menu
[ "$(printf '%s\n' "$err" | grep -c 'invalid USER handle')" -eq 2 ]; s=$?; dump $s
ok $s "a destroyed menu used twice is reported twice, the IsMenu probe not at all"
has "(ERROR_INVALID_MENU_HANDLE)" && has "passed to GetMenuItemCount at:" && has "passed to DestroyMenu at:"
ok $? "the reports name the call and the USER error"
next_has "created by CreateMenu at:" "main (trace_program.c:" &&
    next_has "destroyed by DestroyMenu at:" "main (trace_program.c:" && has "was a Menu, destroyed before this use"
ok $? "they say where the menu was made and destroyed"

# ---- abort mode ----
run abort closed
[ $rc -eq 134 ]; s=$?
[ $s -eq 0 ] || echo "# status $rc"
ok $s "WINHANDLE_TRACE=abort ends the program by SIGABRT"
has "0x4 was an Event handle, closed before this use" && has "aborting" && [ -z "$out" ]
ok $? "it reports first, and stops before the next line"

# ---- tracing off: nothing at all ----
for scene in leak closed never exit user menu; do
    run - $scene
    [ -z "$err" ]; ok $? "no trace output for '$scene' without WINHANDLE_TRACE"
done
run 0 leak
[ -z "$err" ]; ok $? "WINHANDLE_TRACE=0 is off"

# ---- winhandle handles PID --trace ----
mkfifo "$base/in"
WINHANDLE_TRACE=1 "$prog" hold <"$base/in" >"$base/hold.out" 2>"$base/hold.err" &
holder=$!
exec 3>"$base/in"
i=0
while ! grep -q ready "$base/hold.out" && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
pid=$(awk '{ print $2 }' "$base/hold.out")
# An untraced process of the same session, for contrast.
mkfifo "$base/in2"
env -u WINHANDLE_TRACE "$prog" hold <"$base/in2" >"$base/plain.out" 2>/dev/null &
plain=$!
exec 4>"$base/in2"
i=0
while ! grep -q ready "$base/plain.out" && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
plain_pid=$(awk '{ print $2 }' "$base/plain.out")

text=$("$tool" handles "$pid" --trace)
ok $? "handles PID --trace succeeds"
printf '%s\n' "$text" | grep -q "^creation sites" &&
    printf '%s\n' "$text" | grep -A1 '^  0x4 *CreateEventA$' | grep -q 'at make_three (trace_program.c:'
s=$?; [ $s -eq 0 ] || printf '%s\n' "$text" | sed 's/^/# /'
ok $s "text: 0x4 was made by CreateEventA in make_three"
[ "$(printf '%s\n' "$text" | grep -c 'CreateEventA$')" -eq 3 ]
ok $? "text: each of the 3 handles has its site"
"$tool" handles "$plain_pid" --trace | grep -q '0x4 *no site'
ok $? "text: an untraced process's handles have no site"
"$tool" handles "$pid" | grep -q "creation sites"
[ $? -ne 0 ]; ok $? "without --trace no sites are shown"
"$tool" ps --trace >/dev/null 2>&1
[ $? -eq 2 ]; ok $? "--trace with another verb is a usage error"

json=$("$tool" handles "$pid" --trace --json)
printf '%s' "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
hs = d["processes"][0]["handles"]
assert len(hs) == 3, hs
for h in hs:
    s = h["site"]
    assert s["function"] == "CreateEventA", s
    assert s["frames"][0].startswith("make_three (trace_program.c:"), s
    assert s["frames"][-1].startswith("main (trace_program.c:"), s
'
ok $? "json: every handle has site.function and site.frames"
"$tool" handles "$plain_pid" --trace --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert all(h["site"] is None for h in d["processes"][0]["handles"])
'
ok $? "json: an untraced process's handles have \"site\": null"
"$tool" handles "$pid" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert all("site" not in h for h in d["processes"][0]["handles"])
'
ok $? "json: no site key without --trace"

echo >&3
echo >&4
exec 3>&- 4>&-
wait $holder
grep -q "exits with 3 handles open" "$base/hold.err"
ok $? "the held program reports its 3 leaks when it goes"
wait $plain
rm -rf "$base"
echo "1..$n"
[ $failed -eq 0 ]
