/* Every group of cases, in the order the table shows them. Add a group's
 * line here when you add a cases_AREA.c. */
#include "bench.h"

extern const struct bench_group bench_kernel;
extern const struct bench_group bench_ipc;
extern const struct bench_group bench_trace;
extern const struct bench_group bench_gdi;
extern const struct bench_group bench_user;
extern const struct bench_group bench_dialog;
extern const struct bench_group bench_dde;

const struct bench_group *const bench_groups[] = {
    &bench_kernel,
    &bench_ipc,
    &bench_trace,
    &bench_gdi,
    &bench_user,
    &bench_dialog,
    &bench_dde,
    NULL,
};
