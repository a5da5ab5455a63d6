/*
 * Files: CreateFileA's dispositions and share modes, ReadFile, WriteFile,
 * file pointers and sizes, SetEndOfFile, FlushFileBuffers, GetFileType,
 * DeleteFileA, and the standard handles.
 *
 * The files are made in the current directory under names this program
 * owns, with '/' as the separator (Windows takes it too), and deleted at
 * the end.
 */
#include "io_checks.h"

#define F1 "winhandle-conformance-1.tmp"
#define F2 "winhandle-conformance-2.tmp"

/* A CreateFileA result and the last error it left (success sets one too). */
static void check_open(const char *name, HANDLE h)
{
    DWORD error = GetLastError();
    check(name, "%s, %s", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle",
          io_error(error));
}

static HANDLE open_file(const char *path, DWORD access, DWORD sharing, DWORD disposition)
{
    SetLastError(UNTOUCHED_ERROR);
    return CreateFileA(path, access, sharing, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
}

/* An open whose handle is not needed: checked, then closed. */
static void try_open(const char *name, const char *path, DWORD access, DWORD sharing,
                     DWORD disposition)
{
    HANDLE h = open_file(path, access, sharing, disposition);
    check_open(name, h);
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
}

static void close_if(HANDLE h)
{
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
}

static DWORD position(HANDLE h)
{
    return SetFilePointer(h, 0, NULL, FILE_CURRENT);
}

static void check_size(const char *name, HANDLE h)
{
    DWORD high = 0xdead;
    SetLastError(UNTOUCHED_ERROR);
    DWORD low = GetFileSize(h, &high);
    DWORD error = GetLastError();
    check(name, "%u, high %u, %s", (unsigned)low, (unsigned)high, io_error(error));
}

static void dispositions(void)
{
    HANDLE h, h2;
    DeleteFileA(F1);
    DeleteFileA(F2);

    h = open_file(F1, GENERIC_READ | GENERIC_WRITE, 0, CREATE_NEW);
    check_open("create_new", h);
    try_open("create_new.exists", F1, GENERIC_READ, FILE_SHARE_READ, CREATE_NEW);
    CloseHandle(h);
    try_open("create_new.exists.closed", F1, GENERIC_READ, 0, CREATE_NEW);

    h = open_file(F1, GENERIC_READ, 0, OPEN_EXISTING);
    check_open("open_existing", h);
    CloseHandle(h);
    try_open("open_existing.missing", F2, GENERIC_READ, 0, OPEN_EXISTING);
    try_open("open_existing.no_dir", "winhandle-no-such-dir/x", GENERIC_READ, 0,
                                                 OPEN_EXISTING);
    try_open("create_new.no_dir", "winhandle-no-such-dir/x", GENERIC_WRITE, 0,
                                              CREATE_NEW);

    h = open_file(F2, GENERIC_WRITE, 0, OPEN_ALWAYS);
    check_open("open_always.new", h);
    CloseHandle(h);
    h = open_file(F2, GENERIC_WRITE, 0, OPEN_ALWAYS);
    check_open("open_always.existing", h);
    DWORD n;
    write_str(h, "12345", &n);
    CloseHandle(h);

    h = open_file(F2, GENERIC_READ, 0, OPEN_EXISTING);
    check_size("size.before_create_always", h);
    CloseHandle(h);
    h = open_file(F2, GENERIC_WRITE, 0, CREATE_ALWAYS);
    check_open("create_always.existing", h);
    check_size("create_always.truncated", h);
    write_str(h, "12345", &n);
    CloseHandle(h);
    DeleteFileA(F2);
    h = open_file(F2, GENERIC_WRITE, 0, CREATE_ALWAYS);
    check_open("create_always.new", h);
    write_str(h, "12345", &n);
    CloseHandle(h);

    try_open("truncate.read_only", F2, GENERIC_READ, 0, TRUNCATE_EXISTING);
    h = open_file(F2, GENERIC_WRITE, 0, TRUNCATE_EXISTING);
    check_open("truncate", h);
    check_size("truncate.size", h);
    CloseHandle(h);
    try_open("truncate.missing", "winhandle-conformance-none.tmp", GENERIC_WRITE, 0,
                                             TRUNCATE_EXISTING);

    try_open("disposition.0", F1, GENERIC_READ, 0, 0);
    try_open("disposition.6", F1, GENERIC_READ, 0, 6);
    try_open("empty_path", "", GENERIC_READ, 0, OPEN_EXISTING);

    /* A directory is no file, unless asked for with backup semantics. */
    try_open("directory", ".", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                      OPEN_EXISTING);
    SetLastError(UNTOUCHED_ERROR);
    h2 = CreateFileA(".", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                     FILE_FLAG_BACKUP_SEMANTICS, NULL);
    check_open("directory.backup_semantics", h2);
    check("directory.type", "%u", (unsigned)GetFileType(h2));
    close_if(h2);
}

static void transfers(void)
{
    HANDLE h;
    char buf[64];
    DWORD n;
    LARGE_INTEGER li, pos;

    h = open_file(F1, GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS);
    check("type", "%u", (unsigned)GetFileType(h));
    IO("write", write_str(h, "hello world", &n), n);
    check("position.after_write", "%u", (unsigned)position(h));
    check_size("size", h);
    check_ok("size_ex", GetFileSizeEx(h, &li));
    check("size_ex.value", "%u", (unsigned)li.QuadPart);

    SetLastError(UNTOUCHED_ERROR);
    check("seek.begin", "%u", (unsigned)SetFilePointer(h, 6, NULL, FILE_BEGIN));
    check("seek.begin.error", "%s", io_error(GetLastError()));
    IO("read", read_buf(h, buf, 5, &n), n);
    check_data("read.data", buf, n, "world");
    IO("read.at_end", read_buf(h, buf, sizeof(buf), &n), n);
    IO("read.zero", read_buf(h, buf, 0, &n), n);
    IO("write.zero", WriteFile(h, buf, 0, &n, NULL), n);
    check("seek.end", "%u", (unsigned)SetFilePointer(h, -5, NULL, FILE_END));
    check("seek.current", "%u", (unsigned)SetFilePointer(h, 2, NULL, FILE_CURRENT));

    li.QuadPart = -20;
    check_ok("seek_ex.negative", SetFilePointerEx(h, li, &pos, FILE_CURRENT));
    check("seek_ex.negative.position", "%u", (unsigned)position(h));
    li.QuadPart = 0;
    check_ok("seek_ex.bad_method", SetFilePointerEx(h, li, &pos, 3));
    SetLastError(UNTOUCHED_ERROR);
    check("seek.negative", "0x%x", (unsigned)SetFilePointer(h, -100, NULL, FILE_BEGIN));
    check("seek.negative.error", "%s", io_error(GetLastError()));

    /* Past the end: allowed; a write there fills the gap. */
    check("seek.past_end", "%u", (unsigned)SetFilePointer(h, 100, NULL, FILE_BEGIN));
    check_size("seek.past_end.size", h);
    write_str(h, "!", &n);
    check_size("seek.past_end.size_after_write", h);

    /* Above 4 GiB: the high part. */
    LONG high = 1;
    SetLastError(UNTOUCHED_ERROR);
    DWORD low = SetFilePointer(h, 5, &high, FILE_BEGIN);
    check("seek.high", "low %u, high %d, %s", (unsigned)low, (int)high,
          io_error(GetLastError()));
    li.QuadPart = 0;
    check_ok("seek_ex.high", SetFilePointerEx(h, li, &pos, FILE_CURRENT));
    check("seek_ex.high.position", "0x%llx", (unsigned long long)pos.QuadPart);
    SetFilePointer(h, 5, NULL, FILE_BEGIN);
    check_ok("set_end_of_file", SetEndOfFile(h));
    check_size("set_end_of_file.size", h);
    check_ok("flush", FlushFileBuffers(h));

    /* A positioned read on a synchronous handle, and where it leaves the pointer. */
    OVERLAPPED ov;
    memset(&ov, 0, sizeof(ov));
    ov.Offset = 1;
    IO("read.overlapped_offset", ReadFile(h, buf, 3, &n, &ov), n);
    check_data("read.overlapped_offset.data", buf, n, "ell");
    check("read.overlapped_offset.position", "%u", (unsigned)position(h));
    check("read.overlapped_offset.internal_high", "%u", (unsigned)ov.InternalHigh);
    CloseHandle(h);

    /* Read-only and write-only handles. */
    h = open_file(F1, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    IO("read_only.write", write_str(h, "x", &n), n);
    check_ok("read_only.flush", FlushFileBuffers(h));
    /* SetEndOfFile on it: Windows needs FILE_WRITE_DATA for that and says
     * ERROR_ACCESS_DENIED; Wine says ERROR_INVALID_PARAMETER (ftruncate's
     * EINVAL). test_files.c checks ERROR_ACCESS_DENIED. */
    CloseHandle(h);
    h = open_file(F1, GENERIC_WRITE, 0, OPEN_EXISTING);
    IO("write_only.read", read_buf(h, buf, 1, &n), n);
    CloseHandle(h);

    /* Append only: every write goes at the end, wherever the pointer is. */
    h = open_file(F1, FILE_APPEND_DATA | SYNCHRONIZE, 0, OPEN_EXISTING);
    check_open("append.open", h);
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    IO("append.write", write_str(h, "++", &n), n);
    check_size("append.size", h);
    CloseHandle(h);
    h = open_file(F1, GENERIC_READ, 0, OPEN_EXISTING);
    IO("append.read", read_buf(h, buf, sizeof(buf), &n), n);
    check_data("append.read.data", buf, n, "hello++");
    CloseHandle(h);

    IO("closed.read", read_buf(h, buf, 1, &n), n);
    check("closed.type", "%u", (unsigned)GetFileType(h));
    check_size("closed.size", h);
}

/* One file object, one position: handles duplicated from it share it;
 * another open of the file has its own. */
static void positions(void)
{
    HANDLE a, b, c;
    char buf[16];
    DWORD n;
    a = open_file(F1, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                  CREATE_ALWAYS);
    write_str(a, "0123456789", &n);
    check_ok("dup", DuplicateHandle(GetCurrentProcess(), a, GetCurrentProcess(), &b, 0, FALSE,
                                    DUPLICATE_SAME_ACCESS));
    SetFilePointer(a, 3, NULL, FILE_BEGIN);
    check("dup.shared_position", "%u", (unsigned)position(b));
    IO("dup.read", read_buf(b, buf, 2, &n), n);
    check_data("dup.read.data", buf, n, "34");
    check("dup.position_moved", "%u", (unsigned)position(a));
    c = open_file(F1, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    check("second_open.own_position", "%u", (unsigned)position(c));
    IO("second_open.read", read_buf(c, buf, 3, &n), n);
    check_data("second_open.read.data", buf, n, "012");
    check("second_open.other_unmoved", "%u", (unsigned)position(a));
    CloseHandle(a);
    CloseHandle(c);
    IO("dup.after_source_closed", read_buf(b, buf, 2, &n), n);
    CloseHandle(b);
}

static void sharing(void)
{
    HANDLE a, b;
    a = open_file(F1, GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING);
    try_open("share.none.second", F1, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                              OPEN_EXISTING);
    b = open_file(F1, 0, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    check_open("share.none.attributes_only", b);
    close_if(b);
    b = open_file(F1, FILE_READ_ATTRIBUTES, 0, OPEN_EXISTING);
    check_open("share.none.read_attributes", b);
    close_if(b);
    check_ok("share.none.delete", DeleteFileA(F1));
    CloseHandle(a);

    a = open_file(F1, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    b = open_file(F1, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    check_open("share.read.read", b);
    close_if(b);
    try_open("share.read.write", F1, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                             OPEN_EXISTING);
    try_open("share.read.read_not_sharing_read", F1, GENERIC_READ, FILE_SHARE_WRITE,
                                                             OPEN_EXISTING);
    CloseHandle(a);

    a = open_file(F1, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    try_open("share.writer.reader_not_sharing_write", F1, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    b = open_file(F1, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
    check_open("share.writer.reader_sharing_write", b);
    close_if(b);
    try_open("share.writer.create_always", F1, GENERIC_WRITE, FILE_SHARE_READ, CREATE_ALWAYS);
    CloseHandle(a);

    /* A refused CREATE_ALWAYS must not have emptied the file. */
    a = open_file(F1, GENERIC_READ, 0, OPEN_EXISTING);
    check_size("share.refused_truncate.size", a);
    CloseHandle(a);

    a = open_file(F1, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, OPEN_EXISTING);
    check_ok("share.delete.allowed", DeleteFileA(F1));
    CloseHandle(a);
    try_open("share.delete.gone", F1, GENERIC_READ, 0, OPEN_EXISTING);
    check_ok("delete.missing", DeleteFileA(F1));
    check_ok("delete.directory", DeleteFileA("."));
}

static void std_handles(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    SetLastError(UNTOUCHED_ERROR);
    HANDLE bad = GetStdHandle(0);
    check("std.bad", "%s, %s", bad == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle",
          io_error(GetLastError()));
    HANDLE h = open_file(F2, GENERIC_READ | GENERIC_WRITE, 0, OPEN_ALWAYS);
    check_ok("std.set", SetStdHandle(STD_OUTPUT_HANDLE, h));
    check_yes("std.get_returns_set", GetStdHandle(STD_OUTPUT_HANDLE) == h);
    check_ok("std.set.bad", SetStdHandle(0, h));
    SetStdHandle(STD_OUTPUT_HANDLE, out);
    CloseHandle(h);
    DeleteFileA(F2);

    /* A pipe is no file: no size, no position. */
    HANDLE r, w;
    LARGE_INTEGER li;
    CreatePipe(&r, &w, NULL, 0);
    check_ok("pipe.size", GetFileSizeEx(r, &li));
    li.QuadPart = 0;
    check_ok("pipe.seek", SetFilePointerEx(r, li, NULL, FILE_CURRENT));
    check_ok("pipe.flush_read_end", FlushFileBuffers(r));
    check_ok("pipe.flush_write_end", FlushFileBuffers(w));
    check_ok("pipe.set_end_of_file", SetEndOfFile(w));
    CloseHandle(r);
    CloseHandle(w);
}

int main(void)
{
    dispositions();
    transfers();
    positions();
    sharing();
    std_handles();
    DeleteFileA(F1);
    DeleteFileA(F2);
    return 0;
}
