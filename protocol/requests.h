/*
 * The request table: every request the server understands, in one list.
 *
 * Each entry is REQ(name, request fields, reply fields). A field is
 * F(type, name) with type one of uint32_t, int32_t, uint64_t; WH_NONE stands
 * for an empty list. protocol.h expands this list into the wire structs, the
 * request codes and the names used in traces; the server expands it into its
 * dispatch table. Add a request here and nowhere else.
 *
 * Rules that keep 32-bit and 64-bit builds identical on the wire:
 *  - fixed-width fields only, no pointers, no enums, no bool;
 *  - a uint64_t field sits at an offset that is a multiple of 8 and the body
 *    is a multiple of 8 bytes long when it holds one (protocol.h asserts that
 *    every struct is exactly the sum of its fields: no padding anywhere);
 *  - variable data follows the fixed body; its lengths are fields of the body.
 *
 * Handles travel as uint32_t: only the low 32 bits of a handle mean anything.
 */
#ifndef WINHANDLE_PROTOCOL_REQUESTS_H
#define WINHANDLE_PROTOCOL_REQUESTS_H

#include "trace_requests.h"
#include "gdi_requests.h"
#include "user_requests.h"
#include "window_requests.h"

#define WH_REQUESTS(REQ, F)                                                    \
    /* First request on every connection. data: nothing. With flags'      \
     * WH_HELLO_PIPES it carries two pipe ends (protocol.h); the reply's     \
     * flags say WH_HELLO_PIPES when the server took them. */                \
    REQ(hello,                                                                  \
        F(uint32_t, version) F(uint32_t, pid) F(uint32_t, tid)                 \
        F(uint32_t, bitness) F(uint32_t, flags) F(uint32_t, reserved)          \
        F(uint64_t, start_token),                                              \
        F(uint32_t, version) F(uint32_t, server_pid)                           \
        F(uint32_t, flags) F(uint32_t, reserved))                              \
                                                                                \
    /* Handles. */                                                             \
    REQ(close_handle, F(uint32_t, handle), WH_NONE)                            \
    REQ(get_handle_info, F(uint32_t, handle), F(uint32_t, flags))              \
    REQ(set_handle_info,                                                       \
        F(uint32_t, handle) F(uint32_t, mask) F(uint32_t, flags),              \
        WH_NONE)                                                               \
    REQ(dup_handle,                                                            \
        F(uint32_t, src_process) F(uint32_t, src_handle)                       \
        F(uint32_t, dst_process) F(uint32_t, access)                           \
        F(uint32_t, inherit) F(uint32_t, options),                             \
        F(uint32_t, handle) F(uint32_t, reserved))                             \
                                                                                \
    /* The descriptor behind a handle (mapping, pipe, file), sent with the   \
     * reply by SCM_RIGHTS, if the handle grants all of access. The reply    \
     * says the object's type and id, per-type flags and the handle's       \
     * granted access, so the library may keep it for later calls. */       \
    REQ(get_handle_fd, F(uint32_t, handle) F(uint32_t, access),                \
        F(uint32_t, type) F(uint32_t, flags) F(uint32_t, object_id)            \
        F(uint32_t, granted))                                                  \
                                                                                \
    /* The caller's process page (protocol/process_page.h), sent read-only \
     * with the reply; made on first request. */                            \
    REQ(get_process_page, WH_NONE, F(uint32_t, size) F(uint32_t, reserved)) \
                                                                                \
    /* Files. create_file carries the descriptor the library opened (its   \
     * own path and permissions) by SCM_RIGHTS: the server checks sharing  \
     * against every other open of the same file and keeps it, so handles \
     * duplicated or inherited elsewhere get it through get_handle_fd.     \
     * access is the file rights wanted (generic rights allowed); flags    \
     * WH_FILE_*. check_delete: may the file (dev, ino) be deleted, given  \
     * the share modes of its opens? */                                    \
    REQ(create_file,                                                           \
        F(uint32_t, access) F(uint32_t, sharing) F(uint32_t, inherit)          \
        F(uint32_t, flags),                                                    \
        F(uint32_t, handle) F(uint32_t, reserved))                             \
    REQ(check_delete, F(uint64_t, dev) F(uint64_t, ino), WH_NONE)              \
                                                                                \
    /* Pipes. Data never passes through the server: each end is a         \
     * descriptor (a Linux pipe, or one side of a socketpair for a named   \
     * pipe) that the library reads and writes itself. Named pipe names    \
     * travel without their \\.\pipe\ prefix. */                             \
    REQ(create_pipe, F(uint32_t, inherit) F(uint32_t, size),                   \
        F(uint32_t, read_handle) F(uint32_t, write_handle))                    \
    REQ(create_named_pipe,                                                     \
        F(uint32_t, open_mode) F(uint32_t, pipe_mode)                          \
        F(uint32_t, max_instances) F(uint32_t, out_size) F(uint32_t, in_size)  \
        F(uint32_t, timeout) F(uint32_t, inherit) F(uint32_t, name_len),       \
        F(uint32_t, handle) F(uint32_t, reserved))                             \
    REQ(open_named_pipe,                                                       \
        F(uint32_t, access) F(uint32_t, inherit) F(uint32_t, name_len),        \
        F(uint32_t, handle))                                                   \
    /* pending = 1: no client yet; wait on the handle (it is signaled when  \
     * one comes), then ask again with after_wait = 1. */                  \
    REQ(connect_named_pipe, F(uint32_t, handle) F(uint32_t, after_wait),       \
        F(uint32_t, pending))                                                  \
    REQ(disconnect_named_pipe, F(uint32_t, handle), WH_NONE)                   \
    /* WaitNamedPipeA: a handle to the pipe's name, signaled while an       \
     * instance listens, to wait on and close; timeout: the pipe's default. */\
    REQ(wait_named_pipe, F(uint32_t, name_len),                                \
        F(uint32_t, handle) F(uint32_t, timeout))                              \
    REQ(set_pipe_mode, F(uint32_t, handle) F(uint32_t, mode), WH_NONE)         \
    REQ(pipe_info, F(uint32_t, handle),                                        \
        F(uint32_t, flags) F(uint32_t, pipe_mode) F(uint32_t, out_size)        \
        F(uint32_t, in_size) F(uint32_t, max_instances)                        \
        F(uint32_t, client_pid) F(uint32_t, server_pid) F(uint32_t, reserved)) \
    /* A transfer on a named pipe end met the end of its descriptor: the    \
     * reply's error is what ReadFile or WriteFile reports; 0 means the     \
     * pipe was reconnected, so the descriptor is stale: fetch it again. */ \
    REQ(pipe_status, F(uint32_t, handle) F(uint32_t, writing), WH_NONE)        \
                                                                                \
    /* File mappings (sections). create_mapping: file is a file handle, or  \
     * 0 for memory the server holds; size 0 with a file means the file's   \
     * size. protect is CreateFileMappingA's (PAGE_* | SEC_*); access the    \
     * handle's rights. data: the name. map_view: protect is the view's      \
     * PAGE_*, offset and size its range (size 0: to the end). The server    \
     * checks the handle's rights, the section's protection and the range,  \
     * and sends the descriptor to mmap by SCM_RIGHTS, read-only unless the  \
     * view writes through to the section; the reply has the view's size. */\
    REQ(create_mapping,                                                        \
        F(uint32_t, access) F(uint32_t, inherit) F(uint32_t, protect)          \
        F(uint32_t, file) F(uint64_t, size) F(uint32_t, name_len)              \
        F(uint32_t, reserved),                                                 \
        F(uint32_t, handle) F(uint32_t, existed))                              \
    REQ(map_view,                                                              \
        F(uint32_t, handle) F(uint32_t, protect) F(uint64_t, offset)           \
        F(uint64_t, size),                                                     \
        F(uint64_t, size))                                                     \
                                                                                \
    /* Named objects. data: the name, name_len bytes, no terminator.           \
     * A create reply says existed = 1 when the name was taken by an          \
     * object of the same type (the handle then refers to it). */             \
    REQ(create_event,                                                          \
        F(uint32_t, access) F(uint32_t, inherit) F(uint32_t, manual_reset)     \
        F(uint32_t, initial_state) F(uint32_t, name_len),                      \
        F(uint32_t, handle) F(uint32_t, existed))                              \
    REQ(create_mutex,                                                          \
        F(uint32_t, access) F(uint32_t, inherit) F(uint32_t, owned)            \
        F(uint32_t, name_len),                                                 \
        F(uint32_t, handle) F(uint32_t, existed))                              \
    REQ(create_semaphore,                                                      \
        F(uint32_t, access) F(uint32_t, inherit) F(int32_t, initial)           \
        F(int32_t, maximum) F(uint32_t, name_len),                             \
        F(uint32_t, handle) F(uint32_t, existed))                              \
    REQ(open_object,                                                           \
        F(uint32_t, type) F(uint32_t, access) F(uint32_t, inherit)             \
        F(uint32_t, name_len),                                                 \
        F(uint32_t, handle))                                                   \
                                                                                \
    /* Synchronization objects. */                                             \
    REQ(event_op, F(uint32_t, handle) F(uint32_t, op), F(uint32_t, prev_state))\
    REQ(release_mutex, F(uint32_t, handle), F(uint32_t, prev_count))           \
    REQ(release_semaphore,                                                     \
        F(uint32_t, handle) F(int32_t, count),                                 \
        F(int32_t, prev_count))                                                \
                                                                                \
    /* Waits. data: count uint32_t handles. The reply comes when the wait     \
     * ends. signal is a handle to signal first (SignalObjectAndWait) or 0.  \
     * queue = 1: the caller's message queue is one more object, at index   \
     * count (count may then be 0; 64 objects at most in all). */            \
    REQ(wait,                                                                  \
        F(uint32_t, count) F(uint32_t, wait_all) F(uint32_t, timeout_ms)       \
        F(uint32_t, signal) F(uint32_t, queue),                                \
        F(uint32_t, result))                                                   \
                                                                                \
    /* Threads and processes. */                                               \
    /* A thread the caller just started (CreateThread). With suspended = 1  \
     * the request carries the write end of the thread's start gate (a pipe  \
     * the new thread blocks on) by SCM_RIGHTS: the server opens the gate    \
     * when ResumeThread brings the suspend count to 0. */                    \
    REQ(new_thread,                                                            \
        F(uint32_t, tid) F(uint32_t, access) F(uint32_t, inherit)              \
        F(uint32_t, suspended),                                                \
        F(uint32_t, handle))                                                   \
    /* A child the caller just forked (CreateProcessA), still blocked before \
     * exec: the server registers it, copies the caller's inheritable        \
     * handles into its table when flags has WH_NEW_PROCESS_INHERIT, and     \
     * returns handles to it and its main thread. With                        \
     * WH_NEW_PROCESS_SUSPENDED the request carries the child's start gate   \
     * by SCM_RIGHTS (see new_thread). data: a wh_startup_record and its     \
     * strings, kept for the child's get_startup_info. */                     \
    REQ(new_process,                                                           \
        F(uint32_t, pid) F(uint32_t, inherit_process)                          \
        F(uint32_t, inherit_thread) F(uint32_t, flags),                        \
        F(uint32_t, process_handle) F(uint32_t, thread_handle))                \
    /* The caller's own wh_startup_record and strings, if its parent made it \
     * with CreateProcessA; found = 0 otherwise. */                            \
    REQ(get_startup_info, WH_NONE, F(uint32_t, found) F(uint32_t, reserved))   \
    /* The caller's child pid ended with this wait status; sent by the       \
     * library's reaper before it reaps, so the exit code is never lost. */  \
    REQ(child_exited, F(uint32_t, pid) F(uint32_t, exit_code), WH_NONE)       \
    /* OpenProcess and OpenThread: type WH_TYPE_PROCESS or WH_TYPE_THREAD,  \
     * id a pid or a tid. */                                                   \
    REQ(open_by_id,                                                            \
        F(uint32_t, type) F(uint32_t, id) F(uint32_t, access)                  \
        F(uint32_t, inherit),                                                  \
        F(uint32_t, handle))                                                   \
    REQ(terminate_process, F(uint32_t, handle) F(uint32_t, exit_code),         \
        F(uint32_t, self))                                                     \
    /* delta +1 suspends, -1 resumes; the reply has the previous count. */    \
    REQ(suspend_thread, F(uint32_t, handle) F(int32_t, delta),                 \
        F(uint32_t, prev_count))                                               \
    REQ(thread_exit, F(uint32_t, exit_code), WH_NONE)                          \
    REQ(process_exit, F(uint32_t, exit_code), WH_NONE)                         \
    REQ(get_thread_info, F(uint32_t, handle),                                  \
        F(uint32_t, tid) F(uint32_t, pid) F(uint32_t, exit_code)               \
        F(uint32_t, reserved))                                                 \
    /* bitness: 32 or 64 (IsWow64Process); 0 if unknown. */                 \
    REQ(get_process_info, F(uint32_t, handle),                                 \
        F(uint32_t, pid) F(uint32_t, exit_code)                                \
        F(uint32_t, bitness) F(uint32_t, reserved))                            \
                                                                                \
    /* Inspection (winhandle). Replies carry arrays of the wh_*_record        \
     * structs below as variable data. */                                      \
    REQ(server_info, WH_NONE,                                                  \
        F(uint32_t, version) F(uint32_t, server_pid)                           \
        F(uint32_t, processes) F(uint32_t, threads)                            \
        F(uint32_t, objects) F(uint32_t, handles)                              \
        F(uint32_t, clients) F(uint32_t, idle_timeout_ms)                      \
        F(uint64_t, uptime_ms) F(uint64_t, requests))                          \
    REQ(list_processes, WH_NONE, F(uint32_t, count) F(uint32_t, record_size))  \
    /* One page of a process's handle table: the live entries from slot   \
     * start on, at most WH_LIST_PAGE of them; next is the slot to ask for \
     * next, 0 at the end. Paged so that listing a million handles never   \
     * holds the (single-threaded) server for more than a page's worth:    \
     * other clients are served between pages. Not one atomic snapshot:   \
     * the table may change between pages. */                              \
    REQ(list_handles, F(uint32_t, pid) F(uint32_t, start),                     \
        F(uint32_t, count) F(uint32_t, record_size)                            \
        F(uint32_t, next) F(uint32_t, reserved))                               \
    /* Every live object, in creation order: count wh_object_records, each  \
     * followed by its name (padded to 8 bytes) and its holder_count        \
     * wh_holder_records. type: 0 for all, else one enum wh_object_type;    \
     * reserved must be 0. */                                               \
    REQ(list_objects, F(uint32_t, type) F(uint32_t, reserved),                 \
        F(uint32_t, count) F(uint32_t, record_size)                            \
        F(uint32_t, holder_size) F(uint32_t, reserved))                        \
    WH_USER_REQUESTS(REQ, F) /* USER objects: user_requests.h */            \
    WH_WINDOW_REQUESTS(REQ, F) /* windows: window_requests.h */             \
    WH_TRACE_REQUESTS(REQ, F) /* tracing: trace_requests.h */               \
    WH_GDI_REQUESTS(REQ, F)  /* GDI objects: gdi_requests.h */              \
    REQ(shutdown, WH_NONE, WH_NONE)

#endif
