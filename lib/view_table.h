/*
 * The views MapViewOfFile made in this process, so that UnmapViewOfFile
 * unmaps exactly a view (any address inside it names it, as on Windows)
 * and never memory the program got elsewhere, and FlushViewOfFile knows
 * where a view ends.
 */
#ifndef WINHANDLE_LIB_VIEW_TABLE_H
#define WINHANDLE_LIB_VIEW_TABLE_H

#include <stddef.h>
#include <stdint.h>

struct view {
    uintptr_t base; /* what MapViewOfFile returned */
    size_t size;    /* bytes mapped, whole pages */
};

/* Record a view; -1 when out of memory. */
int view_add(uintptr_t base, size_t size);
/* The view containing addr: 0 and *out, or -1. */
int view_find(uintptr_t addr, struct view *out);
/* The same, and forget it: the caller unmaps it. */
int view_take(uintptr_t addr, struct view *out);

#endif
