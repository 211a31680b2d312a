// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: calling. A make call (or add party) becomes a leg with a
 * call reference of this station's and a SETUP (ADD PARTY) sent until the
 * called station answers: CONNECT (ADD PARTY ACK) programs the VC's data
 * path and completes the request; a refusal or silence fails it.
 */
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include "call.h"
#include "queue.h"
#include "send.h"
#include "sig.h"
#include "vc.h"

/* A calling leg did not come up: its requester hears it. */
void sig_leg_failed(struct sig_leg *leg, int status)
{
	struct sig_vc *v = leg->vc;
	struct condis_vc *vc = v->vc;
	struct condis_party *party = leg->party;
	bool added = leg->added;

	sig_leg_free(v->sig, leg);
	if (!added)
		v->multipoint = false;
	if (added)
		condis_cm_add_party_complete(status, party, NULL, NULL);
	else
		condis_cm_make_call_complete(status, vc, party, NULL, NULL);
}

static void sig_op_setup(struct sig_op *o)
{
	struct condis_call_params *cp = o->cp;
	struct condis_sig *sig = o->sig;
	struct sig_leg *leg = o->leg;
	u32 ref;
	int ret;

	o->cp = NULL;		/* the leg's now */
	leg->cp = cp;
	if (sig->down) {
		sig_leg_failed(leg, -ENETDOWN);
		return;
	}
	ret = xa_alloc_cyclic(&sig->out, &ref, leg, xa_limit_32b, &sig->out_next,
			      GFP_KERNEL);
	if (ret < 0) {
		sig_leg_failed(leg, -ENOMEM);
		return;
	}
	leg->ref = ref;
	leg->state = LEG_CALLING;
	list_add_tail(&leg->node, &leg->vc->legs);
	sig_send_retry(leg, leg->added ? CONDIS_MSG_ADD_PARTY : CONDIS_MSG_SETUP, 0);
}

static int sig_setup(struct sig_vc *vc, struct condis_call_params *cp,
		     struct condis_party *party, void **cm_party_ctx, bool added)
{
	struct sig_leg *leg;
	int ret;

	if (cp->cm_specific_len < CONDIS_SIG_ADDR_MIN ||
	    cp->cm_specific_len > ETH_ALEN + sizeof(leg->sap.sap))
		return -ENOENT;		/* NDIS_STATUS_INVALID_ADDRESS */
	if (!is_valid_ether_addr(cp->cm_specific))
		return -ENOENT;
	leg = sig_leg_new(vc, true);
	if (!leg)
		return -ENOMEM;
	leg->deadline = sig_deadline();	/* nl_client's accept wait ends there too */
	leg->party = party;
	leg->added = added;
	ether_addr_copy(leg->peer, cp->cm_specific);
	leg->sap.len = cp->cm_specific_len - ETH_ALEN;
	memcpy(leg->sap.sap, cp->cm_specific + ETH_ALEN, leg->sap.len);
	if (cm_party_ctx)
		*cm_party_ctx = leg;
	leg->sdu_changed = sig_fill_sdu(vc->sig, cp);
	ret = sig_queue(vc->sig, sig_op_setup, vc, leg, NULL, cp, 0, GFP_KERNEL_ACCOUNT);
	if (ret < 0)
		kfree(leg);
	return ret;
}

int sig_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
			 struct condis_party *party, void **cm_party_ctx)
{
	struct sig_vc *vc = cm_vc_ctx;

	vc->multipoint = cp->flags & CONDIS_CALL_MULTIPOINT_VC;
	return sig_setup(vc, cp, party, cm_party_ctx, false);
}

int sig_add_party(void *cm_vc_ctx, struct condis_call_params *cp,
			 struct condis_party *party, void **cm_party_ctx)
{
	struct sig_vc *vc = cm_vc_ctx;

	if (!vc->multipoint)
		return -EINVAL;
	return sig_setup(vc, cp, party, cm_party_ctx, true);
}

/* The called station answered yes. */
void sig_connected(struct condis_sig *sig, struct sig_leg *leg,
			  const struct condis_wire_sig *m)
{
	struct condis_call_params *cp;
	struct sig_vc *vc = leg->vc;
	int ret;

	sig_answered(leg);
	leg->peer_label = ntohl(m->label);
	leg->peer_data_token = ntohl(m->data_token);
	leg->state = LEG_ACTIVE;
	ret = sig_vc_program(vc);
	if (ret) {
		sig_send(leg, CONDIS_MSG_RELEASE_COMPLETE, ret);
		sig_leg_failed(leg, ret);
		return;
	}
	sig_send(leg, CONDIS_MSG_CONNECT_ACK, 0);
	/* the client hears of the SDU sizes the link imposed */
	cp = leg->sdu_changed ? condis_call_params_dup(leg->cp, GFP_KERNEL) : NULL;
	if (cp)
		cp->flags |= CONDIS_CALL_PARAMETERS_CHANGED;
	if (leg->added)
		condis_cm_add_party_complete(0, leg->party, leg, cp);
	else
		condis_cm_make_call_complete(0, vc->vc, leg->party, leg, cp);
}
