#!/usr/bin/env bash
# Build the benchmark (bench/*.c) three times, natively against libwinhandle (a release
# build of this tree) for x86_64 and for i386, and with mingw-w64, run all three
# and print one table: ns/op on each side and the ratios Wine/winhandle. The cases run one at a time, on
# one side then the other, and the whole list is run ROUNDS times, so that
# a passing load on the machine falls on both sides and on few samples.
# Everything runs on one CPU (see --cpus).
#
#   bench/run.sh [--quick] [--rounds N] [--target-ms MS] [--cpus LIST] [--raw] [CASE...]
#
# CASE selects cases by name (`bench --list` shows them); --quick is a
# smoke run (one round of a few milliseconds a case); --rounds, how many
# times the list runs (default 3); --target-ms, how long one case is timed
# on one side in one round (default 300); --cpus, the CPUs (taskset -c)
# that the programs, their children and both servers run on: default 0,
# because waking a process on another, idle, CPU costs tens of
# microseconds on a virtual machine, more than a whole request, and varies
# with what else runs; "all" runs unpinned. --raw also prints the
# programs' own output lines.
#
# Environment: WINHANDLE_BENCH_BUILD, the Meson build directory to use
# (default build-bench, set up with -Dbuildtype=release when missing);
# WINHANDLE_BENCH_BUILD_I386, the i386 one (default build-bench-i386, set up
# with cross/i386.ini; only its library is used: the 32-bit program talks to
# the same 64-bit server as the 64-bit one, as in a mixed session);
# WINHANDLE_BENCH_WINEPREFIX, the Wine prefix (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/winhandle-wineprefix-bench, made once with
# `wineboot -i`); WINE, the wine64 loader.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

usage() {
    echo "usage: bench/run.sh [--quick] [--rounds N] [--target-ms MS] [--cpus LIST] [--raw] [CASE...]" >&2
    exit 2
}
quick=0
rounds=
target_ms=
cpus=0
cases=()
raw=0
while [ $# -gt 0 ]; do
    case $1 in
    --quick) quick=1 ;;
    --rounds)
        if [ $# -lt 2 ] || ! [ "$2" -ge 1 ] 2>/dev/null; then usage; fi
        rounds=$2
        shift
        ;;
    --target-ms)
        if [ $# -lt 2 ] || ! [ "$2" -ge 1 ] 2>/dev/null; then usage; fi
        target_ms=$2
        shift
        ;;
    --cpus)
        if [ $# -lt 2 ]; then usage; fi
        cpus=$2
        shift
        ;;
    --raw) raw=1 ;;
    -*) usage ;;
    *) cases+=("$1") ;;
    esac
    shift
done
if [ "$quick" = 1 ]; then
    bench_args=(--quick)
    rounds=${rounds:-1}
else
    bench_args=(--target-ms "${target_ms:-300}")
    rounds=${rounds:-3}
fi

# shellcheck source=scripts/deps.sh
. scripts/deps.sh
# shellcheck disable=SC2086 # a list of words
need_packages $BUILD_PACKAGES gcc-multilib gcc-mingw-w64-x86-64 wine64

# The CPUs everything runs on: children inherit the affinity, and so do the
# servers, which are started from here (wineserver) or by the pinned
# program (winhandled).
if [ "$cpus" = all ]; then
    pin=()
else
    pin=(taskset -c "$cpus")
    "${pin[@]}" true || usage
fi

