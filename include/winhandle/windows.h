/*
 * windows.h - the Win32 interface of libwinhandle, for Linux C programs.
 *
 * Build with `$(pkg-config --cflags --libs winhandle)`. _WIN32 is not
 * defined: the program is a Linux program, and its #ifdef _WIN32 branches
 * must keep choosing the Linux side for everything winhandle does not cover.
 */
#ifndef WINHANDLE_WINDOWS_H
#define WINHANDLE_WINDOWS_H

/* Each header below gives its own declarations C linkage (extern "C"). */

#include "basetsd.h"
#include "windef.h"
#include "winnt.h"
#include "winerror.h"
#include "winbase.h"
#include "wingdi.h"
#include "winuser.h"
#include "wow64apiset.h"
#ifndef WIN32_LEAN_AND_MEAN
#include "ddeml.h"
#include "shellapi.h"
#endif

#endif /* WINHANDLE_WINDOWS_H */
