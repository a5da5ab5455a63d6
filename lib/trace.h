/*
 * Handle-leak tracing (WINHANDLE_TRACE=1 or =abort): where each handle
 * was made, leaks at exit, and uses of closed or never-valid handles.
 * protocol/trace_requests.h tells how the server takes part.
 *
 * When tracing is off nothing here runs: the server never sets the reply
 * header's trace field for an untraced process, and that field is the
 * only thing server_call looks at.
 */
#ifndef WINHANDLE_LIB_TRACE_H
#define WINHANDLE_LIB_TRACE_H

#include <stdint.h>

#include <windows.h>

enum { TRACE_OFF = 0, TRACE_ON = 1, TRACE_ABORT = 2 };

/* Set once, from $WINHANDLE_TRACE, before the process's first connection. */
extern int trace_mode;
void trace_read_env(void);

/* A reply said notes are waiting: send the caller's site, read the notes,
 * report a bad handle if error is ERROR_INVALID_HANDLE. */
void trace_after_call(uint32_t error);

/* The library itself found handle invalid without asking the server. */
void trace_bad_handle_here(HANDLE handle);

/* The process is ending (ExitProcess, exit, return from main, last
 * thread): print the handles still open, by creation site, once. */
void trace_at_exit(void);

/* Is handle one of the process's standard handles as they stand, without
 * making any (std_handle.c)? They are not leaks, as on Windows. */
int std_handle_is(HANDLE handle);

/*
 * The caller's site (trace_symbols.c): the Win32 function called and the
 * program's frames below it, one per line ("function (file.c:LINE)"), the
 * library's own frames left out. Returns a malloc'd string or NULL.
 */
char *trace_capture_site(void);

#endif
