/*
 * Hostile USER requests: what the library never sends, sent straight to
 * the server through its transport. Each gets an error reply, and the
 * server goes on serving (the harness also fails the test if the server
 * logged an error or a sanitizer spoke).
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

int main(void)
{
    HMENU menu = CreateMenu();
    uint32_t m = (uint32_t)(ULONG_PTR)menu;

    struct wh_menu_insert_request mi = { .menu = m, .mask = MIIM_STRING, .text_len = 10 };
    struct wh_menu_insert_reply mir;
    ok(CALL(menu_insert, &mi, &mir, "abc", 3) == ERROR_INVALID_PARAMETER,
       "menu_insert: text_len that is not the data's length");
    mi = (struct wh_menu_insert_request){ .menu = m, .mask = MIIM_SUBMENU, .submenu = 0x12345 };
    ok(CALL(menu_insert, &mi, &mir, NULL, 0) == ERROR_INVALID_PARAMETER,
       "menu_insert: a submenu that is no menu");
    mi = (struct wh_menu_insert_request){ .menu = 0xdead0000, .mask = MIIM_ID };
    ok(CALL(menu_insert, &mi, &mir, NULL, 0) == ERROR_INVALID_MENU_HANDLE,
       "menu_insert: no such menu");
    struct wh_menu_get_item_request gi = { .menu = m, .item = 0xffffffff, .by_position = 1 };
    struct wh_menu_get_item_reply gir;
    ok(CALL(menu_get_item, &gi, &gir, NULL, 0) == ERROR_MENU_ITEM_NOT_FOUND,
       "menu_get_item: a position far past the end");

    struct wh_create_accel_request ca = { .count = 0 };
    struct wh_create_accel_reply car;
    ok(CALL(create_accel, &ca, &car, NULL, 0) == ERROR_INVALID_PARAMETER, "create_accel: none");
    ca.count = 0x10000000;
    ok(CALL(create_accel, &ca, &car, NULL, 0) == ERROR_INVALID_PARAMETER,
       "create_accel: a count that would overflow");
    ca.count = 2;
    ok(CALL(create_accel, &ca, &car, "12345678", 8) == ERROR_INVALID_PARAMETER,
       "create_accel: fewer records than counted");

    struct wh_create_cursor_request cc = { .width = 1000, .height = 1, .planes = 1, .bpp = 1 };
    struct wh_create_cursor_reply ccr;
    ok(CALL(create_cursor, &cc, &ccr, NULL, 0) == ERROR_INVALID_PARAMETER,
       "create_cursor: too wide");
    cc = (struct wh_create_cursor_request){ .width = 4, .height = 4, .planes = 1, .bpp = 1,
                                            .and_len = 0xffffffff, .xor_len = 2 };
    ok(CALL(create_cursor, &cc, &ccr, "x", 1) == ERROR_INVALID_PARAMETER,
       "create_cursor: lengths that wrap around");
    struct wh_load_system_cursor_request ls = { .id = 0xffffffff };
    struct wh_load_system_cursor_reply lsr;
    ok(CALL(load_system_cursor, &ls, &lsr, NULL, 0) != 0, "load_system_cursor: no such id");

    struct wh_user_check_request uc = { .handle = m, .type = 99 };
    struct wh_user_check_reply ucr;
    ok(CALL(user_check, &uc, &ucr, NULL, 0) == ERROR_INVALID_PARAMETER, "user_check: bad type");
    struct wh_user_destroy_request ud = { .handle = m, .type = WH_USER_FREE };
    struct wh_user_destroy_reply udr;
    ok(CALL(user_destroy, &ud, &udr, NULL, 0) == ERROR_INVALID_PARAMETER && IsMenu(menu),
       "user_destroy: a destroyer must name its type");
    struct wh_list_user_objects_request lu = { .reserved = 1 };
    struct wh_list_user_objects_reply lur;
    ok(CALL(list_user_objects, &lu, &lur, NULL, 0) == ERROR_INVALID_PARAMETER,
       "list_user_objects: reserved field set");

    struct wh_set_hook_request sh = { .id = -5, .proc = 1 };
    struct wh_set_hook_reply shr;
    ok(CALL(set_hook, &sh, &shr, NULL, 0) == ERROR_INVALID_HOOK_FILTER, "set_hook: bad type");
    struct wh_caret_op_request co = { .op = 99 };
    struct wh_caret_op_reply cor;
    ok(CALL(caret_op, &co, &cor, NULL, 0) == ERROR_INVALID_PARAMETER, "caret_op: bad op");
    struct wh_begin_dwp_request bd = { .count = -1 };
    struct wh_begin_dwp_reply bdr;
    ok(CALL(begin_dwp, &bd, &bdr, NULL, 0) == ERROR_INVALID_PARAMETER, "begin_dwp: negative");
    bd.count = 0x7fffffff;
    ok(CALL(begin_dwp, &bd, &bdr, NULL, 0) == 0 && EndDeferWindowPos((HDWP)(ULONG_PTR)bdr.handle),
       "begin_dwp: a huge hint costs nothing");
    struct wh_get_station_request gs = { .kind = 99 };
    struct wh_get_station_reply gsr;
    ok(CALL(get_station, &gs, &gsr, NULL, 0) == ERROR_INVALID_PARAMETER, "get_station: bad kind");
    struct wh_open_station_request os = { .kind = WH_TYPE_DESKTOP, .name_len = 50 };
    struct wh_open_station_reply osr;
    ok(CALL(open_station, &os, &osr, "Default", 7) == ERROR_INVALID_PARAMETER,
       "open_station: name_len that is not the data's length");

    DWORD inst = 0;
    DdeInitializeA(&inst, NULL, APPCMD_CLIENTONLY, 0);
    struct wh_dde_string_request ds = { .instance = inst, .op = WH_DDE_STR_CREATE, .len = 3 };
    struct wh_dde_string_reply dsr;
    ok(CALL(dde_string, &ds, &dsr, "a\0b", 3) == DMLERR_INVALIDPARAMETER,
       "dde_string: a NUL inside");
    char big[300];
    memset(big, 'a', sizeof(big));
    ds.len = sizeof(big);
    ok(CALL(dde_string, &ds, &dsr, big, sizeof(big)) == DMLERR_INVALIDPARAMETER,
       "dde_string: longer than an atom");
    ds = (struct wh_dde_string_request){ .instance = inst, .op = 77 };
    ok(CALL(dde_string, &ds, &dsr, NULL, 0) == DMLERR_INVALIDPARAMETER, "dde_string: bad op");
    struct wh_dde_next_work_request nw = { .instance = inst + 1000 };
    struct wh_dde_next_work_reply nwr;
    ok(CALL(dde_next_work, &nw, &nwr, NULL, 0) == DMLERR_INVALIDPARAMETER,
       "dde_next_work: an instance that is not the caller's");
    struct wh_dde_answer_request da = { .work = 424242, .result = 1 };
    struct wh_dde_answer_reply dar;
    ok(CALL(dde_answer, &da, &dar, NULL, 0) == 0, "dde_answer: unknown work is ignored");
    struct wh_dde_transaction_request dt = { .conv = m, .type = 0x20b0 };
    struct wh_dde_transaction_reply dtr;
    ok(CALL(dde_transaction, &dt, &dtr, NULL, 0) == DMLERR_INVALIDPARAMETER,
       "dde_transaction: a menu is no conversation");
    DWORD too_many = 0;
    for (int i = 0; i < 100; i++) {
        DWORD extra = 0;
        if (DdeInitializeA(&extra, NULL, APPCMD_CLIENTONLY, 0) != DMLERR_NO_ERROR)
            too_many++;
    }
    ok(too_many > 0, "a thread's DDE instances are bounded (%lu refused)",
       (unsigned long)too_many);

    ok(DestroyMenu(menu) && CreateMenu() != NULL, "the server goes on serving");
    return tap_done();
}
