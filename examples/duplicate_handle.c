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
 * The channel is a Linux FIFO here, because winhandle's named pipes and
 * file mappings come with the IPC work; with them, use CreateNamedPipeA or
 * a named CreateFileMappingA exactly the same way.
 *
 * Run: duplicate_handle
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <windows.h>

static void die(const char *what)
{
    printf("%s failed: error %u\n", what, (unsigned)GetLastError());
    ExitProcess(1);
}

/* Process B: read "HANDLE PID" from the channel, use both. */
static int process_b(const char *fifo)
{
    unsigned long value = 0, pid_a = 0;
    FILE *in = fopen(fifo, "r");
    if (!in || fscanf(in, "%lx %lu", &value, &pid_a) != 2)
        die("B: reading the channel");
    fclose(in);
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

    char fifo[64], self[MAX_PATH], cmd[MAX_PATH + 128];
    snprintf(fifo, sizeof(fifo), "/tmp/winhandle-example-%u", (unsigned)GetCurrentProcessId());
    if (mkfifo(fifo, 0600) < 0)
        die("A: mkfifo");
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" B %s", self, fifo);

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

    FILE *out = fopen(fifo, "w");
    if (!out)
        die("A: opening the channel");
    fprintf(out, "%lx %u\n", (unsigned long)(ULONG_PTR)in_b, (unsigned)GetCurrentProcessId());
    fclose(out);
    unlink(fifo);
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
