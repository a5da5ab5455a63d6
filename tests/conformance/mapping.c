/*
 * File mappings backed by the page file: CreateFileMappingA's sizes,
 * protections and names, OpenFileMappingA, views with every FILE_MAP_*
 * access, alignment and size limits, MapViewOfFileEx at a chosen address,
 * UnmapViewOfFile, FlushViewOfFile, and how a view outlives its handle.
 * Then sections backed by a file: sizes against the file's, the file
 * handle's rights, and views coherent with ReadFile and WriteFile.
 * Two views of one section in one process stand for two processes: they
 * share the same pages the same way (tests/integration/test_mapping.c has
 * the real thing). The file is made in the current directory and deleted.
 */
#include <string.h>

#include "conformance.h"

#define KB64 0x10000u
#define PF INVALID_HANDLE_VALUE

/* A view, or NULL with the last error. */
static void check_view(const char *name, const void *view)
{
    char buf[32];
    DWORD error = GetLastError();
    if (view)
        check(name, "view");
    else
        check(name, "NULL, %s", error_name(error, buf));
}

/* A view whose pages are not needed: checked, then unmapped. */
static void try_view(const char *name, HANDLE h, DWORD access, DWORD offset, SIZE_T size)
{
    void *v = MapViewOfFile(h, access, 0, offset, size);
    check_view(name, v);
    if (v)
        UnmapViewOfFile(v);
}

static HANDLE section(DWORD protect, DWORD size, const char *name)
{
    return CreateFileMappingA(PF, NULL, protect, 0, size, name);
}

static void system_info(void)
{
    SYSTEM_INFO si;
    memset(&si, 0xcc, sizeof(si));
    GetSystemInfo(&si);
    check("sysinfo.granularity", "%u", (unsigned)si.dwAllocationGranularity);
    check("sysinfo.page_size", "%u", (unsigned)si.dwPageSize);
    check_yes("sysinfo.processors", si.dwNumberOfProcessors >= 1);
    check_yes("sysinfo.min_address", si.lpMinimumApplicationAddress == (LPVOID)0x10000);
    memset(&si, 0xcc, sizeof(si));
    GetNativeSystemInfo(&si);
    check("sysinfo.native.granularity", "%u", (unsigned)si.dwAllocationGranularity);
}

static void create(void)
{
    static const struct { const char *name; DWORD protect; } protects[] = {
        { "create.readonly", PAGE_READONLY },
        { "create.readwrite", PAGE_READWRITE },
        { "create.writecopy", PAGE_WRITECOPY },
        { "create.execute_read", PAGE_EXECUTE_READ },
        { "create.execute_readwrite", PAGE_EXECUTE_READWRITE },
        { "create.execute_writecopy", PAGE_EXECUTE_WRITECOPY },
        { "create.execute", PAGE_EXECUTE },
        { "create.noaccess", PAGE_NOACCESS },
        { "create.protect_zero", 0 },
        { "create.two_protections", PAGE_READONLY | PAGE_READWRITE },
        { "create.guard", PAGE_READWRITE | PAGE_GUARD },
        { "create.sec_commit", PAGE_READWRITE | SEC_COMMIT },
        { "create.sec_reserve", PAGE_READWRITE | SEC_RESERVE },
        { "create.sec_commit_reserve", PAGE_READWRITE | SEC_COMMIT | SEC_RESERVE },
        { "create.sec_nocache", PAGE_READWRITE | SEC_NOCACHE },
        { "create.sec_commit_nocache", PAGE_READWRITE | SEC_COMMIT | SEC_NOCACHE },
        { "create.sec_commit_writecombine", PAGE_READWRITE | SEC_COMMIT | SEC_WRITECOMBINE },
        { "create.sec_commit_large_pages", PAGE_READWRITE | SEC_COMMIT | SEC_LARGE_PAGES },
        { "create.sec_file", PAGE_READWRITE | SEC_FILE },
        { "create.sec_file_commit", PAGE_READWRITE | SEC_FILE | SEC_COMMIT },
        { "create.sec_image_commit", PAGE_READONLY | SEC_IMAGE | SEC_COMMIT },
        { "create.sec_image", PAGE_READONLY | SEC_IMAGE },
        { "create.unknown_high_bit", PAGE_READWRITE | 0x00010000 },
    };
    for (size_t i = 0; i < sizeof(protects) / sizeof(protects[0]); i++) {
        SetLastError(UNTOUCHED_ERROR);
        HANDLE h = section(protects[i].protect, KB64, NULL);
        check_create(protects[i].name, h);
        CloseHandle(h);
    }

    HANDLE h;
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.size_zero", h = section(PAGE_READWRITE, 0, NULL));
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.size_one", h = section(PAGE_READWRITE, 1, NULL));
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.empty_name", h = section(PAGE_READWRITE, KB64, ""));
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.null_file", h = CreateFileMappingA(NULL, NULL, PAGE_READWRITE, 0,
                                                            KB64, NULL));
    CloseHandle(h);
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.event_as_file",
                 h = CreateFileMappingA(ev, NULL, PAGE_READWRITE, 0, KB64, NULL));
    CloseHandle(h);
    CloseHandle(ev);

    char long_name[MAX_PATH + 2];
    memset(long_name, 'm', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.name_too_long", h = section(PAGE_READWRITE, KB64, long_name));
    CloseHandle(h);
}

