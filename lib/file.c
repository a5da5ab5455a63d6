/*
 * CreateFileA and DeleteFileA on Linux paths.
 *
 * The library opens the file itself, with this process's current
 * directory and permissions, then hands the descriptor to the server,
 * which checks the share modes of every other open of the file through
 * winhandle (server/file.c) and keeps it for handles duplicated or
 * inherited elsewhere. A truncation (CREATE_ALWAYS, TRUNCATE_EXISTING)
 * waits for that check, so an open that is refused destroys nothing.
 *
 * Paths are Linux paths as they are, backslashes included. Windows paths
 * name nothing here: a drive letter (C:\x, C:x) or a UNC or device path
 * (\\server\share, \\?\C:\x) fails with ERROR_PATH_NOT_FOUND, Windows'
 * error for a drive or directory that is not there. \\.\pipe\NAME opens a
 * named pipe.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fd_cache.h"
#include "file_errors.h"
#include "pipe_names.h"
#include "private.h"
#include "wow64.h"

/* Flags that would need what winhandle does not do: asynchronous I/O,
 * and deleting on the last close (see README). */
#define UNSUPPORTED_FLAGS (FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE)

static int is_windows_path(const char *path)
{
    return (isalpha((unsigned char)path[0]) && path[1] == ':') ||
           (path[0] == '\\' && path[1] == '\\');
}

/* Windows' path errors for paths that cannot name a Linux file; 0 if
 * path is one. */
static DWORD check_path(const char *path)
{
    if (!path || !*path || is_windows_path(path))
        return ERROR_PATH_NOT_FOUND;
    return 0;
}

/* GENERIC_* as a file's rights (the mapping Windows gives files). */
static DWORD file_rights(DWORD access)
{
    DWORD rights = access & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL |
                              MAXIMUM_ALLOWED);
    if (access & GENERIC_READ)
        rights |= FILE_GENERIC_READ;
    if (access & GENERIC_WRITE)
        rights |= FILE_GENERIC_WRITE;
    if (access & GENERIC_EXECUTE)
        rights |= FILE_GENERIC_EXECUTE;
    if (access & (GENERIC_ALL | MAXIMUM_ALLOWED))
        rights |= FILE_ALL_ACCESS;
    return rights;
}

/* open(2)'s access mode for the rights; O_PATH when no data moves. */
static int open_mode(DWORD rights)
{
    int reads = (rights & (FILE_READ_DATA | FILE_EXECUTE)) != 0;
    int writes = (rights & (FILE_WRITE_DATA | FILE_APPEND_DATA)) != 0;
    int mode = reads && writes ? O_RDWR : writes ? O_WRONLY : reads ? O_RDONLY : O_PATH;
    /* FILE_APPEND_DATA without FILE_WRITE_DATA: every write goes at the end. */
    if ((rights & FILE_APPEND_DATA) && !(rights & FILE_WRITE_DATA))
        mode |= O_APPEND;
    return mode | O_CLOEXEC | O_NOCTTY;
}

/*
 * Open per the disposition. *existed tells whether the file was there
 * (ERROR_ALREADY_EXISTS for CREATE_ALWAYS and OPEN_ALWAYS). Creation uses
 * O_EXCL, so "created" is never a guess; a file removed between our two
 * tries is tried again.
 */
static int open_disposition(const char *path, int mode, DWORD disposition, mode_t perm,
                            int *existed)
{
    /* O_PATH ignores O_CREAT: a file made without data access is made
     * readable, as any new file of ours is. */
    int create_mode = (mode & O_PATH) ? (mode & ~O_PATH) | O_RDONLY : mode;
    *existed = 1;
    if (disposition == OPEN_EXISTING || disposition == TRUNCATE_EXISTING)
        return open(path, mode);
    for (int tries = 0; tries < 16; tries++) {
        int fd = open(path, create_mode | O_CREAT | O_EXCL, perm);
        if (fd >= 0) {
            *existed = 0;
            return fd;
        }
        if (errno != EEXIST || disposition == CREATE_NEW)
            return -1;
        fd = open(path, mode);
        if (fd >= 0 || errno != ENOENT)
            return fd;
    }
    return -1;
}

/* Empty the file; through a descriptor of our own if this one cannot write. */
static DWORD truncate_file(int fd, const char *path)
{
    if (ftruncate(fd, 0) == 0)
        return 0;
    int w = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (w < 0)
        return win32_from_errno(errno);
    DWORD err = ftruncate(w, 0) == 0 ? 0 : win32_from_errno(errno);
    close(w);
    return err;
}

