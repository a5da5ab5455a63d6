/*
 * winhandle objects --tree: the namespace as WinObj draws it, on a known
 * scene: two named objects under \BaseNamedObjects, an unnamed mutex
 * among the unnamed; --name narrows the tree.
 *
 *   test_inspector_tree WINHANDLE_TOOL      (under isolate.sh)
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
        fprintf(stderr, "usage: test_inspector_tree WINHANDLE_TOOL\n");
        return 2;
    }
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, "tree-ready");
    HANDLE sem = CreateSemaphoreA(NULL, 1, 3, "tree-slots");
    HANDLE mutex = CreateMutexA(NULL, FALSE, NULL);
    ok(ev && sem && mutex, "two named objects and an unnamed mutex");
    char cmd[MAX_PATH + 64];
    snprintf(cmd, sizeof(cmd), "\"%s\" objects --tree", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle objects --tree");
    ok(has("\n\\ ") || has("\n\\\n"), "starts at the root, \\");
    ok(has("├── BaseNamedObjects") && has("└── (unnamed)"), "named and unnamed branches");
    ok(has("│   ├── tree-ready") && has("│   └── tree-slots"), "the names under theirs");
    const char *unnamed = strstr(out, "(unnamed)");
    ok(unnamed && strstr(unnamed, "Mutex") && strstr(unnamed, "free"),
       "the unnamed mutex among the unnamed, with its state");
    if (!has("BaseNamedObjects"))
        fprintf(stderr, "%s\n", out);
    snprintf(cmd, sizeof(cmd), "\"%s\" objects --tree --name tree-s", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0 && has("└── BaseNamedObjects") &&
           has("    └── tree-slots") && !has("tree-ready") && !has("(unnamed)"),
       "--name keeps only the matching branch");
    snprintf(cmd, sizeof(cmd), "\"%s\" ps --tree", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 2, "--tree goes with objects only");
    CloseHandle(mutex);
    CloseHandle(sem);
    CloseHandle(ev);
    return tap_done();
}
