/*
 * File mappings: Windows' "Section" objects.
 *
 * A section is a descriptor and a size. Backed by the page file, the
 * descriptor is a memfd the server creates (sparse: untouched pages cost
 * nothing); backed by a file, it is the file object's own descriptor,
 * duplicated, so the section outlives the file handle as on Windows.
 *
 * The server never maps anything. map_view checks a view against the
 * handle's rights, the section's protection and its size, then hands the
 * client a descriptor to mmap: a read-only one unless the view writes
 * through to the section, so the kernel enforces what the handle allows.
 * A view holds the descriptor, not the object: the section's last handle
 * takes its name away even while views remain, as on Windows.
 */
#define _FILE_OFFSET_BITS 64 /* sections above 2 GiB in the 32-bit server */

#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errors.h"
#include "file_rights.h"
#include "handle.h"
#include "log.h"
#include "namespace.h"
#include "object.h"
#include "request.h"

#define SECTION_QUERY_ 0x0001u
#define SECTION_MAP_WRITE_ 0x0002u
#define SECTION_MAP_READ_ 0x0004u
#define SECTION_MAP_EXECUTE_ 0x0008u
#define SECTION_EXTEND_SIZE_ 0x0010u
#define SECTION_ALL_ACCESS_ 0x000f001fu
#define STANDARD_RIGHTS_WRITE_ 0x00020000u
#define STANDARD_RIGHTS_EXECUTE_ 0x00020000u

#define PAGE_NOACCESS_ 0x01u
#define PAGE_READONLY_ 0x02u
#define PAGE_READWRITE_ 0x04u
#define PAGE_WRITECOPY_ 0x08u
#define PAGE_EXECUTE_ 0x10u
#define PAGE_EXECUTE_READ_ 0x20u
#define PAGE_EXECUTE_READWRITE_ 0x40u
#define PAGE_EXECUTE_WRITECOPY_ 0x80u

#define SEC_IMAGE_ 0x01000000u
#define SEC_RESERVE_ 0x04000000u
#define SEC_COMMIT_ 0x08000000u
#define SEC_NOCACHE_ 0x10000000u
#define SEC_WRITECOMBINE_ 0x40000000u
#define SEC_LARGE_PAGES_ 0x80000000u
/* Attributes that change nothing here (caching, page size) but are valid. */
#define SEC_HINTS_ (SEC_NOCACHE_ | SEC_WRITECOMBINE_ | SEC_LARGE_PAGES_)

struct mapping {
    struct object obj;
    int fd;           /* memfd, or a duplicate of the file's descriptor */
    uint64_t size;    /* what views may cover */
    uint32_t protect; /* PAGE_* | SEC_* as created */
    int file_backed;
};

static void mapping_dump(struct object *obj, uint32_t state[4])
{
    struct mapping *m = (struct mapping *)obj;
    state[0] = (uint32_t)m->size;
    state[1] = (uint32_t)(m->size >> 32);
    state[2] = m->protect;
    state[3] = (uint32_t)m->file_backed;
}

static void mapping_destroy(struct object *obj)
{
    struct mapping *m = (struct mapping *)obj;
    if (m->fd >= 0)
        close(m->fd);
}

static const struct generic_mapping section_generic_mapping = {
    .read = STANDARD_RIGHTS_READ_ | SECTION_QUERY_ | SECTION_MAP_READ_,
    .write = STANDARD_RIGHTS_WRITE_ | SECTION_MAP_WRITE_,
    .execute = STANDARD_RIGHTS_EXECUTE_ | SECTION_MAP_EXECUTE_,
    .all = SECTION_ALL_ACCESS_,
};

/* No signaled op: a section cannot be waited on (the wait fails with
 * ERROR_INVALID_HANDLE, as Windows' type mismatch does). No get_fd either:
 * descriptors go out only through map_view, which checks the view. */
