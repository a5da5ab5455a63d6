/*
 * The system's window classes: every process has them without
 * registering them, as on Windows, where user32 registers them for each
 * process. An application's own class of the same name comes first
 * (window_class_find looks at those before these), so a program may
 * still register its "Button".
 *
 * The dialog class "#32770" (WC_DIALOG, atom 0x8002 as Windows
 * documents) runs DefDlgProcA with DLGWINDOWEXTRA extra bytes; the
 * MDI client runs the MDI client procedure (lib/mdi.c). The controls are
 * minimal: with no pixels and no input, a button, a static or an edit
 * control is a window that keeps its text, so DefWindowProcA is all the
 * procedure they need. Their atoms sit below the application atoms
 * (0xC000 and up), so the two never meet.
 */
#include <string.h>
#include <strings.h>

#include "window_private.h"

struct system_class {
    const char *name; /* the name GetClassNameA gives */
    ATOM atom;
    int extra;
    WNDPROC proc;
};

static const struct system_class system_classes[] = {
    { "#32770", 0x8002, DLGWINDOWEXTRA, DefDlgProcA },
    { "MDIClient", 0xbf01, MDI_CLIENT_EXTRA, mdi_client_proc },
    { "Button", 0xbf02, 0, DefWindowProcA },
    { "Edit", 0xbf03, 0, DefWindowProcA },
    { "Static", 0xbf04, 0, DefWindowProcA },
    { "ListBox", 0xbf05, 0, DefWindowProcA },
    { "ScrollBar", 0xbf06, 0, DefWindowProcA },
    { "ComboBox", 0xbf07, 0, DefWindowProcA },
};

#define SYSTEM_CLASS_COUNT (sizeof(system_classes) / sizeof(system_classes[0]))

BOOL system_class_find(LPCSTR name, struct window_class *out)
{
    if (!name)
        return FALSE;
    for (size_t i = 0; i < SYSTEM_CLASS_COUNT; i++) {
        const struct system_class *s = &system_classes[i];
        if (IS_INTRESOURCE(name) ? s->atom != (ATOM)(uintptr_t)name
                                 : strcasecmp(s->name, name) != 0)
            continue;
        memset(out, 0, sizeof(*out));
        strcpy(out->name_buf, s->name);
        out->name = out->name_buf;
        out->atom = s->atom;
        out->info.cbSize = sizeof(out->info);
        out->info.style = CS_GLOBALCLASS;
        out->info.lpfnWndProc = s->proc;
        out->info.cbWndExtra = s->extra;
        out->info.lpszClassName = out->name;
        return TRUE;
    }
    return FALSE;
}

/* The class name of a control of a dialog template's ordinal: 0x80 to
 * 0x85, or 0 to 5, which Windows takes the same way. NULL if none. */
const char *system_class_by_ordinal(WORD ordinal)
{
    static const char *const names[] = { "Button", "Edit", "Static",
                                          "ListBox", "ScrollBar", "ComboBox" };
    if (ordinal >= 0x80)
        ordinal -= 0x80;
    return ordinal < 6 ? names[ordinal] : NULL;
}
