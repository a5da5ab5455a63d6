/*
 * A module's resources, for the calls that load them by name
 * (CreateDialogParamA, a dialog template's menu).
 *
 * Programs built for Linux carry no Windows resources: every module is
 * one without a resource section, of which Windows (and Wine) say
 * ERROR_RESOURCE_DATA_NOT_FOUND.
 */
#include "private.h"
#include "resource.h"

BOOL resource_find(HINSTANCE inst, LPCSTR type, LPCSTR name, const void **data, DWORD *size)
{
    (void)inst;
    (void)type;
    (void)name;
    *data = NULL;
    *size = 0;
    return FAIL(ERROR_RESOURCE_DATA_NOT_FOUND, FALSE);
}
