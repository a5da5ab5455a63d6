/*
 * The pattern from the DuplicateHandle documentation, between two
 * processes that share nothing by name.
 *
 * Process A (this program, run without arguments) creates an UNNAMED event,
 * starts process B, and duplicates the event into B with DuplicateHandle:
 * the new value means something only inside B. A then sends B that value
 * and its own process id over an IPC channel. B signals the event through
 * the value it received and uses A's pid to open A (SYNCHRONIZE) and watch
 * it. A, waiting on its own handle to the same event, sees the effect.
 *
 * The channel is a named pipe, \\.\pipe\winhandle-example-PID: A makes
 * it before B starts, B opens it as a client and reads one line.
 *
 * Run: duplicate_handle
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

static void die(const char *what)
{
    printf("%s failed: error %u\n", what, (unsigned)GetLastError());
    ExitProcess(1);
}

/* Process B: read "HANDLE PID" from the channel, use both. */
static int process_b(const char *pipe_name)
{
    unsigned long value = 0, pid_a = 0;
    char line[64];
    DWORD n;
    if (!WaitNamedPipeA(pipe_name, 30000))
        die("B: WaitNamedPipeA");
    HANDLE in = CreateFileA(pipe_name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (in == INVALID_HANDLE_VALUE || !ReadFile(in, line, sizeof(line) - 1, &n, NULL))
        die("B: reading the channel");
    line[n] = '\0';
    CloseHandle(in);
    if (sscanf(line, "%lx %lu", &value, &pid_a) != 2)
        die("B: reading the channel");
    HANDLE event = (HANDLE)(ULONG_PTR)value;
    printf("[B %5u] received handle %#lx and A's pid %lu\n",
           (unsigned)GetCurrentProcessId(), value, pid_a);

    HANDLE a = OpenProcess(SYNCHRONIZE, FALSE, (DWORD)pid_a);
    if (!a)
        die("B: OpenProcess(A)");
    if (!SetEvent(event))
        die("B: SetEvent on the duplicated handle");
    printf("[B %5u] signalled the event through it; now waiting for A to end\n",
           (unsigned)GetCurrentProcessId());
    fflush(stdout);
    /* B outlives A only briefly: A's process handle tells B when it ends. */
    if (WaitForSingleObject(a, 30000) != WAIT_OBJECT_0)
        die("B: waiting for A");
    printf("[B %5u] A has ended; B exits\n", (unsigned)GetCurrentProcessId());
    CloseHandle(a);
    CloseHandle(event);
    return 0;
}

/* Process A. */
int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "B"))
        return process_b(argv[2]);

    char pipe_name[64], self[MAX_PATH], cmd[MAX_PATH + 128];
    snprintf(pipe_name, sizeof(pipe_name), "\\\\.\\pipe\\winhandle-example-%u",
             (unsigned)GetCurrentProcessId());
    HANDLE channel = CreateNamedPipeA(pipe_name, PIPE_ACCESS_OUTBOUND, PIPE_TYPE_BYTE, 1, 0, 0,
                                      0, NULL);
    if (channel == INVALID_HANDLE_VALUE)
        die("A: CreateNamedPipeA");
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" B %s", self, pipe_name);

    HANDLE event = CreateEventA(NULL, FALSE, FALSE, NULL); /* no name at all */
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    if (!event || !CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        die("A: CreateEventA/CreateProcessA");

    /* pi.hProcess carries PROCESS_DUP_HANDLE, which DuplicateHandle needs. */
    HANDLE in_b;
    if (!DuplicateHandle(GetCurrentProcess(), event, pi.hProcess, &in_b, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        die("A: DuplicateHandle into B");
    printf("[A %5u] event is %p here and %p in B (pid %u)\n",
           (unsigned)GetCurrentProcessId(), (void *)event, (void *)in_b,
           (unsigned)pi.dwProcessId);

    /* B may have opened the pipe already: ERROR_PIPE_CONNECTED is success. */
    char line[64];
    DWORD n;
    if (!ConnectNamedPipe(channel, NULL) && GetLastError() != ERROR_PIPE_CONNECTED)
        die("A: ConnectNamedPipe");
    snprintf(line, sizeof(line), "%lx %u", (unsigned long)(ULONG_PTR)in_b,
             (unsigned)GetCurrentProcessId());
    if (!WriteFile(channel, line, (DWORD)strlen(line), &n, NULL))
        die("A: writing the channel");
    CloseHandle(channel);
    fflush(stdout);

    if (WaitForSingleObject(event, 30000) != WAIT_OBJECT_0)
        die("A: waiting for B's signal");
    printf("[A %5u] B signalled our unnamed event\n", (unsigned)GetCurrentProcessId());
    fflush(stdout);
    CloseHandle(event);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return 0;
}
