/*
 * Window classes: per process, as Windows' application classes are (a
 * class registered in one process is unknown in another), so they live
 * here and cost no round trip. A class is found by name, case blind, or
 * by its atom; its key is (name, instance) as on Windows, a NULL instance
 * meaning the program's own module, and a CS_GLOBALCLASS class is found
 * whatever the instance asked. Atoms are 0xC000 and up, like the string
 * atoms Windows hands out, unique within the process.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "user_private.h"
#include "window_private.h"

#define MAX_CLASSES 4096
#define FIRST_ATOM 0xC000u

static struct window_class *classes[MAX_CLASSES];
static uint32_t class_count;
static ATOM next_atom = FIRST_ATOM;
static pthread_mutex_t class_lock = PTHREAD_MUTEX_INITIALIZER;

/* MAKEINTATOM(atom) or a string. */
static int is_atom(LPCSTR name)
{
    return ((uintptr_t)name >> 16) == 0;
}

static HINSTANCE default_instance(HINSTANCE instance)
{
    return instance ? instance : GetModuleHandleA(NULL);
}

/* Under class_lock. How Windows finds a class ("How the System Locates a
 * Class"): an application local class of that name registered for the
 * instance, else an application global one (CS_GLOBALCLASS), whatever
 * its instance. With local 0 only global classes are looked at; a NULL
 * instance takes any local class (Wine's answer, for UnregisterClassA).
 * An atom names one class of the process, whatever the instance. */
static int find_index(LPCSTR name, HINSTANCE instance, int local)
{
    int global = -1;
    for (uint32_t i = 0; i < class_count; i++) {
        struct window_class *c = classes[i];
        int match = is_atom(name) ? c->atom == (ATOM)(uintptr_t)name
                                  : strcasecmp(c->name, name) == 0;
        if (!match)
            continue;
        if (is_atom(name) || (local && (!instance || c->info.hInstance == instance)))
            return (int)i;
        if (global < 0 && (c->info.style & CS_GLOBALCLASS))
            global = (int)i;
    }
    return global;
}

static char *dup_name(LPCSTR s)
{
    if (!s || is_atom(s))
        return (char *)s; /* an integer resource id stays one */
    return strdup(s);
}

