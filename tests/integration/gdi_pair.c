/*
 * GDI handles between a 32-bit and a 64-bit process, by value: run by
 * test_ring_widths.sh (the same "producer|consumer NAME COUNT" interface
 * as examples/shared_ring), one side of each width.
 *
 * The producer makes a pen, an extended pen, a brush, a font, a bitmap
 * and a region, and puts their handle values, 32 bits each, in a named
 * mapping; the consumer reads each object by value (as a 64-bit process
 * gets a 32-bit value: sign-extended, LongToHandle, and zero-extended,
 * ULongToHandle, must both work), deletes the region, makes a brush of
 * its own and hands its value back; the producer reads that brush and
 * checks the region is gone. Either may start first. COUNT is ignored.
 * Exit status: 0 done, 1 failed, 3 no server would talk to us.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#define PAIR_MAGIC 0x50494447u /* "GDIP" */

/* The shared page: fixed-width fields only, the same in both widths. */
struct pair_page {
    uint32_t magic;
    uint32_t pen, extpen, brush, font, bitmap, region;
    uint32_t consumer_brush;
    uint32_t producer_bits, consumer_bits; /* 32 or 64 */
};

static char name_buf[MAX_PATH];

static const char *name_of(const char *base, const char *what)
{
    snprintf(name_buf, sizeof(name_buf), "%s-%s", base, what);
    return name_buf;
}

static int failed(const char *what)
{
    DWORD error = GetLastError();
    fprintf(stderr, "gdi_pair (%d-bit): %s (error %lu)\n", (int)(sizeof(void *) * 8), what,
            (unsigned long)error);
    return error == ERROR_SERVICE_NOT_ACTIVE ? 3 : 1;
}

static struct pair_page *open_page(const char *name, HANDLE *map)
{
    *map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                              name_of(name, "page"));
    return *map ? MapViewOfFile(*map, FILE_MAP_WRITE, 0, 0, 0) : NULL;
}

static HANDLE event(const char *name, const char *what)
{
    return CreateEventA(NULL, TRUE, FALSE, name_of(name, what));
}

static int produce(const char *name)
{
    HANDLE map;
    struct pair_page *page = open_page(name, &map);
    HANDLE ready = event(name, "ready"), answered = event(name, "answered");
    if (!page || !ready || !answered)
        return failed("setting up");
    LOGBRUSH lb = { BS_SOLID, RGB(10, 20, 30), 0 };
    LOGFONTA lf = { 0 };
    lf.lfHeight = -16;
    strcpy(lf.lfFaceName, "Both Widths");
    static const BYTE bits[8] = { 0x81, 0, 0x42, 0, 0x24, 0, 0x18, 0 };
    page->pen = HandleToULong(CreatePen(PS_DOT, 1, RGB(1, 2, 3)));
    page->extpen = HandleToULong(ExtCreatePen(PS_GEOMETRIC | PS_SOLID, 9, &lb, 0, NULL));
    page->brush = HandleToULong(CreateSolidBrush(RGB(4, 5, 6)));
    page->font = HandleToULong(CreateFontIndirectA(&lf));
    page->bitmap = HandleToULong(CreateBitmap(8, 4, 1, 1, bits));
    page->region = HandleToULong(CreateRectRgn(1, 2, 3, 4));
    page->producer_bits = (uint32_t)(sizeof(void *) * 8);
    if (!page->pen || !page->extpen || !page->brush || !page->font || !page->bitmap ||
        !page->region)
        return failed("making the objects");
    page->magic = PAIR_MAGIC;
    SetEvent(ready);
    if (WaitForSingleObject(answered, 20000) != WAIT_OBJECT_0)
        return failed("waiting for the consumer");
    LOGBRUSH back;
    if (GetObjectA(ULongToHandle(page->consumer_brush), sizeof(back), &back) != sizeof(back) ||
        back.lbColor != RGB(7, 8, 9))
        return failed("reading the consumer's brush");
    if (GetObjectType(ULongToHandle(page->region)))
        return failed("the region the consumer deleted is still there");
    fprintf(stderr, "gdi_pair: %u-bit producer, %u-bit consumer: objects shared both ways\n",
            page->producer_bits, page->consumer_bits);
    return 0;
}

/* Every object of the page, through one conversion of its value. */
static int check_all(const struct pair_page *page, HANDLE (*conv)(uint32_t))
{
    LOGPEN lp;
    if (GetObjectA(conv(page->pen), sizeof(lp), &lp) != sizeof(lp) || lp.lopnStyle != PS_DOT ||
        lp.lopnColor != RGB(1, 2, 3))
        return 0;
    char buf[64];
    EXTLOGPEN *elp = (EXTLOGPEN *)buf;
    if (GetObjectType(conv(page->extpen)) != OBJ_EXTPEN ||
        !GetObjectA(conv(page->extpen), sizeof(buf), buf) || elp->elpWidth != 9 ||
        elp->elpColor != RGB(10, 20, 30))
        return 0;
    LOGBRUSH lb;
    if (GetObjectA(conv(page->brush), sizeof(lb), &lb) != sizeof(lb) || lb.lbColor != RGB(4, 5, 6))
        return 0;
    LOGFONTA lf;
    if (GetObjectA(conv(page->font), sizeof(lf), &lf) != sizeof(lf) || lf.lfHeight != -16 ||
        strcmp(lf.lfFaceName, "Both Widths"))
        return 0;
    BITMAP bm;
    BYTE bits[8];
    if (GetObjectA(conv(page->bitmap), sizeof(bm), &bm) != sizeof(bm) || bm.bmWidth != 8 ||
        GetBitmapBits(conv(page->bitmap), sizeof(bits), bits) != 8 || bits[2] != 0x42)
        return 0;
    return PtInRegion(conv(page->region), 1, 2) && !PtInRegion(conv(page->region), 3, 4);
}

static HANDLE sign_extended(uint32_t v)
{
    return LongToHandle((LONG)v);
}

static HANDLE zero_extended(uint32_t v)
{
    return ULongToHandle(v);
}

static int consume(const char *name)
{
    HANDLE map;
    struct pair_page *page = open_page(name, &map);
    HANDLE ready = event(name, "ready"), answered = event(name, "answered");
    if (!page || !ready || !answered)
        return failed("setting up");
    if (WaitForSingleObject(ready, 20000) != WAIT_OBJECT_0 || page->magic != PAIR_MAGIC)
        return failed("waiting for the producer");
    if (!check_all(page, sign_extended))
        return failed("reading the producer's objects (values sign-extended)");
    if (!check_all(page, zero_extended))
        return failed("reading the producer's objects (values zero-extended)");
    if (!DeleteObject(ULongToHandle(page->region)))
        return failed("deleting the producer's region");
    page->consumer_brush = HandleToULong(CreateSolidBrush(RGB(7, 8, 9)));
    page->consumer_bits = (uint32_t)(sizeof(void *) * 8);
    SetEvent(answered);
    /* The brush must outlive the producer's look at it: it goes with this
     * process, so wait until the producer is done with the page. */
    HANDLE done = event(name, "done");
    WaitForSingleObject(done, 2000);
    return page->consumer_brush ? 0 : failed("making a brush");
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[1], "producer") && strcmp(argv[1], "consumer"))) {
        fprintf(stderr, "usage: gdi_pair producer|consumer NAME COUNT\n");
        return 2;
    }
    if (!strcmp(argv[1], "consumer"))
        return consume(argv[2]);
    int status = produce(argv[2]);
    SetEvent(event(argv[2], "done"));
    return status;
}
