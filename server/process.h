/*
 * Processes: real Linux processes, process id = pid, each watched through a
 * pidfd so its death is seen however it happens, SIGKILL included. On death
 * its threads end (mutexes abandoned), its handles close, and its object
 * becomes signaled; the object lives on while handles to it exist.
 */
#ifndef WINHANDLED_PROCESS_H
#define WINHANDLED_PROCESS_H

#include <stdint.h>

#include "handle.h"
#include "list.h"
#include "loop.h"
#include "object.h"
#include "process_page.h"

struct process {
    struct object obj;
    uint32_t pid;
    uint32_t parent_pid;       /* from /proc when registered; 0 if unknown */
    uint32_t bitness;          /* 32 or 64; 0 until it speaks */
    int alive;
    int exit_code_set;         /* ExitProcess told us */
    uint32_t exit_code;
    struct fd_watch pidfd_watch;
    struct handle_table handles;
    struct list_entry threads; /* struct thread.process_link */
    struct list_entry link;    /* live processes, then ended ones */
    uint32_t connections;
    char name[64];
    void *startup;             /* wh_startup_record + strings, or NULL */
    struct wh_process_page *page; /* process_page.c; NULL until asked for */
    int page_fd;
    uint32_t user_objects;     /* USER objects it and its threads own (user.c) */
    uint32_t user_peak;        /* the most it owned at once */
    struct desktop *desktop;   /* its threads start here (desktop.c); NULL: Default */
};

extern const struct object_ops process_ops;
#define PROCESS_QUERY_INFORMATION_ 0x0400u
#define PROCESS_QUERY_LIMITED_INFORMATION_ 0x1000u
#define PROCESS_TERMINATE_ 0x0001u
#define PROCESS_DUP_HANDLE_ 0x0040u
#define PROCESS_ALL_ACCESS_ 0x001fffffu

/* The live process with this pid, or NULL. */
struct process *find_process(uint32_t pid);
/* Register a live process (watching it from now on). NULL and *error when
 * the pid is not a live process. The live list holds the reference. */
struct process *create_process(uint32_t pid, uint32_t bitness, uint32_t *error);
void process_died(struct process *process);

struct list_entry *process_list(void);
uint32_t process_count(void);
uint32_t thread_count(void);

#endif
