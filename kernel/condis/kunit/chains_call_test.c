// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit, condis_chains: the VC, call, QoS and point-to-multipoint chains.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/skbuff.h>
#include <net/net_namespace.h>
#include "chains.h"
#include "chains_call.h"
#include "fake_log.h"
#include "fake_roles.h"
#include "fakes.h"

/* ---- VC ------------------------------------------------------------------------------ */

void vc_create_activate_delete(struct kunit *test)
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

void vc_create_fails(struct kunit *test)
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

/*
 * At DISPATCH_LEVEL (NDIS lets a driver delete a VC there, and an MCM
 * activate it): condis answers in atomic context, at once; the other
 * role's and the miniport's delete handlers run after, in process context.
 */
void vc_delete_atomic(struct kunit *test)
{
	struct fake_world *w = world(test);
	struct condis_vc *vc;
	unsigned long flags;
	int ret;

	fake_open_af(w);
	KUNIT_ASSERT_EQ(test, condis_cl_create_vc(w->af, w, &vc), 0);
	w->vc = vc;
	if (w->mcm) {
		spin_lock_irqsave(&w->hw_lock, flags);
		KUNIT_EXPECT_EQ(test, condis_mcm_activate_vc(vc, NULL), 0);
		KUNIT_EXPECT_EQ(test, condis_co_delete_vc_atomic(vc, false), -EBUSY);
		KUNIT_EXPECT_EQ(test, condis_mcm_deactivate_vc(vc), 0);
		KUNIT_EXPECT_EQ(test, condis_mcm_deactivate_vc(vc), -ENOTCONN);
		spin_unlock_irqrestore(&w->hw_lock, flags);
	} else if (!fake_final(w, condis_cm_activate_vc(vc, NULL), FEV_CM_ACTIVATE_DONE, 1)) {
		spin_lock_irqsave(&w->hw_lock, flags);
		KUNIT_EXPECT_EQ(test, condis_co_delete_vc_atomic(vc, false), -EBUSY);
		spin_unlock_irqrestore(&w->hw_lock, flags);
		w->mode[FOP_MP_DEACTIVATE] = FM_SYNC;
		KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), 0);
	}
	spin_lock_irqsave(&w->hw_lock, flags);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc_atomic(vc, true), -EPERM);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc_atomic(vc, false), 0);
	ret = condis_co_delete_vc_atomic(vc, false);
	spin_unlock_irqrestore(&w->hw_lock, flags);
	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_DELETE_NOT_CREATOR), 1);
	FAKE_WAIT(w, FEV_MP_DELETE_VC, 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
	BEFORE(w, FEV_CM_DELETE_VC, FEV_MP_DELETE_VC);
	fake_close_af(w);
}

/*
 * ProtocolCoDeleteVc may refuse (NOT_ACCEPTED, or a driver's own status):
 * NdisCoDeleteVc then gives that status and the VC stays. A refusal
 * condis can no longer honour (the delete answered already in atomic
 * context; the miniport's, after the other role agreed) is reported and
 * the VC goes.
 */
void vc_delete_refused(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_vc *vc, *cmvc;
	unsigned long flags;

	fake_open_af(w);
	KUNIT_ASSERT_EQ(test, condis_cl_create_vc(w->af, w, &vc), 0);
	w->vc = vc;
	w->cm_delete_ret = -EBUSY;
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), -EBUSY);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 0);
	/* the VC stands: it activates, and is deleted once the CM agrees */
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, NULL), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), 0);
	w->cm_delete_ret = 0;
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 1);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 0);

	/* the client refuses the CM's delete of a VC the CM created */
	KUNIT_ASSERT_EQ(test, condis_cm_create_vc(w->af, fake_slot(w), &cmvc), 0);
	w->cl_delete_ret = -EIO;
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(cmvc), -EIO);
	w->cl_delete_ret = 0;
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(cmvc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_DELETE_VC), 2);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_DELETE_REFUSED), 0);

	/* answered in atomic context: the refusal comes too late */
	KUNIT_ASSERT_EQ(test, condis_cl_create_vc(w->af, w, &vc), 0);
	w->cm_delete_ret = -EBUSY;
	spin_lock_irqsave(&w->hw_lock, flags);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc_atomic(vc, false), 0);
	spin_unlock_irqrestore(&w->hw_lock, flags);
	FAKE_WAIT(w, FEV_MP_DELETE_VC, 2);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_DELETE_REFUSED), 1);
	w->cm_delete_ret = 0;

	/* the miniport's refusal, after the CM agreed */
	KUNIT_ASSERT_EQ(test, condis_cl_create_vc(w->af, w, &vc), 0);
	w->mp_delete_ret = -EBUSY;
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), 0);
	w->mp_delete_ret = 0;
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_DELETE_REFUSED), 2);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(vc), -EINVAL);
	fake_close_af(w);
}

/* ---- outgoing call ------------------------------------------------------------------ */

void call_make_close(struct kunit *test)
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

void call_close_fails(struct kunit *test)
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
void call_params_changed(struct kunit *test)
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
void call_fails_party_invalid(struct kunit *test)
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
void call_success_without_activation(struct kunit *test)
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

/*
 * NdisCmCloseCallComplete: success means the CM deactivated the VC. One
 * that left it active is reported; the call is down, and the client's
 * delete is refused until the CM deactivates it.
 */
