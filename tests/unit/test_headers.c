/*
 * The public headers against Windows: type sizes and layouts for this build's
 * width (i386 = Win32, x86_64 = Win64), the basetsd.h conversions, the macros,
 * constant values and the declared signatures.
 *
 * What the compiler can decide is checked with _Static_assert (a wrong header
 * does not build); the rest at run time, printing every failed check and
 * exiting 1. It needs only the headers: nothing here calls into the library,
 * so it builds with `cc -I include/winhandle test_headers.c` alone.
 *
 * Windows reference numbers: STARTUPINFOA is 68 bytes in Win32 (no padding)
 * and 104 in Win64 (padding after cb and after cbReserved2);
 * SECURITY_ATTRIBUTES 12 / 24; PROCESS_INFORMATION 16 / 24. The Win64 ones
 * were measured with x86_64-w64-mingw32-gcc.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <windows.h>

#if UINTPTR_MAX == 0xffffffffffffffffu
#define WIN64_LAYOUT 1
#elif UINTPTR_MAX == 0xffffffffu
#define WIN64_LAYOUT 0
#else
#error "only 32-bit and 64-bit builds are supported"
#endif

#define STR_(x) #x
#define XSTR(x) STR_(x)

#define SAME_TYPE(a, b) __builtin_types_compatible_p(a, b)
#define STATIC_EQ(a, b) _Static_assert((a) == (b), #a " == " #b)

/* ---- integer types: Windows' sizes, signedness and exact C types ---- */

_Static_assert(sizeof(BYTE) == 1 && sizeof(CHAR) == 1 && sizeof(UCHAR) == 1, "8-bit types");
_Static_assert(sizeof(WORD) == 2 && sizeof(SHORT) == 2 && sizeof(USHORT) == 2, "16-bit types");
_Static_assert(sizeof(WCHAR) == 2, "WCHAR is UTF-16, not wchar_t");
_Static_assert(sizeof(DWORD) == 4 && sizeof(LONG) == 4 && sizeof(ULONG) == 4, "32-bit types");
_Static_assert(sizeof(BOOL) == 4 && sizeof(INT) == 4 && sizeof(UINT) == 4, "32-bit types");
_Static_assert(sizeof(FLOAT) == 4, "FLOAT");
_Static_assert(sizeof(LONGLONG) == 8 && sizeof(ULONGLONG) == 8 && sizeof(DWORDLONG) == 8,
               "64-bit types");
_Static_assert(sizeof(INT8) == 1 && sizeof(UINT8) == 1 && sizeof(INT16) == 2 &&
                   sizeof(UINT16) == 2 && sizeof(INT32) == 4 && sizeof(UINT32) == 4 &&
                   sizeof(INT64) == 8 && sizeof(UINT64) == 8,
               "fixed-width types");
_Static_assert(sizeof(LONG32) == 4 && sizeof(ULONG32) == 4 && sizeof(DWORD32) == 4 &&
                   sizeof(LONG64) == 8 && sizeof(ULONG64) == 8 && sizeof(DWORD64) == 8,
               "sized LONG/DWORD types");

_Static_assert((DWORD)-1 > 0 && (ULONG)-1 > 0 && (UINT)-1 > 0, "unsigned 32-bit types");
_Static_assert((LONG)-1 < 0 && (INT)-1 < 0 && (BOOL)-1 < 0, "signed 32-bit types");
_Static_assert((WORD)-1 == 0xffff && (WCHAR)-1 == 0xffff && (BYTE)-1 == 0xff,
               "unsigned small types");
_Static_assert((LONGLONG)-1 < 0 && (ULONGLONG)-1 > 0, "64-bit signedness");

/* Not `long`: on x86_64 Linux that would be 64-bit. */
_Static_assert(SAME_TYPE(DWORD, unsigned int), "DWORD is unsigned int");
_Static_assert(SAME_TYPE(ULONG, unsigned int), "ULONG is unsigned int");
_Static_assert(SAME_TYPE(LONG, int), "LONG is int");
_Static_assert(SAME_TYPE(BOOL, int), "BOOL is int");
_Static_assert(SAME_TYPE(WCHAR, unsigned short), "WCHAR is unsigned short");
_Static_assert(SAME_TYPE(HANDLE, void *), "HANDLE is void *");
_Static_assert(SAME_TYPE(LPDWORD, DWORD *) && SAME_TYPE(PDWORD, DWORD *), "LPDWORD");
_Static_assert(SAME_TYPE(LPLONG, LONG *) && SAME_TYPE(PLONG, LONG *), "LPLONG");
_Static_assert(SAME_TYPE(LPBOOL, BOOL *) && SAME_TYPE(PBOOL, BOOL *), "LPBOOL");
_Static_assert(SAME_TYPE(LPBYTE, BYTE *), "LPBYTE");
_Static_assert(SAME_TYPE(LPSTR, char *) && SAME_TYPE(PSTR, char *), "LPSTR");
_Static_assert(SAME_TYPE(LPCSTR, const char *) && SAME_TYPE(PCSTR, const char *), "LPCSTR");
_Static_assert(SAME_TYPE(LPVOID, void *) && SAME_TYPE(PVOID, void *), "LPVOID");
_Static_assert(SAME_TYPE(LPCVOID, const void *), "LPCVOID");
_Static_assert(SAME_TYPE(PHANDLE, HANDLE *) && SAME_TYPE(LPHANDLE, HANDLE *), "PHANDLE");
_Static_assert(SAME_TYPE(SIZE_T, size_t), "SIZE_T is size_t");

/* Pointer-precision types follow the build. */
_Static_assert(sizeof(HANDLE) == sizeof(void *), "HANDLE is pointer-sized");
_Static_assert(sizeof(INT_PTR) == sizeof(void *) && sizeof(UINT_PTR) == sizeof(void *) &&
                   sizeof(LONG_PTR) == sizeof(void *) && sizeof(ULONG_PTR) == sizeof(void *) &&
                   sizeof(DWORD_PTR) == sizeof(void *) && sizeof(SIZE_T) == sizeof(void *) &&
                   sizeof(SSIZE_T) == sizeof(void *),
               "pointer-precision types");
_Static_assert((INT_PTR)-1 < 0 && (LONG_PTR)-1 < 0 && (SSIZE_T)-1 < 0, "signed _PTR types");
_Static_assert((UINT_PTR)-1 > 0 && (ULONG_PTR)-1 > 0 && (DWORD_PTR)-1 > 0 && (SIZE_T)-1 > 0,
               "unsigned _PTR types");
_Static_assert(sizeof(WPARAM) == sizeof(void *) && sizeof(LPARAM) == sizeof(void *) &&
                   sizeof(LRESULT) == sizeof(void *),
               "message parameter types");

