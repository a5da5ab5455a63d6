#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../protocol/elf_width.h"
#include "connection.h"
#include "desktop.h"
#include "errors.h"
#include "gdi.h"
#include "log.h"
#include "thread.h"
#include "user.h"
#include "wait.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

static struct list_entry live_processes = LIST_INIT(live_processes);
static uint32_t live_count;
/* Processes that ended while handles to them are still open. Windows keeps
 * such a process's id until its object goes, so OpenProcess still finds
 * it. The list holds no reference: process_destroy takes a process off. */
static struct list_entry ended_processes = LIST_INIT(ended_processes);

static int process_signaled(struct object *obj, struct thread *waiter)
{
    (void)waiter;
    return !((struct process *)obj)->alive;
}

static void process_dump(struct object *obj, uint32_t state[4])
{
    struct process *p = (struct process *)obj;
    state[0] = p->pid;
    state[1] = p->alive ? STILL_ACTIVE_ : p->exit_code;
    state[2] = p->bitness;
}

static void process_destroy(struct object *obj)
{
    struct process *p = (struct process *)obj;
    if (!p->alive)
        list_remove(&p->link); /* from the ended list */
    handle_table_destroy(&p->handles);
    free(p->startup);
    process_page_free(p);
    desktop_process_gone(p);
}

static const struct generic_mapping process_mapping = {
    .read = STANDARD_RIGHTS_READ_ | 0x0410u,    /* VM_READ | QUERY_INFORMATION */
    .write = STANDARD_RIGHTS_READ_ | 0x0bbau,   /* CREATE_THREAD ... SUSPEND_RESUME */
    .execute = STANDARD_RIGHTS_READ_ | SYNCHRONIZE_ | 0x1001u, /* QUERY_LIMITED | TERMINATE */
    .all = PROCESS_ALL_ACCESS_,
};

const struct object_ops process_ops = {
    .type_name = "Process",
    .type = WH_TYPE_PROCESS,
    .mapping = &process_mapping,
    .signaled = process_signaled,
    .satisfied = no_satisfied,
    .signal = no_signal,
    .dump = process_dump,
    .destroy = process_destroy,
};

struct list_entry *process_list(void)
{
    return &live_processes;
}

uint32_t process_count(void)
{
    return live_count;
}

struct process *find_process(uint32_t pid)
{
    struct list_entry *e;
    LIST_FOR_EACH(e, &live_processes) {
        struct process *p = LIST_ENTRY(e, struct process, link);
        if (p->pid == pid)
            return p;
    }
    return NULL;
}

/* The ended process with this pid whose object still lives, or NULL. A
 * pid may have been reused: the latest to end is the one it names. */
static struct process *find_ended_process(uint32_t pid)
{
    struct process *found = NULL;
    struct list_entry *e;
    LIST_FOR_EACH(e, &ended_processes) {
        struct process *p = LIST_ENTRY(e, struct process, link);
        if (p->pid == pid)
            found = p;
    }
    return found;
}

static void pidfd_event(struct fd_watch *w, uint32_t events)
{
    (void)events;
    struct process *p = (struct process *)((char *)w - offsetof(struct process, pidfd_watch));
    if (p->alive)
        process_died(p);
}

static void read_comm(uint32_t pid, char name[64])
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%u/comm", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    memset(name, 0, 64);
    if (fd < 0)
        return;
    ssize_t n = read(fd, name, 63);
    close(fd);
    if (n > 0 && name[n - 1] == '\n')
        name[n - 1] = '\0';
}

/*
 * The fields of /proc/PID/stat after the command name, into buf. The name
 * may hold spaces and parentheses, so the fields start after the last ')'.
 * Returns a pointer to field 3 (the state), or NULL.
 */
static char *proc_stat_fields(uint32_t pid, char *buf, size_t len)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%u/stat", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    return p ? p + 1 : NULL;
}

/* The parent pid of pid, from /proc, or 0. */
static uint32_t parent_of(uint32_t pid)
{
    char buf[1024], state;
    unsigned ppid = 0;
    char *fields = proc_stat_fields(pid, buf, sizeof(buf));
    if (!fields || sscanf(fields, " %c %u", &state, &ppid) != 2)
        return 0;
    return ppid;
}

