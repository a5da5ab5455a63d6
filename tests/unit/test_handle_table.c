/* Unit tests of the per-process handle table (server/handle.c). */
#include <stdlib.h>

#include "../../server/errors.h"
#include "../../server/handle.h"
#include "../../server/namespace.h"
#include "../../server/object.h"
#include "check.h"

static int destroyed;

static void count_destroy(struct object *obj)
{
    (void)obj;
    destroyed++;
}

static const struct generic_mapping test_mapping = { 1, 2, 4, 7 };
static const struct object_ops test_ops = {
    .type_name = "Test",
    .mapping = &test_mapping,
    .destroy = count_destroy,
};

static struct object *new_object(void)
{
    return alloc_object(&test_ops, sizeof(struct object));
}

static void test_values_and_reuse(void)
{
    struct handle_table t;
    uint32_t err, h[4];
    handle_table_init(&t);
    struct object *obj = new_object();
    for (int i = 0; i < 4; i++) {
        h[i] = handle_alloc(&t, obj, 3, 0, &err);
        CHECK_EQ(err, 0);
        CHECK_EQ(h[i], (uint32_t)(i + 1) * 4); /* (index + 1) * 4 */
    }
    CHECK_EQ(t.count, 4);
    CHECK_EQ(obj->handle_count, 4);
    CHECK(handle_lookup(&t, 0) == NULL);
    CHECK(handle_lookup(&t, 3) == NULL);   /* tag bits of handle 0 */
    CHECK(handle_lookup(&t, 6) == handle_lookup(&t, 4)); /* tag bits ignored */
    CHECK(handle_lookup(&t, 20) == NULL);  /* never allocated */
    CHECK_EQ(handle_lookup(&t, 8)->access, 3);

    CHECK_EQ(handle_close(&t, 8), 0);
    CHECK(handle_lookup(&t, 8) == NULL);
    CHECK_EQ(handle_close(&t, 8), ERR_INVALID_HANDLE); /* closed twice */
    CHECK_EQ(handle_close(&t, 12), 0);
    /* Freed slots come back, most recently freed first. */
    CHECK_EQ(handle_alloc(&t, obj, 1, 0, &err), 12);
    CHECK_EQ(handle_alloc(&t, obj, 1, 0, &err), 8);
    CHECK_EQ(handle_alloc(&t, obj, 1, 0, &err), 20);

    release_object(obj); /* the handles keep it alive */
    CHECK_EQ(destroyed, 0);
    handle_table_destroy(&t);
    CHECK_EQ(destroyed, 1);
}

static void test_flags_and_protection(void)
{
    struct handle_table t;
    uint32_t err;
    handle_table_init(&t);
    struct object *obj = new_object();
    uint32_t h = handle_alloc(&t, obj, 1, HANDLE_FLAG_INHERIT_ | 0x80, &err);
    CHECK_EQ(handle_lookup(&t, h)->flags, HANDLE_FLAG_INHERIT_); /* junk bits dropped */
    handle_lookup(&t, h)->flags |= HANDLE_FLAG_PROTECT_FROM_CLOSE_;
    CHECK_EQ(handle_close(&t, h), ERR_INVALID_HANDLE);
    CHECK(handle_lookup(&t, h) != NULL);
    handle_close_entry(&t, handle_lookup(&t, h)); /* death closes it anyway */
    CHECK(handle_lookup(&t, h) == NULL);
    release_object(obj);
    handle_table_destroy(&t);
}

static void test_limit(uint32_t limit)
{
    struct handle_table t;
    uint32_t err = 0, last = 0;
    handle_limit = limit;
    handle_table_init(&t);
    struct object *obj = new_object();
    for (uint32_t i = 0; i < limit; i++) {
        last = handle_alloc(&t, obj, 1, 0, &err);
        if (!last)
            break;
    }
    CHECK_EQ(err, 0);
    CHECK_EQ(t.count, limit);
    CHECK_EQ(last, limit * 4u);
    /* The highest handle still survives truncation and sign extension. */
    CHECK((int32_t)last > 0);
    CHECK_EQ(handle_alloc(&t, obj, 1, 0, &err), 0);
    CHECK_EQ(err, ERR_NO_SYSTEM_RESOURCES);
    CHECK_EQ(handle_close(&t, 4), 0);
    CHECK_EQ(handle_alloc(&t, obj, 1, 0, &err), 4); /* room again */
    release_object(obj);
    handle_table_destroy(&t);
    handle_limit = WH_MAX_HANDLES;
}

static void test_name_goes_with_last_handle(void)
{
    struct handle_table t;
    uint32_t err;
    int existed;
    handle_table_init(&t);
    struct object *obj = create_named_object(&test_ops, sizeof(struct object), "n1", 2,
                                             &existed, &err);
    CHECK(obj != NULL);
    uint32_t h1 = handle_alloc(&t, obj, 1, 0, &err);
    uint32_t h2 = handle_alloc(&t, obj, 1, 0, &err);
    CHECK(namespace_lookup("n1") == obj);
    handle_close(&t, h1);
    CHECK(namespace_lookup("n1") == obj);
    handle_close(&t, h2);
    /* No handles: the name is gone although our reference keeps the object. */
    CHECK(namespace_lookup("n1") == NULL);
    CHECK(obj->name == NULL);
    release_object(obj);
    handle_table_destroy(&t);
}

int main(void)
{
    test_values_and_reuse();
    test_flags_and_protection();
    test_limit(1000);
    test_limit(WH_MAX_HANDLES); /* Windows' real per-process limit: 2^24 */
    test_name_goes_with_last_handle();
    CHECK_EQ(object_count(), 0);
    return check_summary("handle table");
}
