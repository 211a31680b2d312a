// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: every CoNDIS chain, each run synchronous, pended and completed
 * from process context, pended and completed from atomic context, and
 * failing - with a stand-alone call manager and with an integrated one.
 * Each case asserts the handlers' order, the statuses, the handle rules
 * and (when its world is torn down) that every object was freed.
 *
 * The cases are in three files (this one: data, a CM's own VC, OIDs and
 * status, teardown); this one holds the suite.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/skbuff.h>
#include <net/net_namespace.h>
#include "chains.h"
#include "chains_af.h"
#include "chains_call.h"
#include "fake_log.h"
#include "fake_roles.h"
#include "fakes.h"

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

static const struct chain_param chain_direct_params[] = {
	{ FM_SYNC, false, true }, { FM_PEND_PROC, false, true },
	{ FM_PEND_ATOMIC, false, true }, { FM_FAIL, false, true },
	{ FM_SYNC, true, true }, { FM_PEND_PROC, true, true },
	{ FM_PEND_ATOMIC, true, true }, { FM_FAIL, true, true },
};

KUNIT_ARRAY_PARAM(chain_direct, chain_direct_params, chain_param_desc);

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

static void cl_send_complete_any(void *ctx, struct sk_buff *skb, int status)
{
	struct fake_world *w = ctx;

	if (current == READ_ONCE(w->sender) && !in_hardirq())
		atomic_inc(&w->sendc_inline);
	if (!skb)
		atomic_inc(&w->sendc_kept);
	fake_log(w, FEV_CL_SEND_DONE, status);
	kfree_skb(skb);
}

/*
 * CONDIS_CLIENT_INLINE_SEND_COMPLETE: a frame the miniport completes from
 * within its send comes back at once, in the sender's context (process,
 * or atomic with a lock held and interrupts off), a failed one with its
 * status; one completed later (from a work item, a timer, a hard
 * interrupt) comes on the workqueue. Without the flag nothing is inline
 * (data_send_receive: the fake client's handler must run in process
 * context). One test at a time: the handler table is static.
 */
/*
 * The world's client registered again with @flags and cl_send_complete_any
 * (@ops: static, it outlives the registration), its call connected, the
 * test's task its sender.
 */
static void cl_sender_with(struct kunit *test, struct fake_world *w,
			   struct condis_client_ops *ops, u32 flags)
{
	*ops = *condis_fake_client_ops();
	ops->send_complete = cl_send_complete_any;
	ops->flags = flags;
	condis_client_unregister(w->client);
	KUNIT_ASSERT_EQ(test, condis_client_register(&init_net, "fakecl", ops, w, &w->client), 0);
	FAKE_WAIT(w, FEV_CL_AF_NOTIFY, 2);
	fake_open_af(w);
	fake_connect(w, 0);
	WRITE_ONCE(w->sender, current);
}

static void data_send_complete_inline(struct kunit *test)
{
	static struct condis_client_ops ops;
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	unsigned long flags;

	cl_sender_with(test, w, &ops, CONDIS_CLIENT_INLINE_SEND_COMPLETE);

	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(10)), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_SEND_DONE), 1);
	spin_lock_irqsave(&w->hw_lock, flags);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(11)), 0);
	spin_unlock_irqrestore(&w->hw_lock, flags);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_SEND_DONE), 2);
	w->mode[FOP_MP_SEND] = FM_FAIL;
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(12)), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_SEND_DONE), 3);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_SEND_DONE, 3), -EIO);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->sendc_inline), 3);

	w->mode[FOP_MP_SEND] = FM_PEND_PROC;
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(13)), 0);
	w->mode[FOP_MP_SEND] = FM_PEND_ATOMIC;	/* a timer, then a hard interrupt */
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(14)), 0);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(15)), 0);
	FAKE_WAIT(w, FEV_CL_SEND_DONE, 6);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->sendc_inline), 3);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_SEND), 6);
	WRITE_ONCE(w->sender, NULL);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/*
 * A client that does not want its frames back (CONDIS_CLIENT_SEND_NO_RETURN):
 * a miniport sending at once may keep the frame and complete without it,
 * from within its send, in process and in atomic context, failing too; a
 * completion without its frame later (the miniport kept it but completed
 * from a work item, a timer, an interrupt) is a violation, counted as a
 * failed send and not delivered. A client wanting its frames back gets
 * each back, and the flag alone is refused.
 */
