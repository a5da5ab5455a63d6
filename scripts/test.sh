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

setup build
setup build-i386 --cross-file cross/i386.ini
setup build-asan -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fno-sanitize-recover=all -Dbuildtype=debug

passed=0
failed=0
for dir in build build-i386 build-asan; do
    echo "=== $dir ==="
    ninja -C "$dir" >/dev/null
    meson test -C "$dir" --no-rebuild --print-errorlogs || true
    counts=$(python3 - "$dir/meson-logs/testlog.json" <<'PY'
import json, sys
ok = bad = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL", "SKIP"):
        ok += 1
    else:
        bad += 1
print(ok, bad)
PY
)
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
