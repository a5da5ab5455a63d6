/*
 * wow64apiset.h - what a program asks about 32-bit and 64-bit processes,
 * and the file system redirector of 32-bit ones.
 *
 * A 32-bit (i386) process on a 64-bit (x86_64) kernel is what Windows
 * calls a WOW64 process: IsWow64Process says TRUE for it, and paths under
 * the session's System32 directory lead it to SysWOW64 (README, "The
 * Windows directory"). A 64-bit process, and any process on a 32-bit
 * kernel, is not WOW64 and is never redirected.
 */
#ifndef WINHANDLE_WOW64APISET_H
#define WINHANDLE_WOW64APISET_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

BOOL WINAPI IsWow64Process(HANDLE hProcess, PBOOL Wow64Process);
/* *pProcessMachine: IMAGE_FILE_MACHINE_I386 for a WOW64 process, else
 * IMAGE_FILE_MACHINE_UNKNOWN; *pNativeMachine: the kernel's machine
 * (IMAGE_FILE_MACHINE_AMD64 or IMAGE_FILE_MACHINE_I386). */
BOOL WINAPI IsWow64Process2(HANDLE hProcess, USHORT *pProcessMachine, USHORT *pNativeMachine);

/* Per thread: the calling thread's paths stop being redirected until it
 * reverts with the value it got. */
BOOL WINAPI Wow64DisableWow64FsRedirection(PVOID *OldValue);
BOOL WINAPI Wow64RevertWow64FsRedirection(PVOID OlValue);

/* The session's SysWOW64 directory; fails with ERROR_CALL_NOT_IMPLEMENTED
 * on a 32-bit kernel, which has none. */
UINT WINAPI GetSystemWow64DirectoryA(LPSTR lpBuffer, UINT uSize);

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_WOW64APISET_H */
