/*
 * File mappings between real processes: a section shared by name, by
 * inheritance and by DuplicateHandle, each side seeing the other's writes
 * while both run; a view outliving every handle in both processes; a
 * 1 GiB section shared by two processes (touched sparsely: the memfd is
 * sparse, so this costs a few pages); and sizes and offsets a hostile or
 * careless program might pass, which must fail cleanly.
 *
 * The test re-executes itself to play the other process ("self ROLE ...").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

#define KB64 0x10000u
#define GIB 0x40000000u
#define MIB 0x100000u

static unsigned long my_pid;

/* "mapping-PID-what": names private to this run. */
static const char *name_of(const char *what, unsigned long pid)
{
    static char name[4][64];
    static int next;
    char *n = name[next++ % 4];
    snprintf(n, sizeof(name[0]), "mapping-%lu-%s", pid, what);
    return n;
}

/*
 * The conversation both sides of a live sharing test hold: the parent
 * writes 1 at [0] and sets "ping"; the child sees it, writes 2 at [4096]
 * and sets "pong"; the parent sees that. Exit code: bits of failures.
 */
static int child_converse(volatile char *view, unsigned long parent)
{
    HANDLE ping = OpenEventA(SYNCHRONIZE, FALSE, name_of("ping", parent));
    HANDLE pong = OpenEventA(EVENT_MODIFY_STATE, FALSE, name_of("pong", parent));
    if (!ping || !pong)
        return 2;
    if (WaitForSingleObject(ping, 20000) != WAIT_OBJECT_0)
        return 4;
    int fail = view[0] == 1 ? 0 : 8;
    view[0] = 0; /* ready for the next conversation */
    view[4096] = 2;
    SetEvent(pong);
    CloseHandle(ping);
    CloseHandle(pong);
    return fail;
}

/* Made before any child starts, so a child never looks for them early. */
static HANDLE ping, pong;

static int parent_converse(volatile char *view, const char *how)
{
    view[0] = 1;
    SetEvent(ping);
    int got = WaitForSingleObject(pong, 20000) == WAIT_OBJECT_0 && view[4096] == 2;
    ok(got, "%s: each process sees the other's write", how);
    return got;
}

/* ---- children ---- */

static int child_by_name(unsigned long parent)
{
    HANDLE h = OpenFileMappingA(FILE_MAP_WRITE, FALSE, name_of("named", parent));
    char *v = h ? MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    if (!v)
        return 1;
    return child_converse(v, parent);
}

static int child_by_value(const char *value, unsigned long parent)
{
    HANDLE h = (HANDLE)(uintptr_t)strtoul(value, NULL, 0);
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    if (!v)
        return 1;
    return child_converse(v, parent);
}

/* The duplicated handle's value comes through a small named section, the
 * "mailbox", once the parent sets "posted". The handle is read-only: a
 * view for writing must be refused, one for reading work. */
static int child_duplicated(unsigned long parent)
{
    HANDLE box = OpenFileMappingA(FILE_MAP_READ, FALSE, name_of("mailbox", parent));
    HANDLE posted = OpenEventA(SYNCHRONIZE, FALSE, name_of("posted", parent));
    volatile uint32_t *mail = box ? MapViewOfFile(box, FILE_MAP_READ, 0, 0, 0) : NULL;
    if (!mail || !posted || WaitForSingleObject(posted, 20000) != WAIT_OBJECT_0)
        return 1;
    HANDLE rw = (HANDLE)(uintptr_t)mail[0], ro = (HANDLE)(uintptr_t)mail[1];
    if (MapViewOfFile(ro, FILE_MAP_WRITE, 0, 0, 0) || GetLastError() != ERROR_ACCESS_DENIED)
        return 16;
    volatile char *r = MapViewOfFile(ro, FILE_MAP_READ, 0, 0, 0);
    char *v = MapViewOfFile(rw, FILE_MAP_WRITE, 0, 0, 0);
    if (!r || !v)
        return 32;
    int fail = child_converse(v, parent);
    return fail | (r[4096] == 2 ? 0 : 64);
}

/* Map the section, close the handle, say so, then keep talking through
 * the view alone: the parent does the same. */
static int child_outlives(unsigned long parent)
{
    HANDLE h = OpenFileMappingA(FILE_MAP_WRITE, FALSE, name_of("outlive", parent));
    HANDLE mapped = OpenEventA(EVENT_MODIFY_STATE, FALSE, name_of("mapped", parent));
    char *v = h ? MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    if (!v || !mapped || !CloseHandle(h) || !SetEvent(mapped))
        return 1;
    CloseHandle(mapped);
    return child_converse(v, parent);
}

