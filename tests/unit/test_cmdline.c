/* Unit tests of Windows command-line splitting and joining (lib/cmdline.c). */
#include <stdlib.h>
#include <string.h>

#include "../../lib/cmdline.h"
#include "check.h"

/* Split line and compare with the expected NULL-terminated list. */
static int splits_to(const char *line, const char *const *want)
{
    int argc, i;
    char **argv = cmdline_split(line, &argc);
    int same = argv != NULL;
    for (i = 0; same && want[i]; i++)
        same = i < argc && !strcmp(argv[i], want[i]);
    same = same && i == argc;
    if (!same) {
        fprintf(stderr, "split of [%s]:", line);
        for (int k = 0; argv && k < argc; k++)
            fprintf(stderr, " [%s]", argv[k]);
        fprintf(stderr, "\n");
    }
    cmdline_free_argv(argv);
    return same;
}

#define SPLITS(line, ...) CHECK(splits_to(line, (const char *const[]){ __VA_ARGS__, NULL }))

static void test_split(void)
{
    SPLITS("prog a b", "prog", "a", "b");
    SPLITS("  prog   a\tb  ", "prog", "a", "b");
    SPLITS("\"C:\\Program Files\\x.exe\" y", "C:\\Program Files\\x.exe", "y");
    SPLITS("prog \"a b\" c", "prog", "a b", "c");
    SPLITS("prog a\\\\\\\"b", "prog", "a\\\"b");  /* 3 backslashes + quote */
    SPLITS("prog a\\\\\"b c\"", "prog", "a\\b c");  /* 2 backslashes + quote */
    SPLITS("prog a\\b", "prog", "a\\b");            /* no quote: literal */
    SPLITS("prog \"a\"\"b\"", "prog", "a\"b");      /* "" inside quotes */
    SPLITS("prog \"\"", "prog", "");
    SPLITS("c:\\dir\\prog.exe \"x", "c:\\dir\\prog.exe", "x"); /* program name: no escapes */
}

static void test_round_trip(void)
{
    const char *const cases[][4] = {
        { "/bin/prog", "plain", NULL },
        { "/path with space/prog", "a b", "", NULL },
        { "prog", "quote\"inside", "trailing\\", NULL },
        { "prog", "back\\\\slashes\\\"and quote", "tab\there", NULL },
    };
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        char *line = cmdline_join((char *const *)cases[c]);
        CHECK(line != NULL);
        CHECK(splits_to(line, cases[c]));
        free(line);
    }
}

int main(void)
{
    test_split();
    test_round_trip();
    return check_summary("cmdline");
}
