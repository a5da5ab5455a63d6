#include "describe.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <windows.h>

#include "../protocol/protocol.h"

/* ---- types ---- */

static const char *const type_names[WH_TYPE_COUNT] = {
    [WH_TYPE_EVENT] = "Event",
    [WH_TYPE_MUTEX] = "Mutex",
    [WH_TYPE_SEMAPHORE] = "Semaphore",
    [WH_TYPE_PROCESS] = "Process",
    [WH_TYPE_THREAD] = "Thread",
};

const char *type_name(uint32_t type)
{
    return type < WH_TYPE_COUNT && type_names[type] ? type_names[type] : "Unknown";
}

uint32_t type_from_name(const char *name)
{
    for (uint32_t t = 1; t < WH_TYPE_COUNT; t++)
        if (type_names[t] && !strcasecmp(name, type_names[t]))
            return t;
    /* Windows' own name for a mutex, as WinObj and Process Explorer say. */
    if (!strcasecmp(name, "mutant"))
        return WH_TYPE_MUTEX;
    return 0;
}

const char *type_names_list(void)
{
    return "event, mutex, semaphore, process, thread";
}

/* ---- access rights ---- */

struct right {
    uint32_t bit;
    const char *name;
};

#define RIGHT(x) { x, #x }

static const struct right event_rights[] = {
    RIGHT(EVENT_QUERY_STATE), RIGHT(EVENT_MODIFY_STATE), { 0, NULL } };
static const struct right mutex_rights[] = {
    RIGHT(MUTEX_MODIFY_STATE), { 0, NULL } };
static const struct right semaphore_rights[] = {
    RIGHT(SEMAPHORE_QUERY_STATE), RIGHT(SEMAPHORE_MODIFY_STATE), { 0, NULL } };
static const struct right process_rights[] = {
    RIGHT(PROCESS_TERMINATE), RIGHT(PROCESS_CREATE_THREAD),
    RIGHT(PROCESS_SET_SESSIONID), RIGHT(PROCESS_VM_OPERATION),
    RIGHT(PROCESS_VM_READ), RIGHT(PROCESS_VM_WRITE), RIGHT(PROCESS_DUP_HANDLE),
    RIGHT(PROCESS_CREATE_PROCESS), RIGHT(PROCESS_SET_QUOTA),
    RIGHT(PROCESS_SET_INFORMATION), RIGHT(PROCESS_QUERY_INFORMATION),
    RIGHT(PROCESS_SUSPEND_RESUME), RIGHT(PROCESS_QUERY_LIMITED_INFORMATION),
    RIGHT(PROCESS_SET_LIMITED_INFORMATION), { 0, NULL } };
static const struct right thread_rights[] = {
    RIGHT(THREAD_TERMINATE), RIGHT(THREAD_SUSPEND_RESUME),
    RIGHT(THREAD_GET_CONTEXT), RIGHT(THREAD_SET_CONTEXT),
    RIGHT(THREAD_SET_INFORMATION), RIGHT(THREAD_QUERY_INFORMATION),
    RIGHT(THREAD_SET_THREAD_TOKEN), RIGHT(THREAD_IMPERSONATE),
    RIGHT(THREAD_DIRECT_IMPERSONATION), RIGHT(THREAD_SET_LIMITED_INFORMATION),
    RIGHT(THREAD_QUERY_LIMITED_INFORMATION), RIGHT(THREAD_RESUME), { 0, NULL } };
static const struct right standard_rights[] = {
    RIGHT(DELETE), RIGHT(READ_CONTROL), RIGHT(WRITE_DAC), RIGHT(WRITE_OWNER),
    RIGHT(SYNCHRONIZE), { 0, NULL } };

struct type_rights {
    const struct right *specific;
    uint32_t all;
    const char *all_name;
};

