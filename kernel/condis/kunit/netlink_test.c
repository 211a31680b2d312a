// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the netlink front-end's sockets. A socket is known by its
 * identity: netlink frees a port before NETLINK_URELEASE runs, and another
 * socket may bind the port in between.
 */
#include <kunit/test.h>
#include <linux/netlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>
#include "netlink/socket.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

/* a port no socket of the test machine is bound to */
#define PORT	0x7ffffe01U

struct nlsk_case {
	struct cd_nlsk sk;
	bool released;
};

static void nlsk_released(struct work_struct *work)
{
	container_of(work, struct nlsk_case, sk.release)->released = true;
}

static struct nlsk_case *nlsk_new(struct kunit *test)
{
	struct nlsk_case *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->sk.nlsk = kunit_kzalloc(test, sizeof(*c->sk.nlsk), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c->sk.nlsk);
	c->sk.net = &init_net;
	c->sk.portid = PORT;
	INIT_WORK(&c->sk.release, nlsk_released);
	return c;
}

/* netlink_release(): the port is free, the socket orphaned, then URELEASE */
static int nlsk_urelease(struct nlsk_case *c)
{
	struct netlink_notify n = {
		.net = c->sk.net, .portid = c->sk.portid, .protocol = NETLINK_GENERIC,
	};
	int ret;

	sock_set_flag(c->sk.nlsk, SOCK_DEAD);
	ret = cd_nl_sock_event(NULL, NETLINK_URELEASE, &n);
	flush_work(&c->sk.release);
	return ret;
}

/*
 * A socket binds the port of a client socket being released, before that
 * one's URELEASE: it owns none of the other's objects, and the URELEASE
 * releases the released socket's state only.
 */
static void nlsk_port_reused_before_urelease(struct kunit *test)
{
	struct nlsk_case *old = nlsk_new(test), *new = nlsk_new(test);

	cd_nlsk_add(&old->sk);
	KUNIT_EXPECT_PTR_EQ(test, cd_nlsk_find(&init_net, PORT, old->sk.nlsk), &old->sk);
	sock_set_flag(old->sk.nlsk, SOCK_DEAD);		/* released, no URELEASE yet */
	KUNIT_EXPECT_NULL(test, cd_nlsk_find(&init_net, PORT, new->sk.nlsk));
	cd_nlsk_add(&new->sk);		/* its first request made it a client */
	KUNIT_EXPECT_PTR_EQ(test, cd_nlsk_find(&init_net, PORT, new->sk.nlsk), &new->sk);

	KUNIT_EXPECT_EQ(test, nlsk_urelease(old), NOTIFY_OK);
	KUNIT_EXPECT_TRUE(test, old->released);
	KUNIT_EXPECT_FALSE(test, new->released);
	KUNIT_EXPECT_NULL(test, cd_nlsk_find(&init_net, PORT, old->sk.nlsk));
	KUNIT_EXPECT_PTR_EQ(test, cd_nlsk_find(&init_net, PORT, new->sk.nlsk), &new->sk);

	KUNIT_EXPECT_EQ(test, nlsk_urelease(new), NOTIFY_OK);
	KUNIT_EXPECT_TRUE(test, new->released);
	KUNIT_EXPECT_NULL(test, cd_nlsk_find(&init_net, PORT, new->sk.nlsk));
}

/* The URELEASE of a socket that never was a client, or of another family. */
static void nlsk_urelease_of_others(struct kunit *test)
{
	struct nlsk_case *live = nlsk_new(test), *other = nlsk_new(test);
	struct netlink_notify n = {
		.net = &init_net, .portid = PORT, .protocol = NETLINK_ROUTE,
	};

	cd_nlsk_add(&live->sk);
	sock_set_flag(live->sk.nlsk, SOCK_DEAD);
	KUNIT_EXPECT_EQ(test, cd_nl_sock_event(NULL, NETLINK_URELEASE, &n), NOTIFY_DONE);
	n.protocol = NETLINK_GENERIC;
	KUNIT_EXPECT_EQ(test, cd_nl_sock_event(NULL, NETLINK_URELEASE + 1, &n), NOTIFY_DONE);
	sock_reset_flag(live->sk.nlsk, SOCK_DEAD);
	/* same port, a live socket: not the one released */
	KUNIT_EXPECT_EQ(test, nlsk_urelease(other), NOTIFY_DONE);
	KUNIT_EXPECT_FALSE(test, live->released);
	KUNIT_EXPECT_PTR_EQ(test, cd_nlsk_find(&init_net, PORT, live->sk.nlsk), &live->sk);
	KUNIT_EXPECT_EQ(test, nlsk_urelease(live), NOTIFY_OK);
	KUNIT_EXPECT_TRUE(test, live->released);
}

static struct kunit_case condis_netlink_cases[] = {
	KUNIT_CASE(nlsk_port_reused_before_urelease),
	KUNIT_CASE(nlsk_urelease_of_others),
	{}
};

static struct kunit_suite condis_netlink_suite = {
	.name = "condis_netlink",
	.test_cases = condis_netlink_cases,
};

kunit_test_suite(condis_netlink_suite);
