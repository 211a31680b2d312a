// SPDX-License-Identifier: GPL-2.0
/*
 * VCs and parties as a driver has them (struct ndis_vc, struct
 * ndis_party), and the NdisCo* functions on VCs: NdisCoCreateVc,
 * NdisCoDeleteVc, NdisMCmCreateVc, NdisMCmDeleteVc, the TAPI call ids and
 * VC instance names.
 *
 * The driver that creates a VC has its NdisVcHandle made here; the other
 * protocol's and the miniport's are made when condis runs their create_vc
 * handlers (client.c, cm.c, miniport.c). A miniport call manager has one
 * NdisVcHandle per VC for both its roles, as on Windows.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"
#include "params.h"
#include "vc.h"
#include "defer.h"


struct ndis_vc *ndis_vc_alloc(struct ndis_drv *drv, u8 role, struct ndis_af *af,
			      NDIS_HANDLE ctx)
{
	struct ndis_vc *v = kzalloc(sizeof(*v), NDIS_GFP);

	if (!v)
		return NULL;
	v->drv = drv;
	v->role = role;
	v->af = af;
	v->ctx = ctx;
	if (af)
		v->bind = af->cm ? af->cm->bind : af->bind;
	return v;
}

void ndis_vc_free(struct ndis_vc *v)
{
	if (!v)
		return;
	ndis_slot_end(&v->make);
	ndis_slot_end(&v->qos);
	ndis_slot_end(&v->incoming);
	ndis_slot_end(&v->activate);
	kfree(v);
}

struct ndis_party *ndis_party_alloc(struct ndis_vc *v, NDIS_HANDLE ctx)
{
	struct ndis_party *p = kzalloc(sizeof(*p), NDIS_GFP);

	if (p) {
		p->vc = v;
		p->ctx = ctx;
	}
	return p;
}

void ndis_party_free(struct ndis_party *p)
{
	if (!p)
		return;
	ndis_slot_end(&p->add);
	kfree(p);
}

/* ---- creating and deleting --------------------------------------------------------------- */

/* The driver's VC handle: made now, the VC itself by ndis_vc_create(). */
static struct ndis_vc *ndis_vc_new(struct ndis_drv *drv, struct ndis_af *af,
				   struct ndis_bind *own, struct ndis_mp *mp, NDIS_HANDLE ctx)
{
	struct ndis_vc *v;

	v = ndis_vc_alloc(drv, own || mp || af->cm ? NDIS_ROLE_CM : NDIS_ROLE_CL, af, ctx);
	if (!v)
		return NULL;
	v->creator = true;
	v->mp = mp;
	if (own)
		v->bind = own;
	return v;
}

/*
 * Make @v's VC: an MCM's (@v->mp), a stand-alone CM's own (no AF: on the
 * first address family it registered on its binding), or an AF's. On
 * success @v->vc is set.
 */
static int ndis_vc_create(struct ndis_vc *v)
{
	struct ndis_cm *cm;
	int ret;

	if (v->mp) {
		mutex_lock(&v->mp->create_lock);
		v->mp->creating = v;	/* what the miniport side's create_vc takes */
		ret = condis_mcm_create_vc(v->af->af, v, &v->vc);
		v->mp->creating = NULL;
		mutex_unlock(&v->mp->create_lock);
		return ret;
	}
	if (!v->af) {
		cm = list_first_entry_or_null(&v->bind->cms, struct ndis_cm, node);
		return cm ? condis_cm_create_signalling_vc(cm->cm, v, &v->vc) : -EINVAL;
	}
	if (v->af->cm)
		return condis_cm_create_vc(v->af->af, v, &v->vc);
	return condis_cl_create_vc(v->af->af, v, &v->vc);
}

/* a creation queued at DISPATCH_LEVEL: its failure fails what follows */
static void ndis_vc_create_deferred(struct ndis_deferred *d)
{
	int ret = ndis_vc_create(d->vc);

	if (ret)
		pr_debug("condis_ndis: a VC created at DISPATCH_LEVEL failed: %d\n", ret);
}

/*
 * Create at once in process context; at DISPATCH_LEVEL the handle is the
 * driver's at once and the VC is made from a work item, the requests on it
 * queued behind (defer.h): its creation's failure fails them with
 * NDIS_STATUS_VC_NOT_AVAILABLE.
 */
