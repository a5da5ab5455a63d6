/*
 * Message queues: one per thread that waits for input, made the first
 * time it does (most threads never do, as on Windows, where a thread gets
 * its queue on its first USER call).
 *
 * The queue is a waitable object that no handle names: the wait request
 * adds it after the caller's handles (MsgWaitForMultipleObjects' "one
 * more object"). It keeps no state of its own. Whether input waits is
 * asked of whoever holds the input, so there is one truth and no flag to
 * keep in step: today that is DDE work not yet taken by one of the
 * thread's DDEML instances (dde.c). WM_QUIT never comes here: only the
 * thread itself posts it, so the library keeps it.
 *
 * Level-triggered: a wait satisfied by input takes nothing (satisfied()
 * is a no-op); the thread drains the input (the library's DDE pump) and
 * the queue is unsignaled again.
 */
#include "queue.h"

#include "dde.h"
#include "object.h"
#include "thread.h"
#include "wait.h"

struct msg_queue {
    struct object obj;
    struct thread *thread; /* no reference: the thread holds the queue's */
};

static int queue_signaled(struct object *obj, struct thread *waiter)
{
    (void)waiter;
    struct msg_queue *q = (struct msg_queue *)obj;
    return q->thread && dde_input_waiting(q->thread);
}

/* WH_TYPE_NONE: an internal object, which inspection does not list. */
static const struct object_ops queue_ops = {
    .type_name = "MessageQueue",
    .type = WH_TYPE_NONE,
    .signaled = queue_signaled,
    .satisfied = no_satisfied,
    .signal = no_signal,
};

struct object *thread_queue(struct thread *thread)
{
    if (!thread->queue) {
        struct msg_queue *q = alloc_object(&queue_ops, sizeof(*q));
        if (!q)
            return NULL;
        q->thread = thread;
        thread->queue = &q->obj;
    }
    return thread->queue;
}

void queue_input_arrived(struct thread *thread)
{
    if (thread->queue)
        wake_up(thread->queue);
}

void queue_thread_ended(struct thread *thread)
{
    struct msg_queue *q = (struct msg_queue *)thread->queue;
    if (!q)
        return;
    thread->queue = NULL;
    q->thread = NULL;
    release_object(&q->obj);
}
