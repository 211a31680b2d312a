// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: every CoNDIS chain, each run synchronous, pended and completed
 * from process context, pended and completed from atomic context, and
 * failing - with a stand-alone call manager and with an integrated one.
 * Each case asserts the handlers' order, the statuses, the handle rules
 * and (when its world is torn down) that every object was freed.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/skbuff.h>
#include <net/net_namespace.h>
#include "fakes.h"

struct chain_param {
	enum fake_mode mode;
	bool mcm;
};

static const struct chain_param chain_params[] = {
	{ FM_SYNC, false }, { FM_PEND_PROC, false },
	{ FM_PEND_ATOMIC, false }, { FM_FAIL, false },
	{ FM_SYNC, true }, { FM_PEND_PROC, true },
	{ FM_PEND_ATOMIC, true }, { FM_FAIL, true },
};

static void chain_param_desc(const struct chain_param *p, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s-%s", p->mcm ? "mcm" : "cm",
		 fake_mode_names[p->mode]);
}

KUNIT_ARRAY_PARAM(chain, chain_params, chain_param_desc);

static struct fake_world *world(struct kunit *test)
{
	const struct chain_param *p = test->param_value;

	return fake_world_new(test, p->mcm, p->mode);
}

static bool pended(struct fake_world *w, enum fake_op op)
{
	return w->mode[op] == FM_PEND_PROC || w->mode[op] == FM_PEND_ATOMIC;
}

#define BEFORE(w, a, b) KUNIT_EXPECT_LT((w)->test, fake_index(w, a, 1), fake_index(w, b, 1))

/* ---- address family ---------------------------------------------------------- */

static void af_open_close(struct kunit *test)
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

static void af_open_unknown(struct kunit *test)
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

static void noop_notify(void *ctx, struct condis_adapter *adapter, u32 af_type)
{
	(*(int *)ctx)++;
}

/*
 * Objects belong to a namespace: a client of another namespace is not told
 * of this namespace's AFs and cannot open them. condis only compares the
 * namespace pointers, so a distinct dummy stands in for another namespace.
 */
static void af_other_namespace(struct kunit *test)
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

static void register_under_allocation_failure(struct kunit *test)
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
static void indications_under_allocation_failure(struct kunit *test)
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

static void af_close_busy(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	fake_open_af(w);
	fake_register_sap(w);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->af), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(w->sap), 0);
	fake_close_af(w);
}

static void af_notify_close(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_CL_NOTIFY];

	fake_open_af(w);
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(w->af), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(w->af), -EALREADY);
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
static void af_notify_close_client_closes(struct kunit *test)
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

static void sap_register_deregister(struct kunit *test)
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
static void sap_register_fails_pended(struct kunit *test)
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
static void sap_offer_right_after_register(struct kunit *test)
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
 * A client may free its SAP context once its deregistration completed: a
 * call offered on the SAP before reaches the client's incoming_call
 * first, however the CM answers (NDIS: calls may come in until
 * NdisClDeregisterSap completes). A CM that deregisters synchronously
 * has the client see PENDING while the offer is being indicated.
 */
static void sap_deregister_waits_for_offers(struct kunit *test)
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

/* ---- VC ------------------------------------------------------------------------------ */

static void vc_create_activate_delete(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_MP_ACTIVATE];
	struct condis_vc *vc, *cmvc;
	int ret, st;

	fake_open_af(w);
	KUNIT_ASSERT_EQ(test, condis_cl_create_vc(w->af, w, &vc), 0);
	w->vc = vc;
	BEFORE(w, FEV_MP_CREATE_VC, FEV_CM_CREATE_VC);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_CREATE_VC), 0);

	ret = w->mcm ? condis_mcm_activate_vc(vc, NULL) : condis_cm_activate_vc(vc, NULL);
	st = fake_final(w, ret, FEV_CM_ACTIVATE_DONE, 1);
	if (w->mcm) {
		KUNIT_EXPECT_EQ(test, st, 0);	/* an MCM activates its own hardware */
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_ACTIVATE), 0);
	} else {
		KUNIT_EXPECT_EQ(test, st, m == FM_FAIL ? -EIO : 0);
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_ACTIVATE_DONE),
				pended(w, FOP_MP_ACTIVATE) ? 1 : 0);
	}
	if (!st) {
		/* NDIS_STATUS_NOT_ACCEPTED while active */
		KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), -EBUSY);
		ret = w->mcm ? condis_mcm_deactivate_vc(vc) : condis_cm_deactivate_vc(vc);
		st = fake_final(w, ret, FEV_CM_DEACTIVATE_DONE, 1);
		KUNIT_EXPECT_EQ(test, st, w->mcm || m != FM_FAIL ? 0 : -EIO);
		if (st) {
			w->mode[FOP_MP_DEACTIVATE] = FM_SYNC;
			KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), 0);
		}
	}
	/* only the creator deletes */
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(vc), -EPERM);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_DELETE_NOT_CREATOR), 1);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), -EINVAL);

	/* a CM-created VC: the client hears of its creation and deletion */
	KUNIT_ASSERT_EQ(test, condis_cm_create_vc(w->af, fake_slot(w), &cmvc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_CREATE_VC), 1);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(cmvc), -EPERM);
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(cmvc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_DELETE_VC), 1);
	fake_close_af(w);
}

