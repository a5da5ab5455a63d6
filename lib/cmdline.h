/* Windows command-line splitting and joining (see cmdline.c). */
#ifndef WINHANDLE_LIB_CMDLINE_H
#define WINHANDLE_LIB_CMDLINE_H

char **cmdline_split(const char *cmdline, int *argc);
void cmdline_free_argv(char **argv);
char *cmdline_join(char *const *argv);

#endif
