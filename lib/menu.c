/*
 * Menus. The server holds them (a menu handle works in every process);
 * these functions turn the A calls' flags into MENUITEMINFO terms (one
 * insert request, one read request) and back.
 */
#include <stdlib.h>
#include <string.h>

#include "user_private.h"

/* InsertMenuA's flags that are the item's state, and those that are its
 * type (the rest say how to find the item, or that it is a popup). */
#define STATE_FLAGS (MF_GRAYED | MF_DISABLED | MF_CHECKED | MF_HILITE | MF_DEFAULT)
#define TYPE_FLAGS                                                             \
    (MF_BITMAP | MF_OWNERDRAW | MF_SEPARATOR | MF_MENUBARBREAK | MF_MENUBREAK |   \
     MF_RIGHTJUSTIFY | MFT_RADIOCHECK | MFT_RIGHTORDER)

static HMENU create_menu(uint32_t popup)
{
    struct wh_create_menu_request req = { .popup = popup };
    struct wh_create_menu_reply reply;
    if (!set_result(SERVER_CALL(create_menu, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.handle);
}

HMENU WINAPI CreateMenu(void)
{
    return create_menu(0);
}

HMENU WINAPI CreatePopupMenu(void)
{
    return create_menu(1);
}

BOOL WINAPI DestroyMenu(HMENU menu)
{
    return user_destroy_object(menu, WH_USER_MENU);
}

BOOL WINAPI IsMenu(HMENU menu)
{
    struct wh_user_check_request req = { .handle = user_to_wire(menu), .type = WH_USER_MENU };
    struct wh_user_check_reply reply;
    return set_result(SERVER_CALL(user_check, &req, &reply, NULL, 0));
}

int WINAPI GetMenuItemCount(HMENU menu)
{
    struct wh_menu_count_request req = { .menu = user_to_wire(menu) };
    struct wh_menu_count_reply reply;
    if (!set_result(SERVER_CALL(menu_count, &req, &reply, NULL, 0)))
        return -1;
    return (int)reply.count;
}

/* The insert request for an item described MENUITEMINFO's way. */
static uint32_t insert_item(HMENU menu, UINT item, BOOL by_position, UINT mask, UINT type,
                            UINT state, UINT id, HMENU submenu, ULONG_PTR data,
                            HBITMAP bitmap, const char *text)
{
    uint32_t len = text ? (uint32_t)strnlen(text, WH_MAX_REQUEST_SIZE / 2) : 0;
    struct wh_menu_insert_request req = {
        .menu = user_to_wire(menu),
        .item = item,
        .by_position = by_position ? 1 : 0,
        .mask = mask,
        .type = type,
        .state = state,
        .id = id,
        .submenu = user_to_wire(submenu),
        .data = (uint64_t)data,
        .text_len = len,
        .bitmap = (uint32_t)(uintptr_t)bitmap,
    };
    struct wh_menu_insert_reply reply;
    return SERVER_CALL(menu_insert, &req, &reply, text, len);
}

BOOL WINAPI InsertMenuA(HMENU menu, UINT position, UINT flags, UINT_PTR id, LPCSTR item)
{
    UINT type = flags & TYPE_FLAGS, state = flags & STATE_FLAGS;
    UINT mask = MIIM_FTYPE | MIIM_STATE | MIIM_ID;
    HMENU submenu = NULL;
    const char *text = NULL;
    ULONG_PTR data = 0;
    HBITMAP bitmap = NULL;
    if (flags & MF_POPUP) {
        /* The id is the submenu; the item's id is its value, as on Windows. */
        submenu = (HMENU)id;
        mask |= MIIM_SUBMENU;
    }
    if (flags & MF_SEPARATOR)
        state |= MFS_GRAYED; /* a separator cannot be chosen */
    else if (flags & MF_OWNERDRAW)
        data = (ULONG_PTR)item, mask |= MIIM_DATA;
    else if (flags & MF_BITMAP)
        bitmap = (HBITMAP)item, mask |= MIIM_BITMAP;
    else
        text = item, mask |= MIIM_STRING;
    return user_result(insert_item(menu, position, (flags & MF_BYPOSITION) != 0, mask, type,
                                   state, (UINT)id, submenu, data, bitmap, text));
}

BOOL WINAPI AppendMenuA(HMENU menu, UINT flags, UINT_PTR id, LPCSTR item)
{
    return InsertMenuA(menu, (UINT)-1, flags | MF_BYPOSITION, id, item);
}

/* The sizes of MENUITEMINFOA Windows takes: today's, and the one before
 * hbmpItem was added (Windows 95/NT 4). */
static BOOL valid_info_size(UINT size)
{
    return size == sizeof(MENUITEMINFOA) ||
           size == offsetof(MENUITEMINFOA, hbmpItem);
}

BOOL WINAPI InsertMenuItemA(HMENU menu, UINT item, BOOL by_position, LPCMENUITEMINFOA mii)
{
    if (!mii || !valid_info_size(mii->cbSize))
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    UINT mask = mii->fMask;
    /* MIIM_TYPE is the old way to say type and string at once; it cannot
     * be mixed with the new bits that say them apart. */
    if ((mask & MIIM_TYPE) && (mask & (MIIM_FTYPE | MIIM_STRING | MIIM_BITMAP)))
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    const char *text = NULL;
    HBITMAP bitmap = mii->cbSize == sizeof(MENUITEMINFOA) ? mii->hbmpItem : NULL;
    if (mask & MIIM_STRING)
        text = mii->dwTypeData;
    else if ((mask & MIIM_TYPE) && !(mii->fType & (MFT_BITMAP | MFT_SEPARATOR | MFT_OWNERDRAW)))
        text = mii->dwTypeData;
    else if ((mask & MIIM_TYPE) && (mii->fType & MFT_BITMAP))
        bitmap = (HBITMAP)mii->dwTypeData, mask |= MIIM_BITMAP;
    return user_result(insert_item(menu, item, by_position, mask, mii->fType, mii->fState,
                                   mii->wID, mii->hSubMenu, mii->dwItemData, bitmap, text));
}

/* One item, and its text (malloc'd, NUL-terminated, or NULL). */
static uint32_t get_item(HMENU menu, UINT item, BOOL by_position,
                         struct wh_menu_get_item_reply *reply, char **text)
{
    struct wh_menu_get_item_request req = {
        .menu = user_to_wire(menu), .item = item, .by_position = by_position ? 1 : 0,
    };
    void *var = NULL;
    uint32_t var_len = 0;
    uint32_t error = server_call(WH_REQ_menu_get_item, &req, sizeof(req), NULL, 0, reply,
                                 sizeof(*reply), text ? &var : NULL, text ? &var_len : NULL);
    if (text) {
        *text = NULL;
        if (!error && var_len) {
            *text = malloc(var_len + 1);
            if (*text) {
                memcpy(*text, var, var_len);
                (*text)[var_len] = '\0';
            }
        }
        free(var);
    }
    return error;
}

UINT WINAPI GetMenuItemID(HMENU menu, int pos)
{
    struct wh_menu_get_item_reply reply;
    if (pos < 0 || get_item(menu, (UINT)pos, TRUE, &reply, NULL))
        return (UINT)-1;
    return reply.submenu ? (UINT)-1 : reply.id;
}

HMENU WINAPI GetSubMenu(HMENU menu, int pos)
{
    struct wh_menu_get_item_reply reply;
    if (pos < 0 || get_item(menu, (UINT)pos, TRUE, &reply, NULL))
        return NULL;
    return wire_to_user(reply.submenu);
}

UINT WINAPI GetMenuState(HMENU menu, UINT id, UINT flags)
{
    struct wh_menu_get_item_reply reply;
    if (get_item(menu, id, (flags & MF_BYPOSITION) != 0, &reply, NULL))
        return (UINT)-1;
    /* A popup: its flags in the low byte, its submenu's item count above. */
    if (reply.submenu)
        return (reply.submenu_count << 8) | ((reply.type | reply.state | MF_POPUP) & 0xff);
    return reply.type | reply.state;
}

int WINAPI GetMenuStringA(HMENU menu, UINT id, LPSTR str, int max, UINT flags)
{
    struct wh_menu_get_item_reply reply;
    char *text;
    uint32_t error = get_item(menu, id, (flags & MF_BYPOSITION) != 0, &reply, &text);
    if (error)
        return FAIL(error, 0);
    int len = text ? (int)strlen(text) : 0;
    if (!str || max <= 0) {
        free(text);
        return len; /* the length alone */
    }
    int n = len < max - 1 ? len : max - 1;
    if (n > 0)
        memcpy(str, text, (size_t)n);
    str[n] = '\0';
    free(text);
    return n;
}

BOOL WINAPI GetMenuItemInfoA(HMENU menu, UINT item, BOOL by_position, LPMENUITEMINFOA mii)
{
    if (!mii || !valid_info_size(mii->cbSize))
        return FAIL(ERROR_INVALID_PARAMETER, FALSE);
    struct wh_menu_get_item_reply reply;
    char *text;
    uint32_t error = get_item(menu, item, by_position, &reply, &text);
    if (error)
        return FAIL(error, FALSE);
    UINT mask = mii->fMask;
    if (mask & (MIIM_FTYPE | MIIM_TYPE))
        mii->fType = reply.type;
    if (mask & MIIM_STATE)
        mii->fState = reply.state;
    if (mask & MIIM_ID)
        mii->wID = reply.id;
    if (mask & MIIM_SUBMENU)
        mii->hSubMenu = wire_to_user(reply.submenu);
    if (mask & MIIM_DATA)
        mii->dwItemData = (ULONG_PTR)reply.data;
    if ((mask & MIIM_BITMAP) && mii->cbSize == sizeof(MENUITEMINFOA))
        mii->hbmpItem = (HBITMAP)(uintptr_t)reply.bitmap;
    if (mask & (MIIM_STRING | MIIM_TYPE)) {
        UINT len = text ? (UINT)strlen(text) : 0;
        if (mii->dwTypeData && mii->cch) {
            UINT n = len < mii->cch - 1 ? len : mii->cch - 1;
            memcpy(mii->dwTypeData, text ? text : "", n);
            mii->dwTypeData[n] = '\0';
        }
        mii->cch = len;
    }
    free(text);
    return TRUE;
}

/* RemoveMenu and DeleteMenu: a missing item fails without an error, as
 * in Wine. */
static BOOL remove_item(HMENU menu, UINT pos, UINT flags, uint32_t destroy)
{
    struct wh_menu_remove_request req = {
        .menu = user_to_wire(menu), .item = pos,
        .by_position = (flags & MF_BYPOSITION) != 0, .destroy = destroy,
    };
    struct wh_menu_remove_reply reply;
    uint32_t error = SERVER_CALL(menu_remove, &req, &reply, NULL, 0);
    if (error == ERROR_MENU_ITEM_NOT_FOUND)
        return FALSE;
    return set_result(error);
}

BOOL WINAPI RemoveMenu(HMENU menu, UINT pos, UINT flags)
{
    return remove_item(menu, pos, flags, 0);
}

BOOL WINAPI DeleteMenu(HMENU menu, UINT pos, UINT flags)
{
    return remove_item(menu, pos, flags, 1);
}
