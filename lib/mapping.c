/*
 * File mappings: CreateFileMappingA, OpenFileMappingA, MapViewOfFile(Ex),
 * UnmapViewOfFile, FlushViewOfFile.
 *
 * The server keeps sections and checks every view; the library turns
 * Win32 arguments into the kernel-level ones (as kernelbase does on
 * Windows), then maps the descriptor map_view sends. Views start on
 * 64 KiB boundaries, as Windows' do, so a program may hand an address it
 * got back to MapViewOfFileEx.
 */
#define _FILE_OFFSET_BITS 64 /* offsets above 4 GiB in 32-bit builds */

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "private.h"
#include "view_table.h"

/* Linux 4.17; on older kernels it reads as a hint, which we check. */
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define SEC_FLAGS                                                              \
    (SEC_FILE | SEC_IMAGE | SEC_RESERVE | SEC_COMMIT | SEC_NOCACHE | SEC_WRITECOMBINE | \
     SEC_LARGE_PAGES)
#define GRANULARITY ((uintptr_t)WH_ALLOCATION_GRANULARITY)

/* The rights CreateFileMappingA gives its handle: those its protection
 * can use, as Windows does (a read-only section's handle cannot map for
 * writing). 0 for a protection a section cannot have. */
static DWORD section_rights(DWORD page)
{
    const DWORD base = STANDARD_RIGHTS_REQUIRED | SECTION_QUERY | SECTION_MAP_READ;
    switch (page) {
    case PAGE_READONLY:
    case PAGE_WRITECOPY: return base;
    case PAGE_READWRITE: return base | SECTION_MAP_WRITE;
    case PAGE_EXECUTE_READ:
    case PAGE_EXECUTE_WRITECOPY: return base | SECTION_MAP_EXECUTE;
    case PAGE_EXECUTE_READWRITE: return base | SECTION_MAP_WRITE | SECTION_MAP_EXECUTE;
    default: return 0;
    }
}

HANDLE WINAPI CreateFileMappingA(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect,
                                 DWORD size_high, DWORD size_low, LPCSTR name)
{
    uint32_t len, err = check_object_name(name, &len);
    if (err)
        return FAIL(err, NULL);
    DWORD access = section_rights(protect & ~SEC_FLAGS);
    if (!access)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    if (!(protect & SEC_FLAGS))
        protect |= SEC_COMMIT;
    uint64_t size = (uint64_t)size_high << 32 | size_low;
    /* INVALID_HANDLE_VALUE means the page file, which needs a size; NULL
     * reaches the server as "no file" too, as it does on Windows. */
    if (file == INVALID_HANDLE_VALUE) {
        if (!size)
            return FAIL(ERROR_INVALID_PARAMETER, NULL);
        file = NULL;
    }
    struct wh_create_mapping_request req = {
        .access = access,
        .inherit = sa && sa->bInheritHandle,
        .protect = protect,
        .file = handle_to_wire(file),
        .size = size,
        .name_len = len,
    };
    struct wh_create_mapping_reply reply;
    uint32_t error = SERVER_CALL(create_mapping, &req, &reply, name, len);
    return created_handle(error, reply.handle, reply.existed);
}

HANDLE WINAPI OpenFileMappingA(DWORD access, BOOL inherit, LPCSTR name)
{
    /* FILE_MAP_COPY is SECTION_QUERY, which maps nothing: opening "for
     * copy" means for reading, as the documentation says. */
    if (access == FILE_MAP_COPY)
        access = SECTION_MAP_READ;
    return open_named_object(WH_TYPE_MAPPING, access, inherit, name);
}

/* FILE_MAP_* to the view's page protection: writing wins, then reading,
 * then copying; FILE_MAP_EXECUTE adds execution (PAGE_X << 4 is the
 * executable PAGE_X). */
static DWORD view_protection(DWORD access)
{
    DWORD page = PAGE_NOACCESS;
    if (access & FILE_MAP_WRITE)
        page = PAGE_READWRITE;
    else if (access & FILE_MAP_READ)
        page = PAGE_READONLY;
    else if (access & FILE_MAP_COPY)
        page = PAGE_WRITECOPY;
    return (access & FILE_MAP_EXECUTE) ? page << 4 : page;
}

static int mmap_prot(DWORD page)
{
    switch (page) {
    case PAGE_READONLY: return PROT_READ;
    case PAGE_READWRITE:
    case PAGE_WRITECOPY: return PROT_READ | PROT_WRITE;
    case PAGE_EXECUTE: return PROT_EXEC;
    case PAGE_EXECUTE_READ: return PROT_READ | PROT_EXEC;
    case PAGE_EXECUTE_READWRITE:
    case PAGE_EXECUTE_WRITECOPY: return PROT_READ | PROT_WRITE | PROT_EXEC;
    default: return PROT_NONE;
    }
}

