#!/bin/sh
# The shared ring example (examples/shared_ring.c) between two processes.
#
#   test_ring_widths.sh OWN              producer and consumer both OWN
#   test_ring_widths.sh OWN PEER...      OWN against the first PEER that is
#                                        a shared_ring of the other width,
#                                        each side producing once
#
# A Meson build dir has one width, so the other width's binary comes from
# another build dir: tests/meson.build passes the likely ones (the sibling
# "-i386" dir of a 64-bit build, the 64-bit sibling of an "-i386" one, and
# "build-i386"/"build" beside it); $WINHANDLE_RING_PEER, if set, is tried
# first. No such binary: "skipped", exit 77, Meson's skip. A peer from a
# build whose library this server does not speak with (an older protocol:
# the peer exits 3) is skipped too, with the reason: rebuild it.
#
# Runs under tests/harness/isolate.sh, which sets WINHANDLE_DIR.
set -u
own=$1
shift

# ELF class: 1 for 32-bit, 2 for 64-bit; empty if not an ELF file.
elf_class() {
    [ -f "$1" ] && [ -x "$1" ] || return 0
    od -An -j4 -N1 -tu1 "$1" 2>/dev/null | tr -d ' '
}

# One ring: the consumer in the background, the producer here. Prints
# the two exit codes, producer first; the programs' own lines go to stderr.
status_of_pair() { # PRODUCER CONSUMER RING
    "$2" consumer "$3" 3000 >&2 &
    c=$!
    "$1" producer "$3" 3000 >&2
    p=$?
    wait "$c"
    echo "$p $?"
}

# shellcheck disable=SC2046 # the two codes are two words on purpose
if [ $# -eq 0 ]; then
    set -- $(status_of_pair "$own" "$own" "ring-same-$$")
    [ "$1" -eq 0 ] && [ "$2" -eq 0 ] && exit 0
    echo "same width: producer exited $1, consumer $2" >&2
    exit 1
fi

mine=$(elf_class "$own")
peer=
for candidate in ${WINHANDLE_RING_PEER:-} "$@"; do
    class=$(elf_class "$candidate")
    if [ -n "$class" ] && [ "$class" != "$mine" ]; then
        peer=$candidate
        break
    fi
done
if [ -z "$peer" ]; then
    echo "skipped: no shared_ring of the other width (looked at: $*)"
    exit 77
fi
echo "other width: $peer"

# Own producer, peer consumer; then the other way round.
# shellcheck disable=SC2046
set -- $(status_of_pair "$own" "$peer" "ring-a-$$") $(status_of_pair "$peer" "$own" "ring-b-$$")
own_codes="$1 $4"
peer_codes="$2 $3"
case " $peer_codes " in
*" 3 "*)
    echo "skipped: $peer cannot talk to this build's server (out of date? rebuild it)"
    exit 77
    ;;
esac
if [ "$own_codes $peer_codes" = "0 0 0 0" ]; then
    exit 0
fi
echo "cross width: own producer $1, peer consumer $2; peer producer $3, own consumer $4" >&2
exit 1
