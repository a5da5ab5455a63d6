/*
 * A thread's message queue (queue.c): what MsgWaitForMultipleObjects,
 * GetMessageA and WaitMessage wait on besides handles.
 */
#ifndef WINHANDLED_QUEUE_H
#define WINHANDLED_QUEUE_H

struct object;
struct thread;

/* The thread's queue, made on first use; NULL only when memory ran out.
 * No reference is added: the thread holds one until it ends. */
struct object *thread_queue(struct thread *thread);

/* Input for the thread may have arrived (DDE work was queued for one of
 * its instances): wake a wait on its queue, if it has one. */
void queue_input_arrived(struct thread *thread);

/* The thread ended: let its queue go. */
void queue_thread_ended(struct thread *thread);

#endif
