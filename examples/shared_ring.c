/*
 * A ring buffer in a named file mapping, shared by a producer and a
 * consumer that may be built for different widths: a 32-bit producer can
 * feed a 64-bit consumer and the other way round.
 *
 * The rule that makes that work: the shared memory holds no pointers and
 * nothing whose size or alignment depends on the build.
 *   - fixed-width fields only (uint32_t, uint64_t, char arrays): never
 *     long, size_t, pointers, HANDLEs or bool;
 *   - offsets from the start of the mapping instead of pointers: each
 *     process maps the section at its own address;
 *   - explicit padding, and 8-byte alignment stated for 64-bit fields: the
 *     i386 ABI aligns a uint64_t inside a struct on 4 bytes, x86_64 on 8,
 *     so without it the same struct has two layouts;
 *   - _Static_assert on every offset and size, so a build that disagrees
 *     does not compile;
 *   - a magic number, a layout version and the sizes in the header, so a
 *     process meeting an older layout says so instead of misreading it.
 *
 * Synchronisation: two named semaphores count the free and the filled
 * slots (the producer waits for a free one, the consumer for a filled
 * one), and a named mutex serialises setting up the header, so either side
 * may start first. head and tail are atomics each side publishes with
 * release and reads with acquire.
 *
 * Run: shared_ring                          a producer and a consumer child
 *      shared_ring producer NAME COUNT      one side each, in any order
 *      shared_ring consumer NAME COUNT
 * Exit status: 0 done, 1 failed, 3 no winhandle server would talk to us
 * (for instance one from another build of winhandle).
 */
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

/* ---- the shared layout: the same bytes in every build ---- */

#define RING_MAGIC 0x474e4952u /* "RING" */
#define RING_LAYOUT 1u
#define RING_SLOTS 64u         /* a power of two: index = counter % slots */
#define RING_TEXT 100u

enum ring_kind { RING_DATA = 1, RING_END = 2 };

struct ring_header {
    uint32_t magic;          /* RING_MAGIC once set up */
    uint32_t layout;         /* RING_LAYOUT */
    uint32_t header_size;    /* sizeof(struct ring_header) */
    uint32_t slot_size;      /* sizeof(struct ring_message) */
    uint32_t slot_count;     /* RING_SLOTS */
    uint32_t slots_offset;   /* where slot 0 starts, from the mapping's start */
    atomic_uint head;        /* messages written, ever (wraps at 2^32) */
    atomic_uint tail;        /* messages read, ever */
    uint32_t producer_bits;  /* 32 or 64: who is talking, for the record */
    uint32_t consumer_bits;
    uint32_t reserved[6];
};

struct ring_message {
    uint32_t kind;           /* enum ring_kind */
    uint32_t length;         /* bytes of text */
    _Alignas(8) uint64_t sequence; /* without _Alignas, i386 aligns the struct on 4 */
    uint32_t producer_bits;
    uint32_t reserved;       /* explicit padding: no hole the compiler chooses */
    char text[RING_TEXT];
    char pad[4];             /* to a multiple of 8, so arrays have one stride */
};

_Static_assert(sizeof(atomic_uint) == 4 && ATOMIC_INT_LOCK_FREE == 2,
               "head and tail are plain lock-free 32-bit words");
_Static_assert(offsetof(struct ring_header, slots_offset) == 20, "header layout");
_Static_assert(offsetof(struct ring_header, head) == 24, "header layout");
_Static_assert(offsetof(struct ring_header, tail) == 28, "header layout");
_Static_assert(offsetof(struct ring_header, consumer_bits) == 36, "header layout");
_Static_assert(sizeof(struct ring_header) == 64, "header layout");
_Static_assert(offsetof(struct ring_message, sequence) == 8, "message layout");
_Static_assert(offsetof(struct ring_message, producer_bits) == 16, "message layout");
_Static_assert(offsetof(struct ring_message, text) == 24, "message layout");
_Static_assert(sizeof(struct ring_message) == 128, "message layout");
_Static_assert(_Alignof(struct ring_message) == 8, "the same stride in both widths");

