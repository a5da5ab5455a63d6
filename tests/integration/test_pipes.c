/*
 * Pipes between processes:
 *  - the DuplicateHandle pattern over a named pipe: the client sends its
 *    pid, the server duplicates an event and a pipe end into it and sends
 *    the values back, the client uses them;
 *  - writers killed with SIGKILL in the middle of a transfer (a byte pipe
 *    and a message pipe): the reader gets every whole byte or message
 *    written, then ERROR_BROKEN_PIPE, and nothing else is disturbed; a
 *    killed reader leaves the writer ERROR_NO_DATA; a killed server
 *    blocked in ConnectNamedPipe takes its instance with it;
 *  - 256 instances of one pipe, each with a client in another process;
 *  - an anonymous pipe to a child through inheritance;
 *  - a message read in part here and finished in another process;
 *  - the documented answers where Wine, the conformance oracle, differs.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <windows.h>

#include "spawn_self.h"
#include "tap.h"

#define PATIENCE 20000
#define INSTANCES 256

static void pipe_name(char *buf, size_t len, const char *what, unsigned long pid)
{
    snprintf(buf, len, "\\\\.\\pipe\\winhandle-test-%lu-%s", pid, what);
}

static HANDLE make_pipe(const char *name, DWORD open_mode, DWORD pipe_mode, DWORD instances)
{
    return CreateNamedPipeA(name, open_mode, pipe_mode, instances, 4096, 4096, 0, NULL);
}

/* WaitNamedPipeA fails at once while no instance exists at all: a pipe
 * another process is about to make is waited for here. */
static BOOL wait_for_pipe(const char *name)
{
    for (int i = 0; i < PATIENCE / 10; i++) {
        if (WaitNamedPipeA(name, PATIENCE))
            return TRUE;
        if (GetLastError() != ERROR_FILE_NOT_FOUND)
            return FALSE;
        Sleep(10);
    }
    return FALSE;
}

static HANDLE open_client(const char *name, DWORD access)
{
    if (!wait_for_pipe(name))
        return INVALID_HANDLE_VALUE;
    return CreateFileA(name, access, 0, NULL, OPEN_EXISTING, 0, NULL);
}

/* A message as a string; 0 on failure. */
static DWORD read_message(HANDLE h, char *buf, DWORD size)
{
    DWORD n = 0;
    if (!ReadFile(h, buf, size - 1, &n, NULL))
        return 0;
    buf[n] = '\0';
    return n;
}

static BOOL write_string(HANDLE h, const char *s)
{
    DWORD n;
    return WriteFile(h, s, (DWORD)strlen(s), &n, NULL) && n == strlen(s);
}

static BOOL connect_server(HANDLE s)
{
    return ConnectNamedPipe(s, NULL) || GetLastError() == ERROR_PIPE_CONNECTED;
}

/* An anonymous pipe, one end of it given to a child "self ROLE VALUE"
 * (it inherits only that one) and closed here; the other end is ours. */
static HANDLE pipe_to_child(const char *role, int give_write_end, PROCESS_INFORMATION *pi,
                            BOOL *started)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE ends[2]; /* read, write */
    char args[64];
    CreatePipe(&ends[0], &ends[1], &sa, 0);
    HANDLE give = ends[give_write_end != 0], keep = ends[give_write_end == 0];
    SetHandleInformation(keep, HANDLE_FLAG_INHERIT, 0);
    snprintf(args, sizeof(args), "%s %lu", role, (unsigned long)(ULONG_PTR)give);
    *started = spawn_self(args, TRUE, NULL, pi);
    CloseHandle(give);
    return keep;
}

/* ---- the DuplicateHandle pattern ---- */