static const struct type_rights rights_of[WH_TYPE_COUNT] = {
    [WH_TYPE_EVENT] = { event_rights, EVENT_ALL_ACCESS, "EVENT_ALL_ACCESS" },
    [WH_TYPE_MUTEX] = { mutex_rights, MUTEX_ALL_ACCESS, "MUTEX_ALL_ACCESS" },
    [WH_TYPE_SEMAPHORE] = { semaphore_rights, SEMAPHORE_ALL_ACCESS, "SEMAPHORE_ALL_ACCESS" },
    [WH_TYPE_PROCESS] = { process_rights, PROCESS_ALL_ACCESS, "PROCESS_ALL_ACCESS" },
    [WH_TYPE_THREAD] = { thread_rights, THREAD_ALL_ACCESS, "THREAD_ALL_ACCESS" },
};

/*
 * Calls emit(name) for each right in access, in a fixed order: the type's
 * ALL_ACCESS alone when access is exactly it, else the type's specific
 * rights, the standard ones, and what is left as one hex number (rights
 * this tool has no name for). Both output forms are built on this.
 */
static void for_each_right(uint32_t type, uint32_t access,
                           void (*emit)(void *ctx, const char *name), void *ctx)
{
    const struct type_rights *tr = type < WH_TYPE_COUNT ? &rights_of[type] : NULL;
    if (tr && tr->specific && access == tr->all) {
        emit(ctx, tr->all_name);
        return;
    }
    uint32_t left = access;
    const struct right *lists[2] = { tr ? tr->specific : NULL, standard_rights };
    for (int l = 0; l < 2; l++)
        for (const struct right *r = lists[l]; r && r->name; r++)
            if (left & r->bit) {
                emit(ctx, r->name);
                left &= ~r->bit;
            }
    if (left) {
        char hex[16];
        snprintf(hex, sizeof(hex), "0x%x", left);
        emit(ctx, hex);
    }
}

struct text_sink {
    char *buf;
    size_t len, used;
};

static void emit_text(void *ctx, const char *name)
{
    struct text_sink *s = ctx;
    int n = snprintf(s->buf + s->used, s->len - s->used, "%s%s", s->used ? "|" : "", name);
    if (n > 0)
        s->used += (size_t)n < s->len - s->used ? (size_t)n : s->len - s->used - 1;
}

void rights_text(uint32_t type, uint32_t access, char *buf, size_t len)
{
    struct text_sink sink = { buf, len, 0 };
    buf[0] = '\0';
    for_each_right(type, access, emit_text, &sink);
    if (!sink.used)
        snprintf(buf, len, "-");
}

static void emit_json(void *ctx, const char *name)
{
    json_string(ctx, name);
}

void rights_json(struct json *j, uint32_t type, uint32_t access)
{
    json_begin_array(j);
    for_each_right(type, access, emit_json, j);
    json_end_array(j);
}

/* ---- flags and origins ---- */

