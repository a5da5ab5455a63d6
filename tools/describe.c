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
    [WH_TYPE_FILE] = "File",
    [WH_TYPE_PIPE] = "Pipe",
    [WH_TYPE_MAPPING] = "Section", /* Windows' name for a file mapping */
    [WH_TYPE_DESKTOP] = "Desktop",
    [WH_TYPE_WINSTA] = "WindowStation",
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
    if (!strcasecmp(name, "mapping"))
        return WH_TYPE_MAPPING;
    return 0;
}

const char *user_type_name(uint32_t type)
{
    static const char *const names[WH_USER_TYPE_COUNT] = {
        [WH_USER_WINDOW] = "Window", [WH_USER_MENU] = "Menu",
        [WH_USER_CURSOR] = "Cursor", /* icons too: one type, as in Windows */
        [WH_USER_ACCEL] = "AcceleratorTable", [WH_USER_HOOK] = "Hook",
        [WH_USER_DWP] = "WindowPosition", [WH_USER_DDE_CONV] = "DdeConversation",
    };
    return type < WH_USER_TYPE_COUNT && names[type] ? names[type] : "Unknown";
}

void user_record_json(struct json *j, const struct wh_user_record *u)
{
    json_begin_object(j);
    json_key_uint(j, "handle", u->handle);
    json_key_string(j, "type", user_type_name(u->type));
    json_key_uint_or_null(j, "owner_pid", u->owner_pid);
    json_key_uint_or_null(j, "owner_tid", u->owner_tid);
    json_key_string(j, "summary", u->summary);
    json_end_object(j);
}

