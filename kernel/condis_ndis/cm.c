// SPDX-License-Identifier: GPL-2.0
/*
 * Call managers, stand-alone and integrated (MCM): the NdisCm* and NdisMCm*
 * functions, and the condis call manager handlers that run a driver's
 * ProtocolCm* and ProtocolCo* handlers (ndis_cm_ops, registered for every
 * address family a driver registers).
 *
 * As in NDIS, NdisCmDispatchIncomingCall always pends: the client's answer
 * comes to ProtocolCmIncomingCallComplete, whatever the client did (condis
 * queues the offer to the client). Activation is activate.c's.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"
#include "params.h"
#include "vc.h"
#include "defer.h"
#include "frames.h"
#include "oid.h"
#include "status.h"
#include "cm.h"
#include "activate.h"


/* every AF registered, for the versions clients are told (ProtocolCoAfRegisterNotify) */
static DEFINE_SPINLOCK(ndis_cms_lock);
static LIST_HEAD(ndis_cms);

struct ndis_cm_entry {
	struct ndis_cm *cm;
	struct condis_adapter *adapter;
	struct list_head node;
};

/* The versions an NDIS call manager registered @af with on @adapter. */
void ndis_cm_versions(struct condis_adapter *adapter, PCO_ADDRESS_FAMILY af)
{
	struct ndis_cm_entry *e;

	spin_lock_bh(&ndis_cms_lock);
	list_for_each_entry(e, &ndis_cms, node)
		if (e->adapter == adapter && e->cm->af.AddressFamily == af->AddressFamily) {
			af->MajorVersion = e->cm->af.MajorVersion;
			af->MinorVersion = e->cm->af.MinorVersion;
		}
	spin_unlock_bh(&ndis_cms_lock);
}

static void ndis_cms_del(struct ndis_cm *cm)
{
	struct ndis_cm_entry *e, *t;

	spin_lock_bh(&ndis_cms_lock);
	list_for_each_entry_safe(e, t, &ndis_cms, node)
		if (e->cm == cm) {
			list_del(&e->node);
			kfree(e);
		}
	spin_unlock_bh(&ndis_cms_lock);
}

/* An AF registration goes: condis closes what is still open on it. */
void ndis_cm_unregister(struct ndis_cm *cm)
{
	condis_cm_unregister(cm->cm);
	ndis_cm_forget(cm);
}

/* An AF registration condis ended with its adapter. */
void ndis_cm_forget(struct ndis_cm *cm)
{
	ndis_cms_del(cm);
	list_del(&cm->node);
	kfree(cm);
}

/* A call manager's CallMgrBindingContext: its binding's, or an MCM's adapter context. */
static NDIS_HANDLE ndis_cm_binding_ctx(struct ndis_cm *cm)
{
	return cm->bind ? cm->bind->ctx : cm->mp->ctx;
}

/* ---- the condis call manager handlers -------------------------------------------------------------- */

static int cm_open_af(void *cm_ctx, struct condis_af *af, void **cm_af_ctx)
{
	struct ndis_cm *cm = cm_ctx;
	CO_ADDRESS_FAMILY co_af = cm->af;
	struct ndis_af *a = kzalloc(sizeof(*a), NDIS_GFP);
	NDIS_STATUS st;

	if (!a)
		return -ENOMEM;
	a->af = af;
	a->drv = cm->drv;
	a->cm = cm;
	*cm_af_ctx = a;
	st = cm->drv->cm.CmOpenAfHandler(ndis_cm_binding_ctx(cm), &co_af, a, &a->ctx);
	if (st != NDIS_STATUS_SUCCESS && st != NDIS_STATUS_PENDING)
		kfree(a);
	return ndis_to_condis(st);
}

static int cm_close_af(void *cm_af_ctx)
{
	struct ndis_af *a = cm_af_ctx;
	NDIS_STATUS st = a->drv->cm.CmCloseAfHandler(a->ctx);

	if (st == NDIS_STATUS_SUCCESS)
		kfree(a);
	return ndis_to_condis(st);
}

