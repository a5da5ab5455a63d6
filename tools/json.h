/*
 * A streaming JSON writer for --json: values go straight to the stream,
 * two-space indented, with commas and nesting tracked here so the verbs
 * only say what they write.
 */
#ifndef WINHANDLE_TOOL_JSON_H
#define WINHANDLE_TOOL_JSON_H

#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
    FILE *out;
    int depth;
    int has_items[JSON_MAX_DEPTH]; /* per open container: a comma is due */
    int after_key;                 /* the next value completes "key": */
};

void json_init(struct json *j, FILE *out);
/* Ends the document with a newline. */
void json_finish(struct json *j);

void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);

/* Inside an object: the key of the next value. */
void json_key(struct json *j, const char *key);

void json_string(struct json *j, const char *s);
/* A string of len bytes that may hold anything: bytes that are not UTF-8
 * become U+FFFD, so the document stays valid. */
void json_string_n(struct json *j, const char *s, size_t len);
void json_uint(struct json *j, uint64_t v);
void json_bool(struct json *j, int v);
void json_null(struct json *j);

/* Shorthands for "key": value. */
void json_key_string(struct json *j, const char *key, const char *s);
void json_key_uint(struct json *j, const char *key, uint64_t v);
void json_key_bool(struct json *j, const char *key, int v);
/* s, or null when s is empty (an unnamed object, an unknown path). */
void json_key_string_or_null(struct json *j, const char *key, const char *s);
/* v, or null when v is 0 (a pid, a bitness: 0 means unknown). */
void json_key_uint_or_null(struct json *j, const char *key, uint64_t v);

#endif
