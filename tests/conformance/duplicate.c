/*
 * DuplicateHandle between processes: the source and the target may each be
 * the current process or another one (through a handle with
 * PROCESS_DUP_HANDLE), or neither; pseudo-handles as source; the access of
 * the copy; DUPLICATE_CLOSE_SOURCE, also when the duplication fails and
 * with no target; the inherit flag; protected and invalid sources; process
 * handles without PROCESS_DUP_HANDLE; a process that has ended.
 * (tests/conformance/handles.c has the forms within one process.)
 *
 * The program re-executes itself (children.h). A "host" child owns events
 * the parent duplicates from or closes, and receives handles the parent
 * duplicates into it; once the parent is done it probes them all and posts
 * what it could do in mailboxes, which the parent prints. A "receiver"
 * child takes a handle duplicated from the host by the parent, so neither
 * source nor target is the process making the call.
 */
#include "children.h"

static DWORD tag; /* the parent's process id: names private to this run */

/* The host's own events, reached into by the parent. */
static const char *const host_events[] = {
    "mine", "to_close", "close_null_target", "close_failing", "protected", "crossing",
};
#define HOST_EVENTS (sizeof(host_events) / sizeof(host_events[0]))

/* The handles the parent duplicates into the host, named by how. */
static const char *const given_events[] = {
    "same_access", "less_access", "more_access", "same_from_narrow",
    "inherit", "no_inherit", "close_source",
};
#define GIVEN_EVENTS (sizeof(given_events) / sizeof(given_events[0]))

/* Every mailbox of one run, so that the parent opens them all first and a
 * number posted before its reader looks is never lost. */
static const char *const host_boxes[] = {
    "own.mine", "own.to_close", "own.close_null_target", "own.close_failing",
    "own.protected", "own.crossing",
    "in.same_access", "in.less_access", "in.more_access", "in.same_from_narrow",
    "in.inherit", "in.no_inherit", "in.close_source", "in.process", "in.thread",
    "probe.own.mine", "probe.own.to_close", "probe.own.close_null_target",
    "probe.own.close_failing", "probe.own.protected", "probe.own.crossing",
    "probe.in.same_access", "probe.in.less_access", "probe.in.more_access",
    "probe.in.same_from_narrow", "probe.in.inherit", "probe.in.no_inherit",
    "probe.in.close_source", "process_id", "thread_id", "back",
    "crossing.value", "crossing.probe",
};
#define HOST_BOXES (sizeof(host_boxes) / sizeof(host_boxes[0]))

static HANDLE boxes[HOST_BOXES];

static void open_boxes(void)
{
    for (size_t i = 0; i < HOST_BOXES; i++)
        boxes[i] = mailbox_open(tag, host_boxes[i]);
}

static void close_boxes(void)
{
    for (size_t i = 0; i < HOST_BOXES; i++)
        CloseHandle(boxes[i]);
}

static HANDLE box(const char *kind, const char *name)
{
    char full[64];
    snprintf(full, sizeof(full), "%s%s", kind, name);
    for (size_t i = 0; i < HOST_BOXES; i++)
        if (!strcmp(host_boxes[i], full))
            return boxes[i];
    return NULL;
}

static void post(HANDLE mailbox, DWORD value)
{
    ReleaseSemaphore(mailbox, (LONG)value + 1, NULL);
}

/* ---- the host child: host TAG PARENT_TID ---- */

/* Probes what the parent duplicated in: a process and a thread handle of
 * the parent's, and the events. Through the process handle it duplicates
 * an event of its own back into the parent ("back"), set first. */
