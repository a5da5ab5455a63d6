/*
 * DDE: the broker between DDEML instances of the session's processes.
 *
 * Windows runs DDEML on window messages: a conversation is a pair of
 * hidden windows, and a server's callback runs when its thread dispatches
 * their messages. winhandle posts no window messages, so the server does
 * the windows' part: it queues the work meant for an instance (connect,
 * request, poke, execute, notifications), which signals the thread's
 * message queue (queue.c) while it waits, and the instance's thread takes
 * it from its message loop or any DDEML call (the library's pump runs
 * the callback there, on the right thread, and answers). The client's DdeConnect or
 * DdeClientTransaction is a deferred request: it returns once the answer
 * comes, or when its timeout passes, or when the other side goes.
 *
 * A conversation is a pair of USER objects (WH_USER_DDE_CONV), one per
 * side, each owned by its side's thread, linked by handle. Destroying one
 * (DdeDisconnect, DdeUninitialize, its thread's end) tells the other side
 * with XTYP_DISCONNECT.
 */
#include <stdlib.h>
#include <string.h>

#include "connection.h"
#include "dde.h"
#include "errors.h"
#include "loop.h"
#include "process.h"
#include "queue.h"
#include "request.h"
#include "thread.h"
#include "user.h"

#define DMLERR_DATAACKTIMEOUT 0x4002u
#define DMLERR_DLL_NOT_INITIALIZED 0x4003u
#define DMLERR_EXECACKTIMEOUT 0x4005u
#define DMLERR_INVALIDPARAMETER 0x4006u
#define DMLERR_LOW_MEMORY 0x4007u
#define DMLERR_NOTPROCESSED 0x4009u
#define DMLERR_NO_CONV_ESTABLISHED 0x400au
#define DMLERR_POKEACKTIMEOUT 0x400bu
#define DMLERR_BUSY 0x4001u

#define XTYP_EXECUTE 0x4050u
#define XTYP_CONNECT 0x1062u
#define XTYP_CONNECT_CONFIRM 0x8072u
#define XTYP_POKE 0x4090u
#define XTYP_REQUEST 0x20b0u
#define XTYP_DISCONNECT 0x80c2u
#define XTYP_REGISTER 0x80a2u

#define DNS_REGISTER 1u
#define DNS_UNREGISTER 2u
#define APPCMD_CLIENTONLY 0x10u
#define CBF_FAIL_CONNECTIONS 0x2000u
#define CBF_FAIL_EXECUTES 0x8000u
#define CBF_FAIL_POKES 0x10000u
#define CBF_FAIL_REQUESTS 0x20000u
#define CBF_SKIP_CONNECT_CONFIRMS 0x40000u
#define CBF_SKIP_DISCONNECTS 0x200000u
#define DDE_FACK 0x8000u
#define DDE_FBUSY 0x4000u
#define TIMEOUT_ASYNC 0xffffffffu

#define MAX_SERVICES 32u
/* Work queued for one instance that has not taken it: a bound on what a
 * client can make a stalled server hold. */
#define MAX_QUEUED 1024u

struct dde_instance {
    struct list_entry link;
    uint32_t id;
    struct thread *thread; /* a reference */
    uint64_t callback;
    uint32_t flags;
    uint32_t services[MAX_SERVICES];
    uint32_t nservices;
    uint32_t queued;
};

enum work_kind { WORK_NOTIFY, WORK_CONNECT, WORK_TRANSACTION };

struct dde_work {
    struct list_entry link; /* all work, oldest first */
    uint32_t id;
    enum work_kind kind;
    struct dde_instance *to;
    int handed;             /* taken by the instance's thread, not answered */
    uint32_t type, format, conv, hsz1, hsz2;
    char *data;
    uint32_t len;
    int has_data;
    /* The waiting caller (connect and transactions). */
    struct thread *caller;  /* a reference */
    struct connection *conn;
    struct timeout timeout;
    uint32_t caller_instance;
};

