/*
 * Records into words: type names, access rights, handle flags and origins,
 * and each type's state, as text for the tables and as JSON. The text and
 * JSON forms of one fact are written side by side here, so they agree.
 */
#ifndef WINHANDLE_TOOL_DESCRIBE_H
#define WINHANDLE_TOOL_DESCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include "json.h"

/* "Event", "Mutex", ...; "Unknown" for a type this tool does not know. */
const char *type_name(uint32_t type);
/* The enum wh_object_type for a name given to --type (any case; "mutant"
 * too), or 0 when there is none. */
uint32_t type_from_name(const char *name);
/* The names --type accepts, for messages. */
const char *type_names_list(void);
/* A USER object type (enum wh_user_type): "Menu", "Cursor", ... */
const char *user_type_name(uint32_t type);
/* One USER table entry as a JSON object (winhandle user, find). */
struct wh_user_record;
void user_record_json(struct json *j, const struct wh_user_record *u);

/* The rights in access as Windows names them, '|'-separated: the type's
 * *_ALL_ACCESS when it is exactly that, unknown bits as one hex number. */
void rights_text(uint32_t type, uint32_t access, char *buf, size_t len);
/* The same as a JSON array of strings. */
void rights_json(struct json *j, uint32_t type, uint32_t access);

/* "inherit", "protect", "inherit,protect" or "-". */
const char *flags_text(uint32_t flags);
/* "created", "opened", "duplicated", "inherited" (enum wh_handle_origin). */
const char *origin_name(uint32_t origin);
/* The origin with its process: "duplicated from 1234". */
void origin_text(uint32_t origin, uint32_t origin_pid, char *buf, size_t len);

/* The state of an object as one phrase ("signaled, manual reset",
 * "owned by tid 12 (pid 10), count 1", "count 2 of 3", ...). */
void state_text(uint32_t type, uint32_t signaled, const uint32_t state[4],
                uint32_t owner_pid, char *buf, size_t len);
/* The same as a JSON object (see doc/winhandle.1 for each type's keys). */
void state_json(struct json *j, uint32_t type, uint32_t signaled,
                const uint32_t state[4], uint32_t owner_pid);

#endif
