/*
 * Handle-leak tracing (WINHANDLE_TRACE): creation sites kept with handles.
 *
 * A site is the text a traced process sends (its symbolized backtrace).
 * Sites are interned: a thousand handles made in one loop share one copy,
 * counted by reference, and a site goes with its last handle.
 *
 * While a traced connection's request runs, trace_conn points at it and
 * the handle table notes what happens (trace_requests.h explains the
 * exchange); otherwise it is NULL and each hook costs one test.
 */
#ifndef WINHANDLED_TRACE_H
#define WINHANDLED_TRACE_H

#include <stdint.h>

struct connection;
struct handle_table;
struct handle_entry;
struct object;

/* The traced connection whose request is running, or NULL. */
extern struct connection *trace_conn;

/* Around the dispatch of a request of a traced connection. */
void trace_begin(struct connection *c, uint32_t code);
static inline void trace_end(void)
{
    trace_conn = 0;
}
/* The notes waiting on a connection (the reply header's trace field). */
uint32_t trace_pending(const struct connection *c);
/* A connection closing drops its notes. */
void trace_forget(struct connection *c);

/* Hooks of the handle table, called only when trace_conn is set (close
 * also when the entry has a site, to release it). */
void trace_note_alloc(struct handle_table *t, uint32_t handle, struct object *obj);
void trace_note_close(struct handle_table *t, struct handle_entry *e);
void trace_note_invalid(struct handle_table *t, uint32_t handle, uint32_t kind,
                        struct object *obj);
/* USER objects (user.c): one made, one destroyed (called also when it
 * has a site, to release it), a value that is no live object of type. */
struct user_object;
void trace_note_user_alloc(struct user_object *obj);
void trace_note_user_close(struct user_object *obj);
void trace_note_user_invalid(uint32_t handle, uint32_t type);

/* Site references (0 is "no site"). */
void trace_site_release(uint32_t site);
const char *trace_site_text(uint32_t site, uint32_t *len);

#endif
