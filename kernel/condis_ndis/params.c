// SPDX-License-Identifier: GPL-2.0
/*
 * Call parameters and SAPs at condis's boundary: the DDK's
 * CO_CALL_PARAMETERS (flags, and pointers to the call manager parameters
 * and the media parameters, each with a CO_SPECIFIC_PARAMETERS blob) and
 * condis's struct condis_call_params (one allocation) stand for each other
 * here; so do CO_SAP and struct condis_sap_desc.
 *
 * A driver's handler is given a CO_CALL_PARAMETERS the library made from
 * condis's parameters; what the handler changes goes back into them
 * (ndis_params_back). A driver's own CO_CALL_PARAMETERS of a request is
 * handed back to its completion with condis's final values copied in
 * (ndis_params_to_mine), as NDIS has the call manager change the
 * requester's buffer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"
#include "params.h"
#include <net/condis_kunit.h>

/* allocations on the data and signalling paths may be made at DISPATCH_LEVEL */

static const CO_SPECIFIC_PARAMETERS ndis_no_specific;

/**
 * ndis_params_from_cp - condis's parameters as a CO_CALL_PARAMETERS
 * @cp: the parameters
 *
 * One allocation: CO_CALL_PARAMETERS, then CO_CALL_MANAGER_PARAMETERS and
 * its blob, then CO_MEDIA_PARAMETERS and its blob. Free with
 * ndis_params_free().
 *
 * Return: the parameters, or NULL when memory ran out.
 */
PCO_CALL_PARAMETERS ndis_params_from_cp(const struct condis_call_params *cp)
{
	size_t cmsz = ALIGN(sizeof(CO_CALL_MANAGER_PARAMETERS) + cp->cm_specific_len, 8);
	size_t mdsz = sizeof(CO_MEDIA_PARAMETERS) + cp->media_specific_len;
	PCO_CALL_PARAMETERS p;
	PCO_CALL_MANAGER_PARAMETERS cm;
	PCO_MEDIA_PARAMETERS md;

	p = kzalloc(ALIGN(sizeof(*p), 8) + cmsz + mdsz, NDIS_GFP);
	if (!p)
		return NULL;
	cm = (void *)p + ALIGN(sizeof(*p), 8);
	md = (void *)cm + cmsz;
	p->Flags = cp->flags;
	p->CallMgrParameters = cm;
	p->MediaParameters = md;
	memcpy(&cm->Transmit, &cp->tx, sizeof(cm->Transmit));
	memcpy(&cm->Receive, &cp->rx, sizeof(cm->Receive));
	cm->CallMgrSpecific.ParamType = cp->cm_specific_type;
	cm->CallMgrSpecific.Length = cp->cm_specific_len;
	NdisMoveMemory(cm->CallMgrSpecific.Parameters, cp->cm_specific, cp->cm_specific_len);
	md->Flags = cp->media_flags;
	md->ReceivePriority = cp->receive_priority;
	md->ReceiveSizeHint = cp->receive_size_hint;
	md->MediaSpecific.ParamType = cp->media_specific_type;
	md->MediaSpecific.Length = cp->media_specific_len;
	NdisMoveMemory(md->MediaSpecific.Parameters, cp->media_specific, cp->media_specific_len);
	return p;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_params_from_cp);

void ndis_params_free(PCO_CALL_PARAMETERS p)
{
	kfree(p);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_params_free);

static const CO_SPECIFIC_PARAMETERS *ndis_cm_specific(const CO_CALL_PARAMETERS *p)
{
	return p->CallMgrParameters ? &p->CallMgrParameters->CallMgrSpecific : &ndis_no_specific;
}

static const CO_SPECIFIC_PARAMETERS *ndis_media_specific(const CO_CALL_PARAMETERS *p)
{
	return p->MediaParameters ? &p->MediaParameters->MediaSpecific : &ndis_no_specific;
}

/* what a CO_CALL_PARAMETERS says, but its blobs, into @cp */
static void ndis_params_values(struct condis_call_params *cp, const CO_CALL_PARAMETERS *p)
{
	BUILD_BUG_ON(sizeof(FLOWSPEC) != sizeof(struct condis_flowspec));
	cp->flags = p->Flags;
	if (p->CallMgrParameters) {
		memcpy(&cp->tx, &p->CallMgrParameters->Transmit, sizeof(cp->tx));
		memcpy(&cp->rx, &p->CallMgrParameters->Receive, sizeof(cp->rx));
	}
	if (p->MediaParameters) {
		cp->media_flags = p->MediaParameters->Flags;
		cp->receive_priority = p->MediaParameters->ReceivePriority;
		cp->receive_size_hint = p->MediaParameters->ReceiveSizeHint;
	}
	cp->cm_specific_type = ndis_cm_specific(p)->ParamType;
	cp->media_specific_type = ndis_media_specific(p)->ParamType;
}

/**
 * ndis_params_to_cp - a driver's CO_CALL_PARAMETERS as condis parameters
 * @p: the driver's parameters (either pointer in it may be NULL)
 *
 * Return: a new allocation (condis_call_params_free), or NULL when memory
 * ran out or a blob is larger than condis takes.
 */