/* Sizes above 4 GiB through the high DWORD; the memory is never touched
 * but for one page, so the section costs nothing. */
static void big(void)
{
    HANDLE h;
    SetLastError(UNTOUCHED_ERROR);
    check_create("big.4gib", h = CreateFileMappingA(PF, NULL, PAGE_READWRITE, 1, 0, NULL));
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0xffff0000u, KB64);
    check_view("big.view_below_4gib", v);
    if (v) {
        v[KB64 - 1] = 7;
        UnmapViewOfFile(v);
    }
    check_view("big.view_past_end", v = MapViewOfFile(h, FILE_MAP_WRITE, 1, 0, KB64));
    if (v)
        UnmapViewOfFile(v);
    CloseHandle(h);

    SetLastError(UNTOUCHED_ERROR);
    check_create("big.5gib",
                 h = CreateFileMappingA(PF, NULL, PAGE_READWRITE, 1, 0x40000000u, NULL));
    check_view("big.view_above_4gib", v = MapViewOfFile(h, FILE_MAP_READ, 1, 0, KB64));
    if (v)
        UnmapViewOfFile(v);
    CloseHandle(h);
}

static void names(void)
{
    HANDLE a, b, c;
    SetLastError(UNTOUCHED_ERROR);
    check_create("name.new", a = section(PAGE_READWRITE, KB64, "conf-mapping-a"));
    SetLastError(UNTOUCHED_ERROR);
    check_create("name.existing", b = section(PAGE_READWRITE, 2 * KB64, "conf-mapping-a"));
    check_yes("name.existing.new_handle", a != b);
    /* The existing section keeps its size: the second size is ignored. */
    char *v = MapViewOfFile(b, FILE_MAP_READ, 0, 0, 2 * KB64);
    check_view("name.existing.size_kept", v);
    if (v)
        UnmapViewOfFile(v);
    /* The same object: a write through one handle shows through the other. */
    char *va = MapViewOfFile(a, FILE_MAP_WRITE, 0, 0, 0);
    char *vb = MapViewOfFile(b, FILE_MAP_READ, 0, 0, 0);
    if (va && vb) {
        va[10] = 42;
        check_yes("name.existing.same_pages", vb[10] == 42);
    }
    UnmapViewOfFile(va);
    UnmapViewOfFile(vb);
    /* The protection of the second create decides the second handle's
     * rights, not the section's. */
    SetLastError(UNTOUCHED_ERROR);
    check_create("name.existing.readonly",
                 c = section(PAGE_READONLY, KB64, "conf-mapping-a"));
    check_view("name.existing.readonly.write", v = MapViewOfFile(c, FILE_MAP_WRITE, 0, 0, 0));
    if (v)
        UnmapViewOfFile(v);
    CloseHandle(c);
    SetLastError(UNTOUCHED_ERROR);
    check_create("name.existing.size_zero",
                 c = section(PAGE_READWRITE, 0, "conf-mapping-a"));
    CloseHandle(c);

    SetLastError(UNTOUCHED_ERROR);
    check_create("name.local_prefix", c = section(PAGE_READWRITE, KB64, "Local\\conf-mapping-a"));
    CloseHandle(c);

    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, "conf-mapping-event");
    SetLastError(UNTOUCHED_ERROR);
    check_create("name.held_by_event", c = section(PAGE_READWRITE, KB64, "conf-mapping-event"));
    CloseHandle(c);
    check_handle("open.event_name",
                 OpenFileMappingA(FILE_MAP_READ, FALSE, "conf-mapping-event"));
    SetLastError(UNTOUCHED_ERROR);
    check_create("name.event_on_mapping", c = CreateEventA(NULL, TRUE, FALSE, "conf-mapping-a"));
    CloseHandle(c);
    CloseHandle(ev);

    check_handle("open.missing", OpenFileMappingA(FILE_MAP_READ, FALSE, "conf-mapping-none"));
    check_handle("open.null_name", OpenFileMappingA(FILE_MAP_READ, FALSE, NULL));
    SetLastError(UNTOUCHED_ERROR);
    c = OpenFileMappingA(FILE_MAP_ALL_ACCESS, FALSE, "conf-mapping-a");
    check_handle("open.all_access", c);
    check("open.last_error", "%s", GetLastError() == UNTOUCHED_ERROR ? "unchanged" : "changed");
    CloseHandle(c);

    CloseHandle(a);
    CloseHandle(b);
    check_handle("open.after_close", OpenFileMappingA(FILE_MAP_READ, FALSE, "conf-mapping-a"));
}

