/* errno to Win32 error, for the file and pipe calls (see file_errors.h). */
#include "file_errors.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>

DWORD win32_from_errno(int err)
{
    switch (err) {
    case EACCES: case EPERM: case EBADF: case EISDIR: case EROFS:
        return ERROR_ACCESS_DENIED;
    case ENOENT: return ERROR_FILE_NOT_FOUND;
    case ENOTDIR: case ELOOP: return ERROR_PATH_NOT_FOUND;
    case EEXIST: return ERROR_FILE_EXISTS;
    case ENAMETOOLONG: return ERROR_FILENAME_EXCED_RANGE;
    case EMFILE: case ENFILE: return ERROR_TOO_MANY_OPEN_FILES;
    case ENOSPC: case EDQUOT: case EFBIG: return ERROR_DISK_FULL;
    case ETXTBSY: case EBUSY: return ERROR_SHARING_VIOLATION;
    case ENOMEM: return ERROR_NOT_ENOUGH_MEMORY;
    case EINVAL: return ERROR_INVALID_PARAMETER;
    case ESPIPE: case ENOTTY: case ENOSYS: case EOPNOTSUPP: return ERROR_INVALID_FUNCTION;
    case EPIPE: case ECONNRESET: return ERROR_NO_DATA;
    case EAGAIN: return ERROR_NO_DATA;
    default: return ERROR_GEN_FAILURE;
    }
}

/* Does the directory part of path exist? */
static int parent_exists(const char *path)
{
    char dir[PATH_MAX];
    struct stat st;
    const char *slash = strrchr(path, '/');
    if (!slash)
        return 1; /* the current directory */
    size_t len = slash == path ? 1 : (size_t)(slash - path);
    if (len >= sizeof(dir))
        return 0;
    memcpy(dir, path, len);
    dir[len] = '\0';
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

DWORD win32_from_path_errno(int err, const char *path)
{
    if (err == ENOENT)
        return parent_exists(path) ? ERROR_FILE_NOT_FOUND : ERROR_PATH_NOT_FOUND;
    return win32_from_errno(err);
}
