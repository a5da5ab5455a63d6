/*
 * winhandle handles --trace: the creation site of each handle of a
 * process run with WINHANDLE_TRACE (protocol/trace_requests.h).
 */
#ifndef WINHANDLE_TOOL_TRACE_SITES_H
#define WINHANDLE_TOOL_TRACE_SITES_H

#include <stdint.h>
#include <stdio.h>

struct json;

struct site_entry {
    uint32_t handle;
    char *text; /* "Function\nframe\nframe...", NUL-terminated */
};

struct site_list {
    struct site_entry *items;
    uint32_t count;
};

/* The sites of process pid's handles; a Win32 error, 0 on success. */
uint32_t query_sites(uint32_t pid, struct site_list *out);
void free_sites(struct site_list *s);

/* The site of handle, or NULL when it has none. */
const char *site_of(const struct site_list *s, uint32_t handle);

/* Text: "0xH  Function" then each frame indented, or a line saying why
 * there is no site. */
void site_print_text(FILE *out, uint32_t handle, const char *site);

/* JSON: {"function": ..., "frames": [...]}, or null. */
void site_json(struct json *j, const char *site);

#endif
