/*
 * wingdi.h - the little of GDI that USER objects need: device-independent
 * bitmaps in memory, to make icons and cursors from (CreateIconIndirect)
 * and to read them back (GetIconInfo). There is no display to draw on.
 * Names, values and layouts are the SDK's.
 */
#ifndef WINHANDLE_WINGDI_H
#define WINHANDLE_WINGDI_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* As the SDK's STRICT declaration: any GDI handle converts to it. */
typedef void *HGDIOBJ;

typedef struct tagBITMAP {
    LONG bmType;
    LONG bmWidth;
    LONG bmHeight;
    LONG bmWidthBytes;
    WORD bmPlanes;
    WORD bmBitsPixel;
    LPVOID bmBits;
} BITMAP, *PBITMAP, *NPBITMAP, *LPBITMAP;

HBITMAP WINAPI CreateBitmap(int nWidth, int nHeight, UINT nPlanes, UINT nBitCount,
                            const VOID *lpBits);
BOOL WINAPI DeleteObject(HGDIOBJ ho);
int WINAPI GetObjectA(HANDLE h, int c, LPVOID pv);
LONG WINAPI GetBitmapBits(HBITMAP hbit, LONG cb, LPVOID lpvBits);
#define GetObject GetObjectA

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_WINGDI_H */