/* B: say who it is, take two handle values, use them. */
static int child_dup_client(const char *name, unsigned long server_pid)
{
    char buf[128];
    unsigned long ev, w;
    DWORD mode = PIPE_READMODE_MESSAGE;
    HANDLE h = open_client(name, GENERIC_READ | GENERIC_WRITE);
    if (h == INVALID_HANDLE_VALUE || !SetNamedPipeHandleState(h, &mode, NULL, NULL))
        return 1;
    snprintf(buf, sizeof(buf), "%lu", (unsigned long)GetCurrentProcessId());
    if (!write_string(h, buf) || !read_message(h, buf, sizeof(buf)) ||
        sscanf(buf, "%lu %lu", &ev, &w) != 2)
        return 2;
    ULONG pid = 0;
    if (!GetNamedPipeServerProcessId(h, &pid) || pid != server_pid)
        return 3;
    if (!SetEvent((HANDLE)(ULONG_PTR)ev))
        return 4;
    if (!write_string((HANDLE)(ULONG_PTR)w, "through the duplicated pipe"))
        return 5;
    return write_string(h, "done") ? 0 : 6;
}

static void test_duplicate_pattern(void)
{
    char name[128], args[256], buf[128];
    PROCESS_INFORMATION pi;
    pipe_name(name, sizeof(name), "dup", GetCurrentProcessId());
    HANDLE s = make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1);
    snprintf(args, sizeof(args), "dup-client %s %lu", name, (unsigned long)GetCurrentProcessId());
    ok(s != INVALID_HANDLE_VALUE && spawn_self(args, FALSE, NULL, &pi),
       "A makes a named pipe and starts B");
    ok(connect_server(s), "B connects");
    unsigned long pid = 0;
    ok(read_message(s, buf, sizeof(buf)) && sscanf(buf, "%lu", &pid) == 1 &&
           pid == pi.dwProcessId,
       "B sends its pid over the pipe");
    ULONG client = 0;
    ok(GetNamedPipeClientProcessId(s, &client) && client == pid,
       "GetNamedPipeClientProcessId agrees");

    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), r, w, ev_b = NULL, w_b = NULL;
    CreatePipe(&r, &w, NULL, 0);
    HANDLE b = OpenProcess(PROCESS_DUP_HANDLE, FALSE, (DWORD)pid);
    ok(b && DuplicateHandle(GetCurrentProcess(), ev, b, &ev_b, 0, FALSE, DUPLICATE_SAME_ACCESS) &&
           DuplicateHandle(GetCurrentProcess(), w, b, &w_b, 0, FALSE,
                           DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE),
       "A duplicates an event and a pipe's write end into B (closing its own)");
    snprintf(buf, sizeof(buf), "%lu %lu", (unsigned long)(ULONG_PTR)ev_b,
             (unsigned long)(ULONG_PTR)w_b);
    ok(write_string(s, buf), "A sends the values");
    ok(WaitForSingleObject(ev, PATIENCE) == WAIT_OBJECT_0, "B set the event through its value");
    DWORD n = 0;
    ok(ReadFile(r, buf, sizeof(buf) - 1, &n, NULL) && n == 27 &&
           !memcmp(buf, "through the duplicated pipe", 27),
       "B wrote through its copy of the write end");
    ok(read_message(s, buf, sizeof(buf)) && !strcmp(buf, "done"), "B says done");
    ok(finish_child(&pi) == 0, "B found everything as sent");
    ok(!ReadFile(r, buf, sizeof(buf), &n, NULL) && GetLastError() == ERROR_BROKEN_PIPE,
       "B's exit closed the only write end: ERROR_BROKEN_PIPE");
    CloseHandle(b);
    CloseHandle(r);
    CloseHandle(ev);
    CloseHandle(s);
}

/* ---- killed writers and readers ---- */

#define BIG (4u << 20)

/* One WriteFile far bigger than the pipe holds: killed while blocked in it. */
static int child_write_bytes(unsigned long handle)
{
    unsigned char *buf = malloc(BIG);
    for (unsigned i = 0; i < BIG; i++)
        buf[i] = (unsigned char)(i % 251);
    DWORD n;
    WriteFile((HANDLE)(ULONG_PTR)handle, buf, BIG, &n, NULL);
    return 1; /* never reached: the parent kills us */
}

