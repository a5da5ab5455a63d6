/*
 * A dialog from the program's own resources, used by another process.
 *
 * dialog.rc is an ordinary resource script; its compiled form (a .res
 * file from any windres) is embedded below with WINHANDLE_RESOURCES, so
 * CreateDialogParamA and LoadStringA find the dialog and the string as a
 * Windows program finds them in its PE image. The dialog is a window in
 * the session's USER table: a second process (this program started
 * again) finds it with FindWindowA by its class "#32770" and title,
 * reads the edit control's text by id and writes it, with no handle to
 * pass and nothing to open.
 *
 * Run: dialog
 */
#include <stdio.h>
#include <string.h>

#include <windows.h>
#include <winhandle_resources.h>

#ifndef DIALOG_RES
#define DIALOG_RES "dialog.res" /* the .res, from where the compiler runs */
#endif
WINHANDLE_RESOURCES(DIALOG_RES);

static INT_PTR CALLBACK greeting_proc(HWND dlg, UINT msg, WPARAM wparam, LPARAM lparam)
{
    (void)wparam;
    if (msg != WM_INITDIALOG)
        return FALSE;
    SetDlgItemTextA(dlg, 101, (const char *)lparam); /* the init parameter */
    return TRUE;
}

/* The other process: the dialog by its class and title, its control by id. */
static int visitor(void)
{
    HWND dlg = FindWindowA("#32770", "Greeting");
    char name[64] = "";
    if (!dlg || !GetDlgItemTextA(dlg, 101, name, sizeof(name)))
        return 1;
    printf("visitor: found the dialog, its name field says \"%s\"\n", name);
    return SetDlgItemTextA(dlg, 101, "visitor") ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "visit"))
        return visitor();
    HWND dlg = CreateDialogParamA(NULL, MAKEINTRESOURCEA(1), NULL, greeting_proc,
                                  (LPARAM) "world");
    if (!dlg) {
        printf("CreateDialogParamA failed: error %u\n", (unsigned)GetLastError());
        return 1;
    }
    char format[32], name[64], line[128];
    LoadStringA(NULL, 1, format, sizeof(format));
    GetDlgItemTextA(dlg, 101, name, sizeof(name));
    snprintf(line, sizeof(line), format, name);
    printf("owner: %s\n", line);

    char cmd[MAX_PATH + 16];
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    snprintf(cmd, sizeof(cmd), "\"%s\" visit", argv[0]);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return 1;
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    GetDlgItemTextA(dlg, 101, name, sizeof(name));
    snprintf(line, sizeof(line), format, name);
    printf("owner: %s\n", line);
    DestroyWindow(dlg);
    return code == 0 && !strcmp(name, "visitor") ? 0 : 1;
}