static void vc_create_fails(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	unsigned long live;
	struct condis_vc *vc;

	fake_open_af(w);
	live = condis_objects_live();
	w->mp_create_ret = -ENOMEM;
	KUNIT_EXPECT_EQ(test, condis_cl_create_vc(w->af, w, &vc), -ENOMEM);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CREATE_VC), 0);
	w->mp_create_ret = 0;
	w->cl_create_ret = -EPERM;	/* the other protocol refuses */
	KUNIT_EXPECT_EQ(test, condis_cm_create_vc(w->af, fake_slot(w), &vc), -EPERM);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, condis_objects_live(), live);
	w->cl_create_ret = 0;
}

/* ---- outgoing call ------------------------------------------------------------------ */

static void call_make_close(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(8, 8, GFP_KERNEL);
	enum fake_mode m = w->mode[FOP_CM_MAKE_CALL];
	int ret, st;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	cp->tx.peak_bandwidth = 1000;
	memcpy(cp->cm_specific, "cmblob!", 8);
	fake_open_af(w);
	fake_client_vc(w);
	ret = condis_cl_make_call(w->vc, cp, w, NULL);
	condis_call_params_free(cp);	/* condis copied them */
	st = fake_final(w, ret, FEV_CL_MAKE_CALL_DONE, 1);
	if (m == FM_FAIL) {
		KUNIT_EXPECT_EQ(test, st, -EIO);
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_ACTIVATE), 0);
		/* seed 003: the client deletes its VC; the CM hears of it */
		KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
		return;
	}
	KUNIT_ASSERT_EQ(test, st, 0);
	if (!w->mcm) {
		BEFORE(w, FEV_CM_MAKE_CALL, FEV_MP_ACTIVATE);
		if (pended(w, FOP_CM_MAKE_CALL))	/* complete only after activation */
			BEFORE(w, FEV_CM_ACTIVATE_DONE, FEV_CL_MAKE_CALL_DONE);
	}
	cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(w->vc, cp, w, NULL), -EBUSY);
	condis_call_params_free(cp);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), -EBUSY);

	ret = condis_cl_close_call(w->vc, NULL, "bye", 3);
	st = fake_final(w, ret, FEV_CL_CLOSE_CALL_DONE, 1);
	KUNIT_EXPECT_EQ(test, st, 0);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_CLOSE_CALL, 1), 3);
	if (!w->mcm)
		BEFORE(w, FEV_CM_CLOSE_CALL, FEV_MP_DEACTIVATE);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), -ENOTCONN);
	/* seed 002, client-created VC: its deletion reaches the CM */
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
	fake_close_af(w);
}

static void call_close_fails(struct kunit *test)
{
	struct fake_world *w = world(test);
	int ret;

	fake_open_af(w);
	fake_connect(w, 0);
	w->status[FOP_CM_CLOSE_CALL] = -EAGAIN;
	ret = condis_cl_close_call(w->vc, NULL, NULL, 0);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CL_CLOSE_CALL_DONE, 1),
			w->mode[FOP_CM_CLOSE_CALL] == FM_FAIL ? -EIO : -EAGAIN);
	/* still connected: data may flow, a second close goes through */
	w->status[FOP_CM_CLOSE_CALL] = 0;
	fake_world_set_mode(w, FM_SYNC);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* Seed 003: the CM changed the parameters; the client sees them. */