static void test_killed_byte_writer(void)
{
    PROCESS_INFORMATION pi;
    BOOL started;
    HANDLE r = pipe_to_child("write-bytes", 1, &pi, &started);
    ok(started, "a writer inherits the write end");

    static unsigned char buf[65536];
    unsigned long total = 0;
    int in_order = 1, killed = 0;
    DWORD n;
    for (;;) {
        if (!ReadFile(r, buf, sizeof(buf), &n, NULL))
            break;
        for (DWORD i = 0; i < n; i++)
            in_order &= buf[i] == (unsigned char)((total + i) % 251);
        total += n;
        if (!killed && total >= 200000) {
            kill((pid_t)pi.dwProcessId, SIGKILL);
            killed = 1;
        }
    }
    DWORD error = GetLastError();
    ok(killed && total < BIG, "the writer was killed mid-write (%lu of %u bytes)", total, BIG);
    ok(in_order, "every byte read is the byte written there");
    ok(error == ERROR_BROKEN_PIPE, "then ERROR_BROKEN_PIPE (%lu)", (unsigned long)error);
    ok(finish_child(&pi) == 128 + SIGKILL, "the writer died of SIGKILL");
    CloseHandle(r);
}

#define MSG_SIZE 65536u

/* Numbered messages until killed (the socket fills, and one blocks). */
static int child_write_messages(const char *name)
{
    static unsigned char buf[MSG_SIZE];
    HANDLE h = open_client(name, GENERIC_WRITE);
    if (h == INVALID_HANDLE_VALUE)
        return 1;
    for (unsigned k = 0;; k++) {
        for (unsigned i = 0; i < MSG_SIZE; i++)
            buf[i] = (unsigned char)(k + i);
        DWORD n;
        if (!WriteFile(h, buf, MSG_SIZE, &n, NULL))
            return 2;
    }
}

static void test_killed_message_writer(void)
{
    char name[128], args[256];
    PROCESS_INFORMATION pi;
    pipe_name(name, sizeof(name), "msgkill", GetCurrentProcessId());
    HANDLE s = make_pipe(name, PIPE_ACCESS_INBOUND, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1);
    snprintf(args, sizeof(args), "write-messages %s", name);
    ok(spawn_self(args, FALSE, NULL, &pi), "a message writer starts");
    ok(connect_server(s), "it connects");

    static unsigned char buf[MSG_SIZE];
    unsigned k = 0;
    int whole = 1;
    DWORD n, error;
    for (;; k++) {
        /* Each message in two reads: the first too small for it. */
        if (!ReadFile(s, buf, 1000, &n, NULL) && GetLastError() != ERROR_MORE_DATA)
            break;
        DWORD first = n;
        if (first != 1000 || !ReadFile(s, buf + 1000, MSG_SIZE, &n, NULL))
            whole = 0;
        if (!whole)
            break;
        for (unsigned i = 0; i < MSG_SIZE; i++)
            whole &= buf[i] == (unsigned char)(k + i);
        whole &= first + n == MSG_SIZE;
        if (k == 3)
            kill((pid_t)pi.dwProcessId, SIGKILL);
    }
    error = GetLastError();
    ok(whole && k > 3, "every message read came whole, in order (%u of them)", k);
    ok(error == ERROR_BROKEN_PIPE, "then ERROR_BROKEN_PIPE (%lu)", (unsigned long)error);
    ok(finish_child(&pi) == 128 + SIGKILL, "the writer died of SIGKILL");
    ok(!ConnectNamedPipe(s, NULL) && GetLastError() == ERROR_NO_DATA,
       "the instance waits for DisconnectNamedPipe");
    ok(DisconnectNamedPipe(s), "which makes it reusable");
    HANDLE again = make_pipe(name, PIPE_ACCESS_INBOUND, PIPE_TYPE_MESSAGE, 2);
    ok(again == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PIPE_BUSY,
       "the pipe's settings stand: one instance only");
    CloseHandle(s);
    HANDLE ev = CreateEventA(NULL, FALSE, TRUE, NULL);
    ok(ev && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "the server serves on");
    CloseHandle(ev);
}

static int child_block_reading(unsigned long handle)
{
    char c;
    DWORD n;
    ReadFile((HANDLE)(ULONG_PTR)handle, &c, 1, &n, NULL);
    return 1;
}

