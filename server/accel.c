/*
 * Accelerator tables: an immutable array of (flags, key, command). The
 * server keeps the entries as CreateAcceleratorTableA gave them, less
 * the flag bits Windows drops (only FVIRTKEY..FALT, 0x7f, are kept), so
 * CopyAcceleratorTableA gives them back in any process.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "request.h"
#include "thread.h"
#include "user.h"

struct accel {
    struct user_object hdr;
    uint32_t count;
    struct wh_accel_record entries[];
};

static void accel_describe(struct user_object *obj, char *buf, uint32_t len)
{
    uint32_t n = ((struct accel *)obj)->count;
    snprintf(buf, len, "%u entr%s", n, n == 1 ? "y" : "ies");
}

static const struct user_ops accel_ops = {
    .type = WH_USER_ACCEL,
    .name = "AccelTable",
    .owner = USER_OWNER_PROCESS,
    .rank = 1,
    .invalid_error = ERR_INVALID_ACCEL_HANDLE,
    .describe = accel_describe,
};

DECL_HANDLER(create_accel)
{
    if (!req->count || req->count > WH_MAX_ACCELS ||
        ctx->data_len != req->count * sizeof(struct wh_accel_record)) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct accel *a = user_alloc(&accel_ops, sizeof(*a) + ctx->data_len, ctx->thread,
                                 &ctx->error);
    if (!a)
        return;
    a->count = req->count;
    memcpy(a->entries, ctx->data, ctx->data_len);
    for (uint32_t i = 0; i < a->count; i++) {
        a->entries[i].virt &= 0x7f;
        a->entries[i].reserved = 0;
    }
    reply->handle = a->hdr.handle;
}

DECL_HANDLER(get_accel)
{
    struct accel *a = user_get_ops(req->handle, &accel_ops, &ctx->error);
    if (!a)
        return;
    void *out = reply_append(ctx, a->count * (uint32_t)sizeof(a->entries[0]));
    if (!out)
        return;
    memcpy(out, a->entries, a->count * sizeof(a->entries[0]));
    reply->count = a->count;
}
