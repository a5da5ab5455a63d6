/*
 * Cursors and icons against Wine: the shared system ones, made ones,
 * copies, the current cursor, destroy and use after destroy.
 *
 * Windows: DestroyCursor on the thread's current cursor fails and leaves
 * the last error alone; a shared (system) cursor "destroyed" stays and is
 * loaded again as the same handle. A bad handle's error is 1402 on
 * Windows; where Wine differs only the result is printed and
 * tests/integration/test_user_objects.c checks it.
 */
#include <string.h>

#define OEMRESOURCE /* the OCR_ and OIC_ ids, as with the SDK */
#include "conformance.h"

static BYTE and_bits[32 * 32 / 8], xor_bits[32 * 32 / 8];

static void check_result(const char *name, BOOL ok)
{
    check(name, ok ? "TRUE" : "FALSE");
}

/* Whether GetIconInfo takes it, and for an icon or a cursor. */
static void show_icon_kind(const char *name, HICON icon)
{
    ICONINFO ii;
    memset(&ii, 0, sizeof(ii));
    BOOL ok = GetIconInfo(icon, &ii);
    check(name, "%s fIcon %d", ok ? "TRUE" : "FALSE", (int)ii.fIcon);
    if (ok) {
        DeleteObject(ii.hbmMask);
        if (ii.hbmColor)
            DeleteObject(ii.hbmColor);
    }
}

static void system_images(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HCURSOR arrow = LoadCursorA(NULL, IDC_ARROW);
    check_create("system.arrow", arrow);
    check_yes("system.arrow_again_same", LoadCursorA(NULL, IDC_ARROW) == arrow);
    HCURSOR wait = LoadCursorA(NULL, IDC_WAIT);
    check_yes("system.wait_differs", wait && wait != arrow);
    HICON app = LoadIconA(NULL, IDI_APPLICATION);
    check_yes("system.icon_differs_from_cursor", app && app != arrow);
    check_yes("system.icon_again_same", LoadIconA(NULL, IDI_APPLICATION) == app);
    check_yes("system.image_shared_same",
              LoadImageA(NULL, MAKEINTRESOURCEA(OCR_NORMAL), IMAGE_CURSOR, 0, 0,
                         LR_SHARED | LR_DEFAULTSIZE) == arrow);
    check_yes("system.image_icon_shared_same",
              LoadImageA(NULL, MAKEINTRESOURCEA(OIC_SAMPLE), IMAGE_ICON, 0, 0,
                         LR_SHARED | LR_DEFAULTSIZE) == app);
    HANDLE copy = LoadImageA(NULL, MAKEINTRESOURCEA(OCR_NORMAL), IMAGE_CURSOR, 0, 0,
                             LR_DEFAULTSIZE);
    check_yes("system.image_unshared_is_new", copy && copy != arrow);
    check_bool("system.image_unshared_destroy", DestroyCursor(copy));
    check_result("system.image_unshared_destroyed", DestroyCursor(copy));

    HANDLE icon = LoadImageA(NULL, MAKEINTRESOURCEA(OIC_SAMPLE), IMAGE_ICON, 0, 0,
                             LR_DEFAULTSIZE);
    check_yes("system.image_icon_unshared_is_new", icon && icon != app);
    show_icon_kind("system.image_icon_unshared.info", icon);
    check_bool("system.image_icon_unshared_destroy", DestroyIcon(icon));
    check_result("system.image_icon_unshared_destroyed", DestroyIcon(icon));
    show_icon_kind("system.icon.info", app);
    show_icon_kind("system.cursor.info", arrow);
    HICON app_copy = CopyIcon(app);
    check_yes("system.icon.copy_is_new", app_copy && app_copy != app);
    check_bool("system.icon.copy_destroy", DestroyIcon(app_copy));
    check_result("system.icon.copy_destroyed", DestroyIcon(app_copy));

    /* Destroying a shared one succeeds and leaves it. */
    SetLastError(UNTOUCHED_ERROR);
    check_bool("system.destroy_shared", DestroyCursor(arrow));
    check_yes("system.after_destroy_same", LoadCursorA(NULL, IDC_ARROW) == arrow);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("system.destroy_shared_icon", DestroyIcon(app));
    check_bool("system.destroy_shared_again", DestroyCursor(arrow));

    SetLastError(UNTOUCHED_ERROR);
    check_handle("system.unknown_id", LoadCursorA(NULL, MAKEINTRESOURCEA(1)));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("system.unknown_icon", LoadIconA(NULL, MAKEINTRESOURCEA(1)));
}

