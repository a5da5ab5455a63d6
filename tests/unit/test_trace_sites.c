/*
 * Unit tests of the server's side of handle tracing (server/trace.c):
 * which requests leave notes, what trace_site attaches and answers, that
 * sites are shared between handles and go with their last handle, and the
 * limits. A real process entry (this test's own pid) holds the handles.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../server/connection.h"
#include "../../server/errors.h"
#include "../../server/handle.h"
#include "../../server/loop.h"
#include "../../server/object.h"
#include "../../server/process.h"
#include "../../server/request.h"
#include "../../server/trace.h"
#include "check.h"

static const struct generic_mapping test_mapping = { 1, 2, 4, 7 };
static const struct object_ops test_ops = {
    .type_name = "Test", .type = WH_TYPE_EVENT, .mapping = &test_mapping,
};

static struct connection conn;
static struct process *proc;
static struct object *obj;

/* Allocate n handles inside one request of the traced connection. */
static uint32_t alloc_traced(uint32_t n)
{
    uint32_t err, h = 0;
    trace_begin(&conn, WH_REQ_create_event);
    for (uint32_t i = 0; i < n; i++)
        h = handle_alloc(&proc->handles, obj, 3, 0, &err);
    trace_end();
    return h;
}

/* Send trace_site with this site; the reply's events in *events. */
static uint32_t send_site(const char *site, uint32_t len, struct wh_trace_event *first,
                          uint32_t *count)
{
    struct request_ctx ctx = { .conn = &conn, .process = proc, .data = site,
                               .data_len = len, .reply_fd = -1 };
    struct wh_trace_site_request req = { .reserved = 0 };
    struct wh_trace_site_reply reply;
    memset(&reply, 0, sizeof(reply));
    trace_begin(&conn, WH_REQ_trace_site);
    req_trace_site(&ctx, &req, &reply);
    trace_end();
    *count = reply.count;
    if (first && ctx.var_len >= sizeof(*first))
        memcpy(first, ctx.var, sizeof(*first));
    free(ctx.var);
    return ctx.error;
}

static uint32_t site_of(uint32_t h)
{
    struct handle_entry *e = handle_lookup(&proc->handles, h);
    return e ? e->site : 0;
}

static void test_sites_shared(void)
{
    uint32_t count, len;
    uint32_t last = alloc_traced(3);
    CHECK_EQ(trace_pending(&conn), 3);
    CHECK_EQ(send_site("CreateEventA\nmain (a.c:1)", 25, NULL, &count), 0);
    CHECK_EQ(count, 3); /* three ALLOC events: the library forgets those values */
    CHECK_EQ(trace_pending(&conn), 0);
    uint32_t site = site_of(last);
    CHECK(site != 0);
    CHECK_EQ(site_of(last - 4), site);
    CHECK_EQ(site_of(last - 8), site);
    CHECK(!memcmp(trace_site_text(site, &len), "CreateEventA\nmain (a.c:1)", 25));
    CHECK_EQ(len, 25);
    /* The same text later is the same site. */
    uint32_t again = alloc_traced(1);
    send_site("CreateEventA\nmain (a.c:1)", 25, NULL, &count);
    CHECK_EQ(site_of(again), site);

    /* A close in a traced request hands the creation site back. */
    struct wh_trace_event ev;
    trace_begin(&conn, WH_REQ_close_handle);
    CHECK_EQ(handle_close(&proc->handles, again), 0);
    trace_end();
    CHECK_EQ(trace_pending(&conn), 1);
    CHECK_EQ(send_site("CloseHandle\nmain (a.c:2)", 24, &ev, &count), 0);
    CHECK_EQ(count, 1);
    CHECK_EQ(ev.kind, WH_TRACE_CLOSE);
    CHECK_EQ(ev.handle, again);
    CHECK_EQ(ev.type, WH_TYPE_EVENT);
    CHECK_EQ(ev.text_len, 25);
    /* The others close untraced; with the last, the site goes and its
     * slot is the next one handed out. */
    for (uint32_t h = last - 8; h <= last; h += 4)
        CHECK_EQ(handle_close(&proc->handles, h), 0);
    uint32_t other = alloc_traced(1);
    send_site("x", 1, NULL, &count);
    CHECK_EQ(site_of(other), site);
    CHECK(!memcmp(trace_site_text(site, &len), "x", 1));
    handle_close(&proc->handles, other);
}

static void test_invalid(void)
{
    uint32_t count;
    struct wh_trace_event ev;
    trace_begin(&conn, WH_REQ_event_op);
    CHECK(handle_lookup(&proc->handles, 0x400) == NULL);
    trace_end();
    CHECK_EQ(send_site("SetEvent", 8, &ev, &count), 0);
    CHECK_EQ(count, 1);
    CHECK_EQ(ev.kind, WH_TRACE_INVALID);
    CHECK_EQ(ev.handle, 0x400);
    /* Untraced lookups leave nothing. */
    CHECK(handle_lookup(&proc->handles, 0x400) == NULL);
    CHECK_EQ(trace_pending(&conn), 0);
}

static void test_limits(void)
{
    uint32_t count;
    uint32_t last = alloc_traced(100);
    CHECK(trace_pending(&conn) < 100); /* capped, not grown without end */
    static char big[WH_MAX_SITE_LEN + 1];
    memset(big, 'a', sizeof(big));
    CHECK_EQ(send_site(big, sizeof(big), NULL, &count), ERR_INVALID_PARAMETER);
    CHECK_EQ(trace_pending(&conn), 0); /* dropped, references released */
    CHECK_EQ(site_of(last), 0);
    /* A request of the next kind starts with no notes either. */
    alloc_traced(1);
    trace_begin(&conn, WH_REQ_event_op);
    trace_end();
    CHECK_EQ(trace_pending(&conn), 0);
    for (uint32_t h = 4; h <= last + 4; h += 4)
        handle_close(&proc->handles, h);
}

int main(void)
{
    uint32_t err;
    CHECK_EQ(loop_init(), 0);
    proc = create_process((uint32_t)getpid(), 64, &err);
    CHECK(proc != NULL);
    if (!proc)
        return 1;
    obj = alloc_object(&test_ops, sizeof(struct object));
    conn.process = proc;
    conn.traced = 1;
    test_sites_shared();
    test_invalid();
    test_limits();
    trace_forget(&conn);
    release_object(obj);
    return check_summary("trace sites");
}