static void data_send_kept(struct kunit *test)
{
	static struct condis_client_ops ops;
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_client *bad;
	unsigned long flags;
	int vrf;

	ops = *condis_fake_client_ops();
	ops.flags = CONDIS_CLIENT_SEND_NO_RETURN;
	KUNIT_EXPECT_EQ(test, condis_client_register(&init_net, "fakebad", &ops, w, &bad),
			-EINVAL);
	cl_sender_with(test, w, &ops,
		       CONDIS_CLIENT_INLINE_SEND_COMPLETE | CONDIS_CLIENT_SEND_NO_RETURN);
	WRITE_ONCE(w->mp_keeps, true);
	vrf = fake_vrf_delta(w, CONDIS_VRF_SEND_KEPT);

	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(10)), 0);
	spin_lock_irqsave(&w->hw_lock, flags);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(11)), 0);
	spin_unlock_irqrestore(&w->hw_lock, flags);
	w->mode[FOP_MP_SEND] = FM_FAIL;
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(12)), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_SEND_DONE), 3);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_SEND_DONE, 3), -EIO);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->sendc_kept), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->sendc_inline), 3);

	/* kept, but completed outside the send: reported, not delivered */
	w->mode[FOP_MP_SEND] = FM_PEND_PROC;
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(13)), 0);
	w->mode[FOP_MP_SEND] = FM_PEND_ATOMIC;
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(14)), 0);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(15)), 0);
	condis_co_sends_wait(w->vc);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_SEND_KEPT) - vrf, 3);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_SEND_DONE), 3);

	/* a miniport that does not keep it gives it back */
	w->mode[FOP_MP_SEND] = FM_SYNC;
	WRITE_ONCE(w->mp_keeps, false);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(16)), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_SEND_DONE), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->sendc_kept), 3);
	WRITE_ONCE(w->sender, NULL);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/*
 * ProtocolClIncomingCloseCall: from the incoming close on, the client
 * neither sends nor receives on the VC (not a violation: it crossed the
 * close); its own close follows.
 */
static void data_stops_at_incoming_close(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	fake_open_af(w);
	fake_connect(w, 0);
	condis_cm_dispatch_incoming_close(-ECONNRESET, w->vc, NULL, 0);
	FAKE_WAIT(w, FEV_CL_INCOMING_CLOSE, 1);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->vc, frame(10)), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->vc, frame(10)), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_SEND), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_RECEIVE), 0);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_SEND_AFTER_CLOSE), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

/* ---- a CM's own VC (signalling) -------------------------------------------------------- */

static void signalling_vc(struct kunit *test)
{
	struct fake_world *w = world(test);
	enum fake_mode m = w->mode[FOP_MP_ACTIVATE];
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	struct condis_vc *vc, *afvc;
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
	/* an AF's VC on the adapter has another id: a miniport keys VCs by id */
	fake_open_af(w);
	KUNIT_ASSERT_EQ(test, condis_cl_create_vc(w->af, w, &afvc), 0);
	KUNIT_EXPECT_NE(test, condis_handle_id(afvc), condis_handle_id(vc));
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(afvc), 0);
	fake_close_af(w);
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
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_DELETE_VC), 2);	/* the AF's VC's too */
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_DELETE_VC), 1);	/* the AF's VC's */
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

static struct fake_world *oid_world;

static void adapter_oid_done(struct condis_oid_request *req, int status)
{
	fake_log_proc(oid_world, FEV_AD_OID_DONE, status);
}

/*
 * NdisCoOidRequest with neither AF nor VC: a protocol bound to the adapter
 * asks its miniport, with no AF open; its completion runs only when the
 * request pended.
 */
