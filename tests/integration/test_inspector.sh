#!/bin/sh
# The inspector, verb by verb, on a known scene (inspector_scene.c), in
# text and in JSON; and the server verbs with and without a server.
#   test_inspector.sh WINHANDLE WINHANDLED SCENE
# It runs its own server rather than isolate.sh's, because it stops it.
set -u
tool=$1
server=$2
scene=$3
n=0
failed=0
ok() { # STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
# The output of a command line into $out (stdout) and $err, its status in $rc.
run() {
    "$@" >"$base/out" 2>"$base/err"
    rc=$?
    out=$(cat "$base/out")
    err=$(cat "$base/err")
}
has() { printf '%s\n' "$out" | grep -q -e "$1"; }
# A row of the last text output with all these words (grep patterns) on it.
row() {
    lines=$out
    for pattern in "$@"; do
        lines=$(printf '%s\n' "$lines" | grep -e "$pattern") || return 1
    done
    return 0
}
# Check a JSON document (the last output) with a Python expression; the
# helpers below and the scene's numbers (P C M T DUP INH BITS) are in scope.
jtrue() { # EXPRESSION: its truth, quietly
    printf '%s' "$out" | python3 -c '
import json, os, sys
d = json.load(sys.stdin)
P, C, M, T = (int(os.environ[k]) for k in ("P", "C", "M", "T"))
DUP, INH, BITS = (int(os.environ[k], 0) for k in ("DUP", "INH", "BITS"))
def proc(pid):
    return next(p for p in d["processes"] if p["pid"] == pid)
def handle(pid, name=None, value=None):
    return next(h for h in proc(pid)["handles"]
                if (name is None or h["name"] == name) and (value is None or h["handle"] == value))
def obj(name, type=None):
    return next(o for o in d["objects"] if o["name"] == name and (type is None or o["type"] == type))
def holders(o):
    return {h["pid"]: h["handles"] for h in o["holders"]}
sys.exit(0 if eval(sys.argv[1]) else 1)
' "$1" 2>"$base/pyerr"
}
jcheck() { # DESCRIPTION EXPRESSION
    jtrue "$2"
    status=$?
    [ $status -ne 0 ] && sed 's/^/# /' "$base/pyerr"
    ok $status "$1"
}

base=$(mktemp -d "${TMPDIR:-/tmp}/winhandle-insp.XXXXXX")
export WINHANDLE_DIR="$base/session"
export WINHANDLE_SERVER="$server"
log="$base/server.log"
export P=0 C=0 M=0 T=0 DUP=0 INH=0 BITS=0

# ---- no server: a clear answer, status 1, and nothing started ----
run "$tool" server status
[ $rc -eq 1 ] && has "no server running"; ok $? "server status without a server: status 1, 'no server running' ($out)"
run "$tool" server status --json
[ $rc -eq 1 ]; ok $? "server status --json without a server: status 1"
jcheck "and its JSON says running: false" 'd["running"] is False and d["session_dir"] == os.environ["WINHANDLE_DIR"]'
run "$tool" ps
[ $rc -eq 1 ] && echo "$err" | grep -q "no server running"; ok $? "ps without a server: status 1 ($err)"
run "$tool" server stop
[ $rc -eq 1 ]; ok $? "server stop without a server: status 1"
[ ! -e "$WINHANDLE_DIR" ]; ok $? "the inspector started no server and created nothing"

# ---- usage ----
run "$tool" frobnicate
[ $rc -eq 2 ]; ok $? "an unknown verb: status 2"
run "$tool" handles --type bogus
[ $rc -eq 2 ] && echo "$err" | grep -q "unknown type"; ok $? "an unknown --type: status 2 ($err)"
run "$tool" handles notapid
[ $rc -eq 2 ]; ok $? "a PID that is not a number: status 2"
run "$tool" ps --name x
[ $rc -eq 2 ]; ok $? "--name on ps: status 2"
run "$tool" --help
[ $rc -eq 0 ] && has "server status" && has "objects"; ok $? "--help lists the verbs"

# ---- a session directory that is not private is refused ----
mkdir -m 0755 "$base/open"
run "$tool" -d "$base/open" ps
[ $rc -eq 3 ] && echo "$err" | grep -q "not a private directory"; ok $? "-d with a 0755 directory: status 3 ($err)"

# ---- the server and the scene ----
mkdir -m 0700 "$WINHANDLE_DIR"
"$server" --foreground --persistent --session-dir "$WINHANDLE_DIR" 2>"$log" &
server_pid=$!
i=0
while [ ! -S "$WINHANDLE_DIR/server" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done

mkfifo "$base/scene.in"
"$scene" <"$base/scene.in" >"$base/scene.out" 2>&1 &
scene_pid=$!
exec 3>"$base/scene.in" # the scene lasts while this stays open
i=0
while ! grep -q '^ready' "$base/scene.out" && [ $i -lt 1000 ]; do sleep 0.01; i=$((i + 1)); done
ready=$(grep '^ready' "$base/scene.out")
[ -n "$ready" ]; ok $? "the scene is ready ($ready)"
field() { printf '%s\n' "$ready" | sed -n "s/.* $1=\([0-9a-fx]*\).*/\1/p"; }
P=$(field parent) C=$(field child) M=$(field main_tid) T=$(field thread_tid)
DUP=$(field dup) INH=$(field inherit) BITS=$(field bits)
export P C M T DUP INH BITS

# server status
run "$tool" server status
[ $rc -eq 0 ] && has "server running" && has "pid  *$server_pid" && has "processes  *2"
ok $? "server status: running, the server's pid, 2 processes"
run "$tool" server status --json
jcheck "server status --json: pid, counts, persistent" \
  'd["running"] and d["server_pid"] == '"$server_pid"' and d["processes"] == 2 and d["threads"] >= 3 and d["objects"] >= 11 and d["handles"] >= 14 and d["persistent"] and d["idle_timeout_ms"] is None and d["clients"] >= 1'

# ps
run "$tool" ps
row "^$P " "inspector_scene" && row "^$C  *$P  *$BITS " ; ok $? "ps: both processes, the child with its parent and bitness"
run "$tool" ps --json
jcheck "ps --json: threads, handles, parent, bitness, exe" \
  'proc(P)["threads"] >= 2 and proc(P)["handles"] >= 9 and proc(C)["parent_pid"] == P and proc(C)["bitness"] == BITS and proc(P)["exe"].endswith("inspector_scene") and proc(C)["alive"] and proc(C)["exit_code"] is None'

# handles PID, text
run "$tool" handles "$P"
[ $rc -eq 0 ] && has "^process $P (inspector_scene"; ok $? "handles PID: a header for the process"
row "Event" "signaled, manual reset" "insp-event"; ok $? "handles: the named manual-reset event, signaled"
row "Mutex" "owned by tid $M (pid $P), count 2" "insp-mutex"; ok $? "handles: the mutex, its owner and recursion count"
row "Semaphore" "protect" "count 2 of 5" "insp-semaphore"; ok $? "handles: the semaphore, protected, count 2 of 5"
row "Event" "inherit " "insp-inherit"; ok $? "handles: the inheritable event has the inherit flag"
row "Thread" "tid $T of pid $P, running"; ok $? "handles: the thread handle and its state"
row "Process" "PROCESS_ALL_ACCESS" "pid $C, running"; ok $? "handles: the child's process handle, all access"
row "Event" "not signaled, auto reset" " -$"; ok $? "handles: the unnamed event, shown without a name"
row "EVENT_ALL_ACCESS" "created"; ok $? "handles: access decoded and origin shown"

# handles of the child: inherited, duplicated, opened
run "$tool" handles "$C"
row "^$INH " "inherited from $P" "insp-inherit"; ok $? "child's handles: the inherited event, at the parent's value"
row "^$DUP " "duplicated from $P"; ok $? "child's handles: the duplicated unnamed event"
row "Semaphore" "0x100000  *SYNCHRONIZE " "opened" "insp-semaphore"; ok $? "child's handles: the semaphore opened with SYNCHRONIZE only"

run "$tool" handles "$C" --json
jcheck "handles --json: inherited and duplicated origins with their pid" \
  'handle(C, value=INH)["origin"] == "inherited" and handle(C, value=INH)["origin_pid"] == P and handle(C, value=INH)["inherit"] and handle(C, value=DUP)["origin"] == "duplicated" and handle(C, value=DUP)["origin_pid"] == P and handle(C, value=DUP)["name"] is None'
jcheck "handles --json: opened, with the rights granted" \
  'handle(C, "insp-semaphore")["origin"] == "opened" and handle(C, "insp-semaphore")["access"] == 0x100000 and handle(C, "insp-semaphore")["rights"] == ["SYNCHRONIZE"]'

# all processes, filters
run "$tool" handles --json
jcheck "handles --json without PID: every process, one object id across them" \
  'sorted(p["pid"] for p in d["processes"]) == sorted([P, C]) and handle(P, "insp-semaphore")["object_id"] == handle(C, "insp-semaphore")["object_id"]'
jcheck "handles --json: object state per type" \
  'handle(P, "insp-mutex")["state"] == {"signaled": False, "owner_tid": M, "owner_pid": P, "recursion": 2, "abandoned": False} and handle(P, "insp-semaphore")["state"] == {"signaled": True, "count": 2, "maximum": 5} and handle(P, "insp-event")["state"] == {"signaled": True, "manual_reset": True} and handle(P, "insp-semaphore")["protect"] and not handle(P, "insp-semaphore")["inherit"]'
jcheck "handles --json: thread and process state" \
  'any(h["type"] == "Thread" and h["state"] == {"signaled": False, "tid": T, "pid": P, "exit_code": None} for h in proc(P)["handles"]) and any(h["type"] == "Process" and h["state"]["pid"] == C and h["state"]["exit_code"] is None and h["state"]["bitness"] == BITS for h in proc(P)["handles"])'
run "$tool" handles --type mutex
[ $rc -eq 0 ] && row "insp-mutex" && ! has "Event" && ! has "Semaphore" && has "^process $C"
ok $? "handles --type mutex: only mutexes, in both processes"
run "$tool" handles --name sema --json
jcheck "handles --name: only matching names" \
  'all(h["name"] == "insp-semaphore" for p in d["processes"] for h in p["handles"]) and len(proc(P)["handles"]) == 1 and len(proc(C)["handles"]) == 1'
run "$tool" handles 999999999
[ $rc -eq 3 ] && echo "$err" | grep -q "no process 999999999"; ok $? "handles of an unknown PID: status 3 ($err)"

# objects
run "$tool" objects
[ $rc -eq 0 ] && row "Semaphore" "insp-semaphore" "count 2 of 5" "$P (1), $C (1)"
ok $? "objects: the semaphore with both holders"
row "Mutex" "insp-mutex" "owned by tid $M (pid $P)"; ok $? "objects: the mutex and its owner"
row "Process" " - " "pid $C, running" "$P (1)"; ok $? "objects: unnamed objects are listed too"
run "$tool" objects --json
jcheck "objects --json: holders and handle counts" \
  'holders(obj("insp-semaphore")) == {P: 1, C: 1} and obj("insp-semaphore")["handles"] == 2 and holders(obj("insp-event")) == {P: 1} and holders(obj("insp-inherit")) == {P: 1, C: 1}'
jcheck "objects --json: every object's holders add up to its handle count" \
  'all(sum(h["handles"] for h in o["holders"]) == o["handles"] for o in d["objects"])'
jcheck "objects --json: the unnamed event, held by the parent and (duplicated) the child" \
  'any(o["type"] == "Event" and o["name"] is None and holders(o) == {P: 1, C: 1} and o["state"] == {"signaled": False, "manual_reset": False} for o in d["objects"])'
jcheck "objects --json: state as in handles" \
  'obj("insp-mutex")["state"]["owner_pid"] == P and obj("insp-mutex")["state"]["recursion"] == 2 and obj("insp-event")["state"]["signaled"]'
run "$tool" objects --type semaphore --json
jcheck "objects --type: only that type" 'len(d["objects"]) == 1 and d["objects"][0]["name"] == "insp-semaphore"'
run "$tool" objects --name insp-
[ $rc -eq 0 ] && ! has "Thread" && row "insp-quit"; ok $? "objects --name: only named matches"
row "insp-odd \"q\"??é"; ok $? "text output: control characters and bytes that are not UTF-8 become '?'"
run "$tool" objects --name insp-odd --json
jcheck "JSON output: quotes and tabs escaped, bytes that are not UTF-8 as U+FFFD" \
  'd["objects"][0]["name"] == "insp-odd \"q\"\t\ufffd\u00e9"'

# ---- the scene ends: its handles go ----
exec 3>&-
wait $scene_pid; scene_rc=$?
[ $scene_rc -eq 0 ]; ok $? "the scene ended cleanly (status $scene_rc)"
# The server sees the deaths through pidfds, a moment after wait does.
no_names='all(o["name"] is None for o in d["objects"])'
i=0
while run "$tool" objects --json && ! jtrue "$no_names" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
jcheck "after the scene: no named object remains" "$no_names"

# ---- server stop ----
run "$tool" server stop
[ $rc -eq 0 ] && has "stopped the server (pid $server_pid)"; ok $? "server stop: status 0 ($out$err)"
[ ! -e "$WINHANDLE_DIR/server" ]; ok $? "the socket is gone when server stop returns"
wait $server_pid; server_rc=$?
[ $server_rc -eq 0 ]; ok $? "the server exited with status 0"
! grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e ' error: ' "$log"
ok $? "the server logged no error"
run "$tool" server status
[ $rc -eq 1 ]; ok $? "server status after stop: status 1"

# ---- server stop --json on a fresh server ----
"$server" --foreground --persistent --session-dir "$WINHANDLE_DIR" 2>>"$log" &
server_pid=$!
i=0
while [ ! -S "$WINHANDLE_DIR/server" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
run "$tool" server stop --json
jcheck "server stop --json: stopped, with the pid" 'd["stopped"] and d["server_pid"] == '"$server_pid"
wait $server_pid

# ---- a server of another protocol version (an older build still running) ----
# It refuses every hello with ERROR_REVISION_MISMATCH, holds the server lock
# as winhandled does, and leaves cleanly on SIGTERM.
python3 - "$WINHANDLE_DIR" >"$base/old.out" 2>&1 <<'PY' &
import fcntl, os, signal, socket, struct, sys
d = sys.argv[1]
lock = open(os.path.join(d, "server.lock"), "w")
fcntl.flock(lock, fcntl.LOCK_EX)
path = os.path.join(d, "server")
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(8)
def leave(signum, frame):
    os.unlink(path)
    sys.exit(0)
signal.signal(signal.SIGTERM, leave)
print("listening", flush=True)
while True:
    conn, _ = srv.accept()
    conn.settimeout(5)
    try:
        hello = conn.recv(40, socket.MSG_WAITALL)
        if len(hello) == 40:
            conn.sendall(struct.pack("<IIII", 16, 1306, 1, os.getpid()))
    except OSError:
        pass
    conn.close()
PY
old_pid=$!
i=0
while ! grep -q listening "$base/old.out" && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
run "$tool" server status
[ $rc -eq 3 ] && echo "$err" | grep -q "a server (pid $old_pid) runs there"
ok $? "server status with a server of another protocol: status 3, names its pid ($(echo "$err" | tr '\n' ' '))"
run "$tool" server stop
[ $rc -eq 0 ] && has "stopped the server (pid $old_pid)" && [ ! -e "$WINHANDLE_DIR/server" ]
ok $? "server stop sends it SIGTERM and waits until it is gone ($out)"
wait $old_pid

if [ $failed -ne 0 ]; then
    echo "# --- scene output ---"; sed 's/^/# /' "$base/scene.out"
    echo "# --- server log ---"; sed 's/^/# /' "$log"
fi
rm -rf "$base"
echo "1..$n"
[ $failed -eq 0 ]
