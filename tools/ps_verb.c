/*
 * winhandle ps: the processes the server knows, with their threads and
 * handle counts.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "json.h"
#include "query.h"
#include "table.h"
#include "tool.h"

/* The executable of a live process of ours, from /proc; "" if unknown. The
 * server keeps only the 15-character comm name, so the path comes from
 * here (the inspector runs as the session's user, who may read it). */
static void exe_of(uint32_t pid, char *buf, size_t len)
{
    char link[64];
    snprintf(link, sizeof(link), "/proc/%u/exe", pid);
    ssize_t n = readlink(link, buf, len - 1);
    buf[n > 0 ? n : 0] = '\0';
}

static void ps_json(const struct process_info *p, uint32_t count)
{
    char exe[PATH_MAX];
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_key(&j, "processes");
    json_begin_array(&j);
    for (uint32_t i = 0; i < count; i++) {
        const struct wh_process_record *r = &p[i].rec;
        exe_of(r->pid, exe, sizeof(exe));
        json_begin_object(&j);
        json_key_uint(&j, "pid", r->pid);
        json_key_uint_or_null(&j, "parent_pid", r->parent_pid);
        json_key_uint_or_null(&j, "bitness", r->bitness);
        json_key_uint(&j, "threads", r->threads);
        json_key_uint(&j, "handles", r->handles);
        json_key_uint(&j, "connections", r->connections);
        json_key_bool(&j, "alive", r->alive != 0);
        json_key(&j, "exit_code");
        if (r->alive)
            json_null(&j);
        else
            json_uint(&j, r->exit_code);
        json_key_string(&j, "name", p[i].name);
        json_key_string_or_null(&j, "exe", exe);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static void ps_text(const struct process_info *p, uint32_t count)
{
    static const char *const headers[] = { "PID", "PPID", "BITS", "THREADS", "HANDLES",
                                           "NAME", "EXE", NULL };
    struct table t;
    table_init(&t, headers);
    for (uint32_t i = 0; i < count; i++) {
        const struct wh_process_record *r = &p[i].rec;
        char pid[16], ppid[16], bits[16], threads[16], handles[16], exe[PATH_MAX];
        snprintf(pid, sizeof(pid), "%u", r->pid);
        number_or_dash(r->parent_pid, ppid, sizeof(ppid));
        number_or_dash(r->bitness, bits, sizeof(bits));
        snprintf(threads, sizeof(threads), "%u", r->threads);
        snprintf(handles, sizeof(handles), "%u", r->handles);
        exe_of(r->pid, exe, sizeof(exe));
        const char *cells[] = { pid, ppid, bits, threads, handles, p[i].name,
                                exe[0] ? exe : "-" };
        table_add(&t, cells);
    }
    if (count)
        table_print(&t, stdout);
    else
        printf("no processes\n");
    table_free(&t);
}

int verb_ps(const struct tool_options *opt, int argc, char **argv)
{
    (void)argv;
    if (argc != 0) {
        tool_error("usage: winhandle ps");
        return EXIT_USAGE;
    }
    struct process_info *p;
    uint32_t count;
    int rc = fetch_processes(opt, &p, &count);
    if (rc != EXIT_OK)
        return rc;
    if (opt->json)
        ps_json(p, count);
    else
        ps_text(p, count);
    free(p);
    return EXIT_OK;
}
