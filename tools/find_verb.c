/*
 * winhandle find WHAT: who holds it.
 *
 *   find NAME          every object whose name contains NAME
 *   find PID:HANDLE    the object behind that handle of that process
 *   find HANDLE        a handle value (0x.. or decimal): the USER object
 *                      with that value, and the kernel object behind that
 *                      value in each process where it is open (a kernel
 *                      handle means something only in its own process)
 *
 * For each kernel object found: its type, name and state, then every
 * handle to it in every process (pid, value, rights, origin). Answers
 * "who holds this open?" without knowing where to look first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "json.h"
#include "query.h"
#include "scene.h"
#include "table.h"
#include "tool.h"

/* A handle value as typed: 0x hex or decimal, 32 bits. */
static int parse_value(const char *word, uint32_t *value)
{
    char *end;
    unsigned long long v = strtoull(word, &end, 0);
    if (!*word || *end || word[0] == '-' || v > UINT32_MAX)
        return -1;
    *value = (uint32_t)v;
    return 0;
}

struct query {
    const char *name;  /* NAME form */
    uint32_t pid;      /* PID:HANDLE form */
    uint32_t value;    /* PID:HANDLE and HANDLE forms */
    int by_value;
};

static int parse_query(const char *word, struct query *q)
{
    memset(q, 0, sizeof(*q));
    const char *colon = strchr(word, ':');
    if (colon) {
        char pid[16];
        size_t len = (size_t)(colon - word);
        if (len >= sizeof(pid))
            return -1;
        memcpy(pid, word, len);
        pid[len] = '\0';
        q->by_value = 1;
        return parse_pid(pid, &q->pid) < 0 || parse_value(colon + 1, &q->value) < 0 ? -1 : 0;
    }
    if (parse_value(word, &q->value) == 0) {
        q->by_value = 1;
        return 0;
    }
    q->name = word;
    return 0;
}

/* Does this handle select its object? */
static int selects(const struct query *q, const struct held *h)
{
    if (!q->by_value)
        return h->handle->name[0] && strstr(h->handle->name, q->name);
    return (h->handle->rec.handle & ~3u) == (q->value & ~3u) &&
           (!q->pid || h->process->rec.pid == q->pid);
}

/* The ids of the selected objects, each once, in the order first met. */
static uint32_t selected_objects(const struct scene *s, const struct query *q, uint32_t *ids)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->nall; i++) {
        if (!selects(q, &s->all[i]))
            continue;
        uint32_t id = s->all[i].handle->rec.object_id, k = 0;
        while (k < n && ids[k] != id)
            k++;
        if (k == n)
            ids[n++] = id;
    }
    return n;
}

/* A USER handle matches by its whole value, or by its index alone when
 * only 16 bits were given (Windows accepts either). */
static int user_matches(const struct query *q, const struct wh_user_record *u)
{
    if (!q->by_value || q->pid)
        return 0;
    return u->handle == q->value || (q->value <= 0xffff && (u->handle & 0xffff) == q->value);
}

static void print_object_text(const struct scene *s, uint32_t id)
{
    const struct held *first = NULL;
    for (uint32_t i = 0; i < s->nall && !first; i++)
        if (s->all[i].handle->rec.object_id == id)
            first = &s->all[i];
    const struct wh_handle_record *r = &first->handle->rec;
    char state[160];
    state_text(r->type, r->signaled, r->state, r->owner_pid, state, sizeof(state));
    printf("%s %s (object %u): %s\n", type_name(r->type),
           first->handle->name[0] ? first->handle->name : "(unnamed)", id, state);
    static const char *const headers[] = { "PID", "PROCESS", "HANDLE", "RIGHTS", "ORIGIN",
                                           NULL };
    struct table t;
    table_init(&t, headers);
    for (uint32_t i = 0; i < s->nall; i++) {
        const struct held *h = &s->all[i];
        if (h->handle->rec.object_id != id)
            continue;
        char pid[16], value[16], rights[256], origin[48];
        snprintf(pid, sizeof(pid), "%u", h->process->rec.pid);
        snprintf(value, sizeof(value), "0x%x", h->handle->rec.handle);
        rights_text(h->handle->rec.type, h->handle->rec.access, rights, sizeof(rights));
        origin_text(h->handle->rec.origin, h->handle->rec.origin_pid, origin, sizeof(origin));
        const char *cells[] = { pid, h->process->name, value, rights, origin };
        table_add(&t, cells);
    }
    table_print(&t, stdout);
    table_free(&t);
}

