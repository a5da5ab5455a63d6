# Sourced by the other scripts: install the Debian packages they need.
#   need_packages PKG...   installs the missing ones (as root), or explains.
need_packages() {
    missing=""
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing Debian packages:$missing" >&2
        echo "install them with: sudo apt-get install -y$missing" >&2
        exit 1
    fi
    echo "installing:$missing"
    if [ -z "${WINHANDLE_APT_UPDATED:-}" ]; then
        apt-get update -q >/dev/null
        export WINHANDLE_APT_UPDATED=1
    fi
    # shellcheck disable=SC2086 # the list is words on purpose
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
}

# The packages every build needs.
BUILD_PACKAGES="gcc libc6-dev meson ninja-build pkg-config python3"
