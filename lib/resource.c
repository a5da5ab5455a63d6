/*
 * A program's resources: the .res file <winhandle_resources.h> embeds
 * between the symbols winhandle_resources and winhandle_resources_end,
 * which the library finds as it finds winhandle_observer_program (weak
 * references, NULL in a program without them).
 *
 * A .res file is a run of entries, each on a DWORD boundary: DWORD data
 * size, DWORD header size, the type and the name (each 0xFFFF and a WORD
 * ordinal, or a NUL-terminated UTF-16 string), padding to a DWORD, then
 * DWORD data version, WORD memory flags, WORD language, DWORD version,
 * DWORD characteristics; the data follows the header. Every size is
 * checked against the blob: a broken .res finds nothing rather than
 * reading past it. An HRSRC is the entry's header, an HGLOBAL its data.
 *
 * The resources are the program module's (GetModuleHandleA(NULL), or a
 * NULL instance). Windows' errors: a module with no resources at all
 * gives ERROR_RESOURCE_DATA_NOT_FOUND, one without that type
 * ERROR_RESOURCE_TYPE_NOT_FOUND, one without that name
 * ERROR_RESOURCE_NAME_NOT_FOUND.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "resource.h"
#include "user_private.h"

extern const unsigned char winhandle_resources[] __attribute__((weak));
extern const unsigned char winhandle_resources_end[] __attribute__((weak));

struct res_entry {
    const unsigned char *header;
    const unsigned char *data;
    DWORD size;
    const unsigned char *type, *name; /* sz_or_ord fields in the header */
    const unsigned char *name_end;
};

static DWORD get32(const unsigned char *p)
{
    return (DWORD)p[0] | (DWORD)p[1] << 8 | (DWORD)p[2] << 16 | (DWORD)p[3] << 24;
}

static WORD get16(const unsigned char *p)
{
    return (WORD)(p[0] | p[1] << 8);
}

/* Past the sz_or_ord at p, NULL if it runs past end. */
static const unsigned char *skip_id(const unsigned char *p, const unsigned char *end)
{
    if (end - p < 2)
        return NULL;
    if (get16(p) == 0xffff)
        return end - p >= 4 ? p + 4 : NULL;
    for (; end - p >= 2; p += 2)
        if (!get16(p))
            return p + 2;
    return NULL;
}

/* The entry at *at, *at moved past it; FALSE at the end or if broken. */
static BOOL next_entry(const unsigned char **at, const unsigned char *end,
                       struct res_entry *e)
{
    const unsigned char *p = *at;
    if (end - p < 8)
        return FALSE;
    DWORD size = get32(p), header = get32(p + 4);
    if (header < 8 + 4 + 4 + 16 || header > (size_t)(end - p) ||
        size > (size_t)(end - p) - header)
        return FALSE;
    const unsigned char *h_end = p + header;
    e->header = p;
    e->type = p + 8;
    if (!(e->name = skip_id(e->type, h_end)) || !(e->name_end = skip_id(e->name, h_end)))
        return FALSE;
    e->data = p + header;
    e->size = size;
    size_t next = ((size_t)header + size + 3) & ~(size_t)3;
    *at = next >= (size_t)(end - p) ? end : p + next;
    return TRUE;
}

/* Whether the sz_or_ord at p (ending before end) is the type or name id,
 * MAKEINTRESOURCE or a string ("#123" meaning 123), case blind. */
static BOOL id_matches(const unsigned char *p, const unsigned char *end, LPCSTR id)
{
    if (IS_INTRESOURCE(id) || id[0] == '#') {
        WORD want = IS_INTRESOURCE(id) ? (WORD)(ULONG_PTR)id : (WORD)strtoul(id + 1, NULL, 10);
        return get16(p) == 0xffff && get16(p + 2) == want;
    }
    if (get16(p) == 0xffff)
        return FALSE;
    for (; p + 2 <= end; p += 2, id++) {
        WORD c = get16(p);
        if (!c || !*id)
            return !c && !*id;
        if (c > 0x7f || toupper((unsigned char)*id) != toupper(c))
            return FALSE;
    }
    return FALSE;
}

static BOOL is_program_module(HMODULE module)
{
    return !module || module == GetModuleHandleA(NULL);
}

static BOOL find_entry(HMODULE module, LPCSTR type, LPCSTR name, struct res_entry *out)
{
    if (!type || !name)
        return FAIL(ERROR_RESOURCE_TYPE_NOT_FOUND, FALSE);
    const unsigned char *p = winhandle_resources, *end = winhandle_resources_end;
    if (!is_program_module(module) || !p || !end || end <= p)
        return FAIL(ERROR_RESOURCE_DATA_NOT_FOUND, FALSE);
    BOOL type_seen = FALSE;
    struct res_entry e;
    while (next_entry(&p, end, &e)) {
        if (!id_matches(e.type, e.name, type))
            continue;
        type_seen = TRUE;
        if (id_matches(e.name, e.name_end, name)) {
            *out = e;
            return TRUE;
        }
    }
    return FAIL(type_seen ? ERROR_RESOURCE_NAME_NOT_FOUND : ERROR_RESOURCE_TYPE_NOT_FOUND,
                FALSE);
}

