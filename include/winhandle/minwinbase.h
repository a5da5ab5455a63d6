/*
 * minwinbase.h - structures the kernel32 headers share: SECURITY_ATTRIBUTES,
 * OVERLAPPED.
 *
 * OVERLAPPED is accepted by ReadFile and WriteFile on files for its Offset
 * (a positioned transfer, done at once); no call completes asynchronously
 * (see README: overlapped I/O).
 */
#ifndef WINHANDLE_MINWINBASE_H
#define WINHANDLE_MINWINBASE_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef NONAMELESSUNION
#define DUMMYUNIONNAME u
#else
#define DUMMYUNIONNAME
#endif

typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

typedef struct _OVERLAPPED {
    ULONG_PTR Internal;     /* the NTSTATUS of the transfer */
    ULONG_PTR InternalHigh; /* the bytes transferred */
    WINHANDLE_NAMELESS_ union {
        WINHANDLE_NAMELESS_ struct {
            DWORD Offset;
            DWORD OffsetHigh;
        } DUMMYSTRUCTNAME;
        PVOID Pointer;
    } DUMMYUNIONNAME;
    HANDLE hEvent;
} OVERLAPPED, *LPOVERLAPPED;

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_MINWINBASE_H */
