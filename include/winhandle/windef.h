/*
 * windef.h - basic Win32 definitions: the types of minwindef.h and winnt.h,
 * plus the handle types of USER objects and the geometry structures.
 */
#ifndef WINHANDLE_WINDEF_H
#define WINHANDLE_WINDEF_H

#include "minwindef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* USER and GDI handles. Each is a distinct, never-defined structure pointer
 * (the SDK's STRICT declarations), so passing an HMENU where an HWND is
 * expected is diagnosed. A cursor is an icon, as in the SDK. */
DECLARE_HANDLE(HWND);
DECLARE_HANDLE(HHOOK);
DECLARE_HANDLE(HMENU);
DECLARE_HANDLE(HICON);
typedef HICON HCURSOR;
DECLARE_HANDLE(HACCEL);
DECLARE_HANDLE(HDESK);
DECLARE_HANDLE(HWINSTA);
DECLARE_HANDLE(HDC);
DECLARE_HANDLE(HBRUSH);
DECLARE_HANDLE(HBITMAP); /* GDI: CreateCaret, icons and menu items take one */
DECLARE_HANDLE(HBRUSH);
DECLARE_HANDLE(HPEN);
DECLARE_HANDLE(HFONT);
DECLARE_HANDLE(HRGN);
DECLARE_HANDLE(HPALETTE);
/* As the SDK's STRICT declaration: any GDI handle converts to it. */
typedef void *HGDIOBJ;
typedef DWORD COLORREF;
typedef DWORD *LPCOLORREF;

typedef struct tagPOINT {
    LONG x;
    LONG y;
} POINT, *PPOINT, *NPPOINT, *LPPOINT;

typedef struct tagRECT {
    LONG left;
    LONG top;
    LONG right;
    LONG bottom;
} RECT, *PRECT, *NPRECT, *LPRECT;
typedef const RECT *LPCRECT;

typedef struct tagSIZE {
    LONG cx;
    LONG cy;
} SIZE, *PSIZE, *LPSIZE;

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_WINDEF_H */
