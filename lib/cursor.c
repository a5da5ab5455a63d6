/*
 * Cursors and icons. The server keeps each one's size, hotspot and bits;
 * the system ones (IDC_ and IDI_ ids, and OCR_ and OIC_ through LoadImageA) are
 * session objects, the same handle in every process.
 *
 * Loading from a module reads the program's resources
 * (lib/cursor_resource.c, <winhandle_resources.h>). CreateIconIndirect and GetIconInfo
 * trade in GDI bitmaps of the session's GDI table (lib/gdi_bitmap.c).
 */
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "resource.h"
#include "user_private.h"

#define ERROR_RESOURCE_NAME_NOT_FOUND_ 1814u

#define row_bytes bitmap_row_bytes

static HICON create(int is_icon, int x_hot, int y_hot, int width, int height, int planes,
                    int bpp, const void *and_bits, const void *xor_bits)
{
    if (width < 0 || height < 0 || width > 256 || height > 256 || planes <= 0 ||
        bpp <= 0 || bpp > 32 || planes > 4)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    uint32_t and_len = row_bytes(width, 1) * (uint32_t)height;
    uint32_t xor_len = row_bytes(width, bpp) * (uint32_t)height * (uint32_t)planes;
    /* A NULL plane is all zeros, as a bitmap made with no bits (Wine's
     * answer; Microsoft does not say). */
    char *bits = calloc(1, (size_t)and_len + xor_len + 1);
    if (!bits)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    if (and_bits)
        memcpy(bits, and_bits, and_len);
    if (xor_bits)
        memcpy(bits + and_len, xor_bits, xor_len);
    struct wh_create_cursor_request req = {
        .is_icon = (uint32_t)is_icon, .x_hot = (uint32_t)x_hot, .y_hot = (uint32_t)y_hot,
        .width = (uint32_t)width, .height = (uint32_t)height, .planes = (uint32_t)planes,
        .bpp = (uint32_t)bpp, .and_len = and_len, .xor_len = xor_len,
    };
    struct wh_create_cursor_reply reply;
    uint32_t error = SERVER_CALL(create_cursor, &req, &reply, bits, and_len + xor_len);
    free(bits);
    if (!set_result(error))
        return NULL;
    return wire_to_user(reply.handle);
}

HCURSOR WINAPI CreateCursor(HINSTANCE inst, int x_hot, int y_hot, int width, int height,
                            const VOID *and_plane, const VOID *xor_plane)
{
    (void)inst;
    return create(0, x_hot, y_hot, width, height, 1, 1, and_plane, xor_plane);
}

HICON WINAPI CreateIcon(HINSTANCE inst, int width, int height, BYTE planes, BYTE bpp,
                        const BYTE *and_bits, const BYTE *xor_bits)
{
    (void)inst;
    /* An icon's hotspot is its centre. */
    return create(1, width / 2, height / 2, width, height, planes, bpp, and_bits, xor_bits);
}

BOOL WINAPI DestroyCursor(HCURSOR cursor)
{
    return user_destroy_object(cursor, WH_USER_CURSOR);
}

BOOL WINAPI DestroyIcon(HICON icon)
{
    return user_destroy_object(icon, WH_USER_CURSOR);
}

