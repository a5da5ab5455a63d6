/*
 * A program's own resources against Wine: the same .rc is linked into
 * the PE under Wine and embedded with <winhandle_resources.h> here
 * (tests/meson.build). FindResourceA, LoadResource, SizeofResource, a
 * dialog by id and by name with CreateDialogParamA (its menu loaded from
 * the template), LoadMenuA, LoadStringA, and the errors for what is not
 * there.
 */
#include "conformance.h"
#include "msg_log.h"

static INT_PTR CALLBACK dlg_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    (void)hwnd;
    (void)wp;
    if (msg == WM_INITDIALOG)
        log_msg("INITDIALOG(%ld)", (long)lp);
    return msg == WM_INITDIALOG;
}

/* a * b / c rounded, for positive numbers (MulDiv's rounding). */
static int mul_div(int a, int b, int c)
{
    return (a * b * 2 + c) / (2 * c);
}

static void raw(void)
{
    HMODULE self = GetModuleHandleA(NULL);
    HRSRC r = FindResourceA(self, MAKEINTRESOURCEA(42), RT_RCDATA);
    check_handle("find.rcdata", r);
    CHECK_INT("find.size", SizeofResource(self, r));
    HGLOBAL g = LoadResource(self, r);
    check_handle("find.load", g);
    const char *p = LockResource(g);
    check("find.data", "%s", p ? p : "(null)");
    check_handle("find.null_module", FindResourceA(NULL, MAKEINTRESOURCEA(42), RT_RCDATA));
    check_handle("find.by_hash_name", FindResourceA(NULL, "#42", RT_RCDATA));
    check_handle("find.menu_by_name", FindResourceA(NULL, "mainmenu", RT_MENU));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("find.missing_name", FindResourceA(NULL, MAKEINTRESOURCEA(43), RT_RCDATA));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("find.missing_type", FindResourceA(NULL, MAKEINTRESOURCEA(42), RT_BITMAP));
}

static void dialogs(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HWND dlg = CreateDialogParamA(NULL, MAKEINTRESOURCEA(100), NULL, dlg_proc, 7);
    check_create("dialog.by_id", dlg);
    check_log("dialog.by_id.messages");
    char buf[64] = "";
    GetWindowTextA(dlg, buf, sizeof(buf));
    check("dialog.title", "%s", buf);
    GetDlgItemTextA(dlg, 1, buf, sizeof(buf));
    check("dialog.button", "%s", buf);
    GetClassNameA(GetDlgItem(dlg, 101), buf, sizeof(buf));
    check("dialog.edit_class", "%s", buf);
    HMENU menu = GetMenu(dlg);
    check_yes("dialog.menu", menu != NULL);
    CHECK_INT("dialog.menu_items", GetMenuItemCount(menu));
    RECT r = { 0, 0, 4, 8 }, c;
    MapDialogRect(dlg, &r);
    GetClientRect(GetDlgItem(dlg, 1), &c);
    check_yes("dialog.units",
              c.right == mul_div(50, r.right, 4) && c.bottom == mul_div(14, r.bottom, 8));
    DestroyWindow(dlg);

    dlg = CreateDialogParamA(GetModuleHandleA(NULL), "named", NULL, dlg_proc, 8);
    check_handle("dialog.by_name", dlg);
    check_log("dialog.by_name.messages");
    GetDlgItemTextA(dlg, 7, buf, sizeof(buf));
    check("dialog.custom_text", "%s", buf);
    DestroyWindow(dlg);

    SetLastError(UNTOUCHED_ERROR);
    check_handle("dialog.missing", CreateDialogParamA(NULL, MAKEINTRESOURCEA(99), NULL,
                                                      dlg_proc, 0));
    check_log("dialog.missing.messages");
}

static void menus_and_strings(void)
{
    HMENU m = LoadMenuA(NULL, "MainMenu");
    check_handle("menu.load", m);
    CHECK_INT("menu.items", GetMenuItemCount(m));
    char buf[64] = "";
    GetMenuStringA(GetSubMenu(m, 0), 1, buf, sizeof(buf), MF_BYPOSITION);
    check("menu.sub_item", "%s", buf);
    CHECK_INT("menu.id", GetMenuItemID(m, 1));
    DestroyMenu(m);
    SetLastError(UNTOUCHED_ERROR);
    check_handle("menu.missing", LoadMenuA(NULL, "NoMenu"));

    CHECK_INT("string.one", LoadStringA(NULL, 1, buf, sizeof(buf)));
    check("string.one.text", "%s", buf);
    CHECK_INT("string.block2", LoadStringA(NULL, 18, buf, sizeof(buf)));
    check("string.block2.text", "%s", buf);
    CHECK_INT("string.truncated", LoadStringA(NULL, 17, buf, 5));
    check("string.truncated.text", "%s", buf);
    strcpy(buf, "junk");
    CHECK_INT("string.missing_in_block", LoadStringA(NULL, 2, buf, sizeof(buf)));
    check("string.missing_in_block.text", "%s", buf[0] ? buf : "(empty)");
    CHECK_INT("string.missing_block", LoadStringA(NULL, 100, buf, sizeof(buf)));
}

