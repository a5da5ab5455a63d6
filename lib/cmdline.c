/*
 * Windows command lines: one string, split into arguments by the rules of
 * the Microsoft C runtime, and built back from argv by quoting so that the
 * split gives the same argv again.
 */
#include <stdlib.h>
#include <string.h>

#include "cmdline.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Append c to the growing buffer *out (capacity *cap, length *len). */
static int put(char **out, size_t *len, size_t *cap, char c)
{
    if (*len + 1 >= *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        char *n = realloc(*out, ncap);
        if (!n)
            return -1;
        *out = n;
        *cap = ncap;
    }
    (*out)[(*len)++] = c;
    return 0;
}

/*
 * Split cmdline. The program name (first argument) is special: it ends at
 * the closing quote if it starts with one, else at the first blank, and
 * backslashes mean nothing in it. In the other arguments, 2n backslashes
 * before a quote give n backslashes and the quote opens or closes a quoted
 * part; 2n+1 backslashes give n and a literal quote; inside a quoted part
 * "" is a literal quote. Returns a NULL-terminated argv (free with
 * cmdline_free_argv), or NULL when out of memory.
 */
char **cmdline_split(const char *cmdline, int *argc_out)
{
    size_t argv_cap = 8;
    int argc = 0;
    char **argv = calloc(argv_cap, sizeof(*argv));
    const char *p = cmdline;
    if (!argv)
        return NULL;
    while (*p) {
        char *arg = NULL;
        size_t len = 0, cap = 0;
        while (is_blank(*p))
            p++;
        if (!*p)
            break;
        if (argc == 0) {
            if (*p == '"') {
                for (p++; *p && *p != '"'; p++)
                    if (put(&arg, &len, &cap, *p) < 0)
                        goto oom;
                if (*p == '"')
                    p++;
            } else {
                for (; *p && !is_blank(*p); p++)
                    if (put(&arg, &len, &cap, *p) < 0)
                        goto oom;
            }
        } else {
            int quoted = 0;
            while (*p && (quoted || !is_blank(*p))) {
                size_t slashes = 0;
                while (*p == '\\') {
                    slashes++;
                    p++;
                }
                if (*p == '"') {
                    for (size_t i = 0; i < slashes / 2; i++)
                        if (put(&arg, &len, &cap, '\\') < 0)
                            goto oom;
                    if (slashes % 2) {
                        if (put(&arg, &len, &cap, '"') < 0)
                            goto oom;
                    } else if (quoted && p[1] == '"') {
                        if (put(&arg, &len, &cap, '"') < 0)
                            goto oom;
                        p++;
                    } else {
                        quoted = !quoted;
                    }
                    p++;
                } else {
                    for (size_t i = 0; i < slashes; i++)
                        if (put(&arg, &len, &cap, '\\') < 0)
                            goto oom;
                    if (*p && (quoted || !is_blank(*p))) {
                        if (put(&arg, &len, &cap, *p) < 0)
                            goto oom;
                        p++;
                    }
                }
            }
        }
        if (put(&arg, &len, &cap, '\0') < 0)
            goto oom;
        if ((size_t)argc + 2 > argv_cap) {
            char **n = realloc(argv, argv_cap * 2 * sizeof(*argv));
            if (!n) {
                free(arg);
                goto oom;
            }
            argv = n;
            argv_cap *= 2;
        }
        argv[argc++] = arg;
        argv[argc] = NULL;
        continue;
    oom:
        free(arg);
        cmdline_free_argv(argv);
        return NULL;
    }
    if (argc_out)
        *argc_out = argc;
    return argv;
}

void cmdline_free_argv(char **argv)
{
    if (!argv)
        return;
    for (char **a = argv; *a; a++)
        free(*a);
    free(argv);
}

/* Quote one argument so that cmdline_split reads it back unchanged. */
static int quote_arg(char **out, size_t *len, size_t *cap, const char *arg, int first)
{
    int needs = !*arg || strpbrk(arg, " \t\"") != NULL;
    if (!needs) {
        for (; *arg; arg++)
            if (put(out, len, cap, *arg) < 0)
                return -1;
        return 0;
    }
    if (put(out, len, cap, '"') < 0)
        return -1;
    for (const char *p = arg; *p; p++) {
        size_t slashes = 0;
        while (!first && p[slashes] == '\\')
            slashes++;
        if (slashes) {
            /* Backslashes are doubled only before a quote or the end. */
            int doubled = p[slashes] == '"' || p[slashes] == '\0';
            for (size_t i = 0; i < slashes * (doubled ? 2 : 1); i++)
                if (put(out, len, cap, '\\') < 0)
                    return -1;
            p += slashes - 1;
            continue;
        }
        if (*p == '"' && put(out, len, cap, '\\') < 0)
            return -1;
        if (put(out, len, cap, *p) < 0)
            return -1;
    }
    return put(out, len, cap, '"');
}

char *cmdline_join(char *const *argv)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    for (int i = 0; argv[i]; i++) {
        if ((i && put(&out, &len, &cap, ' ') < 0) ||
            quote_arg(&out, &len, &cap, argv[i], i == 0) < 0) {
            free(out);
            return NULL;
        }
    }
    if (put(&out, &len, &cap, '\0') < 0) {
        free(out);
        return NULL;
    }
    return out;
}
