/*
 * DDE between processes: a client here, servers in child processes that
 * run their callbacks from a Windows message loop, one on MsgWaitFor-
 * MultipleObjects and PeekMessageA, one on GetMessageA, TranslateMessage
 * and DispatchMessageA that ends by PostQuitMessage; a third serves with
 * no loop, from its DDEML calls (the pump every Dde* call runs). Requests,
 * pokes and executes, their refusals, conversation lists, disconnection
 * seen by the server, a server that stops answering (timeouts) and one
 * killed with SIGKILL. Where Wine departs from the documentation
 * (tests/conformance/user_dde_conv.c says where), this checks the
 * documented answer: refused pokes fail, DdeConnectList reaches every
 * server, transactions one after the other on one conversation each get
 * their own answer with no message dispatched between them, pdwResult
 * holds the DDE_F* flags, and a conversation used after DdeDisconnect
 * fails with DMLERR_INVALIDPARAMETER.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "../conformance/dde_strings.h"
#include "spawn_self.h"
#include "tap.h"

static char name_buf[MAX_PATH];
static DWORD tag;

static const char *shared(const char *what)
{
    snprintf(name_buf, sizeof(name_buf), "dde-test-%lu-%s", (unsigned long)tag, what);
    return name_buf;
}

/* ---- the server process ---- */

static DWORD server_inst;
static char poked[64], executed[64];
static int stall_after_connect;

/* How a server runs its callbacks. */
enum serving { SERVE_MSGWAIT, SERVE_GETMESSAGE, SERVE_DDE_CALLS };

static int item_is(HSZ hsz, const char *text)
{
    return dde_string_is(server_inst, hsz, text);
}

static HDDEDATA text_data(HSZ item, const char *text)
{
    return dde_text_data(server_inst, item, text);
}

/* A message loop's turn inside a callback, while work for this thread
 * waits (a connection the client asks for once this has begun): the
 * work waits for the pump this callback runs in, so the loop must not
 * count it, or a loop would spin until the callback returned, which it
 * never would. */
static void nested_loop(void)
{
    HANDLE in = CreateEventA(NULL, TRUE, FALSE, shared("in_nested"));
    SetEvent(in);
    CloseHandle(in);
    DWORD r = MsgWaitForMultipleObjects(0, NULL, FALSE, 300, QS_ALLINPUT);
    MSG msg;
    BOOL got = PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE);
    snprintf(executed, sizeof(executed), "nested %s %s", r == WAIT_TIMEOUT ? "timeout" : "input",
             got ? "message" : "none");
}

static HDDEDATA CALLBACK server_callback(UINT type, UINT fmt, HCONV conv, HSZ hsz1, HSZ hsz2,
                                         HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    (void)conv, (void)d1, (void)d2;
    char buf[64] = "";
    switch (type) {
    case XTYP_CONNECT:
        return (HDDEDATA)(ULONG_PTR)item_is(hsz1, "Topic");
    case XTYP_CONNECT_CONFIRM:
        if (stall_after_connect) {
            /* Stop answering: stay in this callback until told to end, so
             * the pump runs nothing more (work queued behind this waits). */
            HANDLE stop = CreateEventA(NULL, TRUE, FALSE, shared("stop"));
            WaitForSingleObject(stop, 60000);
            CloseHandle(stop);
        }
        return NULL;
    case XTYP_REQUEST:
        if (fmt != CF_TEXT)
            return NULL;
        if (item_is(hsz2, "Item")) {
            snprintf(buf, sizeof(buf), "value from %lu", (unsigned long)GetCurrentProcessId());
            return text_data(hsz2, buf);
        }
        if (item_is(hsz2, "Poked"))
            return text_data(hsz2, poked);
        if (item_is(hsz2, "Executed"))
            return text_data(hsz2, executed);
        return NULL;
    case XTYP_POKE:
        if (item_is(hsz2, "Busy"))
            return (HDDEDATA)DDE_FBUSY;
        if (item_is(hsz2, "Refused"))
            return (HDDEDATA)DDE_FNOTPROCESSED;
        DdeGetData(data, (LPBYTE)poked, sizeof(poked) - 1, 0);
        return (HDDEDATA)DDE_FACK;
    case XTYP_EXECUTE:
        DdeGetData(data, (LPBYTE)buf, sizeof(buf) - 1, 0);
        if (!strcmp(buf, "[refuse]"))
            return (HDDEDATA)DDE_FNOTPROCESSED;
        if (!strcmp(buf, "[quit]")) /* ends a GetMessageA loop */
            PostQuitMessage(0);
        if (!strcmp(buf, "[nested]")) {
            nested_loop();
            return (HDDEDATA)DDE_FACK;
        }
        strcpy(executed, buf);
        return (HDDEDATA)DDE_FACK;
    case XTYP_DISCONNECT: {
        HANDLE ev = CreateEventA(NULL, TRUE, FALSE, shared("disconnected"));
        SetEvent(ev);
        CloseHandle(ev);
        return NULL;
    }
    }
    return NULL;
}

