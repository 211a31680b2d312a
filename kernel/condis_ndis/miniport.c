// SPDX-License-Identifier: GPL-2.0
/*
 * Miniport drivers: NdisMRegisterMiniportDriver, their adapters
 * (condis_ndis_miniport_add: condis registers the adapter, the driver's
 * MiniportInitializeEx runs; NdisMDeregisterMiniportDriver tears each down
 * and halts it), NdisMSetMiniportAttributes, the activation completions,
 * and the condis miniport handlers that run a driver's MiniportCo*
 * handlers (ndis_mp_ops).
 *
 * A miniport that gave call manager handlers is a miniport call manager:
 * for it NDIS never calls MiniportCoCreateVc, MiniportCoDeleteVc,
 * MiniportCoActivateVc or MiniportCoDeactivateVc; its ProtocolCoCreateVc
 * and ProtocolCoDeleteVc run instead, and one NdisVcHandle serves both
 * its roles.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"
#include "defer.h"
#include "driver.h"
#include "params.h"
#include "vc.h"
#include "frames.h"
#include "oid.h"
#include "cm.h"

/* ---- the condis miniport handlers ----------------------------------------------------------------- */

static int mp_create_vc(void *mp_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct ndis_mp *mp = mp_ctx;
	struct ndis_drv *drv = mp->drv;
	struct ndis_vc *v;
	NDIS_STATUS st;
	int ret;

	v = mp->creating ?: ndis_vc_alloc(drv, NDIS_ROLE_MP, NULL, NULL);
	if (!v)
		return -ENOMEM;
	v->vc = vc;
	v->mp = mp;
	if (!drv->has_cm) {
		st = drv->mco.CoCreateVcHandler(mp->ctx, v, &v->ctx);
		if (st != NDIS_STATUS_SUCCESS) {
			ndis_vc_free(v);
			return st == NDIS_STATUS_PENDING ? -EIO : ndis_to_condis(st);
		}
	}
	ret = xa_err(xa_store(&mp->vcs, condis_handle_id(vc), v, GFP_KERNEL));
	if (ret) {
		if (!drv->has_cm)
			drv->mco.CoDeleteVcHandler(v->ctx);
		if (v != mp->creating)
			ndis_vc_free(v);
		return ret;
	}
	*mp_vc_ctx = v;
	return 0;
}

static int mp_delete_vc(void *mp_vc_ctx)
{
	struct ndis_vc *v = mp_vc_ctx;
	struct ndis_mp *mp = v->mp;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;

	if (!mp->drv->has_cm)
		st = mp->drv->mco.CoDeleteVcHandler(v->ctx);
	xa_erase(&mp->vcs, condis_handle_id(v->vc));
	ndis_vc_free(v);
	return ndis_to_condis(st);
}

static int mp_activate_vc(void *mp_vc_ctx, struct condis_call_params *cp)
{
	struct ndis_vc *v = mp_vc_ctx;
	PCO_CALL_PARAMETERS given = ndis_slot_give(&v->activate, cp);
	NDIS_STATUS st;

	if (!given)
		return -ENOMEM;
	st = v->drv->mco.CoActivateVcHandler(v->ctx, given);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;	/* NdisMCoActivateVcComplete ends the chain */
	ndis_params_back(cp, given);
	ndis_slot_end(&v->activate);
	return ndis_to_condis(st);
}

static int mp_deactivate_vc(void *mp_vc_ctx)
{
	struct ndis_vc *v = mp_vc_ctx;

	return ndis_to_condis(v->drv->mco.CoDeactivateVcHandler(v->ctx));
}

static const struct condis_miniport_ops ndis_mp_ops = {
	.create_vc = mp_create_vc,
	.delete_vc = mp_delete_vc,
	.activate_vc = mp_activate_vc,
	.deactivate_vc = mp_deactivate_vc,
	.send = ndis_frames_mp_send,
	.oid_request = ndis_oid_request_mp,
};

/* ---- completions --------------------------------------------------------------------------------- */

/*
 * NdisMCoActivateVcComplete - a miniport's activation that pended is over
 * @Status: its status
 * @NdisVcHandle: the VC
 * @CallParameters: the parameters MiniportCoActivateVc was given
 */