static int cm_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
			   struct condis_sap *sap, void **cm_sap_ctx)
{
	struct ndis_af *a = cm_af_ctx;
	struct ndis_sap *s;
	NDIS_STATUS st;

	s = kzalloc(offsetof(struct ndis_sap, co_sap) + ndis_sap_size(desc), NDIS_GFP);
	if (!s)
		return -ENOMEM;
	s->sap = sap;
	s->af = a;
	ndis_sap_from_desc(&s->co_sap, desc);
	*cm_sap_ctx = s;
	st = a->drv->cm.CmRegisterSapHandler(a->ctx, &s->co_sap, s, &s->ctx);
	if (st != NDIS_STATUS_SUCCESS && st != NDIS_STATUS_PENDING)
		kfree(s);
	return ndis_to_condis(st);
}

static int cm_deregister_sap(void *cm_sap_ctx)
{
	struct ndis_sap *s = cm_sap_ctx;
	NDIS_STATUS st = s->af->drv->cm.CmDeregisterSapHandler(s->ctx);

	if (st == NDIS_STATUS_SUCCESS)
		kfree(s);
	return ndis_to_condis(st);
}

static int cm_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct ndis_af *a = cm_af_ctx;
	struct ndis_mp *mp = a->cm->mp;
	struct ndis_vc *v;
	NDIS_STATUS st;

	/* an MCM's VC was made by its miniport side, just before */
	v = mp ? xa_load(&mp->vcs, condis_handle_id(vc)) : ndis_vc_alloc(a->drv, NDIS_ROLE_CM,
									    a, NULL);
	if (!v)
		return -ENOMEM;
	v->vc = vc;
	v->af = a;
	v->role = NDIS_ROLE_CM;
	st = a->drv->cm.CmCreateVcHandler(a->ctx, v, &v->ctx);
	if (st != NDIS_STATUS_SUCCESS) {
		if (!mp)
			ndis_vc_free(v);
		return st == NDIS_STATUS_PENDING ? -EIO : ndis_to_condis(st);
	}
	*cm_vc_ctx = v;
	return 0;
}

static int cm_delete_vc(void *cm_vc_ctx)
{
	struct ndis_vc *v = cm_vc_ctx;
	NDIS_STATUS st = v->drv->cm.CmDeleteVcHandler(v->ctx);

	if (st != NDIS_STATUS_SUCCESS && condis_co_delete_refusable(v->vc))
		return ndis_to_condis(st);	/* the VC stays */
	if (!v->mp)	/* an MCM's goes with its miniport side */
		ndis_vc_free(v);
	return ndis_to_condis(st);
}

static int cm_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
			struct condis_party *party, void **cm_party_ctx)
{
	struct ndis_vc *v = cm_vc_ctx;
	PCO_CALL_PARAMETERS given = ndis_slot_give(&v->make, cp);
	struct ndis_party *p = NULL;
	NDIS_HANDLE dummy;
	NDIS_STATUS st;

