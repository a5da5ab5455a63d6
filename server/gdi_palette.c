/*
 * Palettes (CreatePalette): the version and the entries, as given. Wine
 * and Windows take any version and an empty palette.
 */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "gdi.h"
#include "request.h"

struct palette {
    struct gdi_object hdr;
    struct wh_gdi_palette rec;
    uint32_t entries[]; /* PALETTEENTRY: red, green, blue, flags */
};

static void palette_get(struct gdi_object *obj, struct request_ctx *ctx)
{
    struct palette *p = (struct palette *)obj;
    gdi_reply_record(ctx, &p->rec, (uint32_t)sizeof(p->rec) + p->rec.count * 4u);
}

static void palette_describe(struct gdi_object *obj, char *buf, uint32_t len)
{
    uint32_t n = ((struct palette *)obj)->rec.count;
    snprintf(buf, len, "%u entr%s", n, n == 1 ? "y" : "ies");
}

static const struct gdi_ops palette_ops = {
    .type = WH_GDI_PALETTE, .kind = WH_GDI_KIND_PALETTE, .name = "Palette",
    .get = palette_get, .describe = palette_describe,
};

struct gdi_object *gdi_make_palette(const struct wh_gdi_palette *rec, const uint32_t *entries,
                                    struct process *owner, uint32_t *error)
{
    if (rec->count > WH_GDI_MAX_PALETTE) {
        *error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    struct palette *p = gdi_alloc(&palette_ops, sizeof(*p) + rec->count * 4u, owner, error);
    if (!p)
        return NULL;
    p->rec = *rec;
    if (rec->count)
        memcpy(p->entries, entries, rec->count * 4u);
    return &p->hdr;
}
