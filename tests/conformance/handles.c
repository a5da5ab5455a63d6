/*
 * Handles: their values, CloseHandle, the handle flags, DuplicateHandle in
 * the current process, and the access a handle grants.
 */
#include "conformance.h"

static HANDLE new_event(void)
{
    return CreateEventA(NULL, TRUE, FALSE, NULL);
}

static void values(void)
{
    HANDLE a = new_event(), b = new_event(), c = new_event();
    ULONG_PTR v = (ULONG_PTR)a;
    check_yes("value.nonzero", a && b && c);
    check_yes("value.multiple_of_4", v % 4 == 0 && (ULONG_PTR)b % 4 == 0);
    check_yes("value.below_2^31", v < 0x80000000u);
    check_yes("value.distinct", a != b && b != c && a != c);
    check_yes("value.not_pseudo", a != GetCurrentProcess() && a != GetCurrentThread());

    /* The two low bits are tag bits that the kernel ignores (Windows'
     * OBJ_HANDLE_TAGBITS): a + 1 and a + 3 are a. */
    check_bool("value.tag_bits.set", SetEvent((HANDLE)(v | 1)));
    check_wait("value.tag_bits.wait", WaitForSingleObject((HANDLE)(v | 3), 0));
    DWORD f;
    check_bool("value.tag_bits.flags", GetHandleInformation((HANDLE)(v | 2), &f));

    /* One freed slot: the next handle takes it. (With several freed slots
     * Windows, Wine and winhandle may pick different ones.) */
    CloseHandle(b);
    HANDLE d = new_event();
    check_yes("value.freed_slot_reused", d == b);
    CloseHandle(a);
    CloseHandle(c);
    CloseHandle(d);
}

static void closing(void)
{
    HANDLE h = new_event();

    check_bool("close.null", CloseHandle(NULL));
    check_bool("close.never_opened", CloseHandle((HANDLE)(ULONG_PTR)0x7ffff0));
    check_bool("close.valid", CloseHandle(h));
    check_bool("close.again", CloseHandle(h));
    /* INVALID_HANDLE_VALUE is GetCurrentProcess(): closing it succeeds. */
    check_bool("close.invalid_handle_value", CloseHandle(INVALID_HANDLE_VALUE));
    check_bool("close.current_process", CloseHandle(GetCurrentProcess()));
    check_bool("close.current_thread", CloseHandle(GetCurrentThread()));
    /* ...and closing them did nothing: they still work. */
    check_wait("close.current_process.still_usable",
               WaitForSingleObject(GetCurrentProcess(), 0));

    h = new_event();
    check_bool("close.protect", SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE,
                                                    HANDLE_FLAG_PROTECT_FROM_CLOSE));
    check_bool("close.protected", CloseHandle(h));
    check_bool("close.protected.still_open", SetEvent(h));
    check_bool("close.unprotect", SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0));
    check_bool("close.unprotected", CloseHandle(h));
}

static void show_flags(const char *name, HANDLE h)
{
    DWORD flags = 0xdead;
    if (GetHandleInformation(h, &flags))
        check(name, "TRUE, flags %u", (unsigned)flags);
    else
        check_bool(name, FALSE);
}

static void flags(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE h = new_event();
    HANDLE inheritable = CreateEventA(&sa, TRUE, FALSE, NULL);

    show_flags("flags.fresh", h);
    show_flags("flags.fresh_inheritable", inheritable);
    check_bool("flags.set_inherit", SetHandleInformation(h, HANDLE_FLAG_INHERIT,
                                                         HANDLE_FLAG_INHERIT));
    show_flags("flags.after_set_inherit", h);
    check_bool("flags.set_both", SetHandleInformation(h, 3, 3));
    show_flags("flags.after_set_both", h);
    /* Only the bits in the mask change. */
    check_bool("flags.clear_inherit_only", SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0));
    show_flags("flags.after_clear_inherit", h);
    check_bool("flags.mask_zero", SetHandleInformation(h, 0, 3));
    show_flags("flags.after_mask_zero", h);
    check_bool("flags.clear_all", SetHandleInformation(h, 3, 0));
    show_flags("flags.after_clear_all", h);

    /* The pseudo-handles are not entries of the table. */
    show_flags("flags.current_process", GetCurrentProcess());
    check_bool("flags.set_current_thread", SetHandleInformation(GetCurrentThread(), 1, 1));
    check_bool("flags.set_current_process.mask_zero",
               SetHandleInformation(GetCurrentProcess(), 0, 0));
    show_flags("flags.null", NULL);
    show_flags("flags.never_opened", (HANDLE)(ULONG_PTR)0x7ffff0);
    check_bool("flags.set_null", SetHandleInformation(NULL, 1, 1));
    check_bool("flags.set_never_opened",
               SetHandleInformation((HANDLE)(ULONG_PTR)0x7ffff0, 1, 1));
    CloseHandle(h);
    CloseHandle(inheritable);
    show_flags("flags.closed", h);
}

