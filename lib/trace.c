/*
 * Handle tracing in the library: the notes a traced call brings back, the
 * handles this process closed (kept to explain a later use of their
 * values), the reports. trace.h says when any of it runs.
 */
#include "trace.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "private.h"

int trace_mode;

void trace_read_env(void)
{
    const char *v = getenv("WINHANDLE_TRACE");
    if (!v || !*v || !strcmp(v, "0"))
        trace_mode = TRACE_OFF;
    else if (!strcmp(v, "abort"))
        trace_mode = TRACE_ABORT;
    else
        trace_mode = TRACE_ON;
}

static const char *const type_names[WH_TYPE_COUNT] = {
    [WH_TYPE_EVENT] = "Event", [WH_TYPE_MUTEX] = "Mutex",
    [WH_TYPE_SEMAPHORE] = "Semaphore", [WH_TYPE_PROCESS] = "Process",
    [WH_TYPE_THREAD] = "Thread", [WH_TYPE_FILE] = "File", [WH_TYPE_PIPE] = "Pipe",
    [WH_TYPE_MAPPING] = "Section", [WH_TYPE_DESKTOP] = "Desktop",
    [WH_TYPE_WINSTA] = "WindowStation",
};

static const char *const user_type_names[WH_USER_TYPE_COUNT] = {
    [WH_USER_WINDOW] = "Window", [WH_USER_MENU] = "Menu", [WH_USER_CURSOR] = "Cursor/Icon",
    [WH_USER_ACCEL] = "Accelerator table", [WH_USER_HOOK] = "Hook",
    [WH_USER_DWP] = "Window-position structure", [WH_USER_DDE_CONV] = "DDE conversation",
};

/* Kernel types, then USER types, as one range of slots for counting. */
#define TYPE_SLOTS (WH_TYPE_COUNT + WH_USER_TYPE_COUNT)

static uint32_t type_slot(uint32_t type)
{
    if (type & WH_SITE_USER)
        return (type & 0xff) < WH_USER_TYPE_COUNT ? WH_TYPE_COUNT + (type & 0xff) : 0;
    return type < WH_TYPE_COUNT ? type : 0;
}

static const char *type_name(uint32_t slot)
{
    const char *name = slot < WH_TYPE_COUNT ? type_names[slot]
                       : slot < TYPE_SLOTS  ? user_type_names[slot - WH_TYPE_COUNT]
                                            : NULL;
    return name ? name : "object";
}

/* ---- handles this process closed, by value ----
 * Values are reused lowest-free-first, so this stays as small as the
 * process's table ever was; a value made anew leaves it. USER handles
 * (destroyed objects) are kept apart: their values never come back. */

struct closed {
    uint32_t handle;
    uint32_t type;  /* enum wh_object_type, or WH_SITE_USER | enum wh_user_type */
    char *created;  /* site text, or NULL */
    char *closed;
    struct closed *next;
};

#define CLOSED_BUCKETS 256
static struct closed *closed_table[CLOSED_BUCKETS];
static pthread_mutex_t closed_lock = PTHREAD_MUTEX_INITIALIZER;

static struct closed **closed_slot(uint32_t handle, int user)
{
    struct closed **p = &closed_table[(handle >> 2) % CLOSED_BUCKETS];
    while (*p && ((*p)->handle != handle || !((*p)->type & WH_SITE_USER) != !user))
        p = &(*p)->next;
    return p;
}

static void closed_forget(uint32_t handle, int user)
{
    struct closed **p = closed_slot(handle, user), *c = *p;
    if (!c)
        return;
    *p = c->next;
    free(c->created);
    free(c->closed);
    free(c);
}

static void closed_remember(uint32_t handle, uint32_t type, const char *created,
                            uint32_t created_len, const char *site)
{
    int user = (type & WH_SITE_USER) != 0;
    closed_forget(handle, user);
    struct closed *c = calloc(1, sizeof(*c));
    if (!c)
        return;
    c->handle = handle;
    c->type = type;
    c->created = created_len ? strndup(created, created_len) : NULL;
    c->closed = site ? strdup(site) : NULL;
    *closed_slot(handle, user) = c;
}

/* ---- reports ---- */

