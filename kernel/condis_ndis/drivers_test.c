// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit, condis_ndis_drivers: what the DDK pages promise drivers, shown
 * with two drivers written to them (drivers_test_world.c): every list a
 * protocol sends completes to it later with the status the miniport gave
 * that list, or condis's refusal; received lists are the protocol's until
 * it returns them, and a miniport's receive indicated with
 * NDIS_RECEIVE_FLAGS_RESOURCES is its own again when the indication
 * returns; NdisMCmDispatchIncomingCall always pends and the client's
 * answer, whenever and wherever it comes, reaches
 * ProtocolCmIncomingCallComplete once.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <net/condis.h>
#include "drivers_test.h"
#include "params.h"

static void kt_wait(struct kunit *test, atomic_t *count, int n)
{
	KUNIT_ASSERT_GT(test, wait_event_timeout(kt.wq, atomic_read(count) >= n, 10 * HZ), 0);
}

static PCO_CALL_PARAMETERS kt_params(struct kunit *test)
{
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
	PCO_CALL_PARAMETERS p;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	p = ndis_params_from_cp(cp);
	condis_call_params_free(cp);
	KUNIT_ASSERT_NOT_NULL(test, p);
	return p;
}

/* The client's VC with a call up: its handle. */
static NDIS_HANDLE kt_call(struct kunit *test, struct kt_vc *vc, PCO_CALL_PARAMETERS params)
{
	int made = atomic_read(&kt.make_done);
	NDIS_STATUS st;

	KUNIT_ASSERT_EQ(test, NdisCoCreateVc(kt.Binding, kt.ClAf, vc, &vc->NdisVcHandle),
			NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, kt.mcm_vc);
	st = NdisClMakeCall(vc->NdisVcHandle, params, NULL, NULL);
	if (st == NDIS_STATUS_PENDING) {
		kt_wait(test, &kt.make_done, made + 1);
		st = kt.make_status;
	}
	KUNIT_ASSERT_EQ(test, st, NDIS_STATUS_SUCCESS);
	return vc->NdisVcHandle;
}

static void kt_close_call(struct kunit *test, NDIS_HANDLE vc)
{
	int closed = atomic_read(&kt.close_done);
	NDIS_STATUS st = NdisClCloseCall(vc, NULL, NULL, 0);

	if (st == NDIS_STATUS_PENDING)
		kt_wait(test, &kt.close_done, closed + 1);
	else
		KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_SUCCESS);
}

static NDIS_STATUS kt_sent_status(PNET_BUFFER_LIST nbl)
{
	int i;

	for (i = 0; i < min(atomic_read(&kt.tx_done), KT_LOG); i++)
		if (kt.sent[i].nbl == nbl)
			return kt.sent[i].status;
	return NDIS_STATUS_PENDING;	/* not completed */
}

static void kt_send(NDIS_HANDLE vc, PNET_BUFFER_LIST nbls, bool dispatch)
{
	KIRQL irql;

	WRITE_ONCE(kt.in_send, current);
	if (dispatch)
		NDIS_RAISE_IRQL_TO_DISPATCH(&irql);
	NdisCoSendNetBufferLists(vc, nbls, dispatch ? NDIS_SEND_FLAGS_DISPATCH_LEVEL : 0);
	if (dispatch)
		NDIS_LOWER_IRQL(irql, DISPATCH_LEVEL);
	WRITE_ONCE(kt.in_send, NULL);
}

/*
 * A chain of three lists, the miniport refusing the second: each comes
 * back with its own status; so does one sent at DISPATCH_LEVEL; after the
 * call closed condis refuses a send, and the list comes back all the same,
 * with that status. Never from within NdisCoSendNetBufferLists.
 */
