/*
 * The program test_trace.sh runs under WINHANDLE_TRACE, one scene per
 * argument:
 *   leak     3 events made at one site and 1 at another stay open at exit
 *            (and the standard error handle, made on first use: not a leak)
 *   clean    everything made is closed (no leaks; with tracing off, silence)
 *   closed   SetEvent on a handle after CloseHandle
 *   never    SetEvent on a value that was never a handle, then on NULL
 *   exit     leak 2 events and leave with ExitProcess(7)
 *   hold     leak 3 events from one site, say "ready", wait for a line on stdin
 *   user     leak 2 menus and 1 event; a third menu is destroyed
 *   menu     use a destroyed menu: IsMenu (a probe, not reported), then
 *            GetMenuItemCount and DestroyMenu again (reported)
 */
#include <stdio.h>
#include <string.h>

#include <windows.h>

static HANDLE leaked[8];

/* noinline: each site is a frame of its own in the backtrace. */
__attribute__((noinline)) static void make_three(void)
{
    for (int i = 0; i < 3; i++)
        leaked[i] = CreateEventA(NULL, TRUE, FALSE, NULL);
}

__attribute__((noinline)) static void make_one(void)
{
    leaked[3] = CreateEventA(NULL, FALSE, FALSE, NULL);
}

__attribute__((noinline)) static HANDLE make_and_close(void)
{
    HANDLE h = CreateEventA(NULL, TRUE, FALSE, NULL);
    CloseHandle(h);
    return h;
}

__attribute__((noinline)) static void use_it(HANDLE h)
{
    if (SetEvent(h) || GetLastError() != ERROR_INVALID_HANDLE)
        printf("SetEvent on a bad handle did not fail with ERROR_INVALID_HANDLE\n");
}

int main(int argc, char **argv)
{
    const char *scene = argc > 1 ? argv[1] : "";
    if (!strcmp(scene, "leak")) {
        if (!GetStdHandle(STD_ERROR_HANDLE))
            return 3;
        make_three();
        make_one();
    } else if (!strcmp(scene, "clean")) {
        make_and_close();
        HANDLE m = CreateMutexA(NULL, FALSE, NULL);
        CloseHandle(m);
    } else if (!strcmp(scene, "closed")) {
        use_it(make_and_close());
        printf("still running\n");
    } else if (!strcmp(scene, "never")) {
        use_it((HANDLE)(uintptr_t)0x7ff0);
        use_it(NULL);
    } else if (!strcmp(scene, "exit")) {
        make_three();
        CloseHandle(leaked[2]);
        ExitProcess(7);
    } else if (!strcmp(scene, "user")) {
        for (int i = 0; i < 3; i++)
            leaked[i] = CreateMenu();
        DestroyMenu(leaked[1]);
        make_one();
    } else if (!strcmp(scene, "menu")) {
        HMENU menu = CreateMenu();
        DestroyMenu(menu);
        if (IsMenu(menu) || GetMenuItemCount(menu) != -1 || DestroyMenu(menu))
            printf("a destroyed menu still works\n");
    } else if (!strcmp(scene, "hold")) {
        make_three();
        printf("ready %lu\n", (unsigned long)GetCurrentProcessId());
        fflush(stdout);
        char line[16];
        if (!fgets(line, sizeof(line), stdin))
            return 1;
    } else {
        fprintf(stderr, "usage: trace_program leak|clean|closed|never|exit|hold|user|menu\n");
        return 2;
    }
    return 0;
}
