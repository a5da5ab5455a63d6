/*
 * The event loop: one epoll set, one deadline heap, no threads.
 *
 * Everything the server does happens inside a callback run from loop_run(),
 * so every request is atomic with respect to every other: no locks needed.
 */
#ifndef WINHANDLED_LOOP_H
#define WINHANDLED_LOOP_H

#include <stdint.h>

struct fd_watch {
    int fd;
    void (*callback)(struct fd_watch *watch, uint32_t events);
    uint32_t events; /* as registered: loop_modify skips a change to the same */
};

int loop_init(void);
int loop_add(struct fd_watch *watch, uint32_t events);
int loop_modify(struct fd_watch *watch, uint32_t events);
void loop_remove(struct fd_watch *watch);

/*
 * Run fn(arg) once the current batch of epoll events is handled. Whatever
 * owns a watch frees itself this way, so an event for it still queued in
 * the batch never touches freed memory.
 */
void loop_defer(void (*fn)(void *), void *arg);

/* Milliseconds on CLOCK_MONOTONIC. */
uint64_t monotonic_ms(void);

/* Deadlines: a binary min-heap, so the next one is found in O(1) and any
 * one is added or cancelled in O(log n). */
struct timeout {
    uint64_t when;
    uint32_t heap_index; /* 0 when not armed, else position + 1 */
    void (*fire)(struct timeout *timeout);
};

void timeout_arm(struct timeout *timeout, uint64_t when);
void timeout_cancel(struct timeout *timeout);
static inline int timeout_armed(const struct timeout *t) { return t->heap_index != 0; }

/* Run until loop_stop(). */
void loop_run(void);
void loop_stop(void);

#endif
