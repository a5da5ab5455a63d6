/*
 * Inheritance through CreateProcessA: which handles a child gets (those
 * marked inheritable, when bInheritHandles is TRUE), at the same value with
 * the same access and flags; SetHandleInformation before CreateProcess;
 * inheritable process and thread handles from lpProcessAttributes and
 * lpThreadAttributes; a grandchild.
 *
 * The program re-executes itself for the children (children.h). A child
 * probes the handle values it is given and posts what it could do with them
 * in mailboxes; the parent prints. Whether a handle that is not inherited
 * reaches the parent's object is seen from the parent: the child tries to
 * set it, and the parent's event stays unsignaled. (The child's own answer
 * for such a value depends on what else its table holds, which differs
 * between systems.)
 */
#include "children.h"

static DWORD tag; /* the parent's process id: names private to this run */

/* ---- children ---- */

/* probe TAG NAME=HANDLE...: probe each handle, post the result as NAME. */
static int child_probe(int argc, char **argv)
{
    for (int i = 3; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq)
            return 1;
        *eq = '\0';
        mailbox_put(tag, argv[i], probe_event(arg_handle(eq + 1)));
    }
    return 0;
}

/* middle TAG PASSED CLEARED: the middle of three generations. It clears
 * the inherit flag of CLEARED, then starts a grandchild that probes both
 * (as grand.passed and grand.cleared), and ends with the grandchild's code. */
static int child_middle(char **argv)
{
    char args[128];
    HANDLE cleared = arg_handle(argv[4]);
    if (!SetHandleInformation(cleared, HANDLE_FLAG_INHERIT, 0))
        return 2;
    snprintf(args, sizeof(args), "probe %lu grand.passed=%s grand.cleared=%s",
             (unsigned long)tag, argv[3], argv[4]);
    return (int)run_self(args, TRUE);
}

/* hold TAG: keep the inherited handles until the parent says "go". */
static int child_hold(void)
{
    HANDLE go = shared_event(tag, "go");
    signal_shared(tag, "holding");
    return WaitForSingleObject(go, PATIENCE_MS) == WAIT_OBJECT_0 ? 0 : 1;
}

/* process TAG PROCESS PID THREAD TID: use an inherited process handle and
 * thread handle of another child. Bits: 1 GetProcessId gave PID, 2 the
 * process is still running, 4 GetThreadId gave TID. */
static int child_process(char **argv)
{
    HANDLE process = arg_handle(argv[3]), thread = arg_handle(argv[5]);
    int bits = 0;
    if (GetProcessId(process) == arg_number(argv[4]))
        bits |= 1;
    if (WaitForSingleObject(process, 0) == WAIT_TIMEOUT)
        bits |= 2;
    if (GetThreadId(thread) == arg_number(argv[6]))
        bits |= 4;
    return bits;
}

static int child_main(int argc, char **argv)
{
    tag = arg_number(argv[2]);
    if (!strcmp(argv[1], "probe"))
        return child_probe(argc, argv);
    if (!strcmp(argv[1], "middle") && argc == 5)
        return child_middle(argv);
    if (!strcmp(argv[1], "hold"))
        return child_hold();
    if (!strcmp(argv[1], "process") && argc == 7)
        return child_process(argv);
    return 99;
}

/* ---- the parent ---- */

static SECURITY_ATTRIBUTES inheritable = { sizeof(SECURITY_ATTRIBUTES), NULL, TRUE };

/* One handle given to a probing child. */
struct given {
    const char *name;
    HANDLE handle; /* in the parent: the one passed */
    HANDLE event;  /* in the parent: a handle of its own to the same event */
    HANDLE box;    /* where the child posts its probe */
};

static HANDLE new_event(LPSECURITY_ATTRIBUTES sa)
{
    return CreateEventA(sa, TRUE, FALSE, NULL);
}

/* A duplicate of a fresh event (DuplicateHandle's access and options),
 * made inheritable; g->event keeps full access. */
static void give_duplicate(struct given *g, DWORD access, DWORD options)
{
    g->event = new_event(NULL);
    DuplicateHandle(GetCurrentProcess(), g->event, GetCurrentProcess(), &g->handle, access,
                    TRUE, options);
}

