/*
 * Desktops and the window station: kernel handles (CloseHandle and
 * DuplicateHandle take them) to the desktops of the session's one window
 * station, "WinSta0": "Default" and those CreateDesktopA makes. A thread
 * uses the windows of its own desktop only (server/desktop.c).
 */
#include <stdlib.h>
#include <string.h>

#include "user_private.h"

#define ERROR_INSUFFICIENT_BUFFER_ 122u

static HANDLE get_station(uint32_t kind, DWORD tid)
{
    struct wh_get_station_request req = { .kind = kind, .tid = tid };
    struct wh_get_station_reply reply;
    if (!set_result(SERVER_CALL(get_station, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_handle(reply.handle);
}

static HANDLE open_station(uint32_t kind, LPCSTR name, BOOL inherit, ACCESS_MASK access)
{
    uint32_t len, err = name ? check_object_name(name, &len) : ERROR_INVALID_PARAMETER;
    if (err)
        return FAIL(err, NULL);
    struct wh_open_station_request req = {
        .kind = kind, .access = access, .inherit = inherit ? 1 : 0, .name_len = len,
    };
    struct wh_open_station_reply reply;
    if (!set_result(SERVER_CALL(open_station, &req, &reply, name, len)))
        return NULL;
    return wire_to_handle(reply.handle);
}

static BOOL close_station(uint32_t kind, HANDLE h)
{
    struct wh_close_station_request req = { .kind = kind, .handle = handle_to_wire(h) };
    struct wh_close_station_reply reply;
    return set_result(SERVER_CALL(close_station, &req, &reply, NULL, 0));
}

HDESK WINAPI GetThreadDesktop(DWORD tid)
{
    return (HDESK)get_station(WH_TYPE_DESKTOP, tid);
}

HWINSTA WINAPI GetProcessWindowStation(void)
{
    return (HWINSTA)get_station(WH_TYPE_WINSTA, 0);
}

HDESK WINAPI OpenDesktopA(LPCSTR name, DWORD flags, BOOL inherit, ACCESS_MASK access)
{
    (void)flags; /* DF_ALLOWOTHERACCOUNTHOOK: one account, nothing to allow */
    return (HDESK)open_station(WH_TYPE_DESKTOP, name, inherit, access);
}

HWINSTA WINAPI OpenWindowStationA(LPCSTR name, BOOL inherit, ACCESS_MASK access)
{
    return (HWINSTA)open_station(WH_TYPE_WINSTA, name, inherit, access);
}

HDESK WINAPI CreateDesktopA(LPCSTR name, LPCSTR device, void *devmode, DWORD flags,
                           ACCESS_MASK access, LPSECURITY_ATTRIBUTES sa)
{
    (void)flags; /* DF_ALLOWOTHERACCOUNTHOOK: one account, nothing to allow */
    if (device || devmode) /* reserved, must be NULL */
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    uint32_t len = name ? (uint32_t)strnlen(name, WH_MAX_DESKTOP_NAME + 1) : 0;
    struct wh_create_desktop_request req = {
        .access = access,
        .inherit = sa && sa->bInheritHandle ? 1 : 0,
        .name_len = len,
    };
    struct wh_create_desktop_reply reply;
    if (!set_result(SERVER_CALL(create_desktop, &req, &reply, name, len)))
        return NULL;
    return (HDESK)wire_to_handle(reply.handle);
}

BOOL WINAPI SetThreadDesktop(HDESK desk)
{
    struct wh_set_thread_desktop_request req = { .handle = handle_to_wire(desk) };
    struct wh_set_thread_desktop_reply reply;
    return set_result(SERVER_CALL(set_thread_desktop, &req, &reply, NULL, 0));
}

BOOL WINAPI CloseDesktop(HDESK desk)
{
    return close_station(WH_TYPE_DESKTOP, desk);
}

BOOL WINAPI CloseWindowStation(HWINSTA sta)
{
    return close_station(WH_TYPE_WINSTA, sta);
}

/* UOI_NAME and UOI_TYPE as strings, UOI_FLAGS as USEROBJECTFLAGS; *needed
 * is the size the answer takes, its terminator included. */
BOOL WINAPI GetUserObjectInformationA(HANDLE h, int index, PVOID info, DWORD len,
                                      LPDWORD needed)
{
    struct wh_station_info_request req = { .handle = handle_to_wire(h) };
    struct wh_station_info_reply reply;
    char name[WH_MAX_DESKTOP_NAME + 1];
    void *var = NULL;
    uint32_t var_len = 0;
    uint32_t error = server_call(WH_REQ_station_info, &req, sizeof(req), NULL, 0, &reply,
                                 sizeof(reply), &var, &var_len);
    if (var_len > WH_MAX_DESKTOP_NAME)
        var_len = WH_MAX_DESKTOP_NAME;
    if (var_len)
        memcpy(name, var, var_len);
    name[var_len] = 0;
    free(var);
    if (!set_result(error))
        return FALSE;
    int desktop = reply.kind == WH_TYPE_DESKTOP;
    const char *text = NULL;
    DWORD flags[3] = { reply.inherit, 0, desktop ? 0 : 1 /* WSF_VISIBLE */ };
    const void *answer;
    DWORD size;
    if (index == UOI_NAME)
        text = name;
    else if (index == UOI_TYPE)
        text = desktop ? "Desktop" : "WindowStation";
    else if (index != UOI_FLAGS)
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    if (text) {
        answer = text;
        size = (DWORD)strlen(text) + 1;
    } else {
        answer = flags;
        size = sizeof(flags);
    }
    if (needed)
        *needed = size;
    if (!info || len < size)
        return FAIL(ERROR_INSUFFICIENT_BUFFER_, FALSE);
    memcpy(info, answer, size);
    return TRUE;
}
