/*
 * DuplicateHandle between processes, as the Win32 documentation describes
 * it: process A duplicates a handle to an unnamed object into process B and
 * passes B the value and its pid over an IPC channel; B uses it; A sees
 * the effect. Also: closing a handle inside another process
 * (DUPLICATE_CLOSE_SOURCE with no target), duplicating into a process that
 * ends half-way through, and a SIGKILLed process whose duplicated handles
 * close while the objects it shared live on for the others.
 *
 * The channel is a Linux FIFO until winhandle has named pipes.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <windows.h>

#include "tap.h"

static char self[MAX_PATH];

static BOOL spawn(const char *args, PROCESS_INFORMATION *pi)
{
    char cmd[MAX_PATH + 256];
    STARTUPINFOA si = { .cb = sizeof(si) };
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", self, args);
    return CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, pi);
}

static void finish(PROCESS_INFORMATION *pi)
{
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
}

static DWORD exit_code_after(HANDLE process)
{
    DWORD code = 0xdead;
    if (WaitForSingleObject(process, 20000) == WAIT_OBJECT_0)
        GetExitCodeProcess(process, &code);
    return code;
}

/* Read two numbers from the FIFO. */
static int receive(const char *fifo, unsigned long *a, unsigned long *b)
{
    FILE *in = fopen(fifo, "r");
    int n = in ? fscanf(in, "%lu %lu", a, b) : 0;
    if (in)
        fclose(in);
    return n == 2 ? 0 : -1;
}

static int send_values(const char *fifo, unsigned long a, unsigned long b)
{
    FILE *out = fopen(fifo, "w");
    if (!out)
        return -1;
    fprintf(out, "%lu %lu\n", a, b);
    return fclose(out);
}

/* ---- children ---- */

/* B of the documented pattern: signal through the received value, check
 * the sender's pid opens to the sender. Exit code: bits of failures. */
static int child_pattern(const char *fifo)
{
    unsigned long value, pid_a;
    if (receive(fifo, &value, &pid_a) < 0)
        return 1;
    HANDLE a = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE,
                           (DWORD)pid_a);
    int fail = 0;
    if (!a || GetProcessId(a) != pid_a)
        fail |= 2;
    if (!SetEvent((HANDLE)(ULONG_PTR)value))
        fail |= 4;
    CloseHandle(a);
    return fail;
}

/* Holds a handle A gives it until A closes it from outside. */
static int child_closed_from_outside(const char *fifo)
{
    unsigned long value, unused;
    if (receive(fifo, &value, &unused) < 0)
        return 1;
    HANDLE h = (HANDLE)(ULONG_PTR)value;
    DWORD flags;
    if (!GetHandleInformation(h, &flags))
        return 2;
    /* Tell A we saw it (the handle is an event), then wait to be told. */
    char name[64];
    snprintf(name, sizeof(name), "dup-outside-%lu", unused);
    HANDLE told = OpenEventA(SYNCHRONIZE | EVENT_MODIFY_STATE, FALSE, name);
    if (!told || !SetEvent(h))
        return 3;
    if (WaitForSingleObject(told, 20000) != WAIT_OBJECT_0)
        return 4;
    /* A closed our handle: the value is invalid now. */
    if (GetHandleInformation(h, &flags) || GetLastError() != ERROR_INVALID_HANDLE)
        return 5;
    return 0;
}

static int child_sleep(void)
{
    Sleep(INFINITE);
    return 0;
}

/* ---- tests ---- */

static void make_fifo(char *path, size_t len, const char *what)
{
    snprintf(path, len, "%s/fifo-%s-%u", getenv("WINHANDLE_DIR") ? getenv("WINHANDLE_DIR") : "/tmp",
             what, (unsigned)GetCurrentProcessId());
    unlink(path);
    if (mkfifo(path, 0600) < 0)
        perror("mkfifo");
}

static void test_documented_pattern(void)
{
    char fifo[256], args[300];
    make_fifo(fifo, sizeof(fifo), "pattern");
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "pattern %s", fifo);
    ok(spawn(args, &pi), "A starts B");
    HANDLE in_b = NULL;
    ok(DuplicateHandle(GetCurrentProcess(), ev, pi.hProcess, &in_b, 0, FALSE,
                       DUPLICATE_SAME_ACCESS) && in_b,
       "A duplicates its unnamed event into B");
    ok(send_values(fifo, (unsigned long)(ULONG_PTR)in_b, GetCurrentProcessId()) == 0,
       "A sends B the value and its pid");
    ok(WaitForSingleObject(ev, 20000) == WAIT_OBJECT_0, "A sees B's SetEvent");
    ok(exit_code_after(pi.hProcess) == 0, "B used the handle and opened A by pid");
    finish(&pi);
    CloseHandle(ev);
    unlink(fifo);
}

