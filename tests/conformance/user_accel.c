/*
 * Accelerator tables and window-position structures against Wine:
 * create, use, destroy, use after destroy.
 *
 * Windows fails a destroyer given a destroyed object with the type's own
 * error (1403 accelerator table, 1405 window position); where Wine says
 * otherwise, only the result is printed and
 * tests/integration/test_user_objects.c checks the error.
 */
#include <string.h>

#include "conformance.h"

static void accelerators(void)
{
    ACCEL in[3] = {
        { FVIRTKEY | FCONTROL, 'S', 100 },
        { FVIRTKEY | FALT | FSHIFT | FNOINVERT, 0x73 /* VK_F4 */, 101 },
        { 0, 'q', 102 },
    };
    SetLastError(UNTOUCHED_ERROR);
    HACCEL accel = CreateAcceleratorTableA(in, 3);
    check_create("create", accel);
    check("copy.count", "%d", CopyAcceleratorTableA(accel, NULL, 0));
    ACCEL out[4];
    memset(out, 0xcc, sizeof(out));
    int n = CopyAcceleratorTableA(accel, out, 4);
    check("copy.all", "%d", n);
    for (int i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof(name), "copy.entry%d", i);
        check(name, "fVirt 0x%x key %u cmd %u", out[i].fVirt, out[i].key, out[i].cmd);
    }
    check("copy.untouched_past_end", "0x%x", out[3].cmd);
    memset(out, 0xcc, sizeof(out));
    check("copy.two", "%d", CopyAcceleratorTableA(accel, out, 2));
    check("copy.two.third_untouched", "0x%x", out[2].cmd);
    check("copy.zero", "%d", CopyAcceleratorTableA(accel, out, 0));
    memset(out, 0xcc, sizeof(out));
    check("copy.negative", "%d", CopyAcceleratorTableA(accel, out, -1));
    check("copy.negative.last", "cmd %u, then 0x%x", out[2].cmd, out[3].cmd);

    /* Flag bits Windows does not define are dropped (0x80 marks the last
     * entry inside Windows and never comes back). */
    ACCEL odd = { 0xff, 'A', 7 };
    HACCEL odd_table = CreateAcceleratorTableA(&odd, 1);
    CopyAcceleratorTableA(odd_table, out, 1);
    check("copy.high_flags", "fVirt 0x%x", out[0].fVirt);
    DestroyAcceleratorTable(odd_table);

    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.zero", CreateAcceleratorTableA(in, 0));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.negative", CreateAcceleratorTableA(in, -1));
    /* (A NULL array with a count: Wine 8 crashes; winhandle says
     * ERROR_INVALID_PARAMETER.) */

    HACCEL other = CreateAcceleratorTableA(in, 1);
    check_yes("create.distinct", other && other != accel);
    check_bool("destroy", DestroyAcceleratorTable(accel));
    check("destroyed.copy", "%d", CopyAcceleratorTableA(accel, NULL, 0));
    check("destroyed.destroy_again", "%s", DestroyAcceleratorTable(accel) ? "TRUE" : "FALSE");
    check("null.destroy", "%s", DestroyAcceleratorTable(NULL) ? "TRUE" : "FALSE");
    check("other.still_works", "%d", CopyAcceleratorTableA(other, NULL, 0));
    check_bool("other.destroy", DestroyAcceleratorTable(other));
}

static void window_positions(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HDWP dwp = BeginDeferWindowPos(4);
    check_create("dwp.begin", dwp);
    check_bool("dwp.end_empty", EndDeferWindowPos(dwp));
    check("dwp.end_again", "%s", EndDeferWindowPos(dwp) ? "TRUE" : "FALSE");
    SetLastError(UNTOUCHED_ERROR);
    HDWP zero = BeginDeferWindowPos(0);
    check_create("dwp.begin_zero", zero);
    check_bool("dwp.end_zero", EndDeferWindowPos(zero));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("dwp.begin_negative", BeginDeferWindowPos(-1));
    check("dwp.end_null", "%s", EndDeferWindowPos(NULL) ? "TRUE" : "FALSE");
    /* Ended, it takes no more moves (Windows: ERROR_INVALID_DWP_HANDLE;
     * Wine sets none, so the result alone). */
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "WhDwp" };
    RegisterClassA(&wc);
    HWND w = CreateWindowExA(0, "WhDwp", "w", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    check_yes("dwp.defer_ended", DeferWindowPos(dwp, w, NULL, 1, 1, 1, 1, SWP_NOZORDER) == NULL);
    check_yes("dwp.defer_null", DeferWindowPos(NULL, w, NULL, 1, 1, 1, 1, SWP_NOZORDER) == NULL);
    DestroyWindow(w);
}

int main(void)
{
    accelerators();
    window_positions();
    return 0;
}
