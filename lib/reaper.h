/* The reaper of CreateProcessA's children (reaper.c). */
#ifndef WINHANDLE_LIB_REAPER_H
#define WINHANDLE_LIB_REAPER_H

#include <sys/types.h>

/* Reap pid when it ends, reporting its exit status first. 0 or -1. */
int reaper_watch(pid_t pid);

#endif