static void call_params_changed(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	if (w->mode[FOP_CM_MAKE_CALL] == FM_FAIL)
		fake_world_set_mode(w, FM_PEND_PROC);
	w->cm_change_params = true;
	cp->tx.peak_bandwidth = 1000;
	fake_open_af(w);
	fake_client_vc(w);
	ret = condis_cl_make_call(w->vc, cp, w, NULL);
	KUNIT_ASSERT_EQ(test, fake_final(w, ret, FEV_CL_MAKE_CALL_DONE, 1), 0);
	if (ret == CONDIS_PENDING) {	/* with the completion */
		KUNIT_EXPECT_EQ(test, w->last_peak, 4242);
		KUNIT_EXPECT_TRUE(test, w->last_flags & CONDIS_CALL_PARAMETERS_CHANGED);
	} else {			/* in the caller's buffer */
		KUNIT_EXPECT_EQ(test, cp->tx.peak_bandwidth, 4242);
		KUNIT_EXPECT_TRUE(test, cp->flags & CONDIS_CALL_PARAMETERS_CHANGED);
	}
	condis_call_params_free(cp);
	/* the client finds them unacceptable and tears the call down */
	fake_world_set_mode(w, FM_SYNC);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
}

/* Seed 003: a failed multipoint call invalidates its party at once. */
static void call_fails_party_invalid(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	struct condis_party *party;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	cp->flags = CONDIS_CALL_MULTIPOINT_VC;
	w->status[FOP_CM_MAKE_CALL] = -EHOSTUNREACH;
	fake_open_af(w);
	fake_client_vc(w);
	ret = condis_cl_make_call(w->vc, cp, w, &party);
	condis_call_params_free(cp);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CL_MAKE_CALL_DONE, 1),
			w->mode[FOP_CM_MAKE_CALL] == FM_FAIL ? -EIO : -EHOSTUNREACH);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(w->party, NULL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 1);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
}

/* Seed 003: success is only allowed once the VC is active. */
static void call_success_without_activation(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	if (w->mode[FOP_CM_MAKE_CALL] == FM_FAIL)
		fake_world_set_mode(w, FM_SYNC);
	w->cm_skip_activate = true;
	fake_open_af(w);
	fake_client_vc(w);
	ret = condis_cl_make_call(w->vc, cp, w, NULL);
	condis_call_params_free(cp);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CL_MAKE_CALL_DONE, 1), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_CALL_NOT_ACTIVE), 1);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* ---- incoming call ------------------------------------------------------------------- */

static void call_incoming(struct kunit *test)
{
	struct fake_world *w = world(test);
	bool reject = w->mode[FOP_CL_INCOMING] == FM_FAIL;
	int ret;

	w->new_peak = 5151;	/* a pended answer hands the CM other parameters */
	fake_open_af(w);
	fake_register_sap(w);
	fake_incoming(w);
	FAKE_WAIT(w, FEV_CM_INCOMING_DONE, 1);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_INCOMING_CALL, 1), 777);
	BEFORE(w, FEV_CL_INCOMING_CALL, FEV_CM_INCOMING_DONE);
	fake_world_set_mode(w, w->mode[FOP_CL_INCOMING] == FM_FAIL ? FM_SYNC :
			    w->mode[FOP_CL_INCOMING]);
	if (reject) {
		KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_INCOMING_DONE, 1), -EIO);
		/* the CM deactivates and deletes its VC */
		ret = w->mcm ? condis_mcm_deactivate_vc(w->vc) : condis_cm_deactivate_vc(w->vc);
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(w->vc), 0);
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_DELETE_VC), 1);
		return;
	}
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_INCOMING_DONE, 1), 0);
	KUNIT_EXPECT_EQ(test, w->cm_last_peak, pended(w, FOP_CL_INCOMING) ? 5151 : 777);
	FAKE_WAIT(w, FEV_CL_CONNECTED, 1);
	BEFORE(w, FEV_CM_INCOMING_DONE, FEV_CL_CONNECTED);

	/* remote close: the client answers with its own close call */
	w->cl_close_on_incoming_close = true;
	condis_cm_dispatch_incoming_close(-ECONNRESET, w->vc, "why", 3);
	FAKE_WAIT(w, FEV_CL_INCOMING_CLOSE, 1);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_INCOMING_CLOSE, 1), -ECONNRESET);
	FAKE_WAIT(w, FEV_CM_CLOSE_CALL, 1);
	fake_settle(w);
	/* seed 002, CM-created VC: the CM deletes it after the close */
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(w->vc), 0);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_DELETE_VC), 1);
	if (pended(w, FOP_CM_CLOSE_CALL))
		BEFORE(w, FEV_CL_CLOSE_CALL_DONE, FEV_CL_DELETE_VC);
	fake_deregister_sap(w);
}

