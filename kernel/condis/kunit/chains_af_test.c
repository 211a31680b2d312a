// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit, condis_chains: the address family and SAP chains, and
 * registration and indications under allocation failure.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/skbuff.h>
#include <net/net_namespace.h>
#include "chains.h"
#include "chains_af.h"
#include "fake_log.h"
#include "fake_roles.h"
#include "fakes.h"

/* ---- address family ---------------------------------------------------------- */

void af_open_close(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_af *af;
	int ret, st;

	ret = condis_cl_open_af(w->client, w->adapter, FAKE_AF_TYPE, w, &af);
	st = fake_final(w, ret, FEV_CL_OPEN_AF_DONE, 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_OPEN_AF), 1);
	if (w->mode[FOP_CM_OPEN_AF] == FM_FAIL) {
		KUNIT_EXPECT_EQ(test, st, -EIO);
		KUNIT_EXPECT_NULL(test, af);
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OPEN_AF_DONE), 0);
		return;
	}
	KUNIT_ASSERT_EQ(test, st, 0);
	/* the completion handler runs only for a request that pended */
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OPEN_AF_DONE),
			pended(w, FOP_CM_OPEN_AF) ? 1 : 0);
	if (pended(w, FOP_CM_OPEN_AF))
		KUNIT_EXPECT_PTR_EQ(test, w->af, af);
	w->af = af;

	ret = condis_cl_close_af(af);
	st = fake_final(w, ret, FEV_CL_CLOSE_AF_DONE, 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
	KUNIT_EXPECT_EQ(test, st, 0);
	/* seed 004: the AF handle is invalid once close is complete */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 1);
	w->af = NULL;
}

void af_open_unknown(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_af *af;

	KUNIT_EXPECT_EQ(test, condis_cl_open_af(w->client, w->adapter, 0x999, w, &af),
			-ENOENT);
	KUNIT_EXPECT_NULL(test, af);
	/* one CM per AF per adapter */
	KUNIT_EXPECT_EQ(test, condis_cm_register_af(w->adapter, FAKE_AF_TYPE,
			(const struct condis_cm_ops *)NULL, w, (struct condis_cm **)&af),
			-EINVAL);
}

/*
 * NdisMCmRegisterAddressFamilyEx: a miniport call manager registering an
 * AF displaces the stand-alone CM of that AF on its adapter (its open AFs
 * close as when it unregisters; clients are told of the MCM's); one MCM
 * per AF, and a stand-alone CM cannot come back over it. The displaced
 * CM's handle stays valid until it unregisters.
 */
void af_mcm_displaces_cm(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_cm *mcm, *other;
	struct condis_af *af;

	fake_open_af(w);
	KUNIT_ASSERT_EQ(test, condis_mcm_register_af(w->adapter, FAKE_AF_TYPE,
						     condis_fake_cm_ops(), w, &mcm), 0);
	/* the stand-alone CM's AF was closed with its client */
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_NOTIFY_CLOSE), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
	w->af = NULL;
	FAKE_WAIT(w, FEV_CL_AF_NOTIFY, 2);	/* the MCM's */
	KUNIT_EXPECT_EQ(test, condis_cm_register_af(w->adapter, FAKE_AF_TYPE,
						    condis_fake_cm_ops(), w, &other), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, condis_mcm_register_af(w->adapter, FAKE_AF_TYPE,
						     condis_fake_cm_ops(), w, &other), -EADDRINUSE);
	/* a client's AF is the MCM's now */
	KUNIT_ASSERT_EQ(test, condis_cl_open_af(w->client, w->adapter, FAKE_AF_TYPE, w, &af), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_OPEN_AF), 2);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), 0);
	/* the displaced CM goes as it would, its handle still good */
	condis_cm_unregister(w->cm);
	w->cm = mcm;
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 2);
}

static void noop_notify(void *ctx, struct condis_adapter *adapter, u32 af_type)
{
	(*(int *)ctx)++;
}

/*
 * Objects belong to a namespace: a client of another namespace is not told
 * of this namespace's AFs and cannot open them. condis only compares the
 * namespace pointers, so a distinct dummy stands in for another namespace.
 */
