/*
 * Run a program (the inspector, say) with CreateProcessA and take what it
 * writes to its standard output, as a Windows program would.
 */
#ifndef WINHANDLE_TEST_RUN_TOOL_H
#define WINHANDLE_TEST_RUN_TOOL_H

#include <stdio.h>

#include <windows.h>

/* Run cmd; its output (NUL-terminated, cut at size - 1) goes to out. The
 * child's process id goes to *pid. Returns its exit code, or -1 if it could
 * not be started or did not end within 20 s. */
static inline long run_tool(const char *cmd, char *out, DWORD size, DWORD *pid)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE r, w;
    out[0] = '\0';
    if (!CreatePipe(&r, &w, &sa, 0))
        return -1;
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESTDHANDLES };
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    BOOL started = CreateProcessA(NULL, (LPSTR)cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    CloseHandle(w);
    if (!started) {
        CloseHandle(r);
        return -1;
    }
    DWORD used = 0, n;
    while (used < size - 1 && ReadFile(r, out + used, size - 1 - used, &n, NULL) && n)
        used += n;
    out[used] = '\0';
    CloseHandle(r);
    DWORD code = 0;
    long result = WaitForSingleObject(pi.hProcess, 20000) == WAIT_OBJECT_0 &&
                          GetExitCodeProcess(pi.hProcess, &code)
                      ? (long)code
                      : -1;
    if (pid)
        *pid = pi.dwProcessId;
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return result;
}

#endif
