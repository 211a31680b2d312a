// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: called. A SETUP (ADD PARTY) for a registered SAP becomes a
 * called VC the CM creates, offered to the SAP's client; CALL PROCEEDING
 * tells the caller to wait for its answer (unless the client answered at
 * once), CONNECT (ADD PARTY ACK) carries a yes until CONNECT ACK. Offers
 * not yet connected are capped per engine (max_half_open); a SETUP again
 * for a call here is answered again.
 */
#include <linux/etherdevice.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <net/condis_cm.h>
#include "called.h"
#include "queue.h"
#include "send.h"
#include "sig.h"
#include "vc.h"

static unsigned int sig_max_half_open = 1024;
module_param_named(max_half_open, sig_max_half_open, uint, 0644);
MODULE_PARM_DESC(max_half_open, "Calls offered to this station, not yet connected, per adapter; further offers are refused (default 1024)");

/* The called client answered (or the caller went while it did). */
static void sig_op_answer(struct sig_op *o)
{
	struct sig_vc *vc = o->vc;
	struct sig_leg *leg = sig_vc_leg(vc);
	int status = o->status;

	if (WARN_ON_ONCE(leg && leg->state != LEG_OFFERED && leg->state != LEG_GONE))
		return;			/* answered twice: condis would not */

	if (status) {
		if (leg && leg->state == LEG_OFFERED)
			sig_send(leg, leg->added ? CONDIS_MSG_ADD_PARTY_REJECT :
				 CONDIS_MSG_RELEASE_COMPLETE, status);
		sig_callee_delete(vc);
		return;
	}
	if (!leg || leg->state == LEG_GONE) {
		condis_cm_dispatch_call_connected(vc->vc);
		condis_cm_dispatch_incoming_close(leg ? leg->cause : -ECONNRESET, vc->vc,
						  NULL, 0);
		return;
	}
	leg->state = LEG_CONNECTING;
	sig_send_retry(leg, leg->added ? CONDIS_MSG_ADD_PARTY_ACK : CONDIS_MSG_CONNECT, 0);
}

void sig_incoming(struct condis_sig *sig, const u8 *src,
			 const struct condis_wire_sig *m, struct condis_call_params **cpp,
			 const struct condis_sap_desc *desc)
{
	u8 type = m->hdr.type, nak;
	u32 ref = ntohl(m->hdr.ref);
	struct sig_leg *leg;
	struct condis_cm_sap *sap;
	struct sig_vc *vc;
	int ret;

	nak = type == CONDIS_MSG_SETUP ? CONDIS_MSG_RELEASE_COMPLETE :
					 CONDIS_MSG_ADD_PARTY_REJECT;
	leg = sig_find_in(sig, src, ref, ntohl(m->call_token), 0);
	if (leg) {		/* a retransmission: our answer got lost */
		if (leg->state == LEG_CONNECTING || leg->state == LEG_ACTIVE)
			sig_send(leg, leg->added ? CONDIS_MSG_ADD_PARTY_ACK :
				 CONDIS_MSG_CONNECT, 0);
		else if (leg->state == LEG_OFFERED)
			sig_send(leg, CONDIS_MSG_CALL_PROCEEDING, 0);
		return;
	}
	if (sig->down) {
		sig_reply(sig, src, m, nak, -ENETDOWN);
		return;
	}
	sap = condis_cm_sap_find(&sig->saps, desc->sap, desc->len);
	if (!sap) {
		sig_drop(sig, CONDIS_DROP_UNMATCHED);
		sig_reply(sig, src, m, nak, -ENOENT);	/* INVALID_ADDRESS */
		return;
	}
	if (sig->half_open >= READ_ONCE(sig_max_half_open)) {
		sig_drop(sig, CONDIS_DROP_HALF_OPEN);
		sig_reply(sig, src, m, nak, -EBUSY);	/* RESOURCES */
		return;
	}
	ret = -ENOMEM;
	vc = sig_vc_new(sig);
	leg = vc ? sig_leg_new(vc, false) : NULL;
	if (!leg) {
		kfree(vc);
		sig_reply(sig, src, m, nak, ret);
		return;
	}
	vc->incoming = true;
	leg->ref = ref;
	leg->peer_token = ntohl(m->call_token);
	leg->added = type == CONDIS_MSG_ADD_PARTY;
	ether_addr_copy(leg->peer, src);
	leg->peer_label = ntohl(m->label);
	leg->peer_data_token = ntohl(m->data_token);
	leg->sap = *desc;
	leg->cp = *cpp;			/* answered with these */
	*cpp = NULL;
	sig_fill_sdu(sig, leg->cp);
	leg->state = LEG_OFFERED;
	leg->half_open = true;
	sig->half_open++;
	list_add_tail(&leg->node, &vc->legs);
	hash_add(sig->in, &leg->hnode, sig_in_key(sig, src, ref));
	ret = condis_cm_create_vc(sap->af->af, vc, &vc->vc);
	if (ret) {
		sig_leg_free(sig, leg);
		kfree(vc);
		sig_reply(sig, src, m, nak, ret);
		return;
	}
	ret = sig_vc_program(vc);
	if (!ret)
		ret = condis_cm_dispatch_incoming_call(sap->sap, vc->vc, leg->cp);
	if (!ret) {		/* the answer follows: sig_op_answer() */
		/* one given at once (a backlog's) is queued already: no wait to tell of */
		if (!READ_ONCE(vc->answered))
			sig_send(leg, CONDIS_MSG_CALL_PROCEEDING, 0);
		return;
	}
	sig_queue(sig, sig_op_answer, vc, NULL, NULL, NULL, ret, GFP_KERNEL | __GFP_NOFAIL);
}

void sig_incoming_call_complete(int status, void *cm_vc_ctx,
				       const struct condis_call_params *cp)
{
	struct sig_vc *vc = cm_vc_ctx;

	WRITE_ONCE(vc->answered, true);
	sig_queue(vc->sig, sig_op_answer, vc, NULL, NULL, NULL, status,
		  GFP_KERNEL | __GFP_NOFAIL);
}

