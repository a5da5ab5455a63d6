/*
 * processenv.h - the standard handles.
 *
 * GetStdHandle gives handles for descriptors 0, 1 and 2: the handles a
 * CreateProcessA parent passed with STARTF_USESTDHANDLES, else file
 * objects made on first use around the descriptors the process inherited.
 * SetStdHandle changes what GetStdHandle returns, not the descriptors.
 * The STD_* selectors are in winbase.h.
 */
#ifndef WINHANDLE_PROCESSENV_H
#define WINHANDLE_PROCESSENV_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

HANDLE WINAPI GetStdHandle(DWORD nStdHandle);
BOOL WINAPI SetStdHandle(DWORD nStdHandle, HANDLE hHandle);

#ifdef __cplusplus
}
#endif

#endif /* WINHANDLE_PROCESSENV_H */
