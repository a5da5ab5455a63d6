/*
 * What the dialog files share (lib/dialog.c, lib/dialog_template.c).
 * Nothing here is public API.
 */
#ifndef WINHANDLE_LIB_DIALOG_PRIVATE_H
#define WINHANDLE_LIB_DIALOG_PRIVATE_H

#include "window_private.h"

/*
 * Dialog base units, in pixels: a dialog unit is a quarter of the x unit
 * across and an eighth of the y unit down. Windows measures them from
 * the dialog's font; with no fonts to measure, winhandle fixes them:
 * 8 x 16 for a dialog without DS_SETFONT (GetDialogBaseUnits' answer
 * at 96 DPI with the system font) and 6 x 13 for one with DS_SETFONT,
 * whatever its font (what "MS Shell Dlg" 8 points measures at 96 DPI,
 * the font of most templates).
 */
#define DIALOG_SYSTEM_UNIT_X 8
#define DIALOG_SYSTEM_UNIT_Y 16
#define DIALOG_FONT_UNIT_X 6
#define DIALOG_FONT_UNIT_Y 13

/* Mark hwnd as a dialog with these base units (MAKELONG(x, y)) and its
 * font (NULL: none; the dialog deletes it when it goes); FALSE if its
 * class has no DLGWINDOWEXTRA bytes (the font is deleted then). */
BOOL dialog_mark(HWND hwnd, LONG units, HFONT font);

/* A rectangle in dialog units to pixels, as MapDialogRect. */
void dialog_units_to_pixels(LONG units, RECT *r);

#endif
