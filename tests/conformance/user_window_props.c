/*
 * Window properties against Wine: SetPropA, GetPropA, RemovePropA,
 * EnumPropsA and EnumPropsExA, names (case blind) and integer atoms,
 * their errors and use after destroy; another thread and a child process
 * (which finds the window by its title) read what this one set.
 *
 * After an enumeration over a window only its result is printed: Wine
 * leaves a last error of its own behind there. An integer atom comes to
 * an EnumPropsA callback as its string form, "#5", as in Wine.
 */
#include "children.h"
#include "msg_log.h"

#define CLASS "WhProps"

static char seen[2048];

static void note(LPCSTR name, HANDLE data)
{
    size_t len = strlen(seen);
    if (IS_INTRESOURCE(name))
        snprintf(seen + len, sizeof(seen) - len, "%satom%u=%lu", len ? " " : "",
                 (unsigned)(ULONG_PTR)name, (unsigned long)(ULONG_PTR)data);
    else
        snprintf(seen + len, sizeof(seen) - len, "%s%.12s(%u)=%lu", len ? " " : "", name,
                 (unsigned)strlen(name), (unsigned long)(ULONG_PTR)data);
}

static BOOL CALLBACK each(HWND hwnd, LPCSTR name, HANDLE data)
{
    (void)hwnd;
    note(name, data);
    return TRUE;
}

/* Stops after lp properties; removes each one it is given when lp is 0. */
static BOOL CALLBACK each_ex(HWND hwnd, LPSTR name, HANDLE data, ULONG_PTR lp)
{
    static ULONG_PTR calls;
    note(name, data);
    if (!lp) {
        RemovePropA(hwnd, name);
        return TRUE;
    }
    return ++calls % lp != 0;
}

static void check_enum(const char *name, int result)
{
    check(name, "%d: %s", result, seen[0] ? seen : "(none)");
    seen[0] = 0;
}

static HWND make(const char *title)
{
    return CreateWindowExA(0, CLASS, title, WS_POPUP, 0, 0, 10, 10, NULL, NULL, NULL, NULL);
}

static void names_and_atoms(HWND h)
{
    CHECK_INT("set", SetPropA(h, "Name", (HANDLE)11));
    CHECK_INT("get", (ULONG_PTR)GetPropA(h, "Name"));
    CHECK_INT("get.other_case", (ULONG_PTR)GetPropA(h, "NAME"));
    CHECK_INT("get.missing", (ULONG_PTR)GetPropA(h, "Missing"));
    CHECK_INT("set.again_other_case", SetPropA(h, "name", (HANDLE)12));
    CHECK_INT("get.replaced", (ULONG_PTR)GetPropA(h, "Name"));
    CHECK_INT("set.atom", SetPropA(h, MAKEINTATOM(5), (HANDLE)13));
    CHECK_INT("get.atom", (ULONG_PTR)GetPropA(h, MAKEINTATOM(5)));
    CHECK_INT("get.atom_missing", (ULONG_PTR)GetPropA(h, MAKEINTATOM(6)));
    CHECK_INT("set.null_value", SetPropA(h, "Zero", NULL));
    CHECK_INT("get.null_value", (ULONG_PTR)GetPropA(h, "Zero"));
    /* An empty name and atom 0 name nothing: set "succeeds", keeps none. */
    CHECK_INT("set.empty_name", SetPropA(h, "", (HANDLE)3));
    CHECK_INT("get.empty_name", (ULONG_PTR)GetPropA(h, ""));
    CHECK_INT("remove.empty_name", (ULONG_PTR)RemovePropA(h, ""));
    CHECK_INT("set.atom0", SetPropA(h, NULL, (HANDLE)3));
    CHECK_INT("get.atom0", (ULONG_PTR)GetPropA(h, NULL));
    CHECK_INT("remove.atom0", (ULONG_PTR)RemovePropA(h, NULL));
    char name[300];
    memset(name, 'x', sizeof(name) - 1);
    name[255] = 0;
    CHECK_INT("set.name_255", SetPropA(h, name, (HANDLE)4));
    CHECK_INT("get.name_255", (ULONG_PTR)GetPropA(h, name));
    name[255] = 'x';
    name[256] = 0;
    CHECK_INT("set.name_256", SetPropA(h, name, (HANDLE)4));
    CHECK_INT("get.name_256", (ULONG_PTR)GetPropA(h, name));
    CHECK_INT("remove.name_256", (ULONG_PTR)RemovePropA(h, name));
}

