#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void *must(void *p)
{
    if (!p) {
        fputs("winhandle: out of memory\n", stderr);
        exit(3);
    }
    return p;
}

/* A printable copy: control characters and bytes that are not UTF-8
 * become '?'. */
static char *clean_copy(const char *s)
{
    char *c = must(strdup(s ? s : ""));
    size_t left = strlen(c);
    for (unsigned char *p = (unsigned char *)c; left > 0;) {
        size_t n = utf8_sequence(p, left);
        if (n == 0 || (n == 1 && (*p < 0x20 || *p == 0x7f))) {
            *p = '?';
            n = 1;
        }
        p += n;
        left -= n;
    }
    return c;
}

/* Columns a cell takes: UTF-8 continuation bytes take none. */
static size_t display_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xc0) != 0x80;
    return w;
}

static void append_row(struct table *t, const char *const *cells)
{
    if (t->rows == t->capacity) {
        t->capacity = t->capacity ? t->capacity * 2 : 16;
        t->cells = must(realloc(t->cells, t->capacity * t->columns * sizeof(char *)));
    }
    for (size_t c = 0; c < t->columns; c++)
        t->cells[t->rows * t->columns + c] = clean_copy(cells[c]);
    t->rows++;
}

void table_init(struct table *t, const char *const *headers)
{
    memset(t, 0, sizeof(*t));
    while (t->columns < TABLE_MAX_COLUMNS && headers[t->columns])
        t->columns++;
    append_row(t, headers);
}

void table_add(struct table *t, const char *const *cells)
{
    append_row(t, cells);
}

void table_print(const struct table *t, FILE *out)
{
    size_t width[TABLE_MAX_COLUMNS] = { 0 };
    if (t->rows < 2)
        return;
    for (size_t r = 0; r < t->rows; r++)
        for (size_t c = 0; c < t->columns; c++) {
            size_t w = display_width(t->cells[r * t->columns + c]);
            if (w > width[c])
                width[c] = w;
        }
    for (size_t r = 0; r < t->rows; r++) {
        for (size_t c = 0; c < t->columns; c++) {
            const char *cell = t->cells[r * t->columns + c];
            fputs(cell, out);
            if (c + 1 == t->columns)
                break;
            for (size_t pad = display_width(cell); pad < width[c] + 2; pad++)
                fputc(' ', out);
        }
        fputc('\n', out);
    }
}

void print_clean(FILE *out, const char *s)
{
    char *c = clean_copy(s);
    fputs(c, out);
    free(c);
}

void table_free(struct table *t)
{
    for (size_t i = 0; i < t->rows * t->columns; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof(*t));
}

void number_or_dash(uint32_t v, char *buf, size_t len)
{
    if (v)
        snprintf(buf, len, "%u", v);
    else
        snprintf(buf, len, "-");
}
