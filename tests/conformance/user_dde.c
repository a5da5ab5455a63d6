/*
 * DDEML in one process, against Wine: instances, string handles, name
 * service, data handles, a conversation nobody answers, and the errors of
 * an instance that is gone. Conversations between two processes, with
 * the server's callbacks run from its message loop, are user_dde_conv.c.
 */
#include <string.h>

#include "conformance.h"

static HDDEDATA CALLBACK callback(UINT type, UINT fmt, HCONV conv, HSZ hsz1, HSZ hsz2,
                                  HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    (void)type, (void)fmt, (void)conv, (void)hsz1, (void)hsz2, (void)data, (void)d1, (void)d2;
    return NULL;
}

static void check_dml(const char *name, UINT error)
{
    check(name, "0x%x", error);
}

int main(void)
{
    DWORD inst = 0;
    check_dml("init", DdeInitializeA(&inst, callback, APPCLASS_STANDARD, 0));
    check_yes("init.instance", inst != 0);
    /* (A NULL instance pointer: Wine crashes, winhandle says
     * DMLERR_INVALIDPARAMETER.) */
    check_dml("last_error.fresh", DdeGetLastError(inst));

    HSZ svc = DdeCreateStringHandleA(inst, "WinhandleService", CP_WINANSI);
    HSZ svc2 = DdeCreateStringHandleA(inst, "winhandleservice", CP_WINANSI);
    HSZ topic = DdeCreateStringHandleA(inst, "Topic", CP_WINANSI);
    check_yes("string.made", svc && topic);
    check_yes("string.case_insensitive_same", svc == svc2);
    check("string.compare_same", "%d", DdeCmpStringHandles(svc, svc2));
    check_yes("string.compare_differs", DdeCmpStringHandles(svc, topic) != 0);
    char buf[64];
    memset(buf, 'x', sizeof(buf));
    DWORD n = DdeQueryStringA(inst, svc, buf, sizeof(buf), CP_WINANSI);
    check("string.query", "%u \"%s\"", (unsigned)n, buf);
    check("string.query_length", "%u", (unsigned)DdeQueryStringA(inst, topic, NULL, 0, CP_WINANSI));
    memset(buf, 'x', sizeof(buf));
    n = DdeQueryStringA(inst, topic, buf, 3, CP_WINANSI);
    check("string.query_short", "%u \"%s\"", (unsigned)n, buf);
    check_yes("string.empty_is_null", DdeCreateStringHandleA(inst, "", CP_WINANSI) == NULL);
    check_bool("string.free_second_ref", DdeFreeStringHandle(inst, svc2));

    check_yes("name_service.register", DdeNameService(inst, svc, NULL, DNS_REGISTER) != NULL);
    check_dml("name_service.last_error", DdeGetLastError(inst));

    /* Data handles. */
    BYTE bytes[] = "hello";
    HDDEDATA data = DdeCreateDataHandle(inst, bytes, sizeof(bytes), 0, topic, CF_TEXT, 0);
    check_yes("data.made", data != NULL);
    check("data.size", "%u", (unsigned)DdeGetData(data, NULL, 0, 0));
    memset(buf, 0, sizeof(buf));
    check("data.get", "%u \"%s\"", (unsigned)DdeGetData(data, (LPBYTE)buf, sizeof(buf), 0), buf);
    memset(buf, 0, sizeof(buf));
    check("data.get_offset", "%u \"%s\"", (unsigned)DdeGetData(data, (LPBYTE)buf, 3, 1), buf);
    DWORD size = 0;
    LPBYTE p = DdeAccessData(data, &size);
    check("data.access", "%u \"%s\"", (unsigned)size, p ? (char *)p : "(null)");
    check_bool("data.unaccess", DdeUnaccessData(data));
    check_bool("data.free", DdeFreeDataHandle(data));

    /* Nobody serves this: no conversation. */
    HSZ none = DdeCreateStringHandleA(inst, "NoSuchServiceAnywhere", CP_WINANSI);
    HCONV conv = DdeConnect(inst, none, topic, NULL);
    check_yes("connect.nobody", conv == NULL);
    check_dml("connect.nobody.error", DdeGetLastError(inst));
    check_dml("connect.error_reset", DdeGetLastError(inst));
    /* A list of no conversations is still a list. */
    HCONVLIST list = DdeConnectList(inst, none, topic, NULL, NULL);
    check_yes("connect_list.nobody", list != NULL);
    check_dml("connect_list.nobody.error", DdeGetLastError(inst));
    check_yes("connect_list.nobody.empty", DdeQueryNextServer(list, NULL) == NULL);
    check_bool("connect_list.nobody.disconnect", DdeDisconnectList(list));

    check_yes("name_service.unregister", DdeNameService(inst, svc, NULL, DNS_UNREGISTER) != NULL);
    DdeFreeStringHandle(inst, svc);
    DdeFreeStringHandle(inst, topic);
    DdeFreeStringHandle(inst, none);
    check_bool("uninit", DdeUninitialize(inst));
    check("uninit.again", "%s", DdeUninitialize(inst) ? "TRUE" : "FALSE");
    check_dml("uninit.last_error", DdeGetLastError(inst));
    return 0;
}
