/*
 * Menus: a list of items, each a command, a separator or a popup (an item
 * that opens a submenu). The server keeps them so that a menu handle works
 * in every process of the session, as on Windows; the library turns
 * AppendMenuA, InsertMenuItemA and friends into the few requests below.
 *
 * A popup item holds its submenu's handle, not a pointer: the submenu is a
 * menu of its own in the table, destroyed with its parent (DestroyMenu and
 * DeleteMenu) unless detached first (RemoveMenu). A menu may not become
 * its own submenu, nor one of its submenus' (Wine refuses it too): that
 * check, like every walk, is bounded in depth, so a cycle through deeper
 * menus can still be made, and the table's destroy kills a handle before
 * its destroy op runs, so such a cycle ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "grow.h"
#include "request.h"
#include "thread.h"
#include "user.h"

#define ERR_MENU_ITEM_NOT_FOUND 1456u

/* MENUITEMINFO's fMask bits (winuser.h). */
#define MIIM_STATE_ 0x01u
#define MIIM_ID_ 0x02u
#define MIIM_SUBMENU_ 0x04u
#define MIIM_TYPE_ 0x10u
#define MIIM_DATA_ 0x20u
#define MIIM_STRING_ 0x40u
#define MIIM_BITMAP_ 0x80u
#define MIIM_FTYPE_ 0x100u
#define MF_POPUP_ 0x10u

/* How deep a by-command search goes into submenus: deeper than any real
 * menu, shallow enough that a menu containing itself costs nothing. */
#define MAX_MENU_DEPTH 16

struct menu_item {
    uint32_t type;    /* MFT_* */
    uint32_t state;   /* MFS_* */
    uint32_t id;
    uint32_t submenu; /* a menu handle, or 0 */
    uint64_t data;    /* dwItemData */
    uint32_t bitmap;  /* hbmpItem's low bits, kept as given */
    uint32_t text_len;
    char *text;       /* NULL: no string */
};

struct menu {
    struct user_object hdr;
    int popup;
    uint32_t count, cap;
    struct menu_item *items;
    uint32_t seen;      /* the last search that visited it (find_by_command) */
};

static void menu_destroy(struct user_object *obj)
{
    struct menu *m = (struct menu *)obj;
    /* DestroyMenu takes the submenus with it (Windows documents it). */
    for (uint32_t i = 0; i < m->count; i++) {
        struct user_object *sub = m->items[i].submenu
                                      ? user_get(m->items[i].submenu, WH_USER_MENU) : NULL;
        if (sub)
            user_destroy_later(sub->handle);
        free(m->items[i].text);
    }
    free(m->items);
}

static void menu_describe(struct user_object *obj, char *buf, uint32_t len)
{
    struct menu *m = (struct menu *)obj;
    snprintf(buf, len, "%s, %u item%s", m->popup ? "popup" : "menu", m->count,
             m->count == 1 ? "" : "s");
}

static const struct user_ops menu_ops = {
    .type = WH_USER_MENU,
    .name = "Menu",
    .owner = USER_OWNER_PROCESS,
    .rank = 2,
    .invalid_error = ERR_INVALID_MENU_HANDLE,
    .destroy = menu_destroy,
    .describe = menu_describe,
};

static struct menu *get_menu(struct request_ctx *ctx, uint32_t handle)
{
    return user_get_ops(handle, &menu_ops, &ctx->error);
}

/*
 * Find an item by command id, depth first as Windows does: a popup's
 * submenu is searched before the popup's own id is taken, so a command
 * inside a submenu wins over a popup that happens to carry the same id.
 * Sets *owner to the menu the item is in and returns its position, or -1.
 */
static uint32_t search_count;

static int64_t search(struct menu *m, uint32_t id, struct menu **owner, int depth)
{
    struct menu *fallback_menu = NULL;
    int64_t fallback = -1;
    m->seen = search_count;
    for (uint32_t i = 0; i < m->count; i++) {
        struct menu_item *it = &m->items[i];
        struct menu *sub = it->submenu ? (struct menu *)user_get(it->submenu, WH_USER_MENU)
                                       : NULL;
        /* A menu met twice in one search (a cycle, or one submenu in many
         * items) is searched once: a hostile menu graph costs its size. */
        if (sub && sub->seen == search_count)
            sub = NULL;
        if (sub && depth < MAX_MENU_DEPTH) {
            int64_t pos = search(sub, id, owner, depth + 1);
            if (pos >= 0)
                return pos;
            if (it->id == id && fallback < 0) {
                fallback = i;
                fallback_menu = m;
            }
        } else if (it->id == id) {
            *owner = m;
            return i;
        }
    }
    if (fallback >= 0)
        *owner = fallback_menu;
    return fallback;
}

static int64_t find_by_command(struct menu *m, uint32_t id, struct menu **owner)
{
    search_count++;
    return search(m, id, owner, 0);
}

/* Whether target is m or lies below it within MAX_MENU_DEPTH levels. */
static int reaches(struct menu *m, const struct menu *target, int depth)
{
    if (m == target)
        return 1;
    m->seen = search_count;
    for (uint32_t i = 0; i < m->count && depth < MAX_MENU_DEPTH; i++) {
        struct menu *sub = m->items[i].submenu
                               ? (struct menu *)user_get(m->items[i].submenu, WH_USER_MENU)
                               : NULL;
        if (sub && sub->seen != search_count && reaches(sub, target, depth + 1))
            return 1;
    }
    return 0;
}

