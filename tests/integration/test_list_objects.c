/*
 * The list_objects request, from the inspector's side: holders counted per
 * process however many handles each has, the type filter, and every
 * malformed field refused while the server goes on serving.
 *
 * A forked child plays the Win32 process holding objects; the parent
 * connects as an observer, as the winhandle tool does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <windows.h>

#include "../../lib/client.h"
#include "tap.h"

/* The child: an event with three handles, a semaphore with one, a message
 * queue (the server's own object, made by its first wait for input), then
 * it reports (one byte on ready) and waits for its standard input to end. */
static void holder(int ready, int hold)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, "lo-event");
    HANDLE dup1, dup2;
    HANDLE sem = CreateSemaphoreA(NULL, 1, 4, NULL);
    if (!ev || !sem ||
        !DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), &dup1, 0, FALSE,
                         DUPLICATE_SAME_ACCESS) ||
        !DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), &dup2, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        _exit(2);
    if (MsgWaitForMultipleObjects(0, NULL, FALSE, 0, QS_ALLINPUT) != WAIT_TIMEOUT)
        _exit(2);
    char c = 1, buf;
    if (write(ready, &c, 1) != 1)
        _exit(2);
    while (read(hold, &buf, 1) > 0)
        ;
    _exit(0);
}

struct listing {
    uint32_t error, count, record_size, holder_size;
    char *data;
    uint32_t len;
};

static struct listing list_objects(uint32_t type, uint32_t reserved, const void *extra,
                                   uint32_t extra_len)
{
    struct wh_list_objects_request req = { .type = type, .reserved = reserved };
    struct wh_list_objects_reply reply;
    struct listing l = { 0 };
    void *var = NULL;
    l.error = server_call(WH_REQ_list_objects, &req, sizeof(req), extra, extra_len, &reply,
                          sizeof(reply), &var, &l.len);
    l.count = reply.count;
    l.record_size = reply.record_size;
    l.holder_size = reply.holder_size;
    l.data = var;
    return l;
}

/* The record of the object named name, or NULL; *holders gets its holders. */
static const struct wh_object_record *find_named(const struct listing *l, const char *name,
                                                 const struct wh_holder_record **holders)
{
    uint32_t off = 0;
    for (uint32_t i = 0; i < l->count && off + sizeof(struct wh_object_record) <= l->len; i++) {
        const struct wh_object_record *r = (const void *)(l->data + off);
        const char *n = (const char *)(r + 1);
        *holders = (const void *)(n + WH_ALIGN8(r->name_len));
        if (r->name_len == strlen(name) && !memcmp(n, name, r->name_len))
            return r;
        off += (uint32_t)sizeof(*r) + WH_ALIGN8(r->name_len) +
               r->holder_count * (uint32_t)sizeof(struct wh_holder_record);
    }
    return NULL;
}

static void check_holders(pid_t child)
{
    struct listing l = list_objects(0, 0, NULL, 0);
    ok(l.error == 0, "list_objects answers an observer (error %u)", l.error);
    ok(l.record_size == sizeof(struct wh_object_record) &&
           l.holder_size == sizeof(struct wh_holder_record),
       "it says its record sizes (%u, %u)", l.record_size, l.holder_size);
    const struct wh_holder_record *h = NULL;
    const struct wh_object_record *ev = find_named(&l, "lo-event", &h);
    ok(ev && ev->type == WH_TYPE_EVENT && ev->handle_count == 3,
       "the event is listed with its 3 handles");
    ok(ev && ev->holder_count == 1 && h[0].pid == (uint32_t)child && h[0].handles == 3,
       "one holder, the child, with 3 handles");
    struct wh_server_info_request req = { 0 };
    struct wh_server_info_reply info = { 0 };
    uint32_t info_error = SERVER_CALL(server_info, &req, &info, NULL, 0);
    ok(info_error == 0 && info.objects == l.count,
       "the server's object count is what it lists, its message queues left out (%u, %u)",
       info.objects, l.count);
    free(l.data);

    l = list_objects(WH_TYPE_SEMAPHORE, 0, NULL, 0);
    const struct wh_object_record *r = (const void *)l.data;
    ok(l.error == 0 && l.count == 1 && r->type == WH_TYPE_SEMAPHORE && r->name_len == 0 &&
           r->state[0] == 1 && r->state[1] == 4 && r->holder_count == 1,
       "the type filter gives the one (unnamed) semaphore, count 1 of 4");
    free(l.data);
}

static void check_refusals(void)
{
    struct listing l = list_objects(WH_TYPE_COUNT, 0, NULL, 0);
    ok(l.error == ERROR_INVALID_PARAMETER, "an unknown type is refused (%u)", l.error);
    l = list_objects(0xffffffffu, 0, NULL, 0);
    ok(l.error == ERROR_INVALID_PARAMETER, "type 0xffffffff is refused (%u)", l.error);
    l = list_objects(0, 1, NULL, 0);
    ok(l.error == ERROR_INVALID_PARAMETER, "a nonzero reserved field is refused (%u)",
       l.error);
    l = list_objects(0, 0, "junk", 4);
    ok(l.error == ERROR_INVALID_PARAMETER, "trailing data is refused (%u)", l.error);
    ok(!l.data, "and a refusal carries no records");
    struct wh_server_info_request req;
    struct wh_server_info_reply reply;
    ok(SERVER_CALL(server_info, &req, &reply, NULL, 0) == 0,
       "the server still answers afterwards");
}

int main(void)
{
    int ready[2], hold[2];
    if (pipe(ready) < 0 || pipe(hold) < 0)
        return 2;
    pid_t child = fork();
    if (child == 0) {
        close(ready[0]);
        close(hold[1]);
        holder(ready[1], hold[0]);
    }
    close(ready[1]);
    close(hold[0]);
    char c;
    ok(read(ready[0], &c, 1) == 1, "the holder process is ready");

    client_set_observer();
    check_holders(child);
    check_refusals();

    close(hold[1]);
    int status;
    waitpid(child, &status, 0);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the holder exited cleanly");
    return tap_done();
}
