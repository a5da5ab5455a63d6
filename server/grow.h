/*
 * Growing an array that holds count of cap entries: the shape a window's
 * properties, a menu's items, a window-position structure's moves and a
 * desktop's kept handles all have. Doubling keeps appends O(1) amortized.
 */
#ifndef WINHANDLED_GROW_H
#define WINHANDLED_GROW_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Room for one more entry of size bytes in *items (count used of *cap):
 * 0, or -1 when out of memory (the array is left as it was). */
static inline int grow_array(void **items, uint32_t count, uint32_t *cap, size_t size,
                             uint32_t first_cap)
{
    if (count < *cap)
        return 0;
    uint32_t n = *cap ? *cap * 2 : first_cap;
    void *grown = realloc(*items, (size_t)n * size);
    if (!grown)
        return -1;
    *items = grown;
    *cap = n;
    return 0;
}

#endif