void af_other_namespace(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct net *other = kunit_kzalloc(test, sizeof(*other), GFP_KERNEL);
	struct condis_client_ops ops;
	struct condis_client *cl;
	struct condis_af *af;
	int notified = 0;

	KUNIT_ASSERT_NOT_NULL(test, other);
	memcpy(&ops, condis_fake_client_ops(), sizeof(ops));
	ops.af_register_notify = noop_notify;
	KUNIT_ASSERT_EQ(test, condis_client_register(other, "elsewhere", &ops,
						     &notified, &cl), 0);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, notified, 0);
	KUNIT_EXPECT_EQ(test, condis_cl_open_af(cl, w->adapter, FAKE_AF_TYPE, w, &af),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_OPEN_AF), 0);
	condis_client_unregister(cl);
}

/*
 * A client needs only the handlers condis cannot do without. One without
 * the optional ones registers and opens an AF (nobody is told of AFs);
 * the CM's OID requests to it fail "not supported"; what would need the
 * others is refused before the CM hears of it: an OID request of its
 * own, a multipoint call, a party, a modify-QoS. One with some of the
 * three party handlers, not all, does not register.
 */
void client_optional_handlers(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_oid_request oid = { .oid = 1 };
	struct condis_call_params *cp;
	struct condis_client_ops ops;
	struct condis_party *party;
	struct condis_client *cl;
	struct condis_af *af;
	struct condis_vc *vc;

	memcpy(&ops, condis_fake_client_ops(), sizeof(ops));
	ops.drop_party_complete = NULL;
	KUNIT_EXPECT_EQ(test, condis_client_register(&init_net, "partial", &ops, w, &cl),
			-EINVAL);
	ops.af_register_notify = NULL;
	ops.call_connected = NULL;
	ops.modify_qos_complete = NULL;
	ops.incoming_qos_change = NULL;
	ops.add_party_complete = NULL;
	ops.incoming_drop_party = NULL;
	ops.oid_request = NULL;
	ops.oid_request_complete = NULL;
	KUNIT_ASSERT_EQ(test, condis_client_register(&init_net, "lean", &ops, w, &cl), 0);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_AF_NOTIFY), 1);	/* the world's own */
	KUNIT_ASSERT_EQ(test, condis_cl_open_af(cl, w->adapter, FAKE_AF_TYPE, w, &af), 0);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(af, NULL, true, CONDIS_OID_TO_PEER, &oid),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(af, NULL, false, CONDIS_OID_TO_PEER, &oid),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OID) + fake_count(w, FEV_CM_OID), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_create_vc(af, w, &vc), 0);
	cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	cp->flags = CONDIS_CALL_MULTIPOINT_VC;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, cp, w, &party), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, condis_cl_add_party(vc, w, cp, &party), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, condis_cl_modify_qos(vc, cp), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_MAKE_CALL), 0);
	condis_call_params_free(cp);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), 0);
	condis_client_unregister(cl);
}

/*
 * Allocation failures from KUnit: the test thread arms its own fail-nth.
 * It reaches GFP_KERNEL allocations only while failslab's ignore-gfp-wait
 * is N (tests/vm/guest-check.sh sets it for the suites); without it the
 * cases are skipped.
 *
 * Arm the task's fail-nth: its @n-th allocation from now fails.
 */
static void fail_nth_arm(unsigned int n)
{
#ifdef CONFIG_FAULT_INJECTION
	current->fail_nth = n;
#endif
}

/* Disarm it; did the failure happen? */
static bool fail_nth_disarm(void)
{
#ifdef CONFIG_FAULT_INJECTION
	bool fired = !current->fail_nth;

	current->fail_nth = 0;
	return fired;
#else
	return false;
#endif
}

/*
 * Registering under allocation failure: the registration's 1st, 2nd, ...
 * allocation fails in turn until it runs untouched. It fails with -ENOMEM
 * and leaves nothing, or (the failure did not matter to it: kmemleak's
 * metadata) every client hears of every AF. A notification that failed
 * for memory was once dropped, the registration reported done.
 */