/*
 * The client closes an accepted call before the CM connected it; the CM's
 * call-connected crosses the close: dropped, not reported, not delivered
 * (condis_lo did this under stress).
 */
static void call_connected_crosses_close(struct kunit *test)
{
	struct fake_world *w = world(test);
	bool fail = w->mode[FOP_CM_CLOSE_CALL] == FM_FAIL;
	int ret;

	if (fail) {		/* an accepted call whose close fails */
		fake_world_set_mode(w, FM_SYNC);
		w->mode[FOP_CM_CLOSE_CALL] = FM_FAIL;
	}
	w->cm_hold_connected = true;
	fake_open_af(w);
	fake_register_sap(w);
	fake_incoming(w);
	FAKE_WAIT(w, FEV_CM_INCOMING_DONE, 1);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_INCOMING_DONE, 1), 0);
	w->cm_connect_in_close = true;
	ret = condis_cl_close_call(w->vc, NULL, NULL, 0);
	KUNIT_EXPECT_TRUE(test, fail ? ret == -EIO : ret == 0 || ret == CONDIS_PENDING);
	fake_settle(w);
	w->cm_connect_in_close = false;
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_CONNECTED), 0);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_WRONG_ROLE), 0);
	if (fail) {		/* the CM connected it, then refused the close */
		w->mode[FOP_CM_CLOSE_CALL] = FM_SYNC;
		KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
		fake_settle(w);
	}
	/* once the close is done, a connect is the CM's mistake again */
	condis_cm_dispatch_call_connected(w->vc);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_WRONG_ROLE), 1);
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(w->vc), 0);
	fake_settle(w);
	fake_deregister_sap(w);
}

/* An incoming close never overtakes the make-call completion. */
static void call_close_after_make_ordered(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	if (!pended(w, FOP_CM_MAKE_CALL))
		fake_world_set_mode(w, FM_PEND_ATOMIC);
	w->cm_close_after_make = true;
	fake_open_af(w);
	fake_client_vc(w);
	ret = condis_cl_make_call(w->vc, cp, w, NULL);
	condis_call_params_free(cp);
	KUNIT_EXPECT_EQ(test, ret, CONDIS_PENDING);
	FAKE_WAIT(w, FEV_CL_INCOMING_CLOSE, 1);
	BEFORE(w, FEV_CL_MAKE_CALL_DONE, FEV_CL_INCOMING_CLOSE);
	fake_world_set_mode(w, FM_SYNC);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* ---- QoS ------------------------------------------------------------------------------- */

static void call_qos(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	fake_open_af(w);
	fake_connect(w, 0);
	cp->tx.peak_bandwidth = 2000;
	/*
	 * One at a time: checked while the first one surely pends, in
	 * process mode held for a second (an atomic completion comes after
	 * 200 us, maybe before the second call on another CPU).
	 */
	if (w->mode[FOP_CM_QOS] == FM_PEND_PROC)
		w->pend_delay_ms = 1000;
	ret = condis_cl_modify_qos(w->vc, cp);
	if (ret == CONDIS_PENDING && w->mode[FOP_CM_QOS] == FM_PEND_PROC)
		KUNIT_EXPECT_EQ(test, condis_cl_modify_qos(w->vc, cp), -EBUSY);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CL_QOS_DONE, 1),
			w->mode[FOP_CM_QOS] == FM_FAIL ? -EIO : 0);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_QOS, 1), 2000);
	if (ret == CONDIS_PENDING)
		KUNIT_EXPECT_EQ(test, w->last_peak, 2000);

	cp->tx.peak_bandwidth = 3000;
	condis_cm_dispatch_incoming_qos_change(w->vc, cp);
	condis_call_params_free(cp);
	FAKE_WAIT(w, FEV_CL_INCOMING_QOS, 1);
	KUNIT_EXPECT_EQ(test, w->last_peak, 3000);
	fake_world_set_mode(w, FM_SYNC);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/*
 * The CM changes the QoS while the client's close pends: the change is not
 * delivered after the close's completion (the client may have freed the
 * context it gave; the stress race found that). A failed close leaves the
 * call, and the change is delivered.
 */
