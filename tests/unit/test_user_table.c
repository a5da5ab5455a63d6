/* Unit tests of the session's USER handle table (server/user.c). */
#include <stdlib.h>
#include <string.h>

#include "../../server/process.h"
#include "../../server/thread.h"
#include "../../server/user.h"
#include "check.h"

/* Destroy ops record the order they ran in. */
static uint32_t destroyed[64];
static int destroyed_count;

static void record_destroy(struct user_object *obj)
{
    if (destroyed_count < 64)
        destroyed[destroyed_count++] = obj->handle;
}

/* Like a menu: destroying it destroys the object whose handle it holds. */
struct parent_obj {
    struct user_object hdr;
    uint32_t child;
};

static void parent_destroy(struct user_object *obj)
{
    record_destroy(obj);
    struct user_object *child = user_get(((struct parent_obj *)obj)->child, WH_USER_FREE);
    if (child)
        user_destroy(child);
}

static const struct user_ops window_ops = {
    .type = WH_USER_WINDOW, .name = "Window", .owner = USER_OWNER_THREAD, .rank = 0,
    .invalid_error = ERR_INVALID_WINDOW_HANDLE, .destroy = record_destroy,
};
static const struct user_ops hook_ops = {
    .type = WH_USER_HOOK, .name = "Hook", .owner = USER_OWNER_THREAD, .rank = 2,
    .invalid_error = ERR_INVALID_HOOK_HANDLE, .destroy = record_destroy,
};
static const struct user_ops menu_ops = {
    .type = WH_USER_MENU, .name = "Menu", .owner = USER_OWNER_PROCESS, .rank = 1,
    .invalid_error = ERR_INVALID_MENU_HANDLE, .destroy = parent_destroy,
};
static const struct user_ops accel_ops = {
    .type = WH_USER_ACCEL, .name = "Accel", .owner = USER_OWNER_PROCESS, .rank = 0,
    .invalid_error = ERR_INVALID_ACCEL_HANDLE, .destroy = record_destroy,
};
static const struct user_ops shared_ops = {
    .type = WH_USER_CURSOR, .name = "Cursor", .owner = USER_OWNER_NONE,
    .invalid_error = ERR_INVALID_CURSOR_HANDLE,
};

/* The table only reads pid, tid and the thread's process: plain structs
 * stand in for live ones. */
static struct process proc_a, proc_b;
static struct thread thread_a1, thread_a2, thread_b1;

static void setup_owners(void)
{
    proc_a.pid = 100;
    proc_b.pid = 200;
    thread_a1 = (struct thread){ .process = &proc_a, .tid = 101 };
    thread_a2 = (struct thread){ .process = &proc_a, .tid = 102 };
    thread_b1 = (struct thread){ .process = &proc_b, .tid = 201 };
}

static uint32_t new_handle(const struct user_ops *ops, struct thread *t)
{
    uint32_t err;
    struct user_object *obj = user_alloc(ops, sizeof(struct parent_obj), t, &err);
    return obj ? obj->handle : 0;
}

/* All 65,536 entries hold objects; the next creation fails with
 * ERROR_NO_MORE_USER_HANDLES; a freed entry serves again, under a new value. */
static void test_full_table(void)
{
    static uint32_t handles[USER_TABLE_SIZE];
    uint32_t err;
    user_table_reset();
    for (uint32_t i = 0; i < USER_TABLE_SIZE; i++) {
        struct user_object *obj = user_alloc(&accel_ops, sizeof(*obj), &thread_a1, &err);
        if (!obj) {
            CHECK_EQ(i, USER_TABLE_SIZE); /* fails only past the end */
            return;
        }
        handles[i] = obj->handle;
    }
    CHECK_EQ(user_count(), USER_TABLE_SIZE);
    CHECK_EQ(user_count_type(WH_USER_ACCEL), USER_TABLE_SIZE);
    CHECK_EQ(handles[0], 0x10000u);  /* index 0 is used: uniqueness 1 */
    CHECK_EQ(handles[USER_TABLE_SIZE - 1], 0x1ffffu);
    int distinct_indexes = 1;
    for (uint32_t i = 0; i < USER_TABLE_SIZE; i++)
        if ((handles[i] & 0xffff) != i || (int32_t)handles[i] <= 0xffff)
            distinct_indexes = 0;
    CHECK(distinct_indexes);

    CHECK(user_alloc(&accel_ops, sizeof(struct user_object), &thread_a1, &err) == NULL);
    CHECK_EQ(err, ERR_NO_MORE_USER_HANDLES);
    CHECK(user_alloc(&menu_ops, sizeof(struct parent_obj), &thread_b1, &err) == NULL);
    CHECK_EQ(err, ERR_NO_MORE_USER_HANDLES); /* no per-process share: all full */

    user_destroy(user_get(handles[1234], WH_USER_ACCEL));
    CHECK(user_get(handles[1234], WH_USER_ACCEL) == NULL);
    uint32_t again = new_handle(&menu_ops, &thread_b1);
    CHECK_EQ(again, (2u << 16) | 1234u); /* same entry, next uniqueness */
    CHECK(user_get(handles[1234], WH_USER_FREE) == NULL); /* the old value stays dead */
    CHECK(user_get(again, WH_USER_MENU) != NULL);

    /* Process a's death frees its 65,535 entries at once. */
    user_process_ended(&proc_a);
    CHECK_EQ(user_count(), 1);
    CHECK(user_get(again, WH_USER_MENU) != NULL);
    CHECK(user_get(handles[0], WH_USER_FREE) == NULL);
    uint32_t n = 0;
    while (n < USER_TABLE_SIZE && new_handle(&accel_ops, &thread_a2))
        n++;
    CHECK_EQ(n, USER_TABLE_SIZE - 1); /* fills to the limit again */
    user_table_reset();
    CHECK_EQ(user_count(), 0);
}

