#!/usr/bin/env bash
# Build and run every test: unit, integration and conformance, in the
# 64-bit build, the 32-bit (i386) build and the AddressSanitizer +
# UndefinedBehaviorSanitizer build. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
# shellcheck disable=SC2086
need_packages $BUILD_PACKAGES gcc-multilib

setup() { # DIR [meson options...]
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >/dev/null
    fi
}

# The 64-bit build compiles at -O3, as a release build and bench/run.sh
# do: gcc warns about some things (maybe-uninitialized) only there, and
# warnings are errors, so a release build that does not compile would
# otherwise reach main unseen. The ASan build keeps -O0 for its reports.
setup build -Doptimization=3
setup build-i386 --cross-file cross/i386.ini
setup build-asan -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fno-sanitize-recover=all -Dbuildtype=debug

# All three builds first: the cross-width tests (a 32-bit and a 64-bit
# process together) find the other width's programs in its build dir.
for dir in build build-i386 build-asan; do
    ninja -C "$dir" >/dev/null
done

passed=0
failed=0
skipped=0
for dir in build build-i386 build-asan; do
    echo "=== $dir ==="
    meson test -C "$dir" --no-rebuild --print-errorlogs || true
    counts=$(python3 - "$dir/meson-logs/testlog.json" <<'PY'
import json, sys
ok = bad = skip = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"):
        ok += 1
    elif r == "SKIP":
        skip += 1
    else:
        bad += 1
print(ok, bad, skip)
PY
)
    # shellcheck disable=SC2086 # three numbers, three words
    set -- $counts
    passed=$((passed + $1))
    failed=$((failed + $2))
    skipped=$((skipped + $3))
done
# A skipped test is neither: it says what it could not run in its log.
[ "$skipped" -eq 0 ] || echo "$skipped skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
