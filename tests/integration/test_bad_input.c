/*
 * Hostile bytes: truncated, oversized, random and out-of-order requests,
 * a wrong protocol version and a false pid, sent on raw sockets while a
 * well-behaved thread keeps using the server. The server must answer each
 * with an error or close that one connection, and serve everyone else.
 */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <windows.h>

#include "../../protocol/protocol.h"
#include "calm_worker.h"
#include "raw_conn.h"
#include "tap.h"

/* Read a reply header; returns its error, -1 when the server closed. */
static long read_reply(int fd, void *body, size_t body_len)
{
    struct wh_reply_header h;
    if (recv(fd, &h, sizeof(h), MSG_WAITALL) != (ssize_t)sizeof(h))
        return -1;
    size_t rest = h.size - sizeof(h);
    char buf[256];
    if (rest > sizeof(buf) || (rest && recv(fd, buf, rest, MSG_WAITALL) != (ssize_t)rest))
        return -1;
    if (body)
        memcpy(body, buf, rest < body_len ? rest : body_len);
    return (long)h.error;
}

static int closed_by_server(int fd)
{
    char c;
    ssize_t n = recv(fd, &c, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
}

static long send_hello(int fd, uint32_t version, uint32_t pid)
{
    struct wh_hello_request req = {
        .header = { sizeof(req), WH_REQ_hello },
        .version = version, .pid = pid, .tid = (uint32_t)gettid(), .bitness = 64,
    };
    if (write(fd, &req, sizeof(req)) != (ssize_t)sizeof(req))
        return -2;
    return read_reply(fd, NULL, 0);
}

static int hello_ok(void)
{
    int fd = raw_connect();
    if (send_hello(fd, WH_PROTOCOL_VERSION, (uint32_t)getpid()) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void test_handshake(void)
{
    int fd = raw_connect();
    struct wh_hello_reply r;
    struct wh_hello_request req = {
        .header = { sizeof(req), WH_REQ_hello }, .version = 999,
        .pid = (uint32_t)getpid(), .tid = (uint32_t)gettid(), .bitness = 64,
    };
    ssize_t n = write(fd, &req, sizeof(req));
    ok(n == sizeof(req) && read_reply(fd, &r.version, sizeof(r) - sizeof(r.header)) == 1306 &&
           r.version == WH_PROTOCOL_VERSION,
       "another protocol version: ERROR_REVISION_MISMATCH and the server's version");
    close(fd);

    fd = raw_connect();
    ok(send_hello(fd, WH_PROTOCOL_VERSION, 1) == ERROR_ACCESS_DENIED,
       "a hello claiming another pid is refused");
    close(fd);

    fd = raw_connect();
    struct wh_close_handle_request c = { .header = { sizeof(c), WH_REQ_close_handle } };
    n = write(fd, &c, sizeof(c));
    ok(n == sizeof(c) && closed_by_server(fd), "a request before hello closes the connection");
    close(fd);
}

static void test_malformed(void)
{
    int fd = hello_ok();
    struct wh_request_header h = { 0xffffffffu, WH_REQ_close_handle };
    ssize_t n = write(fd, &h, sizeof(h));
    ok(n == sizeof(h) && closed_by_server(fd), "an oversized request closes the connection");
    close(fd);

    fd = hello_ok();
    h = (struct wh_request_header){ 4, WH_REQ_close_handle };
    n = write(fd, &h, sizeof(h));
    ok(n == sizeof(h) && closed_by_server(fd), "a size smaller than a header closes it");
    close(fd);

    fd = hello_ok();
    h = (struct wh_request_header){ sizeof(h), 0x7777 };
    n = write(fd, &h, sizeof(h));
    ok(n == sizeof(h) && closed_by_server(fd), "an unknown request code closes it");
    close(fd);

    fd = hello_ok();
    h = (struct wh_request_header){ sizeof(h), WH_REQ_create_event };
    n = write(fd, &h, sizeof(h));
    ok(n == sizeof(h) && closed_by_server(fd), "a request shorter than its fixed part closes it");
    close(fd);

    fd = hello_ok();
    struct wh_create_event_request ce = {
        .header = { sizeof(ce) + 3, WH_REQ_create_event }, .name_len = 200,
    };
    n = write(fd, &ce, sizeof(ce));
    n += write(fd, "abc", 3);
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER,
       "a name length that disagrees with the data: ERROR_INVALID_PARAMETER");
    struct {
        struct wh_wait_request w;
        uint32_t handles[2];
    } wr = { { .header = { sizeof(wr), WH_REQ_wait }, .count = 1000 }, { 4, 8 } };
    n = write(fd, &wr, sizeof(wr));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER,
       "a wait count that disagrees with the data: ERROR_INVALID_PARAMETER");
    close(fd);

    fd = hello_ok();
    ce = (struct wh_create_event_request){ .header = { 200, WH_REQ_create_event } };
    n = write(fd, &ce, sizeof(ce)); /* promises 200 bytes, then hangs up */
    close(fd);
    ok(n == sizeof(ce), "a truncated request followed by a hang-up");
}

/* File mapping requests with values the library never sends: each gets
 * an error, the connection lives on, and no section is made. */
static void test_mapping_requests(void)
{
    int fd = hello_ok();
    struct wh_create_mapping_request cm = {
        .header = { sizeof(cm), WH_REQ_create_mapping },
        .protect = 0x08000004u, /* PAGE_READWRITE | SEC_COMMIT */
        .size = 4096, .reserved = 1,
    };
    ssize_t n = write(fd, &cm, sizeof(cm));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER, "create_mapping: reserved not 0");
    cm.reserved = 0;
    cm.protect = 0xffffffffu;
    n += write(fd, &cm, sizeof(cm));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER, "create_mapping: every protection bit");
    cm.protect = 0x08000004u;
    cm.size = UINT64_MAX;
    n += write(fd, &cm, sizeof(cm));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER, "create_mapping: 2^64 - 1 bytes");
    cm.size = 4096;
    cm.file = 0x7ffffffcu;
    n += write(fd, &cm, sizeof(cm));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_HANDLE, "create_mapping: a file handle never made");
    cm.file = 0;
    cm.name_len = 5;
    n += write(fd, &cm, sizeof(cm));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER,
       "create_mapping: a name length with no name");

    cm.name_len = 0;
    cm.access = 0x000f001fu; /* SECTION_ALL_ACCESS */
    struct wh_create_mapping_reply made;
    n += write(fd, &cm, sizeof(cm));
    long err = read_reply(fd, &made.handle, sizeof(made) - sizeof(made.header));
    struct wh_map_view_request mv = {
        .header = { sizeof(mv), WH_REQ_map_view }, .handle = made.handle, .protect = 0x04,
        .offset = UINT64_MAX - 0xffff, .size = 1,
    };
    n += write(fd, &mv, sizeof(mv));
    ok(err == 0 && read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER,
       "map_view: an offset near 2^64");
    mv.offset = 0;
    mv.protect = 0x300;
    n += write(fd, &mv, sizeof(mv));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER, "map_view: a protection no view has");
    mv.protect = 0x04;
    mv.size = UINT64_MAX;
    n += write(fd, &mv, sizeof(mv));
    ok(read_reply(fd, NULL, 0) == ERROR_ACCESS_DENIED, "map_view: 2^64 - 1 bytes");
    (void)n;
    close(fd);
}