/* Handle values that must never resolve, whatever the table holds. */
static void test_hostile_values(void)
{
    user_table_reset();
    uint32_t h = new_handle(&window_ops, &thread_a1);
    CHECK(user_get(h, WH_USER_WINDOW) != NULL);
    CHECK(user_get(h, WH_USER_FREE) != NULL);      /* any type */
    CHECK(user_get(h, WH_USER_MENU) == NULL);      /* the wrong type */
    CHECK(user_get(h & 0xffff, WH_USER_FREE) == NULL);          /* uniqueness 0 */
    CHECK(user_get(h | 0xffff0000u, WH_USER_FREE) == NULL);     /* 0xffff */
    CHECK(user_get(h | 0x80000000u, WH_USER_FREE) == NULL);     /* above 0x7fff */
    CHECK(user_get(h + 0x10000u, WH_USER_FREE) == NULL);        /* next uniqueness */
    CHECK(user_get(h + 1, WH_USER_FREE) == NULL);               /* a free entry */
    CHECK(user_get(0, WH_USER_FREE) == NULL);
    CHECK(user_get(0xffffffffu, WH_USER_FREE) == NULL);
    CHECK(user_get(0xfffffffeu, WH_USER_FREE) == NULL);
    uint32_t err = 0;
    CHECK(user_get_ops(h, &menu_ops, &err) == NULL);
    CHECK_EQ(err, ERR_INVALID_MENU_HANDLE); /* the type asked for names the error */
    CHECK(user_get_ops(h, &window_ops, &err) != NULL);
    user_table_reset();
}

/* One entry reused over and over: the uniqueness runs 1..0x7fff, then
 * starts again at 1, never 0; each old value dies with its object. */
static void test_uniqueness_cycle(void)
{
    static uint32_t filler[USER_TABLE_SIZE];
    user_table_reset();
    for (uint32_t i = 0; i < USER_TABLE_SIZE - 1; i++)
        filler[i] = new_handle(&accel_ops, &thread_b1);
    uint32_t prev = 0, wraps = 0, bad = 0, stale_alive = 0;
    for (uint32_t i = 0; i < USER_MAX_UNIQ + 10; i++) {
        uint32_t h = new_handle(&accel_ops, &thread_a1);
        uint32_t uniq = h >> 16;
        if ((h & 0xffff) != USER_TABLE_SIZE - 1 || uniq == 0 || uniq > USER_MAX_UNIQ)
            bad++;
        if (prev && uniq != (prev >> 16) + 1) {
            wraps++;
            if (uniq != 1 || (prev >> 16) != USER_MAX_UNIQ)
                bad++;
        }
        if (prev && user_get(prev, WH_USER_FREE))
            stale_alive++;
        user_destroy(user_get(h, WH_USER_FREE));
        prev = h;
    }
    CHECK_EQ(bad, 0);
    CHECK_EQ(wraps, 1);
    CHECK_EQ(stale_alive, 0);
    (void)filler;
    user_table_reset();
}

/* FIFO reuse: with the table mostly free, a destroyed value is not handed
 * out again for a long time. */
static void test_fifo_reuse(void)
{
    user_table_reset();
    uint32_t first = new_handle(&accel_ops, &thread_a1);
    user_destroy(user_get(first, WH_USER_FREE));
    int reused_early = 0;
    for (int i = 0; i < 1000; i++) {
        uint32_t h = new_handle(&accel_ops, &thread_a1);
        if ((h & 0xffff) == (first & 0xffff))
            reused_early = 1;
        user_destroy(user_get(h, WH_USER_FREE));
    }
    CHECK(!reused_early);
    user_table_reset();
}