struct process *create_process(uint32_t pid, uint32_t bitness, uint32_t *error)
{
    int pidfd = (int)syscall(SYS_pidfd_open, (pid_t)pid, 0);
    if (pidfd < 0) {
        *error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    fcntl(pidfd, F_SETFD, FD_CLOEXEC);
    struct process *p = alloc_object(&process_ops, sizeof(*p));
    if (!p) {
        close(pidfd);
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    p->pid = pid;
    p->parent_pid = parent_of(pid);
    p->bitness = bitness;
    p->alive = 1;
    p->pidfd_watch.fd = pidfd;
    p->pidfd_watch.callback = pidfd_event;
    p->page_fd = -1;
    handle_table_init(&p->handles);
    list_init(&p->threads);
    read_comm(pid, p->name);
    if (loop_add(&p->pidfd_watch, EPOLLIN) < 0) {
        close(pidfd);
        release_object(&p->obj);
        *error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    list_add_tail(&live_processes, &p->link);
    live_count++;
    log_debug("process %u registered (%u-bit, %s)", pid, bitness, p->name);
    *error = 0;
    return p;
}

/*
 * What a process that never called ExitProcess exited with. While it is a
 * zombie its stat still holds the wait status (field 52): a signal N gives
 * 128 + N, as a shell reports it. Once its parent reaped it nothing is
 * left to read, and we report 0.
 */
static uint32_t exit_code_from_proc(uint32_t pid)
{
    char buf[1024];
    char *fields = proc_stat_fields(pid, buf, sizeof(buf));
    int field = 2;
    for (char *tok = fields ? strtok(fields, " ") : NULL; tok; tok = strtok(NULL, " ")) {
        if (++field == 52) {
            int status = (int)strtol(tok, NULL, 10);
            if (WIFEXITED(status))
                return (uint32_t)WEXITSTATUS(status);
            if (WIFSIGNALED(status))
                return 128u + (uint32_t)WTERMSIG(status);
            return 0;
        }
    }
    return 0;
}

static void release_process_later(void *arg)
{
    release_object(arg);
}

void process_died(struct process *p)
{
    p->alive = 0;
    if (!p->exit_code_set)
        p->exit_code = exit_code_from_proc(p->pid);
    log_debug("process %u died, exit code %u", p->pid, p->exit_code);
    loop_remove(&p->pidfd_watch);
    close(p->pidfd_watch.fd);
    p->pidfd_watch.fd = -1;
    list_remove(&p->link);
    list_add_tail(&ended_processes, &p->link);
    live_count--;

    /* Threads end with the process's code unless they set their own. */
    struct list_entry *e, *next;
    LIST_FOR_EACH(e, &p->threads) {
        struct thread *t = LIST_ENTRY(e, struct thread, process_link);
        if (!t->exit_code_set) {
            t->exit_code = p->exit_code;
            t->exit_code_set = 1;
        }
    }
    close_process_connections(p);
    LIST_FOR_EACH_SAFE(e, next, &p->threads)
        thread_died(LIST_ENTRY(e, struct thread, process_link), p->exit_code);
    user_process_ended(p); /* its menus, cursors, ... once its threads' are gone */
    desktop_process_gone(p);
    gdi_process_ended(p);  /* its pens, brushes, ... */

    /* Its handles close now; the object itself stays for its handles. */
    handle_table_destroy(&p->handles);
    handle_table_init(&p->handles);
    p->handles.max = 0; /* a dead process gets no new handles */
    process_page_free(p);
    wake_up(&p->obj);
    /* The live list's reference goes after this batch of events, in case
     * one still names this pidfd watch. */
    loop_defer(release_process_later, &p->obj);
    server_check_idle();
}

/* ---- requests ---- */

#include "request.h"

DECL_HANDLER(process_exit)
{
    (void)reply;
    ctx->process->exit_code = req->exit_code;
    ctx->process->exit_code_set = 1;
}

/* The width a parent announced for the program its child will exec. */
static uint32_t announced_width(uint32_t flags)
{
    if (flags & WH_NEW_PROCESS_32BIT)
        return 32;
    return (flags & WH_NEW_PROCESS_64BIT) ? 64 : 0;
}


/* A process that never spoke to us (opened with OpenProcess): the width
 * of its executable; 0 if unreadable. */
static uint32_t exe_width(uint32_t pid)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%u/exe", pid);
    return wh_elf_width(path);
}

DECL_HANDLER(get_process_info)
{
    /* Full query rights imply the limited ones. */
    struct process *p = (struct process *)get_handle_obj_any(
        ctx->thread, req->handle,
        PROCESS_QUERY_INFORMATION_ | PROCESS_QUERY_LIMITED_INFORMATION_, &process_ops,
        &ctx->error);
    if (!p)
        return;
    reply->pid = p->pid;
    reply->exit_code = p->alive ? STILL_ACTIVE_ : p->exit_code;
    reply->bitness = p->bitness ? p->bitness : p->alive ? exe_width(p->pid) : 0;
}

/* The startup record of a new_process request, checked and copied. */
static void *copy_startup(struct request_ctx *ctx)
{
    struct wh_startup_record rec;
    if (ctx->data_len < sizeof(rec)) {
        ctx->error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    memcpy(&rec, ctx->data, sizeof(rec));
    if (rec.cmdline_len > WH_MAX_CMDLINE || rec.title_len > WH_MAX_CMDLINE ||
        rec.desktop_len > WH_MAX_CMDLINE || rec.reserved ||
        ctx->data_len != sizeof(rec) + rec.cmdline_len + rec.title_len + rec.desktop_len) {
        ctx->error = ERR_INVALID_PARAMETER;
        return NULL;
    }
    void *copy = malloc(ctx->data_len);
    if (!copy) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    memcpy(copy, ctx->data, ctx->data_len);
    return copy;
}

/* The desktop the new process starts on: its startup record's lpDesktop,
 * or its creator's. */
static uint32_t start_desktop(struct process *p, struct request_ctx *ctx)
{
    const struct wh_startup_record *rec = p->startup;
    if (!rec || !rec->desktop_len)
        return process_set_start_desktop(p, ctx->thread, NULL, 0);
    const char *name = (const char *)(rec + 1) + rec->cmdline_len + rec->title_len;
    return process_set_start_desktop(p, ctx->thread, name, rec->desktop_len);
}

DECL_HANDLER(get_startup_info)
{
    (void)req;
    struct process *p = ctx->process;
    if (!p->startup)
        return;
    const struct wh_startup_record *rec = p->startup;
    uint32_t len = (uint32_t)sizeof(*rec) + rec->cmdline_len + rec->title_len + rec->desktop_len;
    void *out = reply_append(ctx, len);
    if (!out)
        return;
    memcpy(out, p->startup, len);
    reply->found = 1;
}

DECL_HANDLER(new_process)
{
    int suspended = (req->flags & WH_NEW_PROCESS_SUSPENDED) != 0;
    int gate = suspended ? connection_take_fd(ctx->conn) : -1;
    struct process *p = NULL;
    struct thread *t = NULL;
    /* Only a process's own parent may announce it, and only once, while
     * it is a fresh fork that has not spoken yet. */
    if ((suspended && gate < 0) || parent_of(req->pid) != ctx->process->pid ||
        find_process(req->pid) || ctx->data_len > WH_MAX_REQUEST_SIZE)
        ctx->error = ERR_INVALID_PARAMETER;
    else if ((p = create_process(req->pid, announced_width(req->flags), &ctx->error)) &&
             !(t = create_thread(p, req->pid)))
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
    if (t && (req->flags & WH_NEW_PROCESS_INHERIT))
        ctx->error = handle_table_inherit(&p->handles, &ctx->process->handles,
                                          ctx->process->pid);
    if (ctx->error) {
        /* The caller kills the child; its pidfd then retires the object. */
        if (gate >= 0)
            close(gate);
        return;
    }
    if (ctx->data_len && !(p->startup = copy_startup(ctx)))
        return;
    if ((ctx->error = start_desktop(p, ctx)))
        return;
    if (gate >= 0)
        thread_hold_at_gate(t, gate);
    reply->process_handle = alloc_handle_for(ctx, &p->obj, GENERIC_ALL_,
                                             req->inherit_process);
    if (!reply->process_handle)
        return;
    reply->thread_handle = alloc_handle_for(ctx, &t->obj, GENERIC_ALL_,
                                            req->inherit_thread);
    if (!reply->thread_handle) {
        handle_close(&ctx->process->handles, reply->process_handle);
        reply->process_handle = 0;
    }
}

DECL_HANDLER(child_exited)
{
    (void)reply;
    struct process *p = find_process(req->pid);
    if (!p)
        return; /* its death is already recorded */
    /* A zombie still names its parent; only that parent reaps it. */
    if (parent_of(req->pid) != ctx->process->pid) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    if (!p->exit_code_set) {
        p->exit_code = req->exit_code;
        p->exit_code_set = 1;
    }
    process_died(p);
}

/* Is pid a process that has ended but not been reaped (a zombie)? */
static int is_zombie(uint32_t pid)
{
    char buf[1024], state = 0;
    char *fields = proc_stat_fields(pid, buf, sizeof(buf));
    return fields && sscanf(fields, " %c", &state) == 1 && (state == 'Z' || state == 'X');
}

/* May the server's user reach this live Linux process? 0 or a Win32 error.
 * A zombie is not live: it has ended, only its parent has not reaped it. */
static uint32_t check_linux_process(uint32_t pid)
{
    char path[64];
    struct stat st;
    snprintf(path, sizeof(path), "/proc/%u", pid);
    if (!pid || stat(path, &st) < 0 || is_zombie(pid))
        return ERR_INVALID_PARAMETER;
    return st.st_uid == getuid() ? 0 : ERR_ACCESS_DENIED;
}

/*
 * OpenProcess. Any live process of the session's user can be opened, a
 * plain Linux one included: it is registered on the spot and watched like
 * the others, so its handle signals when it ends. An ended process is
 * found while handles keep its object, unless its pid now names a live one.
 */
static struct object *open_process(uint32_t pid, uint32_t *error)
{
    struct process *p = find_process(pid);
    if (!p && !(*error = check_linux_process(pid)))
        p = create_process(pid, 0, error);
    if (!p && *error == ERR_INVALID_PARAMETER && (p = find_ended_process(pid)))
        *error = 0;
    return p ? &p->obj : NULL;
}

/* OpenThread: the threads the server knows (those that have called it, or
 * were made by CreateThread/CreateProcessA), ended ones included while
 * their object lives. */
static struct object *open_thread(uint32_t tid, uint32_t *error)
{
    struct thread *t = find_thread(tid);
    if (!t)
        t = find_ended_thread(tid);
    if (!t)
        *error = ERR_INVALID_PARAMETER;
    return t ? &t->obj : NULL;
}

DECL_HANDLER(open_by_id)
{
    struct object *obj = NULL;
    if (req->type == WH_TYPE_PROCESS)
        obj = open_process(req->id, &ctx->error);
    else if (req->type == WH_TYPE_THREAD)
        obj = open_thread(req->id, &ctx->error);
    else
        ctx->error = ERR_INVALID_PARAMETER;
    if (obj)
        reply->handle = alloc_handle_for(ctx, obj, req->access, req->inherit);
}

DECL_HANDLER(terminate_process)
{
    struct process *p = (struct process *)get_handle_obj(
        ctx->thread, req->handle, PROCESS_TERMINATE_, &process_ops, &ctx->error);
    if (!p)
        return;
    if (!p->alive) {
        ctx->error = ERR_ACCESS_DENIED; /* Windows' answer for an ended process */
        return;
    }
    /* The first word on how it ends wins: ExitProcess already under way
     * keeps its code. */
    if (!p->exit_code_set) {
        p->exit_code = req->exit_code;
        p->exit_code_set = 1;
    }
    if (syscall(SYS_pidfd_send_signal, p->pidfd_watch.fd, SIGKILL, NULL, 0) < 0) {
        ctx->error = ERR_ACCESS_DENIED;
        return;
    }
    reply->self = p == ctx->process;
}
