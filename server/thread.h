/*
 * Threads: real Linux threads, thread id = tid. A thread is known to the
 * server from its first connection, or earlier when CreateThread announces
 * it (new_thread). It ends when its last connection closes (the library
 * closes it when the thread exits) or when its process dies.
 */
#ifndef WINHANDLED_THREAD_H
#define WINHANDLED_THREAD_H

#include <stdint.h>

#include "list.h"
#include "object.h"

struct wait;

struct thread {
    struct object obj;
    struct process *process;
    uint32_t tid;
    int alive;
    int exit_code_set;         /* ExitThread or a return told us */
    uint32_t exit_code;
    uint32_t connections;      /* open connections of this thread */
    int connected_once;
    struct list_entry process_link; /* its process's threads, then ended ones */
    struct list_entry owned_mutexes; /* struct mutex.owner_link */
    struct wait *wait;         /* the wait in progress, if any */
    /* A thread created suspended has not run yet: it is blocked reading
     * its start gate, a pipe whose write end the server holds here. The
     * gate opens (one byte, then closed) when the count drops to 0. */
    int gate_fd;               /* -1 once started */
    uint32_t suspend_count;
    struct desktop *desktop;   /* desktop.c; NULL until first needed */
    struct object *queue;      /* queue.c; NULL until first needed */
};

extern const struct object_ops thread_ops;
#define THREAD_QUERY_INFORMATION_ 0x0040u
#define THREAD_QUERY_LIMITED_INFORMATION_ 0x0800u
#define THREAD_SUSPEND_RESUME_ 0x0002u
#define THREAD_ALL_ACCESS_ 0x001fffffu

/* A new live thread of process p (the process's list holds a reference). */
struct thread *create_thread(struct process *p, uint32_t tid);
struct thread *process_find_thread(struct process *p, uint32_t tid);

/* Hold a new thread at its start gate (fd: the gate's write end, owned
 * by the thread from now on) with a suspend count of 1. */
void thread_hold_at_gate(struct thread *thread, int gate_fd);

/* The live thread with this tid in any process, or NULL. */
struct thread *find_thread(uint32_t tid);
/* The ended thread with this tid whose object still lives, or NULL. */
struct thread *find_ended_thread(uint32_t tid);

/* The thread is gone: cancel its wait, abandon its mutexes, signal it. */
void thread_died(struct thread *thread, uint32_t exit_code);

/* A connection of the thread closed; the last one ends the thread. */
void thread_connection_closed(struct thread *thread);

#endif
