/*
 * shellapi.h - ShellExecuteA and ShellExecuteExA: start a program the way
 * the Windows shell does.
 *
 * The verb is NULL, "" or "open", and the file an executable (a Linux
 * program of either width, through the file system redirector in a WOW64
 * process); it runs with lpParameters as the rest of its command line and
 * lpDirectory as its current directory, without inheriting handles.
 * winhandle has no file associations: any other file, a directory, or
 * another verb gives SE_ERR_NOASSOC (ERROR_NO_ASSOCIATION).
 */
#ifndef WINHANDLE_SHELLAPI_H
#define WINHANDLE_SHELLAPI_H

#include "windef.h"
#include "winnt.h"
#include "minwinbase.h"
#include "winuser.h" /* ShowWindow's SW_ commands, for nShow */

#ifdef __cplusplus
extern "C" {
#endif

#ifndef WINHANDLE_HKEY_DEFINED
#define WINHANDLE_HKEY_DEFINED
DECLARE_HANDLE(HKEY);
#endif

/* ShellExecuteA's results at or below 32 (above 32 is success). */
#define SE_ERR_FNF 2
#define SE_ERR_PNF 3
#define SE_ERR_ACCESSDENIED 5
#define SE_ERR_OOM 8
#define SE_ERR_SHARE 26
#define SE_ERR_ASSOCINCOMPLETE 27
#define SE_ERR_DDETIMEOUT 28
#define SE_ERR_DDEFAIL 29
#define SE_ERR_DDEBUSY 30
#define SE_ERR_NOASSOC 31
#define SE_ERR_DLLNOTFOUND 32

/* SHELLEXECUTEINFOA's fMask. Those naming classes, item lists or
 * environment substitution fail with ERROR_NOT_SUPPORTED; the others
 * change nothing here (no windows, no DDE, no console to share). */
#define SEE_MASK_DEFAULT 0x00000000
#define SEE_MASK_CLASSNAME 0x00000001
#define SEE_MASK_CLASSKEY 0x00000003
#define SEE_MASK_IDLIST 0x00000004
#define SEE_MASK_INVOKEIDLIST 0x0000000c
#define SEE_MASK_HOTKEY 0x00000020
#define SEE_MASK_NOCLOSEPROCESS 0x00000040 /* return hProcess */
#define SEE_MASK_CONNECTNETDRV 0x00000080
#define SEE_MASK_NOASYNC 0x00000100
#define SEE_MASK_FLAG_DDEWAIT 0x00000100
#define SEE_MASK_DOENVSUBST 0x00000200
#define SEE_MASK_FLAG_NO_UI 0x00000400
#define SEE_MASK_UNICODE 0x00004000
#define SEE_MASK_NO_CONSOLE 0x00008000
#define SEE_MASK_ASYNCOK 0x00100000
#define SEE_MASK_NOQUERYCLASSSTORE 0x01000000
#define SEE_MASK_WAITFORINPUTIDLE 0x02000000
#define SEE_MASK_FLAG_LOG_USAGE 0x04000000

/* 60 bytes in Win32, 112 in Win64. */
typedef struct _SHELLEXECUTEINFOA {
    DWORD cbSize;
    ULONG fMask;
    HWND hwnd;
    LPCSTR lpVerb;
    LPCSTR lpFile;
    LPCSTR lpParameters;
    LPCSTR lpDirectory;
    int nShow;
    HINSTANCE hInstApp; /* out: above 32, or an SE_ERR_* value */
    void *lpIDList;
    LPCSTR lpClass;
    HKEY hkeyClass;
    DWORD dwHotKey;
    WINHANDLE_NAMELESS_ union {
        HANDLE hIcon;
        HANDLE hMonitor;
    } DUMMYUNIONNAME;
    HANDLE hProcess; /* out: with SEE_MASK_NOCLOSEPROCESS, else NULL */
} SHELLEXECUTEINFOA, *LPSHELLEXECUTEINFOA;

typedef SHELLEXECUTEINFOA SHELLEXECUTEINFO;
typedef LPSHELLEXECUTEINFOA LPSHELLEXECUTEINFO;

/* Above 32 on success; an SE_ERR_* value (or 0, out of memory) on failure,
 * with the Win32 error as the last error. */
HINSTANCE WINAPI ShellExecuteA(HWND hwnd, LPCSTR lpOperation, LPCSTR lpFile,
                               LPCSTR lpParameters, LPCSTR lpDirectory, INT nShowCmd);
BOOL WINAPI ShellExecuteExA(SHELLEXECUTEINFOA *pExecInfo);

#define ShellExecute ShellExecuteA
#define ShellExecuteEx ShellExecuteExA

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_SHELLAPI_H */