static void print_object_json(struct json *j, const struct scene *s, uint32_t id)
{
    int started = 0;
    for (uint32_t i = 0; i < s->nall; i++) {
        const struct held *h = &s->all[i];
        const struct wh_handle_record *r = &h->handle->rec;
        if (r->object_id != id)
            continue;
        if (!started) {
            started = 1;
            json_begin_object(j);
            json_key_uint(j, "object_id", id);
            json_key_string(j, "type", type_name(r->type));
            json_key_string_or_null(j, "name", h->handle->name);
            json_key(j, "state");
            state_json(j, r->type, r->signaled, r->state, r->owner_pid);
            json_key(j, "holders");
            json_begin_array(j);
        }
        json_begin_object(j);
        json_key_uint(j, "pid", h->process->rec.pid);
        json_key_string(j, "process", h->process->name);
        json_key_uint(j, "handle", r->handle);
        json_key(j, "rights");
        rights_json(j, r->type, r->access);
        json_key_string(j, "origin", origin_name(r->origin));
        json_key_uint_or_null(j, "origin_pid", r->origin_pid);
        json_end_object(j);
    }
    if (!started)
        return;
    json_end_array(j);
    json_end_object(j);
}

static void print_json(const struct scene *s, const uint32_t *ids, uint32_t nids,
                       const struct wh_user_record *u, uint32_t nu, const struct query *q)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_key(&j, "objects");
    json_begin_array(&j);
    for (uint32_t i = 0; i < nids; i++)
        print_object_json(&j, s, ids[i]);
    json_end_array(&j);
    json_key(&j, "user_objects");
    json_begin_array(&j);
    for (uint32_t i = 0; i < nu; i++) {
        if (!user_matches(q, &u[i]))
            continue;
        user_record_json(&j, &u[i]);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static int print_text(const struct scene *s, const uint32_t *ids, uint32_t nids,
                      const struct wh_user_record *u, uint32_t nu, const struct query *q)
{
    int found = 0;
    for (uint32_t i = 0; i < nids; i++, found++) {
        if (found)
            printf("\n");
        print_object_text(s, ids[i]);
    }
    for (uint32_t i = 0; i < nu; i++) {
        if (!user_matches(q, &u[i]))
            continue;
        if (found++)
            printf("\n");
        char owner[48];
        if (u[i].owner_tid)
            snprintf(owner, sizeof(owner), "pid %u, tid %u", u[i].owner_pid, u[i].owner_tid);
        else if (u[i].owner_pid)
            snprintf(owner, sizeof(owner), "pid %u", u[i].owner_pid);
        else
            snprintf(owner, sizeof(owner), "the session");
        printf("USER %s 0x%08x, owner %s: %s\n", user_type_name(u[i].type), u[i].handle, owner,
               u[i].summary);
    }
    return found;
}

int verb_find(const struct tool_options *opt, int argc, char **argv)
{
    struct query q;
    if (argc != 1 || parse_query(argv[0], &q) < 0) {
        tool_error("usage: winhandle find NAME|PID:HANDLE|HANDLE");
        return EXIT_USAGE;
    }
    struct scene s;
    int rc = load_scene(opt, &s);
    uint32_t *ids = NULL, nu = 0, nids = 0;
    struct wh_user_record *u = NULL;
    if (rc == EXIT_OK) {
        ids = calloc(s.nall ? s.nall : 1, sizeof(*ids));
        rc = ids ? EXIT_OK : EXIT_FAILED;
    }
    if (rc == EXIT_OK && q.by_value && !q.pid && query_user_objects(0, &u, &nu))
        nu = 0;
    if (rc == EXIT_OK) {
        nids = selected_objects(&s, &q, ids);
        if (opt->json)
            print_json(&s, ids, nids, u, nu, &q);
        else if (!print_text(&s, ids, nids, u, nu, &q))
            printf("nothing found\n");
    }
    free(u);
    free(ids);
    free_scene(&s);
    return rc;
}
