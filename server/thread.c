#include "thread.h"

#include <stdlib.h>

#include "errors.h"
#include "mutex.h"
#include "process.h"
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

static void thread_destroy(struct object *obj)
{
    struct thread *t = (struct thread *)obj;
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

void thread_died(struct thread *t, uint32_t exit_code)
{
    if (!t->alive)
        return;
    t->alive = 0;
    if (!t->exit_code_set)
        t->exit_code = exit_code;
    live_threads--;
    cancel_wait(t);
    abandon_mutexes(t);
    list_remove(&t->process_link);
    wake_up(&t->obj);
    release_object(&t->obj); /* the process list's reference */
}

void thread_connection_closed(struct thread *t)
{
    if (t->connections && --t->connections == 0 && t->alive) {
        /* A thread that leaves without ExitThread ends with the code its
         * process would report now: it is still running, so 0 is the only
         * honest value; ExitThread and a thread routine's return set it. */
        thread_died(t, 0);
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
    struct thread *t = process_find_thread(ctx->process, req->tid);
    if (!t && !(t = create_thread(ctx->process, req->tid))) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
    reply->handle = alloc_handle_for(ctx, &t->obj, req->access, req->inherit);
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