static void enumerate(HWND h)
{
    check_enum("enum", EnumPropsA(h, each));
    check_enum("enum_ex.stop_after_2", EnumPropsExA(h, each_ex, 2));
    CHECK_INT("remove", (ULONG_PTR)RemovePropA(h, "NAME"));
    CHECK_INT("remove.again", (ULONG_PTR)RemovePropA(h, "NAME"));
    CHECK_INT("get.removed", (ULONG_PTR)GetPropA(h, "Name"));
    CHECK_INT("remove.atom", (ULONG_PTR)RemovePropA(h, MAKEINTATOM(5)));
    check_enum("enum.after_removes", EnumPropsA(h, each));
    /* The callback removes each property it is given. */
    check_enum("enum_ex.removing", EnumPropsExA(h, each_ex, 0));
    check_enum("enum.none_left", EnumPropsA(h, each));
}

static void bad_windows(void)
{
    HWND bad = (HWND)(ULONG_PTR)0xdead0;
    CHECK_INT("set.bad_window", SetPropA(bad, "x", (HANDLE)1));
    CHECK_INT("set.bad_window_atom0", SetPropA(bad, NULL, (HANDLE)1));
    CHECK_INT("get.bad_window", (ULONG_PTR)GetPropA(bad, "x"));
    CHECK_INT("remove.bad_window", (ULONG_PTR)RemovePropA(bad, "x"));
    SetLastError(UNTOUCHED_ERROR);
    check_enum("enum.bad_window", EnumPropsA(bad, each));
    char buf[32];
    check("enum.bad_window.error", "%s", error_name(GetLastError(), buf));
    HWND desk = GetDesktopWindow();
    CHECK_INT("set.desktop", SetPropA(desk, "WhDesk", (HANDLE)5));
    CHECK_INT("get.desktop", (ULONG_PTR)GetPropA(desk, "WhDesk"));
    CHECK_INT("remove.desktop", (ULONG_PTR)RemovePropA(desk, "WhDesk"));
}

static DWORD WINAPI reader(LPVOID arg)
{
    return (DWORD)(ULONG_PTR)GetPropA((HWND)arg, "Shared");
}

static void other_thread(HWND h)
{
    SetPropA(h, "Shared", (HANDLE)77);
    HANDLE t = CreateThread(NULL, 0, reader, h, 0, NULL);
    DWORD got = 0;
    WaitForSingleObject(t, PATIENCE_MS);
    GetExitCodeThread(t, &got);
    CloseHandle(t);
    check("thread.reads", "%lu", (unsigned long)got);
}

/* The child: finds the window titled after the tag and returns the value
 * of its property "Shared", or 0xdead if it finds no window. */
static int child_read(DWORD tag)
{
    char title[64];
    snprintf(title, sizeof(title), "props-%lu", (unsigned long)tag);
    HWND hwnd = FindWindowA(CLASS, title);
    if (!hwnd)
        return 0xdead;
    DWORD value = (DWORD)(ULONG_PTR)GetPropA(hwnd, "shared");
    SetPropA(hwnd, "FromChild", (HANDLE)(ULONG_PTR)(value + 1));
    return (int)value;
}

static void cross_process(void)
{
    DWORD tag = GetCurrentProcessId();
    char title[64], args[64];
    snprintf(title, sizeof(title), "props-%lu", (unsigned long)tag);
    HWND w = make(title);
    SetPropA(w, "Shared", (HANDLE)4321);
    snprintf(args, sizeof(args), "read %lu", (unsigned long)tag);
    check("child.reads", "%lu", (unsigned long)run_self(args, FALSE));
    CHECK_INT("child.wrote", (ULONG_PTR)GetPropA(w, "FromChild"));
    DestroyWindow(w);
}

int main(int argc, char **argv)
{
    children_init();
    WNDCLASSA wc = { 0 };
    wc.lpfnWndProc = DefWindowProcA;
    wc.lpszClassName = CLASS;
    RegisterClassA(&wc);
    if (argc > 2 && !strcmp(argv[1], "read"))
        return child_read(arg_number(argv[2]));

    HWND h = make("props");
    names_and_atoms(h);
    enumerate(h);
    bad_windows();
    other_thread(h);
    cross_process();
    SetPropA(h, "Left", (HANDLE)1);
    check_yes("destroy.with_props", DestroyWindow(h));
    CHECK_INT("get.dead", (ULONG_PTR)GetPropA(h, "Left"));
    CHECK_INT("set.dead", SetPropA(h, "Left", (HANDLE)2));
    CHECK_INT("remove.dead", (ULONG_PTR)RemovePropA(h, "Left"));
    SetLastError(UNTOUCHED_ERROR);
    check_enum("enum.dead", EnumPropsA(h, each));
    return 0;
}