static int register_sweep_client(struct fake_world *w, unsigned int n,
				 bool *fired, int *notified)
{
	struct condis_client_ops ops;
	struct condis_client *cl;
	int ret;

	memcpy(&ops, condis_fake_client_ops(), sizeof(ops));
	ops.af_register_notify = noop_notify;
	*notified = 0;
	fail_nth_arm(n);
	ret = condis_client_register(&init_net, "faulty", &ops, notified, &cl);
	*fired = fail_nth_disarm();
	condis_flush();
	if (!ret)
		condis_client_unregister(cl);
	return ret;
}

static int register_sweep_cm(struct fake_world *w, unsigned int n,
			     bool *fired, int *notified)
{
	int before = fake_count(w, FEV_CL_AF_NOTIFY);
	struct condis_cm *cm;
	int ret;

	fail_nth_arm(n);
	ret = condis_cm_register_af(w->adapter, FAKE_AF_TYPE + 1, condis_fake_cm_ops(),
				    w, &cm);
	*fired = fail_nth_disarm();
	condis_flush();
	*notified = fake_count(w, FEV_CL_AF_NOTIFY) - before;
	if (!ret)
		condis_cm_unregister(cm);
	return ret;
}

static void register_sweep(struct fake_world *w,
			   int (*reg)(struct fake_world *w, unsigned int n,
				      bool *fired, int *notified))
{
	struct kunit *test = w->test;
	int ret, notified, want = 0;
	unsigned long live;
	bool fired = true;
	unsigned int n;

	KUNIT_ASSERT_EQ(test, reg(w, 0, &fired, &want), 0);	/* fault-free */
	KUNIT_EXPECT_GE(test, want, 1);
	for (n = 1, fired = true; n < 64 && fired; n++) {
		live = condis_objects_live();
		ret = reg(w, n, &fired, &notified);
		if (n == 1 && !fired)
			kunit_skip(test, "fail-nth does not reach GFP_KERNEL allocations (failslab: ignore-gfp-wait N)");
		/* a failure it can do without (kmemleak's metadata) it survives */
		if (ret) {
			KUNIT_EXPECT_TRUE_MSG(test, fired, "failed at %u without a fault", n);
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "allocation %u failed", n);
			KUNIT_EXPECT_EQ_MSG(test, notified, 0, "allocation %u failed", n);
		} else {
			KUNIT_EXPECT_EQ_MSG(test, notified, want, "allocation %u failed", n);
		}
		KUNIT_EXPECT_EQ_MSG(test, condis_objects_live(), live,
				    "objects left after allocation %u failed", n);
	}
	KUNIT_EXPECT_FALSE_MSG(test, fired, "still allocating after %u allocations", n);
}

void register_under_allocation_failure(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	if (!IS_ENABLED(CONFIG_FAILSLAB))
		kunit_skip(test, "no CONFIG_FAILSLAB");
	register_sweep(w, register_sweep_client);
	register_sweep(w, register_sweep_cm);
}

/*
 * The indications a CM dispatches without hearing of a failure reach the
 * client whatever allocation fails (from condis's reserve; a close's data
 * may be left out): once, out of memory, an incoming close or a party's
 * drop was lost, and the client kept a call its CM had let go.
 */
void indications_under_allocation_failure(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_call_params *cp;
	struct condis_party *p2;
	bool fired = true;
	unsigned int n;
	int seen;

	if (!IS_ENABLED(CONFIG_FAILSLAB))
		kunit_skip(test, "no CONFIG_FAILSLAB");
	fake_open_af(w);
	for (n = 1; n < 16 && fired; n++) {
		seen = fake_count(w, FEV_CL_INCOMING_CLOSE);
		fake_connect(w, 0);
		fail_nth_arm(n);
		condis_cm_dispatch_incoming_close(-ECONNRESET, w->vc, "why", 3);
		fired = fail_nth_disarm();
		FAKE_WAIT(w, FEV_CL_INCOMING_CLOSE, seen + 1);
		KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
		fake_settle(w);
		KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	}
	KUNIT_EXPECT_GT(test, n, 2u);	/* the request and its data failed */
	KUNIT_EXPECT_FALSE(test, fired);

	cp = condis_call_params_alloc(4, 0, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	for (n = 1, fired = true; n < 16 && fired; n++) {
		seen = fake_count(w, FEV_CL_INCOMING_DROP);
		fake_connect(w, CONDIS_CALL_MULTIPOINT_VC);
		KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->vc, w, cp, &p2), 0);
		fail_nth_arm(n);
		condis_cm_dispatch_incoming_drop_party(-ECONNRESET, p2, "why", 3);
		fired = fail_nth_disarm();
		FAKE_WAIT(w, FEV_CL_INCOMING_DROP, seen + 1);
		KUNIT_EXPECT_EQ(test, condis_cl_drop_party(p2, NULL, 0), 0);
		KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, w->party, NULL, 0), 0);
		fake_settle(w);
		KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	}
	KUNIT_EXPECT_GT(test, n, 2u);
	KUNIT_EXPECT_FALSE(test, fired);
	condis_call_params_free(cp);
	fake_close_af(w);
}