HICON WINAPI CopyIcon(HICON icon)
{
    struct wh_copy_cursor_request req = { .handle = user_to_wire(icon) };
    struct wh_copy_cursor_reply reply;
    if (!set_result(SERVER_CALL(copy_cursor, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.handle);
}

static HICON load_system(LPCSTR name, int is_icon)
{
    struct wh_load_system_cursor_request req = {
        .id = (uint32_t)(ULONG_PTR)name, .is_icon = (uint32_t)is_icon,
    };
    struct wh_load_system_cursor_reply reply;
    if (!set_result(SERVER_CALL(load_system_cursor, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.handle);
}

static HICON load(HINSTANCE inst, LPCSTR name, int is_icon)
{
    if (inst)
        return cursor_resource_shared(inst, name, is_icon);
    if (!IS_INTRESOURCE(name))
        return FAIL(ERROR_RESOURCE_NAME_NOT_FOUND_, NULL);
    HICON icon = load_system(name, is_icon);
    if (icon)
        SetLastError(ERROR_SUCCESS); /* Wine's LoadCursorA does; programs may look */
    return icon;
}

HCURSOR WINAPI LoadCursorA(HINSTANCE inst, LPCSTR name)
{
    return load(inst, name, 0);
}

HICON WINAPI LoadIconA(HINSTANCE inst, LPCSTR name)
{
    return load(inst, name, 1);
}

/* The system images by their OCR_/OIC_ ids; LR_SHARED gives the shared
 * one (LoadCursorA's), otherwise a private copy the caller destroys. */
HANDLE WINAPI LoadImageA(HINSTANCE inst, LPCSTR name, UINT type, int cx, int cy, UINT flags)
{
    (void)cy;
    if (type != IMAGE_CURSOR && type != IMAGE_ICON)
        return FAIL(ERROR_NOT_SUPPORTED, NULL); /* bitmaps are GDI's */
    if (flags & LR_LOADFROMFILE)
        return FAIL(ERROR_FILE_NOT_FOUND, NULL); /* no .cur/.ico reader yet */
    if (inst && !(flags & LR_SHARED)) /* a new one, of the size asked */
        return cursor_from_resource(inst, name, type == IMAGE_ICON, cx);
    HICON shared = load(inst, name, type == IMAGE_ICON);
    if (!shared || (flags & LR_SHARED))
        return shared;
    return CopyIcon(shared);
}

HCURSOR WINAPI SetCursor(HCURSOR cursor)
{
    struct wh_set_cursor_request req = { .handle = user_to_wire(cursor), .set = 1 };
    struct wh_set_cursor_reply reply;
    if (!set_result(SERVER_CALL(set_cursor, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.prev);
}

HCURSOR WINAPI GetCursor(void)
{
    struct wh_set_cursor_request req = { .set = 0 };
    struct wh_set_cursor_reply reply;
    if (!set_result(SERVER_CALL(set_cursor, &req, &reply, NULL, 0)))
        return NULL;
    return wire_to_user(reply.prev);
}

/* Bytes of a bitmap's rows, as many as len, zero past its end. */
static void copy_rows(unsigned char *dst, uint32_t len, const struct bitmap *b, uint32_t from)
{
    memset(dst, 0, len);
    if (b && from < b->size)
        memcpy(dst, b->bits + from, len < b->size - from ? len : b->size - from);
}

/*
 * From a mask bitmap and a colour one; with no colour bitmap, the mask is
 * twice as tall: AND mask on top, XOR below (a monochrome image). An
 * icon's hotspot is its centre, whatever the structure says.
 */
HICON WINAPI CreateIconIndirect(PICONINFO info)
{
    if (!info || !info->hbmMask)
        return NULL; /* no error, as Wine and Windows */
    struct bitmap *mask = bitmap_read(info->hbmMask);
    struct bitmap *color = info->hbmColor ? bitmap_read(info->hbmColor) : NULL;
    HICON icon = NULL;
    if (!mask || (info->hbmColor && !color) || mask->width > 256) {
        SetLastError(ERROR_INVALID_PARAMETER);
        goto done;
    }
    int width = mask->width, height = color ? mask->height : mask->height / 2;
    int bpp = color ? color->bpp : 1;
    if (height > 256) {
        SetLastError(ERROR_INVALID_PARAMETER);
        goto done;
    }
    uint32_t and_len = row_bytes(width, 1) * (uint32_t)height;
    uint32_t xor_len = row_bytes(width, bpp) * (uint32_t)height;
    unsigned char *bits = malloc(and_len + xor_len + 1);
    if (!bits) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        goto done;
    }
    copy_rows(bits, and_len, mask->bpp == 1 ? mask : NULL, 0);
    copy_rows(bits + and_len, xor_len, color ? color : mask, color ? 0 : and_len);
    int x = info->fIcon ? width / 2 : (int)info->xHotspot;
    int y = info->fIcon ? height / 2 : (int)info->yHotspot;
    icon = create(info->fIcon ? 1 : 0, x, y, width, height, 1, bpp, bits, bits + and_len);
    free(bits);
done:
    free(mask);
    free(color);
    return icon;
}

/* New bitmaps the caller deletes: a monochrome image gives its mask twice
 * as tall and no colour bitmap, as Windows does. */
BOOL WINAPI GetIconInfo(HICON icon, PICONINFO info)
{
    struct wh_get_cursor_info_request req = { .handle = user_to_wire(icon) };
    struct wh_get_cursor_info_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    if (!set_result(server_call(WH_REQ_get_cursor_info, &req, sizeof(req), NULL, 0, &reply,
                                sizeof(reply), &var, &var_len))) {
        free(var);
        return FALSE;
    }
    if (!info) {
        free(var);
        return FAIL(ERROR_NOACCESS, FALSE);
    }
    int w = (int)reply.width, h = (int)reply.height;
    uint32_t and_len = var_len >= reply.and_len ? reply.and_len : 0;
    /* Bits as each bitmap wants them, zero where the reply is short (a
     * system image has none: var is NULL, and memcpy must not see it). */
    uint32_t mask_len = row_bytes(w, 1) * (uint32_t)h * (reply.bpp == 1 ? 2u : 1u);
    uint32_t color_len = reply.bpp == 1 ? 0 : row_bytes(w, (int)reply.bpp) * (uint32_t)h;
    unsigned char *bits = calloc(1, (size_t)mask_len + color_len + 1);
    if (bits && var && reply.bpp == 1) {
        /* AND over XOR in one bitmap: the bits are laid out just so. */
        memcpy(bits, var, var_len < mask_len ? var_len : mask_len);
    } else if (bits && var) {
        memcpy(bits, var, and_len < mask_len ? and_len : mask_len);
        if (var_len > and_len)
            memcpy(bits + mask_len, (const char *)var + and_len,
                   var_len - and_len < color_len ? var_len - and_len : color_len);
    }
    free(var);
    HBITMAP mask = NULL, color = NULL;
    if (bits) {
        mask = bitmap_new(w, reply.bpp == 1 ? 2 * h : h, 1, 1, bits);
        if (reply.bpp != 1)
            color = bitmap_new(w, h, 1, (int)reply.bpp, bits + mask_len);
    }
    free(bits);
    if (!mask || (reply.bpp != 1 && !color)) {
        DeleteObject(mask);
        DeleteObject(color);
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, FALSE);
    }
    info->fIcon = reply.is_icon ? TRUE : FALSE;
    info->xHotspot = reply.x_hot;
    info->yHotspot = reply.y_hot;
    info->hbmMask = mask;
    info->hbmColor = color;
    return TRUE;
}
