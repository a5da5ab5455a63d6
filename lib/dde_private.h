/* What lib/dde.c and lib/dde_data.c share: data handles. */
#ifndef WINHANDLE_LIB_DDE_PRIVATE_H
#define WINHANDLE_LIB_DDE_PRIVATE_H

#include <ddeml.h>

#include "user_private.h"

struct dde_data {
    uint32_t magic;
    uint32_t size;
    uint32_t format;
    uint32_t app_owned; /* HDATA_APPOWNED: DDEML never frees it */
    HSZ item;
    unsigned char bytes[];
};

/* A new data handle holding a copy of len bytes. */
HDDEDATA dde_data_new(const void *bytes, uint32_t len, HSZ item, UINT format, UINT flags);
/* The data behind a handle, or NULL if it is none. */
const struct dde_data *dde_data_get(HDDEDATA h);
/* DDEML is done with a handle given to it: free it unless app-owned. */
void dde_data_release(HDDEDATA h);

#endif
