/*
 * winhandle: the command-line inspector of a winhandle session.
 *
 * It connects to the session's server as an observer (it never starts a
 * server and never becomes one of the session's processes) and shows what
 * the server holds: processes, handle tables, objects. Every verb has a
 * --json form whose shape doc/winhandle.1 documents.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/client.h"
#include "describe.h"
#include "query.h"
#include "tool.h"

#ifndef WINHANDLE_VERSION
#define WINHANDLE_VERSION "unknown"
#endif

void tool_error(const char *fmt, ...)
{
    va_list ap;
    fputs("winhandle: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int parse_pid(const char *word, uint32_t *pid)
{
    char *end;
    unsigned long long v = strtoull(word, &end, 10);
    if (!*word || *end || word[0] == '-' || v == 0 || v > UINT32_MAX)
        return -1;
    *pid = (uint32_t)v;
    return 0;
}

int connect_for_verb(const struct tool_options *opt)
{
    struct wh_server_info_reply info;
    int rc = query_connect(opt->session_dir, &info);
    if (rc == EXIT_NO_SERVER)
        tool_error("no server running in %s", opt->session_dir);
    return rc;
}

int fetch_processes(const struct tool_options *opt, struct process_info **p,
                    uint32_t *count)
{
    int rc = connect_for_verb(opt);
    if (rc != EXIT_OK)
        return rc;
    uint32_t err = query_processes(p, count);
    return err ? query_failed(err, "list_processes") : EXIT_OK;
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: winhandle [options] VERB [ARGS]\n"
            "\n"
            "verbs:\n"
            "  server status        is a server running for this session, with counts\n"
            "  server stop          ask the server to exit and wait until it has\n"
            "  ps                   processes: pid, parent, bitness, threads, handles\n"
            "  handles [PID]        handle tables (all processes without PID): value,\n"
            "                       type, access, flags, origin, object state, name\n"
            "  objects              every object, its state and who holds handles to it\n"
            "  user [PID]           the USER handle table: use by type and owner, every\n"
            "                       entry (only PID's with PID)\n"
            "  gdi [PID]            the GDI handle table: use, quota, by type, every object\n"
            "  find NAME|PID:HANDLE|HANDLE\n"
            "                       who holds it: each handle to the objects named so\n"
            "                       (or behind that handle), in every process\n"
            "  graph                processes and the objects they hold, as Graphviz DOT\n"
            "  top [--once]         live handle counts per process and type, with growth\n"
            "                       per second so a leak climbs to the top; q quits\n"
            "\n"
            "options:\n"
            "  -j, --json              machine-readable output (see winhandle(1))\n"
            "  -d, --session-dir DIR   inspect the session in DIR (default:\n"
            "                          $WINHANDLE_DIR, $XDG_RUNTIME_DIR/winhandle,\n"
            "                          /tmp/winhandle-$UID)\n"
            "  -t, --type TYPE         handles, objects: only this type\n"
            "                          (%s)\n"
            "  -n, --name SUBSTR       handles, objects: only names containing SUBSTR\n"
            "      --trace             handles: where each handle was made, for\n"
            "                          programs run with WINHANDLE_TRACE=1\n"
            "      --svg FILE          graph: render it with dot(1) into FILE\n"
            "      --once              top: one sample, no live view\n"
            "      --tree              objects: as the namespace's tree, like WinObj\n"
            "  -h, --help              this text\n"
            "  -V, --version           the version\n"
            "\n"
            "exit status: 0 done, 1 no server running, 2 usage error,\n"
            "3 the server refused or failed (or the session directory is unsafe)\n",
            type_names_list());
}

struct verb {
    const char *name;
    int (*run)(const struct tool_options *opt, int argc, char **argv);
    int filters; /* takes --type and --name */
};

static const struct verb verbs[] = {
    { "server", verb_server, 0 },
    { "ps", verb_ps, 0 },
    { "handles", verb_handles, 1 },
    { "objects", verb_objects, 1 },
    { "user", verb_user, 0 },
    { "find", verb_find, 0 },
    { "graph", verb_graph, 0 },
    { "top", verb_top, 0 },
    { "gdi", verb_gdi, 0 },
};