/* A write through the first view: does the second see it? */
static void check_shared(const char *name, char *writer, const char *reader, char value)
{
    if (!writer || !reader) {
        check(name, "no view");
        return;
    }
    writer[100] = value;
    check_yes(name, reader[100] == value);
}

static void view_access(void)
{
    HANDLE h = section(PAGE_READWRITE, 2 * KB64, NULL);
    char *rw = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char *v;
    check_view("view.write", rw);
    check_yes("view.aligned", ((ULONG_PTR)rw & (KB64 - 1)) == 0);
    check_yes("view.zeroed", rw && rw[0] == 0 && rw[2 * KB64 - 1] == 0);

    check_view("view.read", v = MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0));
    check_shared("view.read.sees_writes", rw, v, 1);
    UnmapViewOfFile(v);

    check_view("view.all_access", v = MapViewOfFile(h, FILE_MAP_ALL_ACCESS, 0, 0, 0));
    check_shared("view.all_access.shared", v, rw, 2);
    UnmapViewOfFile(v);

    check_view("view.copy", v = MapViewOfFile(h, FILE_MAP_COPY, 0, 0, 0));
    if (v)
        check_yes("view.copy.sees_earlier", v[100] == 2);
    check_shared("view.copy.private", v, rw, 3);
    UnmapViewOfFile(v);

    /* With FILE_MAP_READ too the view is an ordinary read-only one (a
     * write to it would fault: only the other way is tried). */
    check_view("view.copy_read", v = MapViewOfFile(h, FILE_MAP_COPY | FILE_MAP_READ, 0, 0, 0));
    check_shared("view.copy_read.sees_writes", rw, v, 4);
    UnmapViewOfFile(v);
    check_view("view.copy_write", v = MapViewOfFile(h, FILE_MAP_COPY | FILE_MAP_WRITE, 0, 0, 0));
    check_shared("view.copy_write.shared", v, rw, 5);
    UnmapViewOfFile(v);

    check_view("view.access_zero", v = MapViewOfFile(h, 0, 0, 0, 0));
    if (v)
        UnmapViewOfFile(v);
    check_view("view.execute_read",
               v = MapViewOfFile(h, FILE_MAP_EXECUTE | FILE_MAP_READ, 0, 0, 0));
    if (v)
        UnmapViewOfFile(v);
    check_view("view.null_handle", MapViewOfFile(NULL, FILE_MAP_READ, 0, 0, 0));
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    check_view("view.event_handle", MapViewOfFile(ev, FILE_MAP_READ, 0, 0, 0));
    CloseHandle(ev);
    UnmapViewOfFile(rw);
    CloseHandle(h);
}

