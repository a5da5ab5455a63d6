#include "thread.h"

#include <stdlib.h>
#include <unistd.h>

#include "connection.h"
#include "desktop.h"
#include "errors.h"
#include "log.h"
#include "mutex.h"
#include "process.h"
#include "queue.h"
#include "user.h"
#include "wait.h"

static int thread_signaled(struct object *obj, struct thread *waiter)
{
    (void)waiter;
    return !((struct thread *)obj)->alive;
}

static void thread_dump(struct object *obj, uint32_t state[4])
{
    struct thread *t = (struct thread *)obj;
    state[0] = t->tid;
    state[1] = t->process->pid;
    state[2] = t->alive ? STILL_ACTIVE_ : t->exit_code;
}

static void close_gate(struct thread *t)
{
    if (t->gate_fd >= 0)
        close(t->gate_fd);
    t->gate_fd = -1;
}

/* Threads that ended while handles to them are still open: OpenThread
 * still finds them, as on Windows. No reference: thread_destroy unlinks. */
static struct list_entry ended_threads = LIST_INIT(ended_threads);

static void thread_destroy(struct object *obj)
{
    struct thread *t = (struct thread *)obj;
    if (!t->alive)
        list_remove(&t->process_link); /* from the ended list */
    close_gate(t); /* a gate closed unopened tells the waiter to give up */
    desktop_thread_gone(t);
    queue_thread_ended(t);
    release_object(&t->process->obj);
}

static const struct generic_mapping thread_mapping = {
    .read = STANDARD_RIGHTS_READ_ | 0x0048u,    /* GET_CONTEXT | QUERY_INFORMATION */
    .write = STANDARD_RIGHTS_READ_ | 0x0437u,   /* TERMINATE ... SET_LIMITED_INFORMATION */
    .execute = STANDARD_RIGHTS_READ_ | SYNCHRONIZE_ | 0x1800u, /* QUERY/SUSPEND LIMITED */
    .all = THREAD_ALL_ACCESS_,
};

const struct object_ops thread_ops = {
    .type_name = "Thread",
    .type = WH_TYPE_THREAD,
    .mapping = &thread_mapping,
    .signaled = thread_signaled,
    .satisfied = no_satisfied,
    .signal = no_signal,
    .dump = thread_dump,
    .destroy = thread_destroy,
};

static uint32_t live_threads;

uint32_t thread_count(void)
{
    return live_threads;
}

struct thread *create_thread(struct process *p, uint32_t tid)
{
    struct thread *t = alloc_object(&thread_ops, sizeof(*t));
    if (!t)
        return NULL;
    t->process = (struct process *)grab_object(&p->obj);
    t->tid = tid;
    t->alive = 1;
    t->gate_fd = -1;
    list_init(&t->owned_mutexes);
    list_add_tail(&p->threads, &t->process_link);
    live_threads++;
    return t;
}

struct thread *process_find_thread(struct process *p, uint32_t tid)
{
    struct list_entry *e;
    LIST_FOR_EACH(e, &p->threads) {
        struct thread *t = LIST_ENTRY(e, struct thread, process_link);
        if (t->tid == tid)
            return t;
    }
    return NULL;
}

void thread_hold_at_gate(struct thread *t, int gate_fd)
{
    close_gate(t);
    t->gate_fd = gate_fd;
    t->suspend_count = 1;
}

/* Let a held thread run: the byte says "go", as opposed to a bare close. */
static void open_gate(struct thread *t)
{
    static const char go = 1;
    if (t->gate_fd >= 0 && write(t->gate_fd, &go, 1) != 1)
        log_warn("thread %u: could not open its start gate", t->tid);
    close_gate(t);
}

struct thread *find_thread(uint32_t tid)
{
    struct list_entry *pe, *te;
    LIST_FOR_EACH(pe, process_list()) {
        struct process *p = LIST_ENTRY(pe, struct process, link);
        LIST_FOR_EACH(te, &p->threads) {
            struct thread *t = LIST_ENTRY(te, struct thread, process_link);
            if (t->tid == tid)
                return t;
        }
    }
    return NULL;
}

struct thread *find_ended_thread(uint32_t tid)
{
    struct thread *found = NULL;
    struct list_entry *e;
    LIST_FOR_EACH(e, &ended_threads) {
        struct thread *t = LIST_ENTRY(e, struct thread, process_link);
        if (t->tid == tid)
            found = t; /* the latest to end, should the tid have been reused */
    }
    return found;
}