const char *flags_text(uint32_t flags)
{
    int inherit = (flags & HANDLE_FLAG_INHERIT) != 0;
    int protect = (flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0;
    if (inherit && protect)
        return "inherit,protect";
    return inherit ? "inherit" : protect ? "protect" : "-";
}

const char *origin_name(uint32_t origin)
{
    switch (origin) {
    case WH_ORIGIN_CREATED: return "created";
    case WH_ORIGIN_OPENED: return "opened";
    case WH_ORIGIN_DUPLICATED: return "duplicated";
    case WH_ORIGIN_INHERITED: return "inherited";
    default: return "unknown";
    }
}

void origin_text(uint32_t origin, uint32_t origin_pid, char *buf, size_t len)
{
    if (origin_pid && (origin == WH_ORIGIN_DUPLICATED || origin == WH_ORIGIN_INHERITED))
        snprintf(buf, len, "%s from %u", origin_name(origin), origin_pid);
    else
        snprintf(buf, len, "%s", origin_name(origin));
}

/* ---- state, per type (protocol.h documents state[]) ---- */

/* A process or thread has ended when its object is signaled; its exit
 * code then is the code (259 may be a real one, so it is not the test). */
static void ending_text(uint32_t signaled, uint32_t code, char *buf, size_t len)
{
    if (signaled)
        snprintf(buf, len, "exited, code %u", code);
    else
        snprintf(buf, len, "running");
}

static void mutex_text(const uint32_t state[4], uint32_t owner_pid, char *buf, size_t len)
{
    const char *abandoned = state[2] ? ", abandoned" : "";
    if (!state[0])
        snprintf(buf, len, "free%s", abandoned);
    else if (owner_pid)
        snprintf(buf, len, "owned by tid %u (pid %u), count %u%s", state[0], owner_pid,
                 state[1], abandoned);
    else
        snprintf(buf, len, "owned by tid %u, count %u%s", state[0], state[1], abandoned);
}

void state_text(uint32_t type, uint32_t signaled, const uint32_t state[4],
                uint32_t owner_pid, char *buf, size_t len)
{
    char ending[48];
    switch (type) {
    case WH_TYPE_EVENT:
        snprintf(buf, len, "%s, %s reset", signaled ? "signaled" : "not signaled",
                 state[0] ? "manual" : "auto");
        break;
    case WH_TYPE_MUTEX:
        mutex_text(state, owner_pid, buf, len);
        break;
    case WH_TYPE_SEMAPHORE:
        snprintf(buf, len, "count %u of %u", state[0], state[1]);
        break;
    case WH_TYPE_PROCESS:
        ending_text(signaled, state[1], ending, sizeof(ending));
        snprintf(buf, len, "pid %u, %s", state[0], ending);
        break;
    case WH_TYPE_THREAD:
        ending_text(signaled, state[2], ending, sizeof(ending));
        snprintf(buf, len, "tid %u of pid %u, %s", state[0], state[1], ending);
        break;
    default:
        snprintf(buf, len, "%s", signaled ? "signaled" : "not signaled");
    }
}

/* "exit_code": the code once ended, null while running. */
static void json_exit_code(struct json *j, uint32_t signaled, uint32_t code)
{
    json_key(j, "exit_code");
    if (signaled)
        json_uint(j, code);
    else
        json_null(j);
}

static void type_state_json(struct json *j, uint32_t type, uint32_t signaled,
                            const uint32_t state[4], uint32_t owner_pid)
{
    switch (type) {
    case WH_TYPE_EVENT:
        json_key_bool(j, "manual_reset", state[0] != 0);
        break;
    case WH_TYPE_MUTEX:
        json_key_uint_or_null(j, "owner_tid", state[0]);
        json_key_uint_or_null(j, "owner_pid", owner_pid);
        json_key_uint(j, "recursion", state[1]);
        json_key_bool(j, "abandoned", state[2] != 0);
        break;
    case WH_TYPE_SEMAPHORE:
        json_key_uint(j, "count", state[0]);
        json_key_uint(j, "maximum", state[1]);
        break;
    case WH_TYPE_PROCESS:
        json_key_uint(j, "pid", state[0]);
        json_key_uint_or_null(j, "bitness", state[2]);
        json_exit_code(j, signaled, state[1]);
        break;
    case WH_TYPE_THREAD:
        json_key_uint(j, "tid", state[0]);
        json_key_uint(j, "pid", state[1]);
        json_exit_code(j, signaled, state[2]);
        break;
    default:
        json_key(j, "raw");
        json_begin_array(j);
        for (int i = 0; i < 4; i++)
            json_uint(j, state[i]);
        json_end_array(j);
    }
}

void state_json(struct json *j, uint32_t type, uint32_t signaled,
                const uint32_t state[4], uint32_t owner_pid)
{
    json_begin_object(j);
    json_key_bool(j, "signaled", signaled != 0);
    type_state_json(j, type, signaled, state, owner_pid);
    json_end_object(j);
}