static void host_probe_given(DWORD parent_tid)
{
    HANDLE process = (HANDLE)(ULONG_PTR)mailbox_get(box("in.", "process"));
    HANDLE thread = (HANDLE)(ULONG_PTR)mailbox_get(box("in.", "thread"));
    post(box("", "process_id"), GetProcessId(process) == tag);
    post(box("", "thread_id"), GetThreadId(thread) == parent_tid);
    HANDLE back = CreateEventA(NULL, TRUE, TRUE, NULL), copy = NULL;
    DuplicateHandle(GetCurrentProcess(), back, process, &copy, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    post(box("", "back"), (DWORD)(ULONG_PTR)copy);
    for (size_t i = 0; i < GIVEN_EVENTS; i++) {
        HANDLE h = (HANDLE)(ULONG_PTR)mailbox_get(box("in.", given_events[i]));
        post(box("probe.in.", given_events[i]), probe_event(h));
    }
}

static int child_host(DWORD parent_tid)
{
    HANDLE ready = shared_event(tag, "ready"), go = shared_event(tag, "go");
    HANDLE own[HOST_EVENTS];
    open_boxes();
    for (size_t i = 0; i < HOST_EVENTS; i++) {
        own[i] = CreateEventA(NULL, TRUE, FALSE, NULL);
        if (!strcmp(host_events[i], "protected"))
            SetHandleInformation(own[i], HANDLE_FLAG_PROTECT_FROM_CLOSE,
                                 HANDLE_FLAG_PROTECT_FROM_CLOSE);
        post(box("own.", host_events[i]), (DWORD)(ULONG_PTR)own[i]);
    }
    /* Every handle this process needs is open: from here until the probes,
     * only the parent changes its table. */
    SetEvent(ready);
    if (WaitForSingleObject(go, PATIENCE_MS) != WAIT_OBJECT_0)
        return 1;
    for (size_t i = 0; i < HOST_EVENTS; i++)
        post(box("probe.own.", host_events[i]), probe_event(own[i]));
    host_probe_given(parent_tid);
    return 0;
}

/* ---- the receiver child: receiver TAG ---- */

static int child_receiver(void)
{
    HANDLE go = shared_event(tag, "receiver_go");
    open_boxes();
    signal_shared(tag, "receiver_ready");
    if (WaitForSingleObject(go, PATIENCE_MS) != WAIT_OBJECT_0)
        return 1;
    HANDLE h = (HANDLE)(ULONG_PTR)mailbox_get(box("crossing.", "value"));
    post(box("crossing.", "probe"), probe_event(h));
    return 0;
}

static int child_main(char **argv)
{
    tag = arg_number(argv[2]);
    if (!strcmp(argv[1], "host") && argv[3])
        return child_host(arg_number(argv[3]));
    if (!strcmp(argv[1], "receiver"))
        return child_receiver();
    return 99;
}

/* ---- the parent ---- */

static HANDLE new_event(void)
{
    return CreateEventA(NULL, TRUE, FALSE, NULL);
}

/* The running host and what it posted. */
struct host {
    PROCESS_INFORMATION pi;
    HANDLE own[HOST_EVENTS]; /* values in the host's table */
    HANDLE no_dup;           /* a handle to the host without PROCESS_DUP_HANDLE */
};

static HANDLE host_event(struct host *h, const char *name)
{
    for (size_t i = 0; i < HOST_EVENTS; i++)
        if (!strcmp(host_events[i], name))
            return h->own[i];
    return NULL;
}

static BOOL start_host(struct host *h)
{
    char args[64];
    HANDLE ready = shared_event(tag, "ready");
    snprintf(args, sizeof(args), "host %lu %lu", (unsigned long)tag,
             (unsigned long)GetCurrentThreadId());
    BOOL ok = spawn_self(args, FALSE, &h->pi);
    check_bool("host.create_process", ok);
    check_wait("host.ready", WaitForSingleObject(ready, PATIENCE_MS));
    CloseHandle(ready);
    for (size_t i = 0; i < HOST_EVENTS; i++)
        h->own[i] = (HANDLE)(ULONG_PTR)mailbox_get(box("own.", host_events[i]));
    h->no_dup = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE,
                            h->pi.dwProcessId);
    return ok;
}

/* Duplicate one of our events into the host, print the result, and post
 * the new value for the host to probe. */
static void give(struct host *h, const char *name, HANDLE source, DWORD access, BOOL inherit,
                 DWORD options)
{
    HANDLE copy = NULL;
    check_bool(check_name("into", name),
               DuplicateHandle(GetCurrentProcess(), source, h->pi.hProcess, &copy, access,
                               inherit, options));
    post(box("in.", name), (DWORD)(ULONG_PTR)copy);
}

