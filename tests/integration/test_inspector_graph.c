/*
 * winhandle graph on a known scene: this process, a child holding the same
 * named event, an unnamed mutex here. The DOT names both processes, the
 * parent-child edge, an edge per handle, and fills the shared event; --svg
 * renders it with dot(1) when Graphviz is installed, and says it is not
 * otherwise.
 *
 *   test_inspector_graph WINHANDLE_TOOL      (under isolate.sh)
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
        fprintf(stderr, "usage: test_inspector_graph WINHANDLE_TOOL\n");
        return 2;
    }
    spawn_self_init();
    char name[64], cmd[2 * MAX_PATH + 96], text[160], svg[MAX_PATH];
    unsigned long me = (unsigned long)GetCurrentProcessId();
    snprintf(name, sizeof(name), "graph-shared-%lu", me);
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, name);
    HANDLE mutex = CreateMutexA(NULL, FALSE, NULL);
    PROCESS_INFORMATION pi;
    ok(ev && mutex && start_holder(name, &pi),
       "a named event shared with a child, an unnamed mutex");
    unsigned long kid = (unsigned long)pi.dwProcessId;

    snprintf(cmd, sizeof(cmd), "\"%s\" graph", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle graph");
    ok(has("digraph winhandle {") && out[strlen(out) - 2] == '}', "is one DOT graph");
    snprintf(text, sizeof(text), "p%lu [shape=box", me);
    ok(has(text), "with this process as a box");
    snprintf(text, sizeof(text), "p%lu -> p%lu [style=dashed", me, kid);
    ok(has(text), "the child under it");
    snprintf(text, sizeof(text), "Event\\n%s\", style=filled", name);
    ok(has(text), "the shared event filled");
    ok(has("Mutex\\nfree\"]"), "the unnamed mutex by its state, not filled");
    snprintf(text, sizeof(text), "p%lu -> o", kid);
    ok(has(text), "an edge from the child to what it holds");
    snprintf(text, sizeof(text), "p%lu -> p%lu [color=blue", me, kid);
    ok(has(text), "and the process handle pointing at the child itself");
    if (!has("digraph"))
        fprintf(stderr, "%s\n", out);

    snprintf(svg, sizeof(svg), "%s/scene.svg", getenv("WINHANDLE_DIR"));
    snprintf(cmd, sizeof(cmd), "\"%s\" graph --svg \"%s\"", argv[1], svg);
    long code = run_tool(cmd, out, sizeof(out), NULL);
    if (system("command -v dot >/dev/null 2>&1") == 0) {
        FILE *f = fopen(svg, "r");
        size_t n = f ? fread(out, 1, sizeof(out) - 1, f) : 0;
        out[n] = '\0';
        if (f)
            fclose(f);
        ok(code == 0 && has("<svg"), "--svg FILE renders it with dot");
    } else {
        FILE *f = fopen(svg, "r");
        if (f)
            fclose(f);
        ok(code == 3 && !f,
           "--svg without Graphviz fails (3) and writes nothing");
    }
    snprintf(cmd, sizeof(cmd), "\"%s\" graph --json", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 2, "--json is refused: DOT is the format");
    TerminateProcess(pi.hProcess, 0);
    finish_child(&pi);
    CloseHandle(mutex);
    CloseHandle(ev);
    return tap_done();
}