/* STRICT handle types are distinct pointers. */
_Static_assert(sizeof(HWND) == sizeof(void *) && sizeof(HMENU) == sizeof(void *) &&
                   sizeof(HMODULE) == sizeof(void *) && sizeof(HINSTANCE) == sizeof(void *),
               "handle types are pointers");
_Static_assert(!SAME_TYPE(HWND, HMENU), "HWND and HMENU are distinct");
_Static_assert(SAME_TYPE(HMODULE, HINSTANCE), "HMODULE is HINSTANCE");

/* ---- structures ---- */

/* 64-bit integers are 8-byte aligned inside structures, as in Win32. */
struct dword_then_longlong {
    DWORD d;
    LONGLONG q;
};
struct dword_then_large_integer {
    DWORD d;
    LARGE_INTEGER li;
};
_Static_assert(offsetof(struct dword_then_longlong, q) == 8, "LONGLONG alignment");
_Static_assert(sizeof(struct dword_then_longlong) == 16, "LONGLONG alignment");
_Static_assert(offsetof(struct dword_then_large_integer, li) == 8, "LARGE_INTEGER alignment");
_Static_assert(_Alignof(LARGE_INTEGER) == 8 && _Alignof(ULARGE_INTEGER) == 8,
               "LARGE_INTEGER alignment");

_Static_assert(sizeof(LARGE_INTEGER) == 8 && sizeof(ULARGE_INTEGER) == 8, "LARGE_INTEGER size");
_Static_assert(offsetof(LARGE_INTEGER, LowPart) == 0 && offsetof(LARGE_INTEGER, HighPart) == 4,
               "LARGE_INTEGER halves");
_Static_assert(offsetof(LARGE_INTEGER, u.LowPart) == 0 &&
                   offsetof(LARGE_INTEGER, u.HighPart) == 4,
               "LARGE_INTEGER u halves");
_Static_assert(SAME_TYPE(__typeof__(((LARGE_INTEGER *)0)->HighPart), LONG) &&
                   SAME_TYPE(__typeof__(((ULARGE_INTEGER *)0)->HighPart), DWORD),
               "LARGE_INTEGER HighPart types");

_Static_assert(offsetof(SECURITY_ATTRIBUTES, nLength) == 0, "SECURITY_ATTRIBUTES");
_Static_assert(offsetof(PROCESS_INFORMATION, hProcess) == 0, "PROCESS_INFORMATION");
_Static_assert(offsetof(STARTUPINFOA, cb) == 0, "STARTUPINFOA");

#if WIN64_LAYOUT
STATIC_EQ(sizeof(SECURITY_ATTRIBUTES), 24);
STATIC_EQ(offsetof(SECURITY_ATTRIBUTES, lpSecurityDescriptor), 8);
STATIC_EQ(offsetof(SECURITY_ATTRIBUTES, bInheritHandle), 16);

STATIC_EQ(sizeof(PROCESS_INFORMATION), 24);
STATIC_EQ(offsetof(PROCESS_INFORMATION, hThread), 8);
STATIC_EQ(offsetof(PROCESS_INFORMATION, dwProcessId), 16);
STATIC_EQ(offsetof(PROCESS_INFORMATION, dwThreadId), 20);

STATIC_EQ(sizeof(STARTUPINFOA), 104);
STATIC_EQ(offsetof(STARTUPINFOA, lpReserved), 8);
STATIC_EQ(offsetof(STARTUPINFOA, lpDesktop), 16);
STATIC_EQ(offsetof(STARTUPINFOA, lpTitle), 24);
STATIC_EQ(offsetof(STARTUPINFOA, dwX), 32);
STATIC_EQ(offsetof(STARTUPINFOA, dwFlags), 60);
STATIC_EQ(offsetof(STARTUPINFOA, wShowWindow), 64);
STATIC_EQ(offsetof(STARTUPINFOA, cbReserved2), 66);
STATIC_EQ(offsetof(STARTUPINFOA, lpReserved2), 72);
STATIC_EQ(offsetof(STARTUPINFOA, hStdInput), 80);
STATIC_EQ(offsetof(STARTUPINFOA, hStdOutput), 88);
STATIC_EQ(offsetof(STARTUPINFOA, hStdError), 96);
#else
STATIC_EQ(sizeof(SECURITY_ATTRIBUTES), 12);
STATIC_EQ(offsetof(SECURITY_ATTRIBUTES, lpSecurityDescriptor), 4);
STATIC_EQ(offsetof(SECURITY_ATTRIBUTES, bInheritHandle), 8);

STATIC_EQ(sizeof(PROCESS_INFORMATION), 16);
STATIC_EQ(offsetof(PROCESS_INFORMATION, hThread), 4);
STATIC_EQ(offsetof(PROCESS_INFORMATION, dwProcessId), 8);
STATIC_EQ(offsetof(PROCESS_INFORMATION, dwThreadId), 12);

STATIC_EQ(sizeof(STARTUPINFOA), 68);
STATIC_EQ(offsetof(STARTUPINFOA, lpReserved), 4);
STATIC_EQ(offsetof(STARTUPINFOA, lpDesktop), 8);
STATIC_EQ(offsetof(STARTUPINFOA, lpTitle), 12);
STATIC_EQ(offsetof(STARTUPINFOA, dwX), 16);
STATIC_EQ(offsetof(STARTUPINFOA, dwFlags), 44);
STATIC_EQ(offsetof(STARTUPINFOA, wShowWindow), 48);
STATIC_EQ(offsetof(STARTUPINFOA, cbReserved2), 50);
STATIC_EQ(offsetof(STARTUPINFOA, lpReserved2), 52);
STATIC_EQ(offsetof(STARTUPINFOA, hStdInput), 56);
STATIC_EQ(offsetof(STARTUPINFOA, hStdOutput), 60);
STATIC_EQ(offsetof(STARTUPINFOA, hStdError), 64);
#endif
_Static_assert(SAME_TYPE(STARTUPINFO, STARTUPINFOA) && SAME_TYPE(LPSTARTUPINFO, STARTUPINFOA *),
               "STARTUPINFO is the ANSI form");
_Static_assert(SAME_TYPE(LPSECURITY_ATTRIBUTES, SECURITY_ATTRIBUTES *) &&
                   SAME_TYPE(PSECURITY_ATTRIBUTES, SECURITY_ATTRIBUTES *),
               "LPSECURITY_ATTRIBUTES");
_Static_assert(SAME_TYPE(LPPROCESS_INFORMATION, PROCESS_INFORMATION *) &&
                   SAME_TYPE(PPROCESS_INFORMATION, PROCESS_INFORMATION *),
               "LPPROCESS_INFORMATION");