struct dde_conv {
    struct user_object hdr;
    uint32_t instance; /* this side's */
    uint32_t partner;  /* the other side's conversation, 0 once it went */
    uint32_t service, topic;
    int client;
};

static struct list_entry instances = LIST_INIT(instances);
static struct list_entry works = LIST_INIT(works);
static uint32_t last_instance_id, last_work_id;

static struct dde_instance *find_instance(uint32_t id)
{
    struct list_entry *e;
    LIST_FOR_EACH(e, &instances) {
        struct dde_instance *inst = LIST_ENTRY(e, struct dde_instance, link);
        if (inst->id == id)
            return inst;
    }
    return NULL;
}

/* The caller's own instance, or NULL with the request's error set. */
static struct dde_instance *own_instance(struct request_ctx *ctx, uint32_t id)
{
    struct dde_instance *inst = find_instance(id);
    if (!inst || inst->thread != ctx->thread) {
        ctx->error = id ? DMLERR_INVALIDPARAMETER : DMLERR_DLL_NOT_INITIALIZED;
        return NULL;
    }
    return inst;
}

/* ---- work ---- */

static void free_work(struct dde_work *w)
{
    list_remove(&w->link);
    timeout_cancel(&w->timeout);
    if (w->to)
        w->to->queued -= !w->handed;
    if (w->caller)
        release_object(&w->caller->obj);
    free(w->data);
    free(w);
}

/* Answer the waiting caller (if any) and forget the work. */
static void finish_work(struct dde_work *w, uint32_t error, const void *fixed,
                        uint32_t fixed_size, const void *var, uint32_t var_len)
{
    if (w->conn && w->caller && w->caller->alive)
        connection_reply(w->conn, error, fixed, fixed_size, var, var_len);
    free_work(w);
}

static void fail_work(struct dde_work *w, uint32_t error)
{
    if (w->kind == WORK_CONNECT) {
        struct wh_dde_connect_reply reply = { .header = { 0 } };
        finish_work(w, error, &reply, sizeof(reply), NULL, 0);
    } else if (w->kind == WORK_TRANSACTION) {
        struct wh_dde_transaction_reply reply = { .header = { 0 } };
        finish_work(w, error, &reply, sizeof(reply), NULL, 0);
    } else {
        free_work(w);
    }
}

static void work_timed_out(struct timeout *t)
{
    struct dde_work *w = (struct dde_work *)((char *)t - offsetof(struct dde_work, timeout));
    uint32_t error = DMLERR_NO_CONV_ESTABLISHED;
    if (w->kind == WORK_TRANSACTION)
        error = w->type == XTYP_REQUEST ? DMLERR_DATAACKTIMEOUT
                : w->type == XTYP_POKE  ? DMLERR_POKEACKTIMEOUT
                                        : DMLERR_EXECACKTIMEOUT;
    fail_work(w, error);
}

static struct dde_work *queue_work(struct dde_instance *to, enum work_kind kind, uint32_t type,
                                   uint32_t conv, uint32_t hsz1, uint32_t hsz2)
{
    if (to->queued >= MAX_QUEUED)
        return NULL;
    struct dde_work *w = calloc(1, sizeof(*w));
    if (!w)
        return NULL;
    w->id = ++last_work_id ? last_work_id : ++last_work_id;
    w->kind = kind;
    w->to = to;
    w->type = type;
    w->conv = conv;
    w->hsz1 = hsz1;
    w->hsz2 = hsz2;
    w->timeout.fire = work_timed_out;
    to->queued++;
    list_add_tail(&works, &w->link);
    queue_input_arrived(to->thread);
    return w;
}

int dde_input_waiting(struct thread *thread)
{
    struct list_entry *e;
    LIST_FOR_EACH(e, &instances) {
        struct dde_instance *inst = LIST_ENTRY(e, struct dde_instance, link);
        if (inst->thread == thread && inst->queued)
            return 1;
    }
    return 0;
}

