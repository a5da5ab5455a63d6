/*
 * What the library's window files share. Nothing here is public API.
 */
#ifndef WINHANDLE_LIB_WINDOW_PRIVATE_H
#define WINHANDLE_LIB_WINDOW_PRIVATE_H

#include "user_private.h"

/* A registered class, or a copy of one (window_class_find). */
struct window_class {
    char *name;
    char *menu_name; /* a copy, or an integer resource id */
    ATOM atom;
    WNDCLASSEXA info;
    char name_buf[256];
};

/* Copy the class name (or MAKEINTATOM atom) of instance (NULL: the
 * program's) into *out; FALSE if there is none. */
BOOL window_class_find(LPCSTR name, HINSTANCE instance, struct window_class *out);

/* The window handles of a list_windows answer (kind WH_LIST_*; hwnd
 * NULL: the caller's desktop window), *count of them; free the result.
 * NULL and the last error untouched on failure. */
uint32_t *window_list(HWND hwnd, uint32_t kind, uint32_t *count);

#endif