static void oid_adapter_request(struct kunit *test)
{
	struct fake_world *w = world(test);
	bool p = pended(w, FOP_MP_OID);
	int want = w->mode[FOP_MP_OID] == FM_FAIL ? -EIO : 0;
	int ret;

	oid_world = w;
	w->oid.oid = 0x00010101;
	ret = condis_adapter_oid_request(w->adapter, &w->oid, adapter_oid_done);
	KUNIT_EXPECT_EQ(test, fake_final(w, ret, FEV_AD_OID_DONE, 1), want);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_OID), 1);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_AD_OID_DONE), p ? 1 : 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OID_DONE) + fake_count(w, FEV_CM_OID_DONE), 0);
	KUNIT_EXPECT_EQ(test, condis_adapter_oid_request(w->adapter, NULL, adapter_oid_done),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, condis_adapter_oid_request(w->adapter, &w->oid, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_MP_OID), 1);
}

/*
 * NDIS does not serialize CoNDIS OID requests: one pended at the miniport
 * holds back neither the adapter's status indications nor another OID's
 * completion.
 */
static void oid_not_serialized(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_oid_request second = { .oid = 0x00010102 };
	int ret;

	fake_open_af(w);
	w->mode[FOP_MP_OID] = FM_PEND_PROC;
	w->status[FOP_MP_OID] = -EAGAIN;	/* tells the two completions apart */
	w->pend_delay_ms = 500;		/* surely pending meanwhile */
	w->oid.oid = 0x00010101;
	ret = condis_co_oid_request(w->af, NULL, false, CONDIS_OID_TO_MINIPORT, &w->oid);
	KUNIT_ASSERT_EQ(test, ret, CONDIS_PENDING);
	condis_mco_indicate_status(w->adapter, NULL, -ENOLINK, NULL, 0);
	FAKE_WAIT(w, FEV_CL_STATUS, 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OID_DONE), 0);
	/* a second request to the miniport, answered sooner, completes first */
	w->status[FOP_MP_OID] = 0;
	w->pend_delay_ms = 0;
	ret = condis_co_oid_request(w->af, NULL, false, CONDIS_OID_TO_MINIPORT, &second);
	KUNIT_ASSERT_EQ(test, ret, CONDIS_PENDING);
	FAKE_WAIT(w, FEV_CL_OID_DONE, 2);
	BEFORE(w, FEV_CL_STATUS, FEV_CL_OID_DONE);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_OID_DONE, 1), 0);	/* the second */
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_OID_DONE, 2), -EAGAIN);
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

/*
 * An adapter-wide status handler may open an AF (a client reopening it on
 * media connect): condis holds no lock of its own while the handler runs.
 */
static void status_handler_opens_af(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	fake_open_af(w);
	w->cl_open_on_status = true;
	condis_mco_indicate_status(w->adapter, NULL, 0, NULL, 0);
	FAKE_WAIT(w, FEV_CL_STATUS, 1);
	KUNIT_EXPECT_EQ(test, w->status_open_ret, 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_OPEN_AF), 2);
	KUNIT_ASSERT_NOT_NULL(test, w->status_af);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->status_af), 0);
	fake_close_af(w);
}

/*
 * A client unregistering while its adapter-wide status handler runs waits
 * for the handler to return, as for any other handler of its.
 */
static void status_waited_for_by_unregister(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	fake_open_af(w);
	w->cl_status_ms = 200;
	condis_mco_indicate_status(w->adapter, NULL, -ENOLINK, NULL, 0);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w->cl_status_entered, 10 * HZ),
			0);
	condis_client_unregister(w->client);
	w->client = NULL;
	w->af = NULL;
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_STATUS), 1);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CM_CLOSE_AF), 1);
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

/* ---- direct completion --------------------------------------------------------------- */

/*
 * The call chains again with a CM and a client that declare direct
 * completion (CONDIS_CM_DIRECT_COMPLETE, CONDIS_CLIENT_DIRECT_COMPLETE):
 * the same handlers in the same order with the same statuses, and they
 * ran from within the completion where the fake CM completed from a work
 * item (pended, process context) and only there; completed from a timer
 * or a hard interrupt with a spinlock held, or answered at once, condis
 * queued as without the flags (whose worlds check that none ran so).
 */
static void direct_ran(struct kunit *test)
{
	const struct chain_param *p = test->param_value;
	struct fake_world *w = test->priv;

	KUNIT_EXPECT_EQ(test, atomic_read(&w->direct_runs) > 0, p->mode == FM_PEND_PROC);
}

