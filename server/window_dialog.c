/*
 * Dialog boxes: GetDlgItem's search, done here in one request rather
 * than by the library reading each child's id (a round trip apiece).
 * Any window's children are searched, as Windows does: a dialog is only
 * a window whose controls have ids.
 */
#include "errors.h"
#include "window.h"

#define ERR_CONTROL_ID_NOT_FOUND 1421u

struct window *dialog_item(struct request_ctx *ctx, uint32_t dialog, uint64_t id)
{
    struct window *w = window_get(ctx, dialog);
    if (!w)
        return NULL;
    struct list_entry *e;
    LIST_FOR_EACH(e, &w->children) {
        struct window *c = LIST_ENTRY(e, struct window, sibling);
        if ((uint32_t)c->id == (uint32_t)id)
            return c;
    }
    ctx->error = ERR_CONTROL_ID_NOT_FOUND;
    return NULL;
}

DECL_HANDLER(get_dialog_item)
{
    struct window *item = dialog_item(ctx, req->handle, req->id);
    if (item)
        reply->result = item->hdr.handle;
}
