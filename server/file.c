/*
 * Files: a descriptor the library opened, kept here so that every handle
 * to the file, in any process, reaches the same open file description, and
 * so shares one file position as Windows' file objects do.
 *
 * The library opens the path itself (its current directory, its view of
 * the permissions) and sends the descriptor with create_file; the server
 * decides whether the open may stand given the share modes of every other
 * open of the same file (same device and inode) made through winhandle.
 * Opens by programs outside winhandle are not seen: Linux has no
 * mandatory share modes to ask.
 *
 * The standard handles are files too: a process's descriptors 0, 1 and 2
 * wrapped on first use (WH_FILE_STD), without share accounting.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "connection.h"
#include "errors.h"
#include "log.h"
#include "file_rights.h"
#include "handle.h"
#include "list.h"
#include "object.h"
#include "process.h"
#include "request.h"

#define FILE_SHARE_READ_ 0x1u
#define FILE_SHARE_WRITE_ 0x2u
#define FILE_SHARE_DELETE_ 0x4u
#define FILE_SHARE_ALL_ (FILE_SHARE_READ_ | FILE_SHARE_WRITE_ | FILE_SHARE_DELETE_)

/* The rights that take part in share checks; an open with none of them
 * (attributes only) neither checks nor counts, as on Windows. */
#define READ_RIGHTS_ (FILE_READ_DATA_ | FILE_EXECUTE_)
#define WRITE_RIGHTS_ (FILE_WRITE_DATA_ | FILE_APPEND_DATA_)
#define SHARED_RIGHTS_ (READ_RIGHTS_ | WRITE_RIGHTS_ | DELETE_)

struct file {
    struct object obj;
    int fd;
    uint32_t fd_flags;   /* WH_FD_*: the file type and how to move data */
    uint32_t access;     /* of the open: what others' share modes must allow */
    uint32_t sharing;    /* FILE_SHARE_*: what this open allows others */
    uint64_t dev, ino;
    int counted;         /* on open_files, for share checks */
    struct list_entry link;
};

/* Every counted open. A list: share checks walk it, and a session keeps
 * few files open at once through winhandle compared with a hash's cost. */
static struct list_entry open_files = LIST_INIT(open_files);

const struct generic_mapping file_generic_mapping = {
    .read = FILE_GENERIC_READ_,
    .write = FILE_GENERIC_WRITE_,
    .execute = FILE_GENERIC_EXECUTE_,
    .all = FILE_ALL_ACCESS_,
};

uint32_t dup_for_client(int fd, int *out)
{
    *out = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return *out < 0 ? ERR_TOO_MANY_OPEN_FILES : 0;
}

uint32_t read_only_for_client(int fd, int *out)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    *out = open(path, O_RDONLY | O_CLOEXEC);
    if (*out >= 0)
        return 0;
    log_debug("reopening a descriptor read-only failed: handing a duplicate");
    return dup_for_client(fd, out);
}

void raise_descriptor_limit(void)
{
    static int done;
    struct rlimit rl;
    if (done)
        return;
    done = 1;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &rl);
    }
}

int always_signaled(struct object *obj, struct thread *thread)
{
    (void)obj;
    (void)thread;
    return 1;
}

static uint32_t file_get_fd(struct object *obj, int *fd, uint32_t *flags)
{
    struct file *f = (struct file *)obj;
    *flags = f->fd_flags;
    return dup_for_client(f->fd, fd);
}

static void file_dump(struct object *obj, uint32_t state[4])
{
    struct file *f = (struct file *)obj;
    state[0] = f->fd_flags & WH_FD_FILE_TYPE;
    state[1] = f->access;
    state[2] = f->sharing;
}

static void file_destroy(struct object *obj)
{
    struct file *f = (struct file *)obj;
    if (f->counted)
        list_remove(&f->link);
    close(f->fd);
}

const struct object_ops file_ops = {
    .type_name = "File",
    .type = WH_TYPE_FILE,
    .mapping = &file_generic_mapping,
    .signaled = always_signaled,
    .satisfied = no_satisfied,
    .signal = no_signal,
    .dump = file_dump,
    .destroy = file_destroy,
    .get_fd = file_get_fd,
};

