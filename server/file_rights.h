/*
 * What files and pipe ends share: Windows' file rights, their generic
 * mapping (both are "File" objects to Windows), and handing a descriptor
 * to a client.
 */
#ifndef WINHANDLED_FILE_RIGHTS_H
#define WINHANDLED_FILE_RIGHTS_H

#include <stdint.h>

#include "object.h"

#define FILE_READ_DATA_ 0x0001u
#define FILE_WRITE_DATA_ 0x0002u
#define FILE_APPEND_DATA_ 0x0004u
#define FILE_EXECUTE_ 0x0020u
#define FILE_READ_ATTRIBUTES_ 0x0080u
#define FILE_WRITE_ATTRIBUTES_ 0x0100u
#define DELETE_ 0x00010000u
#define FILE_GENERIC_READ_ 0x00120089u
#define FILE_GENERIC_WRITE_ 0x00120116u
#define FILE_GENERIC_EXECUTE_ 0x001200a0u
#define FILE_ALL_ACCESS_ 0x001f01ffu

/* GetFileType's answers (winbase.h). */
#define FILE_TYPE_UNKNOWN_ 0u
#define FILE_TYPE_DISK_ 1u
#define FILE_TYPE_CHAR_ 2u
#define FILE_TYPE_PIPE_ 3u

extern const struct generic_mapping file_generic_mapping;
extern const struct object_ops file_ops;

/* A close-on-exec copy of fd for a client; 0, or a Win32 error. */
uint32_t dup_for_client(int fd, int *out);
/* A read-only descriptor for the same file, reopened through /proc so
 * the client cannot mmap it for writing whatever it asks; without /proc,
 * a plain duplicate. 0, or a Win32 error. */
uint32_t read_only_for_client(int fd, int *out);

/* Files and pipes hold descriptors here (a connected named pipe two), and
 * so does every client thread (three): take all the descriptors the hard
 * limit allows rather than the usual 1024. Once, at listen; harmless
 * again. */
void raise_descriptor_limit(void);

/* Files and pipe ends are always signaled: no I/O is ever left pending. */
int always_signaled(struct object *obj, struct thread *thread);

#endif
