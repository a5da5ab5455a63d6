/*
 * winhandle top: a live view of the session's handles, refreshed every
 * second: per process its handle count, how fast that count grows or
 * falls (per second, since the last refresh), and its handles by type.
 * Sorted by growth, then by count, so a leaking process climbs to the top.
 * q (or Ctrl-C) quits and gives the terminal back as it was.
 *
 *   top            live, in the terminal
 *   top --once     one sample as a plain table (for scripts, or no terminal)
 *   top --json     one sample as JSON
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../protocol/protocol.h"
#include "describe.h"
#include "json.h"
#include "query.h"
#include "table.h"
#include "tool.h"

struct row {
    uint32_t pid;
    char name[sizeof(((struct process_info *)0)->name)];
    uint32_t handles;
    double growth;  /* handles per second; 0 on the first sample */
    int known_growth;
    uint32_t by_type[WH_TYPE_COUNT];
};

struct sample {
    struct row *rows;
    uint32_t n;
    double at; /* seconds, monotonic */
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const struct row *find_row(const struct sample *s, uint32_t pid)
{
    for (uint32_t i = 0; s && i < s->n; i++)
        if (s->rows[i].pid == pid)
            return &s->rows[i];
    return NULL;
}

static int by_growth_then_count(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    if (x->growth != y->growth)
        return x->growth < y->growth ? 1 : -1;
    return x->handles < y->handles ? 1 : x->handles > y->handles ? -1 : 0;
}

/* A new sample; growth against prev (NULL: unknown). 0, or a Win32 error. */
static uint32_t take_sample(struct sample *out, const struct sample *prev)
{
    struct process_info *p;
    uint32_t count;
    uint32_t err = query_processes(&p, &count);
    if (err)
        return err;
    out->rows = calloc(count ? count : 1, sizeof(*out->rows));
    out->n = 0;
    out->at = now_s();
    for (uint32_t i = 0; out->rows && i < count; i++) {
        if (!p[i].rec.alive)
            continue;
        struct row *r = &out->rows[out->n++];
        r->pid = p[i].rec.pid;
        snprintf(r->name, sizeof(r->name), "%s", p[i].name);
        struct handle_info *h;
        uint32_t nh;
        if (query_handles(r->pid, &h, &nh) == 0) {
            r->handles = nh;
            for (uint32_t k = 0; k < nh; k++)
                if (h[k].rec.type < WH_TYPE_COUNT)
                    r->by_type[h[k].rec.type]++;
            free(h);
        }
        const struct row *before = find_row(prev, r->pid);
        if (before && out->at > prev->at) {
            r->growth = ((double)r->handles - before->handles) / (out->at - prev->at);
            r->known_growth = 1;
        }
    }
    free(p);
    if (!out->rows)
        return 8u; /* ERROR_NOT_ENOUGH_MEMORY */
    qsort(out->rows, out->n, sizeof(*out->rows), by_growth_then_count);
    return 0;
}

/* The types any process holds, in the protocol's order: the columns. */
static uint32_t used_types(const struct sample *s, uint32_t *types)
{
    uint32_t n = 0;
    for (uint32_t t = 1; t < WH_TYPE_COUNT; t++) {
        int any = 0;
        for (uint32_t i = 0; i < s->n && !any; i++)
            any = s->rows[i].by_type[t] != 0;
        if (any)
            types[n++] = t;
    }
    return n;
}

static void print_table(const struct sample *s, FILE *out)
{
    uint32_t types[WH_TYPE_COUNT], ntypes = used_types(s, types);
    const char *headers[4 + WH_TYPE_COUNT + 1] = { "PID", "NAME", "HANDLES", "GROWTH/S" };
    for (uint32_t i = 0; i < ntypes; i++)
        headers[4 + i] = type_name(types[i]);
    headers[4 + ntypes] = NULL;
    struct table t;
    table_init(&t, headers);
    for (uint32_t i = 0; i < s->n; i++) {
        const struct row *r = &s->rows[i];
        char cells[4 + WH_TYPE_COUNT][sizeof(r->name)];
        const char *ptrs[4 + WH_TYPE_COUNT];
        snprintf(cells[0], sizeof(cells[0]), "%u", r->pid);
        snprintf(cells[1], sizeof(cells[1]), "%s", r->name);
        snprintf(cells[2], sizeof(cells[2]), "%u", r->handles);
        if (r->known_growth)
            snprintf(cells[3], sizeof(cells[3]), "%+.1f", r->growth);
        else
            snprintf(cells[3], sizeof(cells[3]), "-");
        for (uint32_t k = 0; k < ntypes; k++)
            snprintf(cells[4 + k], sizeof(cells[4 + k]), "%u", r->by_type[types[k]]);
        for (uint32_t k = 0; k < 4 + ntypes; k++)
            ptrs[k] = cells[k];
        table_add(&t, ptrs);
    }
    if (s->n)
        table_print(&t, out);
    else
        fprintf(out, "no processes\n");
    table_free(&t);
}

static void print_json(const struct sample *s)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_key(&j, "processes");
    json_begin_array(&j);
    for (uint32_t i = 0; i < s->n; i++) {
        const struct row *r = &s->rows[i];
        json_begin_object(&j);
        json_key_uint(&j, "pid", r->pid);
        json_key_string(&j, "name", r->name);
        json_key_uint(&j, "handles", r->handles);
        json_key(&j, "by_type");
        json_begin_object(&j);
        for (uint32_t t = 1; t < WH_TYPE_COUNT; t++)
            if (r->by_type[t])
                json_key_uint(&j, type_name(t), r->by_type[t]);
        json_end_object(&j);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

/* ---- the live view ---- */

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

/* The terminal as it was, to give back however top ends. */
static struct termios saved;
static int raw;

static void enter_raw(void)
{
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved) < 0)
        return;
    struct termios t = saved;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    t.c_cc[VMIN] = 0;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
        raw = 1;
    fputs("\033[?25l", stdout); /* hide the cursor */
}