/* Make the caller wait for the work's answer. */
static void defer(struct request_ctx *ctx, struct dde_work *w, uint32_t timeout_ms)
{
    w->caller = (struct thread *)grab_object(&ctx->thread->obj);
    w->conn = ctx->conn;
    timeout_arm(&w->timeout, monotonic_ms() + timeout_ms);
    ctx->deferred = 1;
}

static void notify(uint32_t instance, uint32_t type, uint32_t skip_flag, uint32_t conv,
                   uint32_t hsz1, uint32_t hsz2)
{
    struct dde_instance *to = find_instance(instance);
    if (to && !(to->flags & skip_flag))
        queue_work(to, WORK_NOTIFY, type, conv, hsz1, hsz2);
}

/* ---- conversations ---- */

static void conv_destroy(struct user_object *obj)
{
    struct dde_conv *c = (struct dde_conv *)obj;
    struct dde_conv *partner = (struct dde_conv *)user_get(c->partner, WH_USER_DDE_CONV);
    if (partner) {
        partner->partner = 0;
        notify(partner->instance, XTYP_DISCONNECT, CBF_SKIP_DISCONNECTS, partner->hdr.handle,
               0, 0);
    }
    /* Transactions not yet taken on either side's end cannot be answered. */
    struct list_entry *e, *next;
    LIST_FOR_EACH_SAFE(e, next, &works) {
        struct dde_work *w = LIST_ENTRY(e, struct dde_work, link);
        if (w->kind == WORK_TRANSACTION && !w->handed &&
            (w->conv == obj->handle || (partner && w->conv == partner->hdr.handle)))
            fail_work(w, DMLERR_NO_CONV_ESTABLISHED);
    }
}

static const struct user_ops conv_ops = {
    .type = WH_USER_DDE_CONV,
    .name = "DdeConversation",
    .owner = USER_OWNER_THREAD,
    .rank = 3,
    .invalid_error = DMLERR_INVALIDPARAMETER,
    .destroy = conv_destroy,
};

static struct dde_conv *new_conv(struct thread *owner, uint32_t instance, uint32_t service,
                                 uint32_t topic, int client, uint32_t *error)
{
    struct dde_conv *c = user_alloc(&conv_ops, sizeof(*c), owner, error);
    if (c) {
        c->instance = instance;
        c->service = service;
        c->topic = topic;
        c->client = client;
    }
    return c;
}

/* ---- instances ---- */

static void destroy_instance_convs(struct user_object *obj, void *arg)
{
    if (obj->ops == &conv_ops && ((struct dde_conv *)obj)->instance == *(uint32_t *)arg)
        user_destroy(obj);
}

static void uninitialize(struct dde_instance *inst)
{
    user_for_each_owned(inst->thread, destroy_instance_convs, &inst->id);
    struct list_entry *e, *next;
    LIST_FOR_EACH_SAFE(e, next, &works) {
        struct dde_work *w = LIST_ENTRY(e, struct dde_work, link);
        if (w->to == inst) {
            w->to->queued -= !w->handed;
            w->to = NULL;
            fail_work(w, DMLERR_NO_CONV_ESTABLISHED);
        } else if (w->caller_instance == inst->id && w->caller == inst->thread) {
            w->conn = NULL; /* the caller is going: no reply */
            fail_work(w, 0);
        }
    }
    for (uint32_t i = 0; i < inst->nservices; i++)
        dde_atom_ref(inst->services[i], -1);
    list_remove(&inst->link);
    release_object(&inst->thread->obj);
    free(inst);
}

static void dde_thread_ended(struct thread *t)
{
    struct list_entry *e, *next;
    LIST_FOR_EACH_SAFE(e, next, &instances) {
        struct dde_instance *inst = LIST_ENTRY(e, struct dde_instance, link);
        if (inst->thread == t)
            uninitialize(inst);
    }
    /* Calls this thread was waiting in go without a reply. */
    LIST_FOR_EACH_SAFE(e, next, &works) {
        struct dde_work *w = LIST_ENTRY(e, struct dde_work, link);
        if (w->caller == t) {
            w->conn = NULL;
            fail_work(w, 0);
        }
    }
}

