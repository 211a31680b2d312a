// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: adapter watches (condis_adapter_watch_register): a watcher hears
 * of every adapter of its namespace once, of those that stood when it
 * began and of those that come, and of an adapter's departure before
 * condis tears down what is on it; nothing once it stopped watching.
 */
#include <kunit/test.h>
#include <net/net_namespace.h>
#include "fakes.h"
#include "fake_log.h"
#include "fake_roles.h"

struct watch_rec {
	struct condis_adapter_watch w;
	struct fake_world *world;
	struct condis_adapter *adapter;	/* the one counted */
	char name[32];
	int added, removing;
	int notified_at_removing;	/* the client's notify-close-AFs by then */
	atomic_t statuses;		/* adapter-wide statuses heard */
	int status;			/* the last one, its buffer's length */
	u32 len;
	bool status_in_task;		/* heard in process context */
};

static void watch_added(struct condis_adapter_watch *w, struct condis_adapter *adapter,
			const char *name)
{
	struct watch_rec *r = container_of(w, struct watch_rec, w);

	if (adapter != r->adapter)
		return;
	r->added++;
	strscpy(r->name, name, sizeof(r->name));
}

static void watch_removing(struct condis_adapter_watch *w, struct condis_adapter *adapter)
{
	struct watch_rec *r = container_of(w, struct watch_rec, w);

	if (adapter != r->adapter)
		return;
	r->removing++;
	r->notified_at_removing = fake_count(r->world, FEV_CL_NOTIFY_CLOSE);
}

static void watch_status(struct condis_adapter_watch *w, struct condis_adapter *adapter,
			 int status, const void *buf, u32 len)
{
	struct watch_rec *r = container_of(w, struct watch_rec, w);

	if (adapter != r->adapter)
		return;
	r->status = status;
	r->len = len;
	r->status_in_task = in_task();
	atomic_inc(&r->statuses);
}

static void watch_rec_init(struct watch_rec *r, struct fake_world *world)
{
	r->w.net = &init_net;
	r->w.added = watch_added;
	r->w.removing = watch_removing;
	r->w.status = watch_status;
	r->world = world;
}

/* An adapter that stood when the watch began, and its departure. */
static void watch_sees_adapter_before_teardown(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct watch_rec r = {};

	watch_rec_init(&r, w);
	r.adapter = w->adapter;
	fake_open_af(w);
	KUNIT_ASSERT_EQ(test, condis_adapter_watch_register(&r.w), 0);
	KUNIT_EXPECT_EQ(test, r.added, 1);
	KUNIT_EXPECT_STREQ(test, r.name, "fake0");

	/* the adapter goes with the client's AF open on it */
	condis_miniport_unregister(w->adapter);
	KUNIT_EXPECT_EQ(test, r.removing, 1);
	KUNIT_EXPECT_EQ(test, r.notified_at_removing, 0);	/* before the teardown */
	fake_settle(w);
	KUNIT_EXPECT_GE(test, fake_count(w, FEV_CL_NOTIFY_CLOSE), 1);	/* which came after */
	w->adapter = NULL;
	w->cm = NULL;		/* (it ended with its adapter) */
	condis_adapter_watch_unregister(&r.w);
	fake_world_free(w);
}

/* One that comes while watched; none once the watch stopped. */
static void watch_sees_adapters_that_come(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct watch_rec r = {};
	struct condis_adapter *a;

	watch_rec_init(&r, w);
	KUNIT_ASSERT_EQ(test, condis_adapter_watch_register(&r.w), 0);
	r.adapter = NULL;
	KUNIT_ASSERT_EQ(test, condis_miniport_register(&init_net, "fakew", condis_fake_mp_ops(), w,
						       &a), 0);
	KUNIT_EXPECT_EQ(test, r.added, 0);	/* (counted by handle: set it, again) */
	r.adapter = a;
	condis_adapter_watch_unregister(&r.w);
	KUNIT_ASSERT_EQ(test, condis_adapter_watch_register(&r.w), 0);
	KUNIT_EXPECT_EQ(test, r.added, 1);
	KUNIT_EXPECT_STREQ(test, r.name, "fakew");
	condis_miniport_unregister(a);
	KUNIT_EXPECT_EQ(test, r.removing, 1);
	condis_adapter_watch_unregister(&r.w);

	/* not watched: not told */
	KUNIT_ASSERT_EQ(test, condis_miniport_register(&init_net, "fakew", condis_fake_mp_ops(), w,
						       &a), 0);
	r.adapter = a;
	condis_miniport_unregister(a);
	KUNIT_EXPECT_EQ(test, r.added, 1);
	KUNIT_EXPECT_EQ(test, r.removing, 1);
	fake_world_free(w);
}

