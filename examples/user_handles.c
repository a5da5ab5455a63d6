/*
 * USER handles across processes: one table for the whole session.
 *
 * A kernel handle means something only in its own process (see
 * duplicate_handle.c); a USER handle (a menu, a cursor, a window) is a
 * value of the session's one USER table, the same in every process, as on
 * Windows. So process A passes its menu's value to process B as a plain
 * number on the command line, and B reads and extends that very menu: no
 * DuplicateHandle, nothing to open. A USER object belongs to the process
 * (or thread) that made it and goes when its owner ends: B makes a menu of
 * its own and hands its value back as its exit code; once B has exited,
 * A finds that value dead.
 *
 * Run: user_handles
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

static void show(const char *who, HMENU menu)
{
    int count = GetMenuItemCount(menu);
    if (count < 0)
        die("GetMenuItemCount");
    printf("[%s %5u] menu %p has %d items:", who, (unsigned)GetCurrentProcessId(),
           (void *)menu, count);
    for (int i = 0; i < count; i++) {
        char text[64];
        if (!GetMenuStringA(menu, (UINT)i, text, sizeof(text), MF_BYPOSITION))
            die("GetMenuStringA");
        printf(" \"%s\"", text);
    }
    printf("\n");
    fflush(stdout);
}

/* Process B: argv[2] is A's menu, in hex. */
static int process_b(const char *value)
{
    HMENU menu = (HMENU)(ULONG_PTR)strtoul(value, NULL, 16);
    if (!IsMenu(menu))
        die("B: IsMenu on A's value");
    show("B", menu);
    if (!AppendMenuA(menu, MF_STRING, 3, "Exit (added by B)"))
        die("B: AppendMenuA");
    HMENU mine = CreateMenu();
    if (!mine)
        die("B: CreateMenu");
    printf("[B %5u] appended an item to A's menu; made menu %p, which goes with B\n",
           (unsigned)GetCurrentProcessId(), (void *)mine);
    fflush(stdout);
    return (int)(ULONG_PTR)mine; /* a USER handle fits in 32 bits */
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "B"))
        return process_b(argv[2]);

    HMENU menu = CreateMenu();
    if (!menu || !AppendMenuA(menu, MF_STRING, 1, "Open") ||
        !AppendMenuA(menu, MF_STRING, 2, "Save"))
        die("A: CreateMenu/AppendMenuA");
    show("A", menu);

    char self[MAX_PATH], cmd[MAX_PATH + 64];
    GetModuleFileNameA(NULL, self, sizeof(self));
    snprintf(cmd, sizeof(cmd), "\"%s\" B %lx", self, (unsigned long)(ULONG_PTR)menu);
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        die("A: CreateProcessA");
    DWORD code = 0;
    if (WaitForSingleObject(pi.hProcess, 30000) != WAIT_OBJECT_0 ||
        !GetExitCodeProcess(pi.hProcess, &code))
        die("A: waiting for B");
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);

    show("A", menu); /* B's item is there: one menu, seen from both */
    if (GetMenuItemCount(menu) != 3)
        die("A: B's item is missing");
    HMENU b_menu = (HMENU)(ULONG_PTR)code;
    if (IsMenu(b_menu))
        die("A: B's menu outlived B");
    printf("[A %5u] B's menu %p died with B: IsMenu says FALSE\n",
           (unsigned)GetCurrentProcessId(), (void *)b_menu);
    if (!DestroyMenu(menu))
        die("A: DestroyMenu");
    return 0;
}
