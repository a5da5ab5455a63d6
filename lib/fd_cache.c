/*
 * The handle -> descriptor cache (see fd_cache.h).
 *
 * Handles are dense small multiples of 4, so the table is indexed by the
 * handle's slot: 4096 pages of 4096 entries cover Windows' 2^24 handles
 * per process, and a page exists only once a handle in its range was used
 * for I/O. One mutex guards the table and the reference counts; nobody
 * holds it across a system call that can block.
 */
#include "fd_cache.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "private.h"
#include "process_page.h"

#define PAGE_BITS 12u
#define PAGE_SIZE_ (1u << PAGE_BITS)
#define PAGES (WH_MAX_HANDLES / PAGE_SIZE_)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct fd_ref **pages[PAGES];
/* Bumped by every fd_forget: a descriptor fetched while a forget ran may
 * belong to the value's previous object, so it is used once, not kept. */
static uint64_t forget_epoch;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;
/* The process page, mapped read-only on first use; NULL if the server
 * could not give it (then nothing is ever re-checked). */
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;
static const struct wh_process_page *process_page;
static int process_page_asked; /* set under page_lock, once the page is there */

/* The slot of a handle value, or -1 for values that are never table
 * entries (pseudo-handles, out of range). The two low bits are tags. */
static int64_t slot_of(HANDLE handle)
{
    uint32_t v = handle_to_wire(handle) & ~3u;
    if (!v || v / 4 > WH_MAX_HANDLES)
        return -1;
    return v / 4 - 1;
}

static struct fd_ref **entry_at(int64_t slot, int create)
{
    struct fd_ref ***page = &pages[slot >> PAGE_BITS];
    if (!*page) {
        if (!create)
            return NULL;
        *page = calloc(PAGE_SIZE_, sizeof(**page));
        if (!*page)
            return NULL;
    }
    return &(*page)[slot & (PAGE_SIZE_ - 1)];
}

static void unref_locked(struct fd_ref *ref)
{
    if (--ref->refs)
        return;
    close(ref->fd);
    pthread_mutex_destroy(&ref->read_lock);
    free(ref);
}

void fd_put(struct fd_ref *ref)
{
    pthread_mutex_lock(&lock);
    unref_locked(ref);
    pthread_mutex_unlock(&lock);
}

void fd_forget(HANDLE handle)
{
    int64_t slot = slot_of(handle);
    pthread_mutex_lock(&lock);
    forget_epoch++;
    struct fd_ref **e = slot >= 0 ? entry_at(slot, 0) : NULL;
    if (e && *e) {
        unref_locked(*e);
        *e = NULL;
    }
    pthread_mutex_unlock(&lock);
}

/* A forked child is another process to the server, with none of these
 * handles: start it empty. Only async-signal-safe work here (the parent
 * may have had other threads); the old pages are left behind. */
static void after_fork_child(void)
{
    pthread_mutex_init(&lock, NULL);
    memset(pages, 0, sizeof(pages));
    pthread_mutex_init(&page_lock, NULL);
    process_page = NULL; /* the parent's: ours is another */
    process_page_asked = 0;
}

static void install_atfork(void)
{
    pthread_atfork(NULL, NULL, after_fork_child);
}

/* Map the process page once (its own lock: the first caller waits for
 * the server's answer, and the cache lock is never held across that). */
