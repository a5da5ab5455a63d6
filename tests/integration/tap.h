/* TAP-style output for integration tests: "ok N - what" / "not ok N - what". */
#ifndef WINHANDLE_TEST_TAP_H
#define WINHANDLE_TEST_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_run, tap_failed;

static void ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ok(int cond, const char *fmt, ...)
{
    va_list ap;
    tap_run++;
    if (!cond)
        tap_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tap_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

static int tap_done(void)
{
    printf("1..%d\n", tap_run);
    if (tap_failed)
        printf("# %d of %d failed\n", tap_failed, tap_run);
    return tap_failed ? 1 : 0;
}

#endif
