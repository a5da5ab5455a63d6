/*
 * What a DDE server's callback in a test asks of its string handles and
 * gives back as data; shared by the conformance program user_dde_conv.c
 * and tests/integration/test_dde.c, whose servers answer alike.
 */
#ifndef WINHANDLE_CONFORMANCE_DDE_STRINGS_H
#define WINHANDLE_CONFORMANCE_DDE_STRINGS_H

#include <string.h>

#include <windows.h>
#include <ddeml.h>

/* Does the string handle (of instance inst) name text? */
static inline int dde_string_is(DWORD inst, HSZ hsz, const char *text)
{
    char buf[64] = "";
    DdeQueryStringA(inst, hsz, buf, sizeof(buf), CP_WINANSI);
    return !strcmp(buf, text);
}

/* A CF_TEXT data handle holding text and its NUL, for item. */
static inline HDDEDATA dde_text_data(DWORD inst, HSZ item, const char *text)
{
    return DdeCreateDataHandle(inst, (LPBYTE)text, (DWORD)strlen(text) + 1, 0, item, CF_TEXT,
                               0);
}

#endif
