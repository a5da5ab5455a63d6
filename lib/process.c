/*
 * Processes: identity, exit codes, opening and terminating. A process id is
 * the Linux pid. CreateProcessA is in spawn.c.
 */
#include <stdlib.h>
#include <unistd.h>

#include "private.h"

HANDLE WINAPI GetCurrentProcess(void)
{
    return (HANDLE)(LONG_PTR)-1;
}

DWORD WINAPI GetCurrentProcessId(void)
{
    return (DWORD)getpid();
}

static BOOL process_info(HANDLE process, struct wh_get_process_info_reply *reply)
{
    struct wh_get_process_info_request req = { .handle = handle_to_wire(process) };
    return set_result(SERVER_CALL(get_process_info, &req, reply, NULL, 0));
}

DWORD WINAPI GetProcessId(HANDLE process)
{
    struct wh_get_process_info_reply reply;
    return process_info(process, &reply) ? reply.pid : 0;
}

BOOL WINAPI GetExitCodeProcess(HANDLE process, LPDWORD code)
{
    struct wh_get_process_info_reply reply;
    if (!process_info(process, &reply))
        return FALSE;
    if (!code)
        return FAIL(ERROR_NOACCESS, FALSE);
    *code = reply.exit_code;
    return TRUE;
}

void WINAPI ExitProcess(UINT code)
{
    process_report_exit(code);
    exit((int)code);
}

HANDLE WINAPI OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
    return open_by_id(WH_TYPE_PROCESS, pid, access, inherit);
}

BOOL WINAPI TerminateProcess(HANDLE process, UINT code)
{
    struct wh_terminate_process_request req = { .handle = handle_to_wire(process),
                                                .exit_code = code };
    struct wh_terminate_process_reply reply;
    if (!set_result(SERVER_CALL(terminate_process, &req, &reply, NULL, 0)))
        return FALSE;
    if (reply.self) {
        /* SIGKILL is on its way; never return into the program. */
        for (;;)
            pause();
    }
    return TRUE;
}
