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

#define NDIS_GFP	(GFP_ATOMIC | __GFP_NOWARN)

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

/*
 * A stand-alone call manager's own VC (a NULL NdisAfHandle): on the first
 * address family it registered on the binding.
 */
static NDIS_STATUS ndis_own_vc(struct ndis_bind *b, NDIS_HANDLE ctx, PNDIS_HANDLE out)
{
	struct ndis_cm *cm = list_first_entry_or_null(&b->cms, struct ndis_cm, node);
	struct ndis_vc *v;
	int ret;

	if (!cm)
		return NDIS_STATUS_INVALID_PARAMETER;
	v = ndis_vc_alloc(b->drv, NDIS_ROLE_CM, NULL, ctx);
	if (!v)
		return NDIS_STATUS_RESOURCES;
	v->bind = b;
	v->creator = true;
	ret = condis_cm_create_signalling_vc(cm->cm, v, &v->vc);
	if (ret) {
		ndis_vc_free(v);
		return ndis_from_condis(ret);
	}
	*out = v;
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
 * returns. Context: process (condis: PASSIVE_LEVEL).
 */
NDIS_STATUS NdisCoCreateVc(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			   NDIS_HANDLE ProtocolVcContext, PNDIS_HANDLE NdisVcHandle)
{
	struct ndis_af *af = NdisAfHandle;
	struct ndis_vc *v;
	int ret;

	if (!af)
		return NdisBindingHandle ?
		       ndis_own_vc(NdisBindingHandle, ProtocolVcContext, NdisVcHandle) :
		       NDIS_STATUS_INVALID_PARAMETER;
	v = ndis_vc_alloc(af->drv, af->cm ? NDIS_ROLE_CM : NDIS_ROLE_CL, af, ProtocolVcContext);
	if (!v)
		return NDIS_STATUS_RESOURCES;
	v->creator = true;
	if (af->cm)
		ret = condis_cm_create_vc(af->af, v, &v->vc);
	else
		ret = condis_cl_create_vc(af->af, v, &v->vc);
	if (ret) {
		ndis_vc_free(v);
		return ndis_from_condis(ret);
	}
	*NdisVcHandle = v;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisCoCreateVc);

/*
 * NdisCoDeleteVc - the creator deletes a VC
 * @NdisVcHandle: the VC; invalid on success
 *
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_NOT_ACCEPTED while it is active
 * or has a call, NDIS_STATUS_CLOSING while it deactivates,
 * NDIS_STATUS_INVALID_DEVICE_REQUEST... (condis's statuses).
 */
NDIS_STATUS NdisCoDeleteVc(NDIS_HANDLE NdisVcHandle)
{
	struct ndis_vc *v = NdisVcHandle;
	bool shared = v->mp != NULL;	/* an MCM's: the miniport side frees it */
	int ret;

	if (v->role == NDIS_ROLE_CL)
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
 * ProtocolCoCreateVc does. Context: process.
 */
NDIS_STATUS NdisMCmCreateVc(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisAfHandle,
			    NDIS_HANDLE MiniportVcContext, PNDIS_HANDLE NdisVcHandle)
{
	struct ndis_mp *mp = MiniportAdapterHandle;
	struct ndis_af *af = NdisAfHandle;
	struct ndis_vc *v;
	int ret;

	v = ndis_vc_alloc(af->drv, NDIS_ROLE_CM, af, MiniportVcContext);
	if (!v)
		return NDIS_STATUS_RESOURCES;
	v->creator = true;
	v->mp = mp;
	mutex_lock(&mp->create_lock);
	mp->creating = v;	/* what the miniport side's create_vc takes */
	ret = condis_mcm_create_vc(af->af, v, &v->vc);
	mp->creating = NULL;
	mutex_unlock(&mp->create_lock);
	if (ret) {
		ndis_vc_free(v);
		return ndis_from_condis(ret);
	}
	*NdisVcHandle = v;
	return NDIS_STATUS_SUCCESS;
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
