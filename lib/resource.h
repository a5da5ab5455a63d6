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

#endif