BOOL resource_find(HINSTANCE inst, LPCSTR type, LPCSTR name, const void **data, DWORD *size)
{
    struct res_entry e;
    *data = NULL;
    *size = 0;
    if (!find_entry(inst, type, name, &e))
        return FALSE;
    *data = e.data;
    *size = e.size;
    return TRUE;
}

/* The language is not looked at: one resource of each name. */
HRSRC WINAPI FindResourceExA(HMODULE module, LPCSTR type, LPCSTR name, WORD language)
{
    (void)language;
    struct res_entry e;
    return find_entry(module, type, name, &e) ? (HRSRC)(void *)e.header : NULL;
}

HRSRC WINAPI FindResourceA(HMODULE module, LPCSTR name, LPCSTR type)
{
    return FindResourceExA(module, type, name, 0);
}

/* Whether res is the header of one of the program's entries. */
static BOOL valid_entry(HMODULE module, HRSRC res, struct res_entry *out)
{
    const unsigned char *p = winhandle_resources, *end = winhandle_resources_end;
    if (!is_program_module(module) || !p || !end)
        return FALSE;
    while (next_entry(&p, end, out))
        if (out->header == (const unsigned char *)res)
            return TRUE;
    return FALSE;
}

HGLOBAL WINAPI LoadResource(HMODULE module, HRSRC res)
{
    struct res_entry e;
    if (!res || !valid_entry(module, res, &e))
        return FAIL(ERROR_RESOURCE_DATA_NOT_FOUND, NULL);
    return (HGLOBAL)(void *)e.data;
}

/* The data is in the program's image: locking is reading it. */
LPVOID WINAPI LockResource(HGLOBAL data)
{
    return data;
}

DWORD WINAPI SizeofResource(HMODULE module, HRSRC res)
{
    struct res_entry e;
    if (!res || !valid_entry(module, res, &e))
        return FAIL(ERROR_INVALID_HANDLE, 0);
    return e.size;
}

/* Obsolete on Windows since 32 bits: nothing to free. */
BOOL WINAPI FreeResource(HGLOBAL data)
{
    (void)data;
    return FALSE;
}

/* RT_STRING: block id / 16 + 1 holds 16 counted UTF-16 strings. */
int WINAPI LoadStringA(HINSTANCE inst, UINT id, LPSTR buf, int max)
{
    const void *data;
    DWORD size;
    if (!buf || max <= 0)
        return FAIL(ERROR_INVALID_PARAMETER, 0);
    buf[0] = 0;
    if (!resource_find(inst, RT_STRING, MAKEINTRESOURCEA((id >> 4) + 1), &data, &size))
        return 0;
    const unsigned char *p = data, *end = p + size;
    /* A block without that string: 0, and no error (as Windows). */
    for (UINT i = 0; i < (id & 15); i++) {
        if (end - p < 2 || (size_t)(end - p - 2) / 2 < get16(p))
            return 0;
        p += 2 + 2 * (size_t)get16(p);
    }
    if (end - p < 2 || (size_t)(end - p - 2) / 2 < get16(p) || !get16(p))
        return 0;
    WORD len = get16(p);
    p += 2;
    size_t n = 0;
    for (WORD i = 0; i < len; i++) {
        uint32_t c = get16(p + 2 * (size_t)i);
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < len) {
            WORD low = get16(p + 2 * (size_t)(i + 1));
            if (low >= 0xdc00 && low < 0xe000) {
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00u);
                i++;
            }
        }
        char utf8[4];
        size_t l = utf8_encode(c, utf8);
        if (n + l > (size_t)max - 1)
            break; /* truncated, as Windows does */
        memcpy(buf + n, utf8, l);
        n += l;
    }
    buf[n] = 0;
    return (int)n;
}

/* RT_ACCELERATOR: 8-byte entries (WORD flags, key, command, padding), the
 * last with 0x80 in its flags. */
HACCEL WINAPI LoadAcceleratorsA(HINSTANCE inst, LPCSTR name)
{
    const void *data;
    DWORD size;
    if (!resource_find(inst, RT_ACCELERATOR, name, &data, &size))
        return NULL;
    const unsigned char *p = data;
    DWORD count = 0;
    while (count < size / 8 && !(p[8 * count] & 0x80))
        count++;
    if (count < size / 8)
        count++; /* the one marked last */
    if (!count)
        return FAIL(ERROR_RESOURCE_DATA_NOT_FOUND, NULL);
    ACCEL *table = malloc(count * sizeof(*table));
    if (!table)
        return FAIL(ERROR_NOT_ENOUGH_MEMORY, NULL);
    for (DWORD i = 0; i < count; i++) {
        table[i].fVirt = (BYTE)(p[8 * i] & 0x7f);
        table[i].key = get16(p + 8 * i + 2);
        table[i].cmd = get16(p + 8 * i + 4);
    }
    HACCEL accel = CreateAcceleratorTableA(table, (int)count);
    free(table);
    return accel;
}
