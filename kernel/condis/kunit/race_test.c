// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: races, each run many times. Run on 2+ vCPUs: the completions come
 * from timers and work items on other CPUs while the test thread issues
 * the competing request.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/random.h>
#include "fake_log.h"
#include "fake_roles.h"
#include "fakes.h"

#define ROUNDS 100

/* A world whose CM and client declare direct completion, or one that does not. */
static struct fake_world *race_world(struct kunit *test, bool direct, enum fake_mode m)
{
	return direct ? fake_world_new_direct(test, false, m) : fake_world_new(test, false, m);
}

/* With direct completion, a completion the fake CM made from a work item ran its handler there. */
static void race_direct_ran(struct kunit *test)
{
	struct fake_world *w = test->priv;

	KUNIT_EXPECT_GT_MSG(test, atomic_read(&w->direct_runs), 0,
			    "no handler ran within a completion made from a work item");
}

/*
 * Close call against the make-call completion: close waits its turn. With
 * direct completion, the completions made from a work item are delivered
 * by it while the test thread closes.
 */
static void race_close_vs_make(struct kunit *test, bool direct)
{
	struct fake_world *w = race_world(test, direct, FM_PEND_ATOMIC);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	int i, ret, busy = 0;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	fake_open_af(w);
	for (i = 0; i < ROUNDS; i++) {
		w->mode[FOP_CM_MAKE_CALL] = i & 1 ? FM_PEND_ATOMIC : FM_PEND_PROC;
		fake_client_vc(w);
		KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->vc, cp, w, NULL),
				CONDIS_PENDING);
		while ((ret = condis_cl_close_call(w->vc, NULL, NULL, 0)) == -EBUSY) {
			busy++;
			cpu_relax();
			cond_resched();
		}
		KUNIT_ASSERT_TRUE(test, ret == 0 || ret == CONDIS_PENDING);
		FAKE_WAIT(w, FEV_CL_MAKE_CALL_DONE, i + 1);
		fake_settle(w);
		/* the client saw the call up before it saw it closed */
		if (ret == CONDIS_PENDING)
			KUNIT_EXPECT_LT(test, fake_index(w, FEV_CL_MAKE_CALL_DONE, i + 1),
					fake_index(w, FEV_CL_CLOSE_CALL_DONE,
						   fake_count(w, FEV_CL_CLOSE_CALL_DONE)));
		KUNIT_ASSERT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	}
	condis_call_params_free(cp);
	kunit_info(test, "%d closes refused while the make call was outstanding\n", busy);
}

static void race_close_vs_make_complete(struct kunit *test)
{
	race_close_vs_make(test, false);
}

static void race_close_vs_make_complete_direct(struct kunit *test)
{
	race_close_vs_make(test, true);
	race_direct_ran(test);
}

struct race_ctx {
	struct fake_world *w;
	struct condis_vc *vc;
	struct condis_sap *sap;
	int ret;
	struct completion go, done;
};

static int race_dispatch(void *data)
{
	struct race_ctx *r = data;
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);

	wait_for_completion(&r->go);
	r->ret = cp ? condis_cm_dispatch_incoming_call(r->sap, r->vc, cp) : -ENOMEM;
	condis_call_params_free(cp);
	complete(&r->done);
	return 0;
}

