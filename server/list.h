/*
 * Intrusive doubly-linked lists: an object that sits on a list embeds a
 * struct list_entry, so joining and leaving a list never allocates and
 * leaving is O(1) from the entry alone.
 */
#ifndef WINHANDLED_LIST_H
#define WINHANDLED_LIST_H

#include <stddef.h>

struct list_entry {
    struct list_entry *next, *prev;
};

#define LIST_INIT(head) { &(head), &(head) }

static inline void list_init(struct list_entry *head)
{
    head->next = head->prev = head;
}

static inline int list_empty(const struct list_entry *head)
{
    return head->next == head;
}

static inline void list_add_tail(struct list_entry *head, struct list_entry *e)
{
    e->next = head;
    e->prev = head->prev;
    head->prev->next = e;
    head->prev = e;
}

static inline void list_remove(struct list_entry *e)
{
    e->prev->next = e->next;
    e->next->prev = e->prev;
    e->next = e->prev = e;
}

#define LIST_ENTRY(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))

/* Iterate safely: the current entry may be removed inside the loop. */
#define LIST_FOR_EACH_SAFE(cur, next_, head)                                    \
    for ((cur) = (head)->next, (next_) = (cur)->next; (cur) != (head);         \
         (cur) = (next_), (next_) = (cur)->next)

#define LIST_FOR_EACH(cur, head) \
    for ((cur) = (head)->next; (cur) != (head); (cur) = (cur)->next)

#endif