#define RING_SIZE (sizeof(struct ring_header) + RING_SLOTS * sizeof(struct ring_message))

/* ---- one side's view of the ring ---- */

struct ring {
    char *base;              /* this process's address of the mapping */
    struct ring_header *hdr;
    HANDLE section, free_slots, filled_slots;
};

static const unsigned my_bits = sizeof(void *) * 8;

/* Slot i, found by offset: never a stored pointer. */
static struct ring_message *slot(const struct ring *r, uint32_t counter)
{
    uint32_t index = counter % r->hdr->slot_count;
    return (struct ring_message *)(r->base + r->hdr->slots_offset +
                                   (size_t)index * r->hdr->slot_size);
}

static int fail(const char *what)
{
    DWORD error = GetLastError();
    fprintf(stderr, "shared_ring (%u-bit): %s failed: error %u\n", my_bits, what,
            (unsigned)error);
    return error == ERROR_SERVICE_NOT_ACTIVE ? 3 : 1;
}

static void name_of(char *out, size_t len, const char *ring, const char *what)
{
    snprintf(out, len, "Local\\%s-%s", ring, what);
}

/* Create or open the section and its semaphores; the first side to get
 * the set-up mutex writes the header, the other checks it. */
static int ring_open(struct ring *r, const char *name)
{
    char n[MAX_PATH];
    name_of(n, sizeof(n), name, "setup");
    HANDLE setup = CreateMutexA(NULL, FALSE, n);
    if (!setup || WaitForSingleObject(setup, 10000) != WAIT_OBJECT_0)
        return fail("CreateMutexA (set-up lock)");
    int status = 0;
    name_of(n, sizeof(n), name, "ring");
    r->section = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
                                    (DWORD)RING_SIZE, n);
    int fresh = r->section && GetLastError() != ERROR_ALREADY_EXISTS;
    r->base = r->section ? MapViewOfFile(r->section, FILE_MAP_ALL_ACCESS, 0, 0, 0) : NULL;
    if (!r->base) {
        status = fail("CreateFileMappingA/MapViewOfFile");
        goto out;
    }
    r->hdr = (struct ring_header *)r->base;
    if (fresh) { /* new pages are zero: head = tail = 0 already */
        r->hdr->layout = RING_LAYOUT;
        r->hdr->header_size = sizeof(struct ring_header);
        r->hdr->slot_size = sizeof(struct ring_message);
        r->hdr->slot_count = RING_SLOTS;
        r->hdr->slots_offset = sizeof(struct ring_header);
        r->hdr->magic = RING_MAGIC;
    } else if (r->hdr->magic != RING_MAGIC || r->hdr->layout != RING_LAYOUT ||
               r->hdr->header_size != sizeof(struct ring_header) ||
               r->hdr->slot_size != sizeof(struct ring_message)) {
        fprintf(stderr, "shared_ring (%u-bit): the ring has another layout\n", my_bits);
        status = 1;
        goto out;
    }
    name_of(n, sizeof(n), name, "free");
    r->free_slots = CreateSemaphoreA(NULL, RING_SLOTS, RING_SLOTS, n);
    name_of(n, sizeof(n), name, "filled");
    r->filled_slots = CreateSemaphoreA(NULL, 0, RING_SLOTS, n);
    if (!r->free_slots || !r->filled_slots)
        status = fail("CreateSemaphoreA");
out:
    ReleaseMutex(setup);
    CloseHandle(setup);
    return status;
}

static void ring_close(struct ring *r)
{
    UnmapViewOfFile(r->base);
    CloseHandle(r->section);
    CloseHandle(r->free_slots);
    CloseHandle(r->filled_slots);
}

static void message_text(char *out, uint64_t sequence, uint32_t bits)
{
    snprintf(out, RING_TEXT, "message %llu from a %u-bit producer",
             (unsigned long long)sequence, (unsigned)bits);
}