static void give_event(struct given *g, LPSECURITY_ATTRIBUTES sa)
{
    g->handle = new_event(sa);
    DuplicateHandle(GetCurrentProcess(), g->handle, GetCurrentProcess(), &g->event, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
}

/* Start a child that probes the given handles, wait for it, print. With
 * shown FALSE for a handle, only the parent's view of it is printed. */
static void probe_in_child(const char *prefix, struct given *g, int count, BOOL inherit,
                           const BOOL *shown)
{
    char args[1024], name[96];
    int len = snprintf(args, sizeof(args), "probe %lu", (unsigned long)tag);
    for (int i = 0; i < count; i++) {
        snprintf(name, sizeof(name), "%s.%s", prefix, g[i].name);
        g[i].box = mailbox_open(tag, name);
        len += snprintf(args + len, sizeof(args) - (size_t)len, " %s=%lu", name,
                        (unsigned long)(ULONG_PTR)g[i].handle);
    }
    PROCESS_INFORMATION pi;
    BOOL started = spawn_self(args, inherit, &pi);
    check_bool(check_name(prefix, "create_process"), started);
    DWORD code = started ? finish_child(&pi) : 0xdead;
    check(check_name(prefix, "child_exit_code"), "%u", (unsigned)code);
    for (int i = 0; i < count; i++) {
        snprintf(name, sizeof(name), "%s.%s.child", prefix, g[i].name);
        DWORD probe = mailbox_get(g[i].box);
        if (shown[i])
            print_probe(name, probe);
        /* Did the child's SetEvent reach the parent's event? */
        snprintf(name, sizeof(name), "%s.%s.parent_sees_set", prefix, g[i].name);
        check_wait(name, WaitForSingleObject(g[i].event, 0));
        CloseHandle(g[i].box);
        CloseHandle(g[i].event);
        SetHandleInformation(g[i].handle, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0);
        CloseHandle(g[i].handle);
    }
}

/* Created inheritable or not, or made so by SetHandleInformation: only
 * the inheritable ones are in the child, same value, flag and all. */
static void inheritable_or_not(void)
{
    struct given g[4] = { { .name = "sa_inherit" }, { .name = "no_inherit" }, { .name = "set_inherit" },
                          { .name = "cleared_inherit" } };
    const BOOL shown[4] = { TRUE, FALSE, TRUE, FALSE };
    give_event(&g[0], &inheritable);
    give_event(&g[1], NULL);
    give_event(&g[2], NULL);
    check_bool("flags.set_inherit", SetHandleInformation(g[2].handle, HANDLE_FLAG_INHERIT,
                                                         HANDLE_FLAG_INHERIT));
    give_event(&g[3], &inheritable);
    check_bool("flags.clear_inherit", SetHandleInformation(g[3].handle, HANDLE_FLAG_INHERIT,
                                                           0));
    probe_in_child("basic", g, 4, TRUE, shown);
}

/* The child's handle has the access of the parent's, no more; a protected
 * handle stays protected; a duplicate made inheritable is inherited. */
static void access_and_flags(void)
{
    struct given g[4] = { { .name = "synchronize_only" }, { .name = "modify_only" }, { .name = "protected" },
                          { .name = "duplicated_inheritable" } };
    const BOOL shown[4] = { TRUE, TRUE, TRUE, TRUE };
    give_duplicate(&g[0], SYNCHRONIZE, 0);
    give_duplicate(&g[1], EVENT_MODIFY_STATE, 0);
    give_event(&g[2], &inheritable);
    SetHandleInformation(g[2].handle, HANDLE_FLAG_PROTECT_FROM_CLOSE,
                         HANDLE_FLAG_PROTECT_FROM_CLOSE);
    give_duplicate(&g[3], 0, DUPLICATE_SAME_ACCESS);
    probe_in_child("access", g, 4, TRUE, shown);
}

/* With bInheritHandles FALSE nothing is inherited, inheritable or not. */
static void inherit_handles_false(void)
{
    struct given g[2] = { { .name = "sa_inherit" }, { .name = "set_inherit" } };
    const BOOL shown[2] = { FALSE, FALSE };
    give_event(&g[0], &inheritable);
    give_event(&g[1], NULL);
    SetHandleInformation(g[1].handle, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    probe_in_child("off", g, 2, FALSE, shown);
}

/* A grandchild gets what its parent inherited and left inheritable. */
static void grandchild(void)
{
    HANDLE passed = new_event(&inheritable), cleared = new_event(&inheritable);
    HANDLE box_passed = mailbox_open(tag, "grand.passed");
    HANDLE box_cleared = mailbox_open(tag, "grand.cleared");
    char args[128];
    snprintf(args, sizeof(args), "middle %lu %lu %lu", (unsigned long)tag,
             (unsigned long)(ULONG_PTR)passed, (unsigned long)(ULONG_PTR)cleared);
    check("grandchild.exit_code", "%u", (unsigned)run_self(args, TRUE));
    print_probe("grandchild.passed", mailbox_get(box_passed));
    check_wait("grandchild.passed.parent_sees_set", WaitForSingleObject(passed, 0));
    mailbox_get(box_cleared); /* made, but says nothing portable */
    check_wait("grandchild.cleared.parent_sees_set", WaitForSingleObject(cleared, 0));
    CloseHandle(box_passed);
    CloseHandle(box_cleared);
    CloseHandle(passed);
    CloseHandle(cleared);
}

/* The child's inherited handle keeps the object alive after the parent
 * closes its own: the name still opens. */
static void outlives_parent_handle(void)
{
    const char *name = "conf-inherit-outlives";
    HANDLE ev = CreateEventA(&inheritable, TRUE, FALSE, name);
    HANDLE holding = shared_event(tag, "holding");
    HANDLE go = shared_event(tag, "go");
    char args[64];
    PROCESS_INFORMATION pi;
    snprintf(args, sizeof(args), "hold %lu", (unsigned long)tag);
    BOOL started = spawn_self(args, TRUE, &pi);
    check_bool("outlives.create_process", started);
    check_wait("outlives.child_holding", WaitForSingleObject(holding, PATIENCE_MS));
    CloseHandle(ev);
    ev = OpenEventA(SYNCHRONIZE, FALSE, name);
    check_handle("outlives.reopen_by_name", ev);
    CloseHandle(ev);
    SetEvent(go);
    if (started)
        check("outlives.child_exit_code", "%u", (unsigned)finish_child(&pi));
    CloseHandle(holding);
    CloseHandle(go);
}

/*
 * Process and thread handles are inherited like any other: a second child
 * can use the first child's, at the same values.
 *
 * lpProcessAttributes and lpThreadAttributes "determine whether the returned
 * handle ... can be inherited" (CreateProcess, Microsoft's documentation),
 * and winhandle makes them so; Wine 8 ignores the two bInheritHandle fields
 * and returns handles that are not inheritable. So only NULL attributes have
 * their flags printed, and the handles are made inheritable with
 * SetHandleInformation (a no-op where the attributes already did it).
 */
static void process_and_thread_handles(void)
{
    HANDLE go = shared_event(tag, "go");
    ResetEvent(go);
    PROCESS_INFORMATION plain, marked, user;
    char args[160];
    snprintf(args, sizeof(args), "hold %lu", (unsigned long)tag);
    check_bool("attributes.none.create_process", spawn_self(args, TRUE, &plain));
    show_flags("attributes.none.process_flags", plain.hProcess);
    show_flags("attributes.none.thread_flags", plain.hThread);
    check_bool("attributes.inherit.create_process",
               spawn_self_ex(args, &inheritable, &inheritable, TRUE, 0, NULL, &marked));
    check_bool("attributes.inherit.set_process_flags",
               SetHandleInformation(marked.hProcess, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT));
    check_bool("attributes.inherit.set_thread_flags",
               SetHandleInformation(marked.hThread, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT));

    snprintf(args, sizeof(args), "process %lu %lu %lu %lu %lu", (unsigned long)tag,
             (unsigned long)(ULONG_PTR)marked.hProcess, (unsigned long)marked.dwProcessId,
             (unsigned long)(ULONG_PTR)marked.hThread, (unsigned long)marked.dwThreadId);
    BOOL started = spawn_self(args, TRUE, &user);
    DWORD bits = started ? finish_child(&user) : 0xdead;
    check_bit("attributes.inherit.child.process_id", bits, 1);
    check_bit("attributes.inherit.child.process_running", bits, 2);
    check_bit("attributes.inherit.child.thread_id", bits, 4);

    SetEvent(go);
    check("attributes.none.exit_code", "%u", (unsigned)finish_child(&plain));
    check("attributes.inherit.exit_code", "%u", (unsigned)finish_child(&marked));
    CloseHandle(go);
}

int main(int argc, char **argv)
{
    children_init();
    if (argc > 2)
        return child_main(argc, argv);
    tag = GetCurrentProcessId();
    inheritable_or_not();
    access_and_flags();
    inherit_handles_false();
    grandchild();
    outlives_parent_handle();
    process_and_thread_handles();
    return 0;
}
