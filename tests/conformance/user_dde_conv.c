/*
 * DDE between two processes against Wine: this process is the client,
 * children of it (the program run again) are DDE servers whose thread runs
 * a plain Windows message loop, GetMessageA/TranslateMessage/
 * DispatchMessageA for the first, MsgWaitForMultipleObjects on a stop
 * event and PeekMessageA for the second. Connecting and its refusal,
 * XTYP_REQUEST, XTYP_POKE and XTYP_EXECUTE and their refusals,
 * DdeDisconnect seen by the server as XTYP_DISCONNECT, a transaction on
 * the conversation after that, a second DdeDisconnect, and the end of a
 * server by PostQuitMessage from its callback. The servers never print:
 * what their callbacks saw comes back in their exit codes.
 *
 * The client dispatches its messages after each transaction until its
 * queue has been quiet for QUIET_MS, as a Windows client with a message
 * loop would: Wine's DDEML server answers a request with its data and an
 * acknowledgement too (DDE's protocol has one or the other), and a client
 * that never dispatches that acknowledgement gets it as the answer to its
 * next transaction on the conversation. (winhandle's client has nothing
 * to dispatch.)
 *
 * Where Wine departs from Windows' documentation only what both agree on
 * is printed, and tests/integration/test_dde.c checks the documented
 * answer:
 * - Wine's DdeConnectList is a stub (a list of no conversation), so the
 *   second server is only started and stopped here;
 * - Wine's DdeClientTransaction returns TRUE for a poke the server
 *   refuses (DDE_FBUSY, DDE_FNOTPROCESSED), where the documentation says
 *   it fails with DMLERR_BUSY or DMLERR_NOTPROCESSED: those pokes are not
 *   made here;
 * - Wine's pdwResult for a poke or execute is not the DDE_F* flags the
 *   documentation gives, so only the return value is printed;
 * - DdeClientTransaction and DdeDisconnect on a conversation already
 *   disconnected fail, with no error recorded by Wine: the documentation
 *   says DdeGetLastError then gives the cause, DMLERR_INVALIDPARAMETER
 *   for winhandle, so only the failure is printed.
 */
#include <stdlib.h>
#include <string.h>

#include "children.h"
#include "dde_strings.h"

#define TIMEOUT_MS 5000

static DWORD tag;

/* ---- the servers ---- */

static DWORD server_inst;
static DWORD seen; /* SEEN_* bits: the server's exit code */
/* The conversations on "Topic", whose end the client waits to see (the
 * list's are on "List"). */
static HCONV main_convs[8];
#define SEEN_CONFIRM 1u
#define SEEN_POKE 2u
#define SEEN_EXECUTE 4u
#define SEEN_DISCONNECT 8u
#define SEEN_FAILED 0x100u /* set-up failed: the low byte says where */

static int string_is(HSZ hsz, const char *text)
{
    return dde_string_is(server_inst, hsz, text);
}

static HDDEDATA text_data(HSZ item, const char *text)
{
    return dde_text_data(server_inst, item, text);
}

static HDDEDATA request(HSZ item, UINT format)
{
    if (format != CF_TEXT)
        return NULL;
    if (string_is(item, "Item"))
        return text_data(item, "value");
    if (string_is(item, "Poked") && (seen & SEEN_POKE))
        return text_data(item, "poked");
    return NULL; /* an item it does not know */
}

static HDDEDATA poke(HSZ item, HDDEDATA data)
{
    char buf[64] = "";
    DdeGetData(data, (LPBYTE)buf, sizeof(buf) - 1, 0);
    if (!string_is(item, "Data") || strcmp(buf, "poked text"))
        return (HDDEDATA)DDE_FNOTPROCESSED;
    seen |= SEEN_POKE;
    return (HDDEDATA)DDE_FACK;
}

static HDDEDATA execute(HDDEDATA data)
{
    char buf[64] = "";
    DdeGetData(data, (LPBYTE)buf, sizeof(buf) - 1, 0);
    if (!strcmp(buf, "[quit]")) {
        PostQuitMessage(0); /* ends a GetMessageA loop */
        return (HDDEDATA)DDE_FACK;
    }
    if (strcmp(buf, "[open]"))
        return (HDDEDATA)DDE_FNOTPROCESSED;
    seen |= SEEN_EXECUTE;
    return (HDDEDATA)DDE_FACK;
}

