/*
 * The view table: an array kept sorted by base address, searched by
 * bisection. Views never overlap (the kernel gave each its own range), so
 * the view containing an address is the last one starting at or below it.
 */
#include "view_table.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct view *views;
static size_t count, capacity;

/* Index of the first view whose base is above addr. */
static size_t upper_bound(uintptr_t addr)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (views[mid].base <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of the view containing addr, or -1. Called locked. */
static long find_locked(uintptr_t addr)
{
    size_t i = upper_bound(addr);
    if (i == 0 || addr - views[i - 1].base >= views[i - 1].size)
        return -1;
    return (long)(i - 1);
}

int view_add(uintptr_t base, size_t size)
{
    int ret = 0;
    pthread_mutex_lock(&lock);
    if (count == capacity) {
        size_t cap = capacity ? capacity * 2 : 16;
        struct view *v = realloc(views, cap * sizeof(*v));
        if (!v) {
            ret = -1;
            goto out;
        }
        views = v;
        capacity = cap;
    }
    size_t i = upper_bound(base);
    memmove(&views[i + 1], &views[i], (count - i) * sizeof(*views));
    views[i] = (struct view){ base, size };
    count++;
out:
    pthread_mutex_unlock(&lock);
    return ret;
}

int view_find(uintptr_t addr, struct view *out)
{
    pthread_mutex_lock(&lock);
    long i = find_locked(addr);
    if (i >= 0)
        *out = views[i];
    pthread_mutex_unlock(&lock);
    return i >= 0 ? 0 : -1;
}

int view_take(uintptr_t addr, struct view *out)
{
    pthread_mutex_lock(&lock);
    long i = find_locked(addr);
    if (i >= 0) {
        *out = views[i];
        memmove(&views[i], &views[i + 1], (count - (size_t)i - 1) * sizeof(*views));
        count--;
    }
    pthread_mutex_unlock(&lock);
    return i >= 0 ? 0 : -1;
}