	if (!given)
		return -ENOMEM;
	if (party) {
		p = ndis_party_alloc(v, NULL);
		if (!p) {
			ndis_slot_end(&v->make);
			return -ENOMEM;
		}
		p->party = party;
	}
	v->make_party = p;
	if (cm_party_ctx)	/* a multipoint call's initial party */
		*cm_party_ctx = p;
	st = v->drv->cm.CmMakeCallHandler(v->ctx, given, p, p ? &p->ctx : &dummy);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;	/* NdisCmMakeCallComplete ends the chain */
	ndis_params_back(cp, given);
	ndis_slot_end(&v->make);
	v->make_party = NULL;
	if (st != NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
	return ndis_to_condis(st);
}

static int cm_close_call(void *cm_vc_ctx, void *cm_party_ctx, const void *buf, u32 len)
{
	struct ndis_vc *v = cm_vc_ctx;
	struct ndis_party *p = cm_party_ctx;
	NDIS_STATUS st;

	st = v->drv->cm.CmCloseCallHandler(v->ctx, p ? p->ctx : NULL, (PVOID)buf, len);
	if (st == NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
	return ndis_to_condis(st);
}

static void cm_incoming_call_complete(int status, void *cm_vc_ctx,
				      const struct condis_call_params *cp)
{
	struct ndis_vc *v = cm_vc_ctx;
	PCO_CALL_PARAMETERS mine = v->incoming.mine;

	if (mine && cp)
		ndis_params_to_mine(mine, cp);
	ndis_slot_end(&v->incoming);
	v->drv->cm.CmIncomingCallCompleteHandler(ndis_from_condis(status), v->ctx, mine);
}

static int cm_add_party(void *cm_vc_ctx, struct condis_call_params *cp,
			struct condis_party *party, void **cm_party_ctx)
{
	struct ndis_vc *v = cm_vc_ctx;
	struct ndis_party *p = ndis_party_alloc(v, NULL);
	PCO_CALL_PARAMETERS given;
	NDIS_STATUS st;

	if (!p)
		return -ENOMEM;
	given = ndis_slot_give(&p->add, cp);
	if (!given) {
		ndis_party_free(p);
		return -ENOMEM;
	}
	p->party = party;
	*cm_party_ctx = p;
	st = v->drv->cm.CmAddPartyHandler(v->ctx, given, p, &p->ctx);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;
	ndis_params_back(cp, given);
	ndis_slot_end(&p->add);
	if (st != NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
	return ndis_to_condis(st);
}

static int cm_drop_party(void *cm_party_ctx, const void *buf, u32 len)
{
	struct ndis_party *p = cm_party_ctx;
	NDIS_STATUS st = p->vc->drv->cm.CmDropPartyHandler(p->ctx, (PVOID)buf, len);

	if (st == NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
	return ndis_to_condis(st);
}

static int cm_modify_qos(void *cm_vc_ctx, struct condis_call_params *cp)
{
	struct ndis_vc *v = cm_vc_ctx;
	PCO_CALL_PARAMETERS given = ndis_slot_give(&v->qos, cp);
	NDIS_STATUS st;

	if (!given)
		return -ENOMEM;
	st = v->drv->cm.CmModifyCallQoSHandler(v->ctx, given);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;
	ndis_params_back(cp, given);
	ndis_slot_end(&v->qos);
	return ndis_to_condis(st);
}

static void cm_notify_close_af_complete(int status, void *cm_af_ctx)
{
	struct ndis_af *a = cm_af_ctx;

	if (a)	/* NULL: closed by the client first; the CM had its close */
		a->drv->cm.CmNotifyCloseAfCompleteHandler(a->ctx, ndis_from_condis(status));
}

static const struct condis_cm_ops ndis_cm_ops = {
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
	.activate_vc_complete = ndis_cm_activate_vc_complete,
	.deactivate_vc_complete = ndis_cm_deactivate_vc_complete,
	.notify_close_af_complete = cm_notify_close_af_complete,
	.oid_request = ndis_oid_request_cm,
	.oid_request_complete = ndis_oid_request_complete_cm,
	.receive = ndis_frames_receive,
	.send_complete = ndis_frames_send_complete,
	.status = ndis_status_to_cm,
};

/* ---- registration ------------------------------------------------------------------------------------- */

static NDIS_STATUS ndis_cm_register(struct ndis_drv *drv, struct ndis_bind *b, struct ndis_mp *mp,
				    PCO_ADDRESS_FAMILY AddressFamily)
{
	struct condis_adapter *adapter = b ? b->adapter : mp->adapter;
	struct ndis_cm_entry *e;
	struct ndis_cm *cm;
	int ret;

	if (!drv->has_cm)
		return NDIS_STATUS_INVALID_DEVICE_REQUEST;
	cm = kzalloc(sizeof(*cm), GFP_KERNEL);
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!cm || !e) {
		kfree(cm);
		kfree(e);
		return NDIS_STATUS_RESOURCES;
	}
	cm->drv = drv;
	cm->bind = b;
	cm->mp = mp;
	cm->af = *AddressFamily;
	e->cm = cm;
	e->adapter = adapter;
	/* known before clients hear of the AF */
	spin_lock_bh(&ndis_cms_lock);
	list_add_tail(&e->node, &ndis_cms);
	spin_unlock_bh(&ndis_cms_lock);
	if (b)
		ret = condis_cm_register_af(adapter, cm->af.AddressFamily, &ndis_cm_ops, cm,
					    &cm->cm);
	else
		ret = condis_mcm_register_af(adapter, cm->af.AddressFamily, &ndis_cm_ops, cm,
					     &cm->cm);
	if (ret) {
		ndis_cms_del(cm);
		kfree(cm);
		/* the pages: a duplicate AF is NDIS_STATUS_FAILURE */
		return ret == -EADDRINUSE ? NDIS_STATUS_FAILURE : ndis_from_condis(ret);
	}
	list_add_tail(&cm->node, b ? &b->cms : &mp->cms);
	return NDIS_STATUS_SUCCESS;
}

/*
 * NdisCmRegisterAddressFamilyEx - a stand-alone call manager registers an
 *	AF on its binding
 * @NdisBindingHandle: the binding
 * @AddressFamily: the AF (its versions are what clients are told)
 *
 * Clients bound to the adapter hear of it (ProtocolCoAfRegisterNotify).
 * The AF goes when the binding closes (NdisCloseAdapterEx).
 * Context: process. Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_SAP_IN_USE...
 * (condis: the AF is registered on the adapter already).
 */
NDIS_STATUS NdisCmRegisterAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
					  PCO_ADDRESS_FAMILY AddressFamily)
{
	struct ndis_bind *b = NdisBindingHandle;

	return ndis_cm_register(b->drv, b, NULL, AddressFamily);
}
EXPORT_SYMBOL_GPL(NdisCmRegisterAddressFamilyEx);

/*
 * NdisMCmRegisterAddressFamilyEx - a miniport call manager registers an AF
 *	on its adapter
 * @MiniportAdapterHandle: the adapter
 * @AddressFamily: the AF
 *
 * Called from its MiniportInitializeEx; the AF goes when the adapter does.
 */
NDIS_STATUS NdisMCmRegisterAddressFamilyEx(NDIS_HANDLE MiniportAdapterHandle,
					   PCO_ADDRESS_FAMILY AddressFamily)
{
	struct ndis_mp *mp = MiniportAdapterHandle;

	return ndis_cm_register(mp->drv, NULL, mp, AddressFamily);
}
EXPORT_SYMBOL_GPL(NdisMCmRegisterAddressFamilyEx);

/* ---- completions and dispatches --------------------------------------------------------------------------- */

VOID NdisCmOpenAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
				     NDIS_HANDLE CallMgrAfContext)
{
	struct ndis_af *a = NdisAfHandle;
	struct condis_af *af = a->af;

	if (Status == NDIS_STATUS_SUCCESS) {
		a->ctx = CallMgrAfContext;
		condis_cm_open_af_complete(0, af, a);
	} else {
		kfree(a);
		condis_cm_open_af_complete(ndis_to_condis(Status), af, NULL);
	}
}
EXPORT_SYMBOL_GPL(NdisCmOpenAddressFamilyComplete);

VOID NdisCmCloseAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle)
{
	struct ndis_af *a = NdisAfHandle;
	struct condis_af *af = a->af;

	if (Status == NDIS_STATUS_SUCCESS)
		kfree(a);
	condis_cm_close_af_complete(ndis_to_condis(Status), af);
}
EXPORT_SYMBOL_GPL(NdisCmCloseAddressFamilyComplete);

