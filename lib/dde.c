/*
 * DDEML: instances, string handles, conversations and client transactions.
 *
 * The server brokers (server/dde.c); what is meant for this process's
 * instances waits there, and signals the thread's message queue, until
 * the instance's thread runs the pump (dde_pump): it takes each piece of
 * work, calls the instance's callback and sends the answer back. The
 * thread's message loop runs it (PeekMessageA, GetMessageA: message.c),
 * which is where Windows runs a DDE server's callbacks; so does every Dde*
 * call by that thread, so a thread without a loop serves too.
 *
 * Data handles (HDDEDATA) are this process's memory, as on Windows; only
 * their bytes travel.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dde_private.h"

#define CONNECT_TIMEOUT_MS 10000u

struct instance {
    DWORD id;
    DWORD tid;
    PFNCALLBACK callback;
    UINT last_error;
};

#define MAX_INSTANCES 64
static struct instance instances[MAX_INSTANCES];
static pthread_mutex_t instances_lock = PTHREAD_MUTEX_INITIALIZER;

static struct instance *find(DWORD id)
{
    for (int i = 0; i < MAX_INSTANCES; i++)
        if (id && instances[i].id == id)
            return &instances[i];
    return NULL;
}

/* Record a DMLERR for the instance (or, given 0, each instance of the
 * calling thread: a conversation's errors belong to its instance, which
 * is the caller's). */
static void set_dde_error(DWORD id, UINT error)
{
    DWORD tid = GetCurrentThreadId();
    pthread_mutex_lock(&instances_lock);
    for (int i = 0; i < MAX_INSTANCES; i++)
        if (instances[i].id && (id ? instances[i].id == id : instances[i].tid == tid))
            instances[i].last_error = error;
    pthread_mutex_unlock(&instances_lock);
}

/* ---- the pump ---- */

static __thread int pumping;

static void answer(uint32_t work, uint32_t result, const struct dde_data *data)
{
    struct wh_dde_answer_request req = {
        .work = work, .result = result, .has_data = data != NULL,
        .data_len = data ? data->size : 0,
    };
    struct wh_dde_answer_reply reply;
    SERVER_CALL(dde_answer, &req, &reply, data ? data->bytes : NULL, req.data_len);
}

/* Take and run one piece of work; 0 when there is no more. */
static int run_one(DWORD id, PFNCALLBACK callback)
{
    struct wh_dde_next_work_request req = { .instance = id };
    struct wh_dde_next_work_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    if (server_call(WH_REQ_dde_next_work, &req, sizeof(req), NULL, 0, &reply, sizeof(reply),
                    &var, &var_len) || !reply.work) {
        free(var);
        return 0;
    }
    HDDEDATA in = NULL;
    if (reply.has_data)
        in = dde_data_new(var, var_len, (HSZ)(uintptr_t)reply.hsz2, reply.format, 0);
    free(var);
    HDDEDATA out = !callback ? NULL : callback(reply.type, reply.format, (HCONV)wire_to_user(reply.conv),
                            (HSZ)(uintptr_t)reply.hsz1, (HSZ)(uintptr_t)reply.hsz2, in, 0, 0);
    dde_data_release(in);
    switch (reply.type) {
    case XTYP_CONNECT:
        answer(reply.work, out != NULL, NULL);
        break;
    case XTYP_REQUEST: {
        const struct dde_data *d = dde_data_get(out);
        answer(reply.work, 0, d);
        dde_data_release(out); /* given to DDEML: freed unless app-owned */
        break;
    }
    case XTYP_POKE:
    case XTYP_EXECUTE:
        answer(reply.work, (uint32_t)(ULONG_PTR)out, NULL);
        break;
    default: /* notifications are not answered */
        break;
    }
    return reply.more != 0;
}

int dde_pump_running(void)
{
    return pumping;
}