/* Three watchers, three adapters: each told of its own once. */
static void watch_told_once_per_adapter(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_adapter *a[3];
	struct watch_rec r[3] = {};
	int i;

	for (i = 0; i < 3; i++) {
		watch_rec_init(&r[i], w);
		KUNIT_ASSERT_EQ(test, condis_miniport_register(&init_net, "fakew",
							       condis_fake_mp_ops(), w, &a[i]), 0);
		r[i].adapter = a[i];
	}
	for (i = 0; i < 3; i++) {
		KUNIT_ASSERT_EQ(test, condis_adapter_watch_register(&r[i].w), 0);
		KUNIT_EXPECT_EQ(test, r[i].added, 1);
	}
	for (i = 0; i < 3; i++) {
		condis_miniport_unregister(a[i]);
		KUNIT_EXPECT_EQ(test, r[i].removing, 1);
	}
	for (i = 0; i < 3; i++)
		condis_adapter_watch_unregister(&r[i].w);
	fake_world_free(w);
}

/*
 * An adapter-wide status reaches every watcher (NDIS: every protocol bound
 * to the adapter), with or without an AF open; a VC's does not; none once
 * the watch stopped.
 */
static void watch_hears_adapter_status(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct watch_rec r[2] = {};
	unsigned long flags;
	int i;

	for (i = 0; i < 2; i++) {
		watch_rec_init(&r[i], w);
		r[i].adapter = w->adapter;
		KUNIT_ASSERT_EQ(test, condis_adapter_watch_register(&r[i].w), 0);
	}
	/* from atomic context, as a miniport indicates */
	spin_lock_irqsave(&w->hw_lock, flags);
	condis_mco_indicate_status(w->adapter, NULL, -ENOLINK, "cable", 5);
	spin_unlock_irqrestore(&w->hw_lock, flags);
	fake_settle(w);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&r[i].statuses), 1);
		KUNIT_EXPECT_EQ(test, r[i].status, -ENOLINK);
		KUNIT_EXPECT_EQ(test, r[i].len, 5u);
		KUNIT_EXPECT_TRUE(test, r[i].status_in_task);
	}
	fake_open_af(w);
	fake_connect(w, 0);
	condis_mco_indicate_status(w->adapter, w->vc, 0, NULL, 0);	/* a VC's */
	FAKE_WAIT(w, FEV_CL_STATUS, 1);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, atomic_read(&r[0].statuses), 1);
	condis_adapter_watch_unregister(&r[1].w);
	condis_mco_indicate_status(w->adapter, NULL, 0, NULL, 0);
	FAKE_WAIT(w, FEV_CL_STATUS, 2);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, atomic_read(&r[0].statuses), 2);
	KUNIT_EXPECT_EQ(test, r[0].status, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&r[1].statuses), 1);
	condis_adapter_watch_unregister(&r[0].w);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	fake_world_free(w);
}

static struct kunit_case watch_cases[] = {
	KUNIT_CASE(watch_sees_adapter_before_teardown),
	KUNIT_CASE(watch_sees_adapters_that_come),
	KUNIT_CASE(watch_told_once_per_adapter),
	KUNIT_CASE(watch_hears_adapter_status),
	{}
};

static struct kunit_suite watch_suite = {
	.name = "condis_watch",
	.test_cases = watch_cases,
};

kunit_test_suite(watch_suite);
