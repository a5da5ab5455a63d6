#include "json.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void json_init(struct json *j, FILE *out)
{
    memset(j, 0, sizeof(*j));
    j->out = out;
}

void json_finish(struct json *j)
{
    fputc('\n', j->out);
}

static void indent(struct json *j, int depth)
{
    fputc('\n', j->out);
    for (int i = 0; i < depth; i++)
        fputs("  ", j->out);
}

/* Whatever comes before a value: nothing after a key, else a comma if the
 * container already has items, and the value's own line. */
static void before_value(struct json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth == 0)
        return;
    if (j->has_items[j->depth - 1])
        fputc(',', j->out);
    j->has_items[j->depth - 1] = 1;
    indent(j, j->depth);
}

static void begin(struct json *j, char c)
{
    before_value(j);
    fputc(c, j->out);
    /* No documented shape nests this deep: a verb that does is a bug. */
    if (j->depth >= JSON_MAX_DEPTH)
        abort();
    j->has_items[j->depth++] = 0;
}

static void end(struct json *j, char c)
{
    j->depth--;
    if (j->has_items[j->depth])
        indent(j, j->depth);
    fputc(c, j->out);
}

void json_begin_object(struct json *j) { begin(j, '{'); }
void json_end_object(struct json *j) { end(j, '}'); }
void json_begin_array(struct json *j) { begin(j, '['); }
void json_end_array(struct json *j) { end(j, ']'); }

static void escape_byte(FILE *out, unsigned char c)
{
    switch (c) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\t': fputs("\\t", out); break;
    case '\r': fputs("\\r", out); break;
    default:
        if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
}

static void write_string(FILE *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', out);
    while (len > 0) {
        size_t n = utf8_sequence(p, len);
        if (n == 1)
            escape_byte(out, p[0]);
        else if (n > 1)
            fwrite(p, 1, n, out);
        else
            fputs("\\ufffd", out);
        n = n ? n : 1;
        p += n;
        len -= n;
    }
    fputc('"', out);
}

void json_key(struct json *j, const char *key)
{
    before_value(j);
    write_string(j->out, key, strlen(key));
    fputs(": ", j->out);
    j->after_key = 1;
}

void json_string_n(struct json *j, const char *s, size_t len)
{
    before_value(j);
    write_string(j->out, s, len);
}

void json_string(struct json *j, const char *s)
{
    json_string_n(j, s, strlen(s));
}

void json_uint(struct json *j, uint64_t v)
{
    before_value(j);
    fprintf(j->out, "%" PRIu64, v);
}

void json_bool(struct json *j, int v)
{
    before_value(j);
    fputs(v ? "true" : "false", j->out);
}

void json_null(struct json *j)
{
    before_value(j);
    fputs("null", j->out);
}

void json_key_string(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_string(j, s);
}

void json_key_uint(struct json *j, const char *key, uint64_t v)
{
    json_key(j, key);
    json_uint(j, v);
}

void json_key_bool(struct json *j, const char *key, int v)
{
    json_key(j, key);
    json_bool(j, v);
}

void json_key_string_or_null(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    if (s[0])
        json_string(j, s);
    else
        json_null(j);
}

void json_key_uint_or_null(struct json *j, const char *key, uint64_t v)
{
    json_key(j, key);
    if (v)
        json_uint(j, v);
    else
        json_null(j);
}