void af_close_busy(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	fake_open_af(w);
	fake_register_sap(w);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->af), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(w->sap), 0);
	fake_close_af(w);
}

void af_notify_close(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_CL_NOTIFY];

	fake_open_af(w);
	w->cl_notify_ms = 200;	/* surely still pending at the second */
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(w->af), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(w->af), -EALREADY);
	w->cl_notify_ms = 0;
	FAKE_WAIT(w, FEV_CM_NOTIFY_CLOSE_DONE, 1);
	BEFORE(w, FEV_CL_NOTIFY_CLOSE, FEV_CM_NOTIFY_CLOSE_DONE);
	if (m == FM_FAIL) {
		KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_NOTIFY_CLOSE_DONE, 1), -EIO);
		return;	/* the AF stays; the world's teardown closes it */
	}
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_NOTIFY_CLOSE_DONE, 1), 0);
	/* the client left the AF open: condis closes it through the CM */
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
	BEFORE(w, FEV_CM_NOTIFY_CLOSE_DONE, FEV_CM_CLOSE_AF);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->af), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_CLOSE_AF_DONE), 0);
}

/*
 * NDIS: the client closes the AF from its notify_close_af (the CM's close_af
 * runs) and answers afterwards, with the AF handle: that stays valid for
 * the answer, the CM's notify_close_af_complete comes last, with no AF
 * context, and the AF is gone.
 */
void af_notify_close_client_closes(struct kunit *test)
{
	struct fake_world *w = world(test);

	w->cl_close_in_notify = true;
	fake_open_af(w);
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(w->af), CONDIS_PENDING);
	FAKE_WAIT(w, FEV_CM_NOTIFY_CLOSE_DONE, 1);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
	BEFORE(w, FEV_CL_NOTIFY_CLOSE, FEV_CM_CLOSE_AF);
	BEFORE(w, FEV_CM_CLOSE_AF, FEV_CM_NOTIFY_CLOSE_DONE);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 0);
	if (w->mode[FOP_CM_CLOSE_AF] == FM_FAIL) {
		/* the close failed: the client says so, and the AF stays open */
		KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_NOTIFY_CLOSE_DONE, 1), -EIO);
		KUNIT_EXPECT_PTR_EQ(test, w->cm_notify_ctx, (void *)w->af);
		return;	/* the world's teardown closes it */
	}
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_NOTIFY_CLOSE_DONE, 1), 0);
	KUNIT_EXPECT_NULL(test, w->cm_notify_ctx);
	if (pended(w, FOP_CM_CLOSE_AF)) {
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_CLOSE_AF_DONE), 1);
		BEFORE(w, FEV_CL_CLOSE_AF_DONE, FEV_CM_NOTIFY_CLOSE_DONE);
	} else {
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_CLOSE_AF_DONE), 0);
	}
	/* closed once: condis did not close it again, and the handle is gone */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->af), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 1);
}

/* ---- SAP --------------------------------------------------------------------------- */

