/*
 * GDI objects between processes, against a server with the default quota:
 *  - a child uses its parent's pen, brush, font, bitmap (bits past one
 *    request's worth), region and palette by value, and deletes one;
 *  - a process's objects go when it exits, and when it is killed with
 *    SIGKILL; GetGuiResources counts them, for any process handle with
 *    query rights, with their peak; USER objects too;
 *  - the per-process quota of 10,000: the next creation fails with
 *    ERROR_NOT_ENOUGH_MEMORY, other processes go on, a deletion makes room.
 * Also what Wine cannot show: bitmap bits read back (its null display
 * driver reads zeros), GetGuiResources (a stub there).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

#define QUOTA 10000
#define BM_W 100
#define BM_H 100 /* 32 bpp: 40,000 bytes of bits, more than one request holds */
#define HOLD 5

static const LOGFONTA font_in = { -13, 0, 0, 0, FW_BOLD, 1, 0, 0, ANSI_CHARSET, 0, 0, 0,
                                  FF_SWISS, "Shared Face" };

static BYTE pattern(int i)
{
    return (BYTE)(i * 7 + 3);
}

static HBITMAP make_bitmap(void)
{
    static BYTE bits[BM_W * BM_H * 4];
    for (int i = 0; i < (int)sizeof(bits); i++)
        bits[i] = pattern(i);
    return CreateBitmap(BM_W, BM_H, 1, 32, bits);
}

static HPALETTE make_palette(void)
{
    struct { WORD version, count; PALETTEENTRY e[3]; } lp = {
        0x300, 3, { { 1, 2, 3, 0 }, { 4, 5, 6, PC_RESERVED }, { 7, 8, 9, 0 } } };
    return CreatePalette((LOGPALETTE *)&lp);
}

/* A frame: 0,0-10,10 less 3,3-6,6. */
static HRGN make_region(void)
{
    HRGN outer = CreateRectRgn(0, 0, 10, 10), inner = CreateRectRgn(3, 3, 6, 6);
    CombineRgn(outer, outer, inner, RGN_DIFF);
    DeleteObject(inner);
    return outer;
}

/* ---- the child that reads its parent's objects ---- */

static void *arg_handle(const char *s)
{
    /* As a 32-bit value passes to a 64-bit process: sign-extended. */
    return LongToHandle((LONG)strtoul(s, NULL, 16));
}

static int reader(char **argv)
{
    int bad = 0;
    HPEN pen = arg_handle(argv[0]);
    HBRUSH brush = arg_handle(argv[1]);
    HFONT font = arg_handle(argv[2]);
    HBITMAP bm = arg_handle(argv[3]);
    HRGN rgn = arg_handle(argv[4]);
    HPALETTE pal = arg_handle(argv[5]);
    LOGPEN lp;
    bad += GetObjectA(pen, sizeof(lp), &lp) != sizeof(lp) || lp.lopnStyle != PS_DASH ||
           lp.lopnWidth.x != 3 || lp.lopnColor != RGB(1, 2, 3);
    LOGBRUSH lb;
    bad += GetObjectA(brush, sizeof(lb), &lb) != sizeof(lb) || lb.lbStyle != BS_HATCHED ||
           lb.lbHatch != HS_CROSS || lb.lbColor != RGB(9, 8, 7);
    LOGFONTA lf;
    bad += GetObjectA(font, sizeof(lf), &lf) != sizeof(lf) || memcmp(&lf, &font_in, sizeof(lf));
    static BYTE bits[BM_W * BM_H * 4];
    bad += GetBitmapBits(bm, sizeof(bits), bits) != (LONG)sizeof(bits);
    for (int i = 0; i < (int)sizeof(bits); i++)
        if (bits[i] != pattern(i)) {
            bad++;
            break;
        }
    bad += !PtInRegion(rgn, 1, 1) || PtInRegion(rgn, 4, 4) || GetObjectType(rgn) != OBJ_REGION;
    PALETTEENTRY pe[3];
    bad += GetPaletteEntries(pal, 0, 3, pe) != 3 || pe[1].peGreen != 5 ||
           pe[1].peFlags != PC_RESERVED;
    bad += !DeleteObject(rgn); /* another process's: any process of the session may */
    return bad;
}