/*
 * The handle's rights bound the views: CreateFileMappingA gives rights
 * that follow the protection asked for. (The section's own protection
 * bounds them too, but Wine does not check it: a handle with every right
 * maps a read-only section for writing there, where Windows refuses with
 * STATUS_SECTION_PROTECTION, as documented for MapViewOfFile.
 * tests/integration/test_documented.c checks winhandle's answer.
 * FILE_MAP_EXECUTE alone is left out for the same reason.)
 */
static void protections(void)
{
    static const struct { const char *name; DWORD protect; } sections[] = {
        { "prot.readonly", PAGE_READONLY },
        { "prot.writecopy", PAGE_WRITECOPY },
        { "prot.execute_readwrite", PAGE_EXECUTE_READWRITE },
    };
    static const struct { const char *name; DWORD access; } views[] = {
        { "read", FILE_MAP_READ },
        { "write", FILE_MAP_WRITE },
        { "copy", FILE_MAP_COPY },
        { "all_access", FILE_MAP_ALL_ACCESS },
        { "execute_read", FILE_MAP_EXECUTE | FILE_MAP_READ },
        { "none", 0 },
    };
    for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
        HANDLE h = section(sections[s].protect, KB64, NULL);
        for (size_t a = 0; a < sizeof(views) / sizeof(views[0]); a++) {
            void *v = MapViewOfFile(h, views[a].access, 0, 0, 0);
            check_view(check_name(sections[s].name, views[a].name), v);
            if (v)
                UnmapViewOfFile(v);
        }
        CloseHandle(h);
    }

    /* A write-copy view of a write-copy section is private. */
    HANDLE h = section(PAGE_WRITECOPY, KB64, NULL);
    char *a = MapViewOfFile(h, FILE_MAP_COPY, 0, 0, 0);
    char *b = MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0);
    check_shared("prot.writecopy.copy_private", a, b, 9);
    UnmapViewOfFile(a);
    UnmapViewOfFile(b);
    CloseHandle(h);

    static const struct { const char *name; DWORD access; } handles[] = {
        { "rights.read", FILE_MAP_READ },
        { "rights.write", FILE_MAP_WRITE },
        { "rights.copy", FILE_MAP_COPY },
        { "rights.none", 0 },
        { "rights.generic_read", GENERIC_READ },
        { "rights.generic_write", GENERIC_WRITE },
    };
    h = section(PAGE_EXECUTE_READWRITE, KB64, "conf-mapping-rights");
    for (size_t r = 0; r < sizeof(handles) / sizeof(handles[0]); r++) {
        HANDLE o = OpenFileMappingA(handles[r].access, FALSE, "conf-mapping-rights");
        for (size_t a = 0; a < sizeof(views) / sizeof(views[0]); a++) {
            void *v = MapViewOfFile(o, views[a].access, 0, 0, 0);
            check_view(check_name(handles[r].name, views[a].name), v);
            if (v)
                UnmapViewOfFile(v);
        }
        CloseHandle(o);
    }
    CloseHandle(h);
}

