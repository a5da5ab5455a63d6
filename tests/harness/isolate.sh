#!/bin/sh
# Run one test against a private server, and fail if the server misbehaved.
#
#   isolate.sh WINHANDLED TEST [ARGS...]
#
# A fresh session directory per test ($WINHANDLE_DIR), the server started in
# the foreground with its log kept, the test run, then the server stopped
# with SIGTERM. The test fails if the test fails, if the server died early,
# exits non-zero (a sanitizer report does that), or logged an error.
set -u
server=$1
shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/winhandle-test.XXXXXX")
export WINHANDLE_DIR="$dir"
export WINHANDLE_SERVER="$server"
log="$dir.server.log"

# shellcheck disable=SC2086 # extra server arguments are words on purpose
"$server" --foreground --persistent --session-dir "$dir" ${WINHANDLE_TEST_SERVER_ARGS:-} 2>"$log" &
server_pid=$!
# Wait for the socket so the test does not race the server's start.
i=0
while [ ! -S "$dir/server" ] && [ $i -lt 500 ]; do
    sleep 0.01
    i=$((i + 1))
done

"$@"
rc=$?

if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid"
    server_rc=$?
else
    wait "$server_pid"
    server_rc=$?
    echo "isolate: the server was gone before the test ended (status $server_rc)" >&2
    server_rc=99
fi
if [ "$server_rc" -ne 0 ]; then
    echo "isolate: server exited with status $server_rc" >&2
    rc=1
fi
if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e ' error: ' "$log"; then
    echo "isolate: server log has errors:" >&2
    rc=1
fi
if [ $rc -ne 0 ]; then
    echo "--- server log ---" >&2
    cat "$log" >&2
fi
rm -rf "$dir" "$log"
exit $rc