ATOM WINAPI RegisterClassExA(const WNDCLASSEXA *wc)
{
    if (!wc || wc->cbSize != sizeof(*wc) || !wc->lpszClassName || wc->cbClsExtra < 0 ||
        wc->cbWndExtra < 0 || (uint32_t)wc->cbWndExtra > WH_MAX_WINDOW_EXTRA ||
        is_atom(wc->lpszClassName) || !wc->lpszClassName[0]) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    /* A name is an atom's: 255 characters at most. Microsoft says only
     * that a longer one fails; Wine's error is this one. */
    if (strnlen(wc->lpszClassName, 256) > 255) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    struct window_class *c = calloc(1, sizeof(*c));
    if (!c || !(c->name = strdup(wc->lpszClassName))) {
        free(c);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    c->info = *wc;
    c->info.hInstance = default_instance(wc->hInstance);
    c->info.lpszClassName = c->name;
    c->info.lpszMenuName = c->menu_name = dup_name(wc->lpszMenuName);
    pthread_mutex_lock(&class_lock);
    uint32_t error = 0;
    if (find_index(c->name, c->info.hInstance, 1) >= 0)
        error = ERROR_CLASS_ALREADY_EXISTS;
    else if (class_count == MAX_CLASSES || next_atom == 0xffffu)
        error = ERROR_NOT_ENOUGH_MEMORY;
    else {
        c->atom = next_atom++;
        classes[class_count++] = c;
    }
    pthread_mutex_unlock(&class_lock);
    if (error) {
        if (!is_atom(c->menu_name))
            free(c->menu_name);
        free(c->name);
        free(c);
        SetLastError(error);
        return 0;
    }
    return c->atom;
}

ATOM WINAPI RegisterClassA(const WNDCLASSA *wc)
{
    if (!wc) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    WNDCLASSEXA ex = {
        .cbSize = sizeof(ex), .style = wc->style, .lpfnWndProc = wc->lpfnWndProc,
        .cbClsExtra = wc->cbClsExtra, .cbWndExtra = wc->cbWndExtra,
        .hInstance = wc->hInstance, .hIcon = wc->hIcon, .hCursor = wc->hCursor,
        .hbrBackground = wc->hbrBackground, .lpszMenuName = wc->lpszMenuName,
        .lpszClassName = wc->lpszClassName,
    };
    return RegisterClassExA(&ex);
}

/* Whether a window of this process still has the class; the server
 * knows every window, those its threads' endings destroyed included. */
static uint32_t class_windows_error(ATOM atom)
{
    struct wh_class_has_windows_request req = { .atom = atom };
    struct wh_class_has_windows_reply reply;
    uint32_t error = SERVER_CALL(class_has_windows, &req, &reply, NULL, 0);
    return error ? error : reply.found ? ERROR_CLASS_HAS_WINDOWS : 0;
}

/* "Before calling this function, an application must destroy all windows
 * created with the specified class": a class with windows stays. */
BOOL WINAPI UnregisterClassA(LPCSTR name, HINSTANCE instance)
{
    if (!name) {
        SetLastError(ERROR_CLASS_DOES_NOT_EXIST);
        return FALSE;
    }
    pthread_mutex_lock(&class_lock);
    int i = find_index(name, instance, 1);
    ATOM atom = i >= 0 ? classes[i]->atom : 0;
    pthread_mutex_unlock(&class_lock);
    uint32_t error = atom ? class_windows_error(atom) : ERROR_CLASS_DOES_NOT_EXIST;
    struct window_class *c = NULL;
    if (!error) {
        /* Looked up again: another thread may have unregistered it. */
        pthread_mutex_lock(&class_lock);
        i = find_index((LPCSTR)(uintptr_t)atom, instance, 1);
        if (i >= 0) {
            c = classes[i];
            classes[i] = classes[--class_count];
        }
        pthread_mutex_unlock(&class_lock);
        if (!c)
            error = ERROR_CLASS_DOES_NOT_EXIST;
    }
    if (error) {
        SetLastError(error);
        return FALSE;
    }
    if (!is_atom(c->menu_name))
        free(c->menu_name);
    free(c->name);
    free(c);
    return TRUE;
}

static BOOL find_copy(LPCSTR name, HINSTANCE instance, int local, struct window_class *out)
{
    if (!name)
        return FALSE;
    pthread_mutex_lock(&class_lock);
    int i = find_index(name, instance, local);
    if (i >= 0) {
        *out = *classes[i];
        /* The strings are copied out too: the class may go meanwhile. */
        strncpy(out->name_buf, classes[i]->name, sizeof(out->name_buf) - 1);
        out->name_buf[sizeof(out->name_buf) - 1] = 0;
        out->name = out->name_buf;
    }
    pthread_mutex_unlock(&class_lock);
    return i >= 0;
}

/* A NULL instance is the program's own module here. */
BOOL window_class_find(LPCSTR name, HINSTANCE instance, struct window_class *out)
{
    return find_copy(name, default_instance(instance), 1, out) || system_class_find(name, out);
}

BOOL WINAPI GetClassInfoExA(HINSTANCE instance, LPCSTR name, LPWNDCLASSEXA wc)
{
    struct window_class c;
    if (!wc) {
        SetLastError(ERROR_NOACCESS);
        return FALSE;
    }
    /* NULL names the system's classes (Wine and the documentation agree:
     * an application's local class is not found, a global one is); any
     * instance finds those. */
    if (!find_copy(name, instance, instance != NULL, &c) && !system_class_find(name, &c)) {
        SetLastError(ERROR_CLASS_DOES_NOT_EXIST);
        return FALSE;
    }
    /* The name the caller passed stays its own pointer, as on Windows. */
    UINT size = wc->cbSize;
    *wc = c.info;
    wc->cbSize = size;
    wc->lpszClassName = name;
    return c.atom;
}

BOOL WINAPI GetClassInfoA(HINSTANCE instance, LPCSTR name, LPWNDCLASSA wc)
{
    WNDCLASSEXA ex = { .cbSize = sizeof(ex) };
    if (!wc) {
        SetLastError(ERROR_NOACCESS);
        return FALSE;
    }
    if (!GetClassInfoExA(instance, name, &ex))
        return FALSE;
    wc->style = ex.style;
    wc->lpfnWndProc = ex.lpfnWndProc;
    wc->cbClsExtra = ex.cbClsExtra;
    wc->cbWndExtra = ex.cbWndExtra;
    wc->hInstance = ex.hInstance;
    wc->hIcon = ex.hIcon;
    wc->hCursor = ex.hCursor;
    wc->hbrBackground = ex.hbrBackground;
    wc->lpszMenuName = ex.lpszMenuName;
    wc->lpszClassName = ex.lpszClassName;
    return TRUE;
}
