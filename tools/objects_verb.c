/*
 * winhandle objects: every object of the session, named or not, with its
 * state and the processes holding handles to it ("who holds this open?");
 * with --tree, as the namespace's tree, the way WinObj shows Windows'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "json.h"
#include "query.h"
#include "table.h"
#include "tool.h"

static int object_matches(const struct tool_options *opt, const struct object_info *o)
{
    return !opt->name_filter || (o->rec.name_len && strstr(o->name, opt->name_filter));
}

static void object_json(struct json *j, const struct object_info *o)
{
    const struct wh_object_record *r = &o->rec;
    json_begin_object(j);
    json_key_uint(j, "id", r->object_id);
    json_key_string(j, "type", type_name(r->type));
    json_key_string_or_null(j, "name", o->name);
    json_key_uint(j, "handles", r->handle_count);
    json_key(j, "state");
    state_json(j, r->type, r->signaled, r->state, r->owner_pid);
    json_key(j, "holders");
    json_begin_array(j);
    for (uint32_t i = 0; i < r->holder_count; i++) {
        json_begin_object(j);
        json_key_uint(j, "pid", o->holders[i].pid);
        json_key_uint(j, "handles", o->holders[i].handles);
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}

static void objects_json(const struct tool_options *opt, const struct object_info *o,
                         uint32_t count)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_key(&j, "objects");
    json_begin_array(&j);
    for (uint32_t i = 0; i < count; i++)
        if (object_matches(opt, &o[i]))
            object_json(&j, &o[i]);
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

/* "1234 (2), 5678 (1)": each holder's pid and how many handles it has. */
static void holders_text(const struct object_info *o, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < o->rec.holder_count && used + 1 < len; i++) {
        int n = snprintf(buf + used, len - used, "%s%u (%u)", i ? ", " : "",
                         o->holders[i].pid, o->holders[i].handles);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (!buf[0])
        snprintf(buf, len, "-");
}

static void object_row(struct table *t, const struct object_info *o)
{
    const struct wh_object_record *r = &o->rec;
    char id[16], handles[16], state[128], holders[1024];
    snprintf(id, sizeof(id), "%u", r->object_id);
    snprintf(handles, sizeof(handles), "%u", r->handle_count);
    state_text(r->type, r->signaled, r->state, r->owner_pid, state, sizeof(state));
    holders_text(o, holders, sizeof(holders));
    const char *cells[] = { id, type_name(r->type), r->name_len ? o->name : "-", state,
                            handles, holders };
    table_add(t, cells);
}

static void objects_text(const struct tool_options *opt, const struct object_info *o,
                         uint32_t count)
{
    static const char *const headers[] = { "ID", "TYPE", "NAME", "STATE", "HANDLES",
                                           "HELD BY PID (HANDLES)", NULL };
    struct table t;
    table_init(&t, headers);
    uint32_t shown = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (!object_matches(opt, &o[i]))
            continue;
        object_row(&t, &o[i]);
        shown++;
    }
    if (shown)
        table_print(&t, stdout);
    else
        printf(opt->type || opt->name_filter ? "no matching objects\n" : "no objects\n");
    table_free(&t);
}

/* ---- --tree: the namespace as WinObj shows it ----
 *
 * Names here are one flat namespace per kind (Local\, Global\ and bare
 * names are the same), so the directories are Windows' own for each kind:
 * kernel objects under \BaseNamedObjects, named pipes under
 * \Device\NamedPipe, the window station and desktop under
 * \Windows\WindowStations; objects without a name are gathered last.
 */
enum tree_dir { DIR_BASE, DIR_PIPES, DIR_STATIONS, DIR_UNNAMED, DIR_COUNT };

static const char *const dir_names[DIR_COUNT] = {
    "BaseNamedObjects", "Device\\NamedPipe", "Windows\\WindowStations", "(unnamed)" };

static enum tree_dir dir_of(const struct object_info *o)
{
    if (!o->rec.name_len)
        return DIR_UNNAMED;
    if (o->rec.type == WH_TYPE_PIPE)
        return DIR_PIPES;
    if (o->rec.type == WH_TYPE_DESKTOP || o->rec.type == WH_TYPE_WINSTA)
        return DIR_STATIONS;
    return DIR_BASE;
}

static void tree_leaf(struct table *t, const struct object_info *o, const char *branch)
{
    const struct wh_object_record *r = &o->rec;
    char name[WH_MAX_NAME_LEN + 64], state[128], handles[16], holders[1024];
    if (r->name_len)
        snprintf(name, sizeof(name), "%s%s", branch, o->name);
    else
        snprintf(name, sizeof(name), "%s#%u", branch, r->object_id);
    snprintf(handles, sizeof(handles), "%u", r->handle_count);
    state_text(r->type, r->signaled, r->state, r->owner_pid, state, sizeof(state));
    holders_text(o, holders, sizeof(holders));
    const char *cells[] = { name, type_name(r->type), state, handles, holders };
    table_add(t, cells);
}

static void objects_tree(const struct tool_options *opt, const struct object_info *o,
                         uint32_t count)
{
    static const char *const headers[] = { "NAME", "TYPE", "STATE", "HANDLES",
                                           "HELD BY PID (HANDLES)", NULL };
    uint32_t in_dir[DIR_COUNT] = { 0 }, last_dir = DIR_COUNT;
    for (uint32_t i = 0; i < count; i++)
        if (object_matches(opt, &o[i]))
            in_dir[dir_of(&o[i])]++;
    for (uint32_t d = 0; d < DIR_COUNT; d++)
        if (in_dir[d])
            last_dir = d;
    if (last_dir == DIR_COUNT) {
        printf(opt->type || opt->name_filter ? "no matching objects\n" : "no objects\n");
        return;
    }
    struct table t;
    table_init(&t, headers);
    const char *root[] = { "\\", "", "", "", "" };
    table_add(&t, root);
    for (uint32_t d = 0; d < DIR_COUNT; d++) {
        if (!in_dir[d])
            continue;
        char dir[64], branch[32];
        snprintf(dir, sizeof(dir), "%s %s", d == last_dir ? "└──" : "├──", dir_names[d]);
        const char *cells[] = { dir, "Directory", "", "", "" };
        table_add(&t, cells);
        uint32_t left = in_dir[d];
        for (uint32_t i = 0; i < count; i++) {
            if (!object_matches(opt, &o[i]) || dir_of(&o[i]) != d)
                continue;
            snprintf(branch, sizeof(branch), "%s   %s ", d == last_dir ? " " : "│",
                     --left ? "├──" : "└──");
            tree_leaf(&t, &o[i], branch);
        }
    }
    table_print(&t, stdout);
    table_free(&t);
}

int verb_objects(const struct tool_options *opt, int argc, char **argv)
{
    (void)argv;
    if (argc != 0) {
        tool_error("usage: winhandle objects [--tree] [--type TYPE] [--name SUBSTR]");
        return EXIT_USAGE;
    }
    int rc = connect_for_verb(opt);
    if (rc != EXIT_OK)
        return rc;
    struct object_info *o;
    uint32_t count;
    uint32_t err = query_objects(opt->type, &o, &count);
    if (err)
        return query_failed(err, "list_objects");
    if (opt->json)
        objects_json(opt, o, count);
    else if (opt->tree)
        objects_tree(opt, o, count);
    else
        objects_text(opt, o, count);
    free_objects(o, count);
    return EXIT_OK;
}