/* "WHAT Function at:" and the frames, indented; a site's first line is
 * the Win32 function called. */
static void print_site(FILE *out, const char *what, const char *site)
{
    if (!site) {
        fprintf(out, "%s (no site recorded)\n", what);
        return;
    }
    const char *nl = strchr(site, '\n');
    fprintf(out, "%s %.*s at:\n", what, (int)(nl ? nl - site : (long)strlen(site)), site);
    while (nl) {
        const char *line = nl + 1;
        nl = strchr(line, '\n');
        fprintf(out, "      %.*s\n", (int)(nl ? nl - line : (long)strlen(line)), line);
    }
}

/* Write a report in one piece, so reports of several threads do not mix. */
static void emit(char *text, size_t len)
{
    if (text && len)
        fwrite(text, 1, len, stderr);
    fflush(stderr);
    free(text);
}

static const char *error_name(uint32_t error)
{
    static const char *const user_errors[] = {
        "ERROR_INVALID_WINDOW_HANDLE", "ERROR_INVALID_MENU_HANDLE",
        "ERROR_INVALID_CURSOR_HANDLE", "ERROR_INVALID_ACCEL_HANDLE",
        "ERROR_INVALID_HOOK_HANDLE", "ERROR_INVALID_DWP_HANDLE",
    };
    if (error >= 1400 && error <= 1405)
        return user_errors[error - 1400];
    return "ERROR_INVALID_HANDLE";
}

static const char *article(const char *name)
{
    return strchr("AEIOU", name[0]) ? "an" : "a";
}

/* What became of the value: closed (where made, where closed), open to
 * something else, NULL, or never seen. closed_lock is held. */
static void explain_value(FILE *out, uint32_t handle, uint32_t kind, uint32_t type)
{
    int user = kind == WH_TRACE_USER_INVALID;
    /* WRONG_TYPE: the type the value is open to; USER: the type asked for. */
    const char *named = type_name(type_slot(user ? WH_SITE_USER | type : type));
    struct closed *c = kind == WH_TRACE_WRONG_TYPE ? NULL : *closed_slot(handle, user);
    if (kind == WH_TRACE_WRONG_TYPE) {
        fprintf(out, "  0x%x is open, but to %s %s: not what this call takes\n", handle,
                article(named), named);
    } else if (c) {
        const char *was = type_name(type_slot(c->type));
        fprintf(out, "  0x%x was %s %s%s, %s before this use\n", handle, article(was), was,
                user ? "" : " handle", user ? "destroyed" : "closed");
        print_site(out, "  created by", c->created);
        print_site(out, user ? "  destroyed by" : "  closed by", c->closed);
    } else if (!handle) {
        fprintf(out, "  the value is NULL: never a valid handle\n");
    } else if (user) {
        fprintf(out, "  0x%x is no live %s, and this process destroyed none with that "
                     "value while traced\n", handle, named);
    } else {
        fprintf(out, "  0x%x was never a valid handle in this process "
                     "(none had that value while traced)\n", handle);
    }
}

static void report_bad_handle(uint32_t handle, uint32_t kind, uint32_t type,
                              const char *site, uint32_t error)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return;
    fprintf(out, "winhandle trace: pid %d: invalid %shandle 0x%x (%s)\n", (int)getpid(),
            kind == WH_TRACE_USER_INVALID ? "USER " : "", handle, error_name(error));
    print_site(out, "  passed to", site);
    pthread_mutex_lock(&closed_lock);
    explain_value(out, handle, kind, type);
    pthread_mutex_unlock(&closed_lock);
    fclose(out);
    emit(text, len);
    if (trace_mode == TRACE_ABORT) {
        fputs("winhandle trace: WINHANDLE_TRACE=abort: aborting\n", stderr);
        abort();
    }
}

void trace_bad_handle_here(HANDLE handle)
{
    if (!trace_mode)
        return;
    char *site = trace_capture_site();
    report_bad_handle(handle_to_wire(handle), WH_TRACE_INVALID, 0, site, ERROR_INVALID_HANDLE);
    free(site);
}

/* ---- the notes of a call ---- */