static void test_killed_reader(void)
{
    PROCESS_INFORMATION pi;
    BOOL started;
    HANDLE w = pipe_to_child("block-reading", 0, &pi, &started);
    ok(started, "a reader inherits the read end");
    Sleep(100); /* let it block in ReadFile; the result is the same if not */
    kill((pid_t)pi.dwProcessId, SIGKILL);
    ok(finish_child(&pi) == 128 + SIGKILL, "the reader is killed");
    DWORD n;
    ok(!WriteFile(w, "x", 1, &n, NULL) && GetLastError() == ERROR_NO_DATA,
       "a write now fails with ERROR_NO_DATA, and no SIGPIPE kills the writer");
    CloseHandle(w);
}

static int child_listen(const char *name)
{
    HANDLE s = make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1);
    ConnectNamedPipe(s, NULL);
    return 1;
}

static void test_killed_listener(void)
{
    char name[128], args[256];
    PROCESS_INFORMATION pi;
    pipe_name(name, sizeof(name), "listener", GetCurrentProcessId());
    snprintf(args, sizeof(args), "listen %s", name);
    ok(spawn_self(args, FALSE, NULL, &pi), "a server starts listening");
    ok(wait_for_pipe(name), "its instance is there");
    kill((pid_t)pi.dwProcessId, SIGKILL);
    ok(finish_child(&pi) == 128 + SIGKILL, "it is killed inside ConnectNamedPipe");
    ok(CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL) == INVALID_HANDLE_VALUE &&
           GetLastError() == ERROR_FILE_NOT_FOUND,
       "its instance went with it");
}

/* A server that sends one message and waits to be killed. */
static int child_serve_once(const char *name)
{
    HANDLE s = make_pipe(name, PIPE_ACCESS_OUTBOUND, PIPE_TYPE_BYTE, 1);
    if (!connect_server(s) || !write_string(s, "hi"))
        return 1;
    Sleep(INFINITE);
    return 0;
}

static void test_killed_server(void)
{
    char name[128], args[256], buf[8];
    PROCESS_INFORMATION pi;
    DWORD n = 0;
    pipe_name(name, sizeof(name), "server", GetCurrentProcessId());
    snprintf(args, sizeof(args), "serve-once %s", name);
    ok(spawn_self(args, FALSE, NULL, &pi), "a server process starts");
    HANDLE c = open_client(name, GENERIC_READ);
    ok(c != INVALID_HANDLE_VALUE && ReadFile(c, buf, sizeof(buf), &n, NULL) && n == 2,
       "its client reads what it sent");
    kill((pid_t)pi.dwProcessId, SIGKILL);
    ok(!ReadFile(c, buf, sizeof(buf), &n, NULL) && GetLastError() == ERROR_BROKEN_PIPE,
       "killed, the server leaves its client ERROR_BROKEN_PIPE");
    ok(finish_child(&pi) == 128 + SIGKILL, "the server died of SIGKILL");
    CloseHandle(c);
}

/* ---- a server end reconnected by another process ---- */

static int child_reconnect(unsigned long handle)
{
    HANDLE s = (HANDLE)(ULONG_PTR)handle;
    if (!DisconnectNamedPipe(s))
        return 1;
    return ConnectNamedPipe(s, NULL) ? 0 : 2;
}

static void test_reconnected_elsewhere(void)
{
    char name[128], args[64], buf[8];
    PROCESS_INFORMATION pi;
    DWORD n;
    pipe_name(name, sizeof(name), "reconnect", GetCurrentProcessId());
    HANDLE s = make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1);
    HANDLE c1 = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    write_string(c1, "one");
    ok(ReadFile(s, buf, sizeof(buf), &n, NULL) && n == 3, "the server end reads its client");
    SetHandleInformation(s, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    snprintf(args, sizeof(args), "reconnect %lu", (unsigned long)(ULONG_PTR)s);
    ok(spawn_self(args, TRUE, NULL, &pi), "a child shares the server end");
    ok(WaitNamedPipeA(name, PATIENCE), "it disconnects the client and listens again");
    HANDLE c2 = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(write_string(c2, "two") && finish_child(&pi) == 0, "a second client connects and writes");
    ok(!ReadFile(c1, buf, sizeof(buf), &n, NULL) && GetLastError() == ERROR_PIPE_NOT_CONNECTED,
       "the first client was thrown off: ERROR_PIPE_NOT_CONNECTED");
    ok(ReadFile(s, buf, sizeof(buf), &n, NULL) && n == 3 && !memcmp(buf, "two", 3),
       "here the same server handle reads the second client");
    CloseHandle(c1);
    CloseHandle(c2);
    CloseHandle(s);
}