static void cm_notify_close_af_deferred(struct ndis_deferred *d)
{
	int ret = condis_cm_notify_close_af(((struct ndis_af *)d->h[0])->af);

	if (ret != CONDIS_PENDING)
		cm_notify_close_af_complete(ret, d->h[0]);
}

/* always pends: ProtocolCmNotifyCloseAfComplete follows */
NDIS_STATUS NdisCmNotifyCloseAddressFamily(NDIS_HANDLE NdisAfHandle)
{
	struct ndis_af *a = NdisAfHandle;

	if (ndis_must_defer(NULL))
		return ndis_defer_handle(NULL, a, NULL, 0, cm_notify_close_af_deferred);
	return ndis_from_condis(condis_cm_notify_close_af(a->af));
}
EXPORT_SYMBOL_GPL(NdisCmNotifyCloseAddressFamily);

VOID NdisCmRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle,
			       NDIS_HANDLE CallMgrSapContext)
{
	struct ndis_sap *s = NdisSapHandle;
	struct condis_sap *sap = s->sap;

	if (Status == NDIS_STATUS_SUCCESS) {
		s->ctx = CallMgrSapContext;
		condis_cm_register_sap_complete(0, sap, s);
	} else {
		kfree(s);
		condis_cm_register_sap_complete(ndis_to_condis(Status), sap, NULL);
	}
}
EXPORT_SYMBOL_GPL(NdisCmRegisterSapComplete);

