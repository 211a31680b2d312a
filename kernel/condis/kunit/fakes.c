// SPDX-License-Identifier: GPL-2.0
/*
 * The fake roles' world for the condis KUnit suites: making and freeing
 * one, settling it, and the standard steps the cases take.
 */
#include <net/net_namespace.h>
#include "fake_log.h"
#include "fake_pend.h"
#include "fake_roles.h"
#include "fakes.h"

const char * const fake_mode_names[__FM_MAX] = {
	[FM_SYNC] = "sync", [FM_PEND_PROC] = "pended-process",
	[FM_PEND_ATOMIC] = "pended-atomic", [FM_FAIL] = "failure",
};

/*
 * Every fake completion ran and condis delivered what it owed. Handlers
 * cascade (a completion's handler makes the next request, whose fake
 * completion starts only when condis delivers that handler): no fake in
 * flight is not settled until flushing condis starts no new one.
 */
void fake_settle(struct fake_world *w)
{
	int round;

	for (round = 0; round < 8; round++) {
		if (!wait_event_timeout(w->wq, !atomic_read(&w->inflight), 10 * HZ)) {
			fake_report_late(w);
			break;
		}
		flush_workqueue(w->wq_pend);
		condis_flush();
		if (round >= 3 && !atomic_read(&w->inflight))
			break;
	}
	KUNIT_EXPECT_EQ(w->test, atomic_read(&w->inflight), 0);
}

/* ---- the world ------------------------------------------------------------------ */

void fake_world_set_mode(struct fake_world *w, enum fake_mode m)
{
	int i;

	for (i = 0; i < __FOP_MAX; i++)
		w->mode[i] = m;
}

static void fake_world_exit(void *data)
{
	fake_world_free(data);
}

static struct fake_world *fake_world_make(struct kunit *test, bool mcm, enum fake_mode m,
					 bool direct)
{
	struct fake_world *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	const struct condis_cm_ops *cm_ops;
	int r;

	KUNIT_ASSERT_NOT_NULL(test, w);
	w->test = test;
	w->mcm = mcm;
	w->direct = direct;
	test->priv = w;
	spin_lock_init(&w->lock);
	spin_lock_init(&w->hw_lock);
	init_waitqueue_head(&w->wq);
	INIT_LIST_HEAD(&w->pends);
	init_completion(&w->cl_close_entered);
	init_completion(&w->cl_dereg_entered);
	init_completion(&w->cl_incoming_entered);
	init_completion(&w->cl_status_entered);
	init_completion(&w->cm_offer_made);
	w->wq_pend = alloc_workqueue("condis_fake", WQ_UNBOUND, 0);
	KUNIT_ASSERT_NOT_NULL(test, w->wq_pend);
	KUNIT_ASSERT_TRUE(test, fake_roles_use(w));	/* one world at a time */
	w->base_objects = condis_objects_live();
	for (r = 0; r < __CONDIS_VRF_MAX; r++)
		w->base_vrf[r] = condis_verifier_count(r);
	fake_world_set_mode(w, FM_SYNC);

	KUNIT_ASSERT_EQ(test, condis_miniport_register(&init_net, "fake0", condis_fake_mp_ops(),
						       w, &w->adapter), 0);
	cm_ops = direct ? condis_fake_cm_ops_direct() : condis_fake_cm_ops();
	r = mcm ? condis_mcm_register_af(w->adapter, FAKE_AF_TYPE, cm_ops, w, &w->cm) :
		  condis_cm_register_af(w->adapter, FAKE_AF_TYPE, cm_ops, w, &w->cm);
	KUNIT_ASSERT_EQ(test, r, 0);
	KUNIT_ASSERT_EQ(test, condis_client_register(&init_net, "fakecl", direct ?
						     condis_fake_client_ops_direct() :
						     condis_fake_client_ops(), w, &w->client), 0);
	FAKE_WAIT(w, FEV_CL_AF_NOTIFY, 1);
	KUNIT_ASSERT_PTR_EQ(test, w->notified_adapter, w->adapter);
	fake_world_set_mode(w, m);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, fake_world_exit, w), 0);
	return w;
}

/**
 * fake_world_new - register a fake miniport, CM and client
 * @test: the test; the world is torn down when it ends (test->priv)
 * @mcm: integrated call manager instead of a stand-alone one
 * @m: the mode of every operation (change per op afterwards)
 *
 * Return: the world (the test fails and ends without memory).
 */
struct fake_world *fake_world_new(struct kunit *test, bool mcm, enum fake_mode m)
{
	return fake_world_make(test, mcm, m, false);
}

/*
 * fake_world_new() with a CM and a client that declare direct completion
 * (CONDIS_CM_DIRECT_COMPLETE, CONDIS_CLIENT_DIRECT_COMPLETE).
 */
struct fake_world *fake_world_new_direct(struct kunit *test, bool mcm, enum fake_mode m)
{
	return fake_world_make(test, mcm, m, true);
}

