// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: every verifier rule triggered on purpose and counted. The
 * verifier runs in report mode here, so the panic_on_warn test kernel
 * keeps going.
 */
#include <kunit/test.h>
#include "fake_log.h"
#include "fakes.h"

static void vrf_complete_twice(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_PEND_PROC);
	struct condis_af *af;

	KUNIT_ASSERT_EQ(test, condis_cl_open_af(w->client, w->adapter, FAKE_AF_TYPE,
						w, &af), CONDIS_PENDING);
	FAKE_WAIT(w, FEV_CL_OPEN_AF_DONE, 1);
	condis_cm_open_af_complete(0, af, w);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_COMPLETE_TWICE), 1);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OPEN_AF_DONE), 1);
}

static void vrf_complete_unpended(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	fake_open_af(w);
	fake_register_sap(w);
	condis_cm_register_sap_complete(0, w->sap, w);
	condis_cm_open_af_complete(0, w->af, w);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_COMPLETE_UNPENDED), 2);
	fake_settle(w);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_OPEN_AF_DONE), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, FEV_CL_REG_SAP_DONE), 0);
}

static void vrf_complete_with_pending(struct kunit *test)
{
	struct condis_sap_desc d = { .len = 1 };
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_sap *sap;

	fake_open_af(w);
	w->mode[FOP_CM_REG_SAP] = FM_PEND_PROC;
	w->status[FOP_CM_REG_SAP] = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->af, &d, w, &sap), CONDIS_PENDING);
	FAKE_WAIT(w, FEV_CL_REG_SAP_DONE, 1);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_COMPLETE_PENDING), 1);
	/* report mode: it becomes a failure, never a PENDING the client sees */
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_REG_SAP_DONE, 1), -EIO);
}

static void vrf_stale_handles(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_af *af;

	fake_open_af(w);
	af = w->af;
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), 0);
	w->af = NULL;
	/* after close-AF complete, for either side */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), -EINVAL);
	condis_cm_close_af_complete(0, af);
	/* forged and NULL handles, a handle of the wrong type */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap((void *)0x500fffffUL), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap((struct condis_sap *)w->adapter),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_STALE_HANDLE), 5);
}

static void vrf_pending_forbidden(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	struct condis_vc *vc;

	fake_open_af(w);
	w->mp_create_ret = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_create_vc(w->af, w, &vc), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_PENDING_FORBIDDEN), 1);
	w->mp_create_ret = 0;
	w->cl_create_ret = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cm_create_vc(w->af, w, &vc), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_PENDING_FORBIDDEN), 2);
	w->cl_create_ret = 0;
}

static void vrf_wrong_role(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);

	fake_open_af(w);
	fake_client_vc(w);
	/* a stand-alone CM using the MCM activation, and a bad connect */
	KUNIT_EXPECT_EQ(test, condis_mcm_activate_vc(w->vc, NULL), -EPERM);
	condis_cm_dispatch_call_connected(w->vc);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_WRONG_ROLE), 2);
	KUNIT_EXPECT_EQ(test, condis_cl_delete_vc(w->vc), 0);
}

static void vrf_request_timeout(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, false, FM_SYNC);
	unsigned int old = condis_set_pend_timeout_ms(30);
	struct condis_sap_desc d = { .len = 1 };
	struct condis_sap *sap;

	fake_open_af(w);
	w->mode[FOP_CM_REG_SAP] = FM_PEND_PROC;
	w->pend_delay_ms = 300;
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->af, &d, w, &sap), CONDIS_PENDING);
	FAKE_WAIT(w, FEV_CL_REG_SAP_DONE, 1);
	condis_set_pend_timeout_ms(old);
	KUNIT_EXPECT_EQ(test, fake_vrf_delta(w, CONDIS_VRF_REQUEST_TIMEOUT), 1);
	KUNIT_EXPECT_EQ(test, fake_status(w, FEV_CL_REG_SAP_DONE, 1), 0);
	w->sap = sap;
}

static void vrf_names(struct kunit *test)
{
	int r;

	for (r = 0; r < __CONDIS_VRF_MAX; r++)
		KUNIT_EXPECT_STRNEQ(test, condis_verifier_rule_name(r), "?");
	KUNIT_EXPECT_EQ(test, condis_status_to_ndis(-EBUSY), 0x00010003);
	KUNIT_EXPECT_EQ(test, condis_status_from_ndis(0xC0010021), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, condis_status_from_ndis(condis_status_to_ndis(CONDIS_PENDING)),
			CONDIS_PENDING);
	KUNIT_EXPECT_STREQ(test, condis_status_name(-ESHUTDOWN), "NDIS_STATUS_CLOSING");
}

static struct kunit_case condis_verifier_cases[] = {
	KUNIT_CASE(vrf_complete_twice),
	KUNIT_CASE(vrf_complete_unpended),
	KUNIT_CASE(vrf_complete_with_pending),
	KUNIT_CASE(vrf_stale_handles),
	KUNIT_CASE(vrf_pending_forbidden),
	KUNIT_CASE(vrf_wrong_role),
	KUNIT_CASE(vrf_request_timeout),
	KUNIT_CASE(vrf_names),
	{}
};

static struct kunit_suite condis_verifier_suite = {
	.name = "condis_verifier",
	.test_cases = condis_verifier_cases,
};

kunit_test_suite(condis_verifier_suite);
