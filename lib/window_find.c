/*
 * Enumerating and finding windows. An enumeration asks the server for a
 * snapshot of handles, then calls back for each one still alive: the
 * callback may destroy windows (the snapshot's later ones are skipped) or
 * make new ones (not enumerated), and nothing it does can upset the walk.
 * Top-level windows are those of the caller's desktop: handle 0 in a
 * request means its desktop window.
 *
 * Where Windows' documentation and Wine differ, the documentation wins:
 * EnumChildWindows(NULL, ...) is EnumWindows (Wine enumerates nothing)
 * and EnumThreadWindows of a thread with no windows is FALSE (Wine: TRUE).
 * Where the documentation is silent Wine is followed: FindWindowA that
 * finds nothing says ERROR_CANNOT_FIND_WND_CLASS, FindWindowExA nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "window_private.h"

/* Alive, and on the caller's desktop; the last error untouched. */
static BOOL still_window(uint32_t h)
{
    struct wh_user_check_request req = { .handle = h, .type = WH_USER_WINDOW };
    struct wh_user_check_reply reply;
    return SERVER_CALL(user_check, &req, &reply, NULL, 0) == 0;
}

/* Call proc for each of n handles still alive; FALSE as soon as it
 * returns FALSE. */
static BOOL call_each(const uint32_t *list, uint32_t n, WNDENUMPROC proc, LPARAM lp)
{
    for (uint32_t i = 0; i < n; i++) {
        if (!still_window(list[i]))
            continue;
        if (!proc(wire_to_user(list[i]), lp))
            return FALSE;
    }
    return TRUE;
}

BOOL WINAPI EnumWindows(WNDENUMPROC proc, LPARAM lp)
{
    if (!proc)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    uint32_t n;
    uint32_t *list = window_list(NULL, WH_LIST_CHILDREN, &n);
    BOOL ret = call_each(list, n, proc, lp);
    free(list);
    return ret;
}

/* Every window below parent, each parent before its children, as
 * Windows enumerates them. FALSE when there is none (Wine's answer; the
 * documentation calls the result unused). */
BOOL WINAPI EnumChildWindows(HWND parent, WNDENUMPROC proc, LPARAM lp)
{
    if (!parent)
        return EnumWindows(proc, lp);
    if (!proc)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    uint32_t n;
    uint32_t *list = window_list(parent, WH_LIST_DESCENDANTS, &n);
    /* The first is parent itself. */
    BOOL ret = n > 1 && call_each(list + 1, n - 1, proc, lp);
    free(list);
    return ret;
}

/* The windows a find_windows request names; *count of them. */
static uint32_t *find_windows(HWND parent, HWND after, DWORD tid, uint32_t flags,
                              const char *class_name, const char *title, uint32_t *count)
{
    uint32_t class_len = class_name ? (uint32_t)strlen(class_name) : 0;
    uint32_t title_len = title ? (uint32_t)strnlen(title, WH_MAX_FIND_TITLE + 1) : 0;
    *count = 0;
    if (title_len > WH_MAX_FIND_TITLE)
        return NULL; /* longer than any title a window can have here */
    /* calloc: with both lengths 0, gcc -O3 (bench/run.sh's release build)
     * takes the unwritten byte for uninitialized data passed on. */
    char *data = calloc(1, (size_t)class_len + title_len + 1);
    if (!data)
        return NULL;
    memcpy(data, class_name ? class_name : "", class_len);
    memcpy(data + class_len, title ? title : "", title_len);
    struct wh_find_windows_request req = {
        .parent = user_to_wire(parent), .after = user_to_wire(after), .tid = tid,
        .flags = flags | (class_name ? WH_FIND_CLASS : 0) | (title ? WH_FIND_TITLE : 0),
        .class_len = class_len, .title_len = title_len,
    };
    struct wh_find_windows_reply reply;
    void *var = NULL;
    uint32_t len = 0;
    uint32_t error = server_call(WH_REQ_find_windows, &req, sizeof(req), data,
                                 class_len + title_len, &reply, sizeof(reply), &var, &len);
    free(data);
    if (error) {
        free(var);
        return NULL;
    }
    *count = len / sizeof(uint32_t);
    return var;
}

/* The top-level windows of a thread. */
BOOL WINAPI EnumThreadWindows(DWORD tid, WNDENUMPROC proc, LPARAM lp)
{
    if (!proc)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    uint32_t n;
    uint32_t *list = tid ? find_windows(NULL, NULL, tid, 0, NULL, NULL, &n) : NULL;
    BOOL ret = list && n && call_each(list, n, proc, lp);
    free(list);
    return ret;
}

HWND WINAPI FindWindowExA(HWND parent, HWND after, LPCSTR class_name, LPCSTR title)
{
    struct window_class cls;
    /* Message-only windows are top-level ones here: none is only that. */
    if (parent == HWND_MESSAGE)
        return NULL;
    if (class_name && ((uintptr_t)class_name >> 16) == 0) {
        /* An atom names a class of this process (atoms are per process). */
        if (!window_class_find(class_name, NULL, &cls))
            return NULL;
        class_name = cls.name;
    } else if (class_name && strnlen(class_name, 256) > 255) {
        return NULL; /* no class has a longer name */
    }
    uint32_t n;
    uint32_t *list = find_windows(parent, after, 0, WH_FIND_FIRST, class_name, title, &n);
    HWND found = list && n ? wire_to_user(list[0]) : NULL;
    free(list);
    return found;
}

HWND WINAPI FindWindowA(LPCSTR class_name, LPCSTR title)
{
    HWND found = FindWindowExA(NULL, NULL, class_name, title);
    if (!found)
        SetLastError(ERROR_CANNOT_FIND_WND_CLASS);
    return found;
}
