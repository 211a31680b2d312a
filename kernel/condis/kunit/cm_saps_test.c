// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a call manager's AF contexts and SAPs (<net/condis_cm.h>).
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <net/condis_cm.h>

static struct condis_sap_desc cm_saps_desc(const char *addr)
{
	struct condis_sap_desc d = { .sap_type = 1, .len = strlen(addr) };

	memcpy(d.sap, addr, d.len);
	return d;
}

static void cm_saps_af_open_close(struct kunit *test)
{
	struct condis_af *af = (struct condis_af *)test;	/* only compared */
	struct condis_cm_af *a;
	void *ctx = NULL;
	int cm;

	KUNIT_ASSERT_EQ(test, condis_cm_af_open(&cm, af, &ctx), 0);
	a = ctx;
	KUNIT_EXPECT_PTR_EQ(test, a->cm, (void *)&cm);
	KUNIT_EXPECT_PTR_EQ(test, a->af, af);
	KUNIT_EXPECT_EQ(test, condis_cm_af_close(ctx), 0);
}

static void cm_saps_new_checks_the_address(struct kunit *test)
{
	struct condis_sap_desc d = cm_saps_desc("x");

	d.len = 0;
	KUNIT_EXPECT_PTR_EQ(test, condis_cm_sap_new(NULL, &d, NULL), ERR_PTR(-EINVAL));
	d.len = sizeof(d.sap) + 1;
	KUNIT_EXPECT_PTR_EQ(test, condis_cm_sap_new(NULL, &d, NULL), ERR_PTR(-EINVAL));
}

static void cm_saps_find_add_del(struct kunit *test)
{
	struct condis_sap_desc a = cm_saps_desc("alpha"), b = cm_saps_desc("alphabet");
	struct condis_cm_sap *sa, *sb, *again;
	struct condis_cm_af af = {};
	LIST_HEAD(saps);

	sa = condis_cm_sap_new(&af, &a, NULL);
	sb = condis_cm_sap_new(&af, &b, NULL);
	again = condis_cm_sap_new(&af, &a, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sa) || IS_ERR(sb) || IS_ERR(again));
	KUNIT_EXPECT_PTR_EQ(test, sa->af, &af);

	KUNIT_EXPECT_EQ(test, condis_cm_sap_add(&saps, sa), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_sap_add(&saps, sb), 0);
	/* the same address twice is refused, and the first one stays */
	KUNIT_EXPECT_EQ(test, condis_cm_sap_add(&saps, again), -EADDRINUSE);
	KUNIT_EXPECT_TRUE(test, list_empty(&again->node));
	kfree(again);

	/* whole addresses only: a prefix or a longer one is another SAP */
	KUNIT_EXPECT_PTR_EQ(test, condis_cm_sap_find(&saps, "alpha", 5), sa);
	KUNIT_EXPECT_PTR_EQ(test, condis_cm_sap_find(&saps, "alphabet", 8), sb);
	KUNIT_EXPECT_NULL(test, condis_cm_sap_find(&saps, "alph", 4));
	KUNIT_EXPECT_NULL(test, condis_cm_sap_find(&saps, "alphas", 6));

	condis_cm_sap_del(sa);
	KUNIT_EXPECT_NULL(test, condis_cm_sap_find(&saps, "alpha", 5));
	KUNIT_EXPECT_PTR_EQ(test, condis_cm_sap_find(&saps, "alphabet", 8), sb);
	condis_cm_sap_del(sb);
	KUNIT_EXPECT_TRUE(test, list_empty(&saps));
}

static struct kunit_case cm_saps_cases[] = {
	KUNIT_CASE(cm_saps_af_open_close),
	KUNIT_CASE(cm_saps_new_checks_the_address),
	KUNIT_CASE(cm_saps_find_add_del),
	{}
};

static struct kunit_suite cm_saps_suite = {
	.name = "condis_cm_saps",
	.test_cases = cm_saps_cases,
};
kunit_test_suite(cm_saps_suite);
