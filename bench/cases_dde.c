/*
 * Benchmark cases of DDE: a request to a server in another process whose
 * thread runs a Windows message loop (MsgWaitForMultipleObjects on a quit
 * event, then PeekMessageA and DispatchMessageA), as a server ported from
 * Windows does. Under Wine the transaction goes by DDEML's window
 * messages; here through winhandled, which wakes the partner's loop.
 */
#include <stdio.h>
#include <string.h>

#include "bench.h"

#define VALUE "a value of the benchmark"
#define TIMEOUT_MS 10000

static DWORD g_inst;
static HCONV g_conv;
static HSZ g_service, g_topic, g_item;
static PROCESS_INFORMATION g_child;
static HANDLE g_ready, g_quit;
/* Requests answered by a stray acknowledgement and made again. */
static unsigned long g_retried;

/* ---- the partner: a DDE server with a message loop ---- */

static DWORD g_server_inst;

static int names(HSZ hsz, const char *text)
{
    char buf[64] = "";
    DdeQueryStringA(g_server_inst, hsz, buf, sizeof(buf), CP_WINANSI);
    return !strcmp(buf, text);
}

static HDDEDATA CALLBACK server_callback(UINT type, UINT format, HCONV conv, HSZ hsz1,
                                         HSZ hsz2, HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    (void)conv, (void)data, (void)d1, (void)d2;
    if (type == XTYP_CONNECT)
        return (HDDEDATA)(ULONG_PTR)names(hsz1, "Topic");
    /* A request's item is not looked at: Wine loses a reference to the
     * item's atom with each request, so on every second one its name is
     * gone (and the string would cost winhandle a round trip). */
    if (type == XTYP_REQUEST && format == CF_TEXT)
        return DdeCreateDataHandle(g_server_inst, (LPBYTE)VALUE, sizeof(VALUE), 0, hsz2,
                                   CF_TEXT, 0);
    return NULL;
}

static int child_dde(DWORD tag, const char *arg)
{
    (void)arg;
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, bench_object_name(tag, "dready"));
    HANDLE quit = OpenEventA(SYNCHRONIZE, FALSE, bench_object_name(tag, "dquit"));
    if (!ready || !quit || DdeInitializeA(&g_server_inst, server_callback, APPCLASS_STANDARD, 0))
        return 2;
    HSZ service = DdeCreateStringHandleA(g_server_inst, bench_object_name(tag, "dde"),
                                         CP_WINANSI);
    if (!DdeNameService(g_server_inst, service, NULL, DNS_REGISTER))
        return 3;
    SetEvent(ready);
    MSG msg;
    while (MsgWaitForMultipleObjects(1, &quit, FALSE, PATIENCE_MS, QS_ALLINPUT) ==
           WAIT_OBJECT_0 + 1)
        while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) {
            TranslateMessage(&msg);
            DispatchMessageA(&msg);
        }
    DdeUninitialize(g_server_inst);
    return 0;
}

/* ---- dde_request_remote ---- */

static HDDEDATA CALLBACK client_callback(UINT type, UINT format, HCONV conv, HSZ hsz1,
                                         HSZ hsz2, HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    (void)type, (void)format, (void)conv, (void)hsz1, (void)hsz2, (void)data, (void)d1,
        (void)d2;
    return NULL;
}

static void teardown_remote(void)
{
    if (g_retried)
        printf("NOTE dde_request_remote: %lu requests answered by a stray acknowledgement "
               "were made again\n", g_retried);
    g_retried = 0;
    if (g_conv)
        DdeDisconnect(g_conv);
    if (g_inst)
        DdeUninitialize(g_inst);
    bench_stop_partner(&g_child, &g_ready, &g_quit);
    g_conv = NULL;
    g_inst = 0;
}

static const char *setup_remote(void)
{
    DWORD tag = GetCurrentProcessId();
    g_ready = CreateEventA(NULL, TRUE, FALSE, bench_object_name(tag, "dready"));
    g_quit = CreateEventA(NULL, TRUE, FALSE, bench_object_name(tag, "dquit"));
    if (!g_ready || !g_quit)
        return bench_failed("CreateEventA");
    if (!bench_spawn("dde", NULL, FALSE, &g_child))
        return bench_failed("CreateProcessA(partner)");
    DWORD r = WaitForSingleObject(g_ready, PATIENCE_MS);
    if (r != WAIT_OBJECT_0)
        return bench_wait_failed("waiting for the partner's DDE server", r, WAIT_OBJECT_0);
    if (DdeInitializeA(&g_inst, client_callback, APPCMD_CLIENTONLY, 0))
        return "DdeInitializeA failed";
    g_service = DdeCreateStringHandleA(g_inst, bench_object_name(tag, "dde"), CP_WINANSI);
    g_topic = DdeCreateStringHandleA(g_inst, "Topic", CP_WINANSI);
    g_item = DdeCreateStringHandleA(g_inst, "Item", CP_WINANSI);
    g_conv = DdeConnect(g_inst, g_service, g_topic, NULL);
    if (!g_conv) {
        snprintf(bench_reason, sizeof(bench_reason), "DdeConnect: DMLERR 0x%x",
                 DdeGetLastError(g_inst));
        return bench_reason;
    }
    return NULL;
}

/* One request and its data; 1 when it got the answer of another. */
static const char *request_data(int *stray)
{
    HDDEDATA data = DdeClientTransaction(NULL, 0, g_conv, g_item, CF_TEXT, XTYP_REQUEST,
                                         TIMEOUT_MS, NULL);
    *stray = 0;
    if (!data) {
        UINT error = DdeGetLastError(g_inst);
        *stray = error == DMLERR_NOTPROCESSED;
        snprintf(bench_reason, sizeof(bench_reason), "DdeClientTransaction: DMLERR 0x%x", error);
        return bench_reason;
    }
    char buf[64] = "";
    DWORD got = DdeGetData(data, (LPBYTE)buf, sizeof(buf), 0);
    DdeFreeDataHandle(data);
    return got == sizeof(VALUE) && !strcmp(buf, VALUE) ? NULL : "the request's data differ";
}

/* A client's turn of its message loop. */
static void dispatch_messages(void)
{
    MSG msg;
    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE))
        DispatchMessageA(&msg);
}

/*
 * Wine's DDEML server answers a request with its data and then an
 * acknowledgement too (DDE's protocol has one or the other), and its
 * client takes that acknowledgement, when it comes after the data was
 * taken, for the answer to the next request on the conversation, which
 * then fails with DMLERR_NOTPROCESSED. Dispatching the client's messages
 * after each request lets it go when it has arrived by then; when it has
 * not, the next request fails and is made again, and the case says how
 * often (teardown's NOTE). winhandle sends one answer: nothing to
 * dispatch and nothing made again.
 */
static const char *request_once(void)
{
    int stray;
    const char *failed = request_data(&stray);
    if (failed && stray) {
        g_retried++;
        dispatch_messages();
        failed = request_data(&stray);
    }
    dispatch_messages();
    return failed;
}

static const char *run_request(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, request_once);
}

static const struct bench_case dde_cases[] = {
    { "dde_request_remote", "DdeClientTransaction(XTYP_REQUEST) to a server in another process "
      "running a message loop + DdeGetData + DdeFreeDataHandle + PeekMessageA until empty",
      setup_remote, run_request, teardown_remote, 0 },
};

static const struct bench_child dde_children[] = {
    { "dde", child_dde },
};

const struct bench_group bench_dde = {
    "dde", dde_cases, BENCH_COUNT(dde_cases), dde_children, BENCH_COUNT(dde_children),
};
