#include "query.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/client.h"
#include "session.h"
#include "tool.h"

#define ERROR_INVALID_DATA_ 13u

int query_connect(const char *session_dir, struct wh_server_info_reply *info)
{
    int dir_state = session_dir_state(session_dir);
    if (dir_state <= 0)
        return dir_state == 0 ? EXIT_NO_SERVER : EXIT_FAILED;
    client_set_observer();
    struct wh_server_info_request req;
    uint32_t err = SERVER_CALL(server_info, &req, info, NULL, 0);
    if (err == WH_ERROR_NO_SERVER) {
        if (!session_socket_answers(session_dir))
            return EXIT_NO_SERVER;
        /* Something listens but the handshake failed: the library has
         * said why (another protocol version, most likely). */
        tool_error("the server in %s does not accept this inspector", session_dir);
        return EXIT_FAILED;
    }
    if (err) {
        tool_error("the server refused server_info (error %u)", err);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

int query_failed(uint32_t error, const char *what)
{
    if (error == WH_ERROR_NO_SERVER) {
        tool_error("the server went away");
        return EXIT_NO_SERVER;
    }
    if (error == ERROR_INVALID_DATA_)
        tool_error("%s: the server's answer does not add up", what);
    else
        tool_error("%s: error %u", what, error);
    return EXIT_FAILED;
}

/* ---- unpacking variable reply data ---- */

struct reader {
    const char *p;
    size_t left;
};

/* The next n bytes, or NULL when the reply is shorter. */
static const char *take(struct reader *r, size_t n)
{
    if (n > r->left)
        return NULL;
    const char *p = r->p;
    r->p += n;
    r->left -= n;
    return p;
}

/* A name of len bytes padded to 8, into out (WH_MAX_NAME_LEN + 1 bytes). */
static int take_name(struct reader *r, uint32_t len, char *out)
{
    if (len > WH_MAX_NAME_LEN)
        return -1;
    const char *p = take(r, WH_ALIGN8(len));
    if (!p)
        return -1;
    memcpy(out, p, len);
    out[len] = '\0';
    return 0;
}

/* A fixed record of at least size bytes (record_size as the server said,
 * so a longer record of a later server is stepped over whole). */
static int take_record(struct reader *r, uint32_t record_size, void *out, size_t size)
{
    if (record_size < size)
        return -1;
    const char *p = take(r, record_size);
    if (!p)
        return -1;
    memcpy(out, p, size);
    return 0;
}

/* ---- the list requests ---- */

/* What a list reply says of its records' sizes. */
struct list_layout {
    uint32_t count;
    uint32_t record_size;
    uint32_t holder_size; /* list_objects; list_handles: next, the page after */
    uint32_t reserved;
};

/* One kind of list: how big an unpacked item is, the smallest record the
 * server can send for one, and how to unpack and release one. */
struct list_kind {
    uint32_t reply_size; /* of the fixed reply: it is followed by the data */
    size_t item_size;
    uint32_t min_record;
    int (*take_item)(struct reader *r, const struct list_layout *l, void *item);
    void (*release_item)(void *item); /* NULL: nothing to release */
};

static void release_items(const struct list_kind *k, char *items, uint32_t n)
{
    for (uint32_t i = 0; k->release_item && i < n; i++)
        k->release_item(items + i * k->item_size);
    free(items);
}

/* Unpack l->count items; NULL when the data does not add up. The count is
 * checked against the data before anything is allocated for it. */
static void *take_items(struct reader *r, const struct list_layout *l,
                        const struct list_kind *k)
{
    if (l->count > r->left / k->min_record)
        return NULL;
    char *items = calloc(l->count ? l->count : 1, k->item_size);
    for (uint32_t i = 0; items && i < l->count; i++) {
        if (k->take_item(r, l, items + i * k->item_size) < 0) {
            release_items(k, items, i + 1);
            return NULL;
        }
    }
    return items;
}

/* Send a list request (its reply starts with count and record_size, and
 * list_objects adds holder_size) and unpack the items it returns. */
static uint32_t list_call_layout(uint32_t code, void *req, uint32_t req_size,
                                 const struct list_kind *k, void **out, uint32_t *count,
                                 struct list_layout *layout)
{
    struct {
        struct wh_reply_header header;
        struct list_layout layout; /* the tail past k->reply_size stays 0 */
    } reply;
    void *var;
    uint32_t var_len;
    *out = NULL;
    *count = 0;
    memset(&reply, 0, sizeof(reply));
    uint32_t err = server_call(code, req, req_size, NULL, 0, &reply, k->reply_size,
                               &var, &var_len);
    if (err)
        return err;
    struct reader r = { var, var_len };
    *out = take_items(&r, &reply.layout, k);
    free(var);
    if (!*out)
        return ERROR_INVALID_DATA_;
    *count = reply.layout.count;
    if (layout)
        *layout = reply.layout;
    return 0;
}

static uint32_t list_call(uint32_t code, void *req, uint32_t req_size,
                          const struct list_kind *k, void **out, uint32_t *count)
{
    return list_call_layout(code, req, req_size, k, out, count, NULL);
}

static int take_process(struct reader *r, const struct list_layout *l, void *item)
{
    struct process_info *p = item;
    if (take_record(r, l->record_size, &p->rec, sizeof(p->rec)) < 0)
        return -1;
    memcpy(p->name, p->rec.name, sizeof(p->rec.name));
    p->name[sizeof(p->rec.name)] = '\0';
    return 0;
}

static int take_handle(struct reader *r, const struct list_layout *l, void *item)
{
    struct handle_info *h = item;
    return take_record(r, l->record_size, &h->rec, sizeof(h->rec)) < 0 ||
                   take_name(r, h->rec.name_len, h->name) < 0
               ? -1
               : 0;
}

/* An object record, its name and its holders. */
static int take_object(struct reader *r, const struct list_layout *l, void *item)
{
    struct object_info *o = item;
    if (take_record(r, l->record_size, &o->rec, sizeof(o->rec)) < 0 ||
        take_name(r, o->rec.name_len, o->name) < 0 ||
        l->holder_size < sizeof(struct wh_holder_record) ||
        o->rec.holder_count > r->left / l->holder_size)
        return -1;
    o->holders = calloc(o->rec.holder_count ? o->rec.holder_count : 1,
                        sizeof(*o->holders));
    if (!o->holders)
        return -1;
    for (uint32_t i = 0; i < o->rec.holder_count; i++)
        take_record(r, l->holder_size, &o->holders[i], sizeof(o->holders[i]));
    return 0;
}

static void release_object(void *item)
{
    free(((struct object_info *)item)->holders);
}

static const struct list_kind process_kind = {
    sizeof(struct wh_list_processes_reply), sizeof(struct process_info),
    sizeof(struct wh_process_record), take_process, NULL };
static const struct list_kind handle_kind = {
    sizeof(struct wh_list_handles_reply), sizeof(struct handle_info),
    sizeof(struct wh_handle_record), take_handle, NULL };
static int take_user(struct reader *r, const struct list_layout *l, void *item)
{
    struct wh_user_record *u = item;
    if (take_record(r, l->record_size, u, sizeof(*u)) < 0)
        return -1;
    u->summary[sizeof(u->summary) - 1] = '\0'; /* never trust the server's NUL */
    return 0;
}

static const struct list_kind user_kind = {
    sizeof(struct wh_list_user_objects_reply), sizeof(struct wh_user_record),
    sizeof(struct wh_user_record), take_user, NULL };
static int take_gdi(struct reader *r, const struct list_layout *l, void *item)
{
    struct wh_gdi_record *g = item;
    if (take_record(r, l->record_size, g, sizeof(*g)) < 0)
        return -1;
    g->summary[sizeof(g->summary) - 1] = '\0';
    return 0;
}

static const struct list_kind gdi_kind = {
    sizeof(struct wh_list_gdi_objects_reply), sizeof(struct wh_gdi_record),
    sizeof(struct wh_gdi_record), take_gdi, NULL };
static int take_refusal(struct reader *r, const struct list_layout *l, void *item)
{
    struct wh_refusal_record *f = item;
    if (take_record(r, l->record_size, f, sizeof(*f)) < 0)
        return -1;
    f->caller_desktop[WH_MAX_DESKTOP_NAME] = '\0';
    f->object_desktop[WH_MAX_DESKTOP_NAME] = '\0';
    return 0;
}

static const struct list_kind refusal_kind = {
    sizeof(struct wh_list_refusals_reply), sizeof(struct wh_refusal_record),
    sizeof(struct wh_refusal_record), take_refusal, NULL };
static const struct list_kind object_kind = {
    sizeof(struct wh_list_objects_reply), sizeof(struct object_info),
    sizeof(struct wh_object_record), take_object, release_object };

/* The reply layouts list_call reads must be the protocol's, and its reply
 * buffer must hold the largest of them. */
_Static_assert(sizeof(struct wh_reply_header) + sizeof(struct list_layout) ==
               sizeof(struct wh_list_objects_reply), "layout");
_Static_assert(sizeof(struct wh_list_processes_reply) ==
               sizeof(struct wh_reply_header) + 2 * sizeof(uint32_t), "layout");
_Static_assert(sizeof(struct wh_list_handles_reply) ==
               sizeof(struct wh_reply_header) + sizeof(struct list_layout), "layout");
_Static_assert(offsetof(struct wh_list_handles_reply, next) ==
               sizeof(struct wh_reply_header) + offsetof(struct list_layout, holder_size),
               "layout");
_Static_assert(sizeof(struct wh_list_user_objects_reply) ==
               sizeof(struct wh_reply_header) + 2 * sizeof(uint32_t), "layout");
_Static_assert(sizeof(struct wh_list_refusals_reply) ==
               sizeof(struct wh_reply_header) + 2 * sizeof(uint32_t), "layout");
_Static_assert(sizeof(struct wh_list_gdi_objects_reply) ==
               sizeof(struct wh_reply_header) + 2 * sizeof(uint32_t), "layout");
_Static_assert(offsetof(struct wh_list_objects_reply, holder_size) ==
               sizeof(struct wh_reply_header) + offsetof(struct list_layout, holder_size),
               "layout");

uint32_t query_processes(struct process_info **out, uint32_t *count)
{
    struct wh_list_processes_request req;
    void *items;
    uint32_t err = list_call(WH_REQ_list_processes, &req, sizeof(req), &process_kind,
                             &items, count);
    *out = items;
    return err;
}

/* Page after page (list_handles), appended into one array. A next that
 * does not move forward is a confused server: stop there. */
uint32_t query_handles(uint32_t pid, struct handle_info **out, uint32_t *count)
{
    struct wh_list_handles_request req = { .pid = pid };
    struct handle_info *all = NULL;
    uint32_t total = 0;
    *out = NULL;
    *count = 0;
    for (;;) {
        void *items;
        uint32_t n;
        struct list_layout layout;
        uint32_t err = list_call_layout(WH_REQ_list_handles, &req, sizeof(req), &handle_kind,
                                        &items, &n, &layout);
        if (err) {
            free(all);
            return err;
        }
        struct handle_info *grown = n ? realloc(all, (size_t)(total + n) * sizeof(*all)) : all;
        if (n && !grown) {
            free(items);
            free(all);
            return 8u; /* ERROR_NOT_ENOUGH_MEMORY */
        }
        all = grown;
        if (n)
            memcpy(all + total, items, (size_t)n * sizeof(*all));
        total += n;
        free(items);
        if (!layout.holder_size || layout.holder_size <= req.start)
            break;
        req.start = layout.holder_size;
    }
    *out = all ? all : calloc(1, sizeof(*all));
    *count = total;
    return *out ? 0 : 8u;
}

uint32_t query_objects(uint32_t type, struct object_info **out, uint32_t *count)
{
    struct wh_list_objects_request req = { .type = type };
    void *items;
    uint32_t err = list_call(WH_REQ_list_objects, &req, sizeof(req), &object_kind,
                             &items, count);
    *out = items;
    return err;
}

uint32_t query_user_objects(uint32_t type, struct wh_user_record **out, uint32_t *count)
{
    struct wh_list_user_objects_request req = { .type = type };
    void *items;
    uint32_t err = list_call(WH_REQ_list_user_objects, &req, sizeof(req), &user_kind,
                             &items, count);
    *out = items;
    return err;
}

uint32_t query_refusals(struct wh_refusal_record **out, uint32_t *count)
{
    struct wh_list_refusals_request req;
    void *items;
    uint32_t err = list_call(WH_REQ_list_refusals, &req, sizeof(req), &refusal_kind, &items,
                             count);
    *out = items;
    return err;
}

uint32_t query_user_table(uint32_t *used, uint32_t *capacity,
                          uint32_t counts[WH_USER_TYPE_COUNT])
{
    struct wh_user_table_info_request req;
    struct wh_user_table_info_reply reply;
    void *var;
    uint32_t var_len;
    memset(counts, 0, WH_USER_TYPE_COUNT * sizeof(counts[0]));
    uint32_t err = server_call(WH_REQ_user_table_info, &req, sizeof(req), NULL, 0, &reply,
                               sizeof(reply), &var, &var_len);
    if (err)
        return err;
    /* An older or newer server may know fewer or more types: take what
     * both know. */
    uint32_t n = var_len / sizeof(uint32_t);
    memcpy(counts, var, (n < WH_USER_TYPE_COUNT ? n : WH_USER_TYPE_COUNT) * sizeof(uint32_t));
    free(var);
    *used = reply.used;
    *capacity = reply.capacity;
    return 0;
}

uint32_t query_gdi_objects(uint32_t pid, struct wh_gdi_record **out, uint32_t *count)
{
    struct wh_list_gdi_objects_request req = { .pid = pid };
    void *items;
    uint32_t err = list_call(WH_REQ_list_gdi_objects, &req, sizeof(req), &gdi_kind, &items,
                             count);
    *out = items;
    return err;
}

uint32_t query_gdi_table(struct wh_gdi_table_info_reply *info,
                         uint32_t counts[WH_GDI_TYPE_COUNT])
{
    struct wh_gdi_table_info_request req;
    void *var;
    uint32_t var_len;
    memset(counts, 0, WH_GDI_TYPE_COUNT * sizeof(counts[0]));
    uint32_t err = server_call(WH_REQ_gdi_table_info, &req, sizeof(req), NULL, 0, info,
                               sizeof(*info), &var, &var_len);
    if (err)
        return err;
    uint32_t n = var_len / sizeof(uint32_t);
    memcpy(counts, var, (n < WH_GDI_TYPE_COUNT ? n : WH_GDI_TYPE_COUNT) * sizeof(uint32_t));
    free(var);
    return 0;
}

void free_objects(struct object_info *objects, uint32_t count)
{
    release_items(&object_kind, (char *)objects, objects ? count : 0);
}

uint32_t query_shutdown(void)
{
    struct wh_shutdown_request req;
    struct wh_shutdown_reply reply;
    return SERVER_CALL(shutdown, &req, &reply, NULL, 0);
}
