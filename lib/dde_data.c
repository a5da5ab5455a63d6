/*
 * DDE data handles: blocks of this process's memory with a size, a format
 * and an item, as Windows' global-memory data handles are. A handle given
 * to DDEML (a callback's answer, DdeClientTransaction's data) is DDEML's
 * to free, unless it was made HDATA_APPOWNED.
 */
#include <stdlib.h>
#include <string.h>

#include "dde_private.h"

#define DATA_MAGIC 0x44444154u

HDDEDATA dde_data_new(const void *bytes, uint32_t len, HSZ item, UINT format, UINT flags)
{
    struct dde_data *d = malloc(sizeof(*d) + len + 1);
    if (!d)
        return NULL;
    d->magic = DATA_MAGIC;
    d->size = len;
    d->format = format;
    d->app_owned = (flags & HDATA_APPOWNED) != 0;
    d->item = item;
    if (len && bytes)
        memcpy(d->bytes, bytes, len);
    else if (len)
        memset(d->bytes, 0, len);
    d->bytes[len] = 0; /* text stays terminated for careless readers */
    return (HDDEDATA)d;
}

const struct dde_data *dde_data_get(HDDEDATA h)
{
    const struct dde_data *d = (const struct dde_data *)h;
    /* Small values are not handles: callbacks return TRUE or DDE_FACK. */
    if ((uintptr_t)h < 0x10000 || d->magic != DATA_MAGIC)
        return NULL;
    return d;
}

void dde_data_release(HDDEDATA h)
{
    struct dde_data *d = (struct dde_data *)dde_data_get(h);
    if (d && !d->app_owned) {
        d->magic = 0;
        free(d);
    }
}

HDDEDATA WINAPI DdeCreateDataHandle(DWORD id, LPBYTE src, DWORD len, DWORD offset, HSZ item,
                                    UINT format, UINT flags)
{
    (void)id;
    if (src && offset > len)
        return NULL;
    return dde_data_new(src ? src + offset : NULL, src ? len - offset : len, item, format,
                        flags);
}

/* With no buffer, the size; else the bytes copied from offset. */
DWORD WINAPI DdeGetData(HDDEDATA h, LPBYTE dst, DWORD max, DWORD offset)
{
    const struct dde_data *d = dde_data_get(h);
    if (!d || offset > d->size)
        return 0;
    DWORD n = d->size - offset;
    if (!dst)
        return n;
    if (n > max)
        n = max;
    memcpy(dst, d->bytes + offset, n);
    return n;
}

LPBYTE WINAPI DdeAccessData(HDDEDATA h, LPDWORD size)
{
    struct dde_data *d = (struct dde_data *)dde_data_get(h);
    if (!d)
        return NULL;
    if (size)
        *size = d->size;
    return d->bytes;
}

BOOL WINAPI DdeUnaccessData(HDDEDATA h)
{
    return dde_data_get(h) != NULL;
}

BOOL WINAPI DdeFreeDataHandle(HDDEDATA h)
{
    struct dde_data *d = (struct dde_data *)dde_data_get(h);
    if (!d)
        return FALSE;
    d->magic = 0;
    free(d);
    return TRUE;
}