/* Instances a thread may have: more than any program uses, few enough
 * that a hostile client cannot make the server hold much. */
#define MAX_THREAD_INSTANCES 64u

DECL_HANDLER(dde_initialize)
{
    uint32_t mine = 0;
    struct list_entry *e;
    LIST_FOR_EACH(e, &instances)
        mine += LIST_ENTRY(e, struct dde_instance, link)->thread == ctx->thread;
    if (mine >= MAX_THREAD_INSTANCES) {
        ctx->error = DMLERR_LOW_MEMORY;
        return;
    }
    struct dde_instance *inst = calloc(1, sizeof(*inst));
    if (!inst) {
        ctx->error = DMLERR_LOW_MEMORY;
        return;
    }
    user_on_thread_end(dde_thread_ended);
    inst->id = ++last_instance_id ? last_instance_id : ++last_instance_id;
    inst->thread = (struct thread *)grab_object(&ctx->thread->obj);
    inst->callback = req->callback;
    inst->flags = req->flags;
    list_add_tail(&instances, &inst->link);
    reply->instance = inst->id;
}

DECL_HANDLER(dde_uninitialize)
{
    (void)reply;
    struct dde_instance *inst = own_instance(ctx, req->instance);
    if (inst)
        uninitialize(inst);
}

DECL_HANDLER(dde_string)
{
    if (!own_instance(ctx, req->instance))
        return;
    const char *text;
    switch (req->op) {
    case WH_DDE_STR_CREATE:
        if (req->len != ctx->data_len) {
            ctx->error = DMLERR_INVALIDPARAMETER;
            return;
        }
        reply->atom = dde_atom_add(ctx->data, req->len, &ctx->error);
        if (ctx->error)
            ctx->error = DMLERR_INVALIDPARAMETER;
        return;
    case WH_DDE_STR_FREE:
    case WH_DDE_STR_KEEP:
        if (!dde_atom_ref(req->atom, req->op == WH_DDE_STR_KEEP ? 1 : -1))
            ctx->error = DMLERR_INVALIDPARAMETER;
        return;
    case WH_DDE_STR_QUERY:
        if (!(text = dde_atom_text(req->atom))) {
            ctx->error = DMLERR_INVALIDPARAMETER;
            return;
        }
        uint32_t len = (uint32_t)strlen(text);
        char *out = reply_append(ctx, len);
        if (out)
            memcpy(out, text, len);
        reply->atom = req->atom;
        return;
    default:
        ctx->error = DMLERR_INVALIDPARAMETER;
    }
}

static int registered(const struct dde_instance *inst, uint32_t service)
{
    for (uint32_t i = 0; i < inst->nservices; i++)
        if (inst->services[i] == service)
            return 1;
    return 0;
}

DECL_HANDLER(dde_name_service)
{
    (void)reply;
    struct dde_instance *inst = own_instance(ctx, req->instance);
    if (!inst)
        return;
    if (req->cmd & DNS_REGISTER) {
        if (!dde_atom_text(req->service) || (inst->flags & APPCMD_CLIENTONLY) ||
            inst->nservices == MAX_SERVICES) {
            ctx->error = DMLERR_INVALIDPARAMETER;
            return;
        }
        if (!registered(inst, req->service)) {
            dde_atom_ref(req->service, 1);
            inst->services[inst->nservices++] = req->service;
        }
    } else if (req->cmd & DNS_UNREGISTER) {
        /* 0 unregisters every service of the instance. */
        for (uint32_t i = inst->nservices; i-- > 0;) {
            if (req->service && inst->services[i] != req->service)
                continue;
            dde_atom_ref(inst->services[i], -1);
            inst->services[i] = inst->services[--inst->nservices];
        }
    }
}

