/*
 * The session's GDI table at its limit. The server runs with --gdi-quota
 * 65536 (the most the registry allows), so one process can fill all
 * 65,536 entries but the stock objects'; the next creation, in any
 * process, fails with ERROR_NOT_ENOUGH_MEMORY while kernel objects go on
 * working; a deletion makes room; every handle of the full table is
 * distinct, and a deleted one does not come back for the next object.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

#define TABLE 65536
#define STOCK_COUNT 20 /* ids 0..20 less 9 */

static HBRUSH brushes[TABLE + 1];

static int cmp_handles(const void *a, const void *b)
{
    ULONG x = HandleToULong(*(HBRUSH const *)a), y = HandleToULong(*(HBRUSH const *)b);
    return x < y ? -1 : x > y;
}

/* The child: one creation in a full table; exit code its last error. */
static int try_one(void)
{
    if (CreateSolidBrush(0))
        return 0;
    return (int)GetLastError();
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc == 2 && !strcmp(argv[1], "try"))
        return try_one();

    DWORD global = GetGuiResources(GR_GLOBAL, GR_GDIOBJECTS);
    ok(global == STOCK_COUNT, "a fresh session holds the %d stock objects (%lu)", STOCK_COUNT,
       (unsigned long)global);
    int n = 0;
    while (n <= TABLE && (brushes[n] = CreateSolidBrush(RGB(n & 0xff, 0, 0))))
        n++;
    DWORD error = GetLastError();
    ok(n == TABLE - STOCK_COUNT, "the table holds %d more objects (made %d)", TABLE - STOCK_COUNT, n);
    ok(error == ERROR_NOT_ENOUGH_MEMORY, "then creation fails with ERROR_NOT_ENOUGH_MEMORY (%lu)",
       (unsigned long)error);
    ok(GetGuiResources(GR_GLOBAL, GR_GDIOBJECTS) == TABLE, "GR_GLOBAL counts %d", TABLE);

    static HBRUSH sorted[TABLE + 1];
    memcpy(sorted, brushes, sizeof(sorted));
    qsort(sorted, (size_t)n, sizeof(sorted[0]), cmp_handles);
    int distinct = 1, positive = 1;
    for (int i = 0; i < n; i++) {
        if (i && sorted[i] == sorted[i - 1])
            distinct = 0;
        if ((LONG)HandleToLong(sorted[i]) <= 0)
            positive = 0;
    }
    ok(distinct, "every handle is distinct");
    ok(positive, "and positive as a 32-bit value (sign extension changes nothing)");

    PROCESS_INFORMATION pi;
    ok(spawn_self("try", FALSE, NULL, &pi) && finish_child(&pi) == ERROR_NOT_ENOUGH_MEMORY,
       "another process gets ERROR_NOT_ENOUGH_MEMORY too");
    HANDLE event = CreateEventA(NULL, FALSE, FALSE, NULL);
    ok(event && SetEvent(event) && CloseHandle(event), "kernel objects still work");

    HBRUSH old = brushes[n / 2];
    ok(DeleteObject(old), "one deleted");
    HBRUSH fresh = CreateSolidBrush(RGB(1, 2, 3));
    ok(fresh && fresh != old, "makes room for a new one, with a new value");
    ok(GetObjectType(old) == 0, "the deleted value names nothing");
    brushes[n / 2] = fresh;

    for (int i = 0; i < n; i++)
        DeleteObject(brushes[i]);
    ok(GetGuiResources(GR_GLOBAL, GR_GDIOBJECTS) == STOCK_COUNT, "all deleted: the stock ones stay");
    ok(spawn_self("try", FALSE, NULL, &pi) && finish_child(&pi) == 0, "and others create again");
    return tap_done();
}
