#ifndef WINHANDLED_MUTEX_H
#define WINHANDLED_MUTEX_H

struct thread;

/* The thread ended: every mutex it owns becomes free and abandoned. */
void abandon_mutexes(struct thread *thread);

#endif