static NDIS_STATUS ndis_vc_start(struct ndis_vc *v, PNDIS_HANDLE NdisVcHandle)
{
	struct ndis_deferred *d;
	int ret;

	if (!v)
		return NDIS_STATUS_RESOURCES;
	if (ndis_must_defer(NULL)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d) {
			ndis_vc_free(v);
			return NDIS_STATUS_RESOURCES;
		}
		ndis_defer(d, v, ndis_vc_create_deferred);
		*NdisVcHandle = v;
		return NDIS_STATUS_SUCCESS;
	}
	ret = ndis_vc_create(v);
	if (ret) {
		ndis_vc_free(v);
		return ndis_from_condis(ret);
	}
	*NdisVcHandle = v;
	return NDIS_STATUS_SUCCESS;
}

/*
 * NdisCoCreateVc - a client or a call manager creates a VC
 * @NdisBindingHandle: the caller's binding
 * @NdisAfHandle: the AF (the client's or the call manager's handle), or
 *	NULL for a stand-alone call manager's own VC to the miniport
 * @ProtocolVcContext: the caller's context for it
 * @NdisVcHandle: receives the VC handle
 *
 * The miniport's and the other protocol's create handlers run before it
 * returns (at DISPATCH_LEVEL: after, see ndis_vc_start()).
 */
NDIS_STATUS NdisCoCreateVc(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			   NDIS_HANDLE ProtocolVcContext, PNDIS_HANDLE NdisVcHandle)
{
	struct ndis_af *af = NdisAfHandle;
	struct ndis_bind *own = af ? NULL : NdisBindingHandle;

	if (!af && (!own || list_empty(&own->cms)))
		return NDIS_STATUS_INVALID_PARAMETER;
	return ndis_vc_start(ndis_vc_new(af ? af->drv : own->drv, af, own, NULL,
					 ProtocolVcContext), NdisVcHandle);
}
EXPORT_SYMBOL_GPL(NdisCoCreateVc);

static void ndis_vc_delete_deferred(struct ndis_deferred *d)
{
	struct ndis_vc *v = d->vc;
	int ret = 0;

	if (v->vc)
		ret = v->role == NDIS_ROLE_CL ? condis_cl_delete_vc(v->vc) :
						condis_cm_delete_vc(v->vc);
	if (ret) {	/* the driver deleted a VC it had requests queued on */
		pr_warn_ratelimited("condis_ndis: NdisCoDeleteVc on a VC in use: %d\n", ret);
		return;
	}
	d->vc = NULL;
	atomic_dec(&v->queued);
	if (!v->mp)
		ndis_vc_free(v);
}

/*
 * NdisCoDeleteVc - the creator deletes a VC
 * @NdisVcHandle: the VC; invalid on success
 *
 * At DISPATCH_LEVEL the other protocol's and the miniport's delete
 * handlers run after it returns; behind requests queued on the VC, it is
 * queued too and succeeds.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_NOT_ACCEPTED while it is active
 * or has a call, NDIS_STATUS_CLOSING while it deactivates (condis's
 * statuses), or the status the other protocol's ProtocolCoDeleteVc
 * refused with: the VC stays (not at DISPATCH_LEVEL, where the answer
 * comes first: see condis_co_delete_refusable()).
 */
NDIS_STATUS NdisCoDeleteVc(NDIS_HANDLE NdisVcHandle)
{
	struct ndis_vc *v = NdisVcHandle;
	bool shared = v->mp != NULL;	/* an MCM's: the miniport side frees it */
	struct ndis_deferred *d;
	int ret = 0;

	if (atomic_read(&v->queued)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d)
			return NDIS_STATUS_RESOURCES;
		ndis_defer(d, v, ndis_vc_delete_deferred);
		return NDIS_STATUS_SUCCESS;
	}
	if (!v->vc)		/* its creation failed */
		ret = 0;
	else if (ndis_must_defer(NULL))
		ret = condis_co_delete_vc_atomic(v->vc, v->role != NDIS_ROLE_CL);
	else if (v->role == NDIS_ROLE_CL)
		ret = condis_cl_delete_vc(v->vc);
	else
		ret = condis_cm_delete_vc(v->vc);
	if (!ret && !shared)
		ndis_vc_free(v);
	return ndis_from_condis(ret);
}
EXPORT_SYMBOL_GPL(NdisCoDeleteVc);

/*
 * NdisMCmCreateVc - a miniport call manager creates a VC for an incoming call
 * @MiniportAdapterHandle: its adapter
 * @NdisAfHandle: the AF, as the MCM has it
 * @MiniportVcContext: its context for the VC (in both its roles)
 * @NdisVcHandle: receives the VC handle
 *
 * Its MiniportCoCreateVc does not run (it is the creator); the client's
 * ProtocolCoCreateVc does (at DISPATCH_LEVEL: after it returns).
 */