VOID NdisMCoActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			       PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_vc *v = NdisVcHandle;

	if (CallParameters && CallParameters == v->activate.given)
		ndis_params_back(v->activate.cp, CallParameters);
	condis_mco_activate_vc_complete(ndis_to_condis(Status), v->vc, v->activate.cp);
	ndis_slot_end(&v->activate);
}
EXPORT_SYMBOL_GPL(NdisMCoActivateVcComplete);

VOID NdisMCoDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle)
{
	struct ndis_vc *v = NdisVcHandle;

	condis_mco_deactivate_vc_complete(ndis_to_condis(Status), v->vc);
}
EXPORT_SYMBOL_GPL(NdisMCoDeactivateVcComplete);

/* ---- drivers and adapters ------------------------------------------------------------------------------ */

static bool ndis_mchars_ok(const NDIS_MINIPORT_DRIVER_CHARACTERISTICS *c)
{
	return c && c->Header.Type == NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS &&
	       c->Header.Size >= NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1 &&
	       c->InitializeHandlerEx && c->HaltHandlerEx;
}

static bool ndis_mco_ok(const struct ndis_drv *drv)
{
	const NDIS_MINIPORT_CO_CHARACTERISTICS *m = &drv->mco;

	if (!drv->has_mco || !m->CoSendNetBufferListsHandler || !m->CoOidRequestHandler)
		return false;
	/* a miniport call manager's VCs are its call manager's */
	return drv->has_cm || (m->CoCreateVcHandler && m->CoDeleteVcHandler &&
			       m->CoActivateVcHandler && m->CoDeactivateVcHandler);
}

/*
 * NdisMRegisterMiniportDriver - register a CoNDIS miniport driver
 * @DriverObject: unused (NULL)
 * @RegistryPath: unused (NULL)
 * @MiniportDriverContext: passed back to its MiniportInitializeEx
 * @MiniportDriverCharacteristics: NDIS 6 characteristics;
 *	InitializeHandlerEx and HaltHandlerEx required, its SetOptionsHandler
 *	must give NDIS_MINIPORT_CO_CHARACTERISTICS (condis carries
 *	connection-oriented miniports only)
 * @NdisMiniportDriverHandle: receives the driver handle
 *
 * Adapters come with condis_ndis_miniport_add(). Context: process.
 */
NDIS_STATUS NdisMRegisterMiniportDriver(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath,
					NDIS_HANDLE MiniportDriverContext,
					PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
					PNDIS_HANDLE NdisMiniportDriverHandle)
{
	PNDIS_MINIPORT_DRIVER_CHARACTERISTICS c = MiniportDriverCharacteristics;
	struct ndis_drv *drv;
	NDIS_STATUS status;

	if (c && c->MajorNdisVersion != 6)
		return NDIS_STATUS_BAD_VERSION;
	if (!ndis_mchars_ok(c))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	drv = ndis_drv_alloc(NDIS_MINIPORT_DRIVER, MiniportDriverContext, "ndis-miniport");
	if (!drv)
		return NDIS_STATUS_RESOURCES;
	memcpy(&drv->mchars, c, min_t(size_t, c->Header.Size, sizeof(drv->mchars)));
	status = ndis_drv_set_options(drv, c->SetOptionsHandler);
	if (status == NDIS_STATUS_SUCCESS && !ndis_mco_ok(drv))
		status = NDIS_STATUS_BAD_CHARACTERISTICS;
	if (status != NDIS_STATUS_SUCCESS) {
		ndis_drv_free(drv);
		return status;
	}
	*NdisMiniportDriverHandle = drv;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisMRegisterMiniportDriver);

/*
 * NdisMSetMiniportAttributes - a miniport's MiniportInitializeEx gives its
 *	adapter's attributes
 * @NdisMiniportHandle: the adapter
 * @MiniportAttributes: registration attributes (MiniportAdapterContext,
 *	what condis keeps) or general attributes
 */
NDIS_STATUS NdisMSetMiniportAttributes(NDIS_HANDLE NdisMiniportHandle,
				       PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes)
{
	struct ndis_mp *mp = NdisMiniportHandle;

	switch (MiniportAttributes->Header.Type) {
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES:
		mp->ctx = MiniportAttributes->RegistrationAttributes.MiniportAdapterContext;
		return NDIS_STATUS_SUCCESS;
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES:
		return NDIS_STATUS_SUCCESS;
	default:
		return NDIS_STATUS_INVALID_PARAMETER;
	}
}
EXPORT_SYMBOL_GPL(NdisMSetMiniportAttributes);