static void call_qos_change_crosses_close(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	bool fail = w->mode[FOP_CM_CLOSE_CALL] == FM_FAIL;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	fake_open_af(w);
	fake_connect(w, 0);
	if (w->mode[FOP_CM_CLOSE_CALL] == FM_PEND_PROC)
		w->pend_delay_ms = 500;	/* surely pending at the dispatch */
	ret = condis_cl_close_call(w->vc, NULL, NULL, 0);
	cp->tx.peak_bandwidth = 3000;
	condis_cm_dispatch_incoming_qos_change(w->vc, cp);
	condis_call_params_free(cp);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CL_CLOSE_CALL_DONE, 1),
			fail ? -EIO : 0);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_INCOMING_QOS), fail ? 1 : 0);
	if (fail) {
		fake_world_set_mode(w, FM_SYNC);
		KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	}
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* ---- point-to-multipoint ------------------------------------------------------------ */

static void call_parties(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	enum fake_mode m = w->mode[FOP_CM_ADD_PARTY];
	struct condis_party *p2;
	int ret, st;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	fake_open_af(w);
	fake_connect(w, CONDIS_CALL_MULTIPOINT_VC);
	KUNIT_ASSERT_NOT_NULL(test, w->party);
	/* the last party leaves through close call */
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(w->party, NULL, 0), -EBUSY);

	w->new_peak = 5151;	/* a pended completion hands over new parameters */
	ret = condis_cl_add_party(w->vc, w, cp, &p2);
	st = fake_final(w, ret, FEV_CL_ADD_PARTY_DONE, 1);
	KUNIT_EXPECT_EQ(test, st, m == FM_FAIL ? -EIO : 0);
	w->new_peak = 0;
	if (!st && ret == CONDIS_PENDING) {
		KUNIT_EXPECT_EQ(test, w->last_peak, 5151);
		KUNIT_EXPECT_TRUE(test, w->last_flags & CONDIS_CALL_PARAMETERS_CHANGED);
	}
	if (!st) {
		ret = condis_cl_drop_party(p2, "x", 1);
		st = fake_final(w, ret, FEV_CL_DROP_PARTY_DONE, 1);
		KUNIT_EXPECT_EQ(test, st, m == FM_FAIL ? -EIO : 0);
		KUNIT_EXPECT_EQ(test, condis_cl_drop_party(p2, NULL, 0), -EINVAL);
	} else {
		/* a failed add invalidates the party */
		KUNIT_EXPECT_EQ(test, condis_cl_drop_party(p2, NULL, 0), -EINVAL);
	}

	/* remote drop of a party that is not the last: incoming drop */
	fake_world_set_mode(w, FM_SYNC);
	w->cl_drop_on_incoming_drop = true;
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->vc, w, cp, &p2), 0);
	condis_cm_dispatch_incoming_drop_party(-ECONNRESET, p2, NULL, 0);
	FAKE_WAIT(w, FEV_CL_INCOMING_DROP, 1);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(p2, NULL, 0), -EINVAL);

	/* remote drop of the last party: an incoming close instead */
	condis_cm_dispatch_incoming_drop_party(-ECONNRESET, w->party, NULL, 0);
	FAKE_WAIT(w, FEV_CL_INCOMING_CLOSE, 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_INCOMING_DROP), 1);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, w->party, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	condis_call_params_free(cp);
}

/*
 * A close waits for a party being added or dropped: closing releases every
 * party of the call, and the pended add's or drop's completion must still
 * find its party (two teardowns once crossed so: a stale handle, and the
 * drop completed only by condis's pend watchdog).
 */
static void call_close_waits_for_parties(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	struct condis_party *p2;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	fake_open_af(w);
	fake_connect(w, CONDIS_CALL_MULTIPOINT_VC);
	w->mode[FOP_CM_ADD_PARTY] = FM_PEND_PROC;
	w->mode[FOP_CM_DROP_PARTY] = FM_PEND_PROC;
	w->pend_delay_ms = 1000;	/* surely pending at the close */
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->vc, w, cp, &p2), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, w->party, NULL, 0), -EINPROGRESS);
	FAKE_WAIT(w, FEV_CL_ADD_PARTY_DONE, 1);
	KUNIT_ASSERT_EQ(test, condis_cl_drop_party(p2, NULL, 0), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, w->party, NULL, 0), -EINPROGRESS);
	FAKE_WAIT(w, FEV_CL_DROP_PARTY_DONE, 1);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_DROP_PARTY_DONE, 1), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, w->party, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 0);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_REQUEST_TIMEOUT), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	condis_call_params_free(cp);
}

