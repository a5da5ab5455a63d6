#include "loop.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static int epoll_fd = -1;
static int stopping;

static struct timeout **heap;
static uint32_t heap_len, heap_cap;

struct deferred {
    void (*fn)(void *);
    void *arg;
};
static struct deferred *deferred;
static uint32_t deferred_len, deferred_cap;

int loop_init(void)
{
    epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    return epoll_fd < 0 ? -1 : 0;
}

int loop_add(struct fd_watch *watch, uint32_t events)
{
    struct epoll_event ev = { .events = events, .data.ptr = watch };
    watch->events = events;
    return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, watch->fd, &ev);
}

/* Every reply asks for its connection's mask, which is nearly always the
 * same: a system call saved per request. */
int loop_modify(struct fd_watch *watch, uint32_t events)
{
    if (events == watch->events)
        return 0;
    struct epoll_event ev = { .events = events, .data.ptr = watch };
    int r = epoll_ctl(epoll_fd, EPOLL_CTL_MOD, watch->fd, &ev);
    if (r == 0)
        watch->events = events;
    return r;
}

void loop_remove(struct fd_watch *watch)
{
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, watch->fd, NULL);
}

void loop_defer(void (*fn)(void *), void *arg)
{
    if (deferred_len == deferred_cap) {
        uint32_t cap = deferred_cap ? deferred_cap * 2 : 16;
        struct deferred *d = realloc(deferred, cap * sizeof(*d));
        if (!d) {
            /* Running it now is only unsafe if an event for it is still
             * queued; leaking would be worse for a long-lived server. */
            fn(arg);
            return;
        }
        deferred = d;
        deferred_cap = cap;
    }
    deferred[deferred_len++] = (struct deferred){ fn, arg };
}

static void run_deferred(void)
{
    /* A deferred function may defer more: loop until none are left. */
    for (uint32_t i = 0; i < deferred_len; i++)
        deferred[i].fn(deferred[i].arg);
    deferred_len = 0;
}

uint64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* ---- the deadline heap ---- */

static void heap_set(uint32_t pos, struct timeout *t)
{
    heap[pos] = t;
    t->heap_index = pos + 1;
}

static void sift_up(uint32_t pos)
{
    struct timeout *t = heap[pos];
    while (pos > 0) {
        uint32_t parent = (pos - 1) / 2;
        if (heap[parent]->when <= t->when)
            break;
        heap_set(pos, heap[parent]);
        pos = parent;
    }
    heap_set(pos, t);
}

static void sift_down(uint32_t pos)
{
    struct timeout *t = heap[pos];
    for (;;) {
        uint32_t child = pos * 2 + 1;
        if (child >= heap_len)
            break;
        if (child + 1 < heap_len && heap[child + 1]->when < heap[child]->when)
            child++;
        if (t->when <= heap[child]->when)
            break;
        heap_set(pos, heap[child]);
        pos = child;
    }
    heap_set(pos, t);
}

void timeout_arm(struct timeout *t, uint64_t when)
{
    if (timeout_armed(t))
        timeout_cancel(t);
    if (heap_len == heap_cap) {
        uint32_t cap = heap_cap ? heap_cap * 2 : 64;
        struct timeout **h = realloc(heap, cap * sizeof(*h));
        if (!h) {
            log_error("out of memory arming a timeout; firing it now");
            t->fire(t);
            return;
        }
        heap = h;
        heap_cap = cap;
    }
    t->when = when;
    heap_set(heap_len++, t);
    sift_up(heap_len - 1);
}

void timeout_cancel(struct timeout *t)
{
    if (!timeout_armed(t))
        return;
    uint32_t pos = t->heap_index - 1;
    t->heap_index = 0;
    struct timeout *last = heap[--heap_len];
    if (pos == heap_len)
        return;
    heap_set(pos, last);
    sift_down(pos);
    sift_up(last->heap_index - 1);
}

static int next_timeout_ms(void)
{
    if (!heap_len)
        return -1;
    uint64_t now = monotonic_ms();
    if (heap[0]->when <= now)
        return 0;
    uint64_t delta = heap[0]->when - now;
    return delta > 0x7fffffff ? 0x7fffffff : (int)delta;
}

static void fire_expired(void)
{
    uint64_t now = monotonic_ms();
    while (heap_len && heap[0]->when <= now) {
        struct timeout *t = heap[0];
        timeout_cancel(t);
        t->fire(t);
    }
}

void loop_stop(void)
{
    stopping = 1;
}

void loop_run(void)
{
    struct epoll_event events[64];
    while (!stopping) {
        int n = epoll_wait(epoll_fd, events, 64, next_timeout_ms());
        if (n < 0 && errno != EINTR) {
            log_error("epoll_wait failed: errno %d", errno);
            break;
        }
        for (int i = 0; i < n; i++) {
            struct fd_watch *w = events[i].data.ptr;
            w->callback(w, events[i].events);
        }
        run_deferred();
        fire_expired();
        run_deferred();
    }
}