/* Deregister a SAP while the CM dispatches a call to it. */
static void race_dereg_sap_vs_incoming(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_sap_desc d = { .len = 1 };
	int i, offered = 0, refused = 0;

	fake_open_af(w);
	for (i = 0; i < ROUNDS; i++) {
		struct fake_vcslot *slot = fake_slot(w);
		struct race_ctx r = { .w = w };
		struct task_struct *t;
		int dret;

		init_completion(&r.go);
		init_completion(&r.done);
		w->mode[FOP_CM_DEREG_SAP] = i & 1 ? FM_PEND_ATOMIC : FM_SYNC;
		KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->af, &d, w, &w->sap), 0);
		KUNIT_ASSERT_EQ(test, condis_cm_create_vc(w->af, slot, &r.vc), 0);
		slot->vc = r.vc;
		KUNIT_ASSERT_EQ(test, condis_cm_activate_vc(r.vc, NULL), 0);
		r.sap = w->sap;
		t = kthread_run(race_dispatch, &r, "condis_race");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		complete(&r.go);
		if (get_random_u32() & 1)
			udelay(get_random_u32() % 50);
		dret = condis_cl_deregister_sap(w->sap);
		KUNIT_EXPECT_TRUE(test, dret == 0 || dret == CONDIS_PENDING);
		wait_for_completion(&r.done);
		fake_settle(w);
		if (!r.ret) {
			offered++;
			/* the call got through first: it lives on without the SAP */
			FAKE_WAIT(w, FEV_CL_CONNECTED, offered);
			w->cl_close_on_incoming_close = true;
			condis_cm_dispatch_incoming_close(-ECONNRESET, r.vc, NULL, 0);
			fake_settle(w);
		} else {
			refused++;
			KUNIT_EXPECT_EQ(test, r.ret, -EINVAL);
			KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(r.vc), 0);
		}
		KUNIT_ASSERT_EQ(test, condis_cm_delete_vc(r.vc), 0);
		fake_settle(w);
	}
	w->sap = NULL;
	kunit_info(test, "%d calls offered, %d refused after deregistration\n",
		   offered, refused);
}

/* Unbind the adapter while requests on every object type are pending. */
static void race_unbind_with_pending(struct kunit *test)
{
	struct condis_sap_desc d = { .len = 1 };
	int i;

	for (i = 0; i < 20; i++) {
		struct fake_world *w = fake_world_new(test, i & 1, FM_SYNC);
		struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
		struct condis_vc *vc2;
		struct condis_party *p2;
		struct condis_sap *sap2;
		unsigned long live = w->base_objects;

		KUNIT_ASSERT_NOT_NULL(test, cp);
		fake_open_af(w);
		fake_register_sap(w);
		fake_connect(w, CONDIS_CALL_MULTIPOINT_VC);
		fake_world_set_mode(w, i & 2 ? FM_PEND_ATOMIC : FM_PEND_PROC);
		w->pend_delay_ms = i % 5;
		/* one pending request per object type */
		KUNIT_EXPECT_EQ(test, condis_cl_modify_qos(w->vc, cp), CONDIS_PENDING);
		KUNIT_EXPECT_EQ(test, condis_cl_add_party(w->vc, w, cp, &p2), CONDIS_PENDING);
		KUNIT_EXPECT_EQ(test, condis_cl_register_sap(w->af, &d, w, &sap2),
				CONDIS_PENDING);
		KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->af, NULL, false,
							    CONDIS_OID_TO_MINIPORT, &w->oid),
				CONDIS_PENDING);
		KUNIT_EXPECT_EQ(test, condis_cl_create_vc(w->af, w, &vc2), 0);
		KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc2, cp, w, NULL), CONDIS_PENDING);
		condis_call_params_free(cp);

		condis_miniport_unregister(w->adapter);
		w->adapter = NULL;
		w->cm = NULL;
		fake_world_free(w);
		KUNIT_EXPECT_EQ(test, condis_objects_live(), live);
	}
}

/*
 * The CM deletes a VC it created while condis is still delivering the
 * client's close-call completion (seed 002 with the delivery in progress,
 * seen with a thousand calls on two vCPUs): the client's delete handler
 * runs after its close completion handler returned, never during it. With
 * direct completion the close completion made from a work item is
 * delivered by that work item while the CM deletes.
 */
static void race_delete_during_close(struct kunit *test, bool direct)
{
	struct fake_world *w = race_world(test, direct, FM_SYNC);
	int i;

	fake_open_af(w);
	fake_register_sap(w);
	for (i = 0; i < 5; i++) {
		w->mode[FOP_CM_CLOSE_CALL] = FM_SYNC;
		w->cl_close_done_ms = 0;
		fake_incoming(w);
		FAKE_WAIT(w, FEV_CL_CONNECTED, i + 1);
		w->mode[FOP_CM_CLOSE_CALL] = i & 1 ? FM_PEND_ATOMIC : FM_PEND_PROC;
		reinit_completion(&w->cl_close_entered);
		w->cl_close_done_ms = 50;
		KUNIT_ASSERT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0),
				CONDIS_PENDING);
		KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w->cl_close_entered,
								  10 * HZ), 0);
		KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(w->vc), 0);
		fake_settle(w);
		KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_DELETE_VC), i + 1);
		KUNIT_EXPECT_LT(test, fake_index(w, FEV_CL_CLOSE_CALL_DONE, i + 1),
				fake_index(w, FEV_CL_DELETE_VC, i + 1));
	}
	w->cl_close_done_ms = 0;
	fake_deregister_sap(w);
}

