/*
 * winuser.h (and wingdi.h's bitmaps, ddeml.h) against the SDK: the layouts of its structures in this
 * build's width (i386 = Win32, x86_64 = Win64), the USER handle types,
 * and constant values. Win64 numbers were measured with
 * x86_64-w64-mingw32-gcc; Win32 ones follow from the same fields with
 * 4-byte pointers. Compile-time checks only: a wrong header does not build.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define OEMRESOURCE
#include <windows.h>

#if UINTPTR_MAX == 0xffffffffffffffffu
#define W(win32, win64) (win64)
#else
#define W(win32, win64) (win32)
#endif

#define SAME_TYPE(a, b) __builtin_types_compatible_p(a, b)

_Static_assert(sizeof(MENUITEMINFOA) == W(48, 80), "MENUITEMINFOA");
_Static_assert(offsetof(MENUITEMINFOA, hSubMenu) == W(20, 24), "hSubMenu");
_Static_assert(offsetof(MENUITEMINFOA, dwItemData) == W(32, 48), "dwItemData");
_Static_assert(offsetof(MENUITEMINFOA, hbmpItem) == W(44, 72), "hbmpItem");
_Static_assert(sizeof(MSG) == W(28, 48), "MSG");
_Static_assert(offsetof(MSG, pt) == W(20, 36), "MSG.pt");
_Static_assert(sizeof(ACCEL) == 6 && offsetof(ACCEL, key) == 2 && offsetof(ACCEL, cmd) == 4,
               "ACCEL is 6 bytes, key at 2, as in Windows");
_Static_assert(sizeof(MENUITEMTEMPLATEHEADER) == 4, "MENUITEMTEMPLATEHEADER");
_Static_assert(sizeof(ICONINFO) == W(20, 32) && offsetof(ICONINFO, hbmMask) == W(12, 16),
               "ICONINFO");
_Static_assert(sizeof(BITMAP) == W(24, 32) && offsetof(BITMAP, bmBits) == W(20, 24), "BITMAP");
_Static_assert(sizeof(CONVCONTEXT) == 36, "CONVCONTEXT (no pointers: one size)");
_Static_assert(offsetof(MENUITEMTEMPLATE, mtString) == 4, "MENUITEMTEMPLATE");
_Static_assert(sizeof(DLGTEMPLATE) == 18 && sizeof(DLGITEMTEMPLATE) == 18,
               "dialog templates are packed on WORDs");
_Static_assert(sizeof(MDICREATESTRUCTA) == W(36, 56) &&
                   offsetof(MDICREATESTRUCTA, lParam) == W(32, 48),
               "MDICREATESTRUCTA");
_Static_assert(sizeof(CLIENTCREATESTRUCT) == W(8, 16), "CLIENTCREATESTRUCT");
_Static_assert(DWLP_DLGPROC == W(4, 8) && DWLP_USER == W(8, 16), "DWLP_*");
/* The Windows SDK's; mingw-w64's header and Wine say 30 in both widths,
 * too few for Win64's three pointers and the system's own state. */
_Static_assert(DLGWINDOWEXTRA == W(30, 48), "DLGWINDOWEXTRA");
_Static_assert(WM_INITDIALOG == 0x0110 && WM_MDICREATE == 0x0220 && DS_SETFONT == 0x40,
               "dialog and MDI constants");

/* USER handles are pointers, each its own type; a cursor is an icon. */
_Static_assert(sizeof(HMENU) == sizeof(void *) && sizeof(HHOOK) == sizeof(void *) &&
                   sizeof(HACCEL) == sizeof(void *) && sizeof(HDESK) == sizeof(void *) &&
                   sizeof(HWINSTA) == sizeof(void *) && sizeof(HWND) == sizeof(void *) &&
                   sizeof(HDWP) == sizeof(void *),
               "handles are pointer-sized");
_Static_assert(SAME_TYPE(HCURSOR, HICON), "HCURSOR is HICON");
_Static_assert(SAME_TYPE(HDWP, HANDLE), "HDWP is a HANDLE, as in the SDK");
_Static_assert(!SAME_TYPE(HMENU, HWND) && !SAME_TYPE(HMENU, HACCEL), "STRICT handles");

/* Constants. */
_Static_assert(WH_MSGFILTER == -1 && WH_CBT == 5 && WH_MOUSE_LL == 14 && WH_MAX == 14,
               "hook types");
_Static_assert(MF_POPUP == 0x10 && MF_SEPARATOR == 0x800 && MF_BYPOSITION == 0x400 &&
                   MF_END == 0x80 && MFS_GRAYED == 3 && MIIM_STRING == 0x40 &&
                   MIIM_FTYPE == 0x100,
               "menu flags");
_Static_assert(FVIRTKEY == 1 && FALT == 0x10 && LR_SHARED == 0x8000 && IMAGE_CURSOR == 2,
               "accelerator and image flags");
_Static_assert(OCR_NORMAL == 32512 && OIC_WINLOGO == 32517 && OCR_HELP == 32651,
               "OEM image ids");
_Static_assert(WINSTA_ALL_ACCESS == 0x37f && DESKTOP_SWITCHDESKTOP == 0x100 && UOI_NAME == 2,
               "desktop and window station");
_Static_assert(ERROR_NO_MORE_USER_HANDLES == 1158 && ERROR_INVALID_MENU_HANDLE == 1401 &&
                   ERROR_INVALID_DWP_HANDLE == 1405,
               "USER errors");

int main(void)
{
    /* IDC_ and IDI_ values are pointers made from small integers. */
    int ok = (ULONG_PTR)IDC_ARROW == 32512 && (ULONG_PTR)IDC_HELP == 32651 &&
             (ULONG_PTR)IDI_APPLICATION == 32512 && (ULONG_PTR)IDI_WARNING == 32515 &&
             IS_INTRESOURCE(IDC_WAIT);
    printf("winuser_headers: %s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