const char *type_names_list(void)
{
    return "event, mutex, semaphore, process, thread, file, pipe, section (or mapping), "
           "desktop, windowstation";
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
static const struct right file_rights[] = {
    RIGHT(FILE_READ_DATA), RIGHT(FILE_WRITE_DATA), RIGHT(FILE_APPEND_DATA),
    RIGHT(FILE_READ_EA), RIGHT(FILE_WRITE_EA), RIGHT(FILE_EXECUTE),
    RIGHT(FILE_READ_ATTRIBUTES), RIGHT(FILE_WRITE_ATTRIBUTES), { 0, NULL } };
static const struct right section_rights[] = {
    RIGHT(SECTION_QUERY), RIGHT(SECTION_MAP_WRITE), RIGHT(SECTION_MAP_READ),
    RIGHT(SECTION_MAP_EXECUTE), RIGHT(SECTION_EXTEND_SIZE), { 0, NULL } };
static const struct right desktop_rights[] = {
    RIGHT(DESKTOP_READOBJECTS), RIGHT(DESKTOP_CREATEWINDOW), RIGHT(DESKTOP_CREATEMENU),
    RIGHT(DESKTOP_HOOKCONTROL), RIGHT(DESKTOP_JOURNALRECORD),
    RIGHT(DESKTOP_JOURNALPLAYBACK), RIGHT(DESKTOP_ENUMERATE), RIGHT(DESKTOP_WRITEOBJECTS),
    RIGHT(DESKTOP_SWITCHDESKTOP), { 0, NULL } };
static const struct right winsta_rights[] = {
    RIGHT(WINSTA_ENUMDESKTOPS), RIGHT(WINSTA_READATTRIBUTES), RIGHT(WINSTA_ACCESSCLIPBOARD),
    RIGHT(WINSTA_CREATEDESKTOP), RIGHT(WINSTA_WRITEATTRIBUTES),
    RIGHT(WINSTA_ACCESSGLOBALATOMS), RIGHT(WINSTA_EXITWINDOWS), RIGHT(WINSTA_ENUMERATE),
    RIGHT(WINSTA_READSCREEN), { 0, NULL } };
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
    [WH_TYPE_FILE] = { file_rights, FILE_ALL_ACCESS, "FILE_ALL_ACCESS" },
    /* A pipe end's rights are a file's, as in Windows. */
    [WH_TYPE_PIPE] = { file_rights, FILE_ALL_ACCESS, "FILE_ALL_ACCESS" },
    [WH_TYPE_MAPPING] = { section_rights, SECTION_ALL_ACCESS, "SECTION_ALL_ACCESS" },
    /* winuser.h names no DESKTOP_ALL_ACCESS: the rights are listed. */
    [WH_TYPE_DESKTOP] = { desktop_rights, 0, NULL },
    [WH_TYPE_WINSTA] = { winsta_rights, WINSTA_ALL_ACCESS, "WINSTA_ALL_ACCESS" },
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
    if (tr && tr->all_name && access == tr->all) {
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

/* Section: "64 KiB, PAGE_READWRITE, page file" */
static void section_text(const uint32_t state[4], char *buf, size_t len)
{
    uint64_t size = (uint64_t)state[1] << 32 | state[0];
    static const struct { uint32_t bit; const char *name; } protections[] = {
        { PAGE_READONLY, "PAGE_READONLY" }, { PAGE_READWRITE, "PAGE_READWRITE" },
        { PAGE_WRITECOPY, "PAGE_WRITECOPY" }, { PAGE_EXECUTE_READ, "PAGE_EXECUTE_READ" },
        { PAGE_EXECUTE_READWRITE, "PAGE_EXECUTE_READWRITE" },
        { PAGE_EXECUTE_WRITECOPY, "PAGE_EXECUTE_WRITECOPY" } };
    const char *protect = "?";
    for (size_t i = 0; i < sizeof(protections) / sizeof(protections[0]); i++)
        if ((state[2] & 0xffu) == protections[i].bit)
            protect = protections[i].name;
    const char *backing = state[3] ? "file" : "page file";
    if (size && !(size % (1u << 20)))
        snprintf(buf, len, "%llu MiB, %s, %s", (unsigned long long)(size >> 20), protect, backing);
    else if (size && !(size % 1024))
        snprintf(buf, len, "%llu KiB, %s, %s", (unsigned long long)(size >> 10), protect, backing);
    else
        snprintf(buf, len, "%llu bytes, %s, %s", (unsigned long long)size, protect, backing);
}

static const char *file_type_name(uint32_t type)
{
    switch (type) {
    case FILE_TYPE_DISK: return "disk file";
    case FILE_TYPE_CHAR: return "character device";
    case FILE_TYPE_PIPE: return "pipe";
    default: return "unknown file type";
    }
}

static const char *share_text(uint32_t share)
{
    static const char *const names[8] = {
        "none", "read", "write", "read|write", "delete", "read|delete", "write|delete",
        "read|write|delete" };
    return names[share & 7];
}

/* Pipe: which end, connected to whom; or a name's instances. */
static void pipe_text(const uint32_t state[4], char *buf, size_t len)
{
    static const char *const kinds[] = { "read end", "write end", "server end",
                                         "client end" };
    static const char *const states[] = { "listening", "connected", "closing",
                                          "disconnected" };
    if (state[0] == WH_PIPE_NAME) {
        if (state[2] == 255)
            snprintf(buf, len, "name, %u instances of unlimited", state[1]);
        else
            snprintf(buf, len, "name, %u instances of %u", state[1], state[2]);
        return;
    }
    const char *kind = state[0] < 4 ? kinds[state[0]] : "?";
    if (state[0] < WH_PIPE_SERVER_END) {
        snprintf(buf, len, "%s", kind);
        return;
    }
    const char *st = state[1] < 4 ? states[state[1]] : "?";
    const char *mode = (state[2] & PIPE_TYPE_MESSAGE) ? "message" : "byte";
    if (state[3])
        snprintf(buf, len, "%s, %s, %s mode, other end pid %u", kind, st, mode, state[3]);
    else
        snprintf(buf, len, "%s, %s, %s mode", kind, st, mode);
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
    case WH_TYPE_MAPPING:
        section_text(state, buf, len);
        break;
    case WH_TYPE_FILE:
        snprintf(buf, len, "%s, share %s", file_type_name(state[0]), share_text(state[2]));
        break;
    case WH_TYPE_PIPE:
        pipe_text(state, buf, len);
        break;
    case WH_TYPE_DESKTOP:
    case WH_TYPE_WINSTA:
        snprintf(buf, len, "-");
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

static void pipe_json(struct json *j, const uint32_t state[4])
{
    static const char *const kinds[] = { "read_end", "write_end", "server_end",
                                         "client_end", "name" };
    static const char *const states[] = { "listening", "connected", "closing",
                                          "disconnected" };
    json_key_string(j, "kind", state[0] < 5 ? kinds[state[0]] : "unknown");
    if (state[0] == WH_PIPE_NAME) {
        json_key_uint(j, "instances", state[1]);
        json_key_uint(j, "max_instances", state[2]);
    } else if (state[0] >= WH_PIPE_SERVER_END) {
        json_key_string(j, "state", state[1] < 4 ? states[state[1]] : "unknown");
        json_key_bool(j, "message_mode", (state[2] & PIPE_TYPE_MESSAGE) != 0);
        json_key_uint_or_null(j, "other_pid", state[3]);
    }
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
    case WH_TYPE_MAPPING:
        json_key_uint(j, "size", (uint64_t)state[1] << 32 | state[0]);
        json_key_uint(j, "protection", state[2]);
        json_key_bool(j, "file_backed", state[3] != 0);
        break;
    case WH_TYPE_FILE:
        json_key_string(j, "file_type", file_type_name(state[0]));
        json_key_uint(j, "access", state[1]);
        json_key_uint(j, "share", state[2]);
        break;
    case WH_TYPE_PIPE:
        pipe_json(j, state);
        break;
    case WH_TYPE_DESKTOP:
    case WH_TYPE_WINSTA:
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
