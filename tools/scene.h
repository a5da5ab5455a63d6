/*
 * The whole session at one moment, for the verbs that look across
 * processes (find, graph): every process and every handle of each.
 * Taken one process at a time, so a process that ends meanwhile simply
 * holds nothing.
 */
#ifndef WINHANDLE_TOOL_SCENE_H
#define WINHANDLE_TOOL_SCENE_H

#include <stdint.h>

#include "query.h"

struct tool_options;

/* Every handle of every process, flattened. */
struct held {
    const struct process_info *process;
    const struct handle_info *handle;
};

struct scene {
    struct process_info *processes;
    uint32_t nprocesses;
    struct handle_info **tables; /* per process */
    uint32_t *sizes;
    struct held *all;
    uint32_t nall;
};

/* Returns an enum tool_exit; free_scene in any case. */
int load_scene(const struct tool_options *opt, struct scene *s);
void free_scene(struct scene *s);

#endif