/* ---- data -------------------------------------------------------------------------------- */

static struct sk_buff *frame(unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_ATOMIC);

	if (skb)
		skb_put_zero(skb, len);
	return skb;
}

static void data_send_receive(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	unsigned long flags;

	fake_open_af(w);
	fake_connect(w, 0);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(100)), 0);
	/* from atomic context too */
	spin_lock_irqsave(&w->hw_lock, flags);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(60)), 0);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->vc, frame(42)), 0);
	spin_unlock_irqrestore(&w->hw_lock, flags);
	FAKE_WAIT(w, FEV_CL_SEND_DONE, 2);
	condis_flush();		/* the handler ran; condis counts the send done after it */
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_MP_SEND, 1), 100);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_RECEIVE, 1), 42);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(10)), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_SEND_AFTER_CLOSE), 1);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->vc, frame(10)), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_RECEIVE), 1);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* ---- a CM's own VC (signalling) -------------------------------------------------------- */

static void signalling_vc(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_MP_ACTIVATE];
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	struct condis_vc *vc;
	unsigned long flags;
	int ret, st;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	KUNIT_ASSERT_EQ(test, condis_cm_create_signalling_vc(w->cm, fake_slot(w), &vc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_CREATE_VC), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_CREATE_VC) + fake_count(w, FEV_CM_CREATE_VC), 0);
	/* no client may use it: it belongs to no AF */
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, cp, w, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 2);
	/* nothing moves on it before it is active */
	KUNIT_EXPECT_EQ(test, condis_co_send(vc, frame(20)), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(vc, frame(20)), -ENOTCONN);

	ret = w->mcm ? condis_mcm_activate_vc(vc, cp) : condis_cm_activate_vc(vc, cp);
	condis_call_params_free(cp);
	st = fake_final(w, ret, FEV_CM_ACTIVATE_DONE, 1);
	KUNIT_EXPECT_EQ(test, st, !w->mcm && m == FM_FAIL ? -EIO : 0);
	if (!st) {
		KUNIT_EXPECT_EQ(test, condis_co_send(vc, frame(30)), 0);
		/* from atomic context too, both ways */
		spin_lock_irqsave(&w->hw_lock, flags);
		KUNIT_EXPECT_EQ(test, condis_co_send(vc, frame(31)), 0);
		KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(vc, frame(40)), 0);
		spin_unlock_irqrestore(&w->hw_lock, flags);
		FAKE_WAIT(w, FEV_CM_SEND_DONE, 2);
		condis_flush();
		KUNIT_EXPECT_EQ(test, fake_status(w, FEV_MP_SEND, 1), 30);
		KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_RECEIVE, 1), 40);
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_SEND_DONE) +
				fake_count(w, FEV_CL_RECEIVE), 0);
		KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(vc), -EBUSY);	/* active */
		ret = w->mcm ? condis_mcm_deactivate_vc(vc) : condis_cm_deactivate_vc(vc);
		st = fake_final(w, ret, FEV_CM_DEACTIVATE_DONE, 1);
		KUNIT_EXPECT_EQ(test, st, 0);
	}
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(vc), 0);
	KUNIT_EXPECT_EQ(test, condis_co_send(vc, frame(1)), -EINVAL);
	/* the miniport's delete waits for a delivery still returning */
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 0);
}

/* The CM unregisters with its own VC active: the miniport still hears. */
static void signalling_vc_teardown(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	unsigned long live = condis_objects_live();
	struct condis_vc *vc;

	KUNIT_ASSERT_EQ(test, condis_cm_create_signalling_vc(w->cm, fake_slot(w), &vc), 0);
	KUNIT_ASSERT_EQ(test, condis_cm_activate_vc(vc, NULL), 0);
	KUNIT_EXPECT_EQ(test, condis_objects_live(), live + 1);
	w->mode[FOP_MP_DEACTIVATE] = FM_PEND_ATOMIC;
	condis_cm_unregister(w->cm);
	w->cm = NULL;
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DEACTIVATE), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, condis_co_send(vc, frame(1)), -EINVAL);
	rcu_barrier();
	KUNIT_EXPECT_EQ(test, condis_objects_live(), live - 1);	/* the VC and the CM */
}

