// SPDX-License-Identifier: GPL-2.0
/*
 * The roles the benchmarks run on: a bench adapter whose integrated call
 * manager answers at once, and one client. A request the bench CM pends
 * it completes before its handler returns: the cycle then costs what
 * condis' pend/complete mechanism costs, no simulated network time.
 */
#include <linux/slab.h>
#include <linux/skbuff.h>
#include <linux/vmalloc.h>
#include <linux/condis.h>
#include <net/net_namespace.h>
#include "roles.h"

struct bench_world bench;
static DECLARE_COMPLETION(bench_af_done);
static int bench_af_status;

bool bench_is_slot(const void *ctx)
{
	const struct bench_slot *s = ctx;

	return bench.slots && s >= bench.slots && s < bench.slots + bench.nslots;
}

/* ---- miniport: VCs cost nothing, sends complete at once ------------------- */

static int mp_create_vc(void *ctx, struct condis_vc *vc, void **vc_ctx)
{
	*vc_ctx = vc;
	return 0;
}

static int mp_delete_vc(void *vc_ctx)
{
	return 0;
}

static int mp_activate_vc(void *vc_ctx, struct condis_call_params *cp)
{
	return 0;
}

static int mp_deactivate_vc(void *vc_ctx)
{
	return 0;
}

static void mp_send(void *vc_ctx, struct sk_buff *skb)
{
	condis_mco_send_complete(vc_ctx, skb, 0);
}

static int mp_oid_request(void *ctx, void *vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static const struct condis_miniport_ops bench_mp_ops = {
	.create_vc = mp_create_vc,
	.delete_vc = mp_delete_vc,
	.activate_vc = mp_activate_vc,
	.deactivate_vc = mp_deactivate_vc,
	.send = mp_send,
	.oid_request = mp_oid_request,
};

/* ---- integrated call manager ---------------------------------------------- */

static int cm_open_af(void *ctx, struct condis_af *af, void **af_ctx)
{
	*af_ctx = af;
	return 0;
}

static int cm_close_af(void *af_ctx)
{
	return 0;
}

static int cm_register_sap(void *af_ctx, const struct condis_sap_desc *desc,
			   struct condis_sap *sap, void **sap_ctx)
{
	return -EOPNOTSUPP;	/* nobody calls the bench adapter */
}

static int cm_deregister_sap(void *sap_ctx)
{
	return 0;
}

static int cm_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	*vc_ctx = vc;
	return 0;
}

static int cm_delete_vc(void *vc_ctx)
{
	return 0;
}

/* Activate (an MCM does it synchronously), complete, say it pended. */
static int cm_make_call(void *vc_ctx, struct condis_call_params *cp,
			struct condis_party *party, void **party_ctx)
{
	int ret = condis_mcm_activate_vc(vc_ctx, cp);

	condis_mcm_make_call_complete(ret, vc_ctx, party, NULL, NULL);
	return CONDIS_PENDING;
}

static int cm_close_call(void *vc_ctx, void *party_ctx, const void *buf, u32 len)
{
	int ret = condis_mcm_deactivate_vc(vc_ctx);

	condis_mcm_close_call_complete(ret, vc_ctx, NULL);
	return CONDIS_PENDING;
}

static void cm_incoming_call_complete(int status, void *vc_ctx,
				      const struct condis_call_params *cp)
{
}

static int cm_add_party(void *vc_ctx, struct condis_call_params *cp,
			struct condis_party *party, void **party_ctx)
{
	return -EOPNOTSUPP;
}

static int cm_drop_party(void *party_ctx, const void *buf, u32 len)
{
	return -EOPNOTSUPP;
}

static int cm_modify_qos(void *vc_ctx, struct condis_call_params *cp)
{
	return -EOPNOTSUPP;
}

static void cm_notify_close_af_complete(int status, void *af_ctx)
{
}

