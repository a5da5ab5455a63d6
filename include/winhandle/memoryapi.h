/*
 * memoryapi.h - file mappings (sections): CreateFileMappingA,
 * OpenFileMappingA, MapViewOfFile(Ex), UnmapViewOfFile, FlushViewOfFile.
 *
 * A section backed by the page file (hFile INVALID_HANDLE_VALUE) is
 * memory the session's server holds; one backed by a file maps the file.
 * Views start on multiples of the allocation granularity (GetSystemInfo:
 * 64 KiB, as on Windows) and are shared between every process that maps
 * the same section, except FILE_MAP_COPY views, which are private. The
 * PAGE_*, SEC_* and SECTION_* constants are in winnt.h.
 */
#ifndef WINHANDLE_MEMORYAPI_H
#define WINHANDLE_MEMORYAPI_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* MapViewOfFile's dwDesiredAccess, and OpenFileMappingA's. */
#define FILE_MAP_COPY SECTION_QUERY
#define FILE_MAP_WRITE SECTION_MAP_WRITE
#define FILE_MAP_READ SECTION_MAP_READ
#define FILE_MAP_ALL_ACCESS SECTION_ALL_ACCESS
#define FILE_MAP_EXECUTE SECTION_MAP_EXECUTE_EXPLICIT
#define FILE_MAP_LARGE_PAGES 0x20000000
#define FILE_MAP_TARGETS_INVALID 0x40000000
#define FILE_MAP_RESERVE 0x80000000

/* SECURITY_ATTRIBUTES comes with winbase.h (minwinbase.h). */
struct _SECURITY_ATTRIBUTES;

HANDLE WINAPI CreateFileMappingA(HANDLE hFile,
                                 struct _SECURITY_ATTRIBUTES *lpFileMappingAttributes,
                                 DWORD flProtect, DWORD dwMaximumSizeHigh,
                                 DWORD dwMaximumSizeLow, LPCSTR lpName);
HANDLE WINAPI OpenFileMappingA(DWORD dwDesiredAccess, BOOL bInheritHandle, LPCSTR lpName);
LPVOID WINAPI MapViewOfFile(HANDLE hFileMappingObject, DWORD dwDesiredAccess,
                            DWORD dwFileOffsetHigh, DWORD dwFileOffsetLow,
                            SIZE_T dwNumberOfBytesToMap);
LPVOID WINAPI MapViewOfFileEx(HANDLE hFileMappingObject, DWORD dwDesiredAccess,
                              DWORD dwFileOffsetHigh, DWORD dwFileOffsetLow,
                              SIZE_T dwNumberOfBytesToMap, LPVOID lpBaseAddress);
BOOL WINAPI UnmapViewOfFile(LPCVOID lpBaseAddress);
BOOL WINAPI FlushViewOfFile(LPCVOID lpBaseAddress, SIZE_T dwNumberOfBytesToFlush);

/* The generic names map to the A forms (see winbase.h). */
#define CreateFileMapping CreateFileMappingA
#define OpenFileMapping OpenFileMappingA

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_MEMORYAPI_H */