static const struct verb *find_verb(const char *name)
{
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
        if (!strcmp(verbs[i].name, name))
            return &verbs[i];
    return NULL;
}

/* Options may stand anywhere (getopt_long permutes): "handles 42 --json". */
static int parse_options(int argc, char **argv, struct tool_options *opt,
                         const char **session_dir)
{
    static const struct option longopts[] = {
        { "json", no_argument, NULL, 'j' },
        { "session-dir", required_argument, NULL, 'd' },
        { "type", required_argument, NULL, 't' },
        { "name", required_argument, NULL, 'n' },
        { "trace", no_argument, NULL, 'T' },
        { "svg", required_argument, NULL, 'S' },
        { "once", no_argument, NULL, 'O' },
        { "tree", no_argument, NULL, 'R' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    while ((c = getopt_long(argc, argv, "jd:t:n:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'j': opt->json = 1; break;
        case 'd': *session_dir = optarg; break;
        case 'n': opt->name_filter = optarg; break;
        case 'T': opt->trace = 1; break;
        case 'S': opt->svg_path = optarg; break;
        case 'O': opt->once = 1; break;
        case 'R': opt->tree = 1; break;
        case 't':
            if (!(opt->type = type_from_name(optarg))) {
                tool_error("unknown type '%s' (types: %s)", optarg, type_names_list());
                return EXIT_USAGE;
            }
            break;
        case 'h': usage(stdout); exit(EXIT_OK);
        case 'V': printf("winhandle %s\n", WINHANDLE_VERSION); exit(EXIT_OK);
        default: tool_error("try 'winhandle --help'"); return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

/* -d DIR wins over the environment; the library resolves the rest, so
 * the inspector always looks where the programs of the session connect. */
static int resolve_session_dir(const char *dir_arg, struct tool_options *opt)
{
    if (dir_arg && setenv("WINHANDLE_DIR", dir_arg, 1) < 0) {
        tool_error("cannot use %s", dir_arg);
        return EXIT_USAGE;
    }
    opt->session_dir = client_session_dir();
    if (!opt->session_dir[0]) {
        tool_error("session directory path too long");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* This program only looks: started by a Windows program's CreateProcessA,
 * it must not register as a process of the session (lib/module.c). */
const int winhandle_observer_program = 1;

int main(int argc, char **argv)
{
    struct tool_options opt = { 0 };
    const char *dir_arg = NULL;
    int rc = parse_options(argc, argv, &opt, &dir_arg);
    if (rc != EXIT_OK)
        return rc;
    if (optind >= argc) {
        tool_error("which verb? server status|stop, ps, handles, objects "
                   "(winhandle --help)");
        return EXIT_USAGE;
    }
    const struct verb *verb = find_verb(argv[optind]);
    if (!verb) {
        tool_error("unknown verb '%s' (try winhandle --help)", argv[optind]);
        return EXIT_USAGE;
    }
    if (opt.tree && strcmp(verb->name, "objects")) {
        tool_error("--tree goes with objects");
        return EXIT_USAGE;
    }
    if (opt.once && strcmp(verb->name, "top")) {
        tool_error("--once goes with top");
        return EXIT_USAGE;
    }
    if (opt.svg_path && strcmp(verb->name, "graph")) {
        tool_error("--svg goes with graph");
        return EXIT_USAGE;
    }
    if (opt.trace && strcmp(verb->name, "handles")) {
        tool_error("--trace goes with handles");
        return EXIT_USAGE;
    }
    if (!verb->filters && (opt.type || opt.name_filter)) {
        tool_error("--type and --name go with handles and objects");
        return EXIT_USAGE;
    }
    rc = resolve_session_dir(dir_arg, &opt);
    if (rc != EXIT_OK)
        return rc;
    rc = verb->run(&opt, argc - optind - 1, argv + optind + 1);
    /* A closed or full stdout (a pipe to head) is not success. */
    if (fflush(stdout) != 0 && rc == EXIT_OK)
        rc = EXIT_FAILED;
    return rc;
}