/* Does this call's failure make the note a bad handle worth reporting?
 * A USER handle fails with its type's own error; the Is* probes
 * (IsMenu, IsWindow) exist to be asked about dead handles. */
static int reportable(const struct wh_trace_event *ev, uint32_t error, const char *site)
{
    if (ev->kind == WH_TRACE_INVALID || ev->kind == WH_TRACE_WRONG_TYPE)
        return error == ERROR_INVALID_HANDLE;
    if (ev->kind != WH_TRACE_USER_INVALID)
        return 0;
    if (error != ERROR_INVALID_HANDLE && (error < 1400 || error > 1405))
        return 0;
    return !site || strncmp(site, "Is", 2);
}

static void take_notes(const char *data, uint32_t len, uint32_t count, uint32_t error,
                       const char *site)
{
    uint32_t pos = 0;
    struct wh_trace_event bad = { .kind = 0 };
    for (uint32_t i = 0; i < count && len - pos >= sizeof(struct wh_trace_event); i++) {
        struct wh_trace_event ev;
        memcpy(&ev, data + pos, sizeof(ev));
        pos += sizeof(ev);
        if (ev.text_len > len - pos)
            break;
        const char *text = data + pos;
        pos += WH_ALIGN8(ev.text_len) <= len - pos ? WH_ALIGN8(ev.text_len) : len - pos;
        pthread_mutex_lock(&closed_lock);
        if (ev.kind == WH_TRACE_ALLOC)
            closed_forget(ev.handle, 0);
        else if (ev.kind == WH_TRACE_CLOSE)
            closed_remember(ev.handle, ev.type, text, ev.text_len, site);
        else if (ev.kind == WH_TRACE_USER_CLOSE)
            closed_remember(ev.handle, WH_SITE_USER | ev.type, text, ev.text_len, site);
        pthread_mutex_unlock(&closed_lock);
        /* The last lookup that failed is the one that failed the call;
         * earlier ones may have been probes. */
        if (reportable(&ev, error, site))
            bad = ev;
    }
    if (bad.kind)
        report_bad_handle(bad.handle, bad.kind, bad.type, site, error);
}

void trace_after_call(uint32_t error)
{
    char *site = trace_capture_site();
    uint32_t site_len = site ? (uint32_t)strlen(site) : 0;
    if (site_len > WH_MAX_SITE_LEN)
        site_len = WH_MAX_SITE_LEN;
    struct wh_trace_site_request req = { .reserved = 0 };
    struct wh_trace_site_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    if (server_call(WH_REQ_trace_site, &req, sizeof(req), site, site_len, &reply,
                    sizeof(reply), &var, &var_len) == 0)
        take_notes(var, var_len, reply.count, error, site);
    free(var);
    free(site);
}

/* ---- the leak report ---- */

struct group {
    const char *site;    /* points into the reply */
    uint32_t site_len;
    uint32_t count;
    uint32_t by_type[TYPE_SLOTS];
};

static int by_count(const void *a, const void *b)
{
    const struct group *x = a, *y = b;
    return x->count < y->count ? 1 : x->count > y->count ? -1 : 0;
}

/* Group the site records; returns the number of groups, *handles the
 * number of kernel handles and *users of USER objects. */
static uint32_t group_sites(const char *data, uint32_t len, uint32_t count,
                            struct group *groups, uint32_t *handles, uint32_t *users)
{
    uint32_t n = 0, pos = 0;
    *handles = *users = 0;
    for (uint32_t i = 0; i < count && len - pos >= sizeof(struct wh_site_record); i++) {
        struct wh_site_record r;
        memcpy(&r, data + pos, sizeof(r));
        pos += sizeof(r);
        if (WH_ALIGN8(r.text_len) > len - pos)
            break;
        const char *text = data + pos;
        pos += WH_ALIGN8(r.text_len);
        if (!(r.type & WH_SITE_USER) && std_handle_is(wire_to_handle(r.handle)))
            continue;
        uint32_t g = 0;
        while (g < n && (groups[g].site_len != r.text_len ||
                         memcmp(groups[g].site, text, r.text_len)))
            g++;
        if (g == n)
            groups[n++] = (struct group){ .site = text, .site_len = r.text_len };
        groups[g].count++;
        groups[g].by_type[type_slot(r.type)]++;
        if (r.type & WH_SITE_USER)
            (*users)++;
        else
            (*handles)++;
    }
    qsort(groups, n, sizeof(*groups), by_count);
    return n;
}

