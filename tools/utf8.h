/*
 * UTF-8 validation for names, which are bytes as the programs gave them:
 * JSON must stay valid UTF-8 and a terminal must not get stray bytes.
 */
#ifndef WINHANDLE_TOOL_UTF8_H
#define WINHANDLE_TOOL_UTF8_H

#include <stddef.h>

/* The length of the valid UTF-8 sequence at s (len > 0 bytes left), or 0
 * when s does not start one (overlong forms and surrogates included). */
size_t utf8_sequence(const unsigned char *s, size_t len);

#endif
