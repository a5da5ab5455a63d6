/*
 * basetsd.h - sized integer types and the pointer-precision types of Win32.
 *
 * Windows is LLP64 (long is 32-bit even in 64-bit builds); Linux is LP64 on
 * x86_64 and ILP32 on i386. Every type here is therefore built from types
 * whose width does not change between those models: int is 32-bit on both,
 * long is pointer-sized on both, long long is 64-bit on both. `long` is never
 * used for a 32-bit Windows type.
 */
#ifndef WINHANDLE_BASETSD_H
#define WINHANDLE_BASETSD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 64-bit integers are 8-byte aligned in Windows' 32-bit ABI but only 4-byte
 * aligned inside structures in Linux's i386 ABI. Giving the 64-bit types an
 * explicit alignment keeps the layout of structures that contain them equal
 * to Windows' in both builds (a no-op on x86_64; argument passing is not
 * affected). */
#ifndef DECLSPEC_ALIGN
#define DECLSPEC_ALIGN(x) __attribute__((aligned(x)))
#endif

/* Fixed-width integers. */
typedef signed char INT8, *PINT8;
typedef unsigned char UINT8, *PUINT8;
typedef short INT16, *PINT16;
typedef unsigned short UINT16, *PUINT16;
typedef int INT32, *PINT32;
typedef unsigned int UINT32, *PUINT32;
typedef long long DECLSPEC_ALIGN(8) INT64;
typedef unsigned long long DECLSPEC_ALIGN(8) UINT64;
typedef INT64 *PINT64;
typedef UINT64 *PUINT64;

typedef int LONG32, *PLONG32;
typedef unsigned int ULONG32, *PULONG32;
typedef unsigned int DWORD32, *PDWORD32;
typedef INT64 LONG64, *PLONG64;
typedef UINT64 ULONG64, *PULONG64;
typedef UINT64 DWORD64, *PDWORD64;

/* Pointer-precision integers: 32-bit in the i386 build, 64-bit in the
 * x86_64 build, as in Win32 and Win64. INT_PTR/UINT_PTR are the C library's
 * intptr_t/uintptr_t; LONG_PTR/ULONG_PTR use long, which Linux makes
 * pointer-sized on both targets. */
typedef intptr_t INT_PTR, *PINT_PTR;
typedef uintptr_t UINT_PTR, *PUINT_PTR;
typedef long LONG_PTR, *PLONG_PTR;
typedef unsigned long ULONG_PTR, *PULONG_PTR;
typedef ULONG_PTR DWORD_PTR, *PDWORD_PTR;

/* SIZE_T and SSIZE_T are the C library's size_t and its signed twin (the
 * same types as ssize_t on both targets), so a size_t variable can be passed
 * where a SIZE_T pointer is expected without a warning. */
typedef size_t SIZE_T, *PSIZE_T;
typedef ptrdiff_t SSIZE_T, *PSSIZE_T;

typedef LONG_PTR SHANDLE_PTR;
typedef ULONG_PTR HANDLE_PTR;
typedef ULONG_PTR KAFFINITY, *PKAFFINITY;

#define MAXUINT_PTR (~((UINT_PTR)0))
#define MAXINT_PTR ((INT_PTR)(MAXUINT_PTR >> 1))
#define MININT_PTR (~MAXINT_PTR)
#define MAXULONG_PTR (~((ULONG_PTR)0))
#define MAXLONG_PTR ((LONG_PTR)(MAXULONG_PTR >> 1))
#define MINLONG_PTR (~MAXLONG_PTR)
#define MAXSIZE_T ((SIZE_T)~((SIZE_T)0))
#define MAXSSIZE_T ((SSIZE_T)(MAXSIZE_T >> 1))
#define MINSSIZE_T ((SSIZE_T)~MAXSSIZE_T)

/*
 * Handle and pointer conversions. Windows' rules: a 32-bit value widened to
 * a pointer is sign-extended when it comes from a signed type (Long, Int) and
 * zero-extended when it comes from an unsigned one (ULong, UInt); a pointer
 * narrowed to 32 bits keeps its low 32 bits. Handles are only ever 32 bits
 * wide in value, so HandleToLong/LongToHandle round-trip every handle,
 * including the pseudo-handles (HANDLE)-1 and (HANDLE)-2.
 *
 * The parameter and return types are spelled with int/unsigned int because
 * LONG and ULONG are declared later (in minwindef.h); they are the same types.
 */
static inline int HandleToLong(const void *h)
{
    return (int)(LONG_PTR)h;
}

static inline unsigned int HandleToULong(const void *h)
{
    return (unsigned int)(ULONG_PTR)h;
}

static inline unsigned int HandleToUlong(const void *h)
{
    return (unsigned int)(ULONG_PTR)h;
}

static inline void *LongToHandle(const int l)
{
    return (void *)(LONG_PTR)l;
}

static inline void *ULongToHandle(const unsigned int ul)
{
    return (void *)(ULONG_PTR)ul;
}

static inline void *UlongToHandle(const unsigned int ul)
{
    return (void *)(ULONG_PTR)ul;
}

static inline unsigned int PtrToUlong(const void *p)
{
    return (unsigned int)(ULONG_PTR)p;
}

static inline unsigned int PtrToUint(const void *p)
{
    return (unsigned int)(UINT_PTR)p;
}

static inline unsigned short PtrToUshort(const void *p)
{
    return (unsigned short)(ULONG_PTR)p;
}

static inline int PtrToLong(const void *p)
{
    return (int)(LONG_PTR)p;
}

static inline int PtrToInt(const void *p)
{
    return (int)(INT_PTR)p;
}

static inline short PtrToShort(const void *p)
{
    return (short)(LONG_PTR)p;
}

static inline void *IntToPtr(const int i)
{
    return (void *)(INT_PTR)i;
}

static inline void *UIntToPtr(const unsigned int ui)
{
    return (void *)(UINT_PTR)ui;
}

static inline void *UintToPtr(const unsigned int ui)
{
    return (void *)(UINT_PTR)ui;
}

static inline void *LongToPtr(const int l)
{
    return (void *)(LONG_PTR)l;
}

static inline void *ULongToPtr(const unsigned int ul)
{
    return (void *)(ULONG_PTR)ul;
}

static inline void *UlongToPtr(const unsigned int ul)
{
    return (void *)(ULONG_PTR)ul;
}

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_BASETSD_H */