/* Source: the current process; target: the host. */
static void into_host(struct host *h, HANDLE events[GIVEN_EVENTS])
{
    HANDLE narrow = NULL, copy = NULL;
    DuplicateHandle(GetCurrentProcess(), events[3], GetCurrentProcess(), &narrow, SYNCHRONIZE,
                    FALSE, 0);
    give(h, "same_access", events[0], 0, FALSE, DUPLICATE_SAME_ACCESS);
    give(h, "less_access", events[1], SYNCHRONIZE, FALSE, 0);
    /* More than the source handle has: checked against the object, which
     * lets its creator have all of it. */
    give(h, "more_access", events[2], EVENT_ALL_ACCESS, FALSE, 0);
    give(h, "same_from_narrow", narrow, 0, FALSE, DUPLICATE_SAME_ACCESS);
    give(h, "inherit", events[4], 0, TRUE, DUPLICATE_SAME_ACCESS);
    give(h, "no_inherit", events[5], 0, FALSE, DUPLICATE_SAME_ACCESS);
    HANDLE closing = events[6];
    DuplicateHandle(GetCurrentProcess(), events[6], GetCurrentProcess(), &events[6], 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    give(h, "close_source", closing, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
    check_bool("into.close_source.source_closed", CloseHandle(closing));
    CloseHandle(narrow);

    /* No lpTargetHandle: the copy is made, its value just not returned. */
    check_bool("into.null_target_handle",
               DuplicateHandle(GetCurrentProcess(), events[0], h->pi.hProcess, NULL, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));

    /* The pseudo-handles become real handles to this process and thread. */
    check_bool("into.current_process",
               DuplicateHandle(GetCurrentProcess(), GetCurrentProcess(), h->pi.hProcess, &copy,
                               0, FALSE, DUPLICATE_SAME_ACCESS));
    post(box("in.", "process"), (DWORD)(ULONG_PTR)copy);
    check_bool("into.current_thread",
               DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), h->pi.hProcess, &copy,
                               0, FALSE, DUPLICATE_SAME_ACCESS));
    post(box("in.", "thread"), (DWORD)(ULONG_PTR)copy);

    /* A target process handle without PROCESS_DUP_HANDLE. With
     * DUPLICATE_CLOSE_SOURCE the source is closed all the same: "this
     * occurs regardless of any error status returned". */
    HANDLE ev = new_event();
    check_bool("into.target_without_dup_right",
               DuplicateHandle(GetCurrentProcess(), ev, h->no_dup, &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    check_bool("into.target_without_dup_right.source_kept", CloseHandle(ev));
    ev = new_event();
    check_bool("into.target_without_dup_right.close_source",
               DuplicateHandle(GetCurrentProcess(), ev, h->no_dup, &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
    check_bool("into.target_without_dup_right.close_source.source_closed", CloseHandle(ev));
}

/* Source: the host; target: the current process, or none. */
static void from_host(struct host *h)
{
    HANDLE copy = NULL;
    check_bool("from.same_access", DuplicateHandle(h->pi.hProcess, host_event(h, "mine"),
                                                   GetCurrentProcess(), &copy, 0, FALSE,
                                                   DUPLICATE_SAME_ACCESS));
    check_bool("from.same_access.set", SetEvent(copy));
    CloseHandle(copy);
    check_bool("from.less_access", DuplicateHandle(h->pi.hProcess, host_event(h, "mine"),
                                                   GetCurrentProcess(), &copy, SYNCHRONIZE,
                                                   FALSE, 0));
    check_bool("from.less_access.set", SetEvent(copy));
    check_wait("from.less_access.wait", WaitForSingleObject(copy, 0));
    CloseHandle(copy);

    check_bool("from.close_source",
               DuplicateHandle(h->pi.hProcess, host_event(h, "to_close"), GetCurrentProcess(),
                               &copy, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
    check_bool("from.close_source.copy_works", SetEvent(copy));
    CloseHandle(copy);

    /* No target: the way to close a handle in another process. Microsoft
     * documents the NULL target as allowed with DUPLICATE_CLOSE_SOURCE, so
     * the call closes the source and succeeds on Windows and here; Wine 8
     * leaves a source in another process open (and fails). Nothing of it
     * is printed: the host does not report this handle. */
    DuplicateHandle(h->pi.hProcess, host_event(h, "close_null_target"), NULL, NULL, 0, FALSE,
                    DUPLICATE_CLOSE_SOURCE);

    /* A failed duplication still closes the source. */
    check_bool("from.close_source.failing",
               DuplicateHandle(h->pi.hProcess, host_event(h, "close_failing"), h->no_dup,
                               &copy, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));

    /* A protected source is duplicated but not closed. */
    copy = NULL;
    check_bool("from.protected.close_source",
               DuplicateHandle(h->pi.hProcess, host_event(h, "protected"), GetCurrentProcess(),
                               &copy, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
    check_bool("from.protected.close_source.copy_works", SetEvent(copy));
    CloseHandle(copy);

    /* The pseudo-handles, with another process as the source. Windows'
     * kernel reads the current-process one in the source's context (the
     * source process), Wine 8 in the caller's, and winhandle as Windows
     * does; neither is documented, so only "a process handle" is printed.
     * The current-thread one is the calling thread on both. */
    copy = NULL;
    check_bool("from.pseudo_process",
               DuplicateHandle(h->pi.hProcess, GetCurrentProcess(), GetCurrentProcess(), &copy,
                               0, FALSE, DUPLICATE_SAME_ACCESS));
    check_yes("from.pseudo_process.is_process", GetProcessId(copy) != 0);
    CloseHandle(copy);
    copy = NULL;
    check_bool("from.pseudo_thread",
               DuplicateHandle(h->pi.hProcess, GetCurrentThread(), GetCurrentProcess(), &copy,
                               0, FALSE, DUPLICATE_SAME_ACCESS));
    check_yes("from.pseudo_thread.is_caller", GetThreadId(copy) == GetCurrentThreadId());
    CloseHandle(copy);

    check_bool("from.invalid_source",
               DuplicateHandle(h->pi.hProcess, (HANDLE)(ULONG_PTR)0x7ffff0, GetCurrentProcess(),
                               &copy, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_bool("from.invalid_source.close_source",
               DuplicateHandle(h->pi.hProcess, (HANDLE)(ULONG_PTR)0x7ffff0, GetCurrentProcess(),
                               &copy, 0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
    check_bool("from.source_without_dup_right",
               DuplicateHandle(h->no_dup, host_event(h, "mine"), GetCurrentProcess(), &copy, 0,
                               FALSE, DUPLICATE_SAME_ACCESS));
}

/* Source: the host; target: the receiver; neither is the caller. */
static void between_children(struct host *h, PROCESS_INFORMATION *receiver)
{
    char args[64];
    HANDLE ready = shared_event(tag, "receiver_ready");
    snprintf(args, sizeof(args), "receiver %lu", (unsigned long)tag);
    check_bool("between.create_process", spawn_self(args, FALSE, receiver));
    check_wait("between.ready", WaitForSingleObject(ready, PATIENCE_MS));
    CloseHandle(ready);
    HANDLE copy = NULL;
    check_bool("between", DuplicateHandle(h->pi.hProcess, host_event(h, "crossing"),
                                          receiver->hProcess, &copy, 0, FALSE,
                                          DUPLICATE_SAME_ACCESS));
    post(box("crossing.", "value"), (DWORD)(ULONG_PTR)copy);
}

/* Once the children have probed: their findings, and the handle the host
 * duplicated back into this process. */
static void print_findings(HANDLE events[GIVEN_EVENTS])
{
    char name[64];
    for (size_t i = 0; i < HOST_EVENTS; i++) {
        DWORD probe = mailbox_get(box("probe.own.", host_events[i]));
        snprintf(name, sizeof(name), "host.own.%s", host_events[i]);
        if (strcmp(host_events[i], "close_null_target")) /* see from_host */
            print_probe(name, probe);
    }
    for (size_t i = 0; i < GIVEN_EVENTS; i++) {
        snprintf(name, sizeof(name), "host.given.%s", given_events[i]);
        print_probe(name, mailbox_get(box("probe.in.", given_events[i])));
        snprintf(name, sizeof(name), "host.given.%s.parent_sees_set", given_events[i]);
        check_wait(name, WaitForSingleObject(events[i], 0));
    }
    check_yes("host.given.process.id_is_parent", mailbox_get(box("", "process_id")) == 1);
    check_yes("host.given.thread.id_is_parent", mailbox_get(box("", "thread_id")) == 1);
    HANDLE back = (HANDLE)(ULONG_PTR)mailbox_get(box("", "back"));
    check_wait("host.back.wait", WaitForSingleObject(back, 0));
    CloseHandle(back);
    print_probe("receiver.crossing", mailbox_get(box("crossing.", "probe")));
}

/* Duplicating into, and out of, a process that has ended. */
static void ended(struct host *h)
{
    HANDLE ev = new_event(), copy = NULL;
    check_bool("ended.into", DuplicateHandle(GetCurrentProcess(), ev, h->pi.hProcess, &copy, 0,
                                             FALSE, DUPLICATE_SAME_ACCESS));
    check_bool("ended.from", DuplicateHandle(h->pi.hProcess, host_event(h, "mine"),
                                             GetCurrentProcess(), &copy, 0, FALSE,
                                             DUPLICATE_SAME_ACCESS));
    CloseHandle(ev);
}

/* The pseudo-handle of the current process as source: a real handle to
 * this process, with the access asked for. */
static void current_process(void)
{
    HANDLE all = NULL, limited = NULL, copy = NULL, ev = new_event();
    check_bool("current_process.same_access",
               DuplicateHandle(GetCurrentProcess(), GetCurrentProcess(), GetCurrentProcess(),
                               &all, 0, FALSE, DUPLICATE_SAME_ACCESS));
    check_yes("current_process.real_handle", all && all != GetCurrentProcess());
    check_yes("current_process.id_is_ours", GetProcessId(all) == GetCurrentProcessId());
    check_bool("current_process.as_target",
               DuplicateHandle(GetCurrentProcess(), ev, all, &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    CloseHandle(copy);
    check_bool("current_process.limited",
               DuplicateHandle(GetCurrentProcess(), GetCurrentProcess(), GetCurrentProcess(),
                               &limited, PROCESS_QUERY_LIMITED_INFORMATION, FALSE, 0));
    check_yes("current_process.limited.id_is_ours",
              GetProcessId(limited) == GetCurrentProcessId());
    check_bool("current_process.limited.as_target",
               DuplicateHandle(GetCurrentProcess(), ev, limited, &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    check_bool("current_process.limited.as_source",
               DuplicateHandle(limited, ev, GetCurrentProcess(), &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    CloseHandle(limited);
    CloseHandle(all);
    CloseHandle(ev);
}

static void across_processes(void)
{
    struct host h;
    PROCESS_INFORMATION receiver;
    HANDLE events[GIVEN_EVENTS];
    HANDLE go = shared_event(tag, "go"), receiver_go = shared_event(tag, "receiver_go");
    for (size_t i = 0; i < GIVEN_EVENTS; i++)
        events[i] = new_event();
    open_boxes();
    start_host(&h);
    into_host(&h, events);
    from_host(&h);
    between_children(&h, &receiver);
    /* The receiver sets the host's "crossing" event before the host looks. */
    SetEvent(receiver_go);
    check("receiver.exit_code", "%u", (unsigned)finish_child(&receiver));
    SetEvent(go);
    check_wait("host.ended", WaitForSingleObject(h.pi.hProcess, PATIENCE_MS));
    print_findings(events);
    ended(&h);
    check("host.exit_code", "%u", (unsigned)finish_child(&h.pi));
    CloseHandle(h.no_dup);
    for (size_t i = 0; i < GIVEN_EVENTS; i++)
        CloseHandle(events[i]);
    CloseHandle(go);
    CloseHandle(receiver_go);
    close_boxes();
}

int main(int argc, char **argv)
{
    children_init();
    if (argc > 2)
        return child_main(argv);
    tag = GetCurrentProcessId();
    current_process();
    across_processes();
    return 0;
}
