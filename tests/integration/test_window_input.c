/*
 * Hostile window requests: what the library never sends, sent straight to
 * the server through its transport, and window graphs no program makes
 * (a long owner chain, nesting past the limit). Each gets an error reply
 * or works, and the server goes on serving (the harness also fails the
 * test if the server logged an error or a sanitizer spoke).
 */
#include <stdio.h>
#include <string.h>

#include <windows.h>

#include "protocol.h"
#include "tap.h"

/* The library's transport (lib/client.h), not public API. */
uint32_t server_call(uint32_t code, void *req, uint32_t req_size, const void *data,
                     uint32_t data_len, void *reply, uint32_t rep_size, void **var,
                     uint32_t *var_len);

#define CALL(name, req, rep, data, len)                                        \
    server_call(WH_REQ_##name, (req), sizeof(*(req)), (data), (len), (rep), sizeof(*(rep)), 0, 0)

#define CHAIN 3000

static HWND chain[CHAIN];

int main(void)
{
    WNDCLASSA wc = { .lpfnWndProc = DefWindowProcA, .lpszClassName = "hostile" };
    RegisterClassA(&wc);
    HWND top = CreateWindowExA(0, "hostile", "t", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);
    uint32_t t = (uint32_t)(ULONG_PTR)top;

    struct wh_create_window_request cw = { .class_len = 10 };
    struct wh_create_window_reply cwr;
    ok(CALL(create_window, &cw, &cwr, "abc", 3) == ERROR_INVALID_PARAMETER,
       "create_window: class_len past the data");
    cw.class_len = 0;
    ok(CALL(create_window, &cw, &cwr, NULL, 0) == ERROR_INVALID_PARAMETER,
       "create_window: no class name");
    cw = (struct wh_create_window_request){ .class_len = 1, .extra = 0xffffffffu };
    ok(CALL(create_window, &cw, &cwr, "x", 1) == ERROR_INVALID_PARAMETER,
       "create_window: 4 GiB of extra bytes");
    cw = (struct wh_create_window_request){ .class_len = 1, .style = WS_CHILD,
                                            .parent = (uint32_t)(ULONG_PTR)CreateMenu() };
    ok(CALL(create_window, &cw, &cwr, "x", 1) == ERROR_INVALID_WINDOW_HANDLE,
       "create_window: a menu as parent");

    struct wh_window_long_request wl = { .handle = t, .index = 0x7ffffffc, .size = 8 };
    struct wh_window_long_reply wlr;
    ok(CALL(window_long, &wl, &wlr, NULL, 0) == ERROR_INVALID_INDEX,
       "window_long: an offset near 2^31");
    wl = (struct wh_window_long_request){ .handle = t, .index = GWL_STYLE, .size = 3 };
    ok(CALL(window_long, &wl, &wlr, NULL, 0) == ERROR_INVALID_PARAMETER, "window_long: size 3");

    struct wh_set_window_text_request st = { .handle = t, .len = 100 };
    struct wh_set_window_text_reply str;
    ok(CALL(set_window_text, &st, &str, "abc", 3) == ERROR_INVALID_PARAMETER,
       "set_window_text: len past the data");
    struct wh_get_window_text_request gt = { .handle = t, .max = 0xffffffffu };
    struct wh_get_window_text_reply gtr;
    ok(CALL(get_window_text, &gt, &gtr, NULL, 0) == 0, "get_window_text: a huge max is fine");
    struct wh_get_window_relative_request gr = { .handle = t, .cmd = 77 };
    struct wh_get_window_relative_reply grr;
    ok(CALL(get_window_relative, &gr, &grr, NULL, 0) == ERROR_INVALID_PARAMETER,
       "get_window_relative: no such command");
    struct wh_list_windows_request lw = { .handle = t, .kind = 9 };
    struct wh_list_windows_reply lwr;
    ok(CALL(list_windows, &lw, &lwr, NULL, 0) == ERROR_INVALID_PARAMETER,
       "list_windows: no such kind");
    struct wh_set_window_pos_request sp = { .handle = t, .after = t, .cx = -5, .cy = -5 };
    struct wh_set_window_pos_reply spr;
    ok(CALL(set_window_pos, &sp, &spr, NULL, 0) == 0, "set_window_pos: after itself, sizes < 0");
    struct wh_destroy_window_request dw = { .handle = (uint32_t)(ULONG_PTR)GetDesktopWindow() };
    struct wh_destroy_window_reply dwr;
    ok(CALL(destroy_window, &dw, &dwr, NULL, 0) == ERROR_ACCESS_DENIED,
       "destroy_window: the desktop");

    /* Nesting stops at Windows' limit instead of growing the server's
     * walks without bound. */
    HWND parent = top;
    int depth = 0;
    while (depth < 100) {
        HWND c = CreateWindowExA(0, "hostile", "c", WS_CHILD, 0, 0, 1, 1, parent, NULL, NULL,
                                 NULL);
        if (!c)
            break;
        parent = c;
        depth++;
    }
    ok(depth > 10 && depth < 100, "children nest to a limit (%d levels)", depth);

    /* A long owner chain: destroying its head takes every window with it
     * and needs no deep recursion in the server. */
    chain[0] = top;
    int made = 1;
    for (; made < CHAIN; made++)
        if (!(chain[made] = CreateWindowExA(0, "hostile", "o", WS_POPUP, 0, 0, 1, 1,
                                            chain[made - 1], NULL, NULL, NULL)))
            break;
    ok(made == CHAIN, "an owner chain of %d windows", made);
    dw.handle = t;
    ok(CALL(destroy_window, &dw, &dwr, NULL, 0) == 0, "destroyed from its head in the server");
    ok(!IsWindow(chain[CHAIN - 1]) && !IsWindow(parent), "with every owned window and child");

    ok(CreateWindowExA(0, "hostile", "t", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL) != NULL,
       "the server goes on serving");
    return tap_done();
}
