/*
 * Creation sites for handle tracing: glibc's backtrace(), then names.
 *
 * Names come from two places. dladdr() knows the dynamic symbols, which
 * names the Win32 function the program called (libwinhandle exports
 * exactly those). For the program's own frames we want file:line, which
 * only the debug information has; rather than link a DWARF reader, we run
 * binutils' addr2line once per module for all the return addresses of a
 * backtrace it has not seen, and remember every answer, so a loop that
 * makes a thousand handles costs one addr2line run. Without addr2line, or
 * without debug information, a frame is "symbol+0xOFF (module)" or
 * "module+0xOFF".
 */
#include "trace.h"

#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define MAX_FRAMES 64
#define MAX_SHOWN 12   /* program frames kept in a site */
#define CACHE_BUCKETS 512

struct frame {
    void *addr;
    const char *module;  /* path, from dladdr (the main program: /proc/self/exe) */
    uintptr_t offset;    /* what addr2line wants: file-relative unless ET_EXEC */
    const char *sym;     /* dynamic symbol, or NULL */
    uintptr_t sym_off;
};

/* What a return address is, worked out once: dladdr() scans symbol
 * tables and addr2line is a process, so each address pays them once. */
enum frame_kind { FRAME_OURS, FRAME_SKIP, FRAME_PROGRAM };