void thread_died(struct thread *t, uint32_t exit_code)
{
    if (!t->alive)
        return;
    t->alive = 0;
    close_gate(t);
    if (!t->exit_code_set)
        t->exit_code = exit_code;
    live_threads--;
    cancel_wait(t);
    abandon_mutexes(t);
    user_thread_ended(t); /* its windows, hooks, ... (USER objects) */
    desktop_thread_gone(t); /* after its windows: they were on it */
    queue_thread_ended(t); /* after its DDE instances, whose work it asks about */
    list_remove(&t->process_link);
    list_add_tail(&ended_threads, &t->process_link);
    wake_up(&t->obj);
    release_object(&t->obj); /* the process list's reference */
}

void thread_connection_closed(struct thread *t)
{
    if (t->connections && --t->connections == 0 && t->alive) {
        /* A thread that leaves without ExitThread ends with its process's
         * code once ExitProcess, a return from main or TerminateProcess
         * gave one: the process is ending, and on Windows its threads end
         * with its code. The connection may close before the process is
         * seen dead. Otherwise the process is still running, so 0 is the
         * only honest value; ExitThread and a thread routine's return set
         * their own. */
        struct process *p = t->process;
        thread_died(t, p->exit_code_set ? p->exit_code : 0);
    }
}

/* ---- requests ---- */

#include <stdio.h>
#include <sys/stat.h>

#include "request.h"

/* Is tid a thread of process pid right now? */
static int is_thread_of(uint32_t pid, uint32_t tid)
{
    char path[64];
    struct stat st;
    snprintf(path, sizeof(path), "/proc/%u/task/%u", pid, tid);
    return stat(path, &st) == 0;
}

DECL_HANDLER(new_thread)
{
    if (!is_thread_of(ctx->process->pid, req->tid)) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    int gate = req->suspended ? connection_take_fd(ctx->conn) : -1;
    if (req->suspended && gate < 0) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct thread *t = process_find_thread(ctx->process, req->tid);
    if (!t && !(t = create_thread(ctx->process, req->tid))) {
        if (gate >= 0)
            close(gate);
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    if (gate >= 0)
        thread_hold_at_gate(t, gate);
    reply->handle = alloc_handle_for(ctx, &t->obj, req->access, req->inherit);
}

/*
 * SuspendThread and ResumeThread. Linux cannot stop one thread of a running
 * process from outside without ptrace, so only a thread that has not
 * started (created suspended, still at its gate) can be suspended further;
 * a running one gets ERROR_NOT_SUPPORTED rather than a pretence. Resuming
 * a running thread is harmless and answers 0, as on Windows.
 */
DECL_HANDLER(suspend_thread)
{
    struct thread *t = (struct thread *)get_handle_obj(
        ctx->thread, req->handle, THREAD_SUSPEND_RESUME_, &thread_ops, &ctx->error);
    if (!t)
        return;
    reply->prev_count = t->suspend_count;
    if (req->delta > 0) {
        if (t->gate_fd < 0)
            ctx->error = t->alive ? ERR_NOT_SUPPORTED : ERR_ACCESS_DENIED;
        else if (t->suspend_count >= MAXIMUM_SUSPEND_COUNT_)
            ctx->error = ERR_SIGNAL_REFUSED;
        else
            t->suspend_count++;
    } else if (t->suspend_count && --t->suspend_count == 0) {
        open_gate(t);
    }
}

DECL_HANDLER(thread_exit)
{
    (void)reply;
    ctx->thread->exit_code = req->exit_code;
    ctx->thread->exit_code_set = 1;
}

DECL_HANDLER(get_thread_info)
{
    /* Full query rights imply the limited ones. */
    struct thread *t = (struct thread *)get_handle_obj_any(
        ctx->thread, req->handle,
        THREAD_QUERY_INFORMATION_ | THREAD_QUERY_LIMITED_INFORMATION_, &thread_ops,
        &ctx->error);
    if (!t)
        return;
    reply->tid = t->tid;
    reply->pid = t->process->pid;
    reply->exit_code = t->alive ? STILL_ACTIVE_ : t->exit_code;
}