void dde_pump(void)
{
    if (pumping)
        return; /* a callback calling DDEML: the work waits for the outer pump */
    pumping = 1;
    DWORD tid = GetCurrentThreadId();
    for (int i = 0; i < MAX_INSTANCES; i++) {
        pthread_mutex_lock(&instances_lock);
        DWORD id = instances[i].tid == tid ? instances[i].id : 0;
        PFNCALLBACK cb = instances[i].callback;
        pthread_mutex_unlock(&instances_lock);
        while (id && run_one(id, cb))
            ;
    }
    pumping = 0;
}

/* ---- instances ---- */

UINT WINAPI DdeInitializeA(LPDWORD pid, PFNCALLBACK callback, DWORD flags, DWORD reserved)
{
    /* A NULL callback is taken, as Wine does: the instance is then only a
     * client, and work for it is refused. */
    if (!pid || reserved)
        return DMLERR_INVALIDPARAMETER;
    if (*pid) {
        /* Re-initialising an instance is not provided: only its flags
         * could change, and the server keeps them from the start. */
        return find(*pid) ? DMLERR_NO_ERROR : DMLERR_INVALIDPARAMETER;
    }
    struct wh_dde_initialize_request req = {
        .callback = (uint64_t)(uintptr_t)callback, .flags = flags,
    };
    struct wh_dde_initialize_reply reply;
    uint32_t error = SERVER_CALL(dde_initialize, &req, &reply, NULL, 0);
    if (error)
        return error >= DMLERR_FIRST ? error : DMLERR_SYS_ERROR;
    pthread_mutex_lock(&instances_lock);
    struct instance *slot = NULL;
    for (int i = 0; i < MAX_INSTANCES && !slot; i++)
        if (!instances[i].id)
            slot = &instances[i];
    if (slot) {
        slot->id = reply.instance;
        slot->tid = GetCurrentThreadId();
        slot->callback = callback;
        slot->last_error = 0;
    }
    pthread_mutex_unlock(&instances_lock);
    if (!slot) {
        struct wh_dde_uninitialize_request ureq = { .instance = reply.instance };
        struct wh_dde_uninitialize_reply urep;
        SERVER_CALL(dde_uninitialize, &ureq, &urep, NULL, 0);
        return DMLERR_LOW_MEMORY;
    }
    *pid = reply.instance;
    return DMLERR_NO_ERROR;
}

BOOL WINAPI DdeUninitialize(DWORD id)
{
    dde_pump();
    struct wh_dde_uninitialize_request req = { .instance = id };
    struct wh_dde_uninitialize_reply reply;
    if (SERVER_CALL(dde_uninitialize, &req, &reply, NULL, 0))
        return FALSE;
    pthread_mutex_lock(&instances_lock);
    struct instance *inst = find(id);
    if (inst)
        memset(inst, 0, sizeof(*inst));
    pthread_mutex_unlock(&instances_lock);
    return TRUE;
}

UINT WINAPI DdeGetLastError(DWORD id)
{
    dde_pump();
    pthread_mutex_lock(&instances_lock);
    struct instance *inst = find(id);
    UINT error = inst ? inst->last_error : DMLERR_INVALIDPARAMETER; /* Wine's answer */
    if (inst)
        inst->last_error = DMLERR_NO_ERROR; /* reading it resets it */
    pthread_mutex_unlock(&instances_lock);
    return error;
}

/* A DDE request's error becomes the instance's; TRUE on success. */
static BOOL dde_result(DWORD id, uint32_t error)
{
    if (!error)
        return TRUE;
    set_dde_error(id, error >= DMLERR_FIRST ? error : DMLERR_SYS_ERROR);
    return FALSE;
}

/* ---- string handles ---- */

static BOOL string_op(DWORD id, uint32_t op, HSZ hsz, const char *text, uint32_t len,
                      HSZ *out, char **query)
{
    dde_pump();
    struct wh_dde_string_request req = {
        .instance = id, .op = op, .atom = (uint32_t)(uintptr_t)hsz, .len = len,
    };
    struct wh_dde_string_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    uint32_t error = server_call(WH_REQ_dde_string, &req, sizeof(req), text, len, &reply,
                                 sizeof(reply), query ? &var : NULL, query ? &var_len : NULL);
    if (!dde_result(id, error)) {
        free(var);
        return FALSE;
    }
    if (out)
        *out = (HSZ)(uintptr_t)reply.atom;
    if (query) {
        *query = calloc(1, var_len + 1);
        if (*query)
            memcpy(*query, var, var_len);
        free(var);
    }
    return TRUE;
}