/* Serve until the stop event: a message loop on it and the queue. */
static void serve_msgwait(HANDLE stop)
{
    MSG msg;
    while (MsgWaitForMultipleObjects(1, &stop, FALSE, INFINITE, QS_ALLINPUT) == WAIT_OBJECT_0 + 1)
        while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE))
            DispatchMessageA(&msg);
}

/* Serve until a callback posts WM_QUIT: the plainest Windows loop. */
static void serve_getmessage(void)
{
    MSG msg;
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
}

static int server(enum serving how, int stall)
{
    stall_after_connect = stall;
    if (DdeInitializeA(&server_inst, server_callback, APPCLASS_STANDARD, 0))
        return 1;
    HSZ svc = DdeCreateStringHandleA(server_inst, shared("service"), CP_WINANSI);
    if (!DdeNameService(server_inst, svc, NULL, DNS_REGISTER))
        return 2;
    HANDLE stop = CreateEventA(NULL, TRUE, FALSE, shared("stop"));
    HANDLE ready = CreateSemaphoreA(NULL, 0, 100, shared("ready"));
    ReleaseSemaphore(ready, 1, NULL);
    if (how == SERVE_MSGWAIT) {
        serve_msgwait(stop);
    } else if (how == SERVE_GETMESSAGE) {
        serve_getmessage();
    } else {
        /* No loop: any DDEML call runs what waits for this thread. */
        while (WaitForSingleObject(stop, 1) == WAIT_TIMEOUT)
            DdeGetLastError(server_inst);
    }
    DdeUninitialize(server_inst);
    return 0;
}

/* ---- the client ---- */

static DWORD client_inst;

static HDDEDATA CALLBACK client_callback(UINT type, UINT fmt, HCONV conv, HSZ hsz1, HSZ hsz2,
                                         HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    (void)type, (void)fmt, (void)conv, (void)hsz1, (void)hsz2, (void)data, (void)d1, (void)d2;
    return NULL;
}

static BOOL start_server(const char *role, PROCESS_INFORMATION *pi, HANDLE ready)
{
    char args[64];
    snprintf(args, sizeof(args), "%s %lu", role, (unsigned long)tag);
    return spawn_self(args, FALSE, NULL, pi) && WaitForSingleObject(ready, 10000) == WAIT_OBJECT_0;
}

/* A request's text, or "" with the error in *error. */
static const char *request(HCONV conv, const char *item_name, UINT *error, DWORD timeout)
{
    static char text[64];
    HSZ item = DdeCreateStringHandleA(client_inst, item_name, CP_WINANSI);
    HDDEDATA d = DdeClientTransaction(NULL, 0, conv, item, CF_TEXT, XTYP_REQUEST, timeout, NULL);
    *error = DdeGetLastError(client_inst);
    text[0] = '\0';
    if (d) {
        DdeGetData(d, (LPBYTE)text, sizeof(text) - 1, 0);
        DdeFreeDataHandle(d);
    }
    DdeFreeStringHandle(client_inst, item);
    return text;
}

static HDDEDATA send_data(HCONV conv, UINT type, const char *item_name, const char *text,
                          DWORD *result, UINT *error)
{
    HSZ item = item_name ? DdeCreateStringHandleA(client_inst, item_name, CP_WINANSI) : NULL;
    HDDEDATA r = DdeClientTransaction((LPBYTE)text, (DWORD)strlen(text) + 1, conv, item, CF_TEXT,
                                      type, 5000, result);
    *error = DdeGetLastError(client_inst);
    if (item)
        DdeFreeStringHandle(client_inst, item);
    return r;
}

/* A second client, on its own thread: it connects and asks once the
 * server is inside its "[nested]" callback. */
static DWORD WINAPI late_client(LPVOID arg)
{
    DWORD inst = 0;
    HANDLE in = CreateEventA(NULL, TRUE, FALSE, shared("in_nested"));
    WaitForSingleObject(in, 10000);
    CloseHandle(in);
    if (DdeInitializeA(&inst, client_callback, APPCMD_CLIENTONLY, 0))
        return 0;
    HSZ svc = DdeCreateStringHandleA(inst, shared("service"), CP_WINANSI);
    HSZ topic = DdeCreateStringHandleA(inst, "Topic", CP_WINANSI);
    HSZ item = DdeCreateStringHandleA(inst, "Item", CP_WINANSI);
    HCONV conv = DdeConnect(inst, svc, topic, NULL);
    HDDEDATA data = conv ? DdeClientTransaction(NULL, 0, conv, item, CF_TEXT, XTYP_REQUEST,
                                                5000, NULL)
                         : NULL;
    *(BOOL *)arg = data != NULL;
    DdeFreeDataHandle(data);
    DdeUninitialize(inst);
    return 0;
}

