/*
 * A program's Windows resources, for winhandle: not part of Windows' SDK.
 *
 * A Windows executable carries its resources (dialogs, menus, strings,
 * cursors, icons) in its PE image; a Linux executable has no place for
 * them. winhandle takes them from a .res file, the compiled form any
 * resource compiler writes, embedded in the program by this macro in one
 * of its C files:
 *
 *     #include <winhandle_resources.h>
 *     WINHANDLE_RESOURCES("app.res");
 *
 * where app.res comes from the program's .rc, unchanged from Windows:
 *
 *     x86_64-w64-mingw32-windres app.rc -O res -o app.res
 *
 * The path is the assembler's (.incbin): relative to the directory the
 * compiler runs in, or absolute. The resources then belong to the
 * program's module (GetModuleHandleA(NULL), or a NULL instance), and
 * FindResourceA, LoadResource, CreateDialogParamA, LoadMenuA and
 * LoadStringA find them. A program without the macro has no resources.
 */
#ifndef WINHANDLE_RESOURCES_H
#define WINHANDLE_RESOURCES_H

#if defined(_WIN32)
/* A Windows build links its .res as an object instead. */
#define WINHANDLE_RESOURCES(path)
#else
#define WINHANDLE_RESOURCES(path)                                              \
    __asm__(".pushsection .rodata.winhandle_resources,\"a\"\n"                 \
            ".balign 4\n"                                                      \
            ".globl winhandle_resources\n"                                     \
            ".type winhandle_resources, @object\n"                             \
            "winhandle_resources:\n"                                           \
            ".incbin \"" path "\"\n"                                           \
            ".globl winhandle_resources_end\n"                                 \
            "winhandle_resources_end:\n"                                       \
            ".size winhandle_resources, winhandle_resources_end - winhandle_resources\n" \
            ".popsection\n")
#endif

#endif