static int cm_oid_request(void *af_ctx, void *vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void cm_oid_request_complete(void *af_ctx, struct condis_oid_request *req,
				    int status)
{
}

static const struct condis_cm_ops bench_cm_ops = {
	.open_af = cm_open_af,
	.close_af = cm_close_af,
	.register_sap = cm_register_sap,
	.deregister_sap = cm_deregister_sap,
	.create_vc = cm_create_vc,
	.delete_vc = cm_delete_vc,
	.make_call = cm_make_call,
	.close_call = cm_close_call,
	.incoming_call_complete = cm_incoming_call_complete,
	.add_party = cm_add_party,
	.drop_party = cm_drop_party,
	.modify_qos = cm_modify_qos,
	.notify_close_af_complete = cm_notify_close_af_complete,
	.oid_request = cm_oid_request,
	.oid_request_complete = cm_oid_request_complete,
};

/* ---- client ----------------------------------------------------------------- */

static void cl_af_register_notify(void *ctx, struct condis_adapter *adapter, u32 af_type)
{
	if (af_type == CONDIS_AF_TYPE_LOOPBACK)
		WRITE_ONCE(bench.lo_adapter, adapter);
}

static void cl_open_af_complete(int status, void *af_ctx, struct condis_af *af)
{
	bench_af_status = status;
	complete(&bench_af_done);
}

static void cl_close_af_complete(int status, void *af_ctx)
{
	complete(&bench_af_done);
}

static void cl_notify_close_af(void *af_ctx)
{
	enum bench_target t = (uintptr_t)af_ctx;

	/* condis_lo going: done with it (condis closes the empty AF) */
	condis_cl_notify_close_af_complete(0, bench.af[t]);
	bench.af[t] = NULL;
}

static void cl_register_sap_complete(int status, void *sap_ctx, struct condis_sap *sap)
{
	bench_af_status = status;
	complete(&bench_af_done);
}

static void cl_deregister_sap_complete(int status, void *sap_ctx)
{
	complete(&bench_af_done);
}

/* A VC the CM created for an incoming call: its handle is its context. */
static int cl_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	*vc_ctx = vc;
	return 0;
}

static int cl_delete_vc(void *vc_ctx)
{
	return 0;
}

static void cl_make_call_complete(int status, void *vc_ctx, struct condis_party *party,
				  const struct condis_call_params *cp)
{
	struct bench_slot *s = vc_ctx;

	s->status = status;
	complete(&s->done);
}

static void cl_close_call_complete(int status, void *vc_ctx, void *party_ctx)
{
	struct bench_slot *s = vc_ctx;

	if (!bench_is_slot(s))
		return;		/* the answer to an incoming close */
	s->status = status;
	complete(&s->done);
}

static int cl_incoming_call(void *sap_ctx, void *vc_ctx, struct condis_call_params *cp)
{
	return 0;	/* accept */
}

static void cl_incoming_close(int cause, void *vc_ctx, const void *buf, u32 len)
{
	if (!bench_is_slot(vc_ctx))
		condis_cl_close_call(vc_ctx, NULL, NULL, 0);
}

/* the optional handlers are left out: condis does without them */
static const struct condis_client_ops bench_cl_ops = {
	.af_register_notify = cl_af_register_notify,
	.open_af_complete = cl_open_af_complete,
	.close_af_complete = cl_close_af_complete,
	.notify_close_af = cl_notify_close_af,
	.register_sap_complete = cl_register_sap_complete,
	.deregister_sap_complete = cl_deregister_sap_complete,
	.create_vc = cl_create_vc,
	.delete_vc = cl_delete_vc,
	.make_call_complete = cl_make_call_complete,
	.close_call_complete = cl_close_call_complete,
	.incoming_call = cl_incoming_call,
	.incoming_close = cl_incoming_close,
};

/* The outcome of a request that may pend (its handler signals bench_af_done). */
static int bench_wait(int ret)
{
	if (ret != CONDIS_PENDING)
		return ret;
	wait_for_completion(&bench_af_done);
	return bench_af_status;
}

static const struct condis_sap_desc bench_lo_sap = { .len = 5, .sap = "bench" };

