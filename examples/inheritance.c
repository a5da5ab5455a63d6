/*
 * Handle inheritance: what a child made by CreateProcessA gets.
 *
 * The parent makes three events: one inheritable from birth (its
 * SECURITY_ATTRIBUTES say bInheritHandle), one made inheritable afterwards
 * with SetHandleInformation, and one that stays private. It starts itself
 * again as the child with bInheritHandles = TRUE and puts the three values
 * on the child's command line. A handle is inherited at the SAME value,
 * so the child uses the numbers as they are: it signals the two it
 * inherited and finds that the private one's value means nothing there.
 * The parent waits for both signals at once.
 *
 * Run: inheritance
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

static HANDLE parse(const char *word)
{
    return (HANDLE)(ULONG_PTR)strtoul(word, NULL, 16);
}

/* The child: argv[2..4] are the three values, in hex. */
static int child(char **argv)
{
    HANDLE born = parse(argv[2]), made = parse(argv[3]), private_one = parse(argv[4]);
    DWORD flags;
    if (!GetHandleInformation(born, &flags) || !(flags & HANDLE_FLAG_INHERIT))
        die("child: the inheritable event is not here");
    printf("[child  %5u] %p: inherited, still inheritable (for my own children)\n",
           (unsigned)GetCurrentProcessId(), (void *)born);
    if (!SetEvent(born) || !SetEvent(made))
        die("child: SetEvent on inherited handles");
    printf("[child  %5u] %p and %p: inherited at the same values; signalled both\n",
           (unsigned)GetCurrentProcessId(), (void *)born, (void *)made);
    /* The slot may hold nothing, or something else the child made itself:
     * either way it is not the parent's private event. */
    if (GetHandleInformation(private_one, &flags) || GetLastError() != ERROR_INVALID_HANDLE)
        die("child: the private handle's value names something");
    printf("[child  %5u] %p: not inherited, the value is invalid here\n",
           (unsigned)GetCurrentProcessId(), (void *)private_one);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "child"))
        return child(argv);

    SECURITY_ATTRIBUTES inherit = { .nLength = sizeof(inherit), .bInheritHandle = TRUE };
    HANDLE born = CreateEventA(&inherit, TRUE, FALSE, NULL);
    HANDLE made = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE private_one = CreateEventA(NULL, TRUE, FALSE, NULL);
    if (!born || !made || !private_one)
        die("parent: CreateEventA");
    if (!SetHandleInformation(made, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT))
        die("parent: SetHandleInformation");
    /* The private one must not be a slot the child could reuse for the
     * others: close it first and it would be free. Keep it open. */
    printf("[parent %5u] events %p (inheritable), %p (made inheritable), %p (private)\n",
           (unsigned)GetCurrentProcessId(), (void *)born, (void *)made,
           (void *)private_one);
    fflush(stdout);

    char self[MAX_PATH], cmd[MAX_PATH + 128];
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" child %lx %lx %lx", self,
             (unsigned long)(ULONG_PTR)born, (unsigned long)(ULONG_PTR)made,
             (unsigned long)(ULONG_PTR)private_one);
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    if (!CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
        die("parent: CreateProcessA");

    HANDLE both[2] = { born, made };
    if (WaitForMultipleObjects(2, both, TRUE, 30000) != WAIT_OBJECT_0)
        die("parent: waiting for the child's signals");
    DWORD code = 1;
    if (WaitForSingleObject(pi.hProcess, 30000) != WAIT_OBJECT_0 ||
        !GetExitCodeProcess(pi.hProcess, &code))
        die("parent: waiting for the child");
    printf("[parent %5u] the child signalled both inherited events and exited with %u\n",
           (unsigned)GetCurrentProcessId(), (unsigned)code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    CloseHandle(born);
    CloseHandle(made);
    CloseHandle(private_one);
    return (int)code;
}