_Static_assert(SAME_TYPE(LPTHREAD_START_ROUTINE, DWORD (*)(LPVOID)) &&
                   SAME_TYPE(PTHREAD_START_ROUTINE, DWORD (*)(LPVOID)),
               "LPTHREAD_START_ROUTINE");

/* ---- constants ---- */

/* Waits. */
STATIC_EQ(WAIT_OBJECT_0, 0);
STATIC_EQ(WAIT_ABANDONED, 0x80);
STATIC_EQ(WAIT_ABANDONED_0, 0x80);
STATIC_EQ(WAIT_TIMEOUT, 258);
STATIC_EQ(WAIT_IO_COMPLETION, 0xC0);
STATIC_EQ(WAIT_FAILED, 0xFFFFFFFFu);
STATIC_EQ(INFINITE, 0xFFFFFFFFu);
STATIC_EQ(STILL_ACTIVE, 259);
STATIC_EQ(STATUS_WAIT_0, 0);
STATIC_EQ(STATUS_ABANDONED_WAIT_0, 0x80);
STATIC_EQ(STATUS_TIMEOUT, 0x102);
STATIC_EQ(STATUS_PENDING, 0x103);
STATIC_EQ(MAXIMUM_WAIT_OBJECTS, 64);

/* Access rights. */
STATIC_EQ(DELETE, 0x00010000);
STATIC_EQ(READ_CONTROL, 0x00020000);
STATIC_EQ(WRITE_DAC, 0x00040000);
STATIC_EQ(WRITE_OWNER, 0x00080000);
STATIC_EQ(SYNCHRONIZE, 0x00100000);
STATIC_EQ(STANDARD_RIGHTS_REQUIRED, 0x000F0000);
STATIC_EQ(STANDARD_RIGHTS_ALL, 0x001F0000);
STATIC_EQ(SPECIFIC_RIGHTS_ALL, 0x0000FFFF);
STATIC_EQ(GENERIC_READ, 0x80000000u);
STATIC_EQ(GENERIC_WRITE, 0x40000000);
STATIC_EQ(GENERIC_EXECUTE, 0x20000000);
STATIC_EQ(GENERIC_ALL, 0x10000000);
STATIC_EQ(MAXIMUM_ALLOWED, 0x02000000);
STATIC_EQ(ACCESS_SYSTEM_SECURITY, 0x01000000);
STATIC_EQ(EVENT_QUERY_STATE, 0x0001);
STATIC_EQ(EVENT_MODIFY_STATE, 0x0002);
STATIC_EQ(EVENT_ALL_ACCESS, 0x1F0003);
STATIC_EQ(MUTANT_QUERY_STATE, 0x0001);
STATIC_EQ(MUTANT_ALL_ACCESS, 0x1F0001);
STATIC_EQ(MUTEX_MODIFY_STATE, 0x0001);
STATIC_EQ(MUTEX_ALL_ACCESS, 0x1F0001);
STATIC_EQ(SEMAPHORE_QUERY_STATE, 0x0001);
STATIC_EQ(SEMAPHORE_MODIFY_STATE, 0x0002);
STATIC_EQ(SEMAPHORE_ALL_ACCESS, 0x1F0003);
STATIC_EQ(PROCESS_TERMINATE, 0x0001);
STATIC_EQ(PROCESS_DUP_HANDLE, 0x0040);
STATIC_EQ(PROCESS_QUERY_INFORMATION, 0x0400);
STATIC_EQ(PROCESS_QUERY_LIMITED_INFORMATION, 0x1000);
STATIC_EQ(PROCESS_ALL_ACCESS, 0x1FFFFF);
STATIC_EQ(THREAD_TERMINATE, 0x0001);
STATIC_EQ(THREAD_QUERY_INFORMATION, 0x0040);
STATIC_EQ(THREAD_QUERY_LIMITED_INFORMATION, 0x0800);
STATIC_EQ(THREAD_SET_LIMITED_INFORMATION, 0x0400);
STATIC_EQ(THREAD_ALL_ACCESS, 0x1FFFFF);
STATIC_EQ(DUPLICATE_CLOSE_SOURCE, 1);
STATIC_EQ(DUPLICATE_SAME_ACCESS, 2);

/* Object and process creation. */
STATIC_EQ(HANDLE_FLAG_INHERIT, 1);
STATIC_EQ(HANDLE_FLAG_PROTECT_FROM_CLOSE, 2);
STATIC_EQ(CREATE_EVENT_MANUAL_RESET, 1);
STATIC_EQ(CREATE_EVENT_INITIAL_SET, 2);
STATIC_EQ(CREATE_MUTEX_INITIAL_OWNER, 1);
STATIC_EQ(CREATE_SUSPENDED, 0x4);
STATIC_EQ(DETACHED_PROCESS, 0x8);
STATIC_EQ(CREATE_NEW_CONSOLE, 0x10);
STATIC_EQ(NORMAL_PRIORITY_CLASS, 0x20);
STATIC_EQ(CREATE_NO_WINDOW, 0x08000000);
STATIC_EQ(STARTF_USESHOWWINDOW, 0x1);
STATIC_EQ(STARTF_USESTDHANDLES, 0x100);
STATIC_EQ(STD_INPUT_HANDLE, 0xFFFFFFF6u);
STATIC_EQ(STD_OUTPUT_HANDLE, 0xFFFFFFF5u);
STATIC_EQ(STD_ERROR_HANDLE, 0xFFFFFFF4u);
STATIC_EQ(MAX_PATH, 260);
STATIC_EQ(TRUE, 1);
STATIC_EQ(FALSE, 0);
STATIC_EQ(MAXLONG, 0x7fffffff);
STATIC_EQ(MAXDWORD, 0xffffffffu);