static void race_delete_during_close_delivery(struct kunit *test)
{
	race_delete_during_close(test, false);
}

static void race_delete_during_close_delivery_direct(struct kunit *test)
{
	race_delete_during_close(test, true);
	race_direct_ran(test);
}

/* The client drops a party while the CM reports the same party gone. */
static void race_drop_vs_incoming_drop(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	fake_open_af(w);
	fake_connect(w, CONDIS_CALL_MULTIPOINT_VC);
	w->cl_drop_on_incoming_drop = true;
	for (i = 0; i < ROUNDS; i++) {
		unsigned long flags;
		int ret;

		w->mode[FOP_CM_DROP_PARTY] = i & 1 ? FM_PEND_ATOMIC : FM_PEND_PROC;
		KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->vc, w, cp, &w->party2), 0);
		spin_lock_irqsave(&w->hw_lock, flags);
		condis_cm_dispatch_incoming_drop_party(-ECONNRESET, w->party2, NULL, 0);
		spin_unlock_irqrestore(&w->hw_lock, flags);
		ret = condis_cl_drop_party(w->party2, NULL, 0);
		/*
		 * either this drop or the client's answer to the incoming one:
		 * in flight (-EALREADY), done (-EBADFD until the handle goes,
		 * -EINVAL after; seen with two CPUs)
		 */
		KUNIT_EXPECT_TRUE_MSG(test, ret == CONDIS_PENDING || ret == -EALREADY ||
				      ret == -EBADFD || ret == -EINVAL, "drop returned %d", ret);
		fake_settle(w);
		KUNIT_EXPECT_EQ(test, condis_cl_drop_party(w->party2, NULL, 0), -EINVAL);
	}
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_DROP_PARTY_DONE), ROUNDS);
	fake_world_set_mode(w, FM_SYNC);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, w->party, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
	condis_call_params_free(cp);
}

struct race_unreg {
	struct fake_world *w;
	struct completion go, done;
	int nev;		/* handler calls logged when it returned */
};

static int race_client_unregister(void *data)
{
	struct race_unreg *r = data;
	unsigned long flags;

	wait_for_completion(&r->go);
	condis_client_unregister(r->w->client);
	spin_lock_irqsave(&r->w->lock, flags);
	r->nev = r->w->nev;
	spin_unlock_irqrestore(&r->w->lock, flags);
	complete(&r->done);
	return 0;
}

static bool race_client_ev(u8 ev)
{
	switch (ev) {
	case FEV_CL_AF_NOTIFY: case FEV_CL_OPEN_AF_DONE: case FEV_CL_CLOSE_AF_DONE:
	case FEV_CL_NOTIFY_CLOSE: case FEV_CL_REG_SAP_DONE: case FEV_CL_DEREG_SAP_DONE:
	case FEV_CL_CREATE_VC: case FEV_CL_DELETE_VC: case FEV_CL_MAKE_CALL_DONE:
	case FEV_CL_CLOSE_CALL_DONE: case FEV_CL_INCOMING_CALL: case FEV_CL_CONNECTED:
	case FEV_CL_INCOMING_CLOSE: case FEV_CL_QOS_DONE: case FEV_CL_INCOMING_QOS:
	case FEV_CL_ADD_PARTY_DONE: case FEV_CL_DROP_PARTY_DONE: case FEV_CL_INCOMING_DROP:
	case FEV_CL_OID: case FEV_CL_OID_DONE: case FEV_CL_SEND_DONE: case FEV_CL_RECEIVE:
	case FEV_CL_STATUS:
		return true;
	}
	return false;
}