/* A message loop inside a callback does not spin on the work that waits
 * for the callback's end (nested_loop), and that work is done after. */
static void nested(HCONV conv)
{
    BOOL answered = FALSE;
    UINT error;
    DWORD result;
    /* Made here and kept open, so the server's SetEvent finds it whoever
     * comes first (a named event goes with its last handle). */
    HANDLE in = CreateEventA(NULL, TRUE, FALSE, shared("in_nested"));
    HANDLE t = CreateThread(NULL, 0, late_client, &answered, 0, NULL);
    ok(send_data(conv, XTYP_EXECUTE, NULL, "[nested]", &result, &error) != NULL,
       "a callback that runs a message loop's turn");
    WaitForSingleObject(t, 10000);
    CloseHandle(t);
    CloseHandle(in);
    const char *text = request(conv, "Executed", &error, 5000);
    ok(!strcmp(text, "nested timeout none"),
       "its loop does not count the DDE work that waits for the callback (\"%s\")", text);
    ok(answered, "that work is done after the callback: the other client was answered");
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc > 2) {
        tag = (DWORD)strtoul(argv[2], NULL, 0);
        if (!strcmp(argv[1], "server"))
            return server(SERVE_MSGWAIT, 0);
        if (!strcmp(argv[1], "loop"))
            return server(SERVE_GETMESSAGE, 0);
        if (!strcmp(argv[1], "stall"))
            return server(SERVE_DDE_CALLS, 1);
    }
    tag = GetCurrentProcessId();
    HANDLE ready = CreateSemaphoreA(NULL, 0, 100, shared("ready"));
    HANDLE stop = CreateEventA(NULL, TRUE, FALSE, shared("stop"));
    HANDLE disconnected = CreateEventA(NULL, TRUE, FALSE, shared("disconnected"));
    PROCESS_INFORMATION s1, s2, s3;
    ok(!DdeInitializeA(&client_inst, client_callback, APPCMD_CLIENTONLY, 0), "client instance");
    ok(start_server("server", &s1, ready), "a server process registered its service");

    HSZ svc = DdeCreateStringHandleA(client_inst, shared("service"), CP_WINANSI);
    HSZ topic = DdeCreateStringHandleA(client_inst, "Topic", CP_WINANSI);
    HSZ other = DdeCreateStringHandleA(client_inst, "Other", CP_WINANSI);
    HCONV conv = DdeConnect(client_inst, svc, topic, NULL);
    ok(conv != NULL, "DdeConnect to the other process (its callback accepted the topic)");
    ok(!DdeConnect(client_inst, svc, other, NULL) &&
           DdeGetLastError(client_inst) == DMLERR_NO_CONV_ESTABLISHED,
       "a topic it refuses: DMLERR_NO_CONV_ESTABLISHED");

    UINT error;
    char expect[64];
    snprintf(expect, sizeof(expect), "value from %lu", (unsigned long)s1.dwProcessId);
    const char *text = request(conv, "Item", &error, 5000);
    ok(!strcmp(text, expect), "XTYP_REQUEST: the server's data (\"%s\")", text);
    text = request(conv, "Missing", &error, 5000);
    ok(!*text && error == DMLERR_NOTPROCESSED, "a request it cannot serve: DMLERR_NOTPROCESSED "
                                               "(%#x)", error);

    DWORD result = 0;
    BOOL sent = send_data(conv, XTYP_POKE, "Data", "poked text", &result, &error) != NULL;
    ok(sent && result == DDE_FACK, "XTYP_POKE: acknowledged (%#lx)", (unsigned long)result);
    text = request(conv, "Poked", &error, 5000);
    ok(!strcmp(text, "poked text"), "the server got the poked data (\"%s\")", text);
    sent = send_data(conv, XTYP_POKE, "Busy", "x", &result, &error) != NULL;
    ok(!sent && error == DMLERR_BUSY, "a poke the server is too busy for: DMLERR_BUSY (%#x)",
       error);
    sent = send_data(conv, XTYP_POKE, "Refused", "x", &result, &error) != NULL;
    ok(!sent && error == DMLERR_NOTPROCESSED, "a poke it refuses: DMLERR_NOTPROCESSED (%#x)",
       error);
    ok(send_data(conv, XTYP_EXECUTE, NULL, "[open(\"x\")]", &result, &error) &&
           result == DDE_FACK,
       "XTYP_EXECUTE: acknowledged");
    text = request(conv, "Executed", &error, 5000);
    ok(!strcmp(text, "[open(\"x\")]"), "the server ran the command (\"%s\")", text);
    sent = send_data(conv, XTYP_EXECUTE, NULL, "[refuse]", &result, &error) != NULL;
    ok(!sent && error == DMLERR_NOTPROCESSED, "a command it refuses: DMLERR_NOTPROCESSED (%#x)",
       error);

    nested(conv);

    /* A second server of the same service: a list reaches both. */
    ok(start_server("loop", &s2, ready), "a second server process, on GetMessageA");
    HCONVLIST list = DdeConnectList(client_inst, svc, topic, NULL, NULL);
    int in_list = 0, answered = 0;
    for (HCONV c = DdeQueryNextServer(list, NULL); c; c = DdeQueryNextServer(list, c)) {
        in_list++;
        if (!strncmp(request(c, "Item", &error, 5000), "value from ", 11))
            answered++;
    }
    ok(list && in_list == 2 && answered == 2, "DdeConnectList: both servers, both answer (%d, %d)",
       in_list, answered);
    ok(DdeDisconnectList(list), "DdeDisconnectList");

    ResetEvent(disconnected);
    ok(DdeDisconnect(conv), "DdeDisconnect");
    ok(WaitForSingleObject(disconnected, 5000) == WAIT_OBJECT_0,
       "the server's callback saw XTYP_DISCONNECT");
    text = request(conv, "Item", &error, 5000);
    ok(!*text && error == DMLERR_INVALIDPARAMETER,
       "a transaction on it fails: DMLERR_INVALIDPARAMETER (%#x)", error);
    ok(!DdeDisconnect(conv) && DdeGetLastError(client_inst) == DMLERR_INVALIDPARAMETER,
       "DdeDisconnect again fails: DMLERR_INVALIDPARAMETER");

    /* A server that stops answering: the transaction times out. */
    ok(start_server("stall", &s3, ready), "a server that stops pumping after connecting");
    HCONVLIST stall_list = DdeConnectList(client_inst, svc, topic, NULL, NULL);
    HCONV stalled_conv = NULL;
    int listed = 0;
    for (HCONV c = DdeQueryNextServer(stall_list, NULL); c; c = DdeQueryNextServer(stall_list, c))
        stalled_conv = c, listed++; /* newest server last */
    ok(listed == 3, "a server with no message loop accepts from its DDEML calls (%d servers)",
       listed);
    DWORD t0 = GetTickCount();
    text = request(stalled_conv, "Item", &error, 300);
    DWORD waited = GetTickCount() - t0;
    ok(!*text && error == DMLERR_DATAACKTIMEOUT && waited >= 250 && waited < 5000,
       "a request it never answers: DMLERR_DATAACKTIMEOUT after its timeout (%#x, %lu ms)", error,
       (unsigned long)waited);

    /* SIGKILL a server in a conversation: the conversation ends. */
    kill((pid_t)s1.dwProcessId, SIGKILL);
    WaitForSingleObject(s1.hProcess, 10000);
    int dead_fail = 0;
    for (HCONV c = DdeQueryNextServer(stall_list, NULL); c; c = DdeQueryNextServer(stall_list, c)) {
        UINT e2;
        request(c, "Item", &e2, 2000);
        if (e2 == DMLERR_NO_CONV_ESTABLISHED)
            dead_fail++;
    }
    ok(dead_fail == 1, "after SIGKILL, its conversation fails with DMLERR_NO_CONV_ESTABLISHED "
                       "(%d)", dead_fail);
    /* The GetMessageA server ends when a callback posts WM_QUIT. */
    for (HCONV c = DdeQueryNextServer(stall_list, NULL); c; c = DdeQueryNextServer(stall_list, c))
        if (c != stalled_conv)
            send_data(c, XTYP_EXECUTE, NULL, "[quit]", &result, &error);
    ok(WaitForSingleObject(s2.hProcess, 5000) == WAIT_OBJECT_0,
       "PostQuitMessage from a callback ends the GetMessageA loop");
    DdeDisconnectList(stall_list);

    SetEvent(stop);
    finish_child(&s1);
    ok(finish_child(&s2) == 0 && finish_child(&s3) == 0, "the servers end cleanly");
    DdeFreeStringHandle(client_inst, svc);
    DdeFreeStringHandle(client_inst, topic);
    DdeFreeStringHandle(client_inst, other);
    ok(DdeUninitialize(client_inst), "DdeUninitialize");
    return tap_done();
}
