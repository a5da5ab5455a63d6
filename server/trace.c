/*
 * Handle-leak tracing: the site table and the notes of traced requests
 * (trace.h, protocol/trace_requests.h).
 */
#include "trace.h"

#include <stdlib.h>
#include <string.h>

#include "connection.h"
#include "errors.h"
#include "handle.h"
#include "object.h"
#include "process.h"
#include "request.h"
#include "user.h"

/* A note kind of the server's own: a USER object made (its site is
 * attached like a handle's, and nothing goes back to the library). */
#define TRACE_USER_ALLOC 0x100u

struct connection *trace_conn;

/* ---- sites: interned text, counted by reference ---- */

struct site {
    char *text;      /* NULL when the slot is free */
    uint32_t len;
    uint32_t refs;
    uint32_t hash;
    uint32_t next;   /* next site (id) in the bucket, or the next free slot */
};

#define SITE_BUCKETS 1024u
/* A process that makes a million different backtraces must not make the
 * server keep gigabytes: past this many bytes, new sites are not kept. */
#define SITE_BYTES_MAX (64u << 20)

static struct site *sites;
static uint32_t site_count, site_cap, site_free;
static uint32_t buckets[SITE_BUCKETS];
static size_t site_bytes;

static uint32_t hash_text(const char *text, uint32_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (uint32_t i = 0; i < len; i++)
        h = (h ^ (uint8_t)text[i]) * 16777619u;
    return h;
}

static uint32_t site_slot(void)
{
    if (site_free) {
        uint32_t id = site_free;
        site_free = sites[id - 1].next;
        return id;
    }
    if (site_count == site_cap) {
        uint32_t cap = site_cap ? site_cap * 2 : 64;
        struct site *s = realloc(sites, cap * sizeof(*s));
        if (!s)
            return 0;
        sites = s;
        site_cap = cap;
    }
    return ++site_count;
}

/* The site with this text, with one more reference; 0 if it cannot be kept. */
static uint32_t site_intern(const char *text, uint32_t len)
{
    uint32_t h = hash_text(text, len);
    for (uint32_t id = buckets[h % SITE_BUCKETS]; id; id = sites[id - 1].next) {
        struct site *s = &sites[id - 1];
        if (s->hash == h && s->len == len && !memcmp(s->text, text, len)) {
            s->refs++;
            return id;
        }
    }
    if (!len || site_bytes + len > SITE_BYTES_MAX)
        return 0;
    char *copy = malloc(len);
    uint32_t id = copy ? site_slot() : 0;
    if (!id) {
        free(copy);
        return 0;
    }
    memcpy(copy, text, len);
    sites[id - 1] = (struct site){ .text = copy, .len = len, .refs = 1, .hash = h,
                                   .next = buckets[h % SITE_BUCKETS] };
    buckets[h % SITE_BUCKETS] = id;
    site_bytes += len;
    return id;
}

static uint32_t site_grab(uint32_t id)
{
    if (id)
        sites[id - 1].refs++;
    return id;
}

void trace_site_release(uint32_t id)
{
    if (!id || --sites[id - 1].refs)
        return;
    struct site *s = &sites[id - 1];
    uint32_t *link = &buckets[s->hash % SITE_BUCKETS];
    while (*link != id)
        link = &sites[*link - 1].next;
    *link = s->next;
    site_bytes -= s->len;
    free(s->text);
    s->text = NULL;
    s->next = site_free;
    site_free = id;
}

const char *trace_site_text(uint32_t id, uint32_t *len)
{
    if (!id) {
        *len = 0;
        return "";
    }
    *len = sites[id - 1].len;
    return sites[id - 1].text;
}

/* ---- notes of the running request ---- */

/* A request touches few handles (a wait names at most 64); notes past
 * this are dropped, which only loses sites, never correctness. */
#define MAX_NOTES 72u

struct note {
    uint32_t kind;      /* enum wh_trace_kind */
    uint32_t pid;       /* whose table */
    uint32_t handle;
    uint32_t type;
    uint32_t object_id;
    uint32_t site;      /* CLOSE: the closed handle's site (a reference) */
};

