/*
 * winhandle gdi on a known scene: a red brush and a pen this process
 * owns, and the stock objects; text, JSON and the PID filter.
 *
 *   test_inspector_gdi WINHANDLE_TOOL      (under isolate.sh)
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
        fprintf(stderr, "usage: test_inspector_gdi WINHANDLE_TOOL\n");
        return 2;
    }
    HBRUSH brush = CreateSolidBrush(RGB(255, 0, 0));
    HPEN pen = CreatePen(PS_SOLID, 2, RGB(0, 0, 255));
    HGDIOBJ stock = GetStockObject(BLACK_BRUSH);
    ok(brush && pen && stock, "a brush, a pen, a stock brush");

    char cmd[MAX_PATH + 64], text[64];
    unsigned long me = (unsigned long)GetCurrentProcessId();
    snprintf(cmd, sizeof(cmd), "\"%s\" gdi", argv[1]);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle gdi");
    ok(has("GDI table: ") && has(" of 65536 entries used") && has("quota 10000"),
       "how full the table is, and the quota");
    snprintf(text, sizeof(text), "0x%08lx", (unsigned long)HandleToULong(brush));
    ok(has(text) && has("Brush") && has("Pen"), "the brush by its value %s, the pen", text);
    ok(has("stock"), "stock objects marked so");
    if (!has(text))
        fprintf(stderr, "%s\n", out);

    snprintf(cmd, sizeof(cmd), "\"%s\" gdi %lu --json", argv[1], me);
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle gdi PID --json");
    snprintf(text, sizeof(text), "\"owner_pid\": %lu,", me);
    ok(has(text) && has("\"Brush\": 1") && has("\"Pen\": 1"),
       "this process's objects, counted by type");
    ok(!has("\"stock\": true"), "without the stock objects, which are the session's");
    DeleteObject(pen);
    DeleteObject(brush);
    return tap_done();
}
