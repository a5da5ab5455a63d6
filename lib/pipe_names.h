/*
 * Named pipe names, and CreateFileA's way into a named pipe.
 */
#ifndef WINHANDLE_LIB_PIPE_NAMES_H
#define WINHANDLE_LIB_PIPE_NAMES_H

#include <windows.h>

/* The NAME of \\.\pipe\NAME (the prefix in any case), or NULL when name
 * is not a local pipe name. */
const char *pipe_name_part(const char *name);

/* CreateFileA on a pipe name: open a client end. */
HANDLE open_pipe_client(const char *pipe_name, DWORD access, LPSECURITY_ATTRIBUTES sa,
                        DWORD flags);

#endif
