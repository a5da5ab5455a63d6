/*
 * sysinfoapi.h - GetSystemInfo and GetNativeSystemInfo.
 *
 * dwAllocationGranularity is 64 KiB, as on Windows: file mapping views
 * start on multiples of it. dwPageSize is the real page size. The
 * PROCESSOR_* values are in winnt.h.
 */
#ifndef WINHANDLE_SYSINFOAPI_H
#define WINHANDLE_SYSINFOAPI_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef DUMMYUNIONNAME
#ifdef NONAMELESSUNION
#define DUMMYUNIONNAME u
#else
#define DUMMYUNIONNAME
#endif
#endif

/* 36 bytes in Win32, 48 in Win64 (the pointers and the mask widen). */
typedef struct _SYSTEM_INFO {
    WINHANDLE_NAMELESS_ union {
        DWORD dwOemId; /* obsolete: the architecture, widened */
        WINHANDLE_NAMELESS_ struct {
            WORD wProcessorArchitecture;
            WORD wReserved;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    DWORD dwPageSize;
    LPVOID lpMinimumApplicationAddress;
    LPVOID lpMaximumApplicationAddress;
    DWORD_PTR dwActiveProcessorMask;
    DWORD dwNumberOfProcessors;
    DWORD dwProcessorType;
    DWORD dwAllocationGranularity;
    WORD wProcessorLevel;
    WORD wProcessorRevision;
} SYSTEM_INFO, *LPSYSTEM_INFO;

void WINAPI GetSystemInfo(LPSYSTEM_INFO lpSystemInfo);
/* What a 64-bit program would see; the same in a 64-bit program. */
void WINAPI GetNativeSystemInfo(LPSYSTEM_INFO lpSystemInfo);

/* The session's Windows directory and its System32, as Linux paths
 * (README, "The Windows directory"). Each returns the length copied
 * without the terminating NUL, or, when uSize is too small, the size
 * needed with it. */
UINT WINAPI GetWindowsDirectoryA(LPSTR lpBuffer, UINT uSize);
UINT WINAPI GetSystemWindowsDirectoryA(LPSTR lpBuffer, UINT uSize);
UINT WINAPI GetSystemDirectoryA(LPSTR lpBuffer, UINT uSize);

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_SYSINFOAPI_H */