static void by_value(void)
{
    HPEN pen = CreatePen(PS_DASH, 3, RGB(1, 2, 3));
    HBRUSH brush = CreateHatchBrush(HS_CROSS, RGB(9, 8, 7));
    HFONT font = CreateFontIndirectA(&font_in);
    HBITMAP bm = make_bitmap();
    HRGN rgn = make_region();
    HPALETTE pal = make_palette();
    ok(pen && brush && font && bm && rgn && pal, "parent made a pen, brush, font, bitmap, region, palette");
    char args[256];
    snprintf(args, sizeof(args), "reader %x %x %x %x %x %x", (unsigned)HandleToULong(pen),
             (unsigned)HandleToULong(brush), (unsigned)HandleToULong(font),
             (unsigned)HandleToULong(bm), (unsigned)HandleToULong(rgn),
             (unsigned)HandleToULong(pal));
    PROCESS_INFORMATION pi;
    ok(spawn_self(args, FALSE, NULL, &pi), "child started");
    ok(finish_child(&pi) == 0, "child read every object by value (bitmap bits too) and deleted the region");
    ok(GetObjectType(rgn) == 0, "the region the child deleted is gone here too");
    ok(GetObjectType(pen) == OBJ_PEN, "the rest are still the parent's");
    DeleteObject(pen);
    DeleteObject(brush);
    DeleteObject(font);
    DeleteObject(bm);
    DeleteObject(pal);
}

/* ---- a child holding objects until released or killed ---- */

struct mailbox {
    DWORD handles[HOLD];
};

static char name_buf[64];

static const char *name_of(DWORD tag, const char *what)
{
    snprintf(name_buf, sizeof(name_buf), "gdi-test-%lu-%s", (unsigned long)tag, what);
    return name_buf;
}

static int holder(DWORD tag)
{
    HANDLE map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                                    name_of(tag, "box"));
    struct mailbox *box = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    HANDLE ready = CreateEventA(NULL, TRUE, FALSE, name_of(tag, "ready"));
    HANDLE release = CreateEventA(NULL, TRUE, FALSE, name_of(tag, "release"));
    if (!box || !ready || !release)
        return 2;
    for (int i = 0; i < HOLD; i++) {
        HGDIOBJ obj = i % 2 ? (HGDIOBJ)CreateSolidBrush(RGB(i, 0, 0))
                            : (HGDIOBJ)CreateRectRgn(0, 0, i + 1, i + 1);
        if (!obj)
            return 3;
        box->handles[i] = HandleToULong(obj);
    }
    SetEvent(ready);
    WaitForSingleObject(release, 30000);
    return 0;
}

struct held {
    PROCESS_INFORMATION pi;
    HANDLE map, ready, release;
    struct mailbox *box;
};

static int hold_start(struct held *h, DWORD tag)
{
    h->map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                                name_of(tag, "box"));
    h->box = MapViewOfFile(h->map, FILE_MAP_READ, 0, 0, 0);
    h->ready = CreateEventA(NULL, TRUE, FALSE, name_of(tag, "ready"));
    h->release = CreateEventA(NULL, TRUE, FALSE, name_of(tag, "release"));
    char args[64];
    snprintf(args, sizeof(args), "holder %lu", (unsigned long)tag);
    return h->box && spawn_self(args, FALSE, NULL, &h->pi) &&
           WaitForSingleObject(h->ready, 20000) == WAIT_OBJECT_0;
}

static int all_gone(const struct held *h)
{
    for (int i = 0; i < HOLD; i++)
        if (GetObjectType(ULongToHandle(h->box->handles[i])))
            return 0;
    return 1;
}

static void hold_end(struct held *h)
{
    UnmapViewOfFile(h->box);
    CloseHandle(h->map);
    CloseHandle(h->ready);
    CloseHandle(h->release);
}

static void exit_cleanup(int kill_it)
{
    static DWORD tag = 100;
    struct held h;
    ok(hold_start(&h, GetCurrentProcessId() * 10 + tag++), "holder child made %d objects", HOLD);
    ok(GetObjectType(ULongToHandle(h.box->handles[1])) == OBJ_BRUSH, "its brush works here");
    DWORD global = GetGuiResources(GR_GLOBAL, GR_GDIOBJECTS);
    ok(GetGuiResources(h.pi.hProcess, GR_GDIOBJECTS) == HOLD, "GetGuiResources counts its %d", HOLD);
    ok(GetGuiResources(h.pi.hProcess, GR_GDIOBJECTS_PEAK) == HOLD, "and its peak");
    HANDLE limited = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, h.pi.dwProcessId);
    ok(GetGuiResources(limited, GR_GDIOBJECTS) == HOLD, "through a PROCESS_QUERY_LIMITED_INFORMATION handle");
    HANDLE sync = OpenProcess(SYNCHRONIZE, FALSE, h.pi.dwProcessId);
    SetLastError(0);
    ok(GetGuiResources(sync, GR_GDIOBJECTS) == 0 && GetLastError() == ERROR_ACCESS_DENIED,
       "not through a SYNCHRONIZE-only one (ERROR_ACCESS_DENIED)");
    CloseHandle(limited);
    CloseHandle(sync);
    if (kill_it)
        kill((pid_t)h.pi.dwProcessId, SIGKILL);
    else
        SetEvent(h.release);
    ok(WaitForSingleObject(h.pi.hProcess, 20000) == WAIT_OBJECT_0, "holder ended (%s)",
       kill_it ? "SIGKILL" : "exit");
    ok(all_gone(&h), "its objects went with it (%s)", kill_it ? "SIGKILL" : "exit");
    ok(GetGuiResources(GR_GLOBAL, GR_GDIOBJECTS) == global - HOLD, "the session counts %d fewer", HOLD);
    finish_child(&h.pi);
    hold_end(&h);
}

