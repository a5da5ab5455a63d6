#!/bin/sh
# The server's life: started by the library on first use (once, however
# many clients race to start it), gone after its idle timeout, refusing a
# session directory that is not private, and a clear error when the
# server binary cannot be run.
#   test_lifecycle.sh WINHANDLED CLIENT
set -u
server=$1
client=$2
n=0
failed=0
ok() { # CONDITION-STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

base=$(mktemp -d "${TMPDIR:-/tmp}/winhandle-life.XXXXXX")
export WINHANDLE_SERVER="$server"
export WINHANDLE_IDLE_TIMEOUT=500

# Eight clients race to start the server; pairs meet through named events,
# which only works if they all reached the same one.
export WINHANDLE_DIR="$base/race"
pids=""
for i in 1 2 3 4; do
    "$client" meet "a$i" "b$i" & pids="$pids $!"
    "$client" meet "b$i" "a$i" & pids="$pids $!"
done
status=0
for p in $pids; do wait "$p" || status=1; done
ok $status "eight racing clients started one server and met through it"
[ -S "$WINHANDLE_DIR/server" ]; ok $? "the server is listening in the session directory"
[ "$(stat -c %a "$WINHANDLE_DIR")" = 700 ]; ok $? "the session directory it made is mode 0700"

# Idle exit: no clients, no processes, 500 ms later it is gone.
i=0
while [ -S "$WINHANDLE_DIR/server" ] && [ $i -lt 300 ]; do sleep 0.01; i=$((i + 1)); done
[ ! -S "$WINHANDLE_DIR/server" ]; ok $? "the server left after its idle timeout"
flock -n "$WINHANDLE_DIR/server.lock" true; ok $? "and released its lock"
"$client" create; ok $? "a later client starts a new one"

# A session directory that others can read is refused by the library.
export WINHANDLE_DIR="$base/open"
mkdir -m 0755 "$WINHANDLE_DIR"
out=$("$client" create 2>&1); rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "mode 755"; ok $? "a 0755 session directory is refused (says: $out)"
"$server" --foreground --session-dir "$WINHANDLE_DIR" 2>/dev/null; rc=$?
[ $rc -ne 0 ]; ok $? "and the server refuses it too"

# A server binary that cannot run: a clear message, the call fails.
export WINHANDLE_DIR="$base/noserver"
out=$(WINHANDLE_SERVER=/nonexistent/winhandled "$client" create 2>&1); rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "could not start the server"
ok $? "a missing server binary is reported (says: $(echo "$out" | head -1))"
echo "$out" | grep -q "error 1062"; ok $? "and the call fails with ERROR_SERVICE_NOT_ACTIVE"

# SIGTERM: a clean exit that unlinks the socket.
export WINHANDLE_DIR="$base/term"
mkdir -m 0700 "$WINHANDLE_DIR"
"$server" --foreground --persistent --session-dir "$WINHANDLE_DIR" 2>/dev/null &
spid=$!
i=0
while [ ! -S "$WINHANDLE_DIR/server" ] && [ $i -lt 300 ]; do sleep 0.01; i=$((i + 1)); done
kill -TERM $spid
wait $spid; rc=$?
[ $rc -eq 0 ] && [ ! -e "$WINHANDLE_DIR/server" ]; ok $? "SIGTERM: exit status 0 and the socket removed"

# A second server for a live session refuses to start.
"$server" --foreground --persistent --session-dir "$WINHANDLE_DIR" 2>/dev/null &
spid=$!
i=0
while [ ! -S "$WINHANDLE_DIR/server" ] && [ $i -lt 300 ]; do sleep 0.01; i=$((i + 1)); done
timeout 20 "$server" --foreground --session-dir "$WINHANDLE_DIR" 2>/dev/null; rc=$?
[ $rc -eq 1 ]; ok $? "a second server for the same session exits with status 1"
"$client" create; ok $? "and the first one still serves"
kill -TERM $spid; wait $spid

rm -rf "$base"
echo "1..$n"
[ $failed -eq 0 ]
