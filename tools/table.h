/*
 * Aligned text tables: rows are collected, then printed with each column as
 * wide as its widest cell, two spaces apart, the last column unpadded.
 * Cells are copied, with control characters replaced by '?', so a hostile
 * object name cannot move the cursor or clear the terminal.
 */
#ifndef WINHANDLE_TOOL_TABLE_H
#define WINHANDLE_TOOL_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define TABLE_MAX_COLUMNS 10

struct table {
    size_t columns;
    size_t rows, capacity;
    char **cells; /* rows * columns, row-major; row 0 is the header */
};

/* A table with these column headers (NULL-terminated list). */
void table_init(struct table *t, const char *const *headers);
/* Add a row of t->columns cells. NULL is an empty cell. */
void table_add(struct table *t, const char *const *cells);
/* Print header and rows; a table with no rows prints nothing. */
void table_print(const struct table *t, FILE *out);
void table_free(struct table *t);

/* Print s outside a table, cleaned as a cell would be (a process name in a
 * heading: any process may set its own). */
void print_clean(FILE *out, const char *s);

/* A number, or "-" when 0 means unknown (or none). */
void number_or_dash(uint32_t v, char *buf, size_t len);

#endif