static void offsets_and_sizes(void)
{
    HANDLE h = section(PAGE_READWRITE, 2 * KB64, NULL);
    char *all = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char *v;
    if (all)
        all[KB64 + 5] = 77;

    check_view("offset.64k", v = MapViewOfFile(h, FILE_MAP_READ, 0, KB64, 0));
    if (v) {
        check_yes("offset.64k.data", v[5] == 77);
        UnmapViewOfFile(v);
    }
    check_view("offset.page", MapViewOfFile(h, FILE_MAP_READ, 0, 4096, 0));
    check_view("offset.one", MapViewOfFile(h, FILE_MAP_READ, 0, 1, 4096));
    check_view("offset.at_end", MapViewOfFile(h, FILE_MAP_READ, 0, 2 * KB64, 0));
    check_view("offset.at_end.size", MapViewOfFile(h, FILE_MAP_READ, 0, 2 * KB64, 1));
    check_view("offset.past_end", MapViewOfFile(h, FILE_MAP_READ, 0, 4 * KB64, 0));
    check_view("offset.high_dword", MapViewOfFile(h, FILE_MAP_READ, 1, 0, 0));

    check_view("size.exact", v = MapViewOfFile(h, FILE_MAP_READ, 0, 0, 2 * KB64));
    UnmapViewOfFile(v);
    check_view("size.one", v = MapViewOfFile(h, FILE_MAP_READ, 0, 0, 1));
    UnmapViewOfFile(v);
    check_view("size.one_more", MapViewOfFile(h, FILE_MAP_READ, 0, 0, 2 * KB64 + 1));
    check_view("size.double", MapViewOfFile(h, FILE_MAP_READ, 0, 0, 4 * KB64));
    check_view("size.offset_plus_size", MapViewOfFile(h, FILE_MAP_READ, 0, KB64, KB64 + 1));
    UnmapViewOfFile(all);
    CloseHandle(h);

    /* A section's size is rounded up to whole pages. */
    h = section(PAGE_READWRITE, 100, NULL);
    check_view("size.small.page", v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 4096));
    if (v) {
        v[4095] = 1;
        UnmapViewOfFile(v);
    }
    check_view("size.small.two_pages", MapViewOfFile(h, FILE_MAP_READ, 0, 0, 8192));
    CloseHandle(h);
}

static void at_address(void)
{
    HANDLE h = section(PAGE_READWRITE, KB64, NULL);
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char *w;
    if (!v) {
        check("ex.setup", "no view");
        CloseHandle(h);
        return;
    }
    v[0] = 11;
    check_view("ex.taken", MapViewOfFileEx(h, FILE_MAP_READ, 0, 0, 0, v));
    check_view("ex.inside_taken", MapViewOfFileEx(h, FILE_MAP_READ, 0, 0, 0, v + KB64 / 2));
    UnmapViewOfFile(v);
    /* The address just freed is free again. */
    check_view("ex.free", w = MapViewOfFileEx(h, FILE_MAP_READ, 0, 0, 0, v));
    check_yes("ex.free.same_address", w == v);
    check_yes("ex.free.data", w && w[0] == 11);
    if (w)
        UnmapViewOfFile(w);
    check_view("ex.unaligned", w = MapViewOfFileEx(h, FILE_MAP_READ, 0, 0, 0, v + 4096));
    if (w)
        UnmapViewOfFile(w);
    check_view("ex.null_base", w = MapViewOfFileEx(h, FILE_MAP_READ, 0, 0, 0, NULL));
    if (w)
        UnmapViewOfFile(w);
    CloseHandle(h);
}

static void unmap_and_flush(void)
{
    HANDLE h = section(PAGE_READWRITE, 2 * KB64, NULL);
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    int on_stack;

    SetLastError(UNTOUCHED_ERROR);
    check_bool("flush.whole", FlushViewOfFile(v, 0));
    check("flush.last_error", "%s", GetLastError() == UNTOUCHED_ERROR ? "unchanged" : "changed");
    check_bool("flush.range", FlushViewOfFile(v + 100, 10));
    check_bool("flush.second_half", FlushViewOfFile(v + KB64, KB64));
    check_bool("flush.not_a_view", FlushViewOfFile(&on_stack, 4));

    BOOL inside = UnmapViewOfFile(v + 4096);
    check_bool("unmap.inside", inside);
    if (inside)
        v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    check_bool("unmap.base", UnmapViewOfFile(v));
    check_bool("unmap.again", UnmapViewOfFile(v));
    check_bool("unmap.null", UnmapViewOfFile(NULL));
    check_bool("unmap.not_a_view", UnmapViewOfFile(&on_stack));
    check_bool("flush.unmapped", FlushViewOfFile(v, 0));
    CloseHandle(h);
}