static void made_images(void)
{
    memset(and_bits, 0xff, sizeof(and_bits));
    SetLastError(UNTOUCHED_ERROR);
    HCURSOR cur = CreateCursor(NULL, 3, 4, 32, 32, and_bits, xor_bits);
    check_create("create.cursor", cur);
    HICON icon = CreateIcon(NULL, 32, 32, 1, 1, and_bits, xor_bits);
    check_handle("create.icon", icon);
    HICON copy = CopyIcon(icon);
    check_yes("copy.is_new", copy && copy != icon);
    HICON arrow_copy = CopyIcon(LoadCursorA(NULL, IDC_ARROW));
    check_yes("copy.of_shared_is_new", arrow_copy && arrow_copy != LoadCursorA(NULL, IDC_ARROW));
    check_bool("copy.of_shared_destroy", DestroyCursor(arrow_copy));

    /* SetCursor returns the previous one; GetCursor the current. */
    HCURSOR before = GetCursor();
    check_yes("current.set_returns_previous", SetCursor(cur) == before);
    check_yes("current.get", GetCursor() == cur);
    /* The current cursor cannot be destroyed, and the call says nothing. */
    SetLastError(UNTOUCHED_ERROR);
    check_bool("current.destroy_refused", DestroyCursor(cur));
    check_yes("current.still_current", GetCursor() == cur);
    /* Windows returns the refused cursor here; Wine 8 does not: the
     * return is not printed (test_user_objects.c checks it). */
    SetCursor(NULL);
    check_yes("current.null", GetCursor() == NULL);

    /* A cursor and an icon are one type: DestroyIcon destroys a cursor. */
    HCURSOR cur2 = CreateCursor(NULL, 0, 0, 32, 32, and_bits, xor_bits);
    check_bool("destroy.icon_call_on_cursor", DestroyIcon(cur2));
    check_result("destroyed.destroy_again", DestroyCursor(cur2));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("destroyed.copy", CopyIcon(cur2));
    ICONINFO ii;
    SetLastError(UNTOUCHED_ERROR);
    check_bool("destroyed.info", GetIconInfo(cur2, &ii));
    /* SetCursor of a destroyed cursor: NULL, ERROR_INVALID_CURSOR_HANDLE,
     * and the current cursor stays. */
    SetCursor(NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_handle("destroyed.set_cursor", SetCursor(cur2));
    check_yes("destroyed.set_cursor.current_stays", GetCursor() == NULL);
    check_bool("destroy.icon", DestroyIcon(icon));
    check_bool("destroy.copy", DestroyIcon(copy));
    check_result("destroyed.icon_again", DestroyIcon(icon));
    check_result("null.destroy", DestroyCursor(NULL));

    SetLastError(UNTOUCHED_ERROR);
    check_handle("create.zero_size", CreateCursor(NULL, 0, 0, 0, 0, and_bits, xor_bits));
    /* No bits: blank planes. */
    SetLastError(UNTOUCHED_ERROR);
    HCURSOR blank = CreateCursor(NULL, 0, 0, 32, 32, NULL, NULL);
    check_handle("create.null_bits", blank);
    check_bool("create.null_bits.destroy", DestroyCursor(blank));
    HICON color = CreateIcon(NULL, 32, 32, 1, 32, and_bits, NULL);
    check_handle("create.color_icon", color);
    show_icon_kind("create.color_icon.info", color);
    check_bool("create.color_icon.destroy_as_cursor", DestroyCursor(color));
}

static void show_bitmap(const char *name, HBITMAP bm)
{
    BITMAP info;
    if (!bm) {
        check(name, "none");
        return;
    }
    memset(&info, 0, sizeof(info));
    int n = GetObjectA(bm, sizeof(info), &info);
    check(name, "%d: %dx%d", n == (int)sizeof(info), (int)info.bmWidth, (int)info.bmHeight);
    DeleteObject(bm);
}

static void show_icon_info(const char *prefix, HICON icon)
{
    ICONINFO ii;
    memset(&ii, 0, sizeof(ii));
    BOOL ok = GetIconInfo(icon, &ii);
    check(check_name(prefix, "info"), "%s fIcon %d hotspot %u,%u", ok ? "TRUE" : "FALSE",
          (int)ii.fIcon, (unsigned)ii.xHotspot, (unsigned)ii.yHotspot);
    if (ok) {
        show_bitmap(check_name(prefix, "mask"), ii.hbmMask);
        check(check_name(prefix, "color"), "%s", ii.hbmColor ? "bitmap" : "none");
        if (ii.hbmColor)
            DeleteObject(ii.hbmColor);
    }
}

/* Icons and cursors from bitmaps, and their bitmaps back. */
static void indirect(void)
{
    ICONINFO ii;
    memset(&ii, 0, sizeof(ii));
    SetLastError(UNTOUCHED_ERROR);
    check_create("indirect.no_mask", CreateIconIndirect(&ii));

    HBITMAP mask = CreateBitmap(16, 16, 1, 1, and_bits);
    HBITMAP color = CreateBitmap(16, 16, 1, 32, NULL);
    HBITMAP mono = CreateBitmap(16, 32, 1, 1, and_bits);
    check_yes("indirect.bitmaps", mask && color && mono);
    ii.fIcon = TRUE;
    ii.xHotspot = 3;
    ii.yHotspot = 3;
    ii.hbmMask = mask;
    ii.hbmColor = color;
    HICON icon = CreateIconIndirect(&ii);
    check_handle("indirect.icon", icon);
    show_icon_info("indirect.icon", icon);

    ii.fIcon = FALSE;
    ii.hbmColor = NULL;
    ii.hbmMask = mono;
    HCURSOR cur = CreateIconIndirect(&ii);
    check_handle("indirect.mono_cursor", cur);
    show_icon_info("indirect.mono_cursor", cur);
    show_icon_info("made.cursor", CreateCursor(NULL, 5, 6, 32, 32, and_bits, xor_bits));

    check_bool("indirect.destroy_icon", DestroyIcon(icon));
    check_bool("indirect.destroy_cursor", DestroyCursor(cur));
    check("indirect.info_after_destroy", "%s", GetIconInfo(icon, &ii) ? "TRUE" : "FALSE");
    check_bool("bitmap.delete", DeleteObject(mask));
    DeleteObject(color);
    DeleteObject(mono);
}

int main(void)
{
    system_images();
    made_images();
    indirect();
    return 0;
}