/* Would an open with access and sharing be refused by an existing one? */
static int conflicts(const struct file *open, uint32_t access, uint32_t sharing)
{
    return ((access & READ_RIGHTS_) && !(open->sharing & FILE_SHARE_READ_)) ||
           ((access & WRITE_RIGHTS_) && !(open->sharing & FILE_SHARE_WRITE_)) ||
           ((access & DELETE_) && !(open->sharing & FILE_SHARE_DELETE_)) ||
           ((open->access & READ_RIGHTS_) && !(sharing & FILE_SHARE_READ_)) ||
           ((open->access & WRITE_RIGHTS_) && !(sharing & FILE_SHARE_WRITE_)) ||
           ((open->access & DELETE_) && !(sharing & FILE_SHARE_DELETE_));
}

static uint32_t check_sharing(uint64_t dev, uint64_t ino, uint32_t access, uint32_t sharing)
{
    struct list_entry *e;
    if (!(access & SHARED_RIGHTS_))
        return 0;
    LIST_FOR_EACH(e, &open_files) {
        struct file *f = LIST_ENTRY(e, struct file, link);
        if (f->dev == dev && f->ino == ino && conflicts(f, access, sharing))
            return ERR_SHARING_VIOLATION;
    }
    return 0;
}

/* What the descriptor is, for GetFileType and for the library's I/O. */
static uint32_t fd_flags_of(const struct stat *st)
{
    if (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode) || S_ISBLK(st->st_mode))
        return FILE_TYPE_DISK_;
    if (S_ISCHR(st->st_mode))
        return FILE_TYPE_CHAR_;
    if (S_ISFIFO(st->st_mode))
        return FILE_TYPE_PIPE_;
    if (S_ISSOCK(st->st_mode))
        return FILE_TYPE_PIPE_ | WH_FD_SOCKET;
    return FILE_TYPE_UNKNOWN_;
}

/* Never grant data rights the descriptor cannot serve: a handle
 * duplicated elsewhere must not promise what its descriptor refuses. */
static uint32_t clamp_access(int fd, uint32_t access)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || (fl & O_PATH))
        return access & ~(READ_RIGHTS_ | WRITE_RIGHTS_);
    if ((fl & O_ACCMODE) == O_RDONLY)
        access &= ~WRITE_RIGHTS_;
    if ((fl & O_ACCMODE) == O_WRONLY)
        access &= ~READ_RIGHTS_;
    return access;
}

DECL_HANDLER(create_file)
{
    struct stat st;
    raise_descriptor_limit();
    int fd = connection_take_fd(ctx->conn);
    if (fd < 0 || ctx->data_len || (req->flags & ~WH_FILE_STD) ||
        (req->sharing & ~FILE_SHARE_ALL_)) {
        ctx->error = fd < 0 ? ERR_INVALID_HANDLE : ERR_INVALID_PARAMETER;
        goto fail;
    }
    if (fstat(fd, &st) < 0) {
        ctx->error = ERR_INVALID_HANDLE;
        goto fail;
    }
    uint32_t access = clamp_access(fd, map_access_ops(&file_ops, req->access));
    int counted = !(req->flags & WH_FILE_STD) && (access & SHARED_RIGHTS_);
    if (counted && (ctx->error = check_sharing(st.st_dev, st.st_ino, access, req->sharing)))
        goto fail;
    struct file *f = alloc_object(&file_ops, sizeof(*f));
    if (!f) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        goto fail;
    }
    f->fd = fd;
    f->fd_flags = fd_flags_of(&st);
    f->access = access;
    f->sharing = req->sharing;
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    if (counted) {
        f->counted = 1;
        list_add_tail(&open_files, &f->link);
    }
    /* The handle gets exactly the mapped, clamped access. */
    uint32_t error;
    reply->handle = handle_alloc(&ctx->process->handles, &f->obj, access,
                                 req->inherit ? HANDLE_FLAG_INHERIT_ : 0, &error);
    if (!reply->handle)
        ctx->error = error;
    release_object(&f->obj);
    return;
fail:
    if (fd >= 0)
        close(fd);
}

DECL_HANDLER(check_delete)
{
    (void)reply;
    ctx->error = check_sharing(req->dev, req->ino, DELETE_, FILE_SHARE_ALL_);
}
