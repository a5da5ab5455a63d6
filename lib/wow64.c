/*
 * IsWow64Process and IsWow64Process2. Windows calls a 32-bit process on a
 * 64-bit system a WOW64 process; here that is an i386 process on an x86_64
 * kernel. A process's width is what it announced in its hello (its
 * library's), or for a Linux process that never spoke to the server, the
 * ELF class of its executable (the server finds it).
 */
#include <sys/personality.h>
#include <sys/utsname.h>

#include "private.h"
#include "wow64.h"

int native_is_64bit(void)
{
    static int known = -1;
    if (known >= 0)
        return known;
    struct utsname u;
    int wide = uname(&u) == 0 && !strcmp(u.machine, "x86_64");
#ifdef PER_LINUX32
    /* Under `setarch i386` (the PER_LINUX32 personality) a 64-bit kernel
     * tells 32-bit programs it is an i686: it still is x86_64. */
    int persona = personality(0xffffffff);
    if (!wide && persona != -1 && (persona & PER_MASK) == PER_LINUX32)
        wide = 1;
#endif
    known = wide;
    return wide;
}

int self_is_wow64(void)
{
    return sizeof(void *) == 4 && native_is_64bit();
}

/* The width (32 or 64) of the process behind a handle; 0 and the last
 * error if the handle is not one with query rights. */
static unsigned process_width(HANDLE process)
{
    if (process == GetCurrentProcess())
        return sizeof(void *) * 8;
    struct wh_get_process_info_request req = { .handle = handle_to_wire(process) };
    struct wh_get_process_info_reply reply;
    if (!set_result(SERVER_CALL(get_process_info, &req, &reply, NULL, 0)))
        return 0;
    return reply.bitness ? reply.bitness : 64;
}

BOOL WINAPI IsWow64Process(HANDLE process, PBOOL wow64)
{
    unsigned width = process_width(process);
    if (!width)
        return FALSE;
    if (!wow64)
        return FAIL(ERROR_NOACCESS, FALSE);
    *wow64 = width == 32 && native_is_64bit();
    return TRUE;
}

BOOL WINAPI IsWow64Process2(HANDLE process, USHORT *process_machine, USHORT *native_machine)
{
    unsigned width = process_width(process);
    if (!width)
        return FALSE;
    if (!process_machine)
        return FAIL(ERROR_NOACCESS, FALSE);
    int native64 = native_is_64bit();
    *process_machine = width == 32 && native64 ? IMAGE_FILE_MACHINE_I386
                                               : IMAGE_FILE_MACHINE_UNKNOWN;
    /* Optional, as documented. */
    if (native_machine)
        *native_machine = native64 ? IMAGE_FILE_MACHINE_AMD64 : IMAGE_FILE_MACHINE_I386;
    return TRUE;
}
