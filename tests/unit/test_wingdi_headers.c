/*
 * wingdi.h against the SDK: the layouts of its structures in this build's
 * width (i386 = Win32, x86_64 = Win64), GDI handle types and constant
 * values. Win64 numbers were measured with x86_64-w64-mingw32-gcc; Win32
 * ones follow from the same fields with 4-byte ULONG_PTRs. Compile-time
 * checks, then a run-time one: RGB packs as Windows packs.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <windows.h>

#if UINTPTR_MAX == 0xffffffffffffffffu
#define W(win32, win64) (win64)
#else
#define W(win32, win64) (win32)
#endif

_Static_assert(sizeof(LOGPEN) == 16 && offsetof(LOGPEN, lopnColor) == 12, "LOGPEN");
_Static_assert(sizeof(EXTLOGPEN) == W(28, 32), "EXTLOGPEN");
_Static_assert(offsetof(EXTLOGPEN, elpHatch) == 16, "EXTLOGPEN.elpHatch");
_Static_assert(offsetof(EXTLOGPEN, elpNumEntries) == W(20, 24), "EXTLOGPEN.elpNumEntries");
_Static_assert(offsetof(EXTLOGPEN, elpStyleEntry) == W(24, 28), "EXTLOGPEN.elpStyleEntry");
_Static_assert(sizeof(LOGBRUSH) == W(12, 16) && offsetof(LOGBRUSH, lbHatch) == 8, "LOGBRUSH");
_Static_assert(sizeof(LOGFONTA) == 60 && offsetof(LOGFONTA, lfFaceName) == 28, "LOGFONTA");
_Static_assert(sizeof(BITMAP) == W(24, 32) && offsetof(BITMAP, bmBits) == W(20, 24), "BITMAP");
_Static_assert(sizeof(PALETTEENTRY) == 4 && sizeof(LOGPALETTE) == 8, "palettes");
_Static_assert(offsetof(LOGPALETTE, palPalEntry) == 4, "LOGPALETTE.palPalEntry");
_Static_assert(sizeof(RGNDATAHEADER) == 32 && offsetof(RGNDATAHEADER, rcBound) == 16,
               "RGNDATAHEADER");
_Static_assert(sizeof(RGNDATA) == 36 && offsetof(RGNDATA, Buffer) == 32, "RGNDATA");

/* GDI handles are pointers, each its own type; HGDIOBJ takes any. */
_Static_assert(sizeof(HPEN) == sizeof(void *) && sizeof(HBRUSH) == sizeof(void *) &&
                   sizeof(HFONT) == sizeof(void *) && sizeof(HRGN) == sizeof(void *) &&
                   sizeof(HPALETTE) == sizeof(void *) && sizeof(HGDIOBJ) == sizeof(void *),
               "GDI handles are pointers");
_Static_assert(!__builtin_types_compatible_p(HPEN, HBRUSH), "HPEN and HBRUSH differ (STRICT)");
_Static_assert(sizeof(COLORREF) == 4, "COLORREF");

_Static_assert(OBJ_PEN == 1 && OBJ_BRUSH == 2 && OBJ_PAL == 5 && OBJ_FONT == 6 &&
                   OBJ_BITMAP == 7 && OBJ_REGION == 8 && OBJ_EXTPEN == 11,
               "OBJ_*");
_Static_assert(WHITE_BRUSH == 0 && NULL_PEN == 8 && OEM_FIXED_FONT == 10 &&
                   DEFAULT_PALETTE == 15 && DEFAULT_GUI_FONT == 17 && DC_PEN == 19,
               "stock ids");
_Static_assert(PS_GEOMETRIC == 0x10000 && PS_ENDCAP_FLAT == 0x200 && PS_JOIN_MITER == 0x2000 &&
                   PS_USERSTYLE == 7 && PS_ALTERNATE == 8,
               "pen styles");
_Static_assert(BS_HATCHED == 2 && BS_PATTERN == 3 && HS_DIAGCROSS == 5, "brush styles");
_Static_assert(RGN_AND == 1 && RGN_COPY == 5 && COMPLEXREGION == 3 && ERROR == 0, "regions");
_Static_assert(GR_GDIOBJECTS == 0 && GR_USEROBJECTS == 1 && GR_GDIOBJECTS_PEAK == 2 &&
                   GR_USEROBJECTS_PEAK == 4,
               "GetGuiResources flags");

int main(void)
{
    if (RGB(0x12, 0x34, 0x56) != 0x563412 || GetGValue(0x563412) != 0x34) {
        printf("not ok: RGB packs red low\n");
        return 1;
    }
    if (GR_GLOBAL != (HANDLE)(LONG_PTR)-2) {
        printf("not ok: GR_GLOBAL\n");
        return 1;
    }
    printf("ok: wingdi.h layouts (%d-bit)\n", (int)(sizeof(void *) * 8));
    return 0;
}