static void print_group(FILE *out, const struct group *g)
{
    fprintf(out, "  %u handle%s (", g->count, g->count == 1 ? "" : "s");
    const char *sep = "";
    for (uint32_t t = 0; t < TYPE_SLOTS; t++)
        if (g->by_type[t]) {
            fprintf(out, "%s%u %s", sep, g->by_type[t], type_name(t));
            sep = ", ";
        }
    fprintf(out, "),");
    char *site = strndup(g->site, g->site_len);
    print_site(out, " created by", site);
    free(site);
}

/* One page of list_handles: how many of its handles are not standard
 * handles; *next as the server said. */
static uint32_t open_handles_in_page(struct wh_list_handles_request *req, uint32_t *next)
{
    struct wh_list_handles_reply reply;
    void *var = NULL;
    uint32_t var_len = 0, open = 0, pos = 0;
    if (server_call(WH_REQ_list_handles, req, sizeof(*req), NULL, 0, &reply,
                    sizeof(reply), &var, &var_len) != 0)
        return 0;
    *next = reply.next;
    const char *data = var;
    for (uint32_t i = 0; i < reply.count && reply.record_size >= sizeof(struct wh_handle_record) &&
                         var_len - pos >= reply.record_size; i++) {
        struct wh_handle_record r;
        memcpy(&r, data + pos, sizeof(r));
        pos += reply.record_size;
        if (WH_ALIGN8(r.name_len) > var_len - pos)
            break;
        pos += WH_ALIGN8(r.name_len);
        open += !std_handle_is(wire_to_handle(r.handle));
    }
    free(var);
    return open;
}

/* The handles this process holds, its standard handles left out. */
static uint32_t open_handle_count(void)
{
    struct wh_list_handles_request req = { .pid = (uint32_t)getpid() };
    uint32_t open = 0;
    for (;;) {
        uint32_t next = 0;
        open += open_handles_in_page(&req, &next);
        if (next <= req.start)
            break;
        req.start = next;
    }
    return open;
}

void trace_at_exit(void)
{
    static int done;
    if (!trace_mode || __atomic_exchange_n(&done, 1, __ATOMIC_SEQ_CST))
        return;
    struct wh_list_handle_sites_request req = { .pid = 0 };
    struct wh_list_handle_sites_reply reply;
    void *var = NULL;
    uint32_t var_len = 0;
    if (server_call(WH_REQ_list_handle_sites, &req, sizeof(req), NULL, 0, &reply,
                    sizeof(reply), &var, &var_len) != 0)
        return;
    struct group *groups = calloc(reply.count ? reply.count : 1, sizeof(*groups));
    char *text = NULL;
    size_t len = 0;
    FILE *out = groups ? open_memstream(&text, &len) : NULL;
    if (out) {
        uint32_t traced, users;
        uint32_t n = group_sites(var, var_len, reply.count, groups, &traced, &users);
        uint32_t total = open_handle_count();
        if (!total && !users)
            fprintf(out, "winhandle trace: pid %d exits with no handles open\n", (int)getpid());
        else if (!users)
            fprintf(out, "winhandle trace: pid %d exits with %u handle%s open "
                         "(leaks), by creation site:\n",
                    (int)getpid(), total, total == 1 ? "" : "s");
        else
            fprintf(out, "winhandle trace: pid %d exits with %u handle%s and %u USER "
                         "object%s open (leaks), by creation site:\n",
                    (int)getpid(), total, total == 1 ? "" : "s", users,
                    users == 1 ? "" : "s");
        for (uint32_t g = 0; g < n; g++)
            print_group(out, &groups[g]);
        if (total > traced)
            fprintf(out, "  %u handle%s with no site: inherited, duplicated in by "
                         "another process, or made before tracing\n",
                    total - traced, total - traced == 1 ? "" : "s");
        fclose(out);
        emit(text, len);
    }
    free(groups);
    free(var);
}