/* ---- the quota ---- */

static HBRUSH brushes[QUOTA + 1];

static void quota(void)
{
    DWORD before = GetGuiResources(GetCurrentProcess(), GR_GDIOBJECTS);
    int n = 0;
    while (n <= QUOTA && (brushes[n] = CreateSolidBrush(RGB(n & 0xff, 1, 2))))
        n++;
    DWORD error = GetLastError();
    ok(n + (int)before == QUOTA, "a process holds %d GDI objects (made %d, had %lu)", QUOTA, n,
       (unsigned long)before);
    ok(error == ERROR_NOT_ENOUGH_MEMORY, "the next creation fails with ERROR_NOT_ENOUGH_MEMORY (%lu)",
       (unsigned long)error);
    SetLastError(0);
    ok(!CreateRectRgn(0, 0, 1, 1) && GetLastError() == ERROR_NOT_ENOUGH_MEMORY,
       "for every kind (a region)");
    ok(GetGuiResources(GetCurrentProcess(), GR_GDIOBJECTS) == QUOTA, "GetGuiResources says %d", QUOTA);
    ok(GetStockObject(BLACK_BRUSH) != NULL, "stock objects are no one's: still there");
    struct held h;
    ok(hold_start(&h, GetCurrentProcessId() * 10 + 1), "another process still makes objects");
    SetEvent(h.release);
    finish_child(&h.pi);
    hold_end(&h);
    ok(n > 0 && DeleteObject(brushes[--n]), "one deleted");
    ok((brushes[n] = CreateSolidBrush(0)) != NULL, "makes room for one more");
    n++;
    while (n > 0)
        DeleteObject(brushes[--n]);
    ok(GetGuiResources(GetCurrentProcess(), GR_GDIOBJECTS) == before, "all deleted: back to %lu",
       (unsigned long)before);
    ok(GetGuiResources(GetCurrentProcess(), GR_GDIOBJECTS_PEAK) == QUOTA, "the peak stays %d", QUOTA);
}

static void user_counts(void)
{
    DWORD before = GetGuiResources(GetCurrentProcess(), GR_USEROBJECTS);
    HMENU menu = CreateMenu();
    HMENU popup = CreatePopupMenu();
    ok(GetGuiResources(GetCurrentProcess(), GR_USEROBJECTS) == before + 2, "USER objects counted");
    DestroyMenu(menu);
    DestroyMenu(popup);
    ok(GetGuiResources(GetCurrentProcess(), GR_USEROBJECTS) == before, "and uncounted");
    ok(GetGuiResources(GetCurrentProcess(), GR_USEROBJECTS_PEAK) >= before + 2, "their peak stays");
    SetLastError(0);
    ok(GetGuiResources(GetCurrentProcess(), 3) == 0 && GetLastError() == ERROR_INVALID_PARAMETER,
       "an unknown flag: ERROR_INVALID_PARAMETER");
    SetLastError(0);
    ok(GetGuiResources((HANDLE)(ULONG_PTR)0x1234, GR_GDIOBJECTS) == 0 &&
           GetLastError() == ERROR_INVALID_HANDLE,
       "a bad process handle: ERROR_INVALID_HANDLE");
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc == 8 && !strcmp(argv[1], "reader"))
        return reader(argv + 2);
    if (argc == 3 && !strcmp(argv[1], "holder"))
        return holder((DWORD)strtoul(argv[2], NULL, 10));
    by_value();
    exit_cleanup(0);
    exit_cleanup(1);
    user_counts();
    quota();
    return tap_done();
}
