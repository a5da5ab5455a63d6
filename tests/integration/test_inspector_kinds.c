/*
 * The inspector names and describes every kind of kernel object: a
 * section, a file, pipe ends, a named pipe instance, the desktop and the
 * window station, in text and in JSON.
 *
 *   test_inspector_kinds WINHANDLE_TOOL      (under isolate.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "run_tool.h"
#include "tap.h"

static char out[1 << 16];

static void has(const char *what, const char *text)
{
    ok(strstr(out, text) != NULL, "%s: \"%s\"", what, text);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_inspector_kinds WINHANDLE_TOOL\n");
        return 2;
    }
    char path[MAX_PATH], pipe_name[64], cmd[MAX_PATH + 64];
    snprintf(path, sizeof(path), "%s/kinds.txt", getenv("WINHANDLE_DIR"));
    snprintf(pipe_name, sizeof(pipe_name), "\\\\.\\pipe\\kinds-%lu",
             (unsigned long)GetCurrentProcessId());
    HANDLE section = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 65536,
                                        NULL);
    HANDLE file = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL,
                              CREATE_ALWAYS, 0, NULL);
    HANDLE r, w;
    BOOL piped = CreatePipe(&r, &w, NULL, 0);
    HANDLE server = CreateNamedPipeA(pipe_name, PIPE_ACCESS_DUPLEX,
                                     PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 2, 512, 512,
                                     0, NULL);
    HDESK desk = GetThreadDesktop(GetCurrentThreadId());
    HWINSTA sta = GetProcessWindowStation();
    ok(section && file != INVALID_HANDLE_VALUE && piped && server != INVALID_HANDLE_VALUE &&
           desk && sta,
       "a section, a file, a pipe, a named pipe, the desktop and the window station");

    snprintf(cmd, sizeof(cmd), "\"%s\" handles %lu", argv[1],
             (unsigned long)GetCurrentProcessId());
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle handles PID");
    has("the section", "Section");
    has("its state", "64 KiB, PAGE_READWRITE, page file");
    has("its rights, as PAGE_READWRITE gives them", "SECTION_MAP_WRITE|SECTION_MAP_READ");
    has("the file", "disk file, share read");
    has("the anonymous pipe", "read end");
    has("the other end", "write end");
    has("the named pipe", "server end, listening, message mode");
    has("the desktop", "Desktop");
    has("the window station", "WindowStation");
    ok(!strstr(out, "Unknown"), "no type is Unknown");
    if (!strstr(out, "Section") || strstr(out, "Unknown"))
        fprintf(stderr, "%s\n", out);

    snprintf(cmd, sizeof(cmd), "\"%s\" handles %lu --json", argv[1],
             (unsigned long)GetCurrentProcessId());
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0, "winhandle handles PID --json");
    has("the section's size", "\"size\": 65536");
    has("its backing", "\"file_backed\": false");
    has("the file's type", "\"file_type\": \"disk file\"");
    has("a pipe end's kind", "\"kind\": \"read_end\"");
    has("the named pipe's state", "\"state\": \"listening\"");
    has("and mode", "\"message_mode\": true");

    snprintf(cmd, sizeof(cmd), "\"%s\" handles %lu --type section", argv[1],
             (unsigned long)GetCurrentProcessId());
    ok(run_tool(cmd, out, sizeof(out), NULL) == 0 && strstr(out, "Section") &&
           !strstr(out, "Pipe"),
       "--type section keeps the section alone");
    /* More handles than one page of list_handles (WH_LIST_PAGE, 4096):
     * the inspector must page through them all. */
    enum { COPIES = 9000 };
    for (int i = 0; i < COPIES; i++) {
        HANDLE copy;
        if (!DuplicateHandle(GetCurrentProcess(), section, GetCurrentProcess(), &copy, 0,
                             FALSE, DUPLICATE_SAME_ACCESS))
            break;
    }
    static char big[8 << 20];
    snprintf(cmd, sizeof(cmd), "\"%s\" handles %lu --type section", argv[1],
             (unsigned long)GetCurrentProcessId());
    ok(run_tool(cmd, big, sizeof(big), NULL) == 0, "handles PID with %d sections", COPIES + 1);
    int sections = 0;
    for (const char *p = big; (p = strstr(p, "Section ")); p++)
        sections++;
    ok(sections == COPIES + 1, "lists every one of them, across pages (%d)", sections);
    CloseHandle(server);
    CloseHandle(r);
    CloseHandle(w);
    CloseHandle(file);
    CloseHandle(section);
    DeleteFileA(path);
    return tap_done();
}
