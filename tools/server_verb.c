/*
 * winhandle server status | stop: is a server running for this session,
 * and stopping it.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "query.h"
#include "session.h"
#include "tool.h"

/* How long stop waits for the server to go. */
#define STOP_TIMEOUT_MS 10000

static void format_uptime(uint64_t ms, char *buf, size_t len)
{
    uint64_t s = ms / 1000;
    if (s < 60)
        snprintf(buf, len, "%" PRIu64 ".%01" PRIu64 " s", s, (ms % 1000) / 100);
    else if (s < 3600)
        snprintf(buf, len, "%" PRIu64 " min %02" PRIu64 " s", s / 60, s % 60);
    else
        snprintf(buf, len, "%" PRIu64 " h %02" PRIu64 " min", s / 3600, (s / 60) % 60);
}

static void status_text(const struct tool_options *opt,
                        const struct wh_server_info_reply *info)
{
    char uptime[64];
    format_uptime(info->uptime_ms, uptime, sizeof(uptime));
    printf("server running in %s\n", opt->session_dir);
    printf("  %-10s %u\n", "pid", info->server_pid);
    printf("  %-10s %u\n", "protocol", info->version);
    printf("  %-10s %s\n", "uptime", uptime);
    printf("  %-10s %u\n", "clients", info->clients);
    printf("  %-10s %u\n", "processes", info->processes);
    printf("  %-10s %u\n", "threads", info->threads);
    printf("  %-10s %u\n", "objects", info->objects);
    printf("  %-10s %u\n", "handles", info->handles);
    printf("  %-10s %" PRIu64 "\n", "requests", info->requests);
    if (info->idle_timeout_ms)
        printf("  %-10s %u ms after the last client and process\n", "idle exit",
               info->idle_timeout_ms);
    else
        printf("  %-10s never (persistent)\n", "idle exit");
}

static void status_json(const struct tool_options *opt,
                        const struct wh_server_info_reply *info)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_key_bool(&j, "running", 1);
    json_key_string(&j, "session_dir", opt->session_dir);
    json_key_uint(&j, "server_pid", info->server_pid);
    json_key_uint(&j, "protocol", info->version);
    json_key_uint(&j, "uptime_ms", info->uptime_ms);
    json_key_uint(&j, "clients", info->clients);
    json_key_uint(&j, "processes", info->processes);
    json_key_uint(&j, "threads", info->threads);
    json_key_uint(&j, "objects", info->objects);
    json_key_uint(&j, "handles", info->handles);
    json_key_uint(&j, "requests", info->requests);
    json_key_bool(&j, "persistent", info->idle_timeout_ms == 0);
    json_key_uint_or_null(&j, "idle_timeout_ms", info->idle_timeout_ms);
    json_end_object(&j);
    json_finish(&j);
}

/* "no server running", as the verb's answer on stdout. */
static int not_running(const struct tool_options *opt, const char *json_key)
{
    if (opt->json) {
        struct json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_key_bool(&j, json_key, 0);
        json_key_string(&j, "session_dir", opt->session_dir);
        json_end_object(&j);
        json_finish(&j);
    } else {
        printf("no server running in %s\n", opt->session_dir);
    }
    return EXIT_NO_SERVER;
}

/* A server we cannot talk to: say which process it is, if we can tell. */
static void explain_unreachable(const struct tool_options *opt)
{
    pid_t pid = session_dir_state(opt->session_dir) > 0
                    ? session_lock_holder(opt->session_dir) : 0;
    if (pid > 0)
        tool_error("a server (pid %d) runs there; `winhandle server stop` stops it",
                   (int)pid);
}

static int server_status(const struct tool_options *opt)
{
    struct wh_server_info_reply info;
    int rc = query_connect(opt->session_dir, &info);
    if (rc == EXIT_NO_SERVER)
        return not_running(opt, "running");
    if (rc != EXIT_OK) {
        explain_unreachable(opt);
        return rc;
    }
    if (opt->json)
        status_json(opt, &info);
    else
        status_text(opt, &info);
    return EXIT_OK;
}

/*
 * A server that refuses our hello (another protocol version, typically an
 * older build still running) cannot be asked to stop; it still exits
 * cleanly on SIGTERM, and the server lock says which process it is.
 */
static uint32_t stop_by_signal(const struct tool_options *opt)
{
    if (session_dir_state(opt->session_dir) <= 0)
        return 0;
    pid_t pid = session_lock_holder(opt->session_dir);
    if (pid <= 0 || kill(pid, SIGTERM) < 0)
        return 0;
    tool_error("sent SIGTERM to the server (pid %d) instead", (int)pid);
    return (uint32_t)pid;
}

static void stopped(const struct tool_options *opt, uint32_t pid)
{
    if (opt->json) {
        struct json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_key_bool(&j, "stopped", 1);
        json_key_string(&j, "session_dir", opt->session_dir);
        json_key_uint(&j, "server_pid", pid);
        json_end_object(&j);
        json_finish(&j);
    } else {
        printf("stopped the server (pid %u) in %s\n", pid, opt->session_dir);
    }
}

static int server_stop(const struct tool_options *opt)
{
    struct wh_server_info_reply info;
    int rc = query_connect(opt->session_dir, &info);
    uint32_t pid = info.server_pid;
    if (rc == EXIT_NO_SERVER)
        return not_running(opt, "stopped");
    if (rc != EXIT_OK) {
        if (!(pid = stop_by_signal(opt)))
            return rc;
    } else {
        uint32_t err = query_shutdown();
        if (err)
            return query_failed(err, "shutdown");
    }
    if (session_wait_gone(opt->session_dir, STOP_TIMEOUT_MS) < 0) {
        tool_error("the server (pid %u) has not exited after %d s", pid,
                   STOP_TIMEOUT_MS / 1000);
        return EXIT_FAILED;
    }
    stopped(opt, pid);
    return EXIT_OK;
}

int verb_server(const struct tool_options *opt, int argc, char **argv)
{
    if (argc == 1 && !strcmp(argv[0], "status"))
        return server_status(opt);
    if (argc == 1 && !strcmp(argv[0], "stop"))
        return server_stop(opt);
    tool_error("usage: winhandle server status|stop");
    return EXIT_USAGE;
}