/* ---- OID requests and status -------------------------------------------------------- */

static void oid_requests(struct kunit *test)
{
	struct fake_world *w = world(test);
	bool p = pended(w, FOP_MP_OID);
	int want = w->mode[FOP_MP_OID] == FM_FAIL ? -EIO : 0;
	int ret;

	fake_open_af(w);
	w->oid.oid = 0x00010101;
	ret = condis_co_oid_request(w->af, NULL, false, CONDIS_OID_TO_MINIPORT, &w->oid);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CL_OID_DONE, 1), want);
	ret = condis_co_oid_request(w->af, NULL, true, CONDIS_OID_TO_MINIPORT, &w->oid);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CM_OID_DONE, 1), want);
	ret = condis_co_oid_request(w->af, NULL, false, CONDIS_OID_TO_PEER, &w->oid);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CL_OID_DONE, p ? 2 : 1), want);
	ret = condis_co_oid_request(w->af, NULL, true, CONDIS_OID_TO_PEER, &w->oid);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_CM_OID_DONE, p ? 2 : 1), want);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_OID), 2);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_OID), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OID), 1);
	fake_settle(w);
	/* the completion handler runs only when the request pended */
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OID_DONE), p ? 2 : 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_OID_DONE), p ? 2 : 0);
	fake_close_af(w);
}

static void status_indications(struct kunit *test)
{
	struct fake_world *w = world(test);
	unsigned long flags;

	fake_open_af(w);
	fake_connect(w, 0);
	spin_lock_irqsave(&w->hw_lock, flags);
	condis_mco_indicate_status(w->adapter, NULL, -ENOLINK, NULL, 0);
	condis_mco_indicate_status(w->adapter, w->vc, 0, "up", 2);
	spin_unlock_irqrestore(&w->hw_lock, flags);
	FAKE_WAIT(w, FEV_CL_STATUS, 2);
	FAKE_WAIT(w, FEV_CM_STATUS, 2);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_STATUS, 1), -ENOLINK);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_STATUS, 2), 0);
	fake_world_set_mode(w, FM_SYNC);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* ---- teardown when a role goes ---------------------------------------------------- */

static void teardown_client_unregister(struct kunit *test)
{
	struct fake_world *w = world(test);

	fake_open_af(w);
	fake_register_sap(w);
	fake_connect(w, 0);
	condis_client_unregister(w->client);
	w->client = NULL;
	/* what the CM was owed, in contract order */
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_CALL), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DEREG_SAP), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
	BEFORE(w, FEV_CM_CLOSE_CALL, FEV_CM_DELETE_VC);
	BEFORE(w, FEV_CM_DELETE_VC, FEV_CM_CLOSE_AF);
	BEFORE(w, FEV_CM_DEREG_SAP, FEV_CM_CLOSE_AF);
}

static void teardown_adapter_unbind(struct kunit *test)
{
	struct fake_world *w = world(test);

	fake_open_af(w);
	fake_register_sap(w);
	fake_connect(w, 0);
	condis_miniport_unregister(w->adapter);
	w->adapter = NULL;
	w->cm = NULL;	/* its registration ended with the adapter */
	/* what the client was owed */
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_NOTIFY_CLOSE), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_INCOMING_CLOSE), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_NOTIFY_CLOSE_DONE), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
	BEFORE(w, FEV_CL_NOTIFY_CLOSE, FEV_CL_INCOMING_CLOSE);
}

/* An AF with nothing under it still ends with the CM's close_af. */
static void teardown_adapter_unbind_empty_af(struct kunit *test)
{
	struct fake_world *w = world(test);

	fake_open_af(w);
	condis_miniport_unregister(w->adapter);
	w->adapter = NULL;
	w->cm = NULL;
	w->af = NULL;
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_NOTIFY_CLOSE), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_NOTIFY_CLOSE_DONE), 1);
	BEFORE(w, FEV_CL_NOTIFY_CLOSE, FEV_CM_CLOSE_AF);
}

struct teardown_unbind {
	struct fake_world *w;
	struct completion done;
};

static int teardown_unbind_fn(void *data)
{
	struct teardown_unbind *u = data;

	condis_miniport_unregister(u->w->adapter);
	complete(&u->done);
	return 0;
}

/*
 * The client unregisters while its adapter's teardown delivers a SAP's
 * deregistration to it: the SAP is already off the AF when the handler
 * runs, and condis_client_unregister() must still return only after the
 * handler did (the netlink client frees the SAP's context then).
 */
