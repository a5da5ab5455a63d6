/* Waits: see wait.c for the model. */
#ifndef WINHANDLED_WAIT_H
#define WINHANDLED_WAIT_H

#include <stdint.h>

#include "list.h"
#include "loop.h"

struct object;
struct thread;
struct connection;

struct wait_entry {
    struct list_entry link; /* on obj->waiters */
    struct object *obj;     /* a reference */
    struct wait *wait;
};

struct wait {
    struct thread *thread;
    struct connection *conn; /* where the reply goes */
    uint32_t count;
    int wait_all;
    struct timeout timeout;
    struct wait_entry entries[];
};

/* Some object may have become signaled: satisfy whoever can be, in order. */
void wake_up(struct object *obj);

/* The thread is gone: drop its wait without a reply. */
void cancel_wait(struct thread *thread);

#endif
