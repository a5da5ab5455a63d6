/*
 * winhandle user [PID]: the session's USER handle table (menus, cursors and
 * icons, accelerator tables, hooks, window-position structures, DDE
 * conversations, windows): how full it is, by type and by owner, and every
 * entry with its owner and a few words about it. With PID, only the
 * entries that process owns (and its counts by type; "used" stays the
 * whole table's, the number that meets the 65,536 limit).
 *
 * Then the last refusals of the desktop check: a thread may use only the
 * windows of its own desktop, and when one was refused, this says who
 * asked, on which desktop, for which window on which desktop: the "why"
 * behind an ERROR_ACCESS_DENIED.
 */
#include <stdio.h>
#include <stdlib.h>

#include "describe.h"
#include "json.h"
#include "query.h"
#include "table.h"
#include "tool.h"

/* Entries per owner pid (0: the session's own, such as system cursors),
 * in the order owners first appear. */
struct owner_count {
    uint32_t pid, count;
};

static uint32_t count_owners(const struct wh_user_record *u, uint32_t n,
                             struct owner_count *owners)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = 0;
        while (j < k && owners[j].pid != u[i].owner_pid)
            j++;
        if (j == k)
            owners[k++] = (struct owner_count){ u[i].owner_pid, 0 };
        owners[j].count++;
    }
    return k;
}

/* The request a refusal answered, by the protocol's name. */
static const char *request_name(uint32_t code)
{
#define WH_NAME_(name, req, rep) #name,
    static const char *const names[] = { WH_REQUESTS(WH_NAME_, WH_IGNORE_FIELD_) };
#undef WH_NAME_
    return code < WH_REQ_COUNT ? names[code] : "?";
}

struct refusals {
    const struct wh_refusal_record *r;
    uint32_t n;
};

static void refusals_json(struct json *j, const struct refusals *f)
{
    json_key(j, "refused");
    json_begin_array(j);
    for (uint32_t i = 0; i < f->n; i++) {
        const struct wh_refusal_record *r = &f->r[i];
        char handle[16];
        snprintf(handle, sizeof(handle), "0x%08x", r->handle);
        json_begin_object(j);
        json_key_uint(j, "pid", r->pid);
        json_key_uint(j, "tid", r->tid);
        json_key_string(j, "caller_desktop", r->caller_desktop);
        json_key_string(j, "handle", handle);
        json_key_uint_or_null(j, "owner_pid", r->owner_pid);
        json_key_string(j, "object_desktop", r->object_desktop);
        json_key_string(j, "request", request_name(r->request));
        json_key_string(j, "reason", "different desktop");
        json_end_object(j);
    }
    json_end_array(j);
}

static void refusals_text(const struct refusals *f)
{
    if (!f->n)
        return;
    printf("\nrefused (newest first): a thread may use only its own desktop's windows\n");
    for (uint32_t i = 0; i < f->n; i++) {
        const struct wh_refusal_record *r = &f->r[i];
        printf("  pid %u tid %u on WinSta0\\%s: %s of window 0x%08x", r->pid, r->tid,
               r->caller_desktop, request_name(r->request), r->handle);
        if (r->owner_pid)
            printf(" (pid %u)", r->owner_pid);
        printf(" on WinSta0\\%s\n", r->object_desktop);
    }
}

static void user_json(uint32_t used, uint32_t capacity, const uint32_t *by_type,
                      const struct wh_user_record *u, uint32_t n,
                      const struct owner_count *owners, uint32_t nowners,
                      const struct refusals *f)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_key_uint(&j, "used", used);
    json_key_uint(&j, "capacity", capacity);
    json_key(&j, "by_type");
    json_begin_object(&j);
    for (uint32_t t = 1; t < WH_USER_TYPE_COUNT; t++)
        json_key_uint(&j, user_type_name(t), by_type[t]);
    json_end_object(&j);
    json_key(&j, "by_owner");
    json_begin_array(&j);
    for (uint32_t i = 0; i < nowners; i++) {
        json_begin_object(&j);
        json_key_uint_or_null(&j, "pid", owners[i].pid);
        json_key_uint(&j, "count", owners[i].count);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key(&j, "objects");
    json_begin_array(&j);
    for (uint32_t i = 0; i < n; i++) {
        user_record_json(&j, &u[i]);
    }
    json_end_array(&j);
    refusals_json(&j, f);
    json_end_object(&j);
    json_finish(&j);
}