/* A view keeps the section alive; the name goes with the last handle. */
static void lifetime(void)
{
    HANDLE h = section(PAGE_READWRITE, KB64, "conf-mapping-life");
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char *r = MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0);
    check_bool("life.close_handle", CloseHandle(h));
    check_shared("life.views_still_shared", v, r, 21);
    HANDLE again = OpenFileMappingA(FILE_MAP_READ, FALSE, "conf-mapping-life");
    check_handle("life.name_after_close", again);
    CloseHandle(again);

    HANDLE d;
    h = section(PAGE_READWRITE, KB64, NULL);
    DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &d, FILE_MAP_READ, FALSE, 0);
    char *w = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char *x = MapViewOfFile(d, FILE_MAP_READ, 0, 0, 0);
    check_shared("dup.shared", w, x, 22);
    check_view("dup.write_denied", MapViewOfFile(d, FILE_MAP_WRITE, 0, 0, 0));
    check_wait("wait.section", WaitForSingleObject(h, 0));
    HANDLE s;
    DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &s, SYNCHRONIZE, FALSE, 0);
    check_wait("wait.section.synchronize", WaitForSingleObject(s, 0));
    CloseHandle(s);
    CloseHandle(d);
    UnmapViewOfFile(w);
    UnmapViewOfFile(x);
    CloseHandle(h);
    UnmapViewOfFile(v);
    UnmapViewOfFile(r);
}

#define MF "winhandle-mapping-1.tmp"

static HANDLE open_file(DWORD access, DWORD disposition)
{
    return CreateFileA(MF, access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, disposition,
                       FILE_ATTRIBUTE_NORMAL, NULL);
}

static void check_file_size(const char *name, HANDLE f)
{
    check(name, "%u", (unsigned)GetFileSize(f, NULL));
}

/* What ReadFile sees at an offset: one byte. */
static char read_at(HANDLE f, DWORD offset)
{
    char c = '?';
    DWORD got = 0;
    SetFilePointer(f, (LONG)offset, NULL, FILE_BEGIN);
    ReadFile(f, &c, 1, &got, NULL);
    return got == 1 ? c : '?';
}

static void file_sizes(void)
{
    HANDLE f = open_file(GENERIC_READ | GENERIC_WRITE, CREATE_ALWAYS), h;
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.empty", h = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 0, NULL));
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.empty.readonly_sized",
                 h = CreateFileMappingA(f, NULL, PAGE_READONLY, 0, 100, NULL));
    CloseHandle(h);
    check_file_size("file.empty.readonly_sized.file", f);
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.grow", h = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 100, NULL));
    check_file_size("file.grow.file", f);
    try_view("file.view.exact", h, FILE_MAP_READ, 0, 100);
    try_view("file.view.one_more", h, FILE_MAP_READ, 0, 101);
    try_view("file.view.page", h, FILE_MAP_READ, 0, 4096);
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.smaller", h = CreateFileMappingA(f, NULL, PAGE_READONLY, 0, 50, NULL));
    check_file_size("file.smaller.file", f);
    try_view("file.smaller.view_past", h, FILE_MAP_READ, 0, 51);
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.readonly.larger", h = CreateFileMappingA(f, NULL, PAGE_READONLY, 0, 200, NULL));
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.whole", h = CreateFileMappingA(f, NULL, PAGE_READONLY, 0, 0, NULL));
    try_view("file.whole.view", h, FILE_MAP_READ, 0, 100);
    CloseHandle(h);
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.big", h = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 3 * KB64, NULL));
    check_file_size("file.big.file", f);
    try_view("file.big.offset", h, FILE_MAP_READ, 2 * KB64, 0);
    CloseHandle(h);
    CloseHandle(f);
}