void sap_register_deregister(struct kunit *test)
{
	struct condis_sap_desc d = { .sap_type = 7, .len = 3, .sap = "abc" };
	struct fake_world *w = world(test);
	struct condis_sap *sap;
	int ret, st;

	fake_open_af(w);
	ret = condis_cl_register_sap(w->af, &d, w, &sap);
	st = fake_final(w, ret, FEV_CL_REG_SAP_DONE, 1);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_REG_SAP, 1), 7);
	if (w->mode[FOP_CM_REG_SAP] == FM_FAIL) {
		KUNIT_EXPECT_EQ(test, st, -EIO);
		KUNIT_EXPECT_NULL(test, sap);
		fake_close_af(w);
		return;
	}
	KUNIT_ASSERT_EQ(test, st, 0);
	w->sap = sap;
	ret = condis_cl_deregister_sap(sap);
	st = fake_final(w, ret, FEV_CL_DEREG_SAP_DONE, 1);
	KUNIT_EXPECT_EQ(test, st, w->mode[FOP_CM_DEREG_SAP] == FM_FAIL ? -EIO : 0);
	BEFORE(w, FEV_CM_DEREG_SAP, FEV_CL_DEREG_SAP_DONE);
	if (st)
		return;
	/* seed 001: gone on both sides */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), -EINVAL);
	fake_close_af(w);
}

/* Seed 000: a pended registration that fails invalidates the SAP at once. */
void sap_register_fails_pended(struct kunit *test)
{
	struct condis_sap_desc d = { .len = 1 };
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	unsigned long live;
	struct condis_sap *sap;

	fake_open_af(w);
	live = condis_objects_live();
	w->mode[FOP_CM_REG_SAP] = FM_PEND_ATOMIC;
	w->status[FOP_CM_REG_SAP] = -EADDRINUSE;
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->af, &d, w, &sap), CONDIS_PENDING);
	FAKE_WAIT(w, FEV_CL_REG_SAP_DONE, 1);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_REG_SAP_DONE, 1), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 1);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, condis_objects_live(), live);	/* condis' side freed */
	fake_close_af(w);
}

/*
 * A CM may offer a call on a SAP as soon as it completed the registration,
 * from the completion's context, before the client was told of it
 * (condis_lo does, under load): the offer is made.
 */
void sap_offer_right_after_register(struct kunit *test)
{
	static const enum fake_mode modes[] = { FM_PEND_PROC, FM_PEND_ATOMIC };
	struct condis_sap_desc d = { .sap_type = 1, .len = 4, .sap = "sap1" };
	int i;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		struct fake_world *w = fake_world_new(test, false, FM_SYNC);
		struct fake_vcslot *slot = fake_slot(w);
		struct condis_vc *vc;

		w->cm_offer_cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, w->cm_offer_cp);
		w->cm_offer_cp->tx.peak_bandwidth = 777;
		fake_open_af(w);
		KUNIT_ASSERT_EQ(test, condis_cm_create_vc(w->af, slot, &vc), 0);
		slot->vc = vc;
		KUNIT_ASSERT_EQ(test, condis_cm_activate_vc(vc, w->cm_offer_cp), 0);
		w->cm_offer_vc = vc;
		w->cm_offer_ret = 1;
		w->mode[FOP_CL_INCOMING] = FM_FAIL;	/* the client says no */
		w->mode[FOP_CM_REG_SAP] = modes[i];
		KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->af, &d, w, &w->sap),
				CONDIS_PENDING);
		FAKE_WAIT(w, FEV_CL_REG_SAP_DONE, 1);
		KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_REG_SAP_DONE, 1), 0);
		/* the client may hear of its SAP before the CM's offer returned */
		KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w->cm_offer_made, 10 * HZ), 0);
		KUNIT_EXPECT_EQ(test, w->cm_offer_ret, 0);
		if (!w->cm_offer_ret) {
			FAKE_WAIT(w, FEV_CM_INCOMING_DONE, 1);
			KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_INCOMING_CALL, 1), 777);
		}
		fake_settle(w);
		KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), 0);
		KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(vc), 0);
		condis_call_params_free(w->cm_offer_cp);
		w->mode[FOP_CM_REG_SAP] = FM_SYNC;
		fake_deregister_sap(w);
		fake_close_af(w);
		fake_world_free(w);
	}
}

/*
 * ProtocolClRegisterSapComplete: "a client can receive incoming calls on a
 * SAP even while SAP registration is still pending". The CM offers before
 * it answers the registration (from its handler, or before its pended
 * completion); when it then fails it, the client hears of the failure
 * only after the offer's incoming_call returned (it may free its SAP
 * context then).
 */
