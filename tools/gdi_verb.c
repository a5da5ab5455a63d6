/*
 * winhandle gdi [PID]: the session's GDI handle table (pens, brushes,
 * fonts, bitmaps, regions, palettes, stock objects): how full it is, the
 * per-process quota, counts by type and by owner, and every object with a
 * few words about it. With PID, only that process's objects.
 */
#include <stdio.h>
#include <stdlib.h>

#include "json.h"
#include "query.h"
#include "table.h"
#include "tool.h"

static const char *gdi_type_name(uint32_t type)
{
    switch (type) {
    case WH_GDI_PEN: return "Pen";
    case WH_GDI_EXTPEN: return "ExtPen";
    case WH_GDI_BRUSH: return "Brush";
    case WH_GDI_PALETTE: return "Palette";
    case WH_GDI_FONT: return "Font";
    case WH_GDI_BITMAP: return "Bitmap";
    case WH_GDI_REGION: return "Region";
    default: return "Unknown";
    }
}

struct gdi_view {
    struct wh_gdi_table_info_reply info;
    uint32_t by_type[WH_GDI_TYPE_COUNT];
    struct wh_gdi_record *objects;
    uint32_t n;
};

static void gdi_json(const struct gdi_view *v)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_key_uint(&j, "used", v->info.used);
    json_key_uint(&j, "capacity", v->info.capacity);
    json_key_uint(&j, "quota", v->info.quota);
    json_key_uint(&j, "stock", v->info.stock);
    json_key(&j, "by_type");
    json_begin_object(&j);
    for (uint32_t t = 1; t < WH_GDI_TYPE_COUNT; t++)
        if (v->by_type[t])
            json_key_uint(&j, gdi_type_name(t), v->by_type[t]);
    json_end_object(&j);
    json_key(&j, "objects");
    json_begin_array(&j);
    for (uint32_t i = 0; i < v->n; i++) {
        const struct wh_gdi_record *g = &v->objects[i];
        json_begin_object(&j);
        json_key_uint(&j, "handle", g->handle);
        json_key_string(&j, "type", gdi_type_name(g->type));
        json_key_uint_or_null(&j, "owner_pid", g->owner_pid);
        json_key_bool(&j, "stock", g->stock != 0);
        json_key_string(&j, "summary", g->summary);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static void gdi_text(const struct gdi_view *v)
{
    printf("GDI table: %u of %u entries used (%u stock), quota %u a process\n",
           v->info.used, v->info.capacity, v->info.stock, v->info.quota);
    printf("by type:");
    for (uint32_t t = 1; t < WH_GDI_TYPE_COUNT; t++)
        if (v->by_type[t])
            printf(" %s %u", gdi_type_name(t), v->by_type[t]);
    printf("\n");
    if (!v->n)
        return;
    static const char *const headers[] = { "HANDLE", "TYPE", "OWNER PID", "SUMMARY", NULL };
    struct table t;
    table_init(&t, headers);
    for (uint32_t i = 0; i < v->n; i++) {
        const struct wh_gdi_record *g = &v->objects[i];
        char handle[16], pid[16];
        snprintf(handle, sizeof(handle), "0x%08x", g->handle);
        if (g->stock)
            snprintf(pid, sizeof(pid), "stock");
        else
            number_or_dash(g->owner_pid, pid, sizeof(pid));
        const char *cells[] = { handle, gdi_type_name(g->type), pid,
                                g->summary[0] ? g->summary : "-" };
        table_add(&t, cells);
    }
    printf("\n");
    table_print(&t, stdout);
    table_free(&t);
}

int verb_gdi(const struct tool_options *opt, int argc, char **argv)
{
    uint32_t pid = 0;
    if (argc > 1 || (argc == 1 && parse_pid(argv[0], &pid) < 0)) {
        tool_error("usage: winhandle gdi [PID]");
        return EXIT_USAGE;
    }
    int rc = connect_for_verb(opt);
    if (rc != EXIT_OK)
        return rc;
    struct gdi_view v;
    uint32_t err = query_gdi_table(&v.info, v.by_type);
    if (err)
        return query_failed(err, "gdi_table_info");
    if ((err = query_gdi_objects(pid, &v.objects, &v.n)))
        return query_failed(err, "list_gdi_objects");
    if (pid) {
        /* The counts by type become this owner's. */
        for (uint32_t t = 0; t < WH_GDI_TYPE_COUNT; t++)
            v.by_type[t] = 0;
        for (uint32_t i = 0; i < v.n; i++)
            if (v.objects[i].type < WH_GDI_TYPE_COUNT)
                v.by_type[v.objects[i].type]++;
    }
    if (opt->json)
        gdi_json(&v);
    else
        gdi_text(&v);
    free(v.objects);
    return EXIT_OK;
}