static void ndis_mp_free(struct ndis_mp *mp)
{
	xa_destroy(&mp->vcs);
	kfree(mp);
}

/* Tear the adapter down in condis, then halt it, as NDIS does. */
static void ndis_mp_remove(struct ndis_mp *mp, NDIS_HALT_ACTION action)
{
	struct ndis_cm *cm, *t;

	condis_miniport_unregister(mp->adapter);
	/* its AF registrations ended with it */
	list_for_each_entry_safe(cm, t, &mp->cms, node)
		ndis_cm_forget(cm);
	ndis_frames_flush();
	ndis_frames_reclaim(mp);	/* what protocols still hold, too */
	mp->drv->mchars.HaltHandlerEx(mp->ctx, action);
	ndis_mp_free(mp);
}

/**
 * condis_ndis_miniport_add - make an adapter of a registered miniport driver
 * @NdisMiniportDriverHandle: the driver (NdisMRegisterMiniportDriver's)
 * @net: the namespace of the adapter (protocol drivers bind in the initial one)
 * @name: its name
 *
 * condis registers the adapter and the driver's MiniportInitializeEx runs
 * for it (a miniport call manager registers its address family there):
 * what PnP does on Windows when it finds a device.
 * NdisMDeregisterMiniportDriver halts every adapter of the driver.
 * Context: process; may sleep.
 * Return: 0, or a negative errno (-EIO: MiniportInitializeEx failed).
 */
int condis_ndis_miniport_add(NDIS_HANDLE NdisMiniportDriverHandle, struct net *net,
			     const char *name)
{
	struct ndis_drv *drv = NdisMiniportDriverHandle;
	NDIS_MINIPORT_INIT_PARAMETERS params = {
		.Header = {
			.Type = NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS,
			.Revision = 1,
			.Size = sizeof(NDIS_MINIPORT_INIT_PARAMETERS),
		},
	};
	struct ndis_mp *mp;
	NDIS_STATUS st;
	int ret;

	mp = kzalloc(sizeof(*mp), GFP_KERNEL);
	if (!mp)
		return -ENOMEM;
	mp->drv = drv;
	INIT_LIST_HEAD(&mp->cms);
	INIT_LIST_HEAD(&mp->rx_held);
	xa_init(&mp->vcs);
	mutex_init(&mp->create_lock);
	strscpy(mp->name, name, sizeof(mp->name));
	ret = condis_miniport_register(net, name, &ndis_mp_ops, mp, &mp->adapter);
	if (ret) {
		ndis_mp_free(mp);
		return ret;
	}
	st = drv->mchars.InitializeHandlerEx(mp, drv->ctx, &params);
	if (st != NDIS_STATUS_SUCCESS) {
		condis_miniport_unregister(mp->adapter);
		while (!list_empty(&mp->cms))
			ndis_cm_forget(list_first_entry(&mp->cms, struct ndis_cm, node));
		ndis_mp_free(mp);
		return -EIO;
	}
	mutex_lock(&drv->lock);
	list_add_tail(&mp->node, &drv->adapters);
	mutex_unlock(&drv->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_ndis_miniport_add);

/*
 * NdisMDeregisterMiniportDriver - the driver goes
 * @NdisMiniportDriverHandle: its handle
 *
 * Each of its adapters is torn down (the protocols bound to it unbind
 * first) and halted (MiniportHaltEx). Context: process; may sleep.
 */
VOID NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle)
{
	struct ndis_drv *drv = NdisMiniportDriverHandle;
	struct ndis_mp *mp;

	ndis_defer_flush();	/* none of its requests (as an MCM) queued */
	for (;;) {
		mutex_lock(&drv->lock);
		mp = list_first_entry_or_null(&drv->adapters, struct ndis_mp, node);
		if (mp)
			list_del(&mp->node);
		mutex_unlock(&drv->lock);
		if (!mp)
			break;
		ndis_mp_remove(mp, NdisHaltDeviceInstanceDeInitialized);
	}
	ndis_drv_free(drv);
}
EXPORT_SYMBOL_GPL(NdisMDeregisterMiniportDriver);