/* Errors. */
STATIC_EQ(ERROR_SUCCESS, 0);
STATIC_EQ(NO_ERROR, 0);
STATIC_EQ(ERROR_INVALID_FUNCTION, 1);
STATIC_EQ(ERROR_FILE_NOT_FOUND, 2);
STATIC_EQ(ERROR_PATH_NOT_FOUND, 3);
STATIC_EQ(ERROR_ACCESS_DENIED, 5);
STATIC_EQ(ERROR_INVALID_HANDLE, 6);
STATIC_EQ(ERROR_NOT_ENOUGH_MEMORY, 8);
STATIC_EQ(ERROR_OUTOFMEMORY, 14);
STATIC_EQ(ERROR_NOT_SUPPORTED, 50);
STATIC_EQ(ERROR_INVALID_PARAMETER, 87);
STATIC_EQ(ERROR_BROKEN_PIPE, 109);
STATIC_EQ(ERROR_INSUFFICIENT_BUFFER, 122);
STATIC_EQ(ERROR_INVALID_NAME, 123);
STATIC_EQ(ERROR_MOD_NOT_FOUND, 126);
STATIC_EQ(ERROR_ALREADY_EXISTS, 183);
STATIC_EQ(ERROR_BAD_EXE_FORMAT, 193);
STATIC_EQ(ERROR_FILENAME_EXCED_RANGE, 206);
STATIC_EQ(ERROR_MORE_DATA, 234);
STATIC_EQ(ERROR_NO_MORE_ITEMS, 259);
STATIC_EQ(ERROR_NOT_OWNER, 288);
STATIC_EQ(ERROR_TOO_MANY_POSTS, 298);
STATIC_EQ(ERROR_PARTIAL_COPY, 299);
STATIC_EQ(ERROR_ABANDONED_WAIT_0, 735);
STATIC_EQ(ERROR_IO_PENDING, 997);
STATIC_EQ(ERROR_NOACCESS, 998);
STATIC_EQ(ERROR_INVALID_FLAGS, 1004);
STATIC_EQ(ERROR_NO_MORE_USER_HANDLES, 1158);
STATIC_EQ(ERROR_NOT_FOUND, 1168);
STATIC_EQ(ERROR_REVISION_MISMATCH, 1306);
STATIC_EQ(ERROR_INVALID_WINDOW_HANDLE, 1400);
STATIC_EQ(ERROR_INVALID_MENU_HANDLE, 1401);
STATIC_EQ(ERROR_CANNOT_FIND_WND_CLASS, 1407);
STATIC_EQ(ERROR_CLASS_ALREADY_EXISTS, 1410);
STATIC_EQ(ERROR_CLASS_DOES_NOT_EXIST, 1411);
STATIC_EQ(ERROR_INVALID_INDEX, 1413);
STATIC_EQ(ERROR_NO_SYSTEM_RESOURCES, 1450);
STATIC_EQ(ERROR_TIMEOUT, 1460);

/* Constants are 32-bit like Windows' (an L suffix would make them 64-bit on
 * x86_64 Linux), and the wait/error ones compare with a DWORD as expected. */
_Static_assert(sizeof(WAIT_TIMEOUT) == 4 && sizeof(ERROR_ALREADY_EXISTS) == 4 &&
                   sizeof(INFINITE) == 4 && sizeof(WAIT_FAILED) == 4 &&
                   sizeof(GENERIC_READ) == 4 && sizeof(SYNCHRONIZE) == 4 &&
                   sizeof(PROCESS_ALL_ACCESS) == 4 && sizeof(STILL_ACTIVE) == 4 &&
                   sizeof(STD_OUTPUT_HANDLE) == 4 && sizeof(ERROR_SUCCESS) == 4,
               "constants are 32-bit");

/* ---- declarations: the SDK's exact signatures ---- */

#define SIGNATURE(fn, type) _Static_assert(SAME_TYPE(__typeof__(&fn), type), #fn " signature")
/* ExitThread and ExitProcess never return; to GCC that is part of the type,
 * so they are compared with these (declared, never defined or called). */
DECLSPEC_NORETURN void noreturn_dword(DWORD);
DECLSPEC_NORETURN void noreturn_uint(UINT);
#if defined(__GNUC__) && !defined(__clang__) /* clang ignores noreturn here */
_Static_assert(!SAME_TYPE(__typeof__(&ExitThread), void (*)(DWORD)), "ExitThread is noreturn");
_Static_assert(!SAME_TYPE(__typeof__(&ExitProcess), void (*)(UINT)), "ExitProcess is noreturn");
#endif
SIGNATURE(GetLastError, DWORD (*)(void));
SIGNATURE(SetLastError, void (*)(DWORD));
SIGNATURE(CloseHandle, BOOL (*)(HANDLE));
SIGNATURE(DuplicateHandle, BOOL (*)(HANDLE, HANDLE, HANDLE, LPHANDLE, DWORD, BOOL, DWORD));
SIGNATURE(GetHandleInformation, BOOL (*)(HANDLE, LPDWORD));
SIGNATURE(SetHandleInformation, BOOL (*)(HANDLE, DWORD, DWORD));
SIGNATURE(CreateEventA, HANDLE (*)(LPSECURITY_ATTRIBUTES, BOOL, BOOL, LPCSTR));
SIGNATURE(CreateEventExA, HANDLE (*)(LPSECURITY_ATTRIBUTES, LPCSTR, DWORD, DWORD));
SIGNATURE(OpenEventA, HANDLE (*)(DWORD, BOOL, LPCSTR));
SIGNATURE(SetEvent, BOOL (*)(HANDLE));
SIGNATURE(ResetEvent, BOOL (*)(HANDLE));
SIGNATURE(PulseEvent, BOOL (*)(HANDLE));
SIGNATURE(CreateMutexA, HANDLE (*)(LPSECURITY_ATTRIBUTES, BOOL, LPCSTR));
SIGNATURE(CreateMutexExA, HANDLE (*)(LPSECURITY_ATTRIBUTES, LPCSTR, DWORD, DWORD));
SIGNATURE(OpenMutexA, HANDLE (*)(DWORD, BOOL, LPCSTR));
SIGNATURE(ReleaseMutex, BOOL (*)(HANDLE));
SIGNATURE(CreateSemaphoreA, HANDLE (*)(LPSECURITY_ATTRIBUTES, LONG, LONG, LPCSTR));
SIGNATURE(CreateSemaphoreExA,
          HANDLE (*)(LPSECURITY_ATTRIBUTES, LONG, LONG, LPCSTR, DWORD, DWORD));
SIGNATURE(OpenSemaphoreA, HANDLE (*)(DWORD, BOOL, LPCSTR));
SIGNATURE(ReleaseSemaphore, BOOL (*)(HANDLE, LONG, LPLONG));
SIGNATURE(WaitForSingleObject, DWORD (*)(HANDLE, DWORD));
SIGNATURE(WaitForMultipleObjects, DWORD (*)(DWORD, const HANDLE *, BOOL, DWORD));
SIGNATURE(SignalObjectAndWait, DWORD (*)(HANDLE, HANDLE, DWORD, BOOL));
SIGNATURE(Sleep, void (*)(DWORD));
SIGNATURE(GetCurrentThread, HANDLE (*)(void));
SIGNATURE(GetCurrentThreadId, DWORD (*)(void));
SIGNATURE(GetThreadId, DWORD (*)(HANDLE));
SIGNATURE(CreateThread, HANDLE (*)(LPSECURITY_ATTRIBUTES, SIZE_T, LPTHREAD_START_ROUTINE,
                                   LPVOID, DWORD, LPDWORD));
