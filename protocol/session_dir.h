/*
 * Where a session's server lives. Shared by the server and the library,
 * which must agree on it exactly:
 *   $WINHANDLE_DIR, else $XDG_RUNTIME_DIR/winhandle, else /tmp/winhandle-$UID.
 * The directory is mode 0700 and owned by the caller; anything else is
 * refused, so another user can never plant a server for us to talk to.
 */
#ifndef WINHANDLE_PROTOCOL_SESSION_DIR_H
#define WINHANDLE_PROTOCOL_SESSION_DIR_H

#include <stddef.h>

#define WH_SOCKET_NAME "server"
#define WH_SERVER_LOCK_NAME "server.lock" /* held by the live server */
#define WH_START_LOCK_NAME "start.lock"   /* held by a client starting one */
#define WH_LOG_NAME "winhandled.log"

/* The session directory's path. Returns 0, or -1 if it does not fit. */
int wh_session_dir_path(char *buf, size_t len);

/* Create the directory if missing and check it. Returns 0, or -1 with a
 * reason in err. */
int wh_session_dir_prepare(const char *dir, char *err, size_t errlen);

/* dir + "/" + name into buf. Returns 0, or -1 if it does not fit. */
int wh_session_file(char *buf, size_t len, const char *dir, const char *name);

#endif