/* A raw connection that says it is traced (WH_HELLO_TRACE). */
static int traced_hello(void)
{
    int fd = raw_connect();
    struct wh_hello_request req = {
        .header = { sizeof(req), WH_REQ_hello }, .version = WH_PROTOCOL_VERSION,
        .pid = (uint32_t)getpid(), .tid = (uint32_t)gettid(), .bitness = 64,
        .flags = WH_HELLO_TRACE,
    };
    if (write(fd, &req, sizeof(req)) != (ssize_t)sizeof(req) || read_reply(fd, NULL, 0) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Send a trace_site with len bytes of site; returns the reply's error. */
static long send_site(int fd, uint32_t reserved, const char *site, uint32_t len)
{
    struct wh_trace_site_request req = {
        .header = { (uint32_t)sizeof(req) + len, WH_REQ_trace_site }, .reserved = reserved,
    };
    ssize_t n = write(fd, &req, sizeof(req));
    n += len ? write(fd, site, len) : 0;
    (void)n;
    return read_reply(fd, NULL, 0);
}

static void test_trace_requests(void)
{
    int fd = traced_hello();
    ok(fd >= 0, "trace: a traced hello is accepted");
    struct wh_create_event_request ce = { .header = { sizeof(ce), WH_REQ_create_event } };
    ssize_t n = write(fd, &ce, sizeof(ce));
    struct wh_reply_header h;
    n += recv(fd, &h, sizeof(h), MSG_WAITALL);
    char body[64];
    n += recv(fd, body, h.size - sizeof(h), MSG_WAITALL);
    ok(h.error == 0 && h.trace == 1, "trace: a create on a traced connection has 1 note");
    ok(send_site(fd, 1, "x", 1) == ERROR_INVALID_PARAMETER, "trace_site: reserved not 0");
    static char big[WH_MAX_SITE_LEN + 1];
    memset(big, 'a', sizeof(big));
    ok(send_site(fd, 0, big, sizeof(big)) == ERROR_INVALID_PARAMETER,
       "trace_site: a site longer than WH_MAX_SITE_LEN");
    ok(send_site(fd, 0, "\0\xff\n\x1b[2J", 6) == 0, "trace_site: binary bytes and no notes");
    ok(send_site(fd, 0, NULL, 0) == 0, "trace_site: an empty site and no notes");
    /* A create, then the site as binary bytes: kept as given. */
    n += write(fd, &ce, sizeof(ce));
    ok(read_reply(fd, NULL, 0) == 0 && send_site(fd, 0, "\0\xff\n\x1b[2J", 6) == 0,
       "trace_site: binary bytes stored with a handle");
    struct wh_list_handle_sites_request ls = {
        .header = { sizeof(ls), WH_REQ_list_handle_sites }, .pid = 0xfffffff0u,
    };
    n += write(fd, &ls, sizeof(ls));
    ok(read_reply(fd, NULL, 0) == ERROR_INVALID_PARAMETER, "list_handle_sites: no such pid");
    ls.pid = 0;
    n += write(fd, &ls, sizeof(ls));
    ok(read_reply(fd, NULL, 0) == 0, "list_handle_sites: the caller's own");
    /* Notes left waiting when the connection goes must not leak. */
    n += write(fd, &ce, sizeof(ce));
    ok(read_reply(fd, NULL, 0) == 0, "trace: a create left with its note pending");
    (void)n;
    close(fd);
    int plain = hello_ok();
    ok(send_site(plain, 0, "site", 4) == 0, "trace_site on an untraced connection: nothing");
    close(plain);
}

/* A request and its data in one write; the reply's error (-1: closed). */
static long call_with(int fd, void *req, size_t req_len, const void *data, size_t data_len)
{
    char buf[512];
    if (req_len + data_len > sizeof(buf))
        return -2;
    ((struct wh_request_header *)req)->size = (uint32_t)(req_len + data_len);
    memcpy(buf, req, req_len);
    if (data_len)
        memcpy(buf + req_len, data, data_len);
    if (write(fd, buf, req_len + data_len) != (ssize_t)(req_len + data_len))
        return -2;
    return read_reply(fd, NULL, 0);
}

static void test_gdi_requests(void)
{
    int fd = hello_ok();
    struct wh_gdi_create_request gc = { .header = { 0, WH_REQ_gdi_create }, .type = 99 };
    struct wh_gdi_pen pen = { .count = 0xffffffffu };
    ok(call_with(fd, &gc, sizeof(gc), &pen, sizeof(pen)) == ERROR_INVALID_PARAMETER,
       "gdi_create: an unknown type");
    gc.type = 1; /* a pen */
    ok(call_with(fd, &gc, sizeof(gc), &pen, 3) == ERROR_INVALID_PARAMETER,
       "gdi_create: a record cut short");
    gc.type = 11; /* an extended pen */
    ok(call_with(fd, &gc, sizeof(gc), &pen, sizeof(pen)) == ERROR_INVALID_PARAMETER,
       "gdi_create: 2^32 - 1 style entries and none sent");
    struct wh_gdi_bitmap bm = { .width = 0x7ffffff, .height = 0x7ffffff, .planes = 1, .bpp = 32 };
    gc.type = 7;
    ok(call_with(fd, &gc, sizeof(gc), &bm, sizeof(bm)) == ERROR_NOT_ENOUGH_MEMORY,
       "gdi_create: a bitmap of 2^60 bytes");
    bm.width = INT32_MIN;
    bm.height = 1;
    ok(call_with(fd, &gc, sizeof(gc), &bm, sizeof(bm)) == ERROR_INVALID_PARAMETER,
       "gdi_create: a bitmap -2^31 wide");
    bm.width = 8;
    gc.bits_len = 0xffffffffu;
    ok(call_with(fd, &gc, sizeof(gc), &bm, sizeof(bm)) == ERROR_INVALID_PARAMETER,
       "gdi_create: bits promised and not sent");
    gc.bits_len = 0;
    struct wh_gdi_palette pal = { .version = 0x300, .count = 0xffffffffu };
    gc.type = 5;
    ok(call_with(fd, &gc, sizeof(gc), &pal, sizeof(pal)) == ERROR_INVALID_PARAMETER,
       "gdi_create: a palette of 2^32 - 1 entries");

    struct wh_gdi_region rgn = { .box = { INT32_MIN, INT32_MIN, INT32_MAX, INT32_MAX } };
    gc.type = 8;
    char raw[sizeof(gc) + sizeof(rgn)];
    gc.header.size = sizeof(raw);
    memcpy(raw, &gc, sizeof(gc));
    memcpy(raw + sizeof(gc), &rgn, sizeof(rgn));
    struct wh_gdi_create_reply made = { 0 };
    long err = write(fd, raw, sizeof(raw)) == (ssize_t)sizeof(raw)
                   ? read_reply(fd, &made.handle, sizeof(made) - sizeof(made.header)) : -2;
    ok(err == 0 && made.handle, "gdi_create: a region as large as can be");
    struct wh_gdi_region_request rr = { .header = { 0, WH_REQ_gdi_region }, .op = 99,
                                        .dst = made.handle };
    ok(call_with(fd, &rr, sizeof(rr), NULL, 0) == ERROR_INVALID_PARAMETER,
       "gdi_region: an unknown op");
    rr.op = WH_RGN_OFFSET;
    rr.x = INT32_MAX;
    rr.y = INT32_MIN;
    ok(call_with(fd, &rr, sizeof(rr), NULL, 0) == 0, "gdi_region: an offset that wraps");
    rr.op = WH_RGN_COMBINE;
    rr.mode = 0xffffffffu;
    rr.src1 = rr.src2 = made.handle;
    ok(call_with(fd, &rr, sizeof(rr), NULL, 0) == WH_USER_FAILED_QUIETLY,
       "gdi_region: an unknown mode fails quietly");
    struct wh_gdi_bitmap_bits_request bb = { .header = { 0, WH_REQ_gdi_bitmap_bits },
                                             .handle = made.handle, .len = 16 };
    ok(call_with(fd, &bb, sizeof(bb), NULL, 0) == ERROR_INVALID_HANDLE,
       "gdi_bitmap_bits: a region is no bitmap");
    struct wh_gdi_get_request gg = { .header = { 0, WH_REQ_gdi_get }, .handle = made.handle,
                                     .reserved = 1 };
    ok(call_with(fd, &gg, sizeof(gg), NULL, 0) == ERROR_INVALID_PARAMETER,
       "gdi_get: reserved not 0");
    struct wh_list_gdi_objects_request lg = { .header = { 0, WH_REQ_list_gdi_objects },
                                              .type = 99 };
    ok(call_with(fd, &lg, sizeof(lg), NULL, 0) == ERROR_INVALID_PARAMETER,
       "list_gdi_objects: an unknown type");
    struct wh_gui_resources_request gr = { .header = { 0, WH_REQ_gui_resources },
                                           .process = WH_CURRENT_PROCESS, .flags = 0xffffffffu };
    ok(call_with(fd, &gr, sizeof(gr), NULL, 0) == ERROR_INVALID_PARAMETER,
       "gui_resources: unknown flags");
    close(fd);

    /* A bitmap whose bits are poked at past their end. */
    fd = hello_ok();
    bm = (struct wh_gdi_bitmap){ .width = 8, .height = 2, .planes = 1, .bpp = 8 };
    gc.type = 7;
    gc.header.size = sizeof(gc) + sizeof(bm);
    memcpy(raw, &gc, sizeof(gc));
    memcpy(raw + sizeof(gc), &bm, sizeof(bm));
    made.handle = 0;
    err = write(fd, raw, sizeof(gc) + sizeof(bm)) == (ssize_t)(sizeof(gc) + sizeof(bm))
              ? read_reply(fd, &made.handle, sizeof(made) - sizeof(made.header)) : -2;
    bb.handle = made.handle;
    bb.offset = 0xfffffff0u;
    ok(err == 0 && call_with(fd, &bb, sizeof(bb), NULL, 0) == ERROR_INVALID_PARAMETER,
       "gdi_bitmap_bits: an offset past the end");
    bb.offset = 8;
    bb.write = 1;
    char bytes[64] = { 0 };
    ok(call_with(fd, &bb, sizeof(bb), bytes, sizeof(bytes)) == 0,
       "gdi_bitmap_bits: a write running past the end is cut at the end");
    bb.write = 7;
    ok(call_with(fd, &bb, sizeof(bb), NULL, 0) == ERROR_INVALID_PARAMETER,
       "gdi_bitmap_bits: write neither 0 nor 1");
    close(fd); /* its process lives on: the objects stay until it ends */
}

/* Desktops: names of every wrong shape, a handle that is not a desktop. */
static void test_desktop_requests(void)
{
    int fd = hello_ok();
    struct wh_create_desktop_request cd = { .header = { 0, WH_REQ_create_desktop },
                                            .access = 0x1ff, .name_len = 64 };
    char name[128];
    memset(name, 'd', sizeof(name));
    ok(call_with(fd, &cd, sizeof(cd), name, 10) == ERROR_INVALID_PARAMETER,
       "create_desktop: a name longer than sent");
    cd.name_len = sizeof(name);
    ok(call_with(fd, &cd, sizeof(cd), name, sizeof(name)) == ERROR_INVALID_PARAMETER,
       "create_desktop: a name past the limit");
    cd.name_len = 3;
    ok(call_with(fd, &cd, sizeof(cd), "a\0b", 3) == ERROR_INVALID_PARAMETER,
       "create_desktop: a NUL inside the name");
    ok(call_with(fd, &cd, sizeof(cd), "a\\b", 3) == ERROR_BAD_PATHNAME,
       "create_desktop: a backslash");
    cd.reserved = 1;
    ok(call_with(fd, &cd, sizeof(cd), "abc", 3) == ERROR_INVALID_PARAMETER,
       "create_desktop: reserved not 0");
    struct wh_set_thread_desktop_request st = { .header = { 0, WH_REQ_set_thread_desktop },
                                                .handle = 0xfffffffcu };
    ok(call_with(fd, &st, sizeof(st), NULL, 0) == ERROR_INVALID_HANDLE,
       "set_thread_desktop: no such handle");
    struct wh_open_station_request os = { .header = { 0, WH_REQ_open_station },
                                          .kind = WH_TYPE_DESKTOP, .name_len = 0xffffffffu };
    ok(call_with(fd, &os, sizeof(os), "Default", 7) == ERROR_INVALID_PARAMETER,
       "open_station: a name length that lies");
    os.kind = 99;
    os.name_len = 7;
    ok(call_with(fd, &os, sizeof(os), "Default", 7) == ERROR_INVALID_PARAMETER,
       "open_station: an unknown kind");
    struct wh_list_refusals_request lr = { .header = { 0, WH_REQ_list_refusals } };
    ok(call_with(fd, &lr, sizeof(lr), NULL, 0) == 0, "list_refusals answers a client too");
    close(fd);
}

static LRESULT CALLBACK plain_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    return DefWindowProcA(hwnd, msg, wparam, lparam);
}

/* SetParent cannot build a tree deeper than CreateWindowExA may (the
 * server walks trees without recursion, but keeps them bounded), nor
 * a cycle. */
static void test_set_parent(void)
{
    WNDCLASSA wc = { .lpfnWndProc = plain_proc, .lpszClassName = "bad-input-deep" };
    RegisterClassA(&wc);
    HWND chain[2][40];
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < 40; i++)
            chain[k][i] = CreateWindowExA(0, "bad-input-deep", "", i ? WS_CHILD : 0, 0, 0, 1,
                                          1, i ? chain[k][i - 1] : NULL, NULL, NULL, NULL);
    ok(chain[0][39] && chain[1][39], "two chains of 40 nested windows");
    SetLastError(0);
    ok(!SetParent(chain[1][0], chain[0][39]) && GetLastError() == ERROR_INVALID_PARAMETER,
       "SetParent refuses to hang one under the other (80 levels)");
    ok(GetParent(chain[1][1]) == chain[1][0] && GetAncestor(chain[1][0], GA_PARENT) ==
                                                    GetDesktopWindow(),
       "and leaves both as they were");
    ok(SetParent(chain[1][30], chain[0][5]) == chain[1][29],
       "a move that stays within the limit works");
    ok(!SetParent(chain[0][0], chain[1][39]) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a window under its own moved descendant is refused");
    DestroyWindow(chain[0][0]);
    DestroyWindow(chain[1][0]);
    ok(!IsWindow(chain[1][39]) && !IsWindow(chain[0][39]), "destroying the roots takes all");
}

/* find_windows: lengths that lie or wrap, unknown flags, a parent that
 * is no window, a child-after that is no child. */
static void test_find_windows(void)
{
    int fd = hello_ok();
    struct wh_find_windows_request fw = { .header = { 0, WH_REQ_find_windows },
                                          .flags = WH_FIND_CLASS, .class_len = 40 };
    ok(call_with(fd, &fw, sizeof(fw), "abc", 3) == ERROR_INVALID_PARAMETER,
       "find_windows: a class longer than sent");
    fw.class_len = 0xffffffffu;
    fw.title_len = 4;
    fw.flags = WH_FIND_CLASS | WH_FIND_TITLE;
    ok(call_with(fd, &fw, sizeof(fw), "abcd", 4) == ERROR_INVALID_PARAMETER,
       "find_windows: lengths whose sum wraps");
    fw.class_len = fw.title_len = 0;
    fw.flags = 0x80;
    ok(call_with(fd, &fw, sizeof(fw), NULL, 0) == ERROR_INVALID_PARAMETER,
       "find_windows: unknown flags");
    fw.flags = WH_FIND_FIRST;
    fw.parent = 0xdead0;
    ok(call_with(fd, &fw, sizeof(fw), NULL, 0) == ERROR_INVALID_WINDOW_HANDLE,
       "find_windows: a parent that is no window");
    fw.parent = 0;
    fw.after = 0x12345;
    ok(call_with(fd, &fw, sizeof(fw), NULL, 0) == 0,
       "find_windows: a child-after that is no window finds nothing");
    close(fd);
}

/* Window properties: keys of every wrong shape, and a window that is
 * given more properties than it keeps. */
static void test_window_props(void)
{
    WNDCLASSA wc = { .lpfnWndProc = plain_proc, .lpszClassName = "bad-input-props" };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, "bad-input-props", "p", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                             NULL);
    int fd = hello_ok();
    struct wh_set_window_prop_request sp = { .header = { 0, WH_REQ_set_window_prop },
                                             .handle = (uint32_t)(uintptr_t)w, .name_len = 40 };
    ok(call_with(fd, &sp, sizeof(sp), "abc", 3) == ERROR_INVALID_PARAMETER,
       "set_window_prop: a name longer than sent");
    char name[300];
    memset(name, 'n', sizeof(name));
    sp.name_len = 256;
    ok(call_with(fd, &sp, sizeof(sp), name, 256) == ERROR_INVALID_PARAMETER,
       "set_window_prop: a name past 255 bytes");
    sp.name_len = 3;
    ok(call_with(fd, &sp, sizeof(sp), "a\0b", 3) == ERROR_INVALID_PARAMETER,
       "set_window_prop: a NUL inside the name");
    sp.atom = 5;
    ok(call_with(fd, &sp, sizeof(sp), "abc", 3) == ERROR_INVALID_PARAMETER,
       "set_window_prop: an atom and a name at once");
    sp.atom = 0x10000;
    sp.name_len = 0;
    ok(call_with(fd, &sp, sizeof(sp), NULL, 0) == ERROR_INVALID_PARAMETER,
       "set_window_prop: an atom past 16 bits");
    struct wh_get_window_prop_request gp = { .header = { 0, WH_REQ_get_window_prop },
                                             .handle = (uint32_t)(uintptr_t)w, .atom = 5,
                                             .remove = 7 };
    ok(call_with(fd, &gp, sizeof(gp), NULL, 0) == ERROR_INVALID_PARAMETER,
       "get_window_prop: remove neither 0 nor 1");
    gp.remove = 0;
    gp.name_len = 0xffffffffu;
    ok(call_with(fd, &gp, sizeof(gp), NULL, 0) == ERROR_INVALID_PARAMETER,
       "get_window_prop: a name length that lies");
    close(fd);

    uint32_t i;
    for (i = 0; i < WH_MAX_WINDOW_PROPS; i++)
        if (!SetPropA(w, MAKEINTATOM(i + 1), (HANDLE)(uintptr_t)i))
            break;
    SetLastError(0);
    ok(i == WH_MAX_WINDOW_PROPS && !SetPropA(w, "one more", (HANDLE)1) &&
           GetLastError() == ERROR_NOT_ENOUGH_MEMORY,
       "a window keeps %u properties, then ERROR_NOT_ENOUGH_MEMORY (%u set)",
       WH_MAX_WINDOW_PROPS, (unsigned)i);
    ok(SetPropA(w, MAKEINTATOM(7), (HANDLE)70) && GetPropA(w, MAKEINTATOM(7)) == (HANDLE)70,
       "a full window still changes the ones it has");
    ok(RemovePropA(w, MAKEINTATOM(1)) == NULL && SetPropA(w, "one more", (HANDLE)1),
       "and takes one more once one is removed");
    ok(DestroyWindow(w), "a window with all its properties goes");
}