static void file_data(void)
{
    HANDLE f = open_file(GENERIC_READ | GENERIC_WRITE, CREATE_ALWAYS);
    HANDLE h = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 4096, NULL);
    char *v = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
    char *c = MapViewOfFile(h, FILE_MAP_COPY, 0, 0, 0);
    DWORD done;
    if (!v || !c) {
        check("file.data", "no view");
    } else {
        v[0] = 'v';
        check_yes("file.data.view_to_readfile", read_at(f, 0) == 'v');
        SetFilePointer(f, 10, NULL, FILE_BEGIN);
        WriteFile(f, "w", 1, &done, NULL);
        check_yes("file.data.writefile_to_view", v[10] == 'w');
        c[20] = 'c';
        check_yes("file.data.copy_private", read_at(f, 20) == 0 && v[20] == 0);
        check_bool("file.data.flush", FlushViewOfFile(v, 0));
    }
    UnmapViewOfFile(c);
    /* The section holds the file: its handle may go. */
    CloseHandle(f);
    char *w = MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0);
    check_yes("file.data.after_file_closed", w && w[0] == 'v' && w[10] == 'w');
    UnmapViewOfFile(w);
    UnmapViewOfFile(v);
    CloseHandle(h);
}

/* The file handle must allow what the protection does. (Executable
 * sections are left out: the documentation wants GENERIC_EXECUTE on the
 * file, Wine does not; tests/integration/test_documented.c checks it.) */
static void file_rights(void)
{
    static const struct { const char *name; DWORD access; } opens[] = {
        { "file.rights.read", GENERIC_READ },
        { "file.rights.write", GENERIC_WRITE },
        { "file.rights.read_write", GENERIC_READ | GENERIC_WRITE },
        { "file.rights.attributes", FILE_READ_ATTRIBUTES },
    };
    static const struct { const char *name; DWORD protect; } protects[] = {
        { "readonly", PAGE_READONLY },
        { "readwrite", PAGE_READWRITE },
        { "writecopy", PAGE_WRITECOPY },
    };
    for (size_t o = 0; o < sizeof(opens) / sizeof(opens[0]); o++) {
        HANDLE f = open_file(opens[o].access, OPEN_EXISTING);
        for (size_t p = 0; p < sizeof(protects) / sizeof(protects[0]); p++) {
            SetLastError(UNTOUCHED_ERROR);
            HANDLE h = CreateFileMappingA(f, NULL, protects[p].protect, 0, 0, NULL);
            check_create(check_name(opens[o].name, protects[p].name), h);
            CloseHandle(h);
        }
        CloseHandle(f);
    }

    /* A copy view of a read-only file writes only to private pages. */
    HANDLE f = open_file(GENERIC_READ, OPEN_EXISTING);
    HANDLE h = CreateFileMappingA(f, NULL, PAGE_WRITECOPY, 0, 0, NULL);
    char *c = MapViewOfFile(h, FILE_MAP_COPY, 0, 0, 0);
    check_view("file.readonly.copy_view", c);
    if (c) {
        c[0] = 'x';
        check_yes("file.readonly.copy_view.private", read_at(f, 0) == 'v');
        UnmapViewOfFile(c);
    }
    CloseHandle(h);
    CloseHandle(f);

    HANDLE r, w;
    CreatePipe(&r, &w, NULL, 0);
    SetLastError(UNTOUCHED_ERROR);
    check_create("file.pipe", h = CreateFileMappingA(r, NULL, PAGE_READONLY, 0, 4096, NULL));
    CloseHandle(h);
    CloseHandle(r);
    CloseHandle(w);
}

int main(void)
{
    system_info();
    create();
    big();
    names();
    view_access();
    protections();
    offsets_and_sizes();
    at_address();
    unmap_and_flush();
    lifetime();
    file_sizes();
    file_data();
    file_rights();
    DeleteFileA(MF);
    return 0;
}