static void map_process_page(void)
{
    pthread_mutex_lock(&page_lock);
    if (!process_page_asked) {
        struct wh_get_process_page_request req = { 0 };
        struct wh_get_process_page_reply reply = { 0 };
        int fd = -1;
        if (!SERVER_CALL_RECV_FD(get_process_page, &req, &reply, NULL, 0, &fd) && fd >= 0) {
            void *page = reply.size >= sizeof(struct wh_process_page)
                             ? mmap(NULL, reply.size, PROT_READ, MAP_SHARED, fd, 0)
                             : MAP_FAILED;
            close(fd);
            if (page != MAP_FAILED &&
                ((const struct wh_process_page *)page)->magic == WH_PROCESS_PAGE_MAGIC)
                __atomic_store_n(&process_page, page, __ATOMIC_RELEASE);
            else if (page != MAP_FAILED)
                munmap(page, reply.size);
        }
        /* Only now: no descriptor is fetched before the page exists, so
         * no change to the table can fall between the two unseen. */
        __atomic_store_n(&process_page_asked, 1, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&page_lock);
}

/* How many times another process changed our handle table so far. */
static uint32_t table_epoch(void)
{
    const struct wh_process_page *page = __atomic_load_n(&process_page, __ATOMIC_ACQUIRE);
    return page ? __atomic_load_n(&page->table_epoch, __ATOMIC_ACQUIRE) : 0;
}

static int has_access(const struct fd_ref *ref, uint32_t any_of)
{
    return !any_of || (ref->granted & any_of);
}

/* Ask the server; a new unshared reference (refs 1), or the error. */
static uint32_t fetch(HANDLE handle, struct fd_ref **out, uint32_t *flags)
{
    struct wh_get_handle_fd_request req = { .handle = handle_to_wire(handle) };
    struct wh_get_handle_fd_reply reply = { .flags = 0 };
    int fd = -1;
    uint32_t err = SERVER_CALL_RECV_FD(get_handle_fd, &req, &reply, NULL, 0, &fd);
    if (flags)
        *flags = reply.flags;
    if (err)
        return err;
    if (fd < 0)
        return ERROR_INVALID_HANDLE;
    if (fd < 3) {
        /* Descriptor 0, 1 or 2 was closed: never let a pipe or file of a
         * handle land where stdio would write or read. */
        int high = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        close(fd);
        if (high < 0)
            return ERROR_TOO_MANY_OPEN_FILES;
        fd = high;
    }
    struct fd_ref *ref = calloc(1, sizeof(*ref));
    if (!ref) {
        close(fd);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    ref->fd = fd;
    ref->type = reply.type;
    ref->flags = reply.flags;
    ref->object_id = reply.object_id;
    ref->granted = reply.granted;
    ref->refs = 1;
    pthread_mutex_init(&ref->read_lock, NULL);
    *out = ref;
    return 0;
}

uint32_t fd_get(HANDLE handle, uint32_t any_of, struct fd_ref **out, uint32_t *flags)
{
    pthread_once(&atfork_once, install_atfork);
    if (!__atomic_load_n(&process_page_asked, __ATOMIC_ACQUIRE))
        map_process_page();
    int64_t slot = slot_of(handle);
    pthread_mutex_lock(&lock);
    struct fd_ref **e = slot >= 0 ? entry_at(slot, 0) : NULL;
    struct fd_ref *ref = e ? *e : NULL;
    uint64_t epoch = forget_epoch;
    /* Read before fetching: a change that lands after this read makes
     * the entry old at its next use, never one that landed before. */
    uint32_t table_epoch_now = table_epoch();
    if (ref && ref->table_epoch != table_epoch_now) {
        /* Another process changed our table since: ask again. */
        unref_locked(ref);
        *e = NULL;
        ref = NULL;
        forget_epoch++;
        epoch = forget_epoch;
    }
    if (ref)
        ref->refs++;
    pthread_mutex_unlock(&lock);

    if (!ref) {
        uint32_t err = fetch(handle, &ref, flags);
        if (err)
            return err;
        ref->table_epoch = table_epoch_now;
        pthread_mutex_lock(&lock);
        e = slot >= 0 && epoch == forget_epoch ? entry_at(slot, 1) : NULL;
        if (e && !*e) {
            *e = ref;
            ref->refs++; /* the table's */
        } else if (e) {
            /* Another thread cached it first: use that one. */
            unref_locked(ref);
            ref = *e;
            ref->refs++;
        }
        pthread_mutex_unlock(&lock);
    }
    if (flags)
        *flags = ref->flags;
    if (!has_access(ref, any_of)) {
        fd_put(ref);
        return ERROR_ACCESS_DENIED;
    }
    *out = ref;
    return 0;
}

int fd_copy(HANDLE handle)
{
    struct fd_ref *ref;
    if (fd_get(handle, 0, &ref, NULL))
        return -1;
    int fd = fcntl(ref->fd, F_DUPFD_CLOEXEC, 3);
    fd_put(ref);
    return fd;
}

uint32_t with_descriptor(HANDLE handle, uint32_t any_of, uint32_t *flags, fd_op op, void *arg,
                         uint32_t stale_error)
{
    uint32_t err = IO_STALE;
    for (int attempt = 0; attempt < 2 && err == IO_STALE; attempt++) {
        struct fd_ref *ref;
        if ((err = fd_get(handle, any_of, &ref, flags)))
            return err;
        err = op(handle, ref, arg);
        fd_put(ref);
        if (err == IO_STALE)
            fd_forget(handle);
    }
    return err == IO_STALE ? stale_error : err;
}