struct trace_log {
    uint32_t count;
    struct note notes[MAX_NOTES];
};

static void clear_notes(struct trace_log *log)
{
    for (uint32_t i = 0; i < log->count; i++)
        trace_site_release(log->notes[i].site);
    log->count = 0;
}

void trace_begin(struct connection *c, uint32_t code)
{
    if (c->trace_log && code != WH_REQ_trace_site)
        clear_notes(c->trace_log);
    /* trace_site itself looks handles up: those are not the program's. */
    trace_conn = code == WH_REQ_trace_site ? NULL : c;
}

uint32_t trace_pending(const struct connection *c)
{
    return c->trace_log ? c->trace_log->count : 0;
}

void trace_forget(struct connection *c)
{
    if (!c->trace_log)
        return;
    clear_notes(c->trace_log);
    free(c->trace_log);
    c->trace_log = NULL;
}

static struct process *table_process(struct handle_table *t)
{
    return (struct process *)((char *)t - offsetof(struct process, handles));
}

/* Room for one more note of the running request, or NULL. */
static struct note *new_note(void)
{
    struct connection *c = trace_conn;
    if (!c || c->closed || !c->process)
        return NULL;
    if (!c->trace_log && !(c->trace_log = calloc(1, sizeof(*c->trace_log))))
        return NULL;
    if (c->trace_log->count == MAX_NOTES)
        return NULL;
    struct note *n = &c->trace_log->notes[c->trace_log->count++];
    memset(n, 0, sizeof(*n));
    return n;
}

static int own_table(struct handle_table *t)
{
    return trace_conn && trace_conn->process && t == &trace_conn->process->handles;
}

void trace_note_alloc(struct handle_table *t, uint32_t handle, struct object *obj)
{
    struct note *n = new_note();
    if (!n)
        return;
    *n = (struct note){ .kind = WH_TRACE_ALLOC, .pid = table_process(t)->pid,
                        .handle = handle, .type = obj->ops->type,
                        .object_id = obj->id };
}

void trace_note_close(struct handle_table *t, struct handle_entry *e)
{
    uint32_t site = e->site;
    e->site = 0;
    struct note *n = own_table(t) ? new_note() : NULL;
    if (!n) {
        trace_site_release(site);
        return;
    }
    *n = (struct note){ .kind = WH_TRACE_CLOSE, .pid = trace_conn->process->pid,
                        .handle = handle_value(t, e), .type = e->obj->ops->type,
                        .object_id = e->obj->id, .site = site };
}

void trace_note_invalid(struct handle_table *t, uint32_t handle, uint32_t kind,
                        struct object *obj)
{
    struct note *n = own_table(t) ? new_note() : NULL;
    if (!n)
        return;
    *n = (struct note){ .kind = kind, .pid = trace_conn->process->pid,
                        .handle = handle, .type = obj ? obj->ops->type : 0,
                        .object_id = obj ? obj->id : 0 };
}

void trace_note_user_alloc(struct user_object *obj)
{
    struct note *n = new_note();
    if (!n)
        return;
    *n = (struct note){ .kind = TRACE_USER_ALLOC, .handle = obj->handle,
                        .type = obj->ops->type };
}

void trace_note_user_close(struct user_object *obj)
{
    uint32_t site = obj->site;
    obj->site = 0;
    struct note *n = new_note();
    if (!n) {
        trace_site_release(site);
        return;
    }
    *n = (struct note){ .kind = WH_TRACE_USER_CLOSE, .handle = obj->handle,
                        .type = obj->ops->type, .site = site };
}

void trace_note_user_invalid(uint32_t handle, uint32_t type)
{
    struct note *n = new_note();
    if (n)
        *n = (struct note){ .kind = WH_TRACE_USER_INVALID, .handle = handle, .type = type };
}

/* ---- requests ---- */

static void attach_user_site(const struct note *n, const char *text, uint32_t len,
                             uint32_t *site)
{
    /* The uniqueness in the value tells a reused entry from the object. */
    struct user_object *obj = user_get(n->handle, (enum wh_user_type)n->type);
    if (!obj || obj->site)
        return;
    if (!*site)
        *site = site_intern(text, len);
    obj->site = site_grab(*site);
}

