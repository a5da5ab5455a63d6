#!/usr/bin/env bash
# Build winhandle and run the demo: two processes sharing an event, a mutex
# and a semaphore by name, then showing their handles with the inspector.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
# shellcheck disable=SC2086
need_packages $BUILD_PACKAGES

[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null

# A private session, so the demo never meets a server of another build.
WINHANDLE_DIR=$(mktemp -d)
export WINHANDLE_DIR
trap 'build/tools/winhandle server stop >/dev/null 2>&1 || true; rm -rf "$WINHANDLE_DIR"' EXIT
build/examples/shared_objects "$PWD/build/tools/winhandle"