static int produce(const char *name, uint32_t count)
{
    struct ring r;
    int status = ring_open(&r, name);
    if (status)
        return status;
    r.hdr->producer_bits = my_bits;
    for (uint32_t i = 0; i <= count && !status; i++) {
        if (WaitForSingleObject(r.free_slots, 10000) != WAIT_OBJECT_0) {
            status = fail("waiting for a free slot");
            break;
        }
        /* Only the producer moves head: a relaxed read of our own value. */
        uint32_t head = atomic_load_explicit(&r.hdr->head, memory_order_relaxed);
        struct ring_message *m = slot(&r, head);
        m->kind = i < count ? RING_DATA : RING_END;
        m->sequence = i;
        m->producer_bits = my_bits;
        message_text(m->text, i, my_bits);
        m->length = (uint32_t)strlen(m->text);
        /* Release: the message is complete before head says so. */
        atomic_store_explicit(&r.hdr->head, head + 1, memory_order_release);
        if (!ReleaseSemaphore(r.filled_slots, 1, NULL))
            status = fail("ReleaseSemaphore");
    }
    if (!status)
        printf("producer (%u-bit): %u messages sent\n", my_bits, (unsigned)count);
    ring_close(&r);
    return status;
}

static int consume(const char *name, uint32_t count)
{
    struct ring r;
    int status = ring_open(&r, name);
    if (status)
        return status;
    r.hdr->consumer_bits = my_bits;
    uint32_t received = 0, peer_bits = 0;
    for (int end = 0; !end && !status;) {
        if (WaitForSingleObject(r.filled_slots, 10000) != WAIT_OBJECT_0) {
            status = fail("waiting for a message");
            break;
        }
        uint32_t tail = atomic_load_explicit(&r.hdr->tail, memory_order_relaxed);
        /* Acquire: everything written before the producer's head store. */
        if (atomic_load_explicit(&r.hdr->head, memory_order_acquire) == tail) {
            fprintf(stderr, "consumer: a filled slot but no message\n");
            status = 1;
            break;
        }
        const struct ring_message *m = slot(&r, tail);
        char want[RING_TEXT];
        message_text(want, m->sequence, m->producer_bits);
        end = m->kind == RING_END;
        if ((!end && m->kind != RING_DATA) || m->sequence != received ||
            m->length != strlen(want) || memcmp(m->text, want, m->length)) {
            fprintf(stderr, "consumer (%u-bit): message %u is not what was sent\n", my_bits,
                    (unsigned)received);
            status = 1;
        }
        peer_bits = m->producer_bits;
        /* Release: we are done reading the slot before it is free again. */
        atomic_store_explicit(&r.hdr->tail, tail + 1, memory_order_release);
        ReleaseSemaphore(r.free_slots, 1, NULL);
        received += !end;
    }
    if (!status && received != count) {
        fprintf(stderr, "consumer: %u messages, %u expected\n", (unsigned)received,
                (unsigned)count);
        status = 1;
    }
    if (!status)
        printf("consumer (%u-bit): %u messages from a %u-bit producer, in order and intact\n",
               my_bits, (unsigned)received, (unsigned)peer_bits);
    ring_close(&r);
    return status;
}

/* No arguments: play the producer and start a consumer child. */
static int demo(void)
{
    char self[MAX_PATH], name[64], cmd[MAX_PATH + 128];
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(name, sizeof(name), "shared-ring-%u", (unsigned)GetCurrentProcessId());
    snprintf(cmd, sizeof(cmd), "\"%s\" consumer %s 1000", self, name);
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return fail("CreateProcessA");
    int status = produce(name, 1000);
    DWORD code = 1;
    WaitForSingleObject(pi.hProcess, 20000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return status ? status : (int)code;
}

int main(int argc, char **argv)
{
    if (argc == 1)
        return demo();
    if (argc != 4 || (strcmp(argv[1], "producer") && strcmp(argv[1], "consumer"))) {
        fprintf(stderr, "usage: shared_ring [producer|consumer NAME COUNT]\n");
        return 2;
    }
    uint32_t count = (uint32_t)strtoul(argv[3], NULL, 10);
    return !strcmp(argv[1], "producer") ? produce(argv[2], count) : consume(argv[2], count);
}