static DWORD mmap_error(int err)
{
    switch (err) {
    case EEXIST: return ERROR_INVALID_ADDRESS;
    case EACCES:
    case EPERM: return ERROR_ACCESS_DENIED;
    default: return ERROR_NOT_ENOUGH_MEMORY;
    }
}

/* Map at exactly base, never over anything already there. */
static void *place_at(void *base, size_t size, int prot, int flags, int fd, off_t offset,
                      DWORD *error)
{
    void *p = mmap(base, size, prot, flags | MAP_FIXED_NOREPLACE, fd, offset);
    if (p == MAP_FAILED) {
        *error = mmap_error(errno);
        return NULL;
    }
    if (p != base) { /* a kernel that took the flag for a hint */
        munmap(p, size);
        *error = ERROR_INVALID_ADDRESS;
        return NULL;
    }
    return p;
}

/* Map on a 64 KiB boundary: reserve enough to find one, map there, and
 * give back the slack on both sides. */
static void *place_aligned(size_t size, int prot, int flags, int fd, off_t offset,
                           DWORD *error)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t span = size + GRANULARITY - page;
    char *r = mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r == MAP_FAILED) {
        *error = ERROR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    char *base = (char *)(((uintptr_t)r + GRANULARITY - 1) & ~(GRANULARITY - 1));
    if (mmap(base, size, prot, flags | MAP_FIXED, fd, offset) == MAP_FAILED) {
        *error = mmap_error(errno);
        munmap(r, span);
        return NULL;
    }
    char *end = base + ((size + page - 1) & ~(page - 1));
    if (base > r)
        munmap(r, (size_t)(base - r));
    if (end < r + span)
        munmap(end, (size_t)(r + span - end));
    return base;
}

LPVOID WINAPI MapViewOfFileEx(HANDLE mapping, DWORD access, DWORD offset_high,
                              DWORD offset_low, SIZE_T size, LPVOID base)
{
    if ((uintptr_t)base & (GRANULARITY - 1))
        return FAIL(ERROR_MAPPED_ALIGNMENT, NULL);
    DWORD page = view_protection(access);
    struct wh_map_view_request req = {
        .handle = handle_to_wire(mapping),
        .protect = page,
        .offset = (uint64_t)offset_high << 32 | offset_low,
        .size = size,
    };
    struct wh_map_view_reply reply;
    int fd = -1;
    uint32_t error = SERVER_CALL_RECV_FD(map_view, &req, &reply, NULL, 0, &fd);
    if (error)
        return FAIL(error, NULL);
    if (fd < 0)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    /* A section bigger than this address space, asked for whole. */
    if (reply.size > SIZE_MAX - GRANULARITY) {
        close(fd);
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    }
    size_t len = (size_t)reply.size;
    int copy = page == PAGE_WRITECOPY || page == PAGE_EXECUTE_WRITECOPY;
    int flags = copy ? MAP_PRIVATE : MAP_SHARED;
    DWORD err = 0;
    void *view = base ? place_at(base, len, mmap_prot(page), flags, fd, (off_t)req.offset, &err)
                      : place_aligned(len, mmap_prot(page), flags, fd, (off_t)req.offset, &err);
    close(fd); /* the mapping keeps the memory alive by itself */
    if (!view)
        return FAIL(err, NULL);
    size_t page_size = (size_t)sysconf(_SC_PAGESIZE);
    len = (len + page_size - 1) & ~(page_size - 1);
    if (view_add((uintptr_t)view, len) < 0) {
        munmap(view, len);
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    }
    return view;
}

LPVOID WINAPI MapViewOfFile(HANDLE mapping, DWORD access, DWORD offset_high,
                            DWORD offset_low, SIZE_T size)
{
    return MapViewOfFileEx(mapping, access, offset_high, offset_low, size, NULL);
}

BOOL WINAPI UnmapViewOfFile(LPCVOID address)
{
    struct view v;
    if (view_take((uintptr_t)address, &v) < 0)
        return FAIL(ERROR_INVALID_ADDRESS, FALSE);
    munmap((void *)v.base, v.size);
    return TRUE;
}

/* Write a view's dirty pages to its file and wait for them, as Windows
 * does (FlushFileBuffers then also flushes metadata). Outside any view,
 * mapped memory flushes trivially and unmapped memory is an error, as
 * Wine has it. */
BOOL WINAPI FlushViewOfFile(LPCVOID address, SIZE_T len)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)address & ~(page - 1), end;
    struct view v;
    if (view_find((uintptr_t)address, &v) < 0) {
        if (!address || msync((void *)start, page, MS_ASYNC) < 0)
            return FAIL(ERROR_INVALID_PARAMETER, FALSE);
        return TRUE;
    }
    uintptr_t view_end = v.base + v.size;
    if (len > view_end - (uintptr_t)address)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    end = len ? (uintptr_t)address + len : view_end;
    if (msync((void *)start, end - start, MS_SYNC) < 0)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    return TRUE;
}
