/*
 * Names: create and open by name, the Local\ and Global\ prefixes, names
 * held by another type, the name's lifetime, and malformed names.
 */
#include <string.h>

#include "conformance.h"

static void create_and_open(void)
{
    HANDLE a, b, c;

    SetLastError(UNTOUCHED_ERROR);
    check_create("create.unnamed", a = CreateEventA(NULL, TRUE, FALSE, NULL));
    CloseHandle(a);

    SetLastError(UNTOUCHED_ERROR);
    check_create("create.new", a = CreateEventA(NULL, TRUE, FALSE, "conf-names-event"));
    /* The second create finds the first: same object, and the arguments
     * that would have set up a new one (here: initially set) are ignored. */
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.existing", b = CreateEventA(NULL, TRUE, TRUE, "conf-names-event"));
    check_yes("create.existing.new_handle", a != b);
    check_wait("create.existing.state_kept", WaitForSingleObject(b, 0));
    SetEvent(a);
    check_wait("create.existing.same_object", WaitForSingleObject(b, 0));
    /* CreateEventExA finds the name the same way. */
    SetLastError(UNTOUCHED_ERROR);
    check_create("create.existing.ex",
                 c = CreateEventExA(NULL, "conf-names-event", 0, SYNCHRONIZE));
    /* The access asked for applies to this handle. */
    check_bool("create.existing.ex.set_denied", SetEvent(c));
    CloseHandle(c);

    SetLastError(UNTOUCHED_ERROR);
    c = OpenEventA(EVENT_ALL_ACCESS, FALSE, "conf-names-event");
    DWORD error = GetLastError();
    check_handle("open.existing", c);
    /* A successful open leaves the last error alone. */
    check("open.existing.last_error", "%s", error == UNTOUCHED_ERROR ? "unchanged" : "changed");
    ResetEvent(c);
    check_wait("open.existing.same_object", WaitForSingleObject(a, 0));
    CloseHandle(c);

    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    DWORD flags = 0xdead;
    c = OpenEventA(SYNCHRONIZE, TRUE, "conf-names-event");
    GetHandleInformation(c, &flags);
    check("open.inherit.flags", "%u", (unsigned)flags);
    CloseHandle(c);
    c = CreateEventA(&sa, TRUE, FALSE, "conf-names-event");
    GetHandleInformation(c, &flags);
    check("create.existing.inherit.flags", "%u", (unsigned)flags);
    CloseHandle(c);

    check_handle("open.missing", OpenEventA(SYNCHRONIZE, FALSE, "conf-names-missing"));
    check_handle("open.missing.mutex", OpenMutexA(SYNCHRONIZE, FALSE, "conf-names-missing"));
    check_handle("open.missing.semaphore",
                 OpenSemaphoreA(SYNCHRONIZE, FALSE, "conf-names-missing"));
    check_handle("open.null_name", OpenEventA(SYNCHRONIZE, FALSE, NULL));
    CloseHandle(a);
    CloseHandle(b);
}

/* A name belongs to one object, of one type. */
static void other_types(void)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, "conf-names-taken");

    SetLastError(UNTOUCHED_ERROR);
    check_create("type.create_mutex", CreateMutexA(NULL, FALSE, "conf-names-taken"));
    SetLastError(UNTOUCHED_ERROR);
    check_create("type.create_semaphore", CreateSemaphoreA(NULL, 0, 1, "conf-names-taken"));
    check_handle("type.open_mutex", OpenMutexA(SYNCHRONIZE, FALSE, "conf-names-taken"));
    check_handle("type.open_semaphore",
                 OpenSemaphoreA(SYNCHRONIZE, FALSE, "conf-names-taken"));
    CloseHandle(ev);

    HANDLE m = CreateMutexA(NULL, FALSE, "conf-names-taken");
    SetLastError(UNTOUCHED_ERROR);
    check_create("type.create_event_on_mutex",
                 CreateEventA(NULL, TRUE, FALSE, "conf-names-taken"));
    check_handle("type.open_event_on_mutex",
                 OpenEventA(SYNCHRONIZE, FALSE, "conf-names-taken"));
    CloseHandle(m);
}

