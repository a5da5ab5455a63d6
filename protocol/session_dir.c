#include "session_dir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fits(int n, size_t len)
{
    return n > 0 && (size_t)n < len;
}

int wh_session_dir_path(char *buf, size_t len)
{
    const char *dir = getenv("WINHANDLE_DIR");
    if (dir && *dir)
        return fits(snprintf(buf, len, "%s", dir), len) ? 0 : -1;
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    if (runtime && *runtime)
        return fits(snprintf(buf, len, "%s/winhandle", runtime), len) ? 0 : -1;
    return fits(snprintf(buf, len, "/tmp/winhandle-%u", (unsigned)getuid()), len) ? 0 : -1;
}

int wh_session_dir_prepare(const char *dir, char *err, size_t errlen)
{
    struct stat st;
    if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create %s: %s", dir, strerror(errno));
        return -1;
    }
    if (lstat(dir, &st) < 0) {
        snprintf(err, errlen, "cannot stat %s: %s", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s is not a directory", dir);
        return -1;
    }
    if (st.st_uid != getuid()) {
        snprintf(err, errlen, "%s is owned by uid %u, not by us (uid %u)", dir,
                 (unsigned)st.st_uid, (unsigned)getuid());
        return -1;
    }
    if ((st.st_mode & 0777) != 0700) {
        snprintf(err, errlen, "%s has mode %03o; it must be 0700", dir,
                 (unsigned)(st.st_mode & 0777));
        return -1;
    }
    return 0;
}

int wh_session_file(char *buf, size_t len, const char *dir, const char *name)
{
    return fits(snprintf(buf, len, "%s/%s", dir, name), len) ? 0 : -1;
}
