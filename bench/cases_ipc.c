/*
 * Benchmark cases of the IPC channels: a named pipe round trip, pipe
 * throughput, and a file mapping's whole life (issue 4). See bench.h for
 * what a case is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define ECHO_SIZE 64
#define CHUNK_SIZE 65536
#define MAPPING_SIZE 65536

static HANDLE g_pipe;
static HANDLE g_write_end;
static PROCESS_INFORMATION g_child;
static char g_chunk[CHUNK_SIZE];

/* "\\.\pipe\winhandle-bench-TAG-echo" */
static const char *echo_pipe_name(DWORD tag)
{
    static char name[128];
    snprintf(name, sizeof(name), "\\\\.\\pipe\\%s", bench_object_name(tag, "echo"));
    return name;
}

/* Read exactly len bytes (a byte-mode pipe may return fewer a read). */
static BOOL read_all(HANDLE h, char *buf, DWORD len)
{
    while (len) {
        DWORD got = 0;
        if (!ReadFile(h, buf, len, &got, NULL) || !got)
            return FALSE;
        buf += got;
        len -= got;
    }
    return TRUE;
}

static BOOL write_all(HANDLE h, const char *buf, DWORD len)
{
    DWORD put = 0;
    return WriteFile(h, buf, len, &put, NULL) && put == len;
}

/* ---- the partners ---- */

/* The echo partner: open the parent's named pipe, send back every 64 bytes
 * it reads, until the parent closes its end. */
static int child_pipe_echo(DWORD tag, const char *arg)
{
    (void)arg;
    char buf[ECHO_SIZE];
    const char *name = echo_pipe_name(tag);
    if (!WaitNamedPipeA(name, PATIENCE_MS))
        return 2;
    HANDLE pipe = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0,
                              NULL);
    if (pipe == INVALID_HANDLE_VALUE)
        return 3;
    while (read_all(pipe, buf, sizeof(buf)))
        if (!write_all(pipe, buf, sizeof(buf)))
            return 4;
    return GetLastError() == ERROR_BROKEN_PIPE ? 0 : 5;
}

/* The sink: read and drop everything from the inherited read end (its
 * value is ARG) until the writer closes its end. */
static int child_pipe_sink(DWORD tag, const char *arg)
{
    (void)tag;
    static char buf[CHUNK_SIZE];
    HANDLE in = arg ? (HANDLE)(ULONG_PTR)strtoul(arg, NULL, 10) : NULL;
    DWORD got;
    while (ReadFile(in, buf, sizeof(buf), &got, NULL) && got)
        ;
    return GetLastError() == ERROR_BROKEN_PIPE ? 0 : 2;
}

/* ---- pipe_roundtrip_64 ---- */

static void teardown_echo(void)
{
    if (g_pipe) {
        CloseHandle(g_pipe); /* the partner's read fails: it leaves */
        g_pipe = NULL;
    }
    if (g_child.hProcess)
        WaitForSingleObject(g_child.hProcess, PATIENCE_MS);
    bench_end_child(&g_child);
}

static const char *echo_once(void)
{
    char out[ECHO_SIZE], in[ECHO_SIZE];
    memset(out, 'x', sizeof(out));
    if (!write_all(g_pipe, out, sizeof(out)))
        return bench_failed("WriteFile(64 bytes)");
    if (!read_all(g_pipe, in, sizeof(in)))
        return bench_failed("ReadFile(64 bytes)");
    return NULL;
}

static const char *setup_echo(void)
{
    g_pipe = CreateNamedPipeA(echo_pipe_name(GetCurrentProcessId()), PIPE_ACCESS_DUPLEX,
                              PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT, 1, 4096,
                              4096, 0, NULL);
    if (g_pipe == INVALID_HANDLE_VALUE) {
        g_pipe = NULL;
        return bench_failed("CreateNamedPipeA");
    }
    if (!bench_spawn("pipe_echo", NULL, FALSE, &g_child))
        return bench_failed("CreateProcessA(partner)");
    if (!ConnectNamedPipe(g_pipe, NULL) && GetLastError() != ERROR_PIPE_CONNECTED)
        return bench_failed("ConnectNamedPipe");
    return echo_once();
}

static const char *run_echo(DWORD n, LONGLONG *ticks)
{
    return bench_repeat(n, ticks, echo_once);
}

/* ---- pipe_throughput_64k ---- */

static void teardown_sink(void)
{
    if (g_write_end) {
        CloseHandle(g_write_end);
        g_write_end = NULL;
    }
    if (g_child.hProcess)
        WaitForSingleObject(g_child.hProcess, PATIENCE_MS);
    bench_end_child(&g_child);
}

static const char *setup_sink(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE read_end;
    char arg[32];
    memset(g_chunk, 'y', sizeof(g_chunk));
    if (!CreatePipe(&read_end, &g_write_end, &sa, CHUNK_SIZE))
        return bench_failed("CreatePipe");
    /* Only the read end goes to the child: a write end there would keep
     * the pipe open after the parent closes its own. */
    if (!SetHandleInformation(g_write_end, HANDLE_FLAG_INHERIT, 0))
        return bench_failed("SetHandleInformation");
    snprintf(arg, sizeof(arg), "%lu", (unsigned long)(ULONG_PTR)read_end);
    BOOL started = bench_spawn("pipe_sink", arg, TRUE, &g_child);
    CloseHandle(read_end);
    return started ? NULL : bench_failed("CreateProcessA(partner)");
}

static const char *run_sink(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = bench_now();
    for (DWORD i = 0; i < n; i++)
        if (!write_all(g_write_end, g_chunk, sizeof(g_chunk)))
            return bench_failed("WriteFile(64 KiB)");
    *ticks = bench_now() - start;
    return NULL;
}

/* ---- mapping_64k ---- */

static const char *run_mapping(DWORD n, LONGLONG *ticks)
{
    LONGLONG start = bench_now();
    for (DWORD i = 0; i < n; i++) {
        HANDLE section = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
                                            MAPPING_SIZE, NULL);
        if (!section)
            return bench_failed("CreateFileMappingA");
        volatile char *view = MapViewOfFile(section, FILE_MAP_ALL_ACCESS, 0, 0, 0);
        if (!view)
            return bench_failed("MapViewOfFile");
        view[0] = 1; /* the view is really there */
        if (!UnmapViewOfFile((void *)view))
            return bench_failed("UnmapViewOfFile");
        if (!CloseHandle(section))
            return bench_failed("CloseHandle");
    }
    *ticks = bench_now() - start;
    return NULL;
}

static const struct bench_case ipc_cases[] = {
    { "pipe_roundtrip_64", "named pipe round trip with a child: WriteFile 64 bytes + ReadFile "
      "of the 64 bytes it echoes (byte mode, duplex)",
      setup_echo, run_echo, teardown_echo, 0 },
    { "pipe_throughput_64k", "WriteFile of 64 KiB into an anonymous pipe whose read end a "
      "child drains (the MB/s line below the table)",
      setup_sink, run_sink, teardown_sink, CHUNK_SIZE },
    { "mapping_64k", "CreateFileMappingA (page file, 64 KiB) + MapViewOfFile + a write + "
      "UnmapViewOfFile + CloseHandle",
      NULL, run_mapping, NULL, 0 },
};

static const struct bench_child ipc_children[] = {
    { "pipe_echo", child_pipe_echo },
    { "pipe_sink", child_pipe_sink },
};

const struct bench_group bench_ipc = {
    "ipc", ipc_cases, BENCH_COUNT(ipc_cases), ipc_children, BENCH_COUNT(ipc_children),
};
