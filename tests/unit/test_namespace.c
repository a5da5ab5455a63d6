/* Unit tests of the object namespace (server/namespace.c). */
#include <stdio.h>
#include <string.h>

#include "../../server/errors.h"
#include "../../server/namespace.h"
#include "../../server/object.h"
#include "check.h"

static const struct generic_mapping mapping = { 1, 2, 4, 7 };
static const struct object_ops type_a = { .type_name = "A", .mapping = &mapping };
static const struct object_ops type_b = { .type_name = "B", .mapping = &mapping };

static uint32_t canon(const char *name, char *out)
{
    return namespace_canonical(name, (uint32_t)strlen(name), out);
}

static void test_canonical(void)
{
    char out[WH_MAX_NAME_LEN + 1], long_name[WH_MAX_NAME_LEN + 2];
    CHECK_EQ(canon("abc", out), 0);
    CHECK(!strcmp(out, "abc"));
    CHECK_EQ(canon("Local\\abc", out), 0);
    CHECK(!strcmp(out, "abc"));
    CHECK_EQ(canon("Global\\abc", out), 0);
    CHECK(!strcmp(out, "abc"));
    CHECK_EQ(canon("local\\abc", out), ERR_PATH_NOT_FOUND); /* prefixes are exact */
    CHECK_EQ(canon("a\\b", out), ERR_PATH_NOT_FOUND);
    CHECK_EQ(canon("Local\\", out), ERR_INVALID_NAME);
    memset(long_name, 'x', sizeof(long_name));
    CHECK_EQ(namespace_canonical(long_name, WH_MAX_NAME_LEN, out), 0);
    CHECK_EQ(namespace_canonical(long_name, WH_MAX_NAME_LEN + 1, out),
             ERR_FILENAME_EXCED_RANGE);
    CHECK_EQ(namespace_canonical("a\0b", 3, out), ERR_INVALID_NAME);
}

static void test_create_open(void)
{
    uint32_t err;
    int existed;
    struct object *a = create_named_object(&type_a, sizeof(struct object), "Local\\x", 7,
                                           &existed, &err);
    CHECK(a && !existed && !err);
    struct object *again = create_named_object(&type_a, sizeof(struct object), "x", 1,
                                               &existed, &err);
    CHECK(again == a && existed);
    struct object *other = create_named_object(&type_b, sizeof(struct object), "x", 1,
                                               &existed, &err);
    CHECK(other == NULL);
    CHECK_EQ(err, ERR_INVALID_HANDLE);
    CHECK(open_named_object(&type_a, "X", 1, &err) == NULL); /* case-sensitive */
    CHECK_EQ(err, ERR_FILE_NOT_FOUND);
    CHECK(open_named_object(&type_b, "Global\\x", 8, &err) == NULL);
    CHECK_EQ(err, ERR_INVALID_HANDLE);
    struct object *opened = open_named_object(&type_a, "Global\\x", 8, &err);
    CHECK(opened == a);
    release_object(opened);
    release_object(again);
    release_object(a);
    CHECK(namespace_lookup("x") == NULL); /* destroyed: the name went too */
}

static void test_many_names(void)
{
    enum { N = 100000 };
    static struct object *objs[N];
    char name[32];
    uint32_t err;
    int existed;
    for (int i = 0; i < N; i++) {
        int len = snprintf(name, sizeof(name), "obj-%d", i);
        objs[i] = create_named_object(&type_a, sizeof(struct object), name,
                                      (uint32_t)len, &existed, &err);
    }
    CHECK_EQ(namespace_count(), N);
    int found = 0;
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof(name), "obj-%d", i);
        found += namespace_lookup(name) == objs[i];
    }
    CHECK_EQ(found, N);
    for (int i = 0; i < N; i++)
        release_object(objs[i]);
    CHECK_EQ(namespace_count(), 0);
}

int main(void)
{
    test_canonical();
    test_create_open();
    test_many_names();
    CHECK_EQ(object_count(), 0);
    return check_summary("namespace");
}