static void attach_site(const struct note *n, const char *text, uint32_t len,
                        uint32_t *site)
{
    if (n->kind == TRACE_USER_ALLOC) {
        attach_user_site(n, text, len, site);
        return;
    }
    struct process *p = find_process(n->pid);
    struct handle_entry *e = p ? handle_lookup(&p->handles, n->handle) : NULL;
    /* The handle may have gone (or its slot been reused) since. */
    if (!e || e->obj->id != n->object_id || e->site)
        return;
    if (!*site)
        *site = site_intern(text, len);
    e->site = site_grab(*site);
}

static int append_event(struct request_ctx *ctx, const struct note *n)
{
    uint32_t len;
    int closed = n->kind == WH_TRACE_CLOSE || n->kind == WH_TRACE_USER_CLOSE;
    const char *text = trace_site_text(closed ? n->site : 0, &len);
    struct wh_trace_event *ev = reply_append(ctx, sizeof(*ev) + WH_ALIGN8(len));
    if (!ev)
        return -1;
    memset(ev, 0, sizeof(*ev) + WH_ALIGN8(len));
    *ev = (struct wh_trace_event){ .kind = n->kind, .handle = n->handle,
                                   .type = n->type, .text_len = len };
    memcpy(ev + 1, text, len);
    return 0;
}

DECL_HANDLER(trace_site)
{
    struct trace_log *log = ctx->conn->trace_log;
    reply->record_size = sizeof(struct wh_trace_event);
    if (req->reserved || ctx->data_len > WH_MAX_SITE_LEN) {
        ctx->error = ERR_INVALID_PARAMETER;
    } else if (log && ctx->process) {
        uint32_t site = 0;
        for (uint32_t i = 0; i < log->count; i++) {
            const struct note *n = &log->notes[i];
            if (n->kind == WH_TRACE_ALLOC || n->kind == TRACE_USER_ALLOC)
                attach_site(n, ctx->data, ctx->data_len, &site);
            /* Allocations in other tables are not the caller's to know. */
            if ((n->kind == WH_TRACE_ALLOC && n->pid != ctx->process->pid) ||
                n->kind == TRACE_USER_ALLOC)
                continue;
            if (append_event(ctx, n) < 0)
                break;
            reply->count++;
        }
        trace_site_release(site); /* the handles hold their own references */
    }
    if (log)
        clear_notes(log);
}

static int append_site(struct request_ctx *ctx, uint32_t handle, uint32_t type,
                       uint32_t object_id, uint32_t site)
{
    uint32_t len;
    const char *text = trace_site_text(site, &len);
    struct wh_site_record *r = reply_append(ctx, sizeof(*r) + WH_ALIGN8(len));
    if (!r)
        return -1;
    memset(r, 0, sizeof(*r) + WH_ALIGN8(len));
    *r = (struct wh_site_record){ .handle = handle, .type = type,
                                  .object_id = object_id, .text_len = len };
    memcpy(r + 1, text, len);
    return 0;
}

DECL_HANDLER(list_handle_sites)
{
    struct process *p = req->pid ? find_process(req->pid) : ctx->process;
    if (!p) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    reply->record_size = sizeof(struct wh_site_record);
    struct handle_table *t = &p->handles;
    for (uint32_t i = 0; i < t->top; i++) {
        struct handle_entry *e = &t->entries[i];
        if (!e->obj || !e->site)
            continue;
        if (append_site(ctx, handle_value(t, e), e->obj->ops->type, e->obj->id, e->site) < 0)
            return;
        reply->count++;
    }
    for (uint32_t i = 0; i < USER_TABLE_SIZE; i++) {
        struct user_object *obj = user_at(i);
        if (!obj || !obj->site || obj->owner_pid != p->pid)
            continue;
        if (append_site(ctx, obj->handle, WH_SITE_USER | obj->ops->type, 0, obj->site) < 0)
            return;
        reply->count++;
    }
}