/* get_dialog_item: no window, the desktop's children by any id, a
 * window without children. */
static void test_dialog_item(void)
{
    int fd = hello_ok();
    struct wh_get_dialog_item_request gi = { .header = { 0, WH_REQ_get_dialog_item },
                                             .handle = 0xdead0, .id = ~0ull };
    ok(call_with(fd, &gi, sizeof(gi), NULL, 0) == ERROR_INVALID_WINDOW_HANDLE,
       "get_dialog_item: no window");
    gi.handle = 0;
    ok(call_with(fd, &gi, sizeof(gi), NULL, 0) == ERROR_INVALID_WINDOW_HANDLE,
       "get_dialog_item: handle 0");
    HWND w = CreateWindowExA(0, "Static", "", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    gi.handle = (uint32_t)(ULONG_PTR)w;
    gi.id = 0;
    ok(call_with(fd, &gi, sizeof(gi), "extra", 5) == ERROR_CONTROL_ID_NOT_FOUND,
       "get_dialog_item: no children, data that is not asked for");
    DestroyWindow(w);
    close(fd);
}

/* get_window_text by dialog item: an item flag other than 0 or 1, the
 * reserved word, no window, no such child; a child's text with max far
 * beyond it. */
static void test_dialog_item_text(void)
{
    int fd = hello_ok();
    HWND dlg = CreateWindowExA(0, "Static", "", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    HWND item = CreateWindowExA(0, "Static", "abc", WS_CHILD, 0, 0, 1, 1, dlg,
                                (HMENU)(ULONG_PTR)5, NULL, NULL);
    struct wh_get_window_text_request gt = { .header = { 0, WH_REQ_get_window_text },
                                             .handle = (uint32_t)(ULONG_PTR)dlg,
                                             .max = 0xffffffffu, .item = 2, .item_id = 5 };
    ok(call_with(fd, &gt, sizeof(gt), NULL, 0) == ERROR_INVALID_PARAMETER,
       "get_window_text: item 2");
    gt.item = 1;
    gt.reserved = 1;
    ok(call_with(fd, &gt, sizeof(gt), NULL, 0) == ERROR_INVALID_PARAMETER,
       "get_window_text: the reserved word set");
    gt.reserved = 0;
    gt.handle = 0xdead0;
    ok(call_with(fd, &gt, sizeof(gt), NULL, 0) == ERROR_INVALID_WINDOW_HANDLE,
       "get_window_text: an item of no window");
    gt.handle = (uint32_t)(ULONG_PTR)dlg;
    gt.item_id = ~0ull;
    ok(call_with(fd, &gt, sizeof(gt), NULL, 0) == ERROR_CONTROL_ID_NOT_FOUND,
       "get_window_text: no such item");
    gt.item_id = 5;
    ok(item && call_with(fd, &gt, sizeof(gt), "extra", 5) == 0,
       "get_window_text: an item's text, max 2^32 - 1, data that is not asked for");
    char buf[8];
    ok(GetDlgItemTextA(dlg, 5, buf, sizeof(buf)) == 3 && !strcmp(buf, "abc"),
       "and the item's text is still there");
    DestroyWindow(dlg);
    close(fd);
}

/* A window text longer than a request may be is cut to the longest one
 * a window keeps: the call's connection and the thread's windows live on,
 * and FindWindowA finds the window by that text. */
static void test_long_window_text(void)
{
    WNDCLASSA wc = { .lpfnWndProc = plain_proc, .lpszClassName = "bad-input-text" };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, "bad-input-text", "t", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL,
                             NULL);
    char *text = malloc(WH_MAX_REQUEST_SIZE + 2);
    memset(text, 't', WH_MAX_REQUEST_SIZE + 1);
    text[WH_MAX_REQUEST_SIZE + 1] = 0;
    BOOL set = w && SetWindowTextA(w, text);
    int len = GetWindowTextLengthA(w);
    ok(set && IsWindow(w) && len == (int)WH_MAX_WINDOW_TEXT,
       "SetWindowTextA of %u bytes keeps %u, and the window lives (%d)",
       WH_MAX_REQUEST_SIZE + 1, WH_MAX_WINDOW_TEXT, len);
    text[WH_MAX_WINDOW_TEXT] = 0;
    ok(FindWindowA("bad-input-text", text) == w, "FindWindowA finds it by that text");
    free(text);
    DestroyWindow(w);
}

/* window_state: bits that are no state bits, a handle that is no window. */
static void test_window_state(void)
{
    int fd = hello_ok();
    struct wh_window_state_request ws = { .header = { 0, WH_REQ_window_state },
                                          .handle = 0xdead0 };
    ok(call_with(fd, &ws, sizeof(ws), NULL, 0) == ERROR_INVALID_WINDOW_HANDLE,
       "window_state: a handle that is no window");
    ws.handle = (uint32_t)(uintptr_t)GetDesktopWindow();
    ws.set = WS_CHILD;
    ok(call_with(fd, &ws, sizeof(ws), NULL, 0) == ERROR_INVALID_PARAMETER,
       "window_state: WS_CHILD is no state bit");
    ws.set = 0;
    ws.clear = 0xffffffffu;
    ok(call_with(fd, &ws, sizeof(ws), NULL, 0) == ERROR_INVALID_PARAMETER,
       "window_state: clearing every bit");
    close(fd);
}

/* class_has_windows: any atom is a question with an answer, the data a
 * client adds is ignored. */
static void test_class_has_windows(void)
{
    int fd = hello_ok();
    struct wh_class_has_windows_request ch = { .header = { 0, WH_REQ_class_has_windows } };
    ok(call_with(fd, &ch, sizeof(ch), NULL, 0) == 0, "class_has_windows: atom 0");
    ch.atom = 0xffffffffu;
    ok(call_with(fd, &ch, sizeof(ch), "junk", 4) == 0,
       "class_has_windows: atom 2^32 - 1 with data after");
    ch.atom = 0xc000;
    ch.reserved = 0xffffffffu;
    ok(call_with(fd, &ch, sizeof(ch), NULL, 0) == 0, "class_has_windows: a reserved word set");
    close(fd);
}

/* Menus that would hold themselves: refused near, and deeper than the
 * check looks a cycle can be made; every walk over it ends. */
static void test_menu_cycles(void)
{
    HMENU chain[20];
    for (int i = 0; i < 20; i++) {
        chain[i] = CreatePopupMenu();
        if (i)
            AppendMenuA(chain[i - 1], MF_POPUP, (UINT_PTR)chain[i], "next");
    }
    SetLastError(0);
    ok(!AppendMenuA(chain[3], MF_POPUP, (UINT_PTR)chain[0], "back") &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "a menu into its own submenu: ERROR_INVALID_PARAMETER");
    ok(!InsertMenuA(chain[0], 0, MF_BYPOSITION | MF_POPUP, (UINT_PTR)chain[0], "self"),
       "a menu into itself: refused");
    ok(AppendMenuA(chain[19], MF_POPUP, (UINT_PTR)chain[0], "deep"),
       "a cycle deeper than the check looks is made");
    char text[8];
    ok(GetMenuStringA(chain[0], 12345, text, sizeof(text), MF_BYCOMMAND) == 0,
       "a search by command over the cycle ends");
    ok(DestroyMenu(chain[5]) && !IsMenu(chain[19]) && !IsMenu(chain[0]),
       "destroying one menu of the cycle takes all of it");
}

static void test_random(void)
{
    unsigned seed = (unsigned)getpid();
    int closed = 0;
    for (int i = 0; i < 200; i++) {
        int fd = i % 2 ? hello_ok() : raw_connect();
        char junk[4096];
        for (size_t k = 0; k < sizeof(junk); k++)
            junk[k] = (char)rand_r(&seed);
        ssize_t n = write(fd, junk, (size_t)(rand_r(&seed) % sizeof(junk)) + 1);
        (void)n;
        close(fd);
        closed++;
    }
    ok(closed == 200, "200 connections of random bytes (half after a valid hello)");
}

/* Root only: a peer of another uid is refused even if it reaches the socket. */
static void test_other_uid(void)
{
    if (getuid() != 0) {
        ok(1, "# SKIP other-uid check needs root");
        return;
    }
    const char *dir = getenv("WINHANDLE_DIR");
    char sock[512];
    snprintf(sock, sizeof(sock), "%s/server", dir);
    chmod(dir, 0711);
    chmod(sock, 0777);
    pid_t pid = fork();
    if (pid == 0) {
        if (setgid(65534) < 0 || setuid(65534) < 0)
            _exit(3);
        /* The server may close before the hello is written: that write
         * fails (-2) instead of raising SIGPIPE, and is the same answer. */
        signal(SIGPIPE, SIG_IGN);
        int fd = raw_connect();
        if (fd < 0)
            _exit(2); /* it must reach the socket for the check to mean anything */
        long r = send_hello(fd, WH_PROTOCOL_VERSION, (uint32_t)getpid());
        _exit(r == -1 || r == -2 ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    chmod(dir, 0700);
    chmod(sock, 0755);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
       "a connection from another uid is closed before any reply");
}

/* The wait request's message queue (MsgWaitForMultipleObjects): values
 * the library never sends get ERROR_INVALID_PARAMETER, the queue alone
 * times out, and a hang-up in the middle of a wait on it harms nobody. */
static void test_wait_queue(void)
{
    int fd = hello_ok();
    uint32_t handles[WH_MAX_WAIT_OBJECTS] = { 0 };
    static const struct {
        uint32_t count, queue, data_len;
        long error;
        const char *name;
    } bad[] = {
        { 0, 2, 0, ERROR_INVALID_PARAMETER, "wait: queue 2" },
        { 0, 0, 0, ERROR_INVALID_PARAMETER, "wait: no handles and no queue" },
        { WH_MAX_WAIT_OBJECTS, 1, sizeof(handles), ERROR_INVALID_PARAMETER,
          "wait: 64 handles and the queue" },
        { 0xffffffffu, 1, 0, ERROR_INVALID_PARAMETER, "wait: a count that wraps with the queue" },
        { 1, 1, 4, ERROR_INVALID_HANDLE, "wait: a handle never made, and the queue" },
    };
    struct wh_wait_request w = { .header = { 0, WH_REQ_wait } };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        w.count = bad[i].count;
        w.queue = bad[i].queue;
        ok(call_with(fd, &w, sizeof(w), handles, bad[i].data_len) == bad[i].error, "%s",
           bad[i].name);
    }
    w.count = 0;
    w.queue = 1;
    w.wait_all = 1;
    struct wh_wait_reply r;
    ((struct wh_request_header *)&w)->size = sizeof(w);
    ssize_t n = write(fd, &w, sizeof(w));
    ok(n == sizeof(w) && read_reply(fd, &r.result, sizeof(r.result)) == 0 &&
       r.result == WAIT_TIMEOUT, "wait: the queue alone, no input: WAIT_TIMEOUT");
    w.timeout_ms = 0xffffffffu;
    n = write(fd, &w, sizeof(w)); /* waits forever, then hangs up */
    close(fd);
    fd = hello_ok();
    w.timeout_ms = 0;
    ok(n == sizeof(w) && call_with(fd, &w, sizeof(w), NULL, 0) == 0,
       "wait: a hang-up while waiting on the queue; the next wait is served");
    close(fd);
}

int main(void)
{
    HANDLE t = calm_worker_start();
    test_handshake();
    test_malformed();
    test_mapping_requests();
    test_wait_queue();
    test_trace_requests();

    test_gdi_requests();
    test_desktop_requests();
    test_set_parent();
    test_find_windows();
    test_window_props();
    test_dialog_item();
    test_window_state();
    test_class_has_windows();
    test_dialog_item_text();
    test_menu_cycles();
    test_long_window_text();
    test_random();
    test_other_uid();
    calm_worker_finish(t, "after-the-storm");
    return tap_done();
}