NDIS_STATUS NdisMCmCreateVc(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisAfHandle,
			    NDIS_HANDLE MiniportVcContext, PNDIS_HANDLE NdisVcHandle)
{
	struct ndis_af *af = NdisAfHandle;

	return ndis_vc_start(ndis_vc_new(af->drv, af, NULL, MiniportAdapterHandle,
					 MiniportVcContext), NdisVcHandle);
}
EXPORT_SYMBOL_GPL(NdisMCmCreateVc);

/*
 * NdisMCmDeleteVc - a miniport call manager deletes a VC it created
 * @NdisVcHandle: the VC
 */
NDIS_STATUS NdisMCmDeleteVc(NDIS_HANDLE NdisVcHandle)
{
	return NdisCoDeleteVc(NdisVcHandle);
}
EXPORT_SYMBOL_GPL(NdisMCmDeleteVc);

/*
 * NdisCoAssignInstanceName - a WMI instance name for a VC
 * @NdisVcHandle: the VC
 * @BaseInstanceName: the name's base
 * @VcInstanceName: receives "[XXXX] base" (XXXX: condis's VC id in hex),
 *	NdisAllocateMemoryWithTagPriority memory the caller frees
 *
 * condis has no WMI: the name is for the caller's logs.
 */
NDIS_STATUS NdisCoAssignInstanceName(NDIS_HANDLE NdisVcHandle, PNDIS_STRING BaseInstanceName,
				     PNDIS_STRING VcInstanceName)
{
	struct ndis_vc *v = NdisVcHandle;
	USHORT base = BaseInstanceName ? BaseInstanceName->Length / sizeof(WCHAR) : 0;
	char prefix[16];
	PWSTR buf;
	int i, n;

	n = scnprintf(prefix, sizeof(prefix), "[%04X] ", condis_handle_id(v->vc) & 0xffff);
	buf = kmalloc_array(n + base + 1, sizeof(WCHAR), NDIS_GFP);
	if (!buf)
		return NDIS_STATUS_RESOURCES;
	for (i = 0; i < n; i++)
		buf[i] = prefix[i];
	for (i = 0; i < base; i++)
		buf[n + i] = BaseInstanceName->Buffer[i];
	buf[n + base] = 0;
	VcInstanceName->Buffer = buf;
	VcInstanceName->Length = (n + base) * sizeof(WCHAR);
	VcInstanceName->MaximumLength = (n + base + 1) * sizeof(WCHAR);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisCoAssignInstanceName);

/*
 * NdisCoGetTapiCallId - the TAPI call id of a VC
 * @NdisVcHandle: the VC
 * @TapiCallId: a VAR_STRING: ulTotalSize set by the caller; receives the
 *	id (its ProtocolVcContext, binary) after the structure
 *
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_BUFFER_TOO_SHORT with
 * ulNeededSize set.
 */
NDIS_STATUS NdisCoGetTapiCallId(NDIS_HANDLE NdisVcHandle, PVAR_STRING TapiCallId)
{
	struct ndis_vc *v = NdisVcHandle;
	ULONG need = sizeof(*TapiCallId) + sizeof(NDIS_HANDLE);

	TapiCallId->ulNeededSize = need;
	if (TapiCallId->ulTotalSize < need) {
		TapiCallId->ulUsedSize = 0;
		return NDIS_STATUS_BUFFER_TOO_SHORT;
	}
	TapiCallId->ulUsedSize = need;
	TapiCallId->ulStringFormat = STRINGFORMAT_BINARY;
	TapiCallId->ulStringSize = sizeof(NDIS_HANDLE);
	TapiCallId->ulStringOffset = sizeof(*TapiCallId);
	memcpy(TapiCallId + 1, &v->ctx, sizeof(NDIS_HANDLE));
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisCoGetTapiCallId);

/*
 * NdisClGetProtocolVcContextFromTapiCallId - the ProtocolVcContext a TAPI
 *	call id names
 * @TapiCallId: the id NdisCoGetTapiCallId gave (its bytes)
 * @ProtocolVcContext: receives the context
 */
NDIS_STATUS NdisClGetProtocolVcContextFromTapiCallId(UNICODE_STRING TapiCallId,
						     PNDIS_HANDLE ProtocolVcContext)
{
	if (TapiCallId.Length != sizeof(NDIS_HANDLE) || !TapiCallId.Buffer)
		return NDIS_STATUS_INVALID_DATA;
	memcpy(ProtocolVcContext, TapiCallId.Buffer, sizeof(NDIS_HANDLE));
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisClGetProtocolVcContextFromTapiCallId);
