/*
 * minwindef.h - the basic Win32 types and macros.
 *
 * Windows' 32-bit integer types (DWORD, LONG, ULONG, BOOL) are spelled with
 * `long` in the SDK because long is 32-bit on Windows. On x86_64 Linux long
 * is 64-bit, so here they are built on int / unsigned int, which are 32-bit
 * on every Linux target we build for. Structures and wire formats therefore
 * keep Windows' sizes in both the i386 and the x86_64 build.
 */
#ifndef WINHANDLE_MINWINDEF_H
#define WINHANDLE_MINWINDEF_H

#include <stddef.h>

#include "basetsd.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Calling conventions. libwinhandle is a Linux library called from Linux
 * code, so every entry point uses the platform's one C calling convention;
 * the Windows conventions (__stdcall, __cdecl) have no meaning here and the
 * macros that name them expand to nothing. */
#ifndef WINAPI
#define WINAPI
#endif
#ifndef CALLBACK
#define CALLBACK
#endif
#ifndef WINAPIV
#define WINAPIV
#endif
#ifndef APIENTRY
#define APIENTRY WINAPI
#endif
#ifndef APIPRIVATE
#define APIPRIVATE
#endif
#ifndef PASCAL
#define PASCAL
#endif

/* Annotation and segment keywords that compile to nothing. */
#ifndef CONST
#define CONST const
#endif
#ifndef VOID
#define VOID void
#endif
#ifndef FAR
#define FAR
#endif
#ifndef NEAR
#define NEAR
#endif
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif

#ifndef NULL
#ifdef __cplusplus
#define NULL 0
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef FALSE
#define FALSE 0
#endif
#ifndef TRUE
#define TRUE 1
#endif

#define MAX_PATH 260

/* Integer types. Windows sizes: CHAR/BYTE 8, SHORT/WORD/WCHAR 16,
 * INT/UINT/LONG/ULONG/DWORD/BOOL 32 bits. */
typedef char CHAR;
typedef unsigned char UCHAR;
typedef short SHORT;
typedef unsigned short USHORT;
typedef int INT;
typedef unsigned int UINT;
typedef int LONG;           /* not `long`: see the top of this file */
typedef unsigned int ULONG; /* not `unsigned long` */
typedef unsigned int DWORD; /* not `unsigned long` */
typedef int BOOL;
typedef unsigned char BYTE;
typedef unsigned short WORD;
typedef float FLOAT;

/* A UTF-16 code unit. Not wchar_t, which is 32-bit on Linux. */
typedef unsigned short WCHAR;

typedef CHAR *PCHAR, *LPCH, *PCH;
typedef UCHAR *PUCHAR;
typedef SHORT *PSHORT;
typedef USHORT *PUSHORT;
typedef INT *PINT, *LPINT;
typedef UINT *PUINT, *LPUINT;
typedef LONG *PLONG, *LPLONG;
typedef ULONG *PULONG;
typedef DWORD *PDWORD, *LPDWORD;
typedef BOOL *PBOOL, *LPBOOL;
typedef BYTE *PBYTE, *LPBYTE;
typedef WORD *PWORD, *LPWORD;
typedef FLOAT *PFLOAT;
typedef WCHAR *PWCHAR, *LPWCH, *PWCH;

/* Strings (ANSI and UTF-16). */
typedef CHAR *PSTR, *LPSTR, *NPSTR, *PSZ;
typedef const CHAR *PCSTR, *LPCSTR, *PCSZ, *LPCCH, *PCCH;
typedef WCHAR *PWSTR, *LPWSTR, *NWPSTR;
typedef const WCHAR *PCWSTR, *LPCWSTR, *LPCWCH, *PCWCH;

/* Untyped pointers. */
typedef void *PVOID, *LPVOID;
typedef const void *LPCVOID, *PCVOID;

/* Message parameters and results: pointer-sized, as in Win32/Win64. */
typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM;
typedef LONG_PTR LRESULT;
typedef WORD ATOM;

/* Modules. With STRICT (always on here) each handle kind is a distinct
 * pointer type, so mixing them up is a compile-time diagnostic. The structure
 * is never defined: these handles are values, not pointers to memory. */
typedef struct HINSTANCE__ *HINSTANCE;
typedef HINSTANCE HMODULE;

/* Byte and word packing. Arguments are first converted to DWORD_PTR so that
 * pointers and wide integers are accepted, as on Windows. */
#define MAKEWORD(lo, hi)                                                       \
    ((WORD)(((BYTE)(((DWORD_PTR)(lo)) & 0xff)) |                               \
            ((WORD)((BYTE)(((DWORD_PTR)(hi)) & 0xff)) << 8)))
#define MAKELONG(lo, hi)                                                       \
    ((LONG)(((WORD)(((DWORD_PTR)(lo)) & 0xffff)) |                             \
            ((DWORD)((WORD)(((DWORD_PTR)(hi)) & 0xffff)) << 16)))
#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#define LOBYTE(w) ((BYTE)(((DWORD_PTR)(w)) & 0xff))
#define HIBYTE(w) ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xff))

/* min and max, as Windows programs expect them; define NOMINMAX to keep
 * these common names free. They evaluate their arguments twice. */
#ifndef NOMINMAX
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_MINWINDEF_H */