/* ---- many instances ---- */

static int child_many_clients(const char *name)
{
    HANDLE c[INSTANCES];
    char buf[32];
    for (int i = 0; i < INSTANCES; i++)
        if ((c[i] = open_client(name, GENERIC_READ | GENERIC_WRITE)) == INVALID_HANDLE_VALUE)
            return 1;
    if (CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL) != INVALID_HANDLE_VALUE ||
        GetLastError() != ERROR_PIPE_BUSY)
        return 2;
    for (int i = 0; i < INSTANCES; i++) {
        snprintf(buf, sizeof(buf), "%d", i);
        if (!write_string(c[i], buf))
            return 3;
    }
    for (int i = 0; i < INSTANCES; i++) {
        DWORD n;
        int back = -1;
        if (!ReadFile(c[i], buf, sizeof(buf) - 1, &n, NULL))
            return 4;
        buf[n] = '\0';
        if (sscanf(buf, "%d", &back) != 1 || back != i + 1000)
            return 5;
        CloseHandle(c[i]);
    }
    return 0;
}

static void test_many_instances(void)
{
    char name[128], args[256], buf[32];
    PROCESS_INFORMATION pi;
    HANDLE s[INSTANCES];
    int made = 0, served = 0;
    pipe_name(name, sizeof(name), "many", GetCurrentProcessId());
    for (int i = 0; i < INSTANCES; i++) {
        s[i] = make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, PIPE_UNLIMITED_INSTANCES);
        made += s[i] != INVALID_HANDLE_VALUE;
    }
    ok(made == INSTANCES, "%d instances of one pipe", made);
    snprintf(args, sizeof(args), "many-clients %s", name);
    ok(spawn_self(args, FALSE, NULL, &pi), "another process opens a client on each");
    for (int i = 0; i < INSTANCES; i++) {
        DWORD n;
        int got = -1;
        if (!connect_server(s[i]) || !ReadFile(s[i], buf, sizeof(buf) - 1, &n, NULL))
            continue;
        buf[n] = '\0';
        if (sscanf(buf, "%d", &got) != 1)
            continue;
        snprintf(buf, sizeof(buf), "%d", got + 1000);
        served += write_string(s[i], buf);
    }
    ok(served == INSTANCES, "each instance served its client (%d)", served);
    ok(finish_child(&pi) == 0, "each client got its answer; a 257th found ERROR_PIPE_BUSY");
    for (int i = 0; i < INSTANCES; i++)
        CloseHandle(s[i]);
}

/* ---- inheritance ---- */

static int child_inherited_writer(unsigned long handle)
{
    return write_string((HANDLE)(ULONG_PTR)handle, "hello from the child") ? 0 : 1;
}

static void test_inherited_pipe(void)
{
    char buf[64];
    PROCESS_INFORMATION pi;
    BOOL started;
    HANDLE r = pipe_to_child("inherited-writer", 1, &pi, &started);
    ok(started, "a child inherits the write end of an inheritable pipe");
    DWORD n, total = 0;
    while (ReadFile(r, buf + total, sizeof(buf) - 1 - total, &n, NULL))
        total += n;
    ok(GetLastError() == ERROR_BROKEN_PIPE && total == 20 &&
           !memcmp(buf, "hello from the child", 20),
       "the parent reads what the child wrote, then ERROR_BROKEN_PIPE");
    ok(finish_child(&pi) == 0, "the child's write succeeded");
    CloseHandle(r);
}

/* ---- standard handles ---- */

