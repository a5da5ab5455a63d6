/*
 * The width of a program from its ELF header's class, for the library
 * (announcing the width of a child before it runs) and the server (the
 * width of a process that never spoke to it). Not wire protocol: a fact
 * both sides read the same way, so it lives once, here.
 */
#ifndef WINHANDLE_PROTOCOL_ELF_WIDTH_H
#define WINHANDLE_PROTOCOL_ELF_WIDTH_H

#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

/* 32 or 64; 0 if path is not a readable ELF file (a script, say). */
static inline uint32_t wh_elf_width(const char *path)
{
    unsigned char ident[5];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, ident, sizeof(ident));
    close(fd);
    if (n != (ssize_t)sizeof(ident) || memcmp(ident, "\177ELF", 4))
        return 0;
    return ident[4] == 1 ? 32 : ident[4] == 2 ? 64 : 0;
}

#endif