/* A name lives as long as a handle to its object does. */
static void lifetime(void)
{
    HANDLE a = CreateEventA(NULL, TRUE, TRUE, "conf-names-life"), copy;
    DuplicateHandle(GetCurrentProcess(), a, GetCurrentProcess(), &copy, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    CloseHandle(a);
    HANDLE b = OpenEventA(SYNCHRONIZE, FALSE, "conf-names-life");
    check_handle("life.after_closing_one_of_two", b);
    CloseHandle(b);
    CloseHandle(copy);
    check_handle("life.after_closing_all", OpenEventA(SYNCHRONIZE, FALSE, "conf-names-life"));

    /* The name is free again: a create makes a new object (not set). */
    SetLastError(UNTOUCHED_ERROR);
    check_create("life.create_again", a = CreateEventA(NULL, TRUE, FALSE, "conf-names-life"));
    check_wait("life.create_again.fresh_state", WaitForSingleObject(a, 0));
    CloseHandle(a);
}

static void try_name(const char *check_name, const char *name)
{
    SetLastError(UNTOUCHED_ERROR);
    HANDLE h = CreateEventA(NULL, TRUE, FALSE, name);
    check_create(check_name, h);
    if (h)
        CloseHandle(h);
}

/* Local\ and bare names are one namespace. */
static void prefixes(void)
{
    HANDLE a = CreateEventA(NULL, TRUE, FALSE, "Local\\conf-names-local"), b;
    check_handle("local.open_bare", b = OpenEventA(SYNCHRONIZE, FALSE, "conf-names-local"));
    CloseHandle(b);
    check_handle("local.open_local",
                 b = OpenEventA(SYNCHRONIZE, FALSE, "Local\\conf-names-local"));
    CloseHandle(b);
    CloseHandle(a);

    a = CreateEventA(NULL, TRUE, FALSE, "conf-names-bare");
    SetLastError(UNTOUCHED_ERROR);
    check_create("bare.create_local",
                 b = CreateEventA(NULL, TRUE, FALSE, "Local\\conf-names-bare"));
    CloseHandle(b);
    CloseHandle(a);

    /* Global\ names work under Global\. Whether Global\x is also x depends
     * on the session: on Windows in session 0 (services) it is, in an
     * interactive session (and under Wine, which plays session 1) it is
     * not. winhandle has one namespace, like session 0, so whether a bare
     * name reaches a Global\ object is not checked here. */
    a = CreateEventA(NULL, TRUE, FALSE, "Global\\conf-names-global");
    check_handle("global.create", a);
    check_handle("global.open_global",
                 b = OpenEventA(SYNCHRONIZE, FALSE, "Global\\conf-names-global"));
    CloseHandle(b);
    SetLastError(UNTOUCHED_ERROR);
    check_create("global.create_again",
                 b = CreateEventA(NULL, TRUE, FALSE, "Global\\conf-names-global"));
    CloseHandle(b);
    CloseHandle(a);
}

static void case_sensitivity(void)
{
    HANDLE a = CreateEventA(NULL, TRUE, FALSE, "conf-names-Case"), b;
    check_handle("case.open_same", b = OpenEventA(SYNCHRONIZE, FALSE, "conf-names-Case"));
    CloseHandle(b);
    check_handle("case.open_lower", b = OpenEventA(SYNCHRONIZE, FALSE, "conf-names-case"));
    if (b)
        CloseHandle(b);
    SetLastError(UNTOUCHED_ERROR);
    check_create("case.create_upper", b = CreateEventA(NULL, TRUE, FALSE, "CONF-NAMES-CASE"));
    if (b)
        CloseHandle(b);
    CloseHandle(a);

    a = CreateEventA(NULL, TRUE, FALSE, "Local\\conf-names-prefix-case");
    check_handle("case.prefix_lower",
                 b = OpenEventA(SYNCHRONIZE, FALSE, "local\\conf-names-prefix-case"));
    if (b)
        CloseHandle(b);
    check_handle("case.prefix_upper",
                 b = OpenEventA(SYNCHRONIZE, FALSE, "LOCAL\\conf-names-prefix-case"));
    if (b)
        CloseHandle(b);
    CloseHandle(a);
}

static void malformed(void)
{
    char name[400];

    try_name("malformed.empty", "");
    check_handle("malformed.open_empty", OpenEventA(SYNCHRONIZE, FALSE, ""));
    try_name("malformed.backslash_inside", "conf-names\\sub");
    try_name("malformed.leading_backslash", "\\conf-names-lead");
    try_name("malformed.trailing_backslash", "conf-names-trail\\");
    try_name("malformed.local_only", "Local\\");
    try_name("malformed.global_only", "Global\\");
    try_name("malformed.local_subdir", "Local\\conf-names\\sub");
    try_name("malformed.unknown_prefix", "Nowhere\\conf-names");
    try_name("odd.slash", "conf-names/slash");
    try_name("odd.spaces", "conf names with spaces");
    try_name("malformed.double_backslash", "Local\\\\conf-names");
    try_name("malformed.backslash_only", "\\");
    check_handle("malformed.open_local_only", OpenEventA(SYNCHRONIZE, FALSE, "Local\\"));
    /* The links are names already, of no type an object can have. */
    try_name("link.local", "Local");
    try_name("link.global_global", "Global\\Global");
    check_handle("link.open_global", OpenEventA(SYNCHRONIZE, FALSE, "Global"));
    SetLastError(UNTOUCHED_ERROR);
    check_create("link.mutex_session", CreateMutexA(NULL, FALSE, "Session"));
    /* Local and Global are links that lead to a namespace holding the
     * same links again, so prefixes may repeat. */
    try_name("odd.local_local", "Local\\Local\\conf-names");
    try_name("odd.global_local", "Global\\Local\\conf-names");
    try_name("odd.global_global", "Global\\Global\\conf-names");
    HANDLE a = CreateEventA(NULL, TRUE, FALSE, "conf-names-repeat"), b;
    check_handle("odd.local_local.same_namespace",
                 b = OpenEventA(SYNCHRONIZE, FALSE, "Local\\Local\\conf-names-repeat"));
    if (b)
        CloseHandle(b);
    CloseHandle(a);

    /* At most MAX_PATH characters. Windows converts an A name into a
     * buffer of MAX_PATH + 1 wide characters, so 260 characters fit; Wine
     * converts into MAX_PATH, so 260 is already too long there. Both agree
     * on 259 and 261, which are what is checked. */
    memset(name, 'n', sizeof(name));
    name[259] = '\0';
    try_name("length.259", name);
    name[259] = 'n';
    name[261] = '\0';
    try_name("length.261", name);
    check_handle("length.261.open", OpenEventA(SYNCHRONIZE, FALSE, name));
    name[300] = 'n';
    name[399] = '\0';
    try_name("length.399", name);
}

int main(void)
{
    create_and_open();
    other_types();
    lifetime();
    prefixes();
    case_sensitivity();
    malformed();
    return 0;
}
