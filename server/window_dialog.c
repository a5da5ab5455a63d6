/*
 * Dialog boxes: GetDlgItem's search, done here in one request rather
 * than by the library reading each child's id (a round trip apiece).
 * Any window's children are searched, as Windows does: a dialog is only
 * a window whose controls have ids.
 */
#include "errors.h"
#include "window.h"

#define ERR_CONTROL_ID_NOT_FOUND 1421u

DECL_HANDLER(get_dialog_item)
{
    struct window *w = window_get(ctx, req->handle);
    if (!w)
        return;
    struct list_entry *e;
    LIST_FOR_EACH(e, &w->children) {
        struct window *c = LIST_ENTRY(e, struct window, sibling);
        if ((uint32_t)c->id == (uint32_t)req->id) {
            reply->result = c->hdr.handle;
            return;
        }
    }
    ctx->error = ERR_CONTROL_ID_NOT_FOUND;
}
