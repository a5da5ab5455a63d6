/*
 * The reaper: Windows has no zombies, so the children CreateProcessA makes
 * must be reaped, and their exit codes must not be lost on the way.
 *
 * One thread per process, started with the first child, waits on the
 * children's pidfds. When one ends it reads the exit status without
 * reaping (WNOWAIT), tells the server (child_exited, so a process killed by
 * a signal gets an exit code even if the server has not looked at it yet),
 * and only then reaps. The thread talks to the server like any thread of
 * the process, so `winhandle ps` counts it; it runs no user code.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "private.h"
#include "reaper.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#define P_PIDFD_ 3

static pthread_mutex_t reaper_lock = PTHREAD_MUTEX_INITIALIZER;
static int reaper_epoll = -1;
static int atfork_installed;

/* A child's ending, as Windows would report it: its exit code, or 128 + N
 * for signal N (what a shell says; ExitProcess/TerminateProcess codes win
 * in the server when they were given). */
static uint32_t exit_code_of(const siginfo_t *si)
{
    if (si->si_code == CLD_EXITED)
        return (uint32_t)si->si_status;
    return 128u + (uint32_t)si->si_status;
}

static void reap_one(uint64_t data)
{
    int pidfd = (int)(data & 0xffffffffu);
    uint32_t pid = (uint32_t)(data >> 32);
    siginfo_t si = { 0 };
    if (waitid((idtype_t)P_PIDFD_, (id_t)pidfd, &si, WEXITED | WNOWAIT) == 0) {
        struct wh_child_exited_request req = { .pid = pid, .exit_code = exit_code_of(&si) };
        struct wh_child_exited_reply reply;
        SERVER_CALL(child_exited, &req, &reply, NULL, 0);
        while (waitid((idtype_t)P_PIDFD_, (id_t)pidfd, &si, WEXITED) < 0 && errno == EINTR)
            ;
    }
    /* Reaped here, or by someone else (the program's own waitpid). */
    epoll_ctl(reaper_epoll, EPOLL_CTL_DEL, pidfd, NULL);
    close(pidfd);
}

static void *reaper_main(void *arg)
{
    (void)arg;
    for (;;) {
        struct epoll_event ev[16];
        int n = epoll_wait(reaper_epoll, ev, 16, -1);
        for (int i = 0; i < n; i++)
            reap_one(ev[i].data.u64);
    }
    return NULL;
}

/* The child of a fork has no reaper thread: it starts its own if needed. */
static void reaper_after_fork(void)
{
    if (reaper_epoll >= 0)
        close(reaper_epoll);
    reaper_epoll = -1;
    pthread_mutex_init(&reaper_lock, NULL);
}

static int start_reaper(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0)
        return -1;
    /* Signals meant for the program must never land on this thread. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_t thread;
    reaper_epoll = ep;
    int rc = pthread_create(&thread, &attr, reaper_main, NULL);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc) {
        close(ep);
        reaper_epoll = -1;
        return -1;
    }
    if (!atfork_installed) {
        atfork_installed = 1;
        pthread_atfork(NULL, NULL, reaper_after_fork);
    }
    return 0;
}

int reaper_watch(pid_t pid)
{
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (pidfd < 0)
        return -1;
    pthread_mutex_lock(&reaper_lock);
    int rc = reaper_epoll >= 0 ? 0 : start_reaper();
    if (rc == 0) {
        struct epoll_event ev = { .events = EPOLLIN,
                                  .data.u64 = ((uint64_t)(uint32_t)pid << 32) |
                                              (uint32_t)pidfd };
        rc = epoll_ctl(reaper_epoll, EPOLL_CTL_ADD, pidfd, &ev);
    }
    pthread_mutex_unlock(&reaper_lock);
    if (rc < 0)
        close(pidfd);
    return rc;
}