void call_close_success_on_active_vc(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_CM_CLOSE_CALL];
	int ret, st;

	fake_open_af(w);
	fake_connect(w, 0);
	w->cm_skip_deactivate = true;
	ret = condis_cl_close_call(w->vc, NULL, NULL, 0);
	st = fake_final(w, ret, FEV_CL_CLOSE_CALL_DONE, 1);
	KUNIT_EXPECT_EQ(test, st, m == FM_FAIL ? -EIO : 0);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_CLOSE_ACTIVE), st ? 0 : 1);
	if (st) {		/* still connected: closed properly now */
		fake_world_set_mode(w, FM_SYNC);
		w->cm_skip_deactivate = false;
		KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	} else {
		struct sk_buff *skb = alloc_skb(10, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, skb);
		skb_put_zero(skb, 10);
		KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, skb), -ENOTCONN);
		KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_SEND_AFTER_CLOSE), 1);
		KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), -EBUSY);
		fake_world_set_mode(w, FM_SYNC);
		ret = w->mcm ? condis_mcm_deactivate_vc(w->vc) : condis_cm_deactivate_vc(w->vc);
		KUNIT_EXPECT_EQ(test, ret, 0);
	}
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* ---- incoming call ------------------------------------------------------------------- */

void call_incoming(struct kunit *test)
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
 * An incoming call the client accepted and the CM holds unconnected. The
 * failing parameter makes its close fail (the answer is accepted): true.
 */
static bool held_accepted_call(struct fake_world *w)
{
	bool fail = w->mode[FOP_CM_CLOSE_CALL] == FM_FAIL;

	if (fail) {		/* an accepted call whose close fails */
		fake_world_set_mode(w, FM_SYNC);
		w->mode[FOP_CM_CLOSE_CALL] = FM_FAIL;
	}
	w->cm_hold_connected = true;
	fake_open_af(w);
	fake_register_sap(w);
	fake_incoming(w);
	FAKE_WAIT(w, FEV_CM_INCOMING_DONE, 1);
	return fail;
}

/*
 * The client closes an accepted call before the CM connected it; the CM's
 * call-connected crosses the close: dropped, not reported, not delivered
 * (condis_lo did this under stress).
 */
void call_connected_crosses_close(struct kunit *test)
{
	struct fake_world *w = world(test);
	bool fail = held_accepted_call(w);
	int ret;

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

/*
 * The client closes its accepted call while the CM is still hearing the
 * answer (its incoming_call_complete runs): the call is busy until the
 * handler returned, so no close reaches the CM ahead of the answer
 * (condis_lo freed the VC on the close, then took the answer for it).
 */
void call_close_while_cm_hears_answer(struct kunit *test)
{
	struct fake_world *w = world(test);
	bool fail;
	int ret;

	w->cm_close_in_answer = true;
	fail = held_accepted_call(w);
	fake_settle(w);
	w->cm_close_in_answer = false;
	KUNIT_EXPECT_EQ(test, w->cm_close_in_answer_ret, -EBUSY);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_CALL), 0);
	/* the CM heard it: now the close reaches the CM */
	ret = condis_cl_close_call(w->vc, NULL, NULL, 0);
	KUNIT_EXPECT_TRUE(test, fail ? ret == -EIO : ret == 0 || ret == CONDIS_PENDING);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_CALL), 1);
	if (fail) {
		w->mode[FOP_CM_CLOSE_CALL] = FM_SYNC;
		KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
		fake_settle(w);
	}
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(w->vc), 0);
	fake_settle(w);
	fake_deregister_sap(w);
}

/* An incoming close never overtakes the make-call completion. */
void call_close_after_make_ordered(struct kunit *test)
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

void call_qos(struct kunit *test)
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
 * NdisClIncomingCallComplete: before it answers an offered call, the
 * client may negotiate the QoS with the CM (NdisClModifyCallQoS); once the
 * call is over it may not.
 */
void call_qos_before_answer(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_CM_QOS];
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cp);
	fake_open_af(w);
	fake_register_sap(w);
	w->mode[FOP_CL_INCOMING] = FM_SYNC;	/* the client accepts */
	w->cl_qos_in_incoming = true;
	fake_incoming(w);
	FAKE_WAIT(w, FEV_CM_INCOMING_DONE, 1);
	/* the offered parameters change in place: of their sizes only */
	KUNIT_EXPECT_EQ(test, w->cl_qos_resized_ret, -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_QOS), 1);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_QOS, 1), 4242);
	KUNIT_EXPECT_EQ(test, w->cl_offered_peak, m == FM_SYNC ? 4242 : 777);
	KUNIT_EXPECT_EQ(test, w->cl_qos_ret,
			m == FM_FAIL ? -EIO : m == FM_SYNC ? 0 : CONDIS_PENDING);
	BEFORE(w, FEV_CM_QOS, FEV_CM_INCOMING_DONE);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CM_INCOMING_DONE, 1), 0);
	if (w->cl_qos_ret == CONDIS_PENDING) {
		FAKE_WAIT(w, FEV_CL_QOS_DONE, 1);
		KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_QOS_DONE, 1), 0);
	}
	FAKE_WAIT(w, FEV_CL_CONNECTED, 1);
	fake_settle(w);
	fake_world_set_mode(w, FM_SYNC);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	/* after the call: nothing to negotiate */
	cp->tx.peak_bandwidth = 1;
	KUNIT_EXPECT_EQ(test, condis_cl_modify_qos(w->vc, cp), -ENOTCONN);
	condis_call_params_free(cp);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, condis_cm_delete_vc(w->vc), 0);
	fake_deregister_sap(w);
	fake_close_af(w);
}

/*
 * The CM changes the QoS while the client's close pends: the change is not
 * delivered after the close's completion (the client may have freed the
 * context it gave; the stress race found that). A failed close leaves the
 * call, and the change is delivered.
 */
void call_qos_change_crosses_close(struct kunit *test)
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

void call_parties(struct kunit *test)
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
void call_close_waits_for_parties(struct kunit *test)
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