struct condis_call_params *ndis_params_to_cp(const CO_CALL_PARAMETERS *p)
{
	const CO_SPECIFIC_PARAMETERS *cms = ndis_cm_specific(p), *mds = ndis_media_specific(p);
	struct condis_call_params *cp;

	cp = condis_call_params_alloc(cms->Length, mds->Length, NDIS_GFP);
	if (!cp)
		return NULL;
	ndis_params_values(cp, p);
	NdisMoveMemory(cp->cm_specific, cms->Parameters, cms->Length);
	NdisMoveMemory(cp->media_specific, mds->Parameters, mds->Length);
	return cp;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_params_to_cp);

/**
 * ndis_params_back - what a driver changed in the parameters it was given
 *	goes back into condis's
 * @cp: condis's parameters
 * @p: the CO_CALL_PARAMETERS the driver was given for them
 *
 * The blobs' bytes go back where their lengths did not change (condis
 * changes a call's parameters in place).
 */
void ndis_params_back(struct condis_call_params *cp, const CO_CALL_PARAMETERS *p)
{
	const CO_SPECIFIC_PARAMETERS *cms = ndis_cm_specific(p), *mds = ndis_media_specific(p);

	ndis_params_values(cp, p);
	if (cms->Length == cp->cm_specific_len)
		NdisMoveMemory(cp->cm_specific, cms->Parameters, cms->Length);
	if (mds->Length == cp->media_specific_len)
		NdisMoveMemory(cp->media_specific, mds->Parameters, mds->Length);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_params_back);

/**
 * ndis_params_to_mine - condis's final parameters into a driver's own
 * @p: the driver's CO_CALL_PARAMETERS (of a request it made)
 * @cp: condis's parameters
 *
 * Blobs are copied only where they fit the driver's: its buffer is its
 * own, of the size it made it.
 */
void ndis_params_to_mine(PCO_CALL_PARAMETERS p, const struct condis_call_params *cp)
{
	PCO_CALL_MANAGER_PARAMETERS cm = p->CallMgrParameters;
	PCO_MEDIA_PARAMETERS md = p->MediaParameters;

	p->Flags = cp->flags;
	if (cm) {
		memcpy(&cm->Transmit, &cp->tx, sizeof(cm->Transmit));
		memcpy(&cm->Receive, &cp->rx, sizeof(cm->Receive));
		if (cm->CallMgrSpecific.Length == cp->cm_specific_len)
			NdisMoveMemory(cm->CallMgrSpecific.Parameters, cp->cm_specific,
				       cp->cm_specific_len);
	}
	if (md) {
		md->Flags = cp->media_flags;
		md->ReceivePriority = cp->receive_priority;
		md->ReceiveSizeHint = cp->receive_size_hint;
		if (md->MediaSpecific.Length == cp->media_specific_len)
			NdisMoveMemory(md->MediaSpecific.Parameters, cp->media_specific,
				       cp->media_specific_len);
	}
}
EXPORT_SYMBOL_IF_KUNIT(ndis_params_to_mine);

/**
 * ndis_slot_give - the CO_CALL_PARAMETERS a driver's handler is given for
 *	condis's @cp, kept in @slot until the chain ends
 * @slot: the chain's slot
 * @cp: condis's parameters
 *
 * Return: the parameters, or NULL when memory ran out.
 */
PCO_CALL_PARAMETERS ndis_slot_give(struct ndis_params_slot *slot, struct condis_call_params *cp)
{
	ndis_params_free(slot->given);
	slot->given = ndis_params_from_cp(cp);
	slot->cp = slot->given ? cp : NULL;
	return slot->given;
}

/* The chain is over: what the library made for it goes. */
void ndis_slot_end(struct ndis_params_slot *slot)
{
	ndis_params_free(slot->given);
	slot->given = NULL;
	slot->cp = NULL;
	slot->mine = NULL;
}

/* ---- SAPs -------------------------------------------------------------------------------- */

/* A CO_SAP as condis's SAP; -EMSGSIZE when it is larger than condis takes. */
int ndis_sap_to_desc(const CO_SAP *sap, struct condis_sap_desc *desc)
{
	if (sap->SapLength > sizeof(desc->sap))
		return -EMSGSIZE;
	memset(desc, 0, sizeof(*desc));
	desc->sap_type = sap->SapType;
	desc->len = sap->SapLength;
	NdisMoveMemory(desc->sap, sap->Sap, sap->SapLength);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ndis_sap_to_desc);

/* The bytes a CO_SAP for @desc takes. */
size_t ndis_sap_size(const struct condis_sap_desc *desc)
{
	return offsetof(CO_SAP, Sap) + max_t(u32, desc->len, 1);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_sap_size);

void ndis_sap_from_desc(PCO_SAP sap, const struct condis_sap_desc *desc)
{
	sap->SapType = desc->sap_type;
	sap->SapLength = desc->len;
	NdisMoveMemory(sap->Sap, desc->sap, desc->len);
}
EXPORT_SYMBOL_IF_KUNIT(ndis_sap_from_desc);
