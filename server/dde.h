/* DDE (server/dde.c) and its string atoms (server/dde_atom.c). */
#ifndef WINHANDLED_DDE_H
#define WINHANDLED_DDE_H

#include <stdint.h>

#include "../protocol/protocol.h"

struct thread;

/* Is there DDE work that one of the thread's instances has not taken?
 * Its message queue is signaled while there is (queue.c). */
int dde_input_waiting(struct thread *thread);

/* A new reference to the atom for text (len bytes, no NUL), 0 and
 * *error on failure. */
uint32_t dde_atom_add(const char *text, uint32_t len, uint32_t *error);
/* The text of a live atom, or NULL. */
const char *dde_atom_text(uint32_t atom);
/* Add (delta > 0) or drop a reference; 0 if the atom is not live. */
int dde_atom_ref(uint32_t atom, int delta);

#endif