/* The client's AF and accepting SAP on condis_lo's adapter, if it is there. */
int bench_open_lo(void)
{
	struct condis_adapter *lo;
	int ret;

	if (bench.af[BENCH_LO])
		return 0;
	condis_flush();		/* af_register_notify is delivered on condis' queue */
	lo = READ_ONCE(bench.lo_adapter);
	if (!lo)
		return -ENODEV;	/* condis_lo not loaded */
	reinit_completion(&bench_af_done);
	ret = bench_wait(condis_cl_open_af(bench.client, lo, CONDIS_AF_TYPE_LOOPBACK,
					   (void *)(uintptr_t)BENCH_LO, &bench.af[BENCH_LO]));
	if (ret)
		return ret;
	reinit_completion(&bench_af_done);
	ret = bench_wait(condis_cl_register_sap(bench.af[BENCH_LO], &bench_lo_sap, NULL,
						&bench.lo_sap));
	if (ret) {
		condis_cl_close_af(bench.af[BENCH_LO]);
		bench.af[BENCH_LO] = NULL;
	}
	return ret;
}

/**
 * bench_call_make - create an outgoing VC and make a call on it
 * @s: the slot (its VC handle is set)
 * @target: the bench MCM or condis_lo
 *
 * Context: process.
 * Return: the call's final status.
 */
int bench_call_make(struct bench_slot *s, enum bench_target target)
{
	struct condis_call_params *cp;
	int ret;

	ret = condis_cl_create_vc(bench.af[target], s, &s->vc);
	if (ret)
		return ret;
	cp = condis_call_params_alloc(target == BENCH_LO ? bench_lo_sap.len : 0, 0,
				      GFP_KERNEL);
	if (!cp) {
		condis_cl_delete_vc(s->vc);
		return -ENOMEM;
	}
	if (target == BENCH_LO)
		memcpy(cp->cm_specific, bench_lo_sap.sap, bench_lo_sap.len);
	reinit_completion(&s->done);
	ret = condis_cl_make_call(s->vc, cp, NULL, NULL);
	condis_call_params_free(cp);		/* condis copied it */
	if (ret == CONDIS_PENDING) {
		wait_for_completion(&s->done);
		ret = s->status;
	}
	if (ret) {
		condis_cl_delete_vc(s->vc);	/* a failed call leaves the VC */
		s->vc = NULL;
	}
	return ret;
}

/* Close the call of @s and delete its VC. Context: process. */
int bench_call_close(struct bench_slot *s)
{
	int ret;

	reinit_completion(&s->done);
	ret = condis_cl_close_call(s->vc, NULL, NULL, 0);
	if (ret == CONDIS_PENDING) {
		wait_for_completion(&s->done);
		ret = s->status;
	}
	if (!ret)
		ret = condis_cl_delete_vc(s->vc);
	s->vc = NULL;
	return ret;
}

int bench_roles_init(void)
{
	int ret;

	ret = condis_miniport_register(&init_net, "bench", &bench_mp_ops, NULL,
				       &bench.adapter);
	if (ret)
		return ret;
	ret = condis_mcm_register_af(bench.adapter, BENCH_AF_TYPE, &bench_cm_ops, NULL,
				     &bench.cm);
	if (ret)
		goto err_mp;
	ret = condis_client_register(&init_net, "condis_bench", &bench_cl_ops, NULL,
				     &bench.client);
	if (ret)
		goto err_cm;
	ret = condis_cl_open_af(bench.client, bench.adapter, BENCH_AF_TYPE,
				(void *)(uintptr_t)BENCH_CORE, &bench.af[BENCH_CORE]);
	if (ret)
		goto err_cl;
	return 0;

err_cl:
	condis_client_unregister(bench.client);
err_cm:
	condis_cm_unregister(bench.cm);
err_mp:
	condis_miniport_unregister(bench.adapter);
	return ret;
}

/* Unregistering tears down in contract order whatever is still open. */
void bench_roles_exit(void)
{
	condis_client_unregister(bench.client);
	condis_cm_unregister(bench.cm);
	condis_miniport_unregister(bench.adapter);
}
