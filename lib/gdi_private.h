/*
 * What the library's GDI files share. Nothing here is public API.
 */
#ifndef WINHANDLE_LIB_GDI_PRIVATE_H
#define WINHANDLE_LIB_GDI_PRIVATE_H

#include "user_private.h"

/* A GDI handle's uniqueness is below 0x80, so its value is positive, as
 * a USER handle's is: the same conversions serve both. */
#define gdi_to_wire user_to_wire
#define wire_to_gdi wire_to_user

/* A new object of type (WH_GDI_*) from its record and what follows it;
 * NULL with the last error set (or left alone, as Windows does for some
 * bad arguments). */
HGDIOBJ gdi_create(uint32_t type, const void *rec, uint32_t rec_len, const void *more,
                   uint32_t more_len, uint32_t bits_len);

/* The object's type (0: no such object, last error untouched) and its
 * record (malloc'd, *len bytes; free it). */
uint32_t gdi_fetch(HGDIOBJ h, void **data, uint32_t *len);

#endif
