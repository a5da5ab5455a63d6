#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "connection.h"
#include "errors.h"
#include "log.h"
#include "thread.h"
#include "wait.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

static struct list_entry live_processes = LIST_INIT(live_processes);
static uint32_t live_count;

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
    handle_table_destroy(&p->handles);
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
    p->bitness = bitness;
    p->alive = 1;
    p->pidfd_watch.fd = pidfd;
    p->pidfd_watch.callback = pidfd_event;
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

    /* Its handles close now; the object itself stays for its handles. */
    handle_table_destroy(&p->handles);
    handle_table_init(&p->handles);
    p->handles.max = 0; /* a dead process gets no new handles */
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

DECL_HANDLER(new_process)
{
    /* Only a process's own parent may announce it. */
    if (parent_of(req->pid) != ctx->process->pid) {
        ctx->error = ERR_INVALID_PARAMETER;
        return;
    }
    struct process *p = find_process(req->pid);
    if (!p && !(p = create_process(req->pid, 0, &ctx->error)))
        return;
    struct thread *t = process_find_thread(p, req->pid);
    if (!t && !(t = create_thread(p, req->pid))) {
        ctx->error = ERR_NOT_ENOUGH_MEMORY;
        return;
    }
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
