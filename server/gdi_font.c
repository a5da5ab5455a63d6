/*
 * Fonts (CreateFontIndirectA, CreateFontA): the LOGFONTA as given, its
 * face name cut to 31 characters and terminated, as Windows keeps it.
 * Nothing is matched against installed fonts: there is no drawing.
 */
#include <stdio.h>
#include <string.h>

#include "gdi.h"
#include "request.h"

struct font {
    struct gdi_object hdr;
    struct wh_gdi_font rec;
};

static void font_get(struct gdi_object *obj, struct request_ctx *ctx)
{
    gdi_reply_record(ctx, &((struct font *)obj)->rec, sizeof(struct wh_gdi_font));
}

static void font_describe(struct gdi_object *obj, char *buf, uint32_t len)
{
    const struct wh_gdi_font *r = &((struct font *)obj)->rec;
    snprintf(buf, len, "'%.31s' %d", r->face, r->height);
}

static const struct gdi_ops font_ops = {
    .type = WH_GDI_FONT, .kind = WH_GDI_KIND_FONT, .name = "Font",
    .get = font_get, .describe = font_describe,
};

struct gdi_object *gdi_make_font(const struct wh_gdi_font *rec, struct process *owner,
                                 uint32_t *error)
{
    struct font *f = gdi_alloc(&font_ops, sizeof(*f), owner, error);
    if (!f)
        return NULL;
    f->rec = *rec;
    f->rec.face[sizeof(f->rec.face) - 1] = 0;
    return &f->hdr;
}