/* May a connection to this service (0: any) reach inst? */
static int serves(const struct dde_instance *inst, uint32_t service)
{
    return inst->nservices && !(inst->flags & (APPCMD_CLIENTONLY | CBF_FAIL_CONNECTIONS)) &&
           (!service || registered(inst, service));
}

DECL_HANDLER(dde_servers)
{
    if (!own_instance(ctx, req->instance))
        return;
    struct list_entry *e;
    LIST_FOR_EACH(e, &instances) {
        struct dde_instance *inst = LIST_ENTRY(e, struct dde_instance, link);
        if (inst->thread == ctx->thread || !serves(inst, req->service))
            continue;
        uint32_t *out = reply_append(ctx, sizeof(*out));
        if (!out)
            return;
        *out = inst->id;
        reply->count++;
    }
}

DECL_HANDLER(dde_connect)
{
    (void)reply;
    struct dde_instance *self = own_instance(ctx, req->instance), *to = NULL;
    if (!self)
        return;
    if ((req->service && !dde_atom_text(req->service)) ||
        (req->topic && !dde_atom_text(req->topic))) {
        ctx->error = DMLERR_INVALIDPARAMETER;
        return;
    }
    /* An instance of the caller's own thread would have to answer while
     * its thread waits here: never chosen. */
    struct list_entry *e;
    LIST_FOR_EACH(e, &instances) {
        struct dde_instance *inst = LIST_ENTRY(e, struct dde_instance, link);
        if (inst->thread != ctx->thread && serves(inst, req->service) &&
            (!req->target || inst->id == req->target)) {
            to = inst;
            break;
        }
    }
    struct dde_work *w = to ? queue_work(to, WORK_CONNECT, XTYP_CONNECT, 0, req->topic,
                                         req->service)
                            : NULL;
    if (!w) {
        ctx->error = DMLERR_NO_CONV_ESTABLISHED;
        return;
    }
    w->caller_instance = self->id;
    defer(ctx, w, req->timeout_ms);
}

DECL_HANDLER(dde_transaction)
{
    (void)reply;
    struct dde_conv *c = user_get_ops(req->conv, &conv_ops, &ctx->error);
    if (!c || c->hdr.owner_tid != ctx->thread->tid || !c->client ||
        req->data_len != ctx->data_len || req->data_len > WH_MAX_DDE_DATA ||
        req->timeout_ms == TIMEOUT_ASYNC ||
        (req->type != XTYP_REQUEST && req->type != XTYP_POKE && req->type != XTYP_EXECUTE)) {
        ctx->error = DMLERR_INVALIDPARAMETER;
        return;
    }
    struct dde_conv *server = (struct dde_conv *)user_get(c->partner, WH_USER_DDE_CONV);
    struct dde_instance *to = server ? find_instance(server->instance) : NULL;
    if (!to) {
        ctx->error = DMLERR_NO_CONV_ESTABLISHED;
        return;
    }
    uint32_t refuse = req->type == XTYP_REQUEST ? CBF_FAIL_REQUESTS
                      : req->type == XTYP_POKE  ? CBF_FAIL_POKES
                                                : CBF_FAIL_EXECUTES;
    if (to->flags & refuse) {
        ctx->error = DMLERR_NOTPROCESSED;
        return;
    }
    struct dde_work *w = queue_work(to, WORK_TRANSACTION, req->type, server->hdr.handle,
                                    c->topic, req->item);
    if (!w || (req->data_len && !(w->data = malloc(req->data_len)))) {
        if (w)
            free_work(w);
        ctx->error = DMLERR_BUSY;
        return;
    }
    if (req->data_len)
        memcpy(w->data, ctx->data, req->data_len);
    w->len = req->data_len;
    w->has_data = req->type != XTYP_REQUEST;
    w->format = req->format;
    w->caller_instance = c->instance;
    defer(ctx, w, req->timeout_ms);
}