static void teardown_client_during_sap_deregistration(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct teardown_unbind u = { .w = w };
	struct task_struct *t;
	unsigned long flags;
	int i, nev, before = 0;

	fake_open_af(w);
	fake_register_sap(w);
	w->cl_dereg_done_ms = 100;
	init_completion(&u.done);
	t = kthread_run(teardown_unbind_fn, &u, "condis_unbind");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	if (pended(w, FOP_CM_DEREG_SAP))
		KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w->cl_dereg_entered,
								  10 * HZ), 0);
	condis_client_unregister(w->client);
	spin_lock_irqsave(&w->lock, flags);
	nev = w->nev;
	spin_unlock_irqrestore(&w->lock, flags);
	w->client = NULL;
	wait_for_completion(&u.done);
	w->adapter = NULL;
	w->cm = NULL;
	w->af = NULL;
	for (i = 0; i < nev; i++)
		before += w->ev[i] == FEV_CL_DEREG_SAP_DONE;
	/* none after the unregister returned */
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_DEREG_SAP_DONE), before);
	/* the client hears it when the CM answered late (pended) */
	if (pended(w, FOP_CM_DEREG_SAP))
		KUNIT_EXPECT_EQ(test, before, 1);
}

static struct kunit_case condis_chain_cases[] = {
	KUNIT_CASE_PARAM(af_open_close, chain_gen_params),
	KUNIT_CASE(af_open_unknown),
	KUNIT_CASE(af_other_namespace),
	KUNIT_CASE(register_under_allocation_failure),
	KUNIT_CASE(indications_under_allocation_failure),
	KUNIT_CASE(af_close_busy),
	KUNIT_CASE_PARAM(af_notify_close, chain_gen_params),
	KUNIT_CASE_PARAM(af_notify_close_client_closes, chain_gen_params),
	KUNIT_CASE_PARAM(sap_register_deregister, chain_gen_params),
	KUNIT_CASE(sap_register_fails_pended),
	KUNIT_CASE(sap_offer_right_after_register),
	KUNIT_CASE_PARAM(sap_deregister_waits_for_offers, chain_gen_params),
	KUNIT_CASE_PARAM(vc_create_activate_delete, chain_gen_params),
	KUNIT_CASE(vc_create_fails),
	KUNIT_CASE_PARAM(call_make_close, chain_gen_params),
	KUNIT_CASE_PARAM(call_close_fails, chain_gen_params),
	KUNIT_CASE_PARAM(call_params_changed, chain_gen_params),
	KUNIT_CASE_PARAM(call_fails_party_invalid, chain_gen_params),
	KUNIT_CASE_PARAM(call_success_without_activation, chain_gen_params),
	KUNIT_CASE_PARAM(call_incoming, chain_gen_params),
	KUNIT_CASE_PARAM(call_connected_crosses_close, chain_gen_params),
	KUNIT_CASE_PARAM(call_close_after_make_ordered, chain_gen_params),
	KUNIT_CASE_PARAM(call_qos, chain_gen_params),
	KUNIT_CASE_PARAM(call_qos_change_crosses_close, chain_gen_params),
	KUNIT_CASE_PARAM(call_parties, chain_gen_params),
	KUNIT_CASE(call_close_waits_for_parties),
	KUNIT_CASE(data_send_receive),
	KUNIT_CASE_PARAM(signalling_vc, chain_gen_params),
	KUNIT_CASE(signalling_vc_teardown),
	KUNIT_CASE_PARAM(oid_requests, chain_gen_params),
	KUNIT_CASE_PARAM(status_indications, chain_gen_params),
	KUNIT_CASE_PARAM(teardown_client_unregister, chain_gen_params),
	KUNIT_CASE_PARAM(teardown_adapter_unbind, chain_gen_params),
	KUNIT_CASE_PARAM(teardown_adapter_unbind_empty_af, chain_gen_params),
	KUNIT_CASE_PARAM(teardown_client_during_sap_deregistration, chain_gen_params),
	{}
};

static struct kunit_suite condis_chain_suite = {
	.name = "condis_chains",
	.test_cases = condis_chain_cases,
};

kunit_test_suite(condis_chain_suite);

MODULE_DESCRIPTION("KUnit tests for condis: every CoNDIS chain");
MODULE_LICENSE("GPL");