static int child_std_writer(void)
{
    STARTUPINFOA si;
    GetStartupInfoA(&si);
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    if (!(si.dwFlags & STARTF_USESTDHANDLES) || out != si.hStdOutput)
        return 1;
    printf("from printf\n");
    fflush(stdout);
    return write_string(out, "from WriteFile\n") ? 0 : 2;
}

static BOOL run_with_std(const char *cmd, HANDLE in, HANDLE out, PROCESS_INFORMATION *pi)
{
    char line[MAX_PATH + 64];
    STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESTDHANDLES, .hStdInput = in,
                        .hStdOutput = out, .hStdError = out };
    snprintf(line, sizeof(line), "%s", cmd);
    return CreateProcessA(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, pi);
}

/* Everything until the pipe breaks, as a string. */
static const char *drain(HANDLE r)
{
    static char buf[256];
    DWORD n, total = 0;
    while (total < sizeof(buf) - 1 && ReadFile(r, buf + total, sizeof(buf) - 1 - total, &n, NULL))
        total += n;
    buf[total] = '\0';
    return buf;
}

static void test_std_handles(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE r, w, in_r, in_w;
    PROCESS_INFORMATION pi;
    char cmd[MAX_PATH + 32];

    CreatePipe(&r, &w, &sa, 0);
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    snprintf(cmd, sizeof(cmd), "\"%s\" std-writer", self_path);
    ok(run_with_std(cmd, NULL, w, &pi), "a child with STARTF_USESTDHANDLES: output to a pipe");
    CloseHandle(w);
    ok(!strcmp(drain(r), "from printf\nfrom WriteFile\n"),
       "its printf and its WriteFile(GetStdHandle(STD_OUTPUT_HANDLE)) both arrive");
    ok(finish_child(&pi) == 0, "its GetStdHandle is the handle it was given");
    CloseHandle(r);

    /* A Linux program knows nothing of handles: it has its descriptors. */
    CreatePipe(&in_r, &in_w, &sa, 0);
    CreatePipe(&r, &w, &sa, 0);
    SetHandleInformation(in_w, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    ok(run_with_std("cat", in_r, w, &pi), "cat, its input and output pipes");
    CloseHandle(in_r);
    CloseHandle(w);
    ok(write_string(in_w, "meow\n") && CloseHandle(in_w), "the parent feeds it and closes");
    ok(!strcmp(drain(r), "meow\n"), "cat's output comes back");
    ok(finish_child(&pi) == 0, "cat ends at the end of its input");
    CloseHandle(r);
}

/* ---- one message, two processes ---- */

static int child_read_rest(unsigned long handle)
{
    char buf[64];
    DWORD n = 0;
    if (!ReadFile((HANDLE)(ULONG_PTR)handle, buf, sizeof(buf), &n, NULL))
        return 1;
    return n == 6 && !memcmp(buf, "456789", 6) ? 0 : 2;
}

static void test_message_across_processes(void)
{
    char name[128], args[64], buf[8];
    PROCESS_INFORMATION pi;
    DWORD n, mode = PIPE_READMODE_MESSAGE;
    pipe_name(name, sizeof(name), "split", GetCurrentProcessId());
    HANDLE s = make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1);
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE c = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, &sa, OPEN_EXISTING, 0, NULL);
    SetNamedPipeHandleState(c, &mode, NULL, NULL);
    WriteFile(s, "0123456789", 10, &n, NULL);
    ok(!ReadFile(c, buf, 4, &n, NULL) && GetLastError() == ERROR_MORE_DATA && n == 4,
       "this process reads a message's first 4 bytes: ERROR_MORE_DATA");
    snprintf(args, sizeof(args), "read-rest %lu", (unsigned long)(ULONG_PTR)c);
    ok(spawn_self(args, TRUE, NULL, &pi), "a child inherits the client end");
    ok(finish_child(&pi) == 0, "the child's ReadFile gets the other 6, and only them");
    CloseHandle(c);
    CloseHandle(s);
}

/* ---- documented answers ---- */

/* The largest socket send buffer: a message must fit in one. */
static unsigned long message_limit(void)
{
    unsigned long wmem_max = 0;
    FILE *f = fopen("/proc/sys/net/core/wmem_max", "r");
    if (f && fscanf(f, "%lu", &wmem_max) != 1)
        wmem_max = 0;
    if (f)
        fclose(f);
    return 2 * wmem_max;
}

