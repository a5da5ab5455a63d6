/*
 * Window properties: SetPropA, GetPropA, RemovePropA, EnumPropsA and
 * EnumPropsExA. They live in the server with the window, so a property
 * set in one process is read in another. A name is a string (case blind)
 * or an integer atom, MAKEINTATOM(n); there is no global atom table, so
 * a name and the atom GlobalAddAtomA would give it are two properties
 * here. A missing property is NULL with the last error untouched, as in
 * Wine; a name longer than an atom's 255 characters fails with
 * ERROR_INSUFFICIENT_BUFFER, as in Wine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "window_private.h"

struct prop_key {
    uint32_t atom, len;
    const char *name;
};

static BOOL prop_key(LPCSTR name, struct prop_key *key)
{
    key->atom = 0;
    key->len = 0;
    key->name = NULL;
    if (IS_INTRESOURCE(name)) {
        key->atom = (uint32_t)(uintptr_t)name;
        return TRUE;
    }
    size_t len = strnlen(name, WH_MAX_PROP_NAME + 1);
    if (len > WH_MAX_PROP_NAME)
        return FAIL(ERROR_INSUFFICIENT_BUFFER, FALSE);
    key->len = (uint32_t)len;
    key->name = name;
    return TRUE;
}

BOOL WINAPI SetPropA(HWND hwnd, LPCSTR name, HANDLE data)
{
    struct prop_key key;
    if (!prop_key(name, &key))
        return FALSE;
    struct wh_set_window_prop_request req = {
        .value = (uint64_t)(uintptr_t)data, .handle = user_to_wire(hwnd),
        .atom = key.atom, .name_len = key.len,
    };
    struct wh_set_window_prop_reply reply;
    return set_result(SERVER_CALL(set_window_prop, &req, &reply, key.name, key.len));
}

static HANDLE get_prop(HWND hwnd, LPCSTR name, uint32_t remove)
{
    struct prop_key key;
    if (!prop_key(name, &key))
        return NULL;
    struct wh_get_window_prop_request req = {
        .handle = user_to_wire(hwnd), .atom = key.atom, .name_len = key.len, .remove = remove,
    };
    struct wh_get_window_prop_reply reply;
    if (!set_result(SERVER_CALL(get_window_prop, &req, &reply, key.name, key.len)))
        return NULL;
    return reply.found ? (HANDLE)(uintptr_t)reply.value : NULL;
}

HANDLE WINAPI GetPropA(HWND hwnd, LPCSTR name)
{
    return get_prop(hwnd, name, 0);
}

HANDLE WINAPI RemovePropA(HWND hwnd, LPCSTR name)
{
    return get_prop(hwnd, name, 1);
}

/* Call back for each property of a snapshot: the callback may remove
 * properties (Windows allows it the one it is given). -1 when there are
 * none, or no window (the last error untouched, as in Wine); else the
 * last callback's answer. */
static int enum_props(HWND hwnd, PROPENUMPROCEXA proc_ex, PROPENUMPROCA proc, ULONG_PTR lp)
{
    struct wh_list_window_props_request req = { .handle = user_to_wire(hwnd) };
    struct wh_list_window_props_reply reply;
    void *var = NULL;
    uint32_t len = 0;
    if (server_call(WH_REQ_list_window_props, &req, sizeof(req), NULL, 0, &reply,
                    sizeof(reply), &var, &len) || !reply.count) {
        free(var);
        return -1;
    }
    int ret = TRUE;
    char name[WH_MAX_PROP_NAME + 1];
    for (uint32_t off = 0, i = 0; i < reply.count && off + sizeof(struct wh_prop_record) <= len;
         i++) {
        struct wh_prop_record r;
        memcpy(&r, (char *)var + off, sizeof(r));
        off += sizeof(r);
        uint32_t padded = (r.name_len + 7u) & ~7u;
        if (r.name_len > WH_MAX_PROP_NAME || off + padded > len)
            break;
        memcpy(name, (char *)var + off, r.name_len);
        name[r.name_len] = 0;
        off += padded;
        /* An atom comes as its string form, "#5", as GlobalGetAtomNameA
         * gives it (Wine's answer; the documentation says "the string
         * that was specified"). */
        if (!r.name_len)
            snprintf(name, sizeof(name), "#%u", (unsigned)r.atom);
        LPSTR key = name;
        HANDLE value = (HANDLE)(uintptr_t)r.value;
        ret = proc_ex ? proc_ex(hwnd, key, value, lp) : proc(hwnd, key, value);
        if (!ret)
            break;
    }
    free(var);
    return ret;
}

int WINAPI EnumPropsExA(HWND hwnd, PROPENUMPROCEXA proc, LPARAM lp)
{
    if (!proc)
        return FAIL(ERROR_INVALID_PARAMETER, -1);
    return enum_props(hwnd, proc, NULL, (ULONG_PTR)lp);
}

int WINAPI EnumPropsA(HWND hwnd, PROPENUMPROCA proc)
{
    if (!proc)
        return FAIL(ERROR_INVALID_PARAMETER, -1);
    return enum_props(hwnd, NULL, proc, 0);
}
