/*
 * DDE string handles: the session's atoms. Windows makes an HSZ a global
 * atom, so the same string gives the same handle in every process and
 * compares case-insensitively; a reference count frees it. Values are
 * 0xC000 + index, as string atoms are on Windows.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dde.h"
#include "errors.h"

#define ATOM_BASE 0xc000u
#define MAX_ATOMS 0x3fffu

struct atom {
    char *text; /* NULL when free */
    uint32_t refs;
};

static struct atom *atoms;
static uint32_t atom_count, atom_cap;

uint32_t dde_atom_add(const char *text, uint32_t len, uint32_t *error)
{
    uint32_t free_slot = MAX_ATOMS;
    if (!len || len > WH_MAX_ATOM_LEN || memchr(text, '\0', len)) {
        *error = ERR_INVALID_PARAMETER;
        return 0;
    }
    for (uint32_t i = 0; i < atom_count; i++) {
        if (!atoms[i].text) {
            if (free_slot == MAX_ATOMS)
                free_slot = i;
        } else if (strlen(atoms[i].text) == len && !strncasecmp(atoms[i].text, text, len)) {
            atoms[i].refs++;
            return ATOM_BASE + i;
        }
    }
    if (free_slot == MAX_ATOMS) {
        if (atom_count == MAX_ATOMS) {
            *error = ERR_NOT_ENOUGH_MEMORY;
            return 0;
        }
        if (atom_count == atom_cap) {
            uint32_t cap = atom_cap ? atom_cap * 2 : 64;
            struct atom *a = realloc(atoms, cap * sizeof(*a));
            if (!a) {
                *error = ERR_NOT_ENOUGH_MEMORY;
                return 0;
            }
            atoms = a;
            atom_cap = cap;
        }
        free_slot = atom_count++;
    }
    if (!(atoms[free_slot].text = strndup(text, len))) {
        *error = ERR_NOT_ENOUGH_MEMORY;
        return 0;
    }
    atoms[free_slot].refs = 1;
    return ATOM_BASE + free_slot;
}

const char *dde_atom_text(uint32_t atom)
{
    uint32_t i = atom - ATOM_BASE;
    return atom >= ATOM_BASE && i < atom_count ? atoms[i].text : NULL;
}

int dde_atom_ref(uint32_t atom, int delta)
{
    uint32_t i = atom - ATOM_BASE;
    if (!dde_atom_text(atom))
        return 0;
    if (delta > 0) {
        atoms[i].refs++;
    } else if (--atoms[i].refs == 0) {
        free(atoms[i].text);
        atoms[i].text = NULL;
    }
    return 1;
}
