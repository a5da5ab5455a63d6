/*
 * Desktops (desktop.c): the window station "WinSta0" holds the desktop
 * "Default" and whatever desktops CreateDesktopA makes. Every thread is
 * on one desktop; a window lives on its creator's desktop, and a thread
 * may use only the windows of its own (the access check of issue 5: a
 * caller on another desktop gets ERROR_ACCESS_DENIED, and the refusal is
 * kept for `winhandle user` to show why).
 *
 * A desktop is a kernel object (handles to it are in process tables);
 * references are held by its handles, by the threads and processes on
 * it, and by its windows, so it outlives everything that can name it.
 * "Default" is the session's and never goes.
 */
#ifndef WINHANDLED_DESKTOP_H
#define WINHANDLED_DESKTOP_H

#include <stdint.h>

struct desktop;
struct thread;
struct process;
struct request_ctx;

/* The thread's desktop, decided on first need: the one its process
 * started on (STARTUPINFO.lpDesktop or its creator's), else "Default".
 * NULL only when memory ran out (*error set). No reference is added. */
struct desktop *thread_desktop(struct thread *thread, uint32_t *error);

/* For CreateProcessA: the new process starts on the desktop named by its
 * startup record ("Desktop" or "WinSta0\Desktop", made if missing, as
 * Wine does), or on its creator thread's. 0 or a Win32 error. */
uint32_t process_set_start_desktop(struct process *child, struct thread *creator,
                                   const char *name, uint32_t len);

/* The desktop's name ("Default") and the slot where window.c keeps its
 * desktop window (NULL until made). */
const char *desktop_name(const struct desktop *desk);
void **desktop_root_slot(struct desktop *desk);
/* Hold or release a desktop (windows keep theirs). */
struct desktop *desktop_grab(struct desktop *desk);
void desktop_release(struct desktop *desk);

/* The thread and process death paths drop their references here. */
void desktop_thread_gone(struct thread *thread);
void desktop_process_gone(struct process *process);

/* A caller on `from` was refused an object on `to`: remembered (the last
 * WH_MAX_REFUSALS) for the inspector's list_refusals. */
void desktop_note_refusal(struct request_ctx *ctx, uint32_t handle, const struct desktop *to);

#endif
