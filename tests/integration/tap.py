"""The Python tests' TAP-style checks: ok(cond, what) prints one line;
failed() says whether any check failed (the exit status to return)."""

_failed = False


def ok(cond, what):
    global _failed
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        _failed = True


def failed():
    return 1 if _failed else 0
