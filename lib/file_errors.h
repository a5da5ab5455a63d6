/*
 * Linux errno values as the Win32 errors file and pipe calls report.
 */
#ifndef WINHANDLE_LIB_FILE_ERRORS_H
#define WINHANDLE_LIB_FILE_ERRORS_H

#include <windows.h>

/* An errno from I/O on an open descriptor (read, write, seek...). */
DWORD win32_from_errno(int err);

/* An errno from opening or deleting path: ENOENT says "file" or "path"
 * not found depending on whether the directory part exists. */
DWORD win32_from_path_errno(int err, const char *path);

#endif
