/*
 * winhandle user on a known scene: this process's menu (3 items) and
 * accelerator table, and a system cursor the session owns; text, JSON,
 * and the PID filter.
 *
 *   test_inspector_user WINHANDLE_TOOL      (under isolate.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "run_tool.h"
#include "tap.h"

static char out[1 << 16];

static int has(const char *text)
{
    return strstr(out, text) != NULL;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_inspector_user WINHANDLE_TOOL\n");
        return 2;
    }
    HMENU menu = CreateMenu();
    AppendMenuA(menu, MF_STRING, 1, "One");
    AppendMenuA(menu, MF_STRING, 2, "Two");
    AppendMenuA(menu, MF_STRING, 3, "Three");
    ACCEL keys[2] = { { FVIRTKEY, 'A', 1 }, { FVIRTKEY, 'B', 2 } };
    HACCEL accel = CreateAcceleratorTableA(keys, 2);
    HCURSOR arrow = LoadCursorA(NULL, IDC_ARROW);
    ok(menu && accel && arrow, "a menu, an accelerator table and the arrow cursor");

    char cmd[MAX_PATH + 64], value[32], pid[32];
    unsigned long me = (unsigned long)GetCurrentProcessId();
    snprintf(cmd, sizeof(cmd), "\"%s\" user", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle user");
    ok(has("USER table: ") && has(" of 65536 entries used"), "says how full the table is");
    ok(has("Menu 1") && has("AcceleratorTable 1"), "counts by type");
    snprintf(pid, sizeof(pid), "pid %lu: 2", me);
    ok(has(pid), "counts by owner: %s", pid);
    snprintf(value, sizeof(value), "0x%08lx", (unsigned long)HandleToULong(menu));
    ok(has(value), "lists the menu by its value %s", value);
    ok(has("Menu") && has("Cursor"), "with types");
    if (!has(value) || !has(pid))
        fprintf(stderr, "%s\n", out);

    snprintf(cmd, sizeof(cmd), "\"%s\" user --json", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle user --json");
    ok(has("\"capacity\": 65536"), "capacity");
    ok(has("\"Menu\": 1"), "by_type");
    snprintf(value, sizeof(value), "\"handle\": %lu,", (unsigned long)HandleToULong(menu));
    ok(has(value), "the menu's record");
    snprintf(pid, sizeof(pid), "\"owner_pid\": %lu,", me);
    ok(has(pid), "with its owner");

    snprintf(cmd, sizeof(cmd), "\"%s\" user %lu", argv[1], me);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle user PID");
    ok(!has("system cursor") && has("Menu 1") && !has("Cursor 1"),
       "leaves out what others own (the session's cursor), in the counts too");
    snprintf(cmd, sizeof(cmd), "\"%s\" user nonsense", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 2, "a bad PID is a usage error (2)");
    DestroyAcceleratorTable(accel);
    DestroyMenu(menu);
    return tap_done();
}
