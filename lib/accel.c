/* Accelerator tables: an array of ACCEL kept by the server. */
#include <stdlib.h>

#include "user_private.h"

HACCEL WINAPI CreateAcceleratorTableA(LPACCEL accels, int count)
{
    if (!accels || count <= 0 || (uint32_t)count > WH_MAX_ACCELS)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    struct wh_accel_record *recs = calloc((size_t)count, sizeof(*recs));
    if (!recs)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    for (int i = 0; i < count; i++) {
        recs[i].virt = accels[i].fVirt;
        recs[i].key = accels[i].key;
        recs[i].cmd = accels[i].cmd;
    }
    struct wh_create_accel_request req = { .count = (uint32_t)count };
    struct wh_create_accel_reply reply;
    uint32_t error = SERVER_CALL(create_accel, &req, &reply, recs,
                                 (uint32_t)count * (uint32_t)sizeof(*recs));
    free(recs);
    if (!set_result(error))
        return NULL;
    return wire_to_user(reply.handle);
}

BOOL WINAPI DestroyAcceleratorTable(HACCEL accel)
{
    return user_destroy_object(accel, WH_USER_ACCEL);
}

/* With no destination, the number of entries; else how many were copied. */
int WINAPI CopyAcceleratorTableA(HACCEL accel, LPACCEL dst, int count)
{
    struct wh_get_accel_request req = { .handle = user_to_wire(accel) };
    struct wh_get_accel_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    uint32_t error = server_call(WH_REQ_get_accel, &req, sizeof(req), NULL, 0, &reply,
                                 sizeof(reply), &var, &var_len);
    if (error) {
        free(var);
        return FAIL(error, 0);
    }
    const struct wh_accel_record *recs = var;
    int total = (int)(var_len / sizeof(*recs));
    if (!dst) {
        free(var);
        return total;
    }
    /* The count is unsigned to Wine, so a negative one copies the whole
     * table (Microsoft does not say). */
    int n = (unsigned)count < (unsigned)total ? count : total;
    for (int i = 0; i < n; i++) {
        dst[i].fVirt = (BYTE)recs[i].virt;
        dst[i].key = recs[i].key;
        dst[i].cmd = recs[i].cmd;
    }
    free(var);
    return n;
}