# ---- build ----
build=${WINHANDLE_BENCH_BUILD:-build-bench}
case $build in /*) ;; *) build=$root/$build ;; esac
if [ ! -f "$build/build.ninja" ]; then
    echo "setting up the release build $build"
    meson setup "$build" -Dbuildtype=release >/dev/null
fi
# Only what the benchmark needs: the library and the server.
ninja -C "$build" lib/libwinhandle.so.0.1.0 server/winhandled >/dev/null
build32=${WINHANDLE_BENCH_BUILD_I386:-build-bench-i386}
case $build32 in /*) ;; *) build32=$root/$build32 ;; esac
if [ ! -f "$build32/build.ninja" ]; then
    echo "setting up the i386 release build $build32"
    meson setup "$build32" --cross-file cross/i386.ini -Dbuildtype=release >/dev/null
fi
ninja -C "$build32" lib/libwinhandle.so.0.1.0 >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/winhandle-bench.XXXXXX")
session="$work/session"
wineserver_started=0
cleanup() {
    if [ "$wineserver_started" = 1 ]; then
        "$WINESERVER" -k >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# The same warnings in both builds, and errors too.
warnings=(-Wall -Wextra -Werror)
# shellcheck disable=SC2046 # pkg-config prints words
sources=(bench/harness.c bench/groups.c bench/cases_*.c)
cc -O2 "${warnings[@]}" -o "$work/bench" "${sources[@]}" \
    $(PKG_CONFIG_PATH="$build/meson-uninstalled" pkg-config --cflags --libs winhandle) \
    -Wl,-rpath,"$build/lib"
cc -m32 -O2 "${warnings[@]}" -o "$work/bench32" "${sources[@]}" \
    $(PKG_CONFIG_PATH="$build32/meson-uninstalled" pkg-config --cflags --libs winhandle) \
    -Wl,-rpath,"$build32/lib"
x86_64-w64-mingw32-gcc -O2 "${warnings[@]}" -static-libgcc -o "$work/bench.exe" "${sources[@]}" -lgdi32 -luser32

# ---- the two sides ----
# winhandle: a private server in a fresh session directory, started by the
# library on first use from this build.
mkdir -m 700 "$session"
run_native() {
    WINHANDLE_DIR="$session" WINHANDLE_SERVER="$build/server/winhandled" \
        timeout 600 "${pin[@]}" "$work/bench" "$@"
}
# The i386 program: the same session and server (a 64-bit one).
run_native32() {
    WINHANDLE_DIR="$session" WINHANDLE_SERVER="$build/server/winhandled" \
        timeout 600 "${pin[@]}" "$work/bench32" "$@"
}

# Wine: a private prefix, made once and cached; a clean wineserver kept
# running for the whole run, and one warm-up run so that nothing of the
# prefix's start is timed.
if [ -z "${WINE:-}" ]; then
    if [ -x /usr/lib/wine/wine64 ]; then WINE=/usr/lib/wine/wine64; else WINE=wine64; fi
fi
WINESERVER="$(dirname "$WINE")/wineserver64"
[ -x "$WINESERVER" ] || WINESERVER=wineserver
export WINEPREFIX="${WINHANDLE_BENCH_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/winhandle-wineprefix-bench}"
export WINEDEBUG=-all
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "creating the Wine prefix $WINEPREFIX"
    mkdir -p "$(dirname "$WINEPREFIX")"
    "$WINE" wineboot -i >/dev/null 2>&1
    "$WINESERVER" -w
fi
# Windows (the USER cases) need a display; Wine has none unless told to
# use its null one, as tests/conformance/regen.sh does. Idempotent.
if ! grep -q '"Graphics"="null"' "$WINEPREFIX/user.reg" 2>/dev/null; then
    "$WINE" reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
    "$WINESERVER" -w
fi
"$WINESERVER" -k >/dev/null 2>&1 || true
"$WINESERVER" -w
"${pin[@]}" "$WINESERVER" -p
wineserver_started=1
run_wine() {
    # msvcrt writes CRLF
    timeout 600 "${pin[@]}" "$WINE" "$work/bench.exe" "$@" | tr -d '\r'
}
run_wine --list >/dev/null

# ---- run, case by case ----
names=$(run_native --list "${cases[@]}" | awk '{ print $1 }')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/native.out"
: >"$work/wine.out"
: >"$work/native32.out"
for round in $(seq "$rounds"); do
    for name in $names; do
        echo "  round $round/$rounds: $name" >&2
        run_native "${bench_args[@]}" "$name" >>"$work/native.out" ||
            echo "NA $name the native program exited with status $?" >>"$work/native.out"
        run_native32 "${bench_args[@]}" "$name" >>"$work/native32.out" ||
            echo "NA $name the i386 program exited with status $?" >>"$work/native32.out"
        run_wine "${bench_args[@]}" "$name" >>"$work/wine.out" ||
            echo "NA $name the program under Wine exited with status $?" >>"$work/wine.out"
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$raw" = 1 ]; then
    sed 's/^/native: /' "$work/native.out"
    sed 's/^/wine:   /' "$work/wine.out"
    sed 's/^/i386:   /' "$work/native32.out"
fi

# ---- the table ----
samples=$(awk '$1 == "INFO" && $2 == "samples" { print $3; exit }' "$work/native.out")
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- lib server protocol include 2>/dev/null || commit="$commit+changes"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), ${cpu:-unknown CPU}, $(nproc) cores, Linux $(uname -r)"
echo "winhandle $commit ($(basename "$build"), $(meson introspect --buildoptions "$build" |
    python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))')); $("$WINE" --version)"
echo "CPUs: $cpus; load average before the cases $load_before, after $load_after"
echo "(the benchmark adds about 1; other busy processes slow both sides)."
echo "ns per operation: the fastest sample of all rounds (best) and the median of the rounds'"
echo "medians (med), each side; $rounds round(s) of $samples samples. ratio = Wine / winhandle, of the"
echo "best and of the medians: above 1, winhandle is faster. i386: the same program built -m32 against"
echo "the i386 library, in the same session (the 64-bit server); ratio32 = Wine / i386, of the best."
echo
awk -v names="$names" -v rounds="$rounds" '
{ side = FILENAME == ARGV[1] ? 1 : FILENAME == ARGV[2] ? 2 : 3 }
# RESULT case best_ns iterations median_ns worst_ns
$1 == "RESULT" {
    k = side SUBSEP $2
    if (!(k in best) || $3 + 0 < best[k]) best[k] = $3 + 0
    meds[k, ++nmed[k]] = $5 + 0
}
$1 == "NA" {
    k = side SUBSEP $2
    r = $0; sub(/^NA [^ ]+ /, "", r)
    nna[k]++
    na[k] = r
}
$1 == "BYTES" { bytes[$2] = $3 + 0 }
$1 == "NOTE" {
    r = (side == 1 ? "winhandle: " : side == 2 ? "Wine: " : "winhandle i386: ") substr($0, 6)
    if (!(r in seen)) { seen[r] = 1; notes[++nnotes] = r }
}
function median(k,   i, j, t, a, n) {
    n = nmed[k]
    for (i = 1; i <= n; i++) a[i] = meds[k, i]
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(a, b) { return a > 0 && b > 0 ? sprintf("%.2f", b / a) : "-" }
END {
    n = split(names, list, " ")
    fmt = "%-21s %11s %9s %11s %9s %11s %9s %6s %6s %7s\n"
    printf fmt, "case", "winhandle", "(med)", "i386", "(med)", "Wine", "(med)", "ratio", "(med)", "ratio32"
    for (i = 1; i <= n; i++) {
        c = list[i]
        for (s = 1; s <= 3; s++) {
            k = s SUBSEP c
            b[s] = m[s] = 0; cm[s] = ""
            if (k in na) {
                # A case that failed in any round is not measured.
                cb[s] = "n/a [" ++nfoot "]"
                foot[nfoot] = (s == 1 ? "winhandle, " : s == 2 ? "Wine, " : "winhandle i386, ") c ": " na[k]
                if (nna[k] < rounds) foot[nfoot] = foot[nfoot] sprintf(" (in %d of %d rounds)", nna[k], rounds)
            } else if (k in best) {
                b[s] = best[k]; m[s] = median(k)
                cb[s] = sprintf("%.0f", b[s]); cm[s] = sprintf("%.0f", m[s])
            } else {
                cb[s] = "missing"
            }
        }
        printf fmt, c, cb[1], cm[1], cb[3], cm[3], cb[2], cm[2], ratio(b[1], b[2]), ratio(m[1], m[2]),
            ratio(b[3], b[2])
    }
    for (i = 1; i <= n; i++) {
        c = list[i]
        if (!(c in bytes)) continue
        # bytes per ns * 1e9 / 1e6 = MB/s
        for (s = 1; s <= 3; s++) {
            k = s SUBSEP c
            mbs[s] = k in best && !(k in na) ? sprintf("%.0f MB/s", bytes[c] * 1000 / best[k]) : "n/a"
        }
        printf "throughput: %s: winhandle %s, i386 %s, Wine %s (best sample)\n", c, mbs[1], mbs[3], mbs[2]
    }
    for (i = 1; i <= nfoot; i++) printf "[%d] n/a: %s\n", i, foot[i]
    for (i = 1; i <= nnotes; i++) printf "note: %s\n", notes[i]
}' "$work/native.out" "$work/wine.out" "$work/native32.out"

# Let the private server go (it leaves a few seconds after its last
# client), then read its log: a server that logged errors makes its numbers
# suspect.
if [ -f "$session/server.lock" ]; then
    flock -w 30 "$session/server.lock" true || echo "the winhandle server is still running" >&2
fi
if [ -f "$session/winhandled.log" ] && grep -qi "error" "$session/winhandled.log"; then
    echo
    echo "the winhandle server logged errors ($session/winhandled.log):"
    grep -i "error" "$session/winhandled.log" | head -n 20
fi