static void call_make_close_direct(struct kunit *test)
{
	call_make_close(test);
	direct_ran(test);
}

static void call_incoming_direct(struct kunit *test)
{
	call_incoming(test);
	direct_ran(test);
}

static void call_qos_direct(struct kunit *test)
{
	call_qos(test);
	direct_ran(test);
}

static void call_parties_direct(struct kunit *test)
{
	call_parties(test);
	direct_ran(test);
}

static struct kunit_case condis_chain_cases[] = {
	KUNIT_CASE_PARAM(af_open_close, chain_gen_params),
	KUNIT_CASE(af_open_unknown),
	KUNIT_CASE(af_mcm_displaces_cm),
	KUNIT_CASE(af_other_namespace),
	KUNIT_CASE(client_optional_handlers),
	KUNIT_CASE(register_under_allocation_failure),
	KUNIT_CASE(indications_under_allocation_failure),
	KUNIT_CASE(af_close_busy),
	KUNIT_CASE_PARAM(af_notify_close, chain_gen_params),
	KUNIT_CASE_PARAM(af_notify_close_client_closes, chain_gen_params),
	KUNIT_CASE_PARAM(sap_register_deregister, chain_gen_params),
	KUNIT_CASE(sap_register_fails_pended),
	KUNIT_CASE(sap_offer_right_after_register),
	KUNIT_CASE(sap_offer_while_registering),
	KUNIT_CASE_PARAM(sap_deregister_waits_for_offers, chain_gen_params),
	KUNIT_CASE_PARAM(vc_create_activate_delete, chain_gen_params),
	KUNIT_CASE(vc_create_fails),
	KUNIT_CASE_PARAM(vc_delete_atomic, chain_gen_params),
	KUNIT_CASE(vc_delete_refused),
	KUNIT_CASE_PARAM(call_make_close, chain_gen_params),
	KUNIT_CASE_PARAM(call_close_fails, chain_gen_params),
	KUNIT_CASE_PARAM(call_params_changed, chain_gen_params),
	KUNIT_CASE_PARAM(call_fails_party_invalid, chain_gen_params),
	KUNIT_CASE_PARAM(call_success_without_activation, chain_gen_params),
	KUNIT_CASE_PARAM(call_close_success_on_active_vc, chain_gen_params),
	KUNIT_CASE_PARAM(call_incoming, chain_gen_params),
	KUNIT_CASE_PARAM(call_connected_crosses_close, chain_gen_params),
	KUNIT_CASE_PARAM(call_close_while_cm_hears_answer, chain_gen_params),
	KUNIT_CASE_PARAM(call_close_after_make_ordered, chain_gen_params),
	KUNIT_CASE_PARAM(call_qos, chain_gen_params),
	KUNIT_CASE_PARAM(call_qos_before_answer, chain_gen_params),
	KUNIT_CASE_PARAM(call_qos_change_crosses_close, chain_gen_params),
	KUNIT_CASE_PARAM(call_parties, chain_gen_params),
	KUNIT_CASE(call_close_waits_for_parties),
	KUNIT_CASE_PARAM(call_make_close_direct, chain_direct_gen_params),
	KUNIT_CASE_PARAM(call_incoming_direct, chain_direct_gen_params),
	KUNIT_CASE_PARAM(call_qos_direct, chain_direct_gen_params),
	KUNIT_CASE_PARAM(call_parties_direct, chain_direct_gen_params),
	KUNIT_CASE(data_send_receive),
	KUNIT_CASE(data_send_complete_inline),
	KUNIT_CASE(data_send_kept),
	KUNIT_CASE(data_stops_at_incoming_close),
	KUNIT_CASE_PARAM(signalling_vc, chain_gen_params),
	KUNIT_CASE(signalling_vc_teardown),
	KUNIT_CASE_PARAM(oid_requests, chain_gen_params),
	KUNIT_CASE_PARAM(oid_adapter_request, chain_gen_params),
	KUNIT_CASE(oid_not_serialized),
	KUNIT_CASE_PARAM(status_indications, chain_gen_params),
	KUNIT_CASE(status_handler_opens_af),
	KUNIT_CASE(status_waited_for_by_unregister),
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