/* The item named by (item, by_position) in m: its menu and position. */
static int64_t find_item(struct menu *m, uint32_t item, uint32_t by_position,
                         struct menu **owner)
{
    *owner = m;
    if (by_position)
        return item < m->count ? (int64_t)item : -1;
    return find_by_command(m, item, owner);
}

/* The item a request names, or -1 with the request's error set. */
static int64_t locate(struct request_ctx *ctx, uint32_t handle, uint32_t item,
                      uint32_t by_position, struct menu **owner)
{
    struct menu *m = get_menu(ctx, handle);
    if (!m)
        return -1;
    int64_t pos = find_item(m, item, by_position, owner);
    if (pos < 0)
        ctx->error = ERR_MENU_ITEM_NOT_FOUND;
    return pos;
}

DECL_HANDLER(create_menu)
{
    struct menu *m = user_alloc(&menu_ops, sizeof(*m), ctx->thread, &ctx->error);
    if (!m)
        return;
    m->popup = req->popup != 0;
    reply->handle = m->hdr.handle;
}

static uint32_t grow(struct menu *m)
{
    if (m->count < m->cap)
        return 0;
    if (m->count >= WH_MAX_MENU_ITEMS)
        return ERR_NOT_ENOUGH_MEMORY;
    struct menu_item *items = grow_array(m->items, m->count, &m->cap, sizeof(*items), 8);
    if (!items)
        return ERR_NOT_ENOUGH_MEMORY;
    m->items = items;
    return 0;
}

DECL_HANDLER(menu_insert)
{
    (void)reply;
    struct menu *m = get_menu(ctx, req->menu), *owner;
    if (!m)
        return;
    if (req->text_len != ctx->data_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    /* A submenu must be a menu. */
    if ((req->mask & MIIM_SUBMENU_) && req->submenu && !user_get(req->submenu, WH_USER_MENU)) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    int64_t pos;
    if (req->by_position) {
        owner = m;
        pos = req->item < m->count ? req->item : m->count; /* past the end appends */
    } else if ((pos = find_by_command(m, req->item, &owner)) < 0) {
        ctx->error = ERR_MENU_ITEM_NOT_FOUND;
        return;
    }
    /* No menu inside itself: the submenu must not hold the menu it goes
     * into (Wine fails leaving the last error alone; Microsoft says
     * nothing). */
    struct menu *sub = (req->mask & MIIM_SUBMENU_) && req->submenu
                           ? (struct menu *)user_get(req->submenu, WH_USER_MENU) : NULL;
    if (sub && (search_count++, reaches(sub, owner, 0))) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    if ((ctx->error = grow(owner)))
        return;
    struct menu_item it = { 0 };
    if (req->mask & (MIIM_TYPE_ | MIIM_FTYPE_))
        it.type = req->type;
    if (req->mask & MIIM_STATE_)
        it.state = req->state;
    if (req->mask & MIIM_ID_)
        it.id = req->id;
    if (req->mask & MIIM_SUBMENU_)
        it.submenu = req->submenu;
    if (req->mask & MIIM_DATA_)
        it.data = req->data;
    if (req->mask & MIIM_BITMAP_)
        it.bitmap = req->bitmap;
    if ((req->mask & (MIIM_STRING_ | MIIM_TYPE_)) && req->text_len) {
        if (!(it.text = malloc(req->text_len))) {
            ctx->error = ERR_NOT_ENOUGH_MEMORY;
            return;
        }
        memcpy(it.text, ctx->data, req->text_len);
        it.text_len = req->text_len;
    }
    memmove(&owner->items[pos + 1], &owner->items[pos],
            (owner->count - (uint32_t)pos) * sizeof(it));
    owner->items[pos] = it;
    owner->count++;
}

DECL_HANDLER(menu_get_item)
{
    struct menu *owner;
    int64_t pos = locate(ctx, req->menu, req->item, req->by_position, &owner);
    if (pos < 0)
        return;
    const struct menu_item *it = &owner->items[pos];
    struct menu *sub = it->submenu ? (struct menu *)user_get(it->submenu, WH_USER_MENU) : NULL;
    reply->type = it->type;
    reply->state = it->state;
    reply->id = it->id;
    reply->submenu = sub ? it->submenu : 0; /* a destroyed submenu is gone */
    reply->submenu_count = sub ? sub->count : 0;
    reply->data = it->data;
    reply->bitmap = it->bitmap;
    reply->menu = owner->hdr.handle;
    if (it->text_len) {
        char *out = reply_append(ctx, it->text_len);
        if (out)
            memcpy(out, it->text, it->text_len);
    }
}

DECL_HANDLER(menu_count)
{
    struct menu *m = get_menu(ctx, req->menu);
    if (m)
        reply->count = m->count;
}

DECL_HANDLER(menu_remove)
{
    (void)reply;
    struct menu *owner;
    int64_t pos = locate(ctx, req->menu, req->item, req->by_position, &owner);
    if (pos < 0)
        return;
    struct menu_item it = owner->items[pos];
    memmove(&owner->items[pos], &owner->items[pos + 1],
            (owner->count - (uint32_t)pos - 1) * sizeof(it));
    owner->count--;
    free(it.text);
    /* DeleteMenu destroys the submenu; RemoveMenu leaves it to the caller. */
    struct user_object *sub = req->destroy ? user_get(it.submenu, WH_USER_MENU) : NULL;
    if (sub)
        user_destroy(sub);
}