const struct object_ops mapping_ops = {
    .type_name = "Section",
    .type = WH_TYPE_MAPPING,
    .mapping = &section_generic_mapping,
    .satisfied = no_satisfied,
    .signal = no_signal,
    .dump = mapping_dump,
    .destroy = mapping_destroy,
};

/* ---- protections ---- */

static int page_writes(uint32_t page)
{
    return page == PAGE_READWRITE_ || page == PAGE_EXECUTE_READWRITE_;
}

static int page_executes(uint32_t page)
{
    return page == PAGE_EXECUTE_ || page == PAGE_EXECUTE_READ_ ||
           page == PAGE_EXECUTE_READWRITE_ || page == PAGE_EXECUTE_WRITECOPY_;
}

/* A section's protection: one of the six that CreateFileMappingA takes. */
static int valid_section_page(uint32_t page)
{
    return page == PAGE_READONLY_ || page == PAGE_READWRITE_ || page == PAGE_WRITECOPY_ ||
           page == PAGE_EXECUTE_READ_ || page == PAGE_EXECUTE_READWRITE_ ||
           page == PAGE_EXECUTE_WRITECOPY_;
}

/* The SEC_* part: exactly one of commit, reserve or image, plus hints.
 * An image would need a PE loader: there is none, so nothing is one. */
static uint32_t check_section_flags(uint32_t sec)
{
    uint32_t kind = sec & ~SEC_HINTS_;
    if (kind == SEC_IMAGE_)
        return ERR_BAD_EXE_FORMAT;
    if (kind != SEC_COMMIT_ && kind != SEC_RESERVE_)
        return ERR_INVALID_PARAMETER;
    return 0;
}

/* The section rights a view of this protection needs: writing needs
 * only SECTION_MAP_WRITE, anything else (no access included) reading,
 * and executing adds SECTION_MAP_EXECUTE (Wine shows the same). */
static uint32_t view_rights(uint32_t page)
{
    switch (page) {
    case PAGE_READWRITE_: return SECTION_MAP_WRITE_;
    case PAGE_EXECUTE_READWRITE_: return SECTION_MAP_WRITE_ | SECTION_MAP_EXECUTE_;
    case PAGE_EXECUTE_: return SECTION_MAP_EXECUTE_;
    case PAGE_EXECUTE_READ_:
    case PAGE_EXECUTE_WRITECOPY_: return SECTION_MAP_READ_ | SECTION_MAP_EXECUTE_;
    default: return SECTION_MAP_READ_;
    }
}

static int valid_view_page(uint32_t page)
{
    return page == PAGE_NOACCESS_ || page == PAGE_EXECUTE_ || valid_section_page(page);
}

/* ---- the backing ---- */

static uint32_t page_file_backing(struct mapping *m, uint64_t size)
{
    /* The page file hands out whole pages, so a view may cover the
     * rounded-up size (Wine and Windows agree). */
    uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
    if (size > (uint64_t)INT64_MAX - page)
        return ERR_INVALID_PARAMETER;
    m->size = (size + page - 1) & ~(page - 1);
    m->fd = memfd_create("winhandle section", MFD_CLOEXEC);
    if (m->fd < 0)
        return ERR_NO_SYSTEM_RESOURCES;
    /* Sparse: a section bigger than memory costs nothing until touched. */
    if (ftruncate(m->fd, (off_t)m->size) < 0)
        return ERR_NOT_ENOUGH_MEMORY;
    return 0;
}

/* The file a file-backed section maps, checked before the name is looked
 * up (as Windows creates the section first): a descriptor of a regular
 * file opened with the rights the protection needs. */
static uint32_t section_file(struct request_ctx *ctx, uint32_t handle, uint32_t page,
                             int *fd, struct stat *st)
{
    uint32_t error, flags;
    uint32_t rights = FILE_READ_DATA_;
    if (page_writes(page))
        rights |= FILE_WRITE_DATA_;
    if (page_executes(page))
        rights |= FILE_EXECUTE_;
    struct object *file = get_handle_obj(ctx->thread, handle, rights, &file_ops, &error);
    if (!file)
        return error;
    if ((error = file_ops.get_fd(file, fd, &flags)))
        return error;
    if (fstat(*fd, st) < 0 || !S_ISREG(st->st_mode)) {
        close(*fd);
        *fd = -1;
        return ERR_INVALID_HANDLE;
    }
    return 0;
}

