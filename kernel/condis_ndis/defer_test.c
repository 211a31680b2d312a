// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: requests a driver makes at DISPATCH_LEVEL (defer.c), with the
 * library's real functions on driver objects of the test's own, whose VC
 * condis never made (its creation, queued at DISPATCH_LEVEL, failed): no
 * condis object is reached. In process context such a request fails at
 * once and no completion handler runs; at DISPATCH_LEVEL it pends and its
 * completion handler runs in process context; a request on a VC that has
 * one queued queues behind it, from any context, and completes in order.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/wait.h>
#include "lib.h"
#include "params.h"

#define DT_MAX	16

/* what the handlers saw, in order */
static struct {
	int n;
	char ev[DT_MAX];
	NDIS_STATUS st[DT_MAX];
	int not_passive;
	wait_queue_head_t wq;
	struct completion *hold;	/* the QoS completion waits for it */
} dt;

static void dt_log(char ev, NDIS_STATUS st)
{
	if (KeGetCurrentIrql() != PASSIVE_LEVEL)
		dt.not_passive++;
	if (dt.n < DT_MAX) {
		dt.ev[dt.n] = ev;
		dt.st[dt.n] = st;
	}
	WRITE_ONCE(dt.n, dt.n + 1);
	wake_up_all(&dt.wq);
}

static void dt_wait(struct kunit *test, int n)
{
	KUNIT_ASSERT_GT(test, wait_event_timeout(dt.wq, READ_ONCE(dt.n) >= n, 10 * HZ), 0);
	msleep(20);	/* and no more than @n */
	KUNIT_EXPECT_EQ(test, READ_ONCE(dt.n), n);
}

static PROTOCOL_CL_MAKE_CALL_COMPLETE dt_make_call_complete;
static PROTOCOL_CL_CLOSE_CALL_COMPLETE dt_close_call_complete;
static PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE dt_qos_complete;
static PROTOCOL_CM_ACTIVATE_VC_COMPLETE dt_activate_complete;
static PROTOCOL_CO_OID_REQUEST_COMPLETE dt_oid_complete;

static VOID dt_make_call_complete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				  NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
	dt_log('m', Status);
}

static VOID dt_close_call_complete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				   NDIS_HANDLE ProtocolPartyContext)
{
	dt_log('c', Status);
}

static VOID dt_qos_complete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
			    PCO_CALL_PARAMETERS CallParameters)
{
	dt_log('q', Status);
	if (dt.hold)
		wait_for_completion(dt.hold);
}

static VOID dt_activate_complete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				 PCO_CALL_PARAMETERS CallParameters)
{
	dt_log('a', Status);
}

static VOID dt_oid_complete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
			    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
			    NDIS_STATUS Status)
{
	dt_log('o', Status);
}

struct dt_world {
	struct ndis_drv drv;
	struct ndis_af af;
	struct ndis_vc vc;
	PCO_CALL_PARAMETERS params;
	NDIS_OID_REQUEST oid;
	ULONG oid_value;
};

static struct dt_world *dt_world(struct kunit *test, u8 role)
{
	struct dt_world *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	struct condis_call_params *cp = condis_call_params_alloc(0, 0, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, w);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	w->params = ndis_params_from_cp(cp);
	condis_call_params_free(cp);
	KUNIT_ASSERT_NOT_NULL(test, w->params);
	w->drv.cl.ClMakeCallCompleteHandler = dt_make_call_complete;
	w->drv.cl.ClCloseCallCompleteHandler = dt_close_call_complete;
	w->drv.cl.ClModifyCallQoSCompleteHandler = dt_qos_complete;
	w->drv.cl.ClOidRequestCompleteHandler = dt_oid_complete;
	w->drv.cm.CmActivateVcCompleteHandler = dt_activate_complete;
	w->af.drv = &w->drv;
	w->vc.drv = &w->drv;
	w->vc.role = role;
	w->vc.af = &w->af;
	w->oid.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	w->oid.RequestType = NdisRequestQueryInformation;
	w->oid.DATA.QUERY_INFORMATION.Oid = OID_CO_GET_CALL_INFORMATION;
	w->oid.DATA.QUERY_INFORMATION.InformationBuffer = &w->oid_value;
	w->oid.DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(w->oid_value);
	memset(&dt, 0, sizeof(dt));
	init_waitqueue_head(&dt.wq);
	return w;
}

static void dt_world_free(struct dt_world *w)
{
	ndis_params_free(w->params);
}

