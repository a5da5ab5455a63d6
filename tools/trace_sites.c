/*
 * Creation sites for winhandle handles --trace. A site is text the traced
 * program sent: its lines are printed through print_clean and written to
 * JSON as strings, never trusted to be tidy.
 */
#include "trace_sites.h"

#include <stdlib.h>
#include <string.h>

#include "../lib/client.h"
#include "json.h"
#include "table.h"

static int compare_entry(const void *a, const void *b)
{
    uint32_t x = ((const struct site_entry *)a)->handle;
    uint32_t y = ((const struct site_entry *)b)->handle;
    return x < y ? -1 : x > y;
}

/* Unpack the records, checking every length against the reply. */
static int take_sites(const char *data, uint32_t len, uint32_t count, uint32_t record_size,
                      struct site_list *out)
{
    if (record_size < sizeof(struct wh_site_record) || count > len / record_size)
        return -1;
    out->items = calloc(count ? count : 1, sizeof(*out->items));
    if (!out->items)
        return -1;
    uint32_t pos = 0;
    for (uint32_t i = 0; i < count; i++) {
        struct wh_site_record r;
        if (len - pos < record_size)
            return -1;
        memcpy(&r, data + pos, sizeof(r));
        pos += record_size;
        if (r.text_len > WH_MAX_SITE_LEN || WH_ALIGN8(r.text_len) > len - pos)
            return -1;
        const char *text = data + pos;
        pos += WH_ALIGN8(r.text_len);
        if (r.type & WH_SITE_USER)
            continue; /* USER objects are not in handle tables */
        struct site_entry *e = &out->items[out->count];
        e->handle = r.handle;
        if (!(e->text = strndup(text, r.text_len)))
            return -1;
        out->count++;
    }
    qsort(out->items, out->count, sizeof(*out->items), compare_entry);
    return 0;
}

uint32_t query_sites(uint32_t pid, struct site_list *out)
{
    struct wh_list_handle_sites_request req = { .pid = pid };
    struct wh_list_handle_sites_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    memset(out, 0, sizeof(*out));
    uint32_t err = server_call(WH_REQ_list_handle_sites, &req, sizeof(req), NULL, 0, &reply,
                               sizeof(reply), &var, &var_len);
    if (!err && take_sites(var, var_len, reply.count, reply.record_size, out) < 0) {
        free_sites(out);
        err = 13; /* ERROR_INVALID_DATA: an answer that does not add up */
    }
    free(var);
    return err;
}

void free_sites(struct site_list *s)
{
    for (uint32_t i = 0; i < s->count; i++)
        free(s->items[i].text);
    free(s->items);
    memset(s, 0, sizeof(*s));
}

const char *site_of(const struct site_list *s, uint32_t handle)
{
    struct site_entry key = { .handle = handle };
    const struct site_entry *e =
        s->count ? bsearch(&key, s->items, s->count, sizeof(key), compare_entry) : NULL;
    return e ? e->text : NULL;
}

void site_print_text(FILE *out, uint32_t handle, const char *site)
{
    fprintf(out, "  0x%-6x ", handle);
    if (!site) {
        fprintf(out, "no site: not made by a traced call of this process\n");
        return;
    }
    char *copy = strdup(site);
    if (!copy)
        return;
    char *line = copy, *next;
    for (int first = 1; line; line = next, first = 0) {
        if ((next = strchr(line, '\n')))
            *next++ = '\0';
        if (!first)
            fprintf(out, "             at ");
        print_clean(out, line);
        fprintf(out, "\n");
    }
    free(copy);
}

void site_json(struct json *j, const char *site)
{
    if (!site) {
        json_null(j);
        return;
    }
    const char *nl = strchr(site, '\n');
    json_begin_object(j);
    json_key(j, "function");
    json_string_n(j, site, nl ? (size_t)(nl - site) : strlen(site));
    json_key(j, "frames");
    json_begin_array(j);
    while (nl) {
        const char *line = nl + 1;
        nl = strchr(line, '\n');
        json_string_n(j, line, nl ? (size_t)(nl - line) : strlen(line));
    }
    json_end_array(j);
    json_end_object(j);
}
