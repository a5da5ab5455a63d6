#include "scene.h"

#include <stdlib.h>
#include <string.h>

#include "tool.h"

void free_scene(struct scene *s)
{
    for (uint32_t i = 0; s->tables && i < s->nprocesses; i++)
        free(s->tables[i]);
    free(s->tables);
    free(s->sizes);
    free(s->all);
    free(s->processes);
}

int load_scene(const struct tool_options *opt, struct scene *s)
{
    memset(s, 0, sizeof(*s));
    int rc = fetch_processes(opt, &s->processes, &s->nprocesses);
    if (rc != EXIT_OK)
        return rc;
    uint32_t n = s->nprocesses ? s->nprocesses : 1;
    s->tables = calloc(n, sizeof(*s->tables));
    s->sizes = calloc(n, sizeof(*s->sizes));
    if (!s->tables || !s->sizes)
        return EXIT_FAILED;
    uint32_t total = 0;
    for (uint32_t i = 0; i < s->nprocesses; i++) {
        /* A process that ended meanwhile has no table: it holds nothing. */
        if (query_handles(s->processes[i].rec.pid, &s->tables[i], &s->sizes[i]))
            s->sizes[i] = 0;
        total += s->sizes[i];
    }
    s->all = calloc(total ? total : 1, sizeof(*s->all));
    if (!s->all)
        return EXIT_FAILED;
    for (uint32_t i = 0; i < s->nprocesses; i++)
        for (uint32_t k = 0; k < s->sizes[i]; k++)
            s->all[s->nall++] = (struct held){ &s->processes[i], &s->tables[i][k] };
    return EXIT_OK;
}

