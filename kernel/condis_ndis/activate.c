// SPDX-License-Identifier: GPL-2.0
/*
 * VC activation by call managers: NdisCmActivateVc and NdisCmDeactivateVc
 * (a stand-alone CM: the miniport's MiniportCoActivateVc runs, and may
 * pend), NdisMCmActivateVc and NdisMCmDeactivateVc (a miniport call
 * manager: synchronous, its own hardware; it never hears
 * ProtocolCmActivateVcComplete), and the completions condis gives.
 */
#include <linux/module.h>
#include "lib.h"
#include "params.h"
#include "defer.h"
#include "activate.h"

/* ---- completions ------------------------------------------------------------------------------ */

void ndis_cm_activate_vc_complete(int status, void *cm_vc_ctx,
				  const struct condis_call_params *cp)
{
	struct ndis_vc *v = cm_vc_ctx;
	PCO_CALL_PARAMETERS mine = v->activate.mine;

	if (mine && cp)
		ndis_params_to_mine(mine, cp);
	ndis_slot_end(&v->activate);
	v->drv->cm.CmActivateVcCompleteHandler(ndis_from_condis(status), v->ctx, mine);
}

void ndis_cm_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
	struct ndis_vc *v = cm_vc_ctx;

	v->drv->cm.CmDeactivateVcCompleteHandler(ndis_from_condis(status), v->ctx);
}

/* ---- the functions ------------------------------------------------------------------------------ */

static int ndis_cm_activate_now(struct ndis_vc *v, struct condis_call_params *cp, bool mcm)
{
	if (!v->vc)
		return -EAGAIN;		/* its creation failed (defer.h) */
	return mcm ? condis_mcm_activate_vc(v->vc, cp) : condis_cm_activate_vc(v->vc, cp);
}

static int ndis_cm_deactivate_now(struct ndis_vc *v, bool mcm)
{
	if (!v->vc)
		return -EAGAIN;
	return mcm ? condis_mcm_deactivate_vc(v->vc) : condis_cm_deactivate_vc(v->vc);
}

static void ndis_cm_activate_deferred(struct ndis_deferred *d)
{
	int ret = ndis_cm_activate_now(d->vc, d->cp, false);

	if (ret != CONDIS_PENDING)
		ndis_cm_activate_vc_complete(ret, d->vc, ret ? NULL : d->cp);
	condis_call_params_free(d->cp);
}

/* an MCM's: recorded in order; it may fail only with the VC's creation */
static void ndis_mcm_activate_deferred(struct ndis_deferred *d)
{
	ndis_slot_end(&d->vc->activate);
	ndis_cm_activate_now(d->vc, d->cp, true);
	condis_call_params_free(d->cp);
}

static void ndis_cm_deactivate_deferred(struct ndis_deferred *d)
{
	int ret = ndis_cm_deactivate_now(d->vc, false);

	if (ret != CONDIS_PENDING)
		ndis_cm_deactivate_vc_complete(ret, d->vc);
}

static void ndis_mcm_deactivate_deferred(struct ndis_deferred *d)
{
	ndis_cm_deactivate_now(d->vc, true);
}

/*
 * Activation, by a stand-alone CM (at DISPATCH_LEVEL: queued, and it pends)
 * or an MCM (synchronous: condis only records it, in any context; queued
 * behind its VC's creation when that is queued, and then it succeeds).
 */
static NDIS_STATUS ndis_cm_activate(struct ndis_vc *v, PCO_CALL_PARAMETERS CallParameters,
				    bool mcm)
{
	struct condis_call_params *cp = ndis_params_to_cp(CallParameters);
	struct ndis_deferred *d = NULL;
	int ret;

	if (!cp)
		return NDIS_STATUS_RESOURCES;
	if (mcm ? atomic_read(&v->queued) : ndis_must_defer(v)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d) {
			condis_call_params_free(cp);
			return NDIS_STATUS_RESOURCES;
		}
	}
	v->activate.mine = CallParameters;
	if (d) {
		d->cp = cp;
		ndis_defer(d, v, mcm ? ndis_mcm_activate_deferred : ndis_cm_activate_deferred);
		return mcm ? NDIS_STATUS_SUCCESS : NDIS_STATUS_PENDING;
	}
	ret = ndis_cm_activate_now(v, cp, mcm);
	if (ret != CONDIS_PENDING)
		ndis_slot_end(&v->activate);
	condis_call_params_free(cp);
	return ndis_from_condis(ret);
}

static NDIS_STATUS ndis_cm_deactivate(struct ndis_vc *v, bool mcm)
{
	struct ndis_deferred *d;

	if (mcm ? atomic_read(&v->queued) : ndis_must_defer(v)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d)
			return NDIS_STATUS_RESOURCES;
		ndis_defer(d, v, mcm ? ndis_mcm_deactivate_deferred : ndis_cm_deactivate_deferred);
		return mcm ? NDIS_STATUS_SUCCESS : NDIS_STATUS_PENDING;
	}
	return ndis_from_condis(ndis_cm_deactivate_now(v, mcm));
}

/*
 * NdisCmActivateVc - a stand-alone call manager activates a VC
 * @NdisVcHandle: the VC
 * @CallParameters: the parameters the miniport programs; handed back to
 *	ProtocolCmActivateVcComplete
 */
NDIS_STATUS NdisCmActivateVc(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters)
{
	return ndis_cm_activate(NdisVcHandle, CallParameters, false);
}
EXPORT_SYMBOL_GPL(NdisCmActivateVc);

NDIS_STATUS NdisCmDeactivateVc(NDIS_HANDLE NdisVcHandle)
{
	return ndis_cm_deactivate(NdisVcHandle, false);
}
EXPORT_SYMBOL_GPL(NdisCmDeactivateVc);

/* a miniport call manager: synchronous, its own hardware */
NDIS_STATUS NdisMCmActivateVc(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters)
{
	return ndis_cm_activate(NdisVcHandle, CallParameters, true);
}
EXPORT_SYMBOL_GPL(NdisMCmActivateVc);

NDIS_STATUS NdisMCmDeactivateVc(NDIS_HANDLE NdisVcHandle)
{
	return ndis_cm_deactivate(NdisVcHandle, true);
}
EXPORT_SYMBOL_GPL(NdisMCmDeactivateVc);