static void ndis_send_status_per_list(struct kunit *test)
{
	PCO_CALL_PARAMETERS params = kt_params(test);
	PNET_BUFFER_LIST l[5];
	struct kt_vc vc = {};
	NDIS_HANDLE h;
	int i;

	atomic_set(&kt.tx_done, 0);
	atomic_set(&kt.tx_inside, 0);
	h = kt_call(test, &vc, params);
	l[0] = kt_frame(kt.ClPool, "first");
	l[1] = kt_frame(kt.ClPool, "refuse this");
	l[2] = kt_frame(kt.ClPool, "third");
	l[3] = kt_frame(kt.ClPool, "at dispatch");
	l[4] = kt_frame(kt.ClPool, "too late");
	for (i = 0; i < ARRAY_SIZE(l); i++)
		KUNIT_ASSERT_NOT_NULL(test, l[i]);
	NET_BUFFER_LIST_NEXT_NBL(l[0]) = l[1];
	NET_BUFFER_LIST_NEXT_NBL(l[1]) = l[2];
	kt_send(h, l[0], false);
	kt_send(h, l[3], true);
	kt_wait(test, &kt.tx_done, 4);
	KUNIT_EXPECT_EQ(test, kt_sent_status(l[0]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, kt_sent_status(l[1]), NDIS_STATUS_INVALID_PACKET);
	KUNIT_EXPECT_EQ(test, kt_sent_status(l[2]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, kt_sent_status(l[3]), NDIS_STATUS_SUCCESS);

	kt_close_call(test, h);
	kt_send(h, l[4], false);
	kt_wait(test, &kt.tx_done, 5);
	KUNIT_EXPECT_NE(test, kt_sent_status(l[4]), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_NE(test, kt_sent_status(l[4]), NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, atomic_read(&kt.tx_inside), 0);
	KUNIT_EXPECT_EQ(test, NdisCoDeleteVc(h), NDIS_STATUS_SUCCESS);
	for (i = 0; i < ARRAY_SIZE(l); i++)
		NET_BUFFER_LIST_NEXT_NBL(l[i]) = NULL;
	for (i = 0; i < ARRAY_SIZE(l); i++)
		kt_frames_free(l[i]);
	ndis_params_free(params);
}

/* The lists the client holds, unlinked: @n of them, in the order received. */
static void kt_take_held(struct kunit *test, PNET_BUFFER_LIST *out, int n)
{
	PNET_BUFFER_LIST nbl;
	int i = n;

	NdisAcquireSpinLock(&kt.lock);
	nbl = kt.held;
	kt.held = NULL;
	NdisReleaseSpinLock(&kt.lock);
	while (nbl && i > 0) {
		out[--i] = nbl;
		nbl = NET_BUFFER_LIST_NEXT_NBL(nbl);
		NET_BUFFER_LIST_NEXT_NBL(out[i]) = NULL;
	}
	KUNIT_ASSERT_EQ(test, i, 0);
	KUNIT_ASSERT_NULL(test, nbl);
}

/*
 * A miniport's chain of pool data without NDIS_RECEIVE_FLAGS_RESOURCES:
 * the client receives the miniport's own memory (no copy) and holds it;
 * the miniport has the chain back through MiniportReturnNetBufferLists
 * once the client returned it with NdisReturnNetBufferLists, not before.
 * With the flag, at DISPATCH_LEVEL: the miniport has it back when the
 * indication returns (it reuses the buffer at once), and never through
 * MiniportReturnNetBufferLists; the client received the frame as it was.
 */
static void ndis_receive_lists_held_until_returned(struct kunit *test)
{
	PCO_CALL_PARAMETERS params = kt_params(test);
	int returned = atomic_read(&kt.mp_returned);
	PNET_BUFFER_LIST a, b, got[2];
	struct kt_vc vc = {};
	NDIS_SPIN_LOCK lock;
	NDIS_HANDLE h, mh;
	PVOID data;

	atomic_set(&kt.rx, 0);
	h = kt_call(test, &vc, params);
	mh = kt.mcm_vc->NdisVcHandle;
	a = kt_frame(kt.McmPool, "one");
	b = kt_frame(kt.McmPool, "two");
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	NET_BUFFER_LIST_NEXT_NBL(a) = b;
	data = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(a), 3, NULL, 1, 0);
	NdisMCoIndicateReceiveNetBufferLists(mh, a, 2, 0);
	kt_wait(test, &kt.rx, 2);
	kt_take_held(test, got, 2);
	KUNIT_EXPECT_TRUE(test, kt_frame_is(got[0], "one"));
	KUNIT_EXPECT_TRUE(test, kt_frame_is(got[1], "two"));
	/* the miniport's own memory, not a copy; the miniport waits for it */
	KUNIT_EXPECT_PTR_EQ(test, NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(got[0]), 3, NULL, 1, 0),
			    data);
	msleep(50);	/* a return would be queued by now */
	KUNIT_EXPECT_EQ(test, atomic_read(&kt.mp_returned), returned);
	NET_BUFFER_LIST_NEXT_NBL(got[0]) = got[1];
	NdisReturnNetBufferLists(kt.Binding, got[0], 0);
	kt_wait(test, &kt.mp_returned, returned + 2);	/* and freed by it */

	a = kt_frame(kt.McmPool, "three");
	KUNIT_ASSERT_NOT_NULL(test, a);
	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	NdisMCoIndicateReceiveNetBufferLists(mh, a, 1, NDIS_RECEIVE_FLAGS_RESOURCES |
				      NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL);
	NdisReleaseSpinLock(&lock);
	kt_frame_spoil(a);	/* the miniport's again: it reuses the buffer */
	kt_frames_free(a);
	kt_wait(test, &kt.rx, 3);
	kt_take_held(test, got, 1);
	KUNIT_EXPECT_TRUE(test, kt_frame_is(got[0], "three"));
	NdisReturnNetBufferLists(kt.Binding, got[0], 0);
	msleep(50);	/* a return would be queued by now */
	KUNIT_EXPECT_EQ(test, atomic_read(&kt.mp_returned), returned + 2);

	kt_close_call(test, h);
	KUNIT_EXPECT_EQ(test, NdisCoDeleteVc(h), NDIS_STATUS_SUCCESS);
	ndis_params_free(params);
}

static const enum kt_answer kt_answers[] = {
	KT_ACCEPT, KT_PEND_PROCESS, KT_PEND_ATOMIC, KT_REJECT,
};

static void kt_answer_name(const enum kt_answer *a, char *desc)
{
	static const char *const names[] = {
		[KT_ACCEPT] = "accepted", [KT_PEND_PROCESS] = "pended-process",
		[KT_PEND_ATOMIC] = "pended-atomic", [KT_REJECT] = "rejected",
	};

	strscpy(desc, names[*a], KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kt_answer, kt_answers, kt_answer_name);

/*
 * The miniport call manager offers a call on a VC it created and
 * activated: NdisMCmDispatchIncomingCall pends whatever the client does;
 * the client accepts at once, pends and answers from process or atomic
 * context, or rejects; ProtocolCmIncomingCallComplete has the answer,
 * once. An accepted call connects, and the call manager closes it.
 */
static void ndis_dispatch_incoming_call_pends(struct kunit *test)
{
	enum kt_answer answer = *(const enum kt_answer *)test->param_value;
	PCO_CALL_PARAMETERS params = kt_params(test);
	NDIS_SPIN_LOCK lock;
	NDIS_HANDLE h;
	int closed;

	atomic_set(&kt.incoming, 0);
	atomic_set(&kt.incoming_done, 0);
	atomic_set(&kt.connected, 0);
	kt.answer = answer;
	KUNIT_ASSERT_EQ(test, NdisMCmCreateVc(kt.Adapter, kt.McmAf, &kt.mcm_own,
					      &kt.mcm_own.NdisVcHandle), NDIS_STATUS_SUCCESS);
	h = kt.mcm_own.NdisVcHandle;
	KUNIT_ASSERT_NOT_NULL(test, kt.cl_in_vc);
	KUNIT_ASSERT_EQ(test, NdisMCmActivateVc(h, params), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NdisMCmDispatchIncomingCall(kt.McmSap, h, params),
			NDIS_STATUS_PENDING);
	kt_wait(test, &kt.incoming, 1);
	if (answer == KT_PEND_PROCESS) {
		msleep(20);	/* pending: no answer yet */
		KUNIT_EXPECT_EQ(test, atomic_read(&kt.incoming_done), 0);
		NdisClIncomingCallComplete(NDIS_STATUS_SUCCESS, kt.cl_in_vc->NdisVcHandle,
					   kt.cl_in_params);
	} else if (answer == KT_PEND_ATOMIC) {
		NdisAllocateSpinLock(&lock);
		NdisAcquireSpinLock(&lock);
		NdisClIncomingCallComplete(NDIS_STATUS_SUCCESS, kt.cl_in_vc->NdisVcHandle,
					   kt.cl_in_params);
		NdisReleaseSpinLock(&lock);
	}
	kt_wait(test, &kt.incoming_done, 1);
	msleep(20);	/* and only once */
	KUNIT_EXPECT_EQ(test, atomic_read(&kt.incoming_done), 1);
	if (answer == KT_REJECT) {
		KUNIT_EXPECT_NE(test, kt.incoming_status, NDIS_STATUS_SUCCESS);
		KUNIT_EXPECT_EQ(test, NdisMCmDeactivateVc(h), NDIS_STATUS_SUCCESS);
	} else {
		KUNIT_EXPECT_EQ(test, kt.incoming_status, NDIS_STATUS_SUCCESS);
		NdisMCmDispatchCallConnected(h);
		kt_wait(test, &kt.connected, 1);
		/* the call manager closes it; the client answers, the VC deactivates */
		closed = atomic_read(&kt.close_done);
		NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, h, NULL, 0);
		kt_wait(test, &kt.close_done, closed + 1);
		/*
		 * condis is done with the close completion's delivery once
		 * its handler returned: a delete before that is delivered
		 * after it, later
		 */
		condis_flush();
	}
	KUNIT_EXPECT_EQ(test, NdisMCmDeleteVc(h), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_NULL(test, kt.cl_in_vc);	/* the client's ProtocolCoDeleteVc ran */
	ndis_params_free(params);
}

static int kt_suite_init(struct kunit_suite *suite)
{
	return kt_world_up();
}

static void kt_suite_exit(struct kunit_suite *suite)
{
	kt_world_down();
}

static struct kunit_case ndis_drivers_cases[] = {
	KUNIT_CASE(ndis_send_status_per_list),
	KUNIT_CASE(ndis_receive_lists_held_until_returned),
	KUNIT_CASE_PARAM(ndis_dispatch_incoming_call_pends, kt_answer_gen_params),
	{}
};

static struct kunit_suite ndis_drivers_suite = {
	.name = "condis_ndis_drivers",
	.suite_init = kt_suite_init,
	.suite_exit = kt_suite_exit,
	.test_cases = ndis_drivers_cases,
};

kunit_test_suite(ndis_drivers_suite);
