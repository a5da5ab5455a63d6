/*
 * A program whose embedded resources are broken (it defines the two
 * symbols <winhandle_resources.h> would, around bytes of its own): an
 * entry whose size runs past the end, an icon directory that claims more
 * images than it holds.
 * Every lookup fails with an error and reads nothing past the blob (the
 * sanitizer build would see it); the good entry before the broken ones is
 * found.
 */
#include <string.h>

#include <windows.h>

#include "tap.h"

/* A .res: the empty first entry, RCDATA 1 ("ok"), then an entry whose
 * data size runs past the end. */
#define ENTRY_HEADER(data_size) (data_size), 0, 0, 0, 32, 0, 0, 0
__attribute__((aligned(4))) const unsigned char winhandle_resources[] = {
    ENTRY_HEADER(0), 0xff, 0xff, 0, 0, 0xff, 0xff, 0, 0, /* type 0, name 0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ENTRY_HEADER(2), 0xff, 0xff, 10, 0, 0xff, 0xff, 1, 0, /* RCDATA 1 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    'o', 'k', 0, 0,
    ENTRY_HEADER(6), 0xff, 0xff, 14, 0, 0xff, 0xff, 5, 0, /* GROUP_ICON 5: 3 images, none there */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 1, 0, 3, 0, 0, 0,
    ENTRY_HEADER(200), 0xff, 0xff, 10, 0, 0xff, 0xff, 2, 0, /* RCDATA 2: too big */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    'x', 'x', 'x', 'x',
};
/* The end symbol: an alias of the byte past the array. */
__asm__(".globl winhandle_resources_end\n"
        ".set winhandle_resources_end, winhandle_resources + 144\n");
_Static_assert(sizeof(winhandle_resources) == 144, "the end symbol's offset");

int main(void)
{
    HRSRC r = FindResourceA(NULL, MAKEINTRESOURCEA(1), RT_RCDATA);
    ok(r && SizeofResource(NULL, r) == 2 &&
           !memcmp(LockResource(LoadResource(NULL, r)), "ok", 2),
       "the good entry is found");
    SetLastError(0);
    ok(!FindResourceA(NULL, MAKEINTRESOURCEA(2), RT_RCDATA) &&
           GetLastError() == ERROR_RESOURCE_NAME_NOT_FOUND,
       "an entry larger than the blob is not one (%u)", (unsigned)GetLastError());
    SetLastError(0);
    ok(!CreateDialogParamA(NULL, MAKEINTRESOURCEA(1), NULL, NULL, 0) &&
           GetLastError() == ERROR_RESOURCE_TYPE_NOT_FOUND,
       "no dialogs: ERROR_RESOURCE_TYPE_NOT_FOUND (%u)", (unsigned)GetLastError());
    char buf[8] = "junk";
    SetLastError(0);
    ok(LoadStringA(NULL, 1, buf, sizeof(buf)) == 0 && !buf[0] &&
           GetLastError() == ERROR_RESOURCE_TYPE_NOT_FOUND,
       "no strings: ERROR_RESOURCE_TYPE_NOT_FOUND (%u)", (unsigned)GetLastError());
    SetLastError(0);
    ok(!LoadResource(NULL, (HRSRC)(void *)(winhandle_resources + 1)),
       "an HRSRC that is no entry's is refused");
    ok(!FindResourceA((HMODULE)(ULONG_PTR)0x1000, MAKEINTRESOURCEA(1), RT_RCDATA) &&
           GetLastError() == ERROR_RESOURCE_DATA_NOT_FOUND,
       "another module has none: ERROR_RESOURCE_DATA_NOT_FOUND (%u)",
       (unsigned)GetLastError());
    SetLastError(0);
    ok(!LoadIconA(GetModuleHandleA(NULL), MAKEINTRESOURCEA(5)) &&
           GetLastError() == ERROR_RESOURCE_DATA_NOT_FOUND,
       "an icon directory shorter than its count: no icon (%u)", (unsigned)GetLastError());
    SetLastError(0);
    ok(!LoadCursorA(GetModuleHandleA(NULL), MAKEINTRESOURCEA(5)) &&
           GetLastError() == ERROR_RESOURCE_TYPE_NOT_FOUND,
       "no cursors: ERROR_RESOURCE_TYPE_NOT_FOUND (%u)", (unsigned)GetLastError());
    return tap_done();
}
