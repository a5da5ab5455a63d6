#!/usr/bin/env python3
"""The server out of descriptors: it refuses newcomers, does not spin, and
goes on serving once descriptors are free again.

    test_fd_exhaustion.py WINHANDLED WINHANDLE_TOOL

The server runs with a limit of 48 descriptors and 80 connections arrive.
Those it cannot take are accepted with its reserve descriptor and closed
(server/connection.c), so the listening socket does not stay readable and
the loop does not spin on it. "Not spinning" is checked as CPU time: a
spinning server burns all the CPU it gets (a third of a second a second
here under load, a whole one on an idle machine); one waiting, none.
"""
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

LIMIT = 48
CLIENTS = 80
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import failed, ok  # noqa: E402


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def main():
    server, tool = sys.argv[1], sys.argv[2]
    session = tempfile.mkdtemp(prefix="winhandle-fds.")
    log = open(session + ".log", "w+")

    def low_limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (LIMIT, LIMIT))

    proc = subprocess.Popen([server, "--foreground", "--persistent", "--session-dir", session],
                            stderr=log, preexec_fn=low_limit)
    path = os.path.join(session, "server")
    for _ in range(500):
        if os.path.exists(path):
            break
        time.sleep(0.01)
    socks = []
    for _ in range(CLIENTS):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(path)
        socks.append(s)
    time.sleep(1.0)
    before = cpu_ticks(proc.pid)
    time.sleep(1.0)
    used = cpu_ticks(proc.pid) - before
    hz = os.sysconf("SC_CLK_TCK")
    ok(used < hz // 5, f"with {CLIENTS} connections and {LIMIT} descriptors the server "
       f"waits instead of spinning ({used} ticks of {hz} in a second)")
    refused = 0
    for s in socks:
        s.setblocking(False)
        try:
            refused += s.recv(1) == b""
        except BlockingIOError:
            pass
    ok(0 < refused < CLIENTS, f"it closed the connections it could not take ({refused})")
    for s in socks:
        s.close()
    time.sleep(0.5)
    env = dict(os.environ, WINHANDLE_DIR=session)
    r = subprocess.run([tool, "server", "status"], env=env, capture_output=True, text=True)
    ok(r.returncode == 0, "once they are gone, a new client is served")
    proc.send_signal(signal.SIGTERM)
    ok(proc.wait(timeout=20) == 0, "and the server exits cleanly")
    log.seek(0)
    text = log.read()
    ok("out of descriptors" in text, "its log says why it refused")
    log.close()
    if not failed():
        shutil.rmtree(session, ignore_errors=True)
        os.unlink(session + ".log")
    check_raised_limit(server)
    return failed()


def check_raised_limit(server):
    """Started with a soft limit below the hard one, the server takes the
    hard one before its first client: every client thread costs it three
    descriptors (its socket and two pipes)."""
    session = tempfile.mkdtemp(prefix="winhandle-fds.")
    proc = subprocess.Popen([server, "--foreground", "--persistent", "--session-dir", session],
                            stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE,
                                                                  (256, 4096)))
    for _ in range(500):
        if os.path.exists(os.path.join(session, "server")):
            break
        time.sleep(0.01)
    soft = None
    with open(f"/proc/{proc.pid}/limits") as f:
        for line in f:
            if line.startswith("Max open files"):
                soft = int(line.split()[3])
    ok(soft == 4096, f"started with 256 of 4096 descriptors, it listens with {soft}")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=20)
    shutil.rmtree(session, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
