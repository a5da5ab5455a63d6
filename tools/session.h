/*
 * The session directory as the inspector sees it, without the protocol:
 * is it private, does anything listen on its socket, which process holds
 * the server lock, and has the server gone. The inspector only looks: it
 * creates nothing there and never starts a server.
 */
#ifndef WINHANDLE_TOOL_SESSION_H
#define WINHANDLE_TOOL_SESSION_H

#include <sys/types.h>

/* 1: a private directory of ours; 0: it does not exist (so no server
 * runs); -1: it exists but is not private (reported on stderr). */
int session_dir_state(const char *dir);

/* Does anything accept connections on the session's socket? */
int session_socket_answers(const char *dir);

/* The pid holding the session's server lock (the live server, whatever
 * protocol it speaks), from /proc/locks; 0 if none or unknown. */
pid_t session_lock_holder(const char *dir);

/* Wait up to timeout_ms for the socket to vanish and the server lock to be
 * free (the server has exited). Returns 0, or -1 on timeout. */
int session_wait_gone(const char *dir, int timeout_ms);

#endif