static BOOL dup(HANDLE src, HANDLE *dst, DWORD access, BOOL inherit, DWORD options)
{
    return DuplicateHandle(GetCurrentProcess(), src, GetCurrentProcess(), dst, access,
                           inherit, options);
}

static void duplicate(void)
{
    HANDLE ev = new_event(), copy = NULL;

    check_bool("dup.same_access", dup(ev, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_yes("dup.new_value", copy && copy != ev && (ULONG_PTR)copy % 4 == 0);
    /* Both handles reach one object. */
    check_bool("dup.same_object.set", SetEvent(copy));
    check_wait("dup.same_object.wait", WaitForSingleObject(ev, 0));
    show_flags("dup.flags.no_inherit", copy);
    CloseHandle(copy);

    check_bool("dup.inherit", dup(ev, &copy, 0, TRUE, DUPLICATE_SAME_ACCESS));
    show_flags("dup.flags.inherit", copy);
    CloseHandle(copy);

    /* The protection flag is the handle's, not the object's: not copied. */
    SetHandleInformation(ev, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE);
    check_bool("dup.protected_source", dup(ev, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS));
    show_flags("dup.flags.from_protected", copy);
    SetHandleInformation(ev, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0);
    CloseHandle(copy);

    /* A chosen access replaces the source's. */
    check_bool("dup.access.synchronize", dup(ev, &copy, SYNCHRONIZE, FALSE, 0));
    check_bool("dup.access.synchronize.set", SetEvent(copy));
    check_wait("dup.access.synchronize.wait", WaitForSingleObject(copy, 0));
    HANDLE narrow = copy;
    /* SAME_ACCESS keeps the narrow access of the source... */
    check_bool("dup.narrow.same_access", dup(narrow, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_bool("dup.narrow.same_access.set", SetEvent(copy));
    CloseHandle(copy);
    /* ...while asking again is checked against the object, not the source
     * handle: this process may have all of it. */
    check_bool("dup.narrow.widen", dup(narrow, &copy, EVENT_ALL_ACCESS, FALSE, 0));
    check_bool("dup.narrow.widen.set", SetEvent(copy));
    CloseHandle(copy);
    /* Generic rights are mapped to the event's own. */
    check_bool("dup.generic_write", dup(ev, &copy, GENERIC_WRITE, FALSE, 0));
    check_bool("dup.generic_write.set", SetEvent(copy));
    check_wait("dup.generic_write.wait", WaitForSingleObject(copy, 0));
    CloseHandle(copy);
    CloseHandle(narrow);

    /* DUPLICATE_CLOSE_SOURCE: the source is gone, the copy works. */
    HANDLE src = new_event();
    check_bool("dup.close_source",
               dup(src, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
    /* The copy may take the source's freed slot (Wine's does); a handle
     * value held twice is impossible, so equal values also prove it. */
    check_bool("dup.close_source.copy_works", SetEvent(copy));
    check_yes("dup.close_source.source_closed", copy == src || !CloseHandle(src));
    CloseHandle(copy);

    /* A protected source survives DUPLICATE_CLOSE_SOURCE; the copy is
     * made all the same. */
    src = new_event();
    SetHandleInformation(src, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE);
    check_bool("dup.close_protected_source",
               dup(src, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
    show_flags("dup.close_protected_source.source_kept", src);
    check_bool("dup.close_protected_source.copy_works", SetEvent(copy));
    SetHandleInformation(src, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0);
    CloseHandle(src);
    CloseHandle(copy);

    /* Closing the source frees a slot while the copy takes one: with a
     * table that must grow for the copy, both must still be right. */
    HANDLE many[100];
    int all_ok = 1;
    for (int i = 0; i < 100; i++) {
        many[i] = new_event();
        src = new_event();
        all_ok &= dup(src, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
        all_ok &= SetEvent(copy) && (copy == src || !CloseHandle(src));
        CloseHandle(copy);
    }
    check_yes("dup.close_source.while_growing", all_ok);
    for (int i = 0; i < 100; i++)
        CloseHandle(many[i]);

    /* Bad sources and targets. */
    check_bool("dup.source_null", dup(NULL, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_bool("dup.source_never_opened",
               dup((HANDLE)(ULONG_PTR)0x7ffff0, &copy, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_bool("dup.target_process_null",
               DuplicateHandle(GetCurrentProcess(), ev, NULL, &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    /* With no target, DUPLICATE_CLOSE_SOURCE alone closes the source: the
     * way to close a handle in another process. Microsoft documents the
     * NULL target as allowed with that flag, so the call succeeds on
     * Windows (and here); Wine 8 closes the source but returns FALSE with
     * ERROR_INVALID_HANDLE. Only the part both agree on is printed. */
    src = new_event();
    DuplicateHandle(GetCurrentProcess(), src, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE);
    check_bool("dup.target_process_null.close_source.closed", CloseHandle(src));
    check_bool("dup.target_process_is_event",
               DuplicateHandle(GetCurrentProcess(), ev, ev, &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    check_bool("dup.source_process_is_event",
               DuplicateHandle(ev, ev, GetCurrentProcess(), &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));

    /* The pseudo-handles duplicate into real handles. */
    HANDLE process = NULL, thread = NULL;
    check_bool("dup.current_process",
               dup(GetCurrentProcess(), &process, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_yes("dup.current_process.real_handle",
              process != GetCurrentProcess() && (ULONG_PTR)process % 4 == 0);
    check_wait("dup.current_process.wait", WaitForSingleObject(process, 0));
    check_yes("dup.current_process.id", GetProcessId(process) == GetCurrentProcessId());
    check_bool("dup.current_thread",
               dup(GetCurrentThread(), &thread, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_yes("dup.current_thread.real_handle",
              thread != GetCurrentThread() && (ULONG_PTR)thread % 4 == 0);
    check_wait("dup.current_thread.wait", WaitForSingleObject(thread, 0));
    check_yes("dup.current_thread.id", GetThreadId(thread) == GetCurrentThreadId());
    CloseHandle(process);
    CloseHandle(thread);
    CloseHandle(ev);
}

static BOOL release_one(HANDLE semaphore)
{
    return ReleaseSemaphore(semaphore, 1, NULL);
}

/* What a handle opened with these rights may do: change the object's state
 * (modify) and wait on it. The waits take nothing the next try needs: the
 * event is manual-reset and the semaphore is released before each wait. */
static void try_rights(const char *prefix, HANDLE h, BOOL (*modify)(HANDLE))
{
    const char *name = check_name(prefix, "modify");
    check_bool(name, modify(h));
    name = check_name(prefix, "wait");
    check_wait(name, WaitForSingleObject(h, 0));
    CloseHandle(h);
}

#define EVENT_NAME "conf-handles-access-event"
#define SEMAPHORE_NAME "conf-handles-access-semaphore"

/* Each operation asks for its own right, and generic rights map per type. */
static void access(void)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, EVENT_NAME);
    HANDLE h = OpenEventA(SYNCHRONIZE, FALSE, EVENT_NAME);
    check_bool("access.event.synchronize.reset", ResetEvent(h));
    check_bool("access.event.synchronize.pulse", PulseEvent(h));
    try_rights("access.event.synchronize", h, SetEvent);
    try_rights("access.event.modify_state", OpenEventA(EVENT_MODIFY_STATE, FALSE, EVENT_NAME),
               SetEvent);
    try_rights("access.event.generic_read", OpenEventA(GENERIC_READ, FALSE, EVENT_NAME),
               SetEvent);
    try_rights("access.event.generic_write", OpenEventA(GENERIC_WRITE, FALSE, EVENT_NAME),
               SetEvent);
    try_rights("access.event.generic_execute",
               OpenEventA(GENERIC_EXECUTE, FALSE, EVENT_NAME), SetEvent);
    try_rights("access.event.generic_all", OpenEventA(GENERIC_ALL, FALSE, EVENT_NAME),
               SetEvent);
    try_rights("access.event.maximum_allowed",
               OpenEventA(MAXIMUM_ALLOWED, FALSE, EVENT_NAME), SetEvent);
    CloseHandle(ev);

    HANDLE sem = CreateSemaphoreA(NULL, 1, 10, SEMAPHORE_NAME);
    try_rights("access.semaphore.synchronize",
               OpenSemaphoreA(SYNCHRONIZE, FALSE, SEMAPHORE_NAME), release_one);
    try_rights("access.semaphore.modify_state",
               OpenSemaphoreA(SEMAPHORE_MODIFY_STATE, FALSE, SEMAPHORE_NAME), release_one);
    try_rights("access.semaphore.generic_write",
               OpenSemaphoreA(GENERIC_WRITE, FALSE, SEMAPHORE_NAME), release_one);
    try_rights("access.semaphore.generic_execute",
               OpenSemaphoreA(GENERIC_EXECUTE, FALSE, SEMAPHORE_NAME), release_one);
    CloseHandle(sem);

    /* Waiting needs SYNCHRONIZE; releasing needs only ownership, which
     * the wait just gave. MUTEX_MODIFY_STATE alone cannot wait. */
    HANDLE mutex = CreateMutexA(NULL, FALSE, "conf-handles-access-mutex");
    h = OpenMutexA(SYNCHRONIZE, FALSE, "conf-handles-access-mutex");
    check_wait("access.mutex.synchronize.wait", WaitForSingleObject(h, 0));
    check_bool("access.mutex.synchronize.release", ReleaseMutex(h));
    CloseHandle(h);
    h = OpenMutexA(MUTEX_MODIFY_STATE, FALSE, "conf-handles-access-mutex");
    check_wait("access.mutex.modify_state.wait", WaitForSingleObject(h, 0));
    CloseHandle(h);
    CloseHandle(mutex);

    /* A handle with no access at all still exists: its flags can be read
     * and it can be closed, but it can do nothing to the object. */
    h = CreateEventExA(NULL, NULL, 0, 0);
    check_handle("access.none.create", h);
    show_flags("access.none.flags", h);
    try_rights("access.none", h, SetEvent);
}

int main(void)
{
    values();
    closing();
    flags();
    duplicate();
    access();
    return 0;
}