/* Size a file-backed section: 0 means the file's size, which must not be
 * 0; a larger size grows the file if the section may write, and is
 * refused otherwise, as Windows does. */
static uint32_t file_backing(struct mapping *m, int fd, const struct stat *st, uint64_t size)
{
    m->fd = fd;
    m->file_backed = 1;
    m->size = size ? size : (uint64_t)st->st_size;
    if (!m->size)
        return ERR_FILE_INVALID;
    if (m->size > (uint64_t)st->st_size) {
        if (!page_writes(m->protect & 0xffu))
            return ERR_NOT_ENOUGH_MEMORY;
        if (m->size > (uint64_t)INT64_MAX || ftruncate(fd, (off_t)m->size) < 0)
            return ERR_DISK_FULL;
    }
    return 0;
}

DECL_HANDLER(create_mapping)
{
    uint32_t page = req->protect & 0xffffu, sec = req->protect & 0xffff0000u;
    int existed, fd = -1;
    struct stat st;

    if (req->name_len != ctx->data_len || !valid_section_page(page) || req->reserved) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if ((ctx->error = check_section_flags(sec)))
        return;
    if (!req->file && !req->size) {
        ctx->error = ERR_INVALID_PARAMETER; /* the page file needs a size */
        return;
    }
    if (req->file && (ctx->error = section_file(ctx, req->file, page, &fd, &st)))
        return;
    struct mapping *m = (struct mapping *)create_named_object(
        &mapping_ops, sizeof(*m), ctx->data, req->name_len, &existed, &ctx->error);
    if (!m)
        goto done;
    if (!existed) {
        m->fd = -1;
        m->protect = req->protect;
        if (fd >= 0) {
            ctx->error = file_backing(m, fd, &st, req->size);
            fd = -1; /* the section owns it now */
        } else {
            ctx->error = page_file_backing(m, req->size);
        }
        if (ctx->error) {
            release_object(&m->obj);
            goto done;
        }
    }
    reply->existed = (uint32_t)existed;
    reply->handle = alloc_handle_for(ctx, &m->obj, req->access, req->inherit);
    release_object(&m->obj);
done:
    if (fd >= 0)
        close(fd);
}

/* ---- views ---- */

static uint32_t check_range(const struct mapping *m, uint64_t offset, uint64_t *size)
{
    if (offset >= m->size)
        return ERR_INVALID_PARAMETER;
    if (!*size)
        *size = m->size - offset;
    else if (*size > m->size - offset)
        return ERR_ACCESS_DENIED; /* STATUS_INVALID_VIEW_SIZE */
    return 0;
}

DECL_HANDLER(map_view)
{
    uint32_t page = req->protect;
    if (!valid_view_page(page)) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if (req->offset % WH_ALLOCATION_GRANULARITY) {
        ctx->error = ERR_MAPPED_ALIGNMENT;
        return;
    }
    struct mapping *m = (struct mapping *)get_handle_obj(
        ctx->thread, req->handle, view_rights(page), &mapping_ops, &ctx->error);
    if (!m)
        return;
    /* Views stay within the section's protection: documented for
     * MapViewOfFile, and Windows' STATUS_SECTION_PROTECTION (Wine lets a
     * handle with every right past it). */
    uint32_t section_page = m->protect & 0xffu;
    if ((page_writes(page) && !page_writes(section_page)) ||
        (page_executes(page) && !page_executes(section_page))) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    uint64_t size = req->size;
    if ((ctx->error = check_range(m, req->offset, &size)))
        return;
    ctx->error = page_writes(page) ? dup_for_client(m->fd, &ctx->reply_fd)
                                   : read_only_for_client(m->fd, &ctx->reply_fd);
    reply->size = size;
}