/* Sum of a bitmap's bits, as GetBitmapBits gives them. */
static unsigned long bits_sum(HBITMAP b) /* 32 bits in either width */
{
    static unsigned char bits[32 * 32 * 4 * 2];
    LONG n = GetBitmapBits(b, sizeof(bits), bits);
    DWORD sum = 0;
    for (LONG i = 0; i < n; i++)
        sum = sum * 31 + bits[i];
    return (unsigned long)sum;
}

static void check_image(const char *name, HICON icon)
{
    ICONINFO ii;
    BITMAP mask, color;
    if (!GetIconInfo(icon, &ii)) {
        check_bool(name, FALSE);
        return;
    }
    GetObjectA(ii.hbmMask, sizeof(mask), &mask);
    check(check_name(name, "info"), "icon %d, hotspot %lu,%lu, mask %ldx%ld", ii.fIcon,
          (unsigned long)ii.xHotspot, (unsigned long)ii.yHotspot, (long)mask.bmWidth,
          (long)mask.bmHeight);
    check(check_name(name, "mask_bits"), "%08lx", bits_sum(ii.hbmMask));
    if (ii.hbmColor) {
        GetObjectA(ii.hbmColor, sizeof(color), &color);
        check(check_name(name, "color"), "%ldx%ld, %d bpp, sum %08lx", (long)color.bmWidth,
              (long)color.bmHeight, color.bmBitsPixel, bits_sum(ii.hbmColor));
    } else {
        check(check_name(name, "color"), "none");
    }
    DeleteObject(ii.hbmMask);
    DeleteObject(ii.hbmColor);
}

static void cursors_and_icons(void)
{
    HMODULE self = GetModuleHandleA(NULL);
    HCURSOR c = LoadCursorA(self, MAKEINTRESOURCEA(1));
    check_handle("cursor.load", c);
    check_image("cursor", c);
    check_yes("cursor.shared", LoadCursorA(self, MAKEINTRESOURCEA(1)) == c);
    HCURSOR colored = LoadCursorA(self, MAKEINTRESOURCEA(3));
    check_handle("cursor32.load", colored);
    check_image("cursor32", colored);
    HICON i = LoadIconA(self, MAKEINTRESOURCEA(2));
    check_handle("icon.load", i);
    check_image("icon", i);
    check_yes("icon.shared", LoadIconA(self, MAKEINTRESOURCEA(2)) == i);
    HICON small = LoadImageA(self, MAKEINTRESOURCEA(2), IMAGE_ICON, 16, 16, 0);
    check_handle("icon.small", small);
    check_image("icon.small", small);
    check_bool("icon.small.destroy", DestroyIcon(small));
    HCURSOR copy = LoadImageA(self, MAKEINTRESOURCEA(1), IMAGE_CURSOR, 0, 0, LR_DEFAULTSIZE);
    check_yes("cursor.image_not_shared", copy && copy != c);
    check_bool("cursor.image_destroy", DestroyCursor(copy));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("cursor.missing", LoadCursorA(self, MAKEINTRESOURCEA(99)));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("icon.missing_name", LoadIconA(self, "NOICON"));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("icon.of_cursor_id", LoadIconA(self, MAKEINTRESOURCEA(1)));
}

static void accelerators(void)
{
    HACCEL a = LoadAcceleratorsA(GetModuleHandleA(NULL), "keys");
    check_handle("accel.load", a);
    ACCEL t[8];
    CHECK_INT("accel.count", CopyAcceleratorTableA(a, t, 8));
    for (int i = 0; i < 3; i++)
        check(check_name("accel.entry", i == 0 ? "0" : i == 1 ? "1" : "2"),
              "flags 0x%02x, key 0x%04x, cmd %u", t[i].fVirt, t[i].key, t[i].cmd);
    check_bool("accel.destroy", DestroyAcceleratorTable(a));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("accel.missing", LoadAcceleratorsA(NULL, "NOKEYS"));
}

int main(void)
{
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = DefWindowProcA;
    wc.lpszClassName = "WhCtl";
    RegisterClassA(&wc);
    raw();
    dialogs();
    menus_and_strings();
    cursors_and_icons();
    accelerators();
    return 0;
}
