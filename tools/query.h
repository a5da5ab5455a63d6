/*
 * The inspector's side of the protocol: connect as an observer (never
 * starting a server, never registering as a process), send the inspection
 * requests, and unpack their records, checking every length, so a
 * confused or hostile server cannot make the tool read past a reply.
 */
#ifndef WINHANDLE_TOOL_QUERY_H
#define WINHANDLE_TOOL_QUERY_H

#include <stdint.h>

#include "../protocol/protocol.h"

struct process_info {
    struct wh_process_record rec;
    char name[sizeof(((struct wh_process_record *)0)->name) + 1];
};

struct handle_info {
    struct wh_handle_record rec;
    char name[WH_MAX_NAME_LEN + 1];
};

struct object_info {
    struct wh_object_record rec;
    char name[WH_MAX_NAME_LEN + 1];
    struct wh_holder_record *holders; /* rec.holder_count of them */
};

/*
 * Check the session directory and say hello with server_info. Returns an
 * enum tool_exit: EXIT_NO_SERVER when none runs (nothing printed: each
 * verb words it), EXIT_FAILED with a message printed otherwise.
 */
int query_connect(const char *session_dir, struct wh_server_info_reply *info);

/* Each returns a Win32 error (0 on success); arrays are malloc'd. An
 * answer that does not add up is ERROR_INVALID_DATA (13). */
uint32_t query_processes(struct process_info **out, uint32_t *count);
uint32_t query_handles(uint32_t pid, struct handle_info **out, uint32_t *count);
uint32_t query_objects(uint32_t type, struct object_info **out, uint32_t *count);
void free_objects(struct object_info *objects, uint32_t count);
/* The USER table: every live entry of type (WH_USER_*; 0: all), and the
 * table's use with its counts by type. */
uint32_t query_user_objects(uint32_t type, struct wh_user_record **out, uint32_t *count);
/* The server's last refusals of the desktop check, newest first. */
uint32_t query_refusals(struct wh_refusal_record **out, uint32_t *count);
uint32_t query_user_table(uint32_t *used, uint32_t *capacity,
                          uint32_t counts[WH_USER_TYPE_COUNT]);
/* The GDI table: every live object owned by pid (0: all, stock ones
 * too), and the table's use with its counts by type. */
uint32_t query_gdi_objects(uint32_t pid, struct wh_gdi_record **out, uint32_t *count);
uint32_t query_gdi_table(struct wh_gdi_table_info_reply *info,
                         uint32_t counts[WH_GDI_TYPE_COUNT]);

/* Tell the server to exit. */
uint32_t query_shutdown(void);

/* Print why a query failed and return the exit status that fits. */
int query_failed(uint32_t error, const char *what);

#endif