static HDDEDATA CALLBACK server_callback(UINT type, UINT format, HCONV conv, HSZ hsz1,
                                         HSZ hsz2, HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    (void)d1, (void)d2;
    switch (type) {
    case XTYP_CONNECT:
        return (HDDEDATA)(ULONG_PTR)(string_is(hsz1, "Topic") || string_is(hsz1, "List"));
    case XTYP_CONNECT_CONFIRM:
        seen |= SEEN_CONFIRM;
        for (int i = 0; i < 8 && string_is(hsz1, "Topic"); i++)
            if (!main_convs[i]) {
                main_convs[i] = conv;
                break;
            }
        return NULL;
    case XTYP_REQUEST:
        return request(hsz2, format);
    case XTYP_POKE:
        return poke(hsz2, data);
    case XTYP_EXECUTE:
        return execute(data);
    case XTYP_DISCONNECT:
        for (int i = 0; i < 8; i++)
            if (conv && main_convs[i] == conv) {
                seen |= SEEN_DISCONNECT;
                signal_shared(tag, "disconnected");
            }
        return NULL;
    }
    return NULL;
}

/* A message loop that ends on WM_QUIT. */
static void serve_getmessage(void)
{
    MSG msg;
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
}

/* A message loop that ends when the stop event is set. */
static void serve_msgwait(HANDLE stop)
{
    MSG msg;
    while (MsgWaitForMultipleObjects(1, &stop, FALSE, TIMEOUT_MS * 4, QS_ALLINPUT) ==
           WAIT_OBJECT_0 + 1)
        while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) {
            TranslateMessage(&msg);
            DispatchMessageA(&msg);
        }
}

static int server(BOOL getmessage)
{
    if (DdeInitializeA(&server_inst, server_callback, APPCLASS_STANDARD, 0))
        return SEEN_FAILED | 1;
    HSZ service = DdeCreateStringHandleA(server_inst, shared_name(tag, "service"), CP_WINANSI);
    if (!DdeNameService(server_inst, service, NULL, DNS_REGISTER))
        return SEEN_FAILED | 2;
    HANDLE stop = shared_event(tag, getmessage ? "stop1" : "stop2");
    signal_shared(tag, getmessage ? "ready1" : "ready2");
    if (getmessage)
        serve_getmessage();
    else
        serve_msgwait(stop);
    CloseHandle(stop);
    DdeNameService(server_inst, service, NULL, DNS_UNREGISTER);
    DdeFreeStringHandle(server_inst, service);
    DdeUninitialize(server_inst);
    return (int)seen;
}

/* ---- the client ---- */

static DWORD inst;

static HDDEDATA CALLBACK client_callback(UINT type, UINT format, HCONV conv, HSZ hsz1,
                                         HSZ hsz2, HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    (void)type, (void)format, (void)conv, (void)hsz1, (void)hsz2, (void)data, (void)d1,
        (void)d2;
    return NULL;
}

static BOOL start_server(const char *role, const char *ready, PROCESS_INFORMATION *pi)
{
    char args[64];
    snprintf(args, sizeof(args), "%s %lu", role, (unsigned long)tag);
    HANDLE ev = shared_event(tag, ready);
    BOOL ok = spawn_self(args, FALSE, pi) && WaitForSingleObject(ev, PATIENCE_MS) == WAIT_OBJECT_0;
    CloseHandle(ev);
    return ok;
}

/* Dispatch what comes to the thread's queue, as a message loop would,
 * until nothing has come for QUIET_MS. */
#define QUIET_MS 50
static void dispatch_messages(void)
{
    MSG msg;
    while (MsgWaitForMultipleObjects(0, NULL, FALSE, QUIET_MS, QS_ALLINPUT) == WAIT_OBJECT_0)
        while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) {
            TranslateMessage(&msg);
            DispatchMessageA(&msg);
        }
}

/* The data of a request, or NULL and the instance's error. */
static void show_request(const char *name, HCONV conv, const char *item_name, UINT format)
{
    HSZ item = DdeCreateStringHandleA(inst, item_name, CP_WINANSI);
    HDDEDATA data = DdeClientTransaction(NULL, 0, conv, item, format, XTYP_REQUEST, TIMEOUT_MS,
                                         NULL);
    UINT error = DdeGetLastError(inst);
    dispatch_messages();
    if (data) {
        char buf[64] = "";
        DdeGetData(data, (LPBYTE)buf, sizeof(buf) - 1, 0);
        check(name, "data \"%s\"", buf);
        DdeFreeDataHandle(data);
    } else {
        check(name, "NULL, 0x%x", error);
    }
    DdeFreeStringHandle(inst, item);
}

/* A poke (item given) or an execute: TRUE, or NULL and the error. */
static void show_send(const char *name, HCONV conv, UINT type, const char *item_name,
                      const char *text)
{
    HSZ item = item_name ? DdeCreateStringHandleA(inst, item_name, CP_WINANSI) : NULL;
    DWORD result = 0xdead;
    HDDEDATA r = DdeClientTransaction((LPBYTE)text, (DWORD)strlen(text) + 1, conv, item,
                                      item ? CF_TEXT : 0, type, TIMEOUT_MS, &result);
    UINT error = DdeGetLastError(inst);
    dispatch_messages();
    if (r)
        check(name, "TRUE");
    else
        check(name, "NULL, 0x%x", error);
    if (item)
        DdeFreeStringHandle(inst, item);
}