/* A thread's objects go when it ends, lowest rank first; its process's
 * stay until the process ends; session objects stay. */
static void test_owner_death(void)
{
    user_table_reset();
    destroyed_count = 0;
    uint32_t hook = new_handle(&hook_ops, &thread_a1);
    uint32_t win = new_handle(&window_ops, &thread_a1);
    uint32_t other_win = new_handle(&window_ops, &thread_a2);
    uint32_t sub = new_handle(&menu_ops, &thread_a1);
    uint32_t menu = new_handle(&menu_ops, &thread_a2);
    ((struct parent_obj *)user_get(menu, WH_USER_MENU))->child = sub;
    uint32_t accel = new_handle(&accel_ops, &thread_a1);
    uint32_t b_menu = new_handle(&menu_ops, &thread_b1);
    uint32_t err;
    uint32_t shared = ((struct user_object *)user_alloc(&shared_ops, sizeof(struct user_object),
                                                         NULL, &err))->handle;
    struct user_object *m = user_get(menu, WH_USER_MENU);
    CHECK_EQ(m->owner_pid, 100);
    CHECK_EQ(m->owner_tid, 0); /* a menu belongs to the process */
    CHECK_EQ(user_get(hook, WH_USER_HOOK)->owner_tid, 101);

    user_thread_ended(&thread_a1);
    CHECK_EQ(destroyed_count, 2);
    CHECK_EQ(destroyed[0], win);  /* windows first (rank 0) ... */
    CHECK_EQ(destroyed[1], hook); /* ... then hooks */
    CHECK(user_get(other_win, WH_USER_WINDOW) != NULL);
    CHECK(user_get(sub, WH_USER_MENU) != NULL); /* made by a1, owned by process a */

    destroyed_count = 0;
    user_thread_ended(&thread_a2);
    CHECK_EQ(destroyed_count, 1);
    CHECK_EQ(destroyed[0], other_win);

    destroyed_count = 0;
    user_process_ended(&proc_a);
    CHECK_EQ(destroyed_count, 3);
    CHECK_EQ(destroyed[0], accel); /* rank 0 before the menus */
    /* The menu made first was the submenu; whichever went first, the
     * parent's destroy found or skipped it and nothing went twice. */
    CHECK(user_get(menu, WH_USER_FREE) == NULL && user_get(sub, WH_USER_FREE) == NULL);
    CHECK(user_get(b_menu, WH_USER_MENU) != NULL);
    CHECK(user_get(shared, WH_USER_CURSOR) != NULL);
    CHECK_EQ(user_count(), 2);
    user_table_reset();
    CHECK(user_get(shared, WH_USER_FREE) == NULL);
}

/* A destroy that takes another object of the same owner with it, and a
 * cycle of references, destroy each object once. */
static void test_destroy_cycles(void)
{
    user_table_reset();
    destroyed_count = 0;
    uint32_t a = new_handle(&menu_ops, &thread_b1);
    uint32_t b = new_handle(&menu_ops, &thread_b1);
    ((struct parent_obj *)user_get(a, WH_USER_MENU))->child = b;
    ((struct parent_obj *)user_get(b, WH_USER_MENU))->child = a;
    user_destroy(user_get(a, WH_USER_MENU));
    CHECK_EQ(destroyed_count, 2);
    CHECK_EQ(user_count(), 0);
    user_table_reset();
}

static int visits;

static void visit(struct user_object *obj, void *arg)
{
    (void)arg;
    visits++;
    user_destroy(obj); /* the visitor may destroy what it visits */
}

static void test_for_each_owned(void)
{
    user_table_reset();
    for (int i = 0; i < 5; i++)
        new_handle(&accel_ops, &thread_a1);
    new_handle(&accel_ops, &thread_b1);
    visits = 0;
    user_for_each_owned(&proc_a, visit, NULL);
    CHECK_EQ(visits, 5);
    CHECK_EQ(user_count(), 1);
    visits = 0;
    user_for_each_owned(&proc_a, visit, NULL); /* no record left: nothing */
    CHECK_EQ(visits, 0);
    user_table_reset();
}

int main(void)
{
    setup_owners();
    test_full_table();
    test_hostile_values();
    test_uniqueness_cycle();
    test_fifo_reuse();
    test_owner_death();
    test_destroy_cycles();
    test_for_each_owned();
    return check_summary("user_table");
}