static void user_entries(const struct wh_user_record *u, uint32_t n)
{
    static const char *const headers[] = { "HANDLE", "TYPE", "OWNER PID", "OWNER TID",
                                           "SUMMARY", NULL };
    struct table t;
    table_init(&t, headers);
    for (uint32_t i = 0; i < n; i++) {
        char handle[16], pid[16], tid[16];
        snprintf(handle, sizeof(handle), "0x%08x", u[i].handle);
        number_or_dash(u[i].owner_pid, pid, sizeof(pid));
        number_or_dash(u[i].owner_tid, tid, sizeof(tid));
        const char *cells[] = { handle, user_type_name(u[i].type), pid, tid,
                                u[i].summary[0] ? u[i].summary : "-" };
        table_add(&t, cells);
    }
    printf("\n");
    table_print(&t, stdout);
    table_free(&t);
}

static void user_text(uint32_t used, uint32_t capacity, const uint32_t *by_type,
                      const struct wh_user_record *u, uint32_t n,
                      const struct owner_count *owners, uint32_t nowners,
                      const struct refusals *f)
{
    printf("USER table: %u of %u entries used\n", used, capacity);
    printf("by type:");
    for (uint32_t t = 1; t < WH_USER_TYPE_COUNT; t++)
        if (by_type[t])
            printf(" %s %u", user_type_name(t), by_type[t]);
    printf("%s\nby owner:", used ? "" : " -");
    for (uint32_t i = 0; i < nowners; i++) {
        if (owners[i].pid)
            printf(" pid %u: %u", owners[i].pid, owners[i].count);
        else
            printf(" session: %u", owners[i].count);
    }
    printf("%s\n", nowners ? "" : " -");
    if (n)
        user_entries(u, n);
    refusals_text(f);
}

/* Keep the entries of one owner (pid != 0); returns how many. */
static uint32_t keep_owner(struct wh_user_record *u, uint32_t n, uint32_t pid)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (u[i].owner_pid == pid)
            u[k++] = u[i];
    return k;
}

int verb_user(const struct tool_options *opt, int argc, char **argv)
{
    uint32_t pid = 0;
    if (argc > 1 || (argc == 1 && parse_pid(argv[0], &pid) < 0)) {
        tool_error("usage: winhandle user [PID]");
        return EXIT_USAGE;
    }
    int rc = connect_for_verb(opt);
    if (rc != EXIT_OK)
        return rc;
    uint32_t used, capacity, by_type[WH_USER_TYPE_COUNT], n;
    struct wh_user_record *u;
    uint32_t err = query_user_table(&used, &capacity, by_type);
    if (err)
        return query_failed(err, "user_table_info");
    if ((err = query_user_objects(0, &u, &n)))
        return query_failed(err, "list_user_objects");
    if (pid) {
        /* The counts by type become this owner's; "used" stays the table's. */
        n = keep_owner(u, n, pid);
        for (uint32_t t = 0; t < WH_USER_TYPE_COUNT; t++)
            by_type[t] = 0;
        for (uint32_t i = 0; i < n; i++)
            if (u[i].type < WH_USER_TYPE_COUNT)
                by_type[u[i].type]++;
    }
    struct owner_count *owners = calloc(n ? n : 1, sizeof(*owners));
    if (!owners) {
        free(u);
        tool_error("out of memory");
        return EXIT_FAILED;
    }
    uint32_t nowners = count_owners(u, n, owners);
    struct wh_refusal_record *refused = NULL;
    struct refusals f = { NULL, 0 };
    /* An older server has no refusals to tell: show the rest anyway. */
    if (!query_refusals(&refused, &f.n))
        f.r = refused;
    else
        f.n = 0;
    if (pid) { /* this process's refusals, or those of its windows */
        uint32_t k = 0;
        for (uint32_t i = 0; i < f.n; i++)
            if (refused[i].pid == pid || refused[i].owner_pid == pid)
                refused[k++] = refused[i];
        f.n = k;
    }
    if (opt->json)
        user_json(used, capacity, by_type, u, n, owners, nowners, &f);
    else
        user_text(used, capacity, by_type, u, n, owners, nowners, &f);
    free(refused);
    free(owners);
    free(u);
    return EXIT_OK;
}
