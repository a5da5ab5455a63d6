/*
 * A FIFO queue of the free entries of a fixed table (the USER and GDI
 * handle tables): a freed entry goes to the back, so an entry is reused
 * only after every other free one, which makes its uniqueness counter
 * cycle per reuse of that entry, not per allocation. The links live in an
 * array of the table's size that the caller provides; all O(1).
 */
#ifndef WINHANDLED_INDEX_QUEUE_H
#define WINHANDLED_INDEX_QUEUE_H

#include <stdint.h>

#define INDEX_QUEUE_END 0xffffffffu

struct index_queue {
    uint32_t *next; /* next[i]: the free entry after i, or INDEX_QUEUE_END */
    uint32_t head, tail;
};

/* Every index 0..size-1 free, in order. */
static inline void index_queue_init(struct index_queue *q, uint32_t *next, uint32_t size)
{
    q->next = next;
    for (uint32_t i = 0; i < size; i++)
        next[i] = i + 1 < size ? i + 1 : INDEX_QUEUE_END;
    q->head = size ? 0 : INDEX_QUEUE_END;
    q->tail = size ? size - 1 : INDEX_QUEUE_END;
}

static inline int index_queue_empty(const struct index_queue *q)
{
    return q->head == INDEX_QUEUE_END;
}

/* The front index (the queue must not be empty). */
static inline uint32_t index_queue_pop(struct index_queue *q)
{
    uint32_t index = q->head;
    q->head = q->next[index];
    if (q->head == INDEX_QUEUE_END)
        q->tail = INDEX_QUEUE_END;
    return index;
}

static inline void index_queue_push(struct index_queue *q, uint32_t index)
{
    q->next[index] = INDEX_QUEUE_END;
    if (q->tail == INDEX_QUEUE_END)
        q->head = index;
    else
        q->next[q->tail] = index;
    q->tail = index;
}

#endif
