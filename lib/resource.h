/*
 * A module's resources (lib/resource.c). Nothing here is public API.
 */
#ifndef WINHANDLE_LIB_RESOURCE_H
#define WINHANDLE_LIB_RESOURCE_H

#include <windows.h>

/* The resource of this type and name (a string or an integer id) in
 * inst's module (NULL: the program's); FALSE with Windows' error
 * (ERROR_RESOURCE_DATA_NOT_FOUND, _TYPE_, _NAME_) if there is none. */
BOOL resource_find(HINSTANCE inst, LPCSTR type, LPCSTR name, const void **data, DWORD *size);

/* Cursors and icons from the resources (lib/cursor_resource.c): a new
 * one of about size pixels (0: the default), or the process's shared
 * one, made on first use. */
HICON cursor_from_resource(HINSTANCE inst, LPCSTR name, int is_icon, int size);
HICON cursor_resource_shared(HINSTANCE inst, LPCSTR name, int is_icon);

#endif