SIGNATURE(ExitThread, __typeof__(&noreturn_dword));
SIGNATURE(GetExitCodeThread, BOOL (*)(HANDLE, LPDWORD));
SIGNATURE(GetCurrentProcess, HANDLE (*)(void));
SIGNATURE(GetCurrentProcessId, DWORD (*)(void));
SIGNATURE(GetProcessId, DWORD (*)(HANDLE));
SIGNATURE(ExitProcess, __typeof__(&noreturn_uint));
SIGNATURE(GetExitCodeProcess, BOOL (*)(HANDLE, LPDWORD));
SIGNATURE(CreateProcessA, BOOL (*)(LPCSTR, LPSTR, LPSECURITY_ATTRIBUTES, LPSECURITY_ATTRIBUTES,
                                   BOOL, DWORD, LPVOID, LPCSTR, LPSTARTUPINFOA,
                                   LPPROCESS_INFORMATION));
SIGNATURE(GetCommandLineA, LPSTR (*)(void));
SIGNATURE(GetModuleFileNameA, DWORD (*)(HMODULE, LPSTR, DWORD));
SIGNATURE(GetModuleHandleA, HMODULE (*)(LPCSTR));
SIGNATURE(QueryPerformanceCounter, BOOL (*)(LARGE_INTEGER *));
SIGNATURE(QueryPerformanceFrequency, BOOL (*)(LARGE_INTEGER *));
SIGNATURE(GetTickCount, DWORD (*)(void));
SIGNATURE(GetTickCount64, ULONGLONG (*)(void));

/* ---- files, pipes and the standard handles ---- */

/* OVERLAPPED: 20 bytes in Win32, 32 in Win64 (two ULONG_PTRs, the offset
 * union, a HANDLE). */
#if WIN64_LAYOUT
STATIC_EQ(sizeof(OVERLAPPED), 32);
STATIC_EQ(offsetof(OVERLAPPED, InternalHigh), 8);
STATIC_EQ(offsetof(OVERLAPPED, Offset), 16);
STATIC_EQ(offsetof(OVERLAPPED, OffsetHigh), 20);
STATIC_EQ(offsetof(OVERLAPPED, Pointer), 16);
STATIC_EQ(offsetof(OVERLAPPED, hEvent), 24);
#else
STATIC_EQ(sizeof(OVERLAPPED), 20);
STATIC_EQ(offsetof(OVERLAPPED, InternalHigh), 4);
STATIC_EQ(offsetof(OVERLAPPED, Offset), 8);
STATIC_EQ(offsetof(OVERLAPPED, OffsetHigh), 12);
STATIC_EQ(offsetof(OVERLAPPED, Pointer), 8);
STATIC_EQ(offsetof(OVERLAPPED, hEvent), 16);
#endif
_Static_assert(SAME_TYPE(LPOVERLAPPED, OVERLAPPED *), "LPOVERLAPPED");

STATIC_EQ(FILE_READ_DATA, 0x1);
STATIC_EQ(FILE_WRITE_DATA, 0x2);
STATIC_EQ(FILE_APPEND_DATA, 0x4);
STATIC_EQ(FILE_READ_ATTRIBUTES, 0x80);
STATIC_EQ(FILE_WRITE_ATTRIBUTES, 0x100);
STATIC_EQ(FILE_GENERIC_READ, 0x120089);
STATIC_EQ(FILE_GENERIC_WRITE, 0x120116);
STATIC_EQ(FILE_GENERIC_EXECUTE, 0x1200A0);
STATIC_EQ(FILE_ALL_ACCESS, 0x1F01FF);
STATIC_EQ(FILE_SHARE_READ, 1);
STATIC_EQ(FILE_SHARE_WRITE, 2);
STATIC_EQ(FILE_SHARE_DELETE, 4);
STATIC_EQ(FILE_ATTRIBUTE_NORMAL, 0x80);
STATIC_EQ(CREATE_NEW, 1);
STATIC_EQ(CREATE_ALWAYS, 2);
STATIC_EQ(OPEN_EXISTING, 3);
STATIC_EQ(OPEN_ALWAYS, 4);
STATIC_EQ(TRUNCATE_EXISTING, 5);
STATIC_EQ(FILE_FLAG_OVERLAPPED, 0x40000000);
STATIC_EQ(FILE_FLAG_BACKUP_SEMANTICS, 0x02000000);
STATIC_EQ(FILE_FLAG_FIRST_PIPE_INSTANCE, 0x00080000);
STATIC_EQ(FILE_BEGIN, 0);
STATIC_EQ(FILE_CURRENT, 1);
STATIC_EQ(FILE_END, 2);
STATIC_EQ(INVALID_FILE_SIZE, 0xFFFFFFFFu);
STATIC_EQ(INVALID_SET_FILE_POINTER, 0xFFFFFFFFu);
STATIC_EQ(FILE_TYPE_UNKNOWN, 0);
STATIC_EQ(FILE_TYPE_DISK, 1);
STATIC_EQ(FILE_TYPE_CHAR, 2);
STATIC_EQ(FILE_TYPE_PIPE, 3);
STATIC_EQ(PIPE_ACCESS_INBOUND, 1);
STATIC_EQ(PIPE_ACCESS_OUTBOUND, 2);
STATIC_EQ(PIPE_ACCESS_DUPLEX, 3);
STATIC_EQ(PIPE_NOWAIT, 1);
STATIC_EQ(PIPE_READMODE_MESSAGE, 2);
STATIC_EQ(PIPE_TYPE_MESSAGE, 4);
STATIC_EQ(PIPE_REJECT_REMOTE_CLIENTS, 8);
STATIC_EQ(PIPE_SERVER_END, 1);
STATIC_EQ(PIPE_UNLIMITED_INSTANCES, 255);
STATIC_EQ(NMPWAIT_WAIT_FOREVER, 0xFFFFFFFFu);
STATIC_EQ(NMPWAIT_USE_DEFAULT_WAIT, 0);
STATIC_EQ(ERROR_SHARING_VIOLATION, 32);
STATIC_EQ(ERROR_FILE_EXISTS, 80);
STATIC_EQ(ERROR_NEGATIVE_SEEK, 131);
STATIC_EQ(ERROR_BAD_PIPE, 230);
STATIC_EQ(ERROR_PIPE_BUSY, 231);
STATIC_EQ(ERROR_NO_DATA, 232);
STATIC_EQ(ERROR_PIPE_NOT_CONNECTED, 233);
STATIC_EQ(ERROR_PIPE_CONNECTED, 535);
STATIC_EQ(ERROR_PIPE_LISTENING, 536);

SIGNATURE(CreateFileA, HANDLE (*)(LPCSTR, DWORD, DWORD, LPSECURITY_ATTRIBUTES, DWORD, DWORD,
                                  HANDLE));