/* The open descriptor becomes a handle, if the share modes allow. */
static HANDLE register_file(int fd, DWORD rights, DWORD sharing, BOOL inherit, DWORD *err)
{
    struct wh_create_file_request req = { .access = rights, .sharing = sharing,
                                          .inherit = inherit ? 1 : 0 };
    struct wh_create_file_reply reply;
    *err = server_call_fd(WH_REQ_create_file, &req, sizeof(req), NULL, 0, fd, NULL, &reply,
                          sizeof(reply), NULL, NULL);
    if (*err)
        return NULL;
    HANDLE h = wire_to_handle(reply.handle);
    fd_forget(h); /* a fresh value: nothing cached for it is ours */
    return h;
}

HANDLE WINAPI CreateFileA(LPCSTR path, DWORD access, DWORD sharing, LPSECURITY_ATTRIBUTES sa,
                          DWORD disposition, DWORD flags, HANDLE template_file)
{
    (void)template_file; /* attributes to copy: none that Linux keeps */
    const char *pipe = path ? pipe_name_part(path) : NULL;
    if (pipe)
        return open_pipe_client(pipe, access, sa, flags);
    DWORD err = check_path(path);
    if (!err && (disposition < CREATE_NEW || disposition > TRUNCATE_EXISTING ||
                 (sharing & ~(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE))))
        err = ERROR_INVALID_PARAMETER;
    if (!err && (flags & UNSUPPORTED_FLAGS))
        err = ERROR_NOT_SUPPORTED;
    DWORD rights = file_rights(access);
    if (err)
        return FAIL(err, INVALID_HANDLE_VALUE);
    char redirected[PATH_MAX];
    if (!(path = redirect_path(path, redirected, sizeof(redirected))))
        return FAIL(ERROR_FILENAME_EXCED_RANGE, INVALID_HANDLE_VALUE);

    int existed, mode = open_mode(rights);
    mode_t perm = (flags & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;
    int fd = open_disposition(path, mode, disposition, perm, &existed);
    if (fd < 0 && errno == EACCES && (access & MAXIMUM_ALLOWED) &&
        (mode & O_ACCMODE) == O_RDWR) {
        /* MAXIMUM_ALLOWED: what the file grants us, read-only at least. */
        rights &= ~(FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_ATTRIBUTES |
                    FILE_WRITE_EA | DELETE);
        mode = open_mode(rights);
        fd = open_disposition(path, mode, disposition, perm, &existed);
    }
    if (fd < 0)
        return FAIL(win32_from_path_errno(errno, path), INVALID_HANDLE_VALUE);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) && !(flags & FILE_FLAG_BACKUP_SEMANTICS)) {
        close(fd);
        return FAIL(ERROR_ACCESS_DENIED, INVALID_HANDLE_VALUE);
    }

    HANDLE h = register_file(fd, rights, sharing, sa && sa->bInheritHandle, &err);
    if (!err && existed && (disposition == CREATE_ALWAYS || disposition == TRUNCATE_EXISTING) &&
        (err = truncate_file(fd, path)))
        CloseHandle(h);
    close(fd); /* the server keeps its own */
    if (err && !existed)
        unlink(path); /* a failed CreateFile leaves no file it made */
    if (err)
        return FAIL(err, INVALID_HANDLE_VALUE);
    SetLastError(existed && (disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS)
                     ? ERROR_ALREADY_EXISTS
                     : ERROR_SUCCESS);
    return h;
}

/* Windows refuses to delete a file some open does not share for
 * deletion; Linux would not care, so the server is asked first. */
BOOL WINAPI DeleteFileA(LPCSTR path)
{
    struct stat st;
    DWORD err = check_path(path);
    if (err)
        return FAIL(err, FALSE);
    char redirected[PATH_MAX];
    if (!(path = redirect_path(path, redirected, sizeof(redirected))))
        return FAIL(ERROR_FILENAME_EXCED_RANGE, FALSE);
    if (lstat(path, &st) < 0)
        return FAIL(win32_from_path_errno(errno, path), FALSE);
    if (S_ISDIR(st.st_mode))
        return FAIL(ERROR_ACCESS_DENIED, FALSE);
    struct wh_check_delete_request req = { .dev = st.st_dev, .ino = st.st_ino };
    struct wh_check_delete_reply reply;
    if (!set_result(SERVER_CALL(check_delete, &req, &reply, NULL, 0)))
        return FALSE;
    if (unlink(path) < 0)
        return FAIL(win32_from_path_errno(errno, path), FALSE);
    return TRUE;
}