DECL_HANDLER(dde_disconnect)
{
    (void)reply;
    /* A conversation is its instance's: only its thread ends it. */
    struct dde_conv *c = user_get_ops(req->conv, &conv_ops, &ctx->error);
    if (c && c->hdr.owner_tid != ctx->thread->tid)
        ctx->error = DMLERR_INVALIDPARAMETER;
    else if (c)
        user_destroy(&c->hdr);
}

DECL_HANDLER(dde_next_work)
{
    struct dde_instance *inst = own_instance(ctx, req->instance);
    if (!inst)
        return;
    struct list_entry *e;
    LIST_FOR_EACH(e, &works) {
        struct dde_work *w = LIST_ENTRY(e, struct dde_work, link);
        if (w->to != inst || w->handed)
            continue;
        reply->work = w->id;
        reply->type = w->type;
        reply->format = w->format;
        reply->conv = w->conv;
        reply->hsz1 = w->hsz1;
        reply->hsz2 = w->hsz2;
        reply->has_data = (uint32_t)w->has_data;
        if (w->len) {
            char *out = reply_append(ctx, w->len);
            if (out)
                memcpy(out, w->data, w->len);
        }
        if (w->kind == WORK_NOTIFY) {
            free_work(w); /* nothing waits for an answer */
        } else {
            w->handed = 1;
            inst->queued--;
        }
        /* So the pump stops without asking again: what comes later
         * signals the thread's queue, or waits for its next DDEML call. */
        reply->more = inst->queued != 0;
        return;
    }
}

/* XTYP_CONNECT answered yes: make both ends, tell the server side. */
static void accept_connect(struct dde_work *w)
{
    struct dde_instance *client = find_instance(w->caller_instance);
    uint32_t error = 0;
    struct dde_conv *cc = NULL, *sc = NULL;
    if (!client || !(cc = new_conv(w->caller, client->id, w->hsz2, w->hsz1, 1, &error)) ||
        !(sc = new_conv(w->to->thread, w->to->id, w->hsz2, w->hsz1, 0, &error))) {
        if (cc)
            user_destroy(&cc->hdr);
        fail_work(w, DMLERR_NO_CONV_ESTABLISHED);
        return;
    }
    cc->partner = sc->hdr.handle;
    sc->partner = cc->hdr.handle;
    notify(w->to->id, XTYP_CONNECT_CONFIRM, CBF_SKIP_CONNECT_CONFIRMS, sc->hdr.handle, w->hsz1,
           w->hsz2);
    struct wh_dde_connect_reply reply = { .conv = cc->hdr.handle };
    finish_work(w, 0, &reply, sizeof(reply), NULL, 0);
}

DECL_HANDLER(dde_answer)
{
    (void)reply;
    struct dde_work *w = NULL;
    struct list_entry *e;
    LIST_FOR_EACH(e, &works) {
        struct dde_work *cand = LIST_ENTRY(e, struct dde_work, link);
        if (cand->id == req->work) {
            w = cand;
            break;
        }
    }
    /* An answer that comes after the caller gave up finds nothing. */
    if (!w || !w->handed || !w->to || w->to->thread != ctx->thread)
        return;
    if (req->data_len != ctx->data_len || req->data_len > WH_MAX_DDE_DATA) {
        ctx->error = DMLERR_INVALIDPARAMETER;
        return;
    }
    if (w->kind == WORK_CONNECT) {
        if (req->result)
            accept_connect(w);
        else
            fail_work(w, DMLERR_NO_CONV_ESTABLISHED);
        return;
    }
    struct wh_dde_transaction_reply r = { .flags = req->result };
    if (w->type == XTYP_REQUEST) {
        if (req->has_data)
            finish_work(w, 0, &r, sizeof(r), ctx->data, req->data_len);
        else
            fail_work(w, DMLERR_NOTPROCESSED);
    } else if (req->result & DDE_FACK) {
        finish_work(w, 0, &r, sizeof(r), NULL, 0);
    } else {
        finish_work(w, (req->result & DDE_FBUSY) ? DMLERR_BUSY : DMLERR_NOTPROCESSED, &r,
                    sizeof(r), NULL, 0);
    }
}
