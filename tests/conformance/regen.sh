#!/bin/sh
# Regenerate the expected transcripts of the conformance programs: Wine is
# the oracle. Each program is built with mingw-w64 and run under wine64 in
# a private prefix; its output, with msvcrt's \r stripped, becomes
# tests/conformance/expected/NAME.txt.
#
#   tests/conformance/regen.sh [NAME...]    (default: every program)
#
# Environment: WINHANDLE_WINEPREFIX, the Wine prefix to use (made with
# `wineboot -i` when missing; default ${XDG_CACHE_HOME:-$HOME/.cache}/
# winhandle-wineprefix); WINE, the wine64 loader to run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

# shellcheck source=scripts/deps.sh
. "$root/scripts/deps.sh"
need_packages gcc-mingw-w64-x86-64 wine64

CC=x86_64-w64-mingw32-gcc
if [ -z "${WINE:-}" ]; then
    if [ -x /usr/lib/wine/wine64 ]; then
        WINE=/usr/lib/wine/wine64
    else
        WINE=wine64
    fi
fi
export WINEPREFIX="${WINHANDLE_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/winhandle-wineprefix}"
export WINEDEBUG=-all

if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "creating the Wine prefix $WINEPREFIX"
    mkdir -p "$(dirname "$WINEPREFIX")"
    "$WINE" wineboot -i >/dev/null 2>&1
fi
# USER calls (menus, cursors, windows...) need a display driver; with no X
# display Wine has none unless told to use the null one. Idempotent.
if ! grep -q '"Graphics"="null"' "$WINEPREFIX/user.reg" 2>/dev/null; then
    "$WINE" reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
fi

if [ $# -eq 0 ]; then
    for src in "$here"/*.c; do
        name=${src##*/}
        set -- "$@" "${name%.c}"
    done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/winhandle-regen.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/expected"
status=0
for name in "$@"; do
    src="$here/$name.c"
    if [ ! -f "$src" ]; then
        echo "$name: no $src" >&2
        status=1
        continue
    fi
    # The same warnings as the native build, and errors too. gdi32: the
    # bitmaps of icons (mingw links it only for -mwindows programs);
    # shell32: ShellExecuteA.
    # A program's resources: NAME.rc beside it, linked into the PE.
    res=
    if [ -f "$here/$name.rc" ]; then
        x86_64-w64-mingw32-windres --include-dir "$here" "$here/$name.rc" -O coff -o "$work/$name.res.o"
        res="$work/$name.res.o"
    fi
    # shellcheck disable=SC2086
    "$CC" -O1 -Wall -Wextra -Werror -static-libgcc -o "$work/$name.exe" "$src" $res -lgdi32 -lshell32
    # A program that crashes or hangs under Wine must not leave a half
    # transcript behind: write to a temporary file first.
    if ! timeout 120 "$WINE" "$work/$name.exe" >"$work/$name.out" 2>&1; then
        echo "$name: exited with an error under Wine; transcript kept anyway" >&2
    fi
    tr -d '\r' <"$work/$name.out" >"$here/expected/$name.txt"
    echo "$name: $(grep -c '^CHECK' "$here/expected/$name.txt") checks"
done
# Wine leaves its wineserver running a few seconds; stop it now, with the
# server of the same Wine as the loader.
server="$(dirname "$WINE")/wineserver64"
[ -x "$server" ] || server=wineserver
"$server" -k >/dev/null 2>&1 || true
exit $status
