/*
 * The desktop and the window station against Wine. Their handles are
 * kernel handles of the process's table (as on Windows: they can be
 * duplicated, and their values are multiples of 4), but the thread's
 * desktop and the process's window station cannot be closed.
 */
#include <string.h>

#include "conformance.h"

static DWORD WINAPI thread_desktop(LPVOID arg)
{
    *(HDESK *)arg = GetThreadDesktop(GetCurrentThreadId());
    return 0;
}

int main(void)
{
    SetLastError(UNTOUCHED_ERROR);
    HDESK desk = GetThreadDesktop(GetCurrentThreadId());
    check_create("thread_desktop", (HANDLE)desk);
    check_yes("thread_desktop.same_twice", GetThreadDesktop(GetCurrentThreadId()) == desk);
    check_yes("thread_desktop.kernel_value", ((ULONG_PTR)desk & 3) == 0);
    HDESK other = NULL;
    HANDLE t = CreateThread(NULL, 0, thread_desktop, &other, 0, NULL);
    WaitForSingleObject(t, PATIENCE_MS);
    CloseHandle(t);
    check_yes("thread_desktop.other_thread_same", other == desk);
    SetLastError(UNTOUCHED_ERROR);
    check_handle("thread_desktop.bad_thread", (HANDLE)GetThreadDesktop(0xfffff0));
    show_user_object_info("thread_desktop.name", desk, UOI_NAME);
    show_user_object_info("thread_desktop.type", desk, UOI_TYPE);

    SetLastError(UNTOUCHED_ERROR);
    check_bool("thread_desktop.close", CloseDesktop(desk));
    check_yes("thread_desktop.after_close", GetThreadDesktop(GetCurrentThreadId()) == desk);
    show_user_object_info("thread_desktop.name_after_close", desk, UOI_NAME);

    HANDLE copy = NULL;
    check_bool("thread_desktop.duplicate",
               DuplicateHandle(GetCurrentProcess(), desk, GetCurrentProcess(), &copy, 0, FALSE,
                               DUPLICATE_SAME_ACCESS));
    show_user_object_info("duplicate.name", copy, UOI_NAME);
    check_bool("duplicate.close", CloseDesktop((HDESK)copy));

    SetLastError(UNTOUCHED_ERROR);
    HDESK opened = OpenDesktopA("Default", 0, FALSE, DESKTOP_READOBJECTS);
    check_create("open_desktop", (HANDLE)opened);
    check_yes("open_desktop.new_handle", opened != desk);
    show_user_object_info("open_desktop.name", opened, UOI_NAME);
    check_bool("open_desktop.close", CloseDesktop(opened));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("open_desktop.close_again", CloseDesktop(opened));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("open_desktop.missing", (HANDLE)OpenDesktopA("no-such-desktop", 0, FALSE,
                                                             DESKTOP_READOBJECTS));
    SetLastError(UNTOUCHED_ERROR);
    HDESK via_close_handle = OpenDesktopA("Default", 0, FALSE, DESKTOP_READOBJECTS);
    check_bool("open_desktop.close_handle", CloseHandle(via_close_handle));

    SetLastError(UNTOUCHED_ERROR);
    HWINSTA sta = GetProcessWindowStation();
    check_create("process_winsta", (HANDLE)sta);
    check_yes("process_winsta.same_twice", GetProcessWindowStation() == sta);
    check_yes("process_winsta.kernel_value", ((ULONG_PTR)sta & 3) == 0);
    show_user_object_info("process_winsta.name", sta, UOI_NAME);
    show_user_object_info("process_winsta.type", sta, UOI_TYPE);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("process_winsta.close", CloseWindowStation(sta));
    show_user_object_info("process_winsta.name_after_close", sta, UOI_NAME);

    SetLastError(UNTOUCHED_ERROR);
    HWINSTA sta2 = OpenWindowStationA("WinSta0", FALSE, WINSTA_ENUMERATE);
    check_create("open_winsta", (HANDLE)sta2);
    check_yes("open_winsta.new_handle", sta2 != sta);
    check_bool("open_winsta.close", CloseWindowStation(sta2));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("open_winsta.close_again", CloseWindowStation(sta2));
    SetLastError(UNTOUCHED_ERROR);
    check_handle("open_winsta.missing", (HANDLE)OpenWindowStationA("NoSuchStation", FALSE,
                                                                   WINSTA_ENUMERATE));

    /* The wrong kind of handle. */
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("close_desktop.event", CloseDesktop((HDESK)ev));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("close_desktop.winsta", CloseDesktop((HDESK)sta));
    SetLastError(UNTOUCHED_ERROR);
    check_bool("close_winsta.desktop", CloseWindowStation((HWINSTA)desk));
    show_user_object_info("event.name", ev, UOI_NAME);
    CloseHandle(ev);
    SetLastError(UNTOUCHED_ERROR);
    check_bool("close_desktop.null", CloseDesktop(NULL));
    return 0;
}