HSZ WINAPI DdeCreateStringHandleA(DWORD id, LPCSTR str, int codepage)
{
    HSZ hsz = NULL;
    if (!str || !*str)
        return NULL; /* no string, no handle (and no error) */
    if (codepage && codepage != CP_WINANSI) {
        set_dde_error(id, DMLERR_INVALIDPARAMETER);
        return NULL;
    }
    size_t len = strnlen(str, WH_MAX_ATOM_LEN + 1);
    if (len > WH_MAX_ATOM_LEN) {
        set_dde_error(id, DMLERR_INVALIDPARAMETER);
        return NULL;
    }
    string_op(id, WH_DDE_STR_CREATE, NULL, str, (uint32_t)len, &hsz, NULL);
    return hsz;
}

BOOL WINAPI DdeFreeStringHandle(DWORD id, HSZ hsz)
{
    return string_op(id, WH_DDE_STR_FREE, hsz, NULL, 0, NULL, NULL);
}

BOOL WINAPI DdeKeepStringHandle(DWORD id, HSZ hsz)
{
    return string_op(id, WH_DDE_STR_KEEP, hsz, NULL, 0, NULL, NULL);
}

/* The length without the terminator; with a buffer, the characters copied. */
DWORD WINAPI DdeQueryStringA(DWORD id, HSZ hsz, LPSTR out, DWORD max, int codepage)
{
    char *text = NULL;
    if ((codepage && codepage != CP_WINANSI) ||
        !string_op(id, WH_DDE_STR_QUERY, hsz, NULL, 0, NULL, &text) || !text) {
        free(text);
        return 0;
    }
    DWORD len = (DWORD)strlen(text);
    if (out && max) {
        if (len > max - 1)
            len = max - 1;
        memcpy(out, text, len);
        out[len] = '\0';
    }
    free(text);
    return len;
}

int WINAPI DdeCmpStringHandles(HSZ a, HSZ b)
{
    /* Atoms are unique per string (case-insensitively): equal strings are
     * equal handles; otherwise the handles' order, as documented. */
    return a == b ? 0 : (uintptr_t)a < (uintptr_t)b ? -1 : 1;
}

HDDEDATA WINAPI DdeNameService(DWORD id, HSZ service, HSZ reserved, UINT cmd)
{
    (void)reserved;
    dde_pump();
    struct wh_dde_name_service_request req = {
        .instance = id, .service = (uint32_t)(uintptr_t)service, .cmd = cmd,
    };
    struct wh_dde_name_service_reply reply;
    return (HDDEDATA)(ULONG_PTR)dde_result(id, SERVER_CALL(dde_name_service, &req, &reply,
                                                           NULL, 0));
}

/* ---- conversations ---- */

static HCONV connect_to(DWORD id, DWORD target, HSZ service, HSZ topic)
{
    struct wh_dde_connect_request req = {
        .instance = id, .target = target, .service = (uint32_t)(uintptr_t)service,
        .topic = (uint32_t)(uintptr_t)topic, .timeout_ms = CONNECT_TIMEOUT_MS,
    };
    struct wh_dde_connect_reply reply;
    if (!dde_result(id, SERVER_CALL(dde_connect, &req, &reply, NULL, 0)))
        return NULL;
    return (HCONV)wire_to_user(reply.conv);
}

HCONV WINAPI DdeConnect(DWORD id, HSZ service, HSZ topic, PCONVCONTEXT context)
{
    (void)context; /* one code page, one language, one security context */
    dde_pump();
    return connect_to(id, 0, service, topic);
}

BOOL WINAPI DdeDisconnect(HCONV conv)
{
    dde_pump();
    struct wh_dde_disconnect_request req = { .conv = user_to_wire(conv) };
    struct wh_dde_disconnect_reply reply;
    return dde_result(0, SERVER_CALL(dde_disconnect, &req, &reply, NULL, 0));
}