/*
 * The client unregisters while its adapter goes: two teardowns deregister
 * the same SAPs and close the same AF (and, with @calls, close the same
 * multipoint call, drop its parties and deactivate its VC), in every mode
 * (failing too: one teardown then forgets what the other may be taking
 * down). The client hears nothing once its unregister has returned (the
 * netlink client frees its contexts then: a deregistration delivered
 * after that was a use-after-free in CI), every completion finds its
 * object (a VC forced down under another's close did not), and nothing
 * leaks.
 */
static void race_teardowns(struct kunit *test, bool calls)
{
	static const enum fake_mode modes[] = {
		FM_SYNC, FM_PEND_PROC, FM_PEND_ATOMIC, FM_FAIL
	};
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	int i, j, late = 0, vrf = 0;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	for (i = 0; i < 48; i++) {
		struct fake_world *w = fake_world_new(test, i & 1, FM_SYNC);
		struct race_unreg r = { .w = w };
		struct condis_sap *saps[4];
		struct task_struct *t;

		fake_open_af(w);
		for (j = 0; j < ARRAY_SIZE(saps); j++) {
			struct condis_sap_desc d = { .len = 1, .sap = { j } };

			KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->af, &d, w, &saps[j]), 0);
		}
		if (calls) {
			fake_connect(w, CONDIS_CALL_MULTIPOINT_VC);
			KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->vc, w, cp, &w->party2), 0);
			w->mode[FOP_CM_CLOSE_CALL] = modes[(i + i / 4) % 4];
			w->mode[FOP_CM_DROP_PARTY] = modes[(i + i / 4 + 1) % 4];
			w->mode[FOP_MP_DEACTIVATE] = modes[(i + i / 4 + 2) % 4];
		}
		w->mode[FOP_CM_DEREG_SAP] = modes[i % 4];
		w->mode[FOP_CM_CLOSE_AF] = modes[(i / 4) % 4];
		init_completion(&r.go);
		init_completion(&r.done);
		t = kthread_run(race_client_unregister, &r, "condis_race");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		complete(&r.go);
		if (get_random_u32() & 1)
			udelay(get_random_u32() % 100);
		condis_miniport_unregister(w->adapter);
		wait_for_completion(&r.done);
		w->client = NULL;
		w->cm = NULL;
		w->adapter = NULL;
		fake_settle(w);
		for (j = r.nev; j < w->nev; j++)
			if (race_client_ev(w->ev[j])) {
				late++;
				kunit_err(test, "round %d: client handler %u after its unregister\n",
					  i, w->ev[j]);
			}
		/* a completion that no longer found its object, or never came */
		j = fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE) +
		    fake_vrf_delta(w, CONDIS_VRF_REQUEST_TIMEOUT);
		if (j)
			kunit_err(test, "round %d: %d stale handles or request timeouts\n", i, j);
		vrf += j;
		fake_world_free(w);
	}
	condis_call_params_free(cp);
	KUNIT_EXPECT_EQ(test, late, 0);
	KUNIT_EXPECT_EQ(test, vrf, 0);
}

static void race_client_vs_adapter_teardown(struct kunit *test)
{
	race_teardowns(test, false);
}

static void race_client_vs_adapter_teardown_calls(struct kunit *test)
{
	race_teardowns(test, true);
}

static struct kunit_case condis_race_cases[] = {
	KUNIT_CASE_SLOW(race_close_vs_make_complete),
	KUNIT_CASE_SLOW(race_close_vs_make_complete_direct),
	KUNIT_CASE_SLOW(race_dereg_sap_vs_incoming),
	KUNIT_CASE_SLOW(race_unbind_with_pending),
	KUNIT_CASE_SLOW(race_drop_vs_incoming_drop),
	KUNIT_CASE_SLOW(race_delete_during_close_delivery),
	KUNIT_CASE_SLOW(race_delete_during_close_delivery_direct),
	KUNIT_CASE_SLOW(race_client_vs_adapter_teardown),
	KUNIT_CASE_SLOW(race_client_vs_adapter_teardown_calls),
	{}
};

static struct kunit_suite condis_race_suite = {
	.name = "condis_races",
	.test_cases = condis_race_cases,
};

kunit_test_suite(condis_race_suite);