/* The 1 GiB section: check the parent's byte in every MiB, write ours. */
static int child_big(unsigned long parent)
{
    HANDLE h = OpenFileMappingA(FILE_MAP_ALL_ACCESS, FALSE, name_of("big", parent));
    volatile unsigned char *v = h ? MapViewOfFile(h, FILE_MAP_ALL_ACCESS, 0, 0, 0) : NULL;
    if (!v)
        return 1;
    int fail = 0;
    for (uint32_t off = 0; off < GIB; off += MIB) {
        if (v[off] != (unsigned char)(off / MIB * 7 + 1))
            fail |= 2;
        v[off + 512] = (unsigned char)(off / MIB * 3 + 5);
    }
    v[GIB - 1] = 0xee;
    UnmapViewOfFile((void *)v);
    CloseHandle(h);
    return fail;
}

/* ---- tests ---- */

static void by_name(void)
{
    HANDLE h = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, KB64,
                                  name_of("named", my_pid));
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "name %lu", my_pid);
    ok(v && spawn_self(args, FALSE, NULL, &pi), "by name: a section and a child");
    parent_converse(v, "by name");
    ok(finish_child(&pi) == 0, "by name: the child opened it by name");
    UnmapViewOfFile(v);
    CloseHandle(h);
}

static void by_inheritance(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE h = CreateFileMappingA(INVALID_HANDLE_VALUE, &sa, PAGE_READWRITE, 0, KB64, NULL);
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "value %lu %lu", (unsigned long)(uintptr_t)h, my_pid);
    ok(v && spawn_self(args, TRUE, NULL, &pi), "by inheritance: an unnamed inheritable section");
    parent_converse(v, "by inheritance");
    ok(finish_child(&pi) == 0, "by inheritance: the child mapped the inherited handle");

    /* Not inheritable: the same value means nothing in the child. */
    SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0);
    snprintf(args, sizeof(args), "value %lu %lu", (unsigned long)(uintptr_t)h, my_pid);
    ok(spawn_self(args, TRUE, NULL, &pi) && finish_child(&pi) == 1,
       "without the inherit flag the child has no such handle");
    UnmapViewOfFile(v);
    CloseHandle(h);
}

static void by_duplication(void)
{
    HANDLE h = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, KB64, NULL);
    HANDLE box = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                                    name_of("mailbox", my_pid));
    HANDLE posted = CreateEventA(NULL, TRUE, FALSE, name_of("posted", my_pid));
    uint32_t *mail = MapViewOfFile(box, FILE_MAP_WRITE, 0, 0, 0);
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "dup %lu", my_pid);
    ok(v && mail && spawn_self(args, FALSE, NULL, &pi), "by duplication: a section and a child");
    HANDLE rw = NULL, ro = NULL;
    ok(DuplicateHandle(GetCurrentProcess(), h, pi.hProcess, &rw, 0, FALSE,
                       DUPLICATE_SAME_ACCESS) &&
           DuplicateHandle(GetCurrentProcess(), h, pi.hProcess, &ro, FILE_MAP_READ, FALSE, 0),
       "by duplication: duplicated into the child, read-write and read-only");
    mail[0] = (uint32_t)(uintptr_t)rw;
    mail[1] = (uint32_t)(uintptr_t)ro;
    SetEvent(posted);
    parent_converse(v, "by duplication");
    ok(finish_child(&pi) == 0, "by duplication: the read-only copy maps for reading only");
    UnmapViewOfFile(v);
    UnmapViewOfFile(mail);
    CloseHandle(posted);
    CloseHandle(box);
    CloseHandle(h);
}

static void view_outlives_handles(void)
{
    const char *name = name_of("outlive", my_pid);
    HANDLE h = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, KB64, name);
    HANDLE mapped = CreateEventA(NULL, FALSE, FALSE, name_of("mapped", my_pid));
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "outlive %lu", my_pid);
    ok(v && spawn_self(args, FALSE, NULL, &pi), "outliving: a section and a child");
    /* Once the child has its view and no handle, close ours: no handle
     * to the section is left anywhere. */
    ok(WaitForSingleObject(mapped, 20000) == WAIT_OBJECT_0 && CloseHandle(h),
       "outliving: the child mapped it and closed its handle; so do we");
    SetLastError(0);
    ok(!OpenFileMappingA(FILE_MAP_READ, FALSE, name) && GetLastError() == ERROR_FILE_NOT_FOUND,
       "outliving: the name went with the last handle, views remaining");
    CloseHandle(mapped);
    parent_converse(v, "outliving, through views alone");
    ok(finish_child(&pi) == 0, "outliving: the child's view worked without handles");
    UnmapViewOfFile(v);
}