HDDEDATA WINAPI DdeClientTransaction(LPBYTE data, DWORD len, HCONV conv, HSZ item, UINT format,
                                     UINT type, DWORD timeout, LPDWORD result)
{
    dde_pump();
    const void *bytes = data;
    HDDEDATA given = NULL;
    if (data && len == (DWORD)-1) { /* data is a data handle, which DDEML frees */
        given = (HDDEDATA)data;
        const struct dde_data *d = dde_data_get(given);
        if (!d) {
            set_dde_error(0, DMLERR_INVALIDPARAMETER);
            return NULL;
        }
        bytes = d->bytes;
        len = d->size;
    } else if (!data) {
        len = 0;
    }
    struct wh_dde_transaction_request req = {
        .conv = user_to_wire(conv), .type = type, .format = format,
        .item = (uint32_t)(uintptr_t)item, .timeout_ms = timeout, .data_len = len,
    };
    struct wh_dde_transaction_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    uint32_t error = server_call(WH_REQ_dde_transaction, &req, sizeof(req), bytes, len, &reply,
                                 sizeof(reply), &var, &var_len);
    dde_data_release(given);
    if (result)
        *result = reply.flags;
    if (!dde_result(0, error)) {
        free(var);
        return NULL;
    }
    if (type != XTYP_REQUEST) {
        free(var);
        return (HDDEDATA)(ULONG_PTR)TRUE;
    }
    HDDEDATA out = dde_data_new(var, var_len, item, format, 0);
    free(var);
    return out;
}

/* A conversation list is this process's memory: the conversations, one
 * per server that accepted. */
struct conv_list {
    uint32_t magic;
    uint32_t count;
    HCONV convs[];
};
#define CONV_LIST_MAGIC 0x44434c53u

static struct conv_list *get_list(HCONVLIST h)
{
    struct conv_list *l = (struct conv_list *)h;
    return l && l->magic == CONV_LIST_MAGIC ? l : NULL;
}

BOOL WINAPI DdeDisconnectList(HCONVLIST h)
{
    struct conv_list *l = get_list(h);
    if (!l) {
        set_dde_error(0, DMLERR_INVALIDPARAMETER);
        return FALSE;
    }
    for (uint32_t i = 0; i < l->count; i++)
        DdeDisconnect(l->convs[i]);
    l->magic = 0;
    free(l);
    return TRUE;
}

HCONVLIST WINAPI DdeConnectList(DWORD id, HSZ service, HSZ topic, HCONVLIST old,
                                PCONVCONTEXT context)
{
    (void)context;
    dde_pump();
    /* The old list's conversations are dropped and made again: the same
     * servers answer, so the new list covers them. */
    if (old && !DdeDisconnectList(old))
        return NULL;
    struct wh_dde_servers_request req = { .instance = id,
                                          .service = (uint32_t)(uintptr_t)service };
    struct wh_dde_servers_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    if (!dde_result(id, server_call(WH_REQ_dde_servers, &req, sizeof(req), NULL, 0, &reply,
                                    sizeof(reply), &var, &var_len))) {
        free(var);
        return NULL;
    }
    uint32_t n = var_len / sizeof(uint32_t);
    struct conv_list *l = calloc(1, sizeof(*l) + n * sizeof(HCONV));
    if (!l) {
        free(var);
        set_dde_error(id, DMLERR_LOW_MEMORY);
        return NULL;
    }
    l->magic = CONV_LIST_MAGIC;
    const uint32_t *targets = var;
    for (uint32_t i = 0; i < n; i++) {
        HCONV c = connect_to(id, targets[i], service, topic);
        if (c)
            l->convs[l->count++] = c;
    }
    free(var);
    return (HCONVLIST)l; /* possibly empty: no server is no error (Wine) */
}

HCONV WINAPI DdeQueryNextServer(HCONVLIST h, HCONV prev)
{
    struct conv_list *l = get_list(h);
    if (!l)
        return NULL;
    uint32_t i = 0;
    if (prev) {
        while (i < l->count && l->convs[i] != prev)
            i++;
        i++;
    }
    return i < l->count ? l->convs[i] : NULL;
}