VOID NdisCmDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle)
{
	struct ndis_sap *s = NdisSapHandle;
	struct condis_sap *sap = s->sap;

	if (Status == NDIS_STATUS_SUCCESS)
		kfree(s);
	condis_cm_deregister_sap_complete(ndis_to_condis(Status), sap);
}
EXPORT_SYMBOL_GPL(NdisCmDeregisterSapComplete);

/*
 * The parameters a call manager completes a chain with, as condis takes
 * them: those it was given (its changes back in condis's), its own (a
 * copy condis takes over), or none.
 */
static struct condis_call_params *ndis_cm_final(struct ndis_params_slot *slot,
						PCO_CALL_PARAMETERS CallParameters)
{
	if (!CallParameters)
		return NULL;
	if (CallParameters == slot->given) {
		ndis_params_back(slot->cp, CallParameters);
		return slot->cp;
	}
	return ndis_params_to_cp(CallParameters);
}

VOID NdisCmMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			    NDIS_HANDLE NdisPartyHandle, NDIS_HANDLE CallMgrPartyContext,
			    PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_vc *v = NdisVcHandle;
	struct ndis_party *p = NdisPartyHandle;
	struct condis_call_params *cp = ndis_cm_final(&v->make, CallParameters);

	if (p)
		p->ctx = CallMgrPartyContext;
	v->make_party = NULL;
	condis_cm_make_call_complete(ndis_to_condis(Status), v->vc, p ? p->party : NULL, p, cp);
	ndis_slot_end(&v->make);
	if (Status != NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
}
EXPORT_SYMBOL_GPL(NdisCmMakeCallComplete);

VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			     NDIS_HANDLE NdisPartyHandle)
{
	struct ndis_vc *v = NdisVcHandle;
	struct ndis_party *p = NdisPartyHandle;

	condis_cm_close_call_complete(ndis_to_condis(Status), v->vc, p ? p->party : NULL);
	if (Status == NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
}
EXPORT_SYMBOL_GPL(NdisCmCloseCallComplete);

/* an offer queued behind the VC's creation or activation: answered as one */
static void cm_dispatch_incoming_call_deferred(struct ndis_deferred *d)
{
	struct ndis_sap *s = d->h[0];
	struct ndis_vc *v = d->vc;
	int ret = -EAGAIN;

	if (v->vc)
		ret = condis_cm_dispatch_incoming_call(s->sap, v->vc, d->cp);
	condis_call_params_free(d->cp);
	if (ret)
		cm_incoming_call_complete(ret, v, NULL);
}

/*
 * NdisCmDispatchIncomingCall - a call manager offers a call to the client
 *	of a SAP
 * @NdisSapHandle: the SAP
 * @NdisVcHandle: the VC the call manager created for it
 * @CallParameters: the call's parameters, handed back to
 *	ProtocolCmIncomingCallComplete with the client's changes
 *
 * Return: NDIS_STATUS_PENDING (ProtocolCmIncomingCallComplete follows with
 * the client's answer), or an error and nothing follows.
 */
NDIS_STATUS NdisCmDispatchIncomingCall(NDIS_HANDLE NdisSapHandle, NDIS_HANDLE NdisVcHandle,
				       PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_sap *s = NdisSapHandle;
	struct ndis_vc *v = NdisVcHandle;
	struct condis_call_params *cp = ndis_params_to_cp(CallParameters);
	struct ndis_deferred *d = NULL;
	int ret;

	if (!cp)
		return NDIS_STATUS_RESOURCES;
	/* condis takes the offer in any context: queued only behind a request */
	if (atomic_read(&v->queued)) {
		d = ndis_deferred_alloc(NULL, 0);
		if (!d) {
			condis_call_params_free(cp);
			return NDIS_STATUS_RESOURCES;
		}
	}
	v->incoming.mine = CallParameters;
	if (d) {
		d->h[0] = s;
		d->cp = cp;
		ndis_defer(d, v, cm_dispatch_incoming_call_deferred);
		return NDIS_STATUS_PENDING;
	}
	ret = v->vc ? condis_cm_dispatch_incoming_call(s->sap, v->vc, cp) : -EAGAIN;
	condis_call_params_free(cp);
	if (ret) {
		ndis_slot_end(&v->incoming);
		return ndis_from_condis(ret);
	}
	return NDIS_STATUS_PENDING;
}
EXPORT_SYMBOL_GPL(NdisCmDispatchIncomingCall);

VOID NdisCmDispatchCallConnected(NDIS_HANDLE NdisVcHandle)
{
	struct ndis_vc *v = NdisVcHandle;

	condis_cm_dispatch_call_connected(v->vc);
}
EXPORT_SYMBOL_GPL(NdisCmDispatchCallConnected);

VOID NdisCmDispatchIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE NdisVcHandle,
				     PVOID Buffer, UINT Size)
{
	struct ndis_vc *v = NdisVcHandle;

	condis_cm_dispatch_incoming_close(ndis_to_condis(CloseStatus), v->vc, Buffer,
					  Buffer ? Size : 0);
}
EXPORT_SYMBOL_GPL(NdisCmDispatchIncomingCloseCall);

VOID NdisCmDispatchIncomingCallQoSChange(NDIS_HANDLE NdisVcHandle,
					 PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_vc *v = NdisVcHandle;
	struct condis_call_params *cp = ndis_params_to_cp(CallParameters);

	if (!cp)
		return;
	condis_cm_dispatch_incoming_qos_change(v->vc, cp);
	condis_call_params_free(cp);
}
EXPORT_SYMBOL_GPL(NdisCmDispatchIncomingCallQoSChange);

VOID NdisCmAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle,
			    NDIS_HANDLE CallMgrPartyContext, PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_party *p = NdisPartyHandle;
	struct condis_call_params *cp = ndis_cm_final(&p->add, CallParameters);

	p->ctx = CallMgrPartyContext;
	condis_cm_add_party_complete(ndis_to_condis(Status), p->party, p, cp);
	ndis_slot_end(&p->add);
	if (Status != NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
}
EXPORT_SYMBOL_GPL(NdisCmAddPartyComplete);

VOID NdisCmDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle)
{
	struct ndis_party *p = NdisPartyHandle;

	condis_cm_drop_party_complete(ndis_to_condis(Status), p->party);
	if (Status == NDIS_STATUS_SUCCESS)
		ndis_party_free(p);
}
EXPORT_SYMBOL_GPL(NdisCmDropPartyComplete);

VOID NdisCmDispatchIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE NdisPartyHandle,
				     PVOID Buffer, UINT Size)
{
	struct ndis_party *p = NdisPartyHandle;

	condis_cm_dispatch_incoming_drop_party(ndis_to_condis(DropStatus), p->party, Buffer,
					       Buffer ? Size : 0);
}
EXPORT_SYMBOL_GPL(NdisCmDispatchIncomingDropParty);

VOID NdisCmModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				 PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_vc *v = NdisVcHandle;
	struct condis_call_params *cp = ndis_cm_final(&v->qos, CallParameters);

	condis_cm_modify_qos_complete(ndis_to_condis(Status), v->vc, cp);
	ndis_slot_end(&v->qos);
}
EXPORT_SYMBOL_GPL(NdisCmModifyCallQoSComplete);
