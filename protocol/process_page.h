/*
 * The process page: one page per process that the server writes and the
 * process maps read-only (request get_process_page), so the library can
 * learn of changes it did not make without asking the server.
 *
 * Today it carries one counter. The library keeps, for speed, things it
 * learned about its own handles (the descriptor behind a file or pipe
 * handle: lib/fd_cache.c). Its own calls tell it when they change the
 * table, but another process can change it too: DuplicateHandle with
 * DUPLICATE_CLOSE_SOURCE closes a handle of ours, and DuplicateHandle into
 * us can then hand the freed value to another object. The server bumps
 * table_epoch after every such change, before it replies to the process
 * that made it, so a cached fact older than the epoch is asked again.
 *
 * Fixed-width fields, no pointers: the same in 32- and 64-bit processes.
 * DESIGN.md's shared handle table would grow out of this page.
 */
#ifndef WINHANDLE_PROTOCOL_PROCESS_PAGE_H
#define WINHANDLE_PROTOCOL_PROCESS_PAGE_H

#include <stdint.h>

#define WH_PROCESS_PAGE_MAGIC 0x77687067u /* "whpg" */
#define WH_PROCESS_PAGE_SIZE 4096u

struct wh_process_page {
    uint32_t magic;
    /* Bumped (atomically, release order) each time another process
     * changes this process's handle table; read with acquire order. */
    uint32_t table_epoch;
};

_Static_assert(sizeof(struct wh_process_page) == 8, "process page header");

#endif