static void one_gib(void)
{
    HANDLE h = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, GIB,
                                  name_of("big", my_pid));
    volatile unsigned char *v = h ? MapViewOfFile(h, FILE_MAP_ALL_ACCESS, 0, 0, 0) : NULL;
    ok(v != NULL, "1 GiB: a section and a view of all of it");
    if (!v) {
        CloseHandle(h);
        return;
    }
    for (uint32_t off = 0; off < GIB; off += MIB)
        v[off] = (unsigned char)(off / MIB * 7 + 1);
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "big %lu", my_pid);
    ok(spawn_self(args, FALSE, NULL, &pi) && finish_child(&pi) == 0,
       "1 GiB: the child saw a byte of ours in every MiB");
    int seen = 1;
    for (uint32_t off = 0; off < GIB; off += MIB)
        seen &= v[off + 512] == (unsigned char)(off / MIB * 3 + 5);
    ok(seen && v[GIB - 1] == 0xee, "1 GiB: and we see the child's, to the last byte");
    volatile unsigned char *tail = MapViewOfFile(h, FILE_MAP_READ, 0, GIB - KB64, 0);
    ok(tail && tail[KB64 - 1] == 0xee, "1 GiB: a 64 KiB view at its end sees it too");
    UnmapViewOfFile((void *)tail);
    UnmapViewOfFile((void *)v);
    CloseHandle(h);
}

/* Sizes and offsets no section can honour fail with an error; the server
 * goes on serving. */
static void hostile_sizes(void)
{
    static const struct { DWORD high, low; const char *what; } sizes[] = {
        { 0xffffffffu, 0xffffffffu, "2^64 - 1" },
        { 0x80000000u, 0, "2^63" },
        { 0x7fffffffu, 0xffffffffu, "2^63 - 1" },
    };
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        SetLastError(0);
        HANDLE h = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE,
                                      sizes[i].high, sizes[i].low, NULL);
        ok(!h && GetLastError() != 0, "a section of %s bytes fails (%u)", sizes[i].what,
           (unsigned)GetLastError());
        CloseHandle(h);
    }
    HANDLE h = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, KB64, NULL);
    ok(h != NULL, "the server still creates sections");
    SetLastError(0);
    ok(!MapViewOfFile(h, FILE_MAP_READ, 0xffffffffu, 0xffff0000u, 0) &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "an offset near 2^64 is past the end");
    ok(!MapViewOfFile(h, FILE_MAP_READ, 0, 0, (SIZE_T)-1) && GetLastError() == ERROR_ACCESS_DENIED,
       "a view of SIZE_T max bytes is bigger than the section");
    ok(!MapViewOfFile(h, FILE_MAP_READ, 0, KB64, (SIZE_T)-1) &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "an offset at the end with any size is refused");
#if UINTPTR_MAX == 0xffffffffu
    /* 5 GiB cannot fit a 32-bit address space: the view fails, cleanly. */
    HANDLE big = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 1, GIB, NULL);
    SetLastError(0);
    ok(big && !MapViewOfFile(big, FILE_MAP_READ, 0, 0, 0) &&
           GetLastError() == ERROR_NOT_ENOUGH_MEMORY,
       "a whole 5 GiB view in 32 bits is ERROR_NOT_ENOUGH_MEMORY");
    CloseHandle(big);
#endif
    CloseHandle(h);
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc >= 3) {
        unsigned long parent = strtoul(argv[argc - 1], NULL, 10);
        if (!strcmp(argv[1], "name"))
            return child_by_name(parent);
        if (!strcmp(argv[1], "value") && argc == 4)
            return child_by_value(argv[2], parent);
        if (!strcmp(argv[1], "dup"))
            return child_duplicated(parent);
        if (!strcmp(argv[1], "outlive"))
            return child_outlives(parent);
        if (!strcmp(argv[1], "big"))
            return child_big(parent);
        return 99;
    }
    my_pid = GetCurrentProcessId();
    ping = CreateEventA(NULL, FALSE, FALSE, name_of("ping", my_pid));
    pong = CreateEventA(NULL, FALSE, FALSE, name_of("pong", my_pid));
    by_name();
    by_inheritance();
    by_duplication();
    view_outlives_handles();
    one_gib();
    hostile_sizes();
    return tap_done();
}
