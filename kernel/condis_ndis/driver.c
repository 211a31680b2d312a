// SPDX-License-Identifier: GPL-2.0
/*
 * Registered drivers (struct ndis_drv) and NdisSetOptionalHandlers: what
 * a driver's SetOptions handler gives; and a client's AFs and SAPs, which
 * the library frees when the client deregisters if the client did not
 * close them (condis closed them on its behalf).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"
#include "driver.h"

struct ndis_drv *ndis_drv_alloc(enum ndis_drv_kind kind, NDIS_HANDLE ctx, const char *name)
{
	struct ndis_drv *drv = kzalloc(sizeof(*drv), GFP_KERNEL);

	if (!drv)
		return NULL;
	drv->kind = kind;
	drv->ctx = ctx;
	strscpy(drv->name, name, sizeof(drv->name));
	mutex_init(&drv->lock);
	INIT_LIST_HEAD(&drv->binds);
	INIT_LIST_HEAD(&drv->adapters);
	INIT_LIST_HEAD(&drv->notes);
	spin_lock_init(&drv->cl_lock);
	INIT_LIST_HEAD(&drv->cl_afs);
	INIT_LIST_HEAD(&drv->cl_saps);
	INIT_LIST_HEAD(&drv->node);
	return drv;
}

/* After condis_client_unregister(): condis took down what the client left open. */
void ndis_drv_free(struct ndis_drv *drv)
{
	struct ndis_af_note *n, *t;
	struct ndis_sap *s, *ts;
	struct ndis_af *a, *ta;

	list_for_each_entry_safe(n, t, &drv->notes, node)
		kfree(n);
	list_for_each_entry_safe(s, ts, &drv->cl_saps, node)
		kfree(s);
	list_for_each_entry_safe(a, ta, &drv->cl_afs, node)
		kfree(a);
	kfree(drv);
}

/* Runs the driver's SetOptions handler, as its registration does. */
NDIS_STATUS ndis_drv_set_options(struct ndis_drv *drv, SET_OPTIONS_HANDLER set_options)
{
	return set_options ? set_options(drv, drv->ctx) : NDIS_STATUS_SUCCESS;
}

/* true when @h is a header of @type, at least @size bytes */
static bool ndis_header_ok(const NDIS_OBJECT_HEADER *h, UCHAR type, USHORT size)
{
	return h->Type == type && h->Size >= size;
}

/*
 * NdisSetOptionalHandlers - a driver gives its CoNDIS handlers
 * @NdisHandle: the driver handle its SetOptions handler was given
 * @OptionalHandlers: one of NDIS_PROTOCOL_CO_CHARACTERISTICS,
 *	NDIS_CO_CLIENT_OPTIONAL_HANDLERS, NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS
 *	or NDIS_MINIPORT_CO_CHARACTERISTICS, by its Header.Type
 *
 * A protocol may give the client and the call manager handlers both; a
 * miniport its CoNDIS handlers and, as a miniport call manager, the call
 * manager handlers. The structure is copied.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_PARAMETER for a header
 * of no such type or too small, NDIS_STATUS_NOT_SUPPORTED for one this
 * kind of driver cannot give.
 */
NDIS_STATUS NdisSetOptionalHandlers(NDIS_HANDLE NdisHandle,
				    PNDIS_DRIVER_OPTIONAL_HANDLERS OptionalHandlers)
{
	struct ndis_drv *drv = NdisHandle;
	const NDIS_OBJECT_HEADER *h = &OptionalHandlers->Header;
	bool protocol = drv->kind == NDIS_PROTOCOL_DRIVER;

	switch (h->Type) {
	case NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS:
		if (!ndis_header_ok(h, h->Type, NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1))
			return NDIS_STATUS_INVALID_PARAMETER;
		if (!protocol)
			return NDIS_STATUS_NOT_SUPPORTED;
		drv->co = OptionalHandlers->ProtocolCoCharacteristics;
		drv->has_co = true;
		return NDIS_STATUS_SUCCESS;
	case NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS:
		if (!ndis_header_ok(h, h->Type, NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1))
			return NDIS_STATUS_INVALID_PARAMETER;
		if (!protocol)
			return NDIS_STATUS_NOT_SUPPORTED;
		drv->cl = OptionalHandlers->ClientCharacteristics;
		drv->has_cl = true;
		return NDIS_STATUS_SUCCESS;
	case NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS:
		if (!ndis_header_ok(h, h->Type,
				    NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1))
			return NDIS_STATUS_INVALID_PARAMETER;
		drv->cm = OptionalHandlers->CallManagerCharacteristics;
		drv->has_cm = true;
		return NDIS_STATUS_SUCCESS;
	case NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS:
		if (!ndis_header_ok(h, h->Type, NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1))
			return NDIS_STATUS_INVALID_PARAMETER;
		if (protocol)
			return NDIS_STATUS_NOT_SUPPORTED;
		drv->mco = OptionalHandlers->MiniportCoCharacteristics;
		drv->has_mco = true;
		return NDIS_STATUS_SUCCESS;
	default:
		return NDIS_STATUS_INVALID_PARAMETER;
	}
}
EXPORT_SYMBOL_GPL(NdisSetOptionalHandlers);

/* ---- a client's AFs and SAPs: listed until they go, or until ndis_drv_free() --------- */

static void cl_list(struct ndis_drv *drv, struct list_head *node, struct list_head *list)
{
	spin_lock_bh(&drv->cl_lock);
	if (list)
		list_add(node, list);
	else
		list_del(node);
	spin_unlock_bh(&drv->cl_lock);
}

struct ndis_af *ndis_cl_af_new(struct ndis_bind *b, NDIS_HANDLE ctx)
{
	struct ndis_af *a = kzalloc(sizeof(*a), NDIS_GFP);

	if (a) {
		a->drv = b->drv;
		a->bind = b;
		a->ctx = ctx;
		cl_list(a->drv, &a->node, &a->drv->cl_afs);
	}
	return a;
}

void ndis_cl_af_free(struct ndis_af *a)
{
	cl_list(a->drv, &a->node, NULL);
	kfree(a);
}

struct ndis_sap *ndis_cl_sap_new(struct ndis_af *a, NDIS_HANDLE ctx, PCO_SAP Sap)
{
	struct ndis_sap *s = kzalloc(sizeof(*s), NDIS_GFP);

	if (s) {
		s->af = a;
		s->ctx = ctx;
		s->client_sap = Sap;
		cl_list(a->drv, &s->node, &a->drv->cl_saps);
	}
	return s;
}

/* @drv: the client (@s's AF may be gone: its handler closed it) */
void ndis_cl_sap_free(struct ndis_drv *drv, struct ndis_sap *s)
{
	cl_list(drv, &s->node, NULL);
	kfree(s);
}
