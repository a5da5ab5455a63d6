/* A raw connection to the test's server, for tests that speak the
 * protocol byte by byte: -1 if it cannot be reached. Replies wait 5
 * seconds at most, so a server that stops answering fails a test rather
 * than hanging it. */
#ifndef WINHANDLE_TEST_RAW_CONN_H
#define WINHANDLE_TEST_RAW_CONN_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

static int raw_connect(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    snprintf(addr.sun_path, sizeof(addr.sun_path), "%s/server", getenv("WINHANDLE_DIR"));
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("connect");
        close(fd);
        fd = -1;
    }
    struct timeval tv = { 5, 0 };
    if (fd >= 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    return fd;
}

#endif