static void test_close_in_other_process(void)
{
    char fifo[256], args[300], name[64];
    make_fifo(fifo, sizeof(fifo), "outside");
    snprintf(name, sizeof(name), "dup-outside-%lu", (unsigned long)GetCurrentProcessId());
    HANDLE told = CreateEventA(NULL, FALSE, FALSE, name);
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "outside %s", fifo);
    ok(spawn(args, &pi), "start B");
    HANDLE in_b = NULL;
    DuplicateHandle(GetCurrentProcess(), ev, pi.hProcess, &in_b, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    send_values(fifo, (unsigned long)(ULONG_PTR)in_b, GetCurrentProcessId());
    ok(WaitForSingleObject(ev, 20000) == WAIT_OBJECT_0, "B holds the duplicated handle");
    ok(DuplicateHandle(pi.hProcess, in_b, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE),
       "A closes it inside B: DUPLICATE_CLOSE_SOURCE with no target");
    SetEvent(told);
    ok(exit_code_after(pi.hProcess) == 0, "B finds the value invalid afterwards");
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "A's own handle is untouched");
    finish(&pi);
    CloseHandle(ev);
    CloseHandle(told);
    unlink(fifo);
}

/* Duplicate into B over and over while B is killed; afterwards nothing of
 * B's copies remains: the name goes with A's last handle. */
static void test_target_dies_midway(void)
{
    char name[64];
    snprintf(name, sizeof(name), "dup-midway-%lu", (unsigned long)GetCurrentProcessId());
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, name);
    PROCESS_INFORMATION pi;
    ok(spawn("sleep", &pi), "start B");
    int before = 0, after = 0, failed_right = 1;
    for (int i = 0; i < 2000; i++) {
        if (i == 500)
            kill((pid_t)pi.dwProcessId, SIGKILL);
        if (i >= 500 && WaitForSingleObject(pi.hProcess, 0) == WAIT_OBJECT_0) {
            HANDLE h;
            if (DuplicateHandle(GetCurrentProcess(), ev, pi.hProcess, &h, 0, FALSE,
                                DUPLICATE_SAME_ACCESS))
                after++;
            else if (GetLastError() != ERROR_ACCESS_DENIED)
                failed_right = 0;
            continue;
        }
        HANDLE h;
        before += DuplicateHandle(GetCurrentProcess(), ev, pi.hProcess, &h, 0, FALSE,
                                  DUPLICATE_SAME_ACCESS) != 0;
    }
    ok(before >= 500, "duplications into B while it lived succeeded (%d)", before);
    ok(after == 0 && failed_right,
       "into the dead B they fail with ERROR_ACCESS_DENIED (%d succeeded)", after);
    DWORD code = exit_code_after(pi.hProcess);
    ok(code == 128 + SIGKILL, "B's exit code tells the signal (%lu)", (unsigned long)code);
    CloseHandle(ev);
    ok(OpenEventA(SYNCHRONIZE, FALSE, name) == NULL && GetLastError() == ERROR_FILE_NOT_FOUND,
       "all of B's copies closed with it: the name went with A's last handle");
    finish(&pi);
}

/* A SIGKILLed process's duplicated handles close; the objects it shared
 * stay alive for the others, through their own handles. */
static void test_shared_object_survives_kill(void)
{
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    HANDLE sem = CreateSemaphoreA(NULL, 0, 5, NULL);
    PROCESS_INFORMATION b, c;
    ok(spawn("sleep", &b) && spawn("sleep", &c), "start B and C");
    HANDLE in_b, in_c, back;
    DuplicateHandle(GetCurrentProcess(), sem, b.hProcess, &in_b, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    DuplicateHandle(GetCurrentProcess(), sem, c.hProcess, &in_c, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    kill((pid_t)b.dwProcessId, SIGKILL);
    ok(WaitForSingleObject(b.hProcess, 10000) == WAIT_OBJECT_0, "B's process handle signals");
    ok(!DuplicateHandle(b.hProcess, in_b, GetCurrentProcess(), &back, 0, FALSE,
                        DUPLICATE_SAME_ACCESS),
       "B's handles are gone with it");
    /* C's copy, fetched back here, is still the same live semaphore. */
    ok(DuplicateHandle(c.hProcess, in_c, GetCurrentProcess(), &back, 0, FALSE,
                       DUPLICATE_SAME_ACCESS),
       "C still holds its copy");
    LONG prev = -1;
    ok(ReleaseSemaphore(back, 2, &prev) && prev == 0 &&
       WaitForSingleObject(sem, 0) == WAIT_OBJECT_0,
       "the semaphore lives on: a count released through C's copy reaches A");
    TerminateProcess(c.hProcess, 7);
    ok(exit_code_after(c.hProcess) == 7, "TerminateProcess(C, 7) ends C with 7");
    CloseHandle(back);
    finish(&b);
    finish(&c);
    CloseHandle(sem);
    CloseHandle(ev);
}

int main(int argc, char **argv)
{
    GetModuleFileNameA(NULL, self, sizeof(self));
    if (argc == 3 && !strcmp(argv[1], "pattern"))
        return child_pattern(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "outside"))
        return child_closed_from_outside(argv[2]);
    if (argc == 2 && !strcmp(argv[1], "sleep"))
        return child_sleep();
    test_documented_pattern();
    test_close_in_other_process();
    test_target_dies_midway();
    test_shared_object_survives_kill();
    return tap_done();
}