/* KeGetCurrentIrql: process context is PASSIVE_LEVEL, atomic context DISPATCH_LEVEL */
static void ndis_irql_of_contexts(struct kunit *test)
{
	NDIS_SPIN_LOCK lock;
	KIRQL irql;

	NdisAllocateSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	NdisAcquireSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	NdisReleaseSpinLock(&lock);
	NDIS_RAISE_IRQL_TO_DISPATCH(&irql);
	KUNIT_EXPECT_EQ(test, irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	NDIS_LOWER_IRQL(irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	NdisFreeSpinLock(&lock);
}

/* In process context: answered at once, no completion handler runs. */
static void ndis_requests_failing_at_once(struct kunit *test)
{
	struct dt_world *w = dt_world(test, NDIS_ROLE_CL);

	KUNIT_EXPECT_EQ(test, NdisClMakeCall(&w->vc, w->params, NULL, NULL),
			NDIS_STATUS_VC_NOT_AVAILABLE);
	KUNIT_EXPECT_EQ(test, NdisClModifyCallQoS(&w->vc, w->params),
			NDIS_STATUS_VC_NOT_AVAILABLE);
	KUNIT_EXPECT_EQ(test, NdisClCloseCall(&w->vc, NULL, NULL, 0),
			NDIS_STATUS_VC_NOT_AVAILABLE);
	KUNIT_EXPECT_EQ(test, NdisCoOidRequest(NULL, &w->af, &w->vc, NULL, &w->oid),
			NDIS_STATUS_VC_NOT_AVAILABLE);
	w->vc.role = NDIS_ROLE_CM;
	KUNIT_EXPECT_EQ(test, NdisCmActivateVc(&w->vc, w->params), NDIS_STATUS_VC_NOT_AVAILABLE);
	msleep(20);
	KUNIT_EXPECT_EQ(test, READ_ONCE(dt.n), 0);
	dt_world_free(w);
}

/*
 * At DISPATCH_LEVEL (a spin lock held, bottom halves off): each pends, and
 * its completion handler runs once, in process context, in the order made.
 */
static void ndis_requests_queued_at_dispatch(struct kunit *test)
{
	struct dt_world *w = dt_world(test, NDIS_ROLE_CL);
	NDIS_SPIN_LOCK lock;
	KIRQL irql;
	int i;

	NdisAllocateSpinLock(&lock);
	NdisAcquireSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, NdisClMakeCall(&w->vc, w->params, NULL, NULL),
			NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, NdisCoOidRequest(NULL, &w->af, &w->vc, NULL, &w->oid),
			NDIS_STATUS_PENDING);
	NdisReleaseSpinLock(&lock);
	NDIS_RAISE_IRQL_TO_DISPATCH(&irql);
	KUNIT_EXPECT_EQ(test, NdisClModifyCallQoS(&w->vc, w->params), NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, NdisClCloseCall(&w->vc, NULL, "bye", 3), NDIS_STATUS_PENDING);
	NDIS_LOWER_IRQL(irql, DISPATCH_LEVEL);
	dt_wait(test, 4);
	KUNIT_EXPECT_EQ(test, dt.ev[0], 'm');
	KUNIT_EXPECT_EQ(test, dt.ev[1], 'o');
	KUNIT_EXPECT_EQ(test, dt.ev[2], 'q');
	KUNIT_EXPECT_EQ(test, dt.ev[3], 'c');
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, dt.st[i], NDIS_STATUS_VC_NOT_AVAILABLE);
	KUNIT_EXPECT_EQ(test, dt.not_passive, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->vc.queued), 0);
	/* a stand-alone call manager's activation */
	w->vc.role = NDIS_ROLE_CM;
	NDIS_RAISE_IRQL_TO_DISPATCH(&irql);
	KUNIT_EXPECT_EQ(test, NdisCmActivateVc(&w->vc, w->params), NDIS_STATUS_PENDING);
	NDIS_LOWER_IRQL(irql, DISPATCH_LEVEL);
	dt_wait(test, 5);
	KUNIT_EXPECT_EQ(test, dt.ev[4], 'a');
	KUNIT_EXPECT_EQ(test, dt.st[4], NDIS_STATUS_VC_NOT_AVAILABLE);
	NdisFreeSpinLock(&lock);
	dt_world_free(w);
}

/*
 * Behind a queued request (its completion handler still running), a
 * request made in process context queues too: it pends and completes
 * after it.
 */
static void ndis_requests_in_order_behind_queued(struct kunit *test)
{
	struct dt_world *w = dt_world(test, NDIS_ROLE_CL);
	DECLARE_COMPLETION_ONSTACK(hold);
	KIRQL irql;

	dt.hold = &hold;
	NDIS_RAISE_IRQL_TO_DISPATCH(&irql);
	KUNIT_EXPECT_EQ(test, NdisClModifyCallQoS(&w->vc, w->params), NDIS_STATUS_PENDING);
	NDIS_LOWER_IRQL(irql, DISPATCH_LEVEL);
	dt_wait(test, 1);
	KUNIT_EXPECT_EQ(test, NdisClCloseCall(&w->vc, NULL, NULL, 0), NDIS_STATUS_PENDING);
	complete(&hold);
	dt_wait(test, 2);
	KUNIT_EXPECT_EQ(test, dt.ev[0], 'q');
	KUNIT_EXPECT_EQ(test, dt.ev[1], 'c');
	KUNIT_EXPECT_EQ(test, dt.st[1], NDIS_STATUS_VC_NOT_AVAILABLE);
	dt_world_free(w);
}

static struct kunit_case ndis_dispatch_cases[] = {
	KUNIT_CASE(ndis_irql_of_contexts),
	KUNIT_CASE(ndis_requests_failing_at_once),
	KUNIT_CASE(ndis_requests_queued_at_dispatch),
	KUNIT_CASE(ndis_requests_in_order_behind_queued),
	{}
};

static struct kunit_suite ndis_dispatch_suite = {
	.name = "condis_ndis_dispatch",
	.test_cases = ndis_dispatch_cases,
};

kunit_test_suite(ndis_dispatch_suite);