struct cached {
    void *addr;
    enum frame_kind kind;
    char *text;     /* OURS: its dynamic symbol or NULL; PROGRAM: its name */
    struct cached *next;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cached *cache[CACHE_BUCKETS];
static void *self_base;
static int self_is_program; /* libwinhandle linked statically into the program */
static char program_path[4096];

static void find_self(void)
{
    Dl_info info;
    if (dladdr((void *)trace_capture_site, &info))
        self_base = info.dli_fbase;
    ssize_t n = readlink("/proc/self/exe", program_path, sizeof(program_path) - 1);
    program_path[n > 0 ? n : 0] = '\0';
    /* The main program's entry in the link map has an empty name. */
    struct link_map *map = dlopen(NULL, RTLD_NOW | RTLD_NOLOAD);
    if (map) {
        self_is_program = info.dli_fbase == (void *)map->l_addr ||
                          (info.dli_fname && !strcmp(info.dli_fname, program_path));
        dlclose(map);
    }
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int is_libc(const char *module)
{
    const char *b = base_name(module);
    return !strncmp(b, "libc.so", 7) || !strncmp(b, "libc-", 5) || !strncmp(b, "ld-linux", 8);
}

static void describe(void *addr, struct frame *f)
{
    Dl_info info;
    memset(f, 0, sizeof(*f));
    f->addr = addr;
    f->module = "?";
    if (!dladdr(addr, &info))
        return;
    f->module = info.dli_fname && strchr(info.dli_fname, '/') ? info.dli_fname : program_path;
    f->sym = info.dli_sname;
    f->sym_off = (uintptr_t)addr - (uintptr_t)info.dli_saddr;
    /* A return address is just past its call: look up the call itself. */
    uintptr_t at = (uintptr_t)addr - 1;
    const ElfW(Ehdr) *ehdr = info.dli_fbase;
    f->offset = ehdr && ehdr->e_type == ET_EXEC ? at : at - (uintptr_t)info.dli_fbase;
}

static struct cached **bucket(void *addr)
{
    return &cache[((uintptr_t)addr >> 4) % CACHE_BUCKETS];
}

static struct cached *cache_find(void *addr)
{
    for (struct cached *c = *bucket(addr); c; c = c->next)
        if (c->addr == addr)
            return c;
    return NULL;
}

static struct cached *cache_add(void *addr, enum frame_kind kind, char *text)
{
    struct cached *c = malloc(sizeof(*c));
    if (!c) {
        free(text);
        return NULL;
    }
    *c = (struct cached){ .addr = addr, .kind = kind, .text = text, .next = *bucket(addr) };
    *bucket(addr) = c;
    return c;
}

/* What dladdr alone says of a frame. */
static char *plain_name(const struct frame *f)
{
    char *s = NULL;
    int r = f->sym ? asprintf(&s, "%s+0x%lx (%s)", f->sym, (unsigned long)f->sym_off,
                              base_name(f->module))
                   : asprintf(&s, "%s+0x%lx", base_name(f->module),
                              (unsigned long)f->offset + 1);
    return r < 0 ? NULL : s;
}

/* "function (file.c:LINE)" from addr2line's two lines, or NULL if it knew
 * nothing useful. */
static char *addr2line_name(const char *func, const char *where)
{
    char *s = NULL;
    int known_func = func[0] && strcmp(func, "??");
    int known_line = where[0] && strncmp(where, "??", 2) && !strstr(where, ":0");
    if (!known_func)
        return NULL;
    /* "file.c:12 (discriminator 3)": keep file.c:12. */
    char place[512];
    snprintf(place, sizeof(place), "%s", base_name(where));
    place[strcspn(place, " ")] = '\0';
    int r = known_line ? asprintf(&s, "%s (%s)", func, place) : asprintf(&s, "%s", func);
    return r < 0 ? NULL : s;
}

/* Run addr2line on n offsets of one module; out[i] gets a name or NULL. */
static void run_addr2line(const char *module, struct frame **frames, int n, char **out)
{
    char *argv[6 + MAX_FRAMES + 1];
    char hex[MAX_FRAMES][24];
    int argc = 0;
    argv[argc++] = "addr2line";
    argv[argc++] = "-f";
    argv[argc++] = "-C";
    argv[argc++] = "-e";
    argv[argc++] = (char *)module;
    for (int i = 0; i < n; i++) {
        snprintf(hex[i], sizeof(hex[i]), "0x%lx", (unsigned long)frames[i]->offset);
        argv[argc++] = hex[i];
    }
    argv[argc] = NULL;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int spawned = posix_spawnp(&pid, "addr2line", &actions, NULL, argv, environ) == 0;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = spawned ? open_memstream(&text, &len) : NULL;
    char buf[4096];
    ssize_t got;
    while (mem && ((got = read(fds[0], buf, sizeof(buf))) > 0 || (got < 0 && errno == EINTR)))
        if (got > 0)
            fwrite(buf, 1, (size_t)got, mem);
    close(fds[0]);
    if (mem)
        fclose(mem);
    while (spawned && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    char *line = text, *next;
    for (int i = 0; line && i < n; i++) {
        char *func = line, *where = NULL;
        if ((next = strchr(func, '\n'))) {
            *next = '\0';
            where = next + 1;
            if ((next = strchr(where, '\n')))
                *next++ = '\0';
        }
        if (!where)
            break;
        out[i] = addr2line_name(func, where);
        line = next;
    }
    free(text);
}

/* Name the new program frames: one addr2line run per module. */
static void name_frames(struct frame *f, struct cached **slots, int n)
{
    struct frame *todo[MAX_FRAMES];
    int done[MAX_FRAMES] = { 0 };
    for (int i = 0; i < n; i++) {
        if (done[i])
            continue;
        int count = 0, index[MAX_FRAMES];
        for (int j = i; j < n; j++)
            if (!done[j] && !strcmp(f[j].module, f[i].module)) {
                index[count] = j;
                todo[count++] = &f[j];
                done[j] = 1;
            }
        char *names[MAX_FRAMES] = { 0 };
        if (strcmp(f[i].module, "?"))
            run_addr2line(f[i].module, todo, count, names);
        for (int k = 0; k < count; k++)
            slots[index[k]]->text = names[k] ? names[k] : plain_name(todo[k]);
    }
}

static int is_main(const char *name)
{
    /* "main", "main (file.c:12)", or dladdr's "main+0x146 (prog)". */
    return name && !strncmp(name, "main", 4) && strchr(" +", name[4]);
}

/* The cache entry of a return address, made on first sight; new program
 * frames go to fresh[] to be named together. */
static struct cached *classify(void *addr, struct frame *fresh, struct cached **slots,
                               int *nfresh)
{
    struct cached *c = cache_find(addr);
    if (c)
        return c;
    struct frame f;
    describe(addr, &f);
    Dl_info info;
    /* With the library linked into the program its frames cannot be told
     * from the program's: all are kept. */
    if (!self_is_program && dladdr(addr, &info) && info.dli_fbase == self_base)
        return cache_add(addr, FRAME_OURS, f.sym ? strdup(f.sym) : NULL);
    if (is_libc(f.module))
        return cache_add(addr, FRAME_SKIP, NULL);
    c = cache_add(addr, FRAME_PROGRAM, NULL);
    if (c) {
        fresh[*nfresh] = f;
        slots[(*nfresh)++] = c;
    }
    return c;
}

char *trace_capture_site(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, find_self);
    void *addrs[MAX_FRAMES];
    int n = backtrace(addrs, MAX_FRAMES);
    struct cached *kept[MAX_FRAMES], *slots[MAX_FRAMES];
    struct frame fresh[MAX_FRAMES];
    int nkept = 0, nfresh = 0;
    const char *api = NULL;
    pthread_mutex_lock(&cache_lock);
    /* Frame 0 is this function. */
    for (int i = 1; i < n && nkept < MAX_SHOWN; i++) {
        struct cached *c = classify(addrs[i], fresh, slots, &nfresh);
        if (!c || c->kind == FRAME_SKIP)
            continue;
        if (c->kind == FRAME_OURS) {
            if (!nkept && c->text)
                api = c->text; /* the outermost of the leading library frames */
            continue;
        }
        kept[nkept++] = c;
    }
    name_frames(fresh, slots, nfresh);
    char *site = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&site, &len);
    if (out) {
        fprintf(out, "%s", api ? api : "?");
        if (!nkept)
            fprintf(out, "\n(inside libwinhandle)");
        for (int i = 0; i < nkept; i++) {
            /* Below main is the C start-up: when main's own frame is gone
             * (it ended in a tail call) stop there all the same. */
            if (kept[i]->text && !strncmp(kept[i]->text, "_start", 6) &&
                strchr(" +", kept[i]->text[6]))
                break;
            fprintf(out, "\n%s", kept[i]->text ? kept[i]->text : "?");
            if (is_main(kept[i]->text))
                break;
        }
        fclose(out);
    }
    pthread_mutex_unlock(&cache_lock);
    return site;
}
