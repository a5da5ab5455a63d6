/*
 * winhandle find on a known scene: a named event held by this process and
 * by a child (which opened it), found by a piece of its name, by one
 * process's handle value, and a menu found by its USER handle value; text
 * and JSON.
 *
 *   test_inspector_find WINHANDLE_TOOL      (under isolate.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "holder_child.h"
#include "run_tool.h"
#include "tap.h"

static char out[1 << 16];

static int has(const char *text)
{
    return strstr(out, text) != NULL;
}

int main(int argc, char **argv)
{
    int child = holder_child_main(argc, argv);
    if (child >= 0)
        return child;
    if (argc != 2) {
        fprintf(stderr, "usage: test_inspector_find WINHANDLE_TOOL\n");
        return 2;
    }
    spawn_self_init();
    char name[64], cmd[MAX_PATH + 96], text[96];
    unsigned long me = (unsigned long)GetCurrentProcessId();
    snprintf(name, sizeof(name), "find-me-%lu", me);
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, name);
    HMENU menu = CreateMenu();
    PROCESS_INFORMATION pi;
    ok(ev && menu && start_holder(name, &pi),
       "an event here, opened by a child too; a menu");

    snprintf(cmd, sizeof(cmd), "\"%s\" find find-me", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle find NAME");
    snprintf(text, sizeof(text), "Event %s", name);
    ok(has(text), "names the object: %s", text);
    snprintf(text, sizeof(text), "%lu ", me);
    ok(has(text), "this process holds it");
    snprintf(text, sizeof(text), "%lu ", (unsigned long)pi.dwProcessId);
    ok(has(text), "and the child");
    ok(has("EVENT_ALL_ACCESS") && has("EVENT_MODIFY_STATE|SYNCHRONIZE"),
       "each with its own rights");
    ok(has("created") && has("opened"), "and how its handle came");
    if (!has("opened"))
        fprintf(stderr, "%s\n", out);

    snprintf(cmd, sizeof(cmd), "\"%s\" find %lu:0x%lx", argv[1], me,
             (unsigned long)HandleToULong(ev));
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0 && has(name) && !has("USER"),
       "winhandle find PID:HANDLE finds the same object");

    snprintf(cmd, sizeof(cmd), "\"%s\" find 0x%lx", argv[1], (unsigned long)HandleToULong(menu));
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0 && has("USER Menu"),
       "winhandle find HANDLE finds a USER object by value");

    snprintf(cmd, sizeof(cmd), "\"%s\" find find-me --json", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle find NAME --json");
    snprintf(text, sizeof(text), "\"name\": \"%s\"", name);
    ok(has(text) && has("\"holders\": [") && has("\"origin\": \"opened\"") &&
           has("\"user_objects\": []"),
       "objects with their holders, no USER object");

    snprintf(cmd, sizeof(cmd), "\"%s\" find no-such-thing-anywhere", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0 && has("nothing found"),
       "nothing found says so");
    TerminateProcess(pi.hProcess, 0);
    finish_child(&pi);
    DestroyMenu(menu);
    CloseHandle(ev);
    return tap_done();
}