static void test_message_limit(const char *name)
{
    unsigned long limit = message_limit();
    if (!limit || limit > (64ul << 20)) {
        ok(1, "# skip: no message limit to test (net.core.wmem_max %lu)", limit / 2);
        return;
    }
    HANDLE s = make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE, 1);
    HANDLE c = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD size = (DWORD)limit + (1u << 20), n = 0xdead;
    char *big = calloc(1, size);
    ok(!WriteFile(c, big, size, &n, NULL) && GetLastError() == ERROR_NOT_ENOUGH_QUOTA && !n,
       "a message bigger than a socket can hold: ERROR_NOT_ENOUGH_QUOTA, nothing written");
    free(big);
    CloseHandle(c);
    CloseHandle(s);
}

static void test_documented(void)
{
    char name[128];
    pipe_name(name, sizeof(name), "doc", GetCurrentProcessId());
    HANDLE a = make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 2);
    HANDLE b = make_pipe(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE, PIPE_TYPE_BYTE, 2);
    ok(b == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED,
       "FILE_FLAG_FIRST_PIPE_INSTANCE on a second instance: ERROR_ACCESS_DENIED");
    HANDLE c = CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD mode = PIPE_READMODE_BYTE | PIPE_NOWAIT;
    ok(!SetNamedPipeHandleState(c, &mode, NULL, NULL) && GetLastError() == ERROR_ACCESS_DENIED,
       "SetNamedPipeHandleState without FILE_WRITE_ATTRIBUTES: ERROR_ACCESS_DENIED");
    CloseHandle(c);
    CloseHandle(a);
    ok(make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 0) == INVALID_HANDLE_VALUE &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "nMaxInstances 0: ERROR_INVALID_PARAMETER");
    ok(make_pipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 256) == INVALID_HANDLE_VALUE &&
           GetLastError() == ERROR_INVALID_PARAMETER,
       "nMaxInstances 256: ERROR_INVALID_PARAMETER");
    ok(make_pipe("\\\\.\\pipe\\", PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1) == INVALID_HANDLE_VALUE &&
           GetLastError() == ERROR_INVALID_NAME,
       "an empty pipe name: ERROR_INVALID_NAME");
    test_message_limit(name);
    ok(make_pipe(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1) ==
               INVALID_HANDLE_VALUE &&
           GetLastError() == ERROR_NOT_SUPPORTED,
       "overlapped pipes are not provided: ERROR_NOT_SUPPORTED");
}

/* ---- a handle of ours closed, and its value reused, by another process ---- */

/* Close the parent's handle VALUE (DUPLICATE_CLOSE_SOURCE, no target), say
 * so, wait, then give the parent the read end of a new pipe holding "new".
 * The exit code is the value the parent got, 0 on failure. */