static void leave_raw(void)
{
    if (raw)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    raw = 0;
    fputs("\033[?25h\n", stdout); /* the cursor back */
    fflush(stdout);
}

/* Wait up to ms for a key; 1 if it was q (or the input ended). */
static int quit_key(int ms)
{
    struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
    int r = poll(&pfd, 1, ms);
    if (r <= 0)
        return 0;
    char c;
    ssize_t n = read(STDIN_FILENO, &c, 1);
    return n == 0 || (n == 1 && (c == 'q' || c == 'Q'));
}

static int live(const struct tool_options *opt)
{
    struct sigaction sa = { .sa_handler = on_signal };
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    enter_raw();
    struct sample prev = { 0 }, cur;
    int have_prev = 0, rc = EXIT_OK;
    while (!stop) {
        uint32_t err = take_sample(&cur, have_prev ? &prev : NULL);
        if (err) {
            leave_raw();
            return query_failed(err, "list_processes");
        }
        char when[16];
        time_t t = time(NULL);
        strftime(when, sizeof(when), "%H:%M:%S", localtime(&t));
        printf("\033[H\033[2Jwinhandle top  %s  %s  (q quits)\n\n", opt->session_dir, when);
        print_table(&cur, stdout);
        fflush(stdout);
        if (have_prev)
            free(prev.rows);
        prev = cur;
        have_prev = 1;
        if (quit_key(1000))
            break;
    }
    if (have_prev)
        free(prev.rows);
    leave_raw();
    return rc;
}

int verb_top(const struct tool_options *opt, int argc, char **argv)
{
    (void)argv;
    int once = opt->once;
    if (argc != 0) {
        tool_error("usage: winhandle top [--once] [--json]");
        return EXIT_USAGE;
    }
    int rc = connect_for_verb(opt);
    if (rc != EXIT_OK)
        return rc;
    if (!once && !opt->json)
        return live(opt);
    struct sample s;
    uint32_t err = take_sample(&s, NULL);
    if (err)
        return query_failed(err, "list_processes");
    if (opt->json)
        print_json(&s);
    else
        print_table(&s, stdout);
    free(s.rows);
    return EXIT_OK;
}
