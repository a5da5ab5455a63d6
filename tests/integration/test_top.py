#!/usr/bin/env python3
"""winhandle top under a pseudo-terminal, on a known scene.

    test_top.py WINHANDLE_TOOL INSPECTOR_SCENE      (under isolate.sh)

The live view must show the scene's processes, compute growth once it has
two samples, and on q (and on SIGINT) exit 0 with the terminal as it
found it: echo and line mode back, the cursor shown. --once and --json
print one sample without a terminal.
"""
import os
import pty
import re
import signal
import subprocess
import sys
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import failed, ok  # noqa: E402


def read_until(fd, pattern, seconds):
    """Read the pty until pattern (bytes regex) matches; all read so far."""
    got = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
        if re.search(pattern, got):
            break
    return got


def run_live(tool, parent, stop):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(tool, [tool, "top"])
    # The first frame, then a second one (growth needs two samples).
    shown = read_until(fd, rb"\+0\.0", 10)
    if stop == "q":
        os.write(fd, b"q")
    else:
        os.kill(pid, signal.SIGINT)
    rest = read_until(fd, rb"\x1b\[\?25h", 10)
    _, wstatus = os.waitpid(pid, 0)
    attrs = termios.tcgetattr(fd)
    os.close(fd)
    return shown, rest, wstatus, attrs


def main():
    tool, scene_path = sys.argv[1], sys.argv[2]
    scene = subprocess.Popen([scene_path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    line = scene.stdout.readline()
    parent = int(re.search(r"parent=(\d+)", line).group(1))

    for stop in ("q", "SIGINT"):
        shown, rest, wstatus, attrs = run_live(tool, parent, stop)
        ok(b"winhandle top" in shown and str(parent).encode() in shown,
           f"the live view shows the scene's process ({stop} run)")
        ok(b"HANDLES" in shown and b"GROWTH/S" in shown and b"Event" in shown,
           "with counts, growth and a column per type")
        ok(re.search(rb"\+0\.0", shown) is not None,
           "growth once there are two samples (+0.0: the scene holds steady)")
        ok(os.WIFEXITED(wstatus) and os.WEXITSTATUS(wstatus) == 0,
           f"{stop} ends it with status 0")
        ok(b"\x1b[?25h" in rest, "the cursor shown again")
        ok(attrs[3] & termios.ECHO and attrs[3] & termios.ICANON,
           "echo and line mode restored")
        if not (str(parent).encode() in shown):
            sys.stderr.write(repr(shown[-2000:]) + "\n")

    once = subprocess.run([tool, "top", "--once"], capture_output=True, text=True)
    ok(once.returncode == 0 and str(parent) in once.stdout and "\x1b" not in once.stdout,
       "--once prints one plain table")
    js = subprocess.run([tool, "top", "--json"], capture_output=True, text=True)
    ok(js.returncode == 0 and f'"pid": {parent},' in js.stdout and '"by_type"' in js.stdout,
       "--json prints one sample")
    scene.stdin.close()
    ok(scene.wait(timeout=20) == 0, "the scene ends cleanly")
    return failed()


if __name__ == "__main__":
    sys.exit(main())
