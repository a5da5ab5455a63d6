/*
 * 32-bit and 64-bit processes: IsWow64Process, IsWow64Process2, the system
 * information of each width, the Windows directory getters and the
 * redirector switch. The transcript must be the same in both widths (the
 * i386 build runs this program too) and under Wine (64-bit), so a check
 * whose answer depends on the width prints whether the answer is the one
 * Windows gives a process of this width ("as for this width"), never the
 * answer itself. A 64-bit kernel is assumed, as under Wine's wine64.
 */
#include <string.h>

#include "conformance.h"

static const int is32 = sizeof(void *) == 4;

static void check_width(const char *name, int fact)
{
    check(name, fact ? "as for this width" : "not as for this width");
}

static void wow64_process(void)
{
    BOOL wow = 5;
    SetLastError(UNTOUCHED_ERROR);
    BOOL ok = IsWow64Process(GetCurrentProcess(), &wow);
    check_bool("iswow64.self", ok);
    check_width("iswow64.self_value", wow == (is32 ? TRUE : FALSE));
    wow = 5;
    check_bool("iswow64.null_handle", IsWow64Process(NULL, &wow));
    check_yes("iswow64.null_handle_untouched", wow == 5);
    check_bool("iswow64.bad_handle", IsWow64Process((HANDLE)(ULONG_PTR)0x123458, &wow));

    HANDLE event = CreateEventA(NULL, FALSE, FALSE, NULL);
    check_bool("iswow64.event_handle", IsWow64Process(event, &wow));
    CloseHandle(event);
    HANDLE me = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, GetCurrentProcessId());
    wow = 5;
    check_bool("iswow64.opened_self", IsWow64Process(me, &wow));
    check_width("iswow64.opened_self_value", wow == (is32 ? TRUE : FALSE));
    HANDLE no_query = OpenProcess(SYNCHRONIZE, FALSE, GetCurrentProcessId());
    check_bool("iswow64.no_query_right", IsWow64Process(no_query, &wow));
    CloseHandle(no_query);

    USHORT process = 9, native = 9;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("iswow64_2.self", IsWow64Process2(GetCurrentProcess(), &process, &native));
    check_width("iswow64_2.process_machine",
                process == (is32 ? IMAGE_FILE_MACHINE_I386 : IMAGE_FILE_MACHINE_UNKNOWN));
    check_yes("iswow64_2.native_amd64", native == IMAGE_FILE_MACHINE_AMD64);
    process = 9;
    check_bool("iswow64_2.no_native", IsWow64Process2(me, &process, NULL));
    check_width("iswow64_2.no_native_process",
                process == (is32 ? IMAGE_FILE_MACHINE_I386 : IMAGE_FILE_MACHINE_UNKNOWN));
    /* Not checked: IsWow64Process2 on a NULL handle, which Wine answers
     * TRUE (winhandle: FALSE, ERROR_INVALID_HANDLE, as IsWow64Process). */
    CloseHandle(me);
}

static void system_info(void)
{
    SYSTEM_INFO si, native;
    GetSystemInfo(&si);
    GetNativeSystemInfo(&native);
    check_width("sysinfo.architecture",
                si.wProcessorArchitecture ==
                    (is32 ? PROCESSOR_ARCHITECTURE_INTEL : PROCESSOR_ARCHITECTURE_AMD64));
    check_width("sysinfo.processor_type",
                si.dwProcessorType == (is32 ? PROCESSOR_INTEL_PENTIUM : PROCESSOR_AMD_X8664));
    check_yes("sysinfo.native_architecture",
              native.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64);
    check_yes("sysinfo.native_processor_type", native.dwProcessorType == PROCESSOR_AMD_X8664);
    check_yes("sysinfo.same_page_size", si.dwPageSize == native.dwPageSize);
    check_yes("sysinfo.same_processors", si.dwNumberOfProcessors == native.dwNumberOfProcessors);
    check_yes("sysinfo.granularity_64k", native.dwAllocationGranularity == 65536);
}

/* The separator-free tail of a path, lowercased: "system32" of both
 * "C:\windows\system32" and "/x/windows/System32". */
static const char *last_name(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/'), *back = strrchr(path, '\\');
    const char *start = slash > back ? slash : back;
    start = start ? start + 1 : path;
    size_t i = 0;
    for (; start[i] && i + 1 < size; i++)
        buf[i] = (char)(start[i] >= 'A' && start[i] <= 'Z' ? start[i] + 32 : start[i]);
    buf[i] = '\0';
    return buf;
}

static void directories(void)
{
    char windir[MAX_PATH], sys[MAX_PATH], wow[MAX_PATH], name[32];
    UINT n = GetWindowsDirectoryA(windir, sizeof(windir));
    check_yes("windir.length", n > 0 && n == strlen(windir));
    check_yes("windir.small_buffer_needs", GetWindowsDirectoryA(windir, 2) == n + 1);
    check_yes("windir.null_buffer_needs", GetWindowsDirectoryA(NULL, 0) == n + 1);
    check_yes("windir.exact_buffer_needs", GetWindowsDirectoryA(windir, n) == n + 1);
    check_yes("windir.fits_exactly", GetWindowsDirectoryA(windir, n + 1) == n);
    UINT s = GetSystemDirectoryA(sys, sizeof(sys));
    check_yes("sysdir.length", s > 0 && s == strlen(sys));
    check_yes("sysdir.under_windir", s > n && !strncmp(sys, windir, n));
    check("sysdir.name", "%s", last_name(sys, name, sizeof(name)));
    SetLastError(UNTOUCHED_ERROR);
    UINT w = GetSystemWow64DirectoryA(wow, sizeof(wow));
    check_yes("wow64dir.length", w > 0 && w == strlen(wow));
    check_yes("wow64dir.under_windir", w > n && !strncmp(wow, windir, n));
    check("wow64dir.name", "%s", last_name(wow, name, sizeof(name)));
    check_yes("wow64dir.small_buffer_needs", GetSystemWow64DirectoryA(wow, 3) == w + 1);

    /* The windows directory exists and is a directory. */
    DWORD attr_ok = CreateFileA(windir, 0, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                                OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL) !=
                    INVALID_HANDLE_VALUE;
    check_yes("windir.exists", attr_ok);
}

static void redirection_switch(void)
{
    PVOID old = (PVOID)5;
    SetLastError(UNTOUCHED_ERROR);
    BOOL ok = Wow64DisableWow64FsRedirection(&old);
    DWORD error = GetLastError();
    /* Only a WOW64 process has a redirector to turn off. */
    check_width("redirection.disable",
                is32 ? ok : !ok && error == ERROR_INVALID_FUNCTION);
    check_width("redirection.revert", is32 ? Wow64RevertWow64FsRedirection(old) == TRUE
                                          : Wow64RevertWow64FsRedirection(old) == FALSE);
}

int main(void)
{
    wow64_process();
    system_info();
    directories();
    redirection_switch();
    return 0;
}
