/*
 * winhandle handles [PID]: each process's handle table, with what each
 * handle grants, where it came from and the state of its object.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "../protocol/protocol.h"
#include "describe.h"
#include "json.h"
#include "query.h"
#include "table.h"
#include "tool.h"
#include "trace_sites.h"

/* With --trace: the sites of the process being shown (trace_sites.c). */
static const struct site_list *sites;

static int handle_matches(const struct tool_options *opt, const struct handle_info *h)
{
    return (!opt->type || h->rec.type == opt->type) &&
           (!opt->name_filter || strstr(h->name, opt->name_filter));
}

static uint32_t count_matches(const struct tool_options *opt,
                              const struct handle_info *h, uint32_t count)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < count; i++)
        n += (uint32_t)handle_matches(opt, &h[i]);
    return n;
}

static void handle_json(struct json *j, const struct handle_info *h)
{
    const struct wh_handle_record *r = &h->rec;
    json_begin_object(j);
    json_key_uint(j, "handle", r->handle);
    json_key_string(j, "type", type_name(r->type));
    json_key_uint(j, "object_id", r->object_id);
    json_key_string_or_null(j, "name", h->name);
    json_key_uint(j, "access", r->access);
    json_key(j, "rights");
    rights_json(j, r->type, r->access);
    json_key_bool(j, "inherit", (r->flags & HANDLE_FLAG_INHERIT) != 0);
    json_key_bool(j, "protect", (r->flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0);
    json_key_string(j, "origin", origin_name(r->origin));
    json_key_uint_or_null(j, "origin_pid", r->origin_pid);
    json_key(j, "state");
    state_json(j, r->type, r->signaled, r->state, r->owner_pid);
    if (sites) {
        json_key(j, "site");
        site_json(j, site_of(sites, r->handle));
    }
    json_end_object(j);
}

static void process_handles_json(struct json *j, const struct tool_options *opt,
                                 const struct process_info *p,
                                 const struct handle_info *h, uint32_t count)
{
    json_begin_object(j);
    json_key_uint(j, "pid", p->rec.pid);
    json_key_string(j, "name", p->name);
    json_key(j, "handles");
    json_begin_array(j);
    for (uint32_t i = 0; i < count; i++)
        if (handle_matches(opt, &h[i]))
            handle_json(j, &h[i]);
    json_end_array(j);
    json_end_object(j);
}

static void handle_row(struct table *t, const struct handle_info *h)
{
    const struct wh_handle_record *r = &h->rec;
    char value[16], access[16], rights[256], origin[48], state[128];
    snprintf(value, sizeof(value), "0x%x", r->handle);
    snprintf(access, sizeof(access), "0x%x", r->access);
    rights_text(r->type, r->access, rights, sizeof(rights));
    origin_text(r->origin, r->origin_pid, origin, sizeof(origin));
    state_text(r->type, r->signaled, r->state, r->owner_pid, state, sizeof(state));
    const char *cells[] = { value, type_name(r->type), access, rights, flags_text(r->flags),
                            origin, state, r->name_len ? h->name : "-" };
    table_add(t, cells);
}

static void process_handles_text(const struct tool_options *opt,
                                 const struct process_info *p,
                                 const struct handle_info *h, uint32_t count)
{
    static const char *const headers[] = { "HANDLE", "TYPE", "ACCESS", "RIGHTS", "FLAGS",
                                           "ORIGIN", "STATE", "NAME", NULL };
    uint32_t shown = count_matches(opt, h, count);
    printf("process %u (", p->rec.pid);
    print_clean(stdout, p->name);
    if (shown == count)
        printf("): %u handle%s\n", count, count == 1 ? "" : "s");
    else
        printf("): %u of %u handles\n", shown, count);
    struct table t;
    table_init(&t, headers);
    for (uint32_t i = 0; i < count; i++)
        if (handle_matches(opt, &h[i]))
            handle_row(&t, &h[i]);
    table_print(&t, stdout);
    table_free(&t);
    if (sites) {
        printf("creation sites (WINHANDLE_TRACE):\n");
        for (uint32_t i = 0; i < count; i++)
            if (handle_matches(opt, &h[i]))
                site_print_text(stdout, h[i].rec.handle, site_of(sites, h[i].rec.handle));
    }
}

/* The handles of one process, written in the chosen form. Returns 1 when
 * something was written, 0 when its table is gone or has no match, or a
 * negative exit status. A process listed a moment ago may have ended:
 * without an explicit PID that is no error. */
static int show_process(const struct tool_options *opt, struct json *j,
                        const struct process_info *p, int explicit_pid, int printed)
{
    struct handle_info *h;
    uint32_t count;
    uint32_t err = query_handles(p->rec.pid, &h, &count);
    if (err == ERROR_INVALID_PARAMETER && !explicit_pid) /* it has ended */
        return 0;
    struct site_list found = { 0 };
    if (!err && opt->trace)
        err = query_sites(p->rec.pid, &found);
    if (err) {
        free(h);
        return -query_failed(err, "list_handles");
    }
    sites = opt->trace ? &found : NULL;
    int shown = explicit_pid || count_matches(opt, h, count) > 0;
    if (opt->json) {
        process_handles_json(j, opt, p, h, count);
    } else if (shown) {
        if (printed)
            printf("\n");
        process_handles_text(opt, p, h, count);
    }
    free(h);
    free_sites(&found);
    sites = NULL;
    return shown;
}

static int show_processes(const struct tool_options *opt, const struct process_info *p,
                          uint32_t count, uint32_t pid)
{
    struct json j;
    int printed = 0;
    if (opt->json) {
        json_init(&j, stdout);
        json_begin_object(&j);
        json_key(&j, "processes");
        json_begin_array(&j);
    }
    for (uint32_t i = 0; i < count; i++) {
        if (pid && p[i].rec.pid != pid)
            continue;
        int r = show_process(opt, &j, &p[i], pid != 0, printed);
        if (r < 0)
            return -r;
        printed += r;
    }
    if (opt->json) {
        json_end_array(&j);
        json_end_object(&j);
        json_finish(&j);
    } else if (!printed) {
        printf(opt->type || opt->name_filter ? "no matching handles\n" : "no handles\n");
    }
    return EXIT_OK;
}

static int known_pid(const struct process_info *p, uint32_t count, uint32_t pid)
{
    for (uint32_t i = 0; i < count; i++)
        if (p[i].rec.pid == pid)
            return 1;
    return 0;
}

int verb_handles(const struct tool_options *opt, int argc, char **argv)
{
    uint32_t pid = 0;
    if (argc > 1 || (argc == 1 && parse_pid(argv[0], &pid) < 0)) {
        tool_error("usage: winhandle handles [PID] [--type TYPE] [--name SUBSTR] [--trace]");
        return EXIT_USAGE;
    }
    struct process_info *p;
    uint32_t count;
    int rc = fetch_processes(opt, &p, &count);
    if (rc != EXIT_OK)
        return rc;
    if (pid && !known_pid(p, count, pid)) {
        tool_error("no process %u in this session", pid);
        rc = EXIT_FAILED;
    } else {
        rc = show_processes(opt, p, count, pid);
    }
    free(p);
    return rc;
}