/* Unregister everything (in the order a driver would) and check for leaks. */
void fake_world_free(struct fake_world *w)
{
	if (w->freed)
		return;
	w->freed = true;
	w->pend_delay_ms = 0;
	fake_world_set_mode(w, FM_SYNC);
	fake_settle(w);
	if (w->client)
		condis_client_unregister(w->client);
	if (w->cm)
		condis_cm_unregister(w->cm);
	if (w->adapter)
		condis_miniport_unregister(w->adapter);
	fake_settle(w);
	destroy_workqueue(w->wq_pend);
	rcu_barrier();
	fake_roles_use(NULL);
	KUNIT_EXPECT_EQ_MSG(w->test, condis_objects_live(), w->base_objects,
			    "condis objects leaked");
	KUNIT_EXPECT_EQ_MSG(w->test, atomic_read(&w->ctx_violations), 0,
			    "a handler ran outside process context");
	if (!w->direct)
		KUNIT_EXPECT_EQ_MSG(w->test, atomic_read(&w->direct_runs), 0,
				    "a handler ran within a completion without direct completion");
}

/* ---- standard steps ----------------------------------------------------------------- */

int fake_final(struct fake_world *w, int ret, enum fake_ev ev, int nth)
{
	if (ret != CONDIS_PENDING)
		return ret;
	if (!fake_wait(w, ev, nth))
		return INT_MIN;
	return fake_status(w, ev, nth);
}

void fake_open_af(struct fake_world *w)
{
	enum fake_mode m = w->mode[FOP_CM_OPEN_AF];
	struct condis_af *af;
	int ret;

	w->mode[FOP_CM_OPEN_AF] = FM_SYNC;
	ret = condis_cl_open_af(w->client, w->adapter, FAKE_AF_TYPE, w, &af);
	KUNIT_ASSERT_EQ(w->test, ret, 0);
	w->af = af;
	w->mode[FOP_CM_OPEN_AF] = m;
}

/* Close the AF (synchronously, whatever the mode), asserting success. */
void fake_close_af(struct fake_world *w)
{
	enum fake_mode m = w->mode[FOP_CM_CLOSE_AF];

	fake_settle(w);
	w->mode[FOP_CM_CLOSE_AF] = FM_SYNC;
	KUNIT_EXPECT_EQ(w->test, condis_cl_close_af(w->af), 0);
	w->mode[FOP_CM_CLOSE_AF] = m;
	w->af = NULL;
}

void fake_deregister_sap(struct fake_world *w)
{
	enum fake_mode m = w->mode[FOP_CM_DEREG_SAP];

	fake_settle(w);
	w->mode[FOP_CM_DEREG_SAP] = FM_SYNC;
	KUNIT_EXPECT_EQ(w->test, condis_cl_deregister_sap(w->sap), 0);
	w->mode[FOP_CM_DEREG_SAP] = m;
	w->sap = NULL;
}

void fake_register_sap(struct fake_world *w)
{
	struct condis_sap_desc d = { .sap_type = 1, .len = 4, .sap = "sap1" };
	enum fake_mode m = w->mode[FOP_CM_REG_SAP];

	w->mode[FOP_CM_REG_SAP] = FM_SYNC;
	KUNIT_ASSERT_EQ(w->test, condis_cl_register_sap(w->af, &d, w, &w->sap), 0);
	w->mode[FOP_CM_REG_SAP] = m;
}

void fake_client_vc(struct fake_world *w)
{
	KUNIT_ASSERT_EQ(w->test, condis_cl_create_vc(w->af, w, &w->vc), 0);
}

/* A connected outgoing call on a client VC, whatever the world's modes. */
void fake_connect(struct fake_world *w, u32 flags)
{
	struct condis_call_params *cp = condis_call_params_alloc(4, 0, GFP_KERNEL);
	enum fake_mode mm = w->mode[FOP_CM_MAKE_CALL], ma = w->mode[FOP_MP_ACTIVATE];

	KUNIT_ASSERT_NOT_NULL(w->test, cp);
	cp->flags = flags;
	cp->tx.peak_bandwidth = 1000;
	fake_client_vc(w);
	w->mode[FOP_CM_MAKE_CALL] = FM_SYNC;
	w->mode[FOP_MP_ACTIVATE] = FM_SYNC;
	KUNIT_ASSERT_EQ(w->test, condis_cl_make_call(w->vc, cp, w,
			flags & CONDIS_CALL_MULTIPOINT_VC ? &w->party : NULL), 0);
	w->mode[FOP_CM_MAKE_CALL] = mm;
	w->mode[FOP_MP_ACTIVATE] = ma;
	condis_call_params_free(cp);
}

/* The CM creates and activates a VC and offers a call on the SAP. */
void fake_incoming(struct fake_world *w)
{
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	struct fake_vcslot *slot = fake_slot(w);
	struct condis_vc *vc;
	enum fake_mode ma = w->mode[FOP_MP_ACTIVATE];
	int ret;

	KUNIT_ASSERT_NOT_NULL(w->test, cp);
	cp->tx.peak_bandwidth = 777;
	KUNIT_ASSERT_EQ(w->test, condis_cm_create_vc(w->af, slot, &vc), 0);
	slot->vc = vc;
	KUNIT_ASSERT_PTR_EQ(w->test, vc, w->vc);	/* the client saw create_vc */
	w->mode[FOP_MP_ACTIVATE] = FM_SYNC;
	ret = w->mcm ? condis_mcm_activate_vc(vc, cp) : condis_cm_activate_vc(vc, cp);
	KUNIT_ASSERT_EQ(w->test, ret, 0);
	w->mode[FOP_MP_ACTIVATE] = ma;
	KUNIT_ASSERT_EQ(w->test, condis_cm_dispatch_incoming_call(w->sap, vc, cp), 0);
	condis_call_params_free(cp);
}