SIGNATURE(DeleteFileA, BOOL (*)(LPCSTR));
SIGNATURE(ReadFile, BOOL (*)(HANDLE, LPVOID, DWORD, LPDWORD, LPOVERLAPPED));
SIGNATURE(WriteFile, BOOL (*)(HANDLE, LPCVOID, DWORD, LPDWORD, LPOVERLAPPED));
SIGNATURE(SetFilePointer, DWORD (*)(HANDLE, LONG, PLONG, DWORD));
SIGNATURE(SetFilePointerEx, BOOL (*)(HANDLE, LARGE_INTEGER, PLARGE_INTEGER, DWORD));
SIGNATURE(GetFileSize, DWORD (*)(HANDLE, LPDWORD));
SIGNATURE(GetFileSizeEx, BOOL (*)(HANDLE, PLARGE_INTEGER));
SIGNATURE(SetEndOfFile, BOOL (*)(HANDLE));
SIGNATURE(FlushFileBuffers, BOOL (*)(HANDLE));
SIGNATURE(GetFileType, DWORD (*)(HANDLE));
SIGNATURE(GetStdHandle, HANDLE (*)(DWORD));
SIGNATURE(SetStdHandle, BOOL (*)(DWORD, HANDLE));
SIGNATURE(CreatePipe, BOOL (*)(PHANDLE, PHANDLE, LPSECURITY_ATTRIBUTES, DWORD));
SIGNATURE(CreateNamedPipeA, HANDLE (*)(LPCSTR, DWORD, DWORD, DWORD, DWORD, DWORD, DWORD,
                                       LPSECURITY_ATTRIBUTES));
SIGNATURE(ConnectNamedPipe, BOOL (*)(HANDLE, LPOVERLAPPED));
SIGNATURE(DisconnectNamedPipe, BOOL (*)(HANDLE));
SIGNATURE(WaitNamedPipeA, BOOL (*)(LPCSTR, DWORD));
SIGNATURE(PeekNamedPipe, BOOL (*)(HANDLE, LPVOID, DWORD, LPDWORD, LPDWORD, LPDWORD));
SIGNATURE(SetNamedPipeHandleState, BOOL (*)(HANDLE, LPDWORD, LPDWORD, LPDWORD));
SIGNATURE(GetNamedPipeInfo, BOOL (*)(HANDLE, LPDWORD, LPDWORD, LPDWORD, LPDWORD));
SIGNATURE(TransactNamedPipe, BOOL (*)(HANDLE, LPVOID, DWORD, LPVOID, DWORD, LPDWORD,
                                      LPOVERLAPPED));
SIGNATURE(CallNamedPipeA, BOOL (*)(LPCSTR, LPVOID, DWORD, LPVOID, DWORD, LPDWORD, DWORD));
SIGNATURE(GetNamedPipeClientProcessId, BOOL (*)(HANDLE, PULONG));
SIGNATURE(GetNamedPipeServerProcessId, BOOL (*)(HANDLE, PULONG));
_Static_assert(SAME_TYPE(__typeof__(&CreateFile), __typeof__(&CreateFileA)) &&
                   SAME_TYPE(__typeof__(&CreateNamedPipe), __typeof__(&CreateNamedPipeA)),
               "generic names are the A forms");

/* ---- file mappings and system information ---- */

/* SYSTEM_INFO: 36 bytes in Win32, 48 in Win64 (two pointers and
 * dwActiveProcessorMask widen; no padding in either). */
STATIC_EQ(offsetof(SYSTEM_INFO, dwOemId), 0);
STATIC_EQ(offsetof(SYSTEM_INFO, wProcessorArchitecture), 0);
STATIC_EQ(offsetof(SYSTEM_INFO, wReserved), 2);
STATIC_EQ(offsetof(SYSTEM_INFO, dwPageSize), 4);
STATIC_EQ(offsetof(SYSTEM_INFO, lpMinimumApplicationAddress), 8);
#if WIN64_LAYOUT
STATIC_EQ(sizeof(SYSTEM_INFO), 48);
STATIC_EQ(offsetof(SYSTEM_INFO, lpMaximumApplicationAddress), 16);
STATIC_EQ(offsetof(SYSTEM_INFO, dwActiveProcessorMask), 24);
STATIC_EQ(offsetof(SYSTEM_INFO, dwNumberOfProcessors), 32);
STATIC_EQ(offsetof(SYSTEM_INFO, dwProcessorType), 36);
STATIC_EQ(offsetof(SYSTEM_INFO, dwAllocationGranularity), 40);
STATIC_EQ(offsetof(SYSTEM_INFO, wProcessorLevel), 44);
STATIC_EQ(offsetof(SYSTEM_INFO, wProcessorRevision), 46);
#else
STATIC_EQ(sizeof(SYSTEM_INFO), 36);
STATIC_EQ(offsetof(SYSTEM_INFO, lpMaximumApplicationAddress), 12);
STATIC_EQ(offsetof(SYSTEM_INFO, dwActiveProcessorMask), 16);
STATIC_EQ(offsetof(SYSTEM_INFO, dwNumberOfProcessors), 20);
STATIC_EQ(offsetof(SYSTEM_INFO, dwProcessorType), 24);
STATIC_EQ(offsetof(SYSTEM_INFO, dwAllocationGranularity), 28);
STATIC_EQ(offsetof(SYSTEM_INFO, wProcessorLevel), 32);
STATIC_EQ(offsetof(SYSTEM_INFO, wProcessorRevision), 34);
#endif
_Static_assert(SAME_TYPE(LPSYSTEM_INFO, SYSTEM_INFO *), "LPSYSTEM_INFO");