void sap_offer_while_registering(struct kunit *test)
{
	static const struct { enum fake_mode mode; int status; } runs[] = {
		{ FM_SYNC, 0 }, { FM_FAIL, 0 }, { FM_PEND_PROC, 0 },
		{ FM_PEND_PROC, -EIO }, { FM_PEND_ATOMIC, -EIO },
	};
	struct condis_sap_desc d = { .sap_type = 1, .len = 4, .sap = "sap1" };
	int i, ret, st;

	for (i = 0; i < ARRAY_SIZE(runs); i++) {
		struct fake_world *w = fake_world_new(test, false, FM_SYNC);
		struct fake_vcslot *slot = fake_slot(w);
		struct condis_vc *vc;

		w->cm_offer_cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, w->cm_offer_cp);
		fake_open_af(w);
		KUNIT_ASSERT_EQ(test, condis_cm_create_vc(w->af, slot, &vc), 0);
		slot->vc = vc;
		KUNIT_ASSERT_EQ(test, condis_cm_activate_vc(vc, w->cm_offer_cp), 0);
		w->cm_offer_vc = vc;
		w->cm_offer_ret = 1;
		w->cm_offer_early = true;
		w->mode[FOP_CL_INCOMING] = FM_FAIL;	/* the client says no, slowly */
		w->cl_incoming_ms = 100;
		w->mode[FOP_CM_REG_SAP] = runs[i].mode;
		w->status[FOP_CM_REG_SAP] = runs[i].status;
		ret = condis_cl_register_sap(w->af, &d, w, &w->sap);
		KUNIT_EXPECT_EQ(test, ret, runs[i].mode == FM_SYNC ? 0 : CONDIS_PENDING);
		st = fake_final(w, ret, FEV_CL_REG_SAP_DONE, 1);
		KUNIT_EXPECT_EQ(test, st, runs[i].mode == FM_FAIL ? -EIO : runs[i].status);
		KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w->cm_offer_made, 10 * HZ), 0);
		KUNIT_EXPECT_EQ(test, w->cm_offer_ret, 0);
		FAKE_WAIT(w, FEV_CM_INCOMING_DONE, 1);
		if (st)
			BEFORE(w, FEV_CL_INCOMING_CALL, FEV_CL_REG_SAP_DONE);
		fake_settle(w);
		KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), 0);
		KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(vc), 0);
		condis_call_params_free(w->cm_offer_cp);
		w->mode[FOP_CM_REG_SAP] = FM_SYNC;
		if (!st)
			fake_deregister_sap(w);
		else
			w->sap = NULL;
		fake_close_af(w);
		fake_world_free(w);
	}
}

/*
 * A client may free its SAP context once its deregistration completed: a
 * call offered on the SAP before reaches the client's incoming_call
 * first, however the CM answers (NDIS: calls may come in until
 * NdisClDeregisterSap completes). A CM that deregisters synchronously
 * has the client see PENDING while the offer is being indicated.
 */
void sap_deregister_waits_for_offers(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_CM_DEREG_SAP];
	int ret, st;

	fake_open_af(w);
	fake_register_sap(w);
	w->mode[FOP_CL_INCOMING] = FM_FAIL;	/* the client says no */
	w->cl_incoming_ms = 100;
	fake_incoming(w);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w->cl_incoming_entered,
							  10 * HZ), 0);
	ret = condis_cl_deregister_sap(w->sap);
	KUNIT_EXPECT_EQ(test, ret, m == FM_FAIL ? -EIO : CONDIS_PENDING);
	st = fake_final(w, ret, FEV_CL_DEREG_SAP_DONE, 1);
	KUNIT_EXPECT_EQ(test, st, m == FM_FAIL ? -EIO : 0);
	if (!st)
		BEFORE(w, FEV_CL_INCOMING_CALL, FEV_CL_DEREG_SAP_DONE);
	FAKE_WAIT(w, FEV_CM_INCOMING_DONE, 1);
	fake_settle(w);
	/* the CM deactivates and deletes its VC */
	fake_world_set_mode(w, FM_SYNC);
	ret = w->mcm ? condis_mcm_deactivate_vc(w->vc) : condis_cm_deactivate_vc(w->vc);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(w->vc), 0);
	if (st)
		fake_deregister_sap(w);
	fake_close_af(w);
}