static int child_close_and_replace(unsigned long parent_pid, unsigned long value)
{
    char name[64];
    HANDLE parent = OpenProcess(PROCESS_DUP_HANDLE, FALSE, (DWORD)parent_pid);
    snprintf(name, sizeof(name), "pipes-closed-%lu", parent_pid);
    HANDLE closed = OpenEventA(EVENT_MODIFY_STATE, FALSE, name);
    snprintf(name, sizeof(name), "pipes-go-%lu", parent_pid);
    HANDLE go = OpenEventA(SYNCHRONIZE, FALSE, name);
    HANDLE r, w, theirs = NULL;
    if (!parent || !closed || !go ||
        !DuplicateHandle(parent, (HANDLE)(ULONG_PTR)value, NULL, NULL, 0, FALSE,
                         DUPLICATE_CLOSE_SOURCE) ||
        !SetEvent(closed) || WaitForSingleObject(go, PATIENCE) != WAIT_OBJECT_0)
        return 0;
    if (!CreatePipe(&r, &w, NULL, 0) || !write_string(w, "new") ||
        !DuplicateHandle(GetCurrentProcess(), r, parent, &theirs, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        return 0;
    return (int)(ULONG_PTR)theirs;
}

static void test_closed_elsewhere(void)
{
    char name[64], args[64], buf[8];
    PROCESS_INFORMATION pi;
    DWORD n;
    HANDLE r, w;
    snprintf(name, sizeof(name), "pipes-closed-%lu", (unsigned long)GetCurrentProcessId());
    HANDLE closed = CreateEventA(NULL, FALSE, FALSE, name);
    snprintf(name, sizeof(name), "pipes-go-%lu", (unsigned long)GetCurrentProcessId());
    HANDLE go = CreateEventA(NULL, FALSE, FALSE, name);
    ok(CreatePipe(&r, &w, NULL, 0) && write_string(w, "old") &&
           ReadFile(r, buf, 3, &n, NULL) && n == 3,
       "a pipe used here (its descriptors now known to this process)");
    write_string(w, "more"); /* so a stale read would not block */
    snprintf(args, sizeof(args), "close-and-replace %lu %lu",
             (unsigned long)GetCurrentProcessId(), (unsigned long)(ULONG_PTR)r);
    ok(spawn_self(args, FALSE, NULL, &pi), "a child gets our pid and the read end's value");
    ok(WaitForSingleObject(closed, PATIENCE) == WAIT_OBJECT_0,
       "it closed the read end here with DuplicateHandle(us, r, NULL, ...)");
    BOOL read = ReadFile(r, buf, sizeof(buf), &n, NULL);
    DWORD error = GetLastError();
    ok(!read && error == ERROR_INVALID_HANDLE,
       "ReadFile on the closed value fails with ERROR_INVALID_HANDLE (%d, %u)", read,
       (unsigned)error);
    SetEvent(go);
    HANDLE given = (HANDLE)(ULONG_PTR)finish_child(&pi);
    ok(given != NULL, "it duplicated a new pipe's read end into us");
    ok(given == r, "at the freed value");
    CloseHandle(w); /* a read of the old pipe would now fail, not block */
    memset(buf, 0, sizeof(buf));
    ok(ReadFile(given, buf, 3, &n, NULL) && n == 3 && !memcmp(buf, "new", 3),
       "which reads the new pipe, not the old one (\"%.3s\")", buf);
    CloseHandle(given);
    CloseHandle(closed);
    CloseHandle(go);
}

int main(int argc, char **argv)
{
    spawn_self_init();
    if (argc == 4 && !strcmp(argv[1], "dup-client"))
        return child_dup_client(argv[2], strtoul(argv[3], NULL, 10));
    if (argc == 3 && !strcmp(argv[1], "write-bytes"))
        return child_write_bytes(strtoul(argv[2], NULL, 10));
    if (argc == 3 && !strcmp(argv[1], "write-messages"))
        return child_write_messages(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "block-reading"))
        return child_block_reading(strtoul(argv[2], NULL, 10));
    if (argc == 3 && !strcmp(argv[1], "listen"))
        return child_listen(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "reconnect"))
        return child_reconnect(strtoul(argv[2], NULL, 10));
    if (argc == 3 && !strcmp(argv[1], "serve-once"))
        return child_serve_once(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "many-clients"))
        return child_many_clients(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "inherited-writer"))
        return child_inherited_writer(strtoul(argv[2], NULL, 10));
    if (argc == 2 && !strcmp(argv[1], "std-writer"))
        return child_std_writer();
    if (argc == 3 && !strcmp(argv[1], "read-rest"))
        return child_read_rest(strtoul(argv[2], NULL, 10));
    if (argc == 4 && !strcmp(argv[1], "close-and-replace"))
        return child_close_and_replace(strtoul(argv[2], NULL, 10), strtoul(argv[3], NULL, 10));
    test_duplicate_pattern();
    test_killed_byte_writer();
    test_killed_message_writer();
    test_killed_reader();
    test_killed_listener();
    test_killed_server();
    test_reconnected_elsewhere();
    test_many_instances();
    test_inherited_pipe();
    test_message_across_processes();
    test_std_handles();
    test_documented();
    test_closed_elsewhere();
    return tap_done();
}
