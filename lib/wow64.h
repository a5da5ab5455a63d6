/*
 * 32-bit processes on a 64-bit kernel (Windows' WOW64), for the library's
 * files: the native machine and the file system redirector. Nothing here
 * is public API.
 */
#ifndef WINHANDLE_LIB_WOW64_H
#define WINHANDLE_LIB_WOW64_H

#include <stddef.h>

/* Is the kernel 64-bit (x86_64), whatever this process's width? */
int native_is_64bit(void);

/* Is this process a WOW64 one: 32-bit on a 64-bit kernel? */
int self_is_wow64(void);

/* The session's Windows directory: an absolute Linux path without a
 * trailing slash ($WINHANDLE_WINDIR, else "windows" in the session
 * directory), its System32 and, on a 64-bit kernel, SysWOW64 made on
 * first use. "" if there is none (no session directory). */
const char *windows_dir(void);

/* The redirector: rewrites path (a NUL-terminated buffer of size bytes) in
 * place when this thread of a WOW64 process has redirection on and path
 * names something under <windir>/System32 (→ SysWOW64, but for Windows'
 * exempt subdirectories) or <windir>/Sysnative (→ System32). 0 when done
 * (changed or not); -1 when the redirected path would not fit. */
int redirect_in_place(char *path, size_t size);

/* The same for a caller's string: path itself, or buf (size bytes) holding
 * the redirected path; NULL if it would not fit. */
const char *redirect_path(const char *path, char *buf, size_t size);

#endif
