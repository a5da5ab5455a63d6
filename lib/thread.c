/*
 * Threads: CreateThread runs a real pthread. The server learns of the new
 * thread before CreateThread returns (so its handle and id are real at
 * once) and before the thread runs any user code; the thread then opens its
 * own connection, whose closing at thread exit signals the thread's handle.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <unistd.h>

#include "gate.h"
#include "private.h"

struct thread_start {
    LPTHREAD_START_ROUTINE routine;
    LPVOID arg;
    pid_t tid;
    sem_t started; /* the thread knows its tid */
    sem_t go;      /* the server knows the thread */
    int abandoned; /* CreateThread failed after the thread started */
    int gate;      /* CREATE_SUSPENDED: the gate's read end, else -1 */
};

/*
 * The process's code when its last thread ends. On Windows a process whose
 * last thread ends (ExitThread, or a return from its routine) ends with
 * that thread's code. The C library ends it with exit(0) instead, from
 * whichever thread it counts last, after that thread has ended for us; so
 * a thread that ends records its code here, and our exit hook, seeing
 * exit(0) from an ended thread, reports the last code recorded.
 */
static _Thread_local int thread_ended;
static uint32_t last_thread_code; /* atomic */
static pthread_once_t last_thread_once = PTHREAD_ONCE_INIT;

static void report_last_thread_code(int status, void *arg)
{
    (void)arg;
    if (status == 0 && thread_ended)
        process_report_exit(__atomic_load_n(&last_thread_code, __ATOMIC_SEQ_CST));
}

/* Runs after the library's own exit hook was installed (the thread has
 * talked to the server), so it runs before it: on_exit is last in, first
 * out, and the library's hook leaves a reported exit alone. */
static void install_last_thread_hook(void)
{
    on_exit(report_last_thread_code, NULL);
}

/* A thread ends with this code: tell the server, and remember it. */
static void thread_ends(DWORD code)
{
    thread_ended = 1;
    __atomic_store_n(&last_thread_code, code, __ATOMIC_SEQ_CST);
    thread_report_exit(code);
    pthread_once(&last_thread_once, install_last_thread_hook);
}

static void *trampoline(void *p)
{
    struct thread_start *st = p;
    st->tid = gettid();
    sem_post(&st->started);
    while (sem_wait(&st->go) < 0)
        ;
    LPTHREAD_START_ROUTINE routine = st->routine;
    LPVOID arg = st->arg;
    int abandoned = st->abandoned;
    int gate = st->gate;
    sem_destroy(&st->started);
    sem_destroy(&st->go);
    free(st);
    if (gate >= 0) {
        /* Suspended: wait for ResumeThread, from whichever process. */
        if (!abandoned && !gate_wait(gate))
            abandoned = 1;
        close(gate);
    }
    if (abandoned)
        return NULL;
    client_connect_thread();
    thread_ends(routine(arg));
    return NULL;
}

HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES sa, SIZE_T stack_size,
                           LPTHREAD_START_ROUTINE routine, LPVOID arg, DWORD flags,
                           LPDWORD thread_id)
{
    if (!routine)
        return FAIL(ERROR_INVALID_PARAMETER, NULL);
    struct thread_start *st = calloc(1, sizeof(*st));
    int gate[2] = { -1, -1 };
    if (!st || ((flags & CREATE_SUSPENDED) && gate_create(gate) < 0)) {
        free(st);
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    }
    st->routine = routine;
    st->arg = arg;
    st->gate = gate[0];
    sem_init(&st->started, 0, 0);
    sem_init(&st->go, 0, 0);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size)
        pthread_attr_setstacksize(&attr, stack_size < 65536 ? 65536 : stack_size);
    pthread_t pt;
    int rc = pthread_create(&pt, &attr, trampoline, st);
    pthread_attr_destroy(&attr);
    if (rc) {
        sem_destroy(&st->started);
        sem_destroy(&st->go);
        free(st);
        if (gate[0] >= 0) {
            close(gate[0]);
            close(gate[1]);
        }
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    }
    while (sem_wait(&st->started) < 0)
        ;
    pid_t tid = st->tid;
    struct wh_new_thread_request req = {
        .tid = (uint32_t)tid,
        .access = THREAD_ALL_ACCESS,
        .inherit = sa && sa->bInheritHandle,
        .suspended = gate[1] >= 0,
    };
    struct wh_new_thread_reply reply;
    /* A suspended thread's gate goes to the server, so ResumeThread works
     * from any process holding the handle. */
    uint32_t error = SERVER_CALL_FD(new_thread, &req, &reply, gate[1]);
    if (gate[1] >= 0)
        close(gate[1]);
    st->abandoned = error != 0;
    sem_post(&st->go); /* st belongs to the thread from here on */
    if (error)
        return FAIL(error, NULL);
    if (thread_id)
        *thread_id = (DWORD)tid;
    return wire_to_handle(reply.handle);
}

void WINAPI ExitThread(DWORD code)
{
    thread_ends(code);
    pthread_exit(NULL);
}

HANDLE WINAPI GetCurrentThread(void)
{
    return (HANDLE)(LONG_PTR)-2;
}

DWORD WINAPI GetCurrentThreadId(void)
{
    return (DWORD)gettid();
}

static BOOL thread_info(HANDLE thread, struct wh_get_thread_info_reply *reply)
{
    struct wh_get_thread_info_request req = { .handle = handle_to_wire(thread) };
    return set_result(SERVER_CALL(get_thread_info, &req, reply, NULL, 0));
}

BOOL WINAPI GetExitCodeThread(HANDLE thread, LPDWORD code)
{
    struct wh_get_thread_info_reply reply;
    if (!thread_info(thread, &reply))
        return FALSE;
    if (!code)
        return FAIL(ERROR_NOACCESS, FALSE);
    *code = reply.exit_code;
    return TRUE;
}

DWORD WINAPI GetThreadId(HANDLE thread)
{
    struct wh_get_thread_info_reply reply;
    return thread_info(thread, &reply) ? reply.tid : 0;
}

static DWORD change_suspend_count(HANDLE thread, int delta)
{
    struct wh_suspend_thread_request req = { .handle = handle_to_wire(thread),
                                             .delta = delta };
    struct wh_suspend_thread_reply reply;
    if (!set_result(SERVER_CALL(suspend_thread, &req, &reply, NULL, 0)))
        return (DWORD)-1;
    return reply.prev_count;
}

DWORD WINAPI ResumeThread(HANDLE thread)
{
    return change_suspend_count(thread, -1);
}

/* Only a thread that has not started yet (created suspended) can be
 * suspended: see server/thread.c. Others give ERROR_NOT_SUPPORTED. */
DWORD WINAPI SuspendThread(HANDLE thread)
{
    return change_suspend_count(thread, +1);
}

HANDLE WINAPI OpenThread(DWORD access, BOOL inherit, DWORD tid)
{
    return open_by_id(WH_TYPE_THREAD, tid, access, inherit);
}