STATIC_EQ(PAGE_NOACCESS, 0x01);
STATIC_EQ(PAGE_READONLY, 0x02);
STATIC_EQ(PAGE_READWRITE, 0x04);
STATIC_EQ(PAGE_WRITECOPY, 0x08);
STATIC_EQ(PAGE_EXECUTE, 0x10);
STATIC_EQ(PAGE_EXECUTE_READ, 0x20);
STATIC_EQ(PAGE_EXECUTE_READWRITE, 0x40);
STATIC_EQ(PAGE_EXECUTE_WRITECOPY, 0x80);
STATIC_EQ(PAGE_GUARD, 0x100);
STATIC_EQ(SEC_FILE, 0x00800000);
STATIC_EQ(SEC_IMAGE, 0x01000000);
STATIC_EQ(SEC_RESERVE, 0x04000000);
STATIC_EQ(SEC_COMMIT, 0x08000000);
STATIC_EQ(SEC_NOCACHE, 0x10000000);
STATIC_EQ(SEC_LARGE_PAGES, 0x80000000u);
STATIC_EQ(SECTION_QUERY, 0x1);
STATIC_EQ(SECTION_MAP_WRITE, 0x2);
STATIC_EQ(SECTION_MAP_READ, 0x4);
STATIC_EQ(SECTION_MAP_EXECUTE, 0x8);
STATIC_EQ(SECTION_EXTEND_SIZE, 0x10);
STATIC_EQ(SECTION_ALL_ACCESS, 0x000F001F);
STATIC_EQ(FILE_MAP_COPY, 0x1);
STATIC_EQ(FILE_MAP_WRITE, 0x2);
STATIC_EQ(FILE_MAP_READ, 0x4);
STATIC_EQ(FILE_MAP_EXECUTE, 0x20);
STATIC_EQ(FILE_MAP_ALL_ACCESS, 0x000F001F);
STATIC_EQ(PROCESSOR_ARCHITECTURE_INTEL, 0);
STATIC_EQ(PROCESSOR_ARCHITECTURE_AMD64, 9);
STATIC_EQ(PROCESSOR_AMD_X8664, 8664);
STATIC_EQ(PROCESSOR_INTEL_PENTIUM, 586);
STATIC_EQ(ERROR_MAPPED_ALIGNMENT, 1132);
STATIC_EQ(ERROR_FILE_INVALID, 1006);
STATIC_EQ(ERROR_INVALID_ADDRESS, 487);

SIGNATURE(CreateFileMappingA,
          HANDLE (*)(HANDLE, LPSECURITY_ATTRIBUTES, DWORD, DWORD, DWORD, LPCSTR));
SIGNATURE(OpenFileMappingA, HANDLE (*)(DWORD, BOOL, LPCSTR));
SIGNATURE(MapViewOfFile, LPVOID (*)(HANDLE, DWORD, DWORD, DWORD, SIZE_T));
SIGNATURE(MapViewOfFileEx, LPVOID (*)(HANDLE, DWORD, DWORD, DWORD, SIZE_T, LPVOID));
SIGNATURE(UnmapViewOfFile, BOOL (*)(LPCVOID));
SIGNATURE(FlushViewOfFile, BOOL (*)(LPCVOID, SIZE_T));
SIGNATURE(GetSystemInfo, void (*)(LPSYSTEM_INFO));
SIGNATURE(GetNativeSystemInfo, void (*)(LPSYSTEM_INFO));
_Static_assert(SAME_TYPE(__typeof__(&CreateFileMapping), __typeof__(&CreateFileMappingA)) &&
                   SAME_TYPE(__typeof__(&OpenFileMapping), __typeof__(&OpenFileMappingA)),
               "generic mapping names are the A forms");

/* ---- run time ---- */

