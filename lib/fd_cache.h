/*
 * The descriptors behind this process's file and pipe handles, kept so
 * ReadFile and WriteFile cost one system call and no server round trip.
 *
 * A handle's descriptor comes from the server once (get_handle_fd) with
 * the object's type, per-type flags (WH_FD_*), id and the handle's granted
 * access; the entry lives until this process closes the handle
 * (CloseHandle, DuplicateHandle with DUPLICATE_CLOSE_SOURCE) or hands out
 * the same value again. A caller holds a reference while it uses the
 * descriptor, so a handle closed by another thread mid-read never has its
 * descriptor number reused under that read.
 *
 * Another process can change our table too: DuplicateHandle with
 * DUPLICATE_CLOSE_SOURCE closes a handle of ours, and a DuplicateHandle
 * into us may then give the freed value to another object. The server
 * counts such changes in our process page (protocol/process_page.h); an
 * entry older than the count is fetched again before use, so a handle
 * closed elsewhere fails with ERROR_INVALID_HANDLE here as on Windows, and
 * a reused value reaches its new object. Values this process is handed by
 * its own calls are always fresh (every creator of a file or pipe handle,
 * and DuplicateHandle, drop the entry first).
 */
#ifndef WINHANDLE_LIB_FD_CACHE_H
#define WINHANDLE_LIB_FD_CACHE_H

#include <pthread.h>
#include <stdint.h>

#include <windows.h>

struct fd_ref {
    int fd;
    uint32_t type;      /* enum wh_object_type */
    uint32_t flags;     /* WH_FD_* */
    uint32_t object_id;
    uint32_t granted;   /* the handle's access */
    uint32_t table_epoch; /* the process page's count when fetched */
    /* Message reads move the socket's shared peek offset in several
     * steps; one reader at a time, as Windows serializes synchronous I/O
     * on one file object. */
    pthread_mutex_t read_lock;
    uint32_t refs;      /* under the cache lock */
};

/*
 * The descriptor of handle, if the handle grants at least one of the
 * rights in any_of (0: no check). Returns 0 and a reference to release
 * with fd_put, or the Win32 error (ERROR_INVALID_HANDLE for a handle
 * without one; a named pipe end not connected says why). On an error the
 * server's flags for the handle, if it gave any, are in *flags.
 */
uint32_t fd_get(HANDLE handle, uint32_t any_of, struct fd_ref **ref, uint32_t *flags);
void fd_put(struct fd_ref *ref);

/* Not a Win32 error: the descriptor belonged to an earlier connection of
 * a named pipe end; forget it and fetch the new one. */
#define IO_STALE 0xffffffffu

/* Run op on handle's descriptor (see fd_get for any_of and flags). If op
 * finds the descriptor stale, it is fetched again and op runs once more;
 * stale twice, the pipe is treated as broken (stale_error). Returns op's
 * result or fd_get's error. */
typedef uint32_t (*fd_op)(HANDLE handle, struct fd_ref *ref, void *arg);
uint32_t with_descriptor(HANDLE handle, uint32_t any_of, uint32_t *flags, fd_op op, void *arg,
                         uint32_t stale_error);

/* A close-on-exec copy (above 2) of the handle's descriptor, for a child
 * to have as its own (STARTF_USESTDHANDLES); -1 if it has none. */
int fd_copy(HANDLE handle);

/* Drop the entry of a handle value (closed, or about to mean another
 * object). Safe for values that have none. */
void fd_forget(HANDLE handle);

#endif
