/*
 * winhandle, the inspector: what every verb shares.
 *
 * One file per verb (server_verb.c, ps_verb.c, handles_verb.c,
 * objects_verb.c, user_verb.c, find_verb.c,
 * graph_verb.c, top_verb.c, gdi_verb.c); query.c talks to the server, describe.c turns records
 * into words, json.c and table.c write the two output forms.
 */
#ifndef WINHANDLE_TOOL_H
#define WINHANDLE_TOOL_H

#include <stdint.h>

/* Exit statuses, as doc/winhandle.1 documents them. */
enum tool_exit {
    EXIT_OK = 0,
    EXIT_NO_SERVER = 1, /* no server runs for the session */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_FAILED = 3,    /* the server refused or failed, or an unsafe session */
};

struct tool_options {
    int json;                /* --json */
    uint32_t type;           /* --type, as enum wh_object_type; 0: any */
    const char *name_filter; /* --name SUBSTR, or NULL */
    int trace;               /* handles --trace: creation sites */
    const char *svg_path;    /* graph --svg FILE, or NULL: DOT on stdout */
    int once;                /* top --once: one sample */
    int tree;                /* objects --tree: the namespace as a tree */
    const char *session_dir; /* resolved: -d, $WINHANDLE_DIR, ... */
};

/* The verbs. args are the words after the verb; each returns an exit
 * status. */
int verb_server(const struct tool_options *opt, int argc, char **argv);
int verb_ps(const struct tool_options *opt, int argc, char **argv);
int verb_handles(const struct tool_options *opt, int argc, char **argv);
int verb_objects(const struct tool_options *opt, int argc, char **argv);
int verb_user(const struct tool_options *opt, int argc, char **argv);
int verb_find(const struct tool_options *opt, int argc, char **argv);
int verb_graph(const struct tool_options *opt, int argc, char **argv);
int verb_top(const struct tool_options *opt, int argc, char **argv);
int verb_gdi(const struct tool_options *opt, int argc, char **argv);

/* Connect to the session's server for a verb that needs one; when none
 * runs, say so on stderr. Returns an enum tool_exit. */
int connect_for_verb(const struct tool_options *opt);

/* connect_for_verb, then the process list (query_processes). Returns an
 * enum tool_exit, having said what went wrong. */
struct process_info;
int fetch_processes(const struct tool_options *opt, struct process_info **p,
                    uint32_t *count);

/* A pid given on the command line: decimal, nonzero, 32 bits. */
int parse_pid(const char *word, uint32_t *pid);

/* "winhandle: MESSAGE" on stderr. */
void tool_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
