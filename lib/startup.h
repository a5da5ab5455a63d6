/*
 * How a child of CreateProcessA knows it is one, before main runs: its
 * parent puts WH_PARENT_MARK followed by its own pid into the child's
 * environment (spawn.c), and the library's constructor in the child takes
 * it out again (module.c), so the program never sees it.
 */
#ifndef WINHANDLE_LIB_STARTUP_H
#define WINHANDLE_LIB_STARTUP_H

#define WH_PARENT_MARK_NAME "WINHANDLE_PARENT"
#define WH_PARENT_MARK WH_PARENT_MARK_NAME "="

#endif