static int failures;
static int checks;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        checks++;                                                                      \
        if (!(cond)) {                                                                 \
            failures++;                                                                \
            printf("%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond);                  \
        }                                                                              \
    } while (0)

#define CHECK_STR(a, b)                                                                \
    do {                                                                               \
        checks++;                                                                      \
        if (strcmp((a), (b)) != 0) {                                                   \
            failures++;                                                                \
            printf("%s:%d: FAILED: \"%s\" == \"%s\"\n", __FILE__, __LINE__, (a), (b)); \
        }                                                                              \
    } while (0)

/* Opaque to the optimizer, so the conversions run on values it cannot fold. */
static volatile int v_minus1 = -1;
static volatile int v_minus2 = -2;
static volatile int v_big = 0x7ffffffc;
static volatile int v_min = (int)0x80000000u;
static volatile unsigned int v_ffffffff = 0xffffffffu;

static void test_handle_conversions(void)
{
    /* LongToHandle sign-extends: -1 is INVALID_HANDLE_VALUE (and the
     * GetCurrentProcess pseudo-handle), -2 the GetCurrentThread one. */
    CHECK(LongToHandle(v_minus1) == INVALID_HANDLE_VALUE);
    CHECK(LongToHandle(v_minus2) == (HANDLE)(LONG_PTR)-2);
    CHECK((LONG_PTR)LongToHandle(v_min) == (LONG_PTR)(int)0x80000000u);
    CHECK((LONG_PTR)LongToHandle(v_min) < 0);
    CHECK((ULONG_PTR)LongToHandle(v_big) == 0x7ffffffcu);

    /* Round trips keep every 32-bit handle value. */
    CHECK(HandleToLong(LongToHandle(v_big)) == 0x7ffffffc);
    CHECK(HandleToLong(LongToHandle(v_minus1)) == -1);
    CHECK(HandleToLong(LongToHandle(v_min)) == (int)0x80000000u);
    CHECK(HandleToULong(LongToHandle(v_minus1)) == 0xffffffffu);
    CHECK(HandleToUlong(LongToHandle(v_minus2)) == 0xfffffffeu);
    CHECK(LongToHandle(HandleToLong(INVALID_HANDLE_VALUE)) == INVALID_HANDLE_VALUE);
    CHECK(HandleToULong(INVALID_HANDLE_VALUE) == 0xffffffffu);
    CHECK(HandleToLong(INVALID_HANDLE_VALUE) == -1);
    CHECK(HandleToLong((HANDLE)(ULONG_PTR)4) == 4);

    /* The unsigned forms zero-extend: ULongToHandle(0xffffffff) is not
     * INVALID_HANDLE_VALUE in a 64-bit build. */
    CHECK((ULONG_PTR)ULongToHandle(v_ffffffff) == 0xffffffffu);
    CHECK((ULONG_PTR)UlongToHandle(v_ffffffff) == 0xffffffffu);
    CHECK((ULongToHandle(v_ffffffff) == INVALID_HANDLE_VALUE) == !WIN64_LAYOUT);

#if WIN64_LAYOUT
    {
        /* Narrowing keeps the low 32 bits. */
        volatile ULONG_PTR wide = (ULONG_PTR)0x123456789abcdef0u;
        HANDLE h = (HANDLE)wide;
        CHECK(HandleToULong(h) == 0x9abcdef0u);
        CHECK(HandleToUlong(h) == 0x9abcdef0u);
        CHECK(HandleToLong(h) == (int)0x9abcdef0u);
        CHECK(PtrToUlong(h) == 0x9abcdef0u);
        CHECK(PtrToUint(h) == 0x9abcdef0u);
        CHECK(PtrToLong(h) == (int)0x9abcdef0u);
        CHECK(PtrToInt(h) == (int)0x9abcdef0u);
        CHECK(PtrToUshort(h) == 0xdef0u);
    }
#endif
}

static void test_pointer_conversions(void)
{
    void *minus1 = (void *)(LONG_PTR)-1;
    void *low_ones = (void *)(ULONG_PTR)0xffffffffu;

    CHECK(IntToPtr(v_minus1) == minus1);
    CHECK(LongToPtr(v_minus1) == minus1);
    CHECK(UIntToPtr(v_ffffffff) == low_ones);
    CHECK(UintToPtr(v_ffffffff) == low_ones);
    CHECK(ULongToPtr(v_ffffffff) == low_ones);
    CHECK(UlongToPtr(v_ffffffff) == low_ones);
    CHECK(PtrToUlong(minus1) == 0xffffffffu);
    CHECK(PtrToUint(minus1) == 0xffffffffu);
    CHECK(PtrToLong(minus1) == -1);
    CHECK(PtrToInt(minus1) == -1);
    CHECK(PtrToUshort(minus1) == 0xffffu);
    CHECK(PtrToUlong(UlongToPtr(0x12345678u)) == 0x12345678u);
    CHECK(PtrToLong(LongToPtr(v_min)) == (int)0x80000000u);
}

static void test_large_integer(void)
{
    LARGE_INTEGER li;
    ULARGE_INTEGER uli;

    li.QuadPart = 0x1122334455667788;
    CHECK(li.LowPart == 0x55667788u);
    CHECK(li.HighPart == 0x11223344);
    CHECK(li.u.LowPart == 0x55667788u && li.u.HighPart == 0x11223344);

    li.QuadPart = -2;
    CHECK(li.LowPart == 0xfffffffeu);
    CHECK(li.HighPart == -1);

    li.LowPart = 0xffffffffu;
    li.HighPart = 0x7fffffff;
    CHECK(li.QuadPart == 0x7fffffffffffffff);

    uli.QuadPart = 0xfedcba9876543210u;
    CHECK(uli.LowPart == 0x76543210u && uli.HighPart == 0xfedcba98u);
}

static void test_macros(void)
{
    char buf[8];
    volatile DWORD dw = 0x12345678u;

    CHECK(MAKEWORD(0x34, 0x12) == 0x1234);
    CHECK(MAKEWORD(0x1ff, 0x2ee) == 0xeeff); /* each half is a byte */
    CHECK(MAKELONG(0x5678, 0x1234) == 0x12345678);
    CHECK((DWORD)MAKELONG(0xffff, 0xffff) == 0xffffffffu);
    CHECK(LOWORD(dw) == 0x5678 && HIWORD(dw) == 0x1234);
    CHECK(LOBYTE(0x1234) == 0x34 && HIBYTE(0x1234) == 0x12);
    CHECK(HIWORD(0xffffffffu) == 0xffff);
    CHECK(min(3, 7) == 3 && max(3, 7) == 7 && min(-1, 1) == -1);

    memset(buf, 'x', sizeof buf);
    ZeroMemory(buf, 4);
    CHECK(buf[0] == 0 && buf[3] == 0 && buf[4] == 'x');
    FillMemory(buf, 2, 'a');
    CHECK(buf[0] == 'a' && buf[1] == 'a' && buf[2] == 0);
    CopyMemory(buf + 4, "wxyz", 4);
    CHECK(memcmp(buf + 4, "wxyz", 4) == 0);
    MoveMemory(buf + 1, buf, 6);
    CHECK(memcmp(buf, "aaa\0\0wx", 7) == 0);

    CHECK((ULONG_PTR)MAKEINTRESOURCEA(5) == 5);
    CHECK((ULONG_PTR)MAKEINTRESOURCEA(0x12345) == 0x2345); /* a WORD */
    CHECK((ULONG_PTR)MAKEINTRESOURCE(7) == 7);
    CHECK(IS_INTRESOURCE(MAKEINTRESOURCEA(0xffff)));
    CHECK(!IS_INTRESOURCE("a string"));

    CHECK(INVALID_HANDLE_VALUE == (HANDLE)(LONG_PTR)-1);
    CHECK((ULONG_PTR)INVALID_HANDLE_VALUE == (ULONG_PTR)-1); /* all ones */

    /* Calling conventions expand to nothing on Linux. */
    CHECK_STR(XSTR(WINAPI), "");
    CHECK_STR(XSTR(CALLBACK), "");
    CHECK_STR(XSTR(APIENTRY), "");
    CHECK_STR(XSTR(WINAPIV), "");

    /* Generic names are the ANSI functions. */
    CHECK_STR(XSTR(CreateEvent), "CreateEventA");
    CHECK_STR(XSTR(CreateEventEx), "CreateEventExA");
    CHECK_STR(XSTR(OpenEvent), "OpenEventA");
    CHECK_STR(XSTR(CreateMutex), "CreateMutexA");
    CHECK_STR(XSTR(CreateMutexEx), "CreateMutexExA");
    CHECK_STR(XSTR(OpenMutex), "OpenMutexA");
    CHECK_STR(XSTR(CreateSemaphore), "CreateSemaphoreA");
    CHECK_STR(XSTR(CreateSemaphoreEx), "CreateSemaphoreExA");
    CHECK_STR(XSTR(OpenSemaphore), "OpenSemaphoreA");
    CHECK_STR(XSTR(CreateProcess), "CreateProcessA");
    CHECK_STR(XSTR(GetCommandLine), "GetCommandLineA");
    CHECK_STR(XSTR(GetModuleFileName), "GetModuleFileNameA");
    CHECK_STR(XSTR(GetModuleHandle), "GetModuleHandleA");
}

static void test_constants_at_run_time(void)
{
    /* The usual comparisons, with a DWORD as the functions return it. */
    volatile DWORD r = 258;
    volatile DWORD err = 183;

    CHECK(r == WAIT_TIMEOUT);
    CHECK(err == ERROR_ALREADY_EXISTS);
    CHECK((DWORD)(WAIT_ABANDONED_0 + 3) == 0x83u);
    CHECK((DWORD)(WAIT_OBJECT_0 + MAXIMUM_WAIT_OBJECTS - 1) == 63u);
    CHECK((EVENT_ALL_ACCESS & SYNCHRONIZE) != 0);
    CHECK((PROCESS_ALL_ACCESS & PROCESS_QUERY_LIMITED_INFORMATION) != 0);
    CHECK((THREAD_ALL_ACCESS & (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE)) ==
          (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE));
    CHECK(EVENT_ALL_ACCESS == 0x1F0003u);
    CHECK(PROCESS_ALL_ACCESS == 0x1FFFFFu);
    CHECK(SYNCHRONIZE == 0x100000u);
}

int main(void)
{
    test_handle_conversions();
    test_pointer_conversions();
    test_large_integer();
    test_macros();
    test_constants_at_run_time();

    printf("test_headers (%d-bit): %d checks, %d failed\n", WIN64_LAYOUT ? 64 : 32, checks,
           failures);
    return failures ? 1 : 0;
}
