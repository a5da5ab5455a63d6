/*
 * A window's state bits: shown (WS_VISIBLE), minimized, maximized,
 * disabled. One request reads them and changes them at once, so
 * ShowWindow and EnableWindow from two threads or processes never lose
 * each other's change, and says whether the window is visible on screen
 * as IsWindowVisible means it: it and every ancestor shown.
 */
#include "errors.h"
#include "window.h"

#define WS_VISIBLE_ 0x10000000u

static int visible_on_screen(const struct window *w)
{
    for (; w; w = w->parent)
        if (!(w->style & WS_VISIBLE_))
            return 0;
    return 1;
}

DECL_HANDLER(window_state)
{
    struct window *w = window_get(ctx, req->handle);
    if (!w)
        return;
    if ((req->set | req->clear) & ~WH_WINDOW_STATE_BITS) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    uint32_t style = (w->style & ~req->clear) | req->set;
    /* The desktop window is the session's, not the caller's. */
    if (w->is_root && style != w->style) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    reply->old_style = w->style;
    w->style = style;
    reply->visible = visible_on_screen(w);
}