static void show_bool(const char *name, BOOL ok)
{
    UINT error = DdeGetLastError(inst);
    if (ok)
        check(name, "TRUE");
    else
        check(name, "FALSE, 0x%x", error);
}

static void show_seen(const char *name, DWORD code)
{
    if (code == 0xdead || (code & SEEN_FAILED))
        check(name, "failed (%s)", code == 0xdead ? "did not end" : "set-up");
    else
        check(name, "confirm %s, poke %s, execute %s, disconnect %s",
              (code & SEEN_CONFIRM) ? "yes" : "no", (code & SEEN_POKE) ? "yes" : "no",
              (code & SEEN_EXECUTE) ? "yes" : "no", (code & SEEN_DISCONNECT) ? "yes" : "no");
}

/* A list over the service: made and let go (what Wine's stub does). */
static void connect_list(HSZ service)
{
    HSZ topic = DdeCreateStringHandleA(inst, "List", CP_WINANSI);
    HCONVLIST list = DdeConnectList(inst, service, topic, NULL, NULL);
    check_yes("list", list != NULL);
    show_bool("list.disconnect", DdeDisconnectList(list));
    DdeFreeStringHandle(inst, topic);
}

static void client(void)
{
    PROCESS_INFORMATION s1, s2;
    check("init", "0x%x", DdeInitializeA(&inst, client_callback, APPCMD_CLIENTONLY, 0));
    check_yes("server1.started", start_server("getmessage", "ready1", &s1));
    HSZ service = DdeCreateStringHandleA(inst, shared_name(tag, "service"), CP_WINANSI);
    HSZ topic = DdeCreateStringHandleA(inst, "Topic", CP_WINANSI);
    HSZ other = DdeCreateStringHandleA(inst, "Other", CP_WINANSI);

    HCONV conv = DdeConnect(inst, service, topic, NULL);
    UINT error = DdeGetLastError(inst);
    check("connect", "%s, 0x%x", conv ? "conversation" : "NULL", error);
    HCONV refused = DdeConnect(inst, service, other, NULL);
    error = DdeGetLastError(inst);
    check("connect.refused_topic", "%s, 0x%x", refused ? "conversation" : "NULL", error);

    show_request("request", conv, "Item", CF_TEXT);
    show_send("poke", conv, XTYP_POKE, "Data", "poked text");
    show_request("request.poked", conv, "Poked", CF_TEXT);
    show_send("execute", conv, XTYP_EXECUTE, NULL, "[open]");
    show_request("request.unknown_item", conv, "Missing", CF_TEXT);
    show_request("request.other_format", conv, "Item", 2 /* CF_BITMAP */);
    show_send("execute.not_processed", conv, XTYP_EXECUTE, NULL, "[refuse]");
    show_request("request.again", conv, "Item", CF_TEXT);

    check_yes("server2.started", start_server("msgwait", "ready2", &s2));
    connect_list(service);
    signal_shared(tag, "stop2");
    DWORD code = finish_child(&s2);
    check_yes("server2.ended", code != 0xdead && !(code & SEEN_FAILED));

    HANDLE disconnected = shared_event(tag, "disconnected");
    show_bool("disconnect", DdeDisconnect(conv));
    check_wait("disconnect.server_saw", WaitForSingleObject(disconnected, TIMEOUT_MS));
    CloseHandle(disconnected);
    HSZ item = DdeCreateStringHandleA(inst, "Item", CP_WINANSI);
    check_yes("request.after_disconnect",
              !DdeClientTransaction(NULL, 0, conv, item, CF_TEXT, XTYP_REQUEST, TIMEOUT_MS, NULL));
    DdeFreeStringHandle(inst, item);
    check_yes("disconnect.again", !DdeDisconnect(conv));

    /* WM_QUIT from the server's callback ends its GetMessageA loop. */
    HCONV last = DdeConnect(inst, service, topic, NULL);
    check_yes("connect.again", last != NULL);
    show_send("execute.quit", last, XTYP_EXECUTE, NULL, "[quit]");
    show_seen("server1.saw", finish_child(&s1));
    DdeDisconnect(last);

    DdeFreeStringHandle(inst, service);
    DdeFreeStringHandle(inst, topic);
    DdeFreeStringHandle(inst, other);
    show_bool("uninit", DdeUninitialize(inst));
}

int main(int argc, char **argv)
{
    children_init();
    if (argc > 2) {
        tag = arg_number(argv[2]);
        return server(!strcmp(argv[1], "getmessage"));
    }
    tag = GetCurrentProcessId();
    client();
    return 0;
}
