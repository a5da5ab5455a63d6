/*
 * winhandle graph [--svg FILE]: the session as a Graphviz graph. Processes
 * are boxes, with a dashed edge from each parent to its children; objects
 * are ellipses, with an edge from every process holding a handle to the
 * object, labelled with the handle's value. An object held by more than
 * one process is filled, so sharing stands out; a process handle points at
 * the process itself. DOT on standard output, or with --svg, rendered by
 * dot(1) into FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../protocol/protocol.h"
#include "describe.h"
#include "scene.h"
#include "tool.h"

/* A DOT string body: quotes and backslashes escaped, control bytes
 * dropped (names may hold anything). */
static void dot_escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        if ((unsigned char)*s >= 0x20)
            fputc(*s, out);
    }
}

static int is_process(const struct scene *s, uint32_t pid)
{
    for (uint32_t i = 0; i < s->nprocesses; i++)
        if (s->processes[i].rec.pid == pid)
            return 1;
    return 0;
}

/* How many processes hold the object; the first of its handles in *first. */
static uint32_t holders(const struct scene *s, uint32_t id, const struct held **first)
{
    uint32_t n = 0, last_pid = 0;
    *first = NULL;
    for (uint32_t i = 0; i < s->nall; i++) {
        if (s->all[i].handle->rec.object_id != id)
            continue;
        if (!*first)
            *first = &s->all[i];
        /* Handles come process by process: a new pid is a new holder. */
        if (s->all[i].process->rec.pid != last_pid)
            n++;
        last_pid = s->all[i].process->rec.pid;
    }
    return n;
}

/* Is this handle to a process the graph already draws as a box? */
static int points_at_process(const struct scene *s, const struct wh_handle_record *r)
{
    return r->type == WH_TYPE_PROCESS && is_process(s, r->state[0]);
}

static void write_objects(FILE *out, const struct scene *s)
{
    for (uint32_t i = 0; i < s->nall; i++) {
        const struct wh_handle_record *r = &s->all[i].handle->rec;
        const struct held *first;
        uint32_t n = holders(s, r->object_id, &first);
        if (first != &s->all[i] || points_at_process(s, r))
            continue; /* each object once; processes are boxes already */
        /* Second line: the name, or for an unnamed object its state. */
        char state[160];
        state_text(r->type, r->signaled, r->state, r->owner_pid, state, sizeof(state));
        fprintf(out, "  o%u [label=\"%s\\n", r->object_id, type_name(r->type));
        dot_escaped(out, first->handle->name[0] ? first->handle->name : state);
        fprintf(out, "\"%s];\n", n > 1 ? ", style=filled, fillcolor=\"#ffd27f\"" : "");
    }
}

static void write_edges(FILE *out, const struct scene *s)
{
    for (uint32_t i = 0; i < s->nprocesses; i++) {
        const struct wh_process_record *p = &s->processes[i].rec;
        if (p->parent_pid && is_process(s, p->parent_pid))
            fprintf(out, "  p%u -> p%u [style=dashed, label=\"child\"];\n", p->parent_pid,
                    p->pid);
    }
    for (uint32_t i = 0; i < s->nall; i++) {
        const struct wh_handle_record *r = &s->all[i].handle->rec;
        uint32_t pid = s->all[i].process->rec.pid;
        if (points_at_process(s, r))
            fprintf(out, "  p%u -> p%u [color=blue, label=\"0x%x\"];\n", pid, r->state[0],
                    r->handle);
        else
            fprintf(out, "  p%u -> o%u [label=\"0x%x\"];\n", pid, r->object_id, r->handle);
    }
}

static void write_dot(FILE *out, const struct scene *s)
{
    fprintf(out, "digraph winhandle {\n  rankdir=LR;\n"
                 "  node [fontname=\"monospace\", fontsize=10];\n"
                 "  edge [fontname=\"monospace\", fontsize=9];\n");
    for (uint32_t i = 0; i < s->nprocesses; i++) {
        const struct process_info *p = &s->processes[i];
        fprintf(out, "  p%u [shape=box, label=\"%u ", p->rec.pid, p->rec.pid);
        dot_escaped(out, p->name);
        fprintf(out, "\\n%u-bit, %u handles\"];\n", p->rec.bitness, p->rec.handles);
    }
    write_objects(out, s);
    write_edges(out, s);
    fprintf(out, "}\n");
}

/* Render through dot(1) into path. */
static int write_svg(const struct scene *s, const char *path)
{
    char cmd[4096];
    if (strchr(path, '\'') || snprintf(cmd, sizeof(cmd), "dot -Tsvg -o '%s'", path) >=
                                  (int)sizeof(cmd)) {
        tool_error("cannot use %s as the SVG file name", path);
        return EXIT_USAGE;
    }
    if (system("command -v dot >/dev/null 2>&1") != 0) {
        tool_error("--svg needs Graphviz's dot, which is not installed "
                   "(apt-get install graphviz); without --svg the graph is printed as DOT");
        return EXIT_FAILED;
    }
    FILE *pipe = popen(cmd, "w");
    if (!pipe) {
        tool_error("cannot run dot");
        return EXIT_FAILED;
    }
    write_dot(pipe, s);
    int status = pclose(pipe);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        tool_error("dot failed to write %s", path);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

int verb_graph(const struct tool_options *opt, int argc, char **argv)
{
    (void)argv;
    if (argc != 0 || opt->json) {
        tool_error("usage: winhandle graph [--svg FILE] (DOT is its machine-readable form)");
        return EXIT_USAGE;
    }
    struct scene s;
    int rc = load_scene(opt, &s);
    if (rc == EXIT_OK && opt->svg_path)
        rc = write_svg(&s, opt->svg_path);
    else if (rc == EXIT_OK)
        write_dot(stdout, &s);
    free_scene(&s);
    return rc;
}
