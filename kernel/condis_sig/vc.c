// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: VCs and legs. A calling VC has one leg per party (one for a
 * point-to-point call), each a call on the wire with its own call
 * reference, found by it in the engine's @out; a called VC has one leg,
 * found by (station, reference, token) in the engine's @in.
 */
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include <net/condis_cm.h>
#include "queue.h"
#include "send.h"
#include "sig.h"
#include "timers.h"
#include "vc.h"

struct sig_leg *sig_leg_new(struct sig_vc *vc, bool caller)
{
	struct sig_leg *leg = kzalloc(sizeof(*leg), GFP_KERNEL_ACCOUNT);

	if (!leg)
		return NULL;
	leg->vc = vc;
	leg->caller = caller;
	leg->token = sig_token();
	INIT_LIST_HEAD(&leg->node);
	INIT_HLIST_NODE(&leg->hnode);
	INIT_DELAYED_WORK(&leg->timer, sig_timer_fn);
	return leg;
}

u32 sig_in_key(const struct condis_sig *sig, const u8 *peer, u32 ref)
{
	u32 hi = peer[0] << 24 | peer[1] << 16 | peer[2] << 8 | peer[3];

	return siphash_3u32(hi, peer[4] << 8 | peer[5], ref, &sig->in_key);
}

/* A called leg is no longer half-open (connected, or going). */
void sig_leg_settled(struct condis_sig *sig, struct sig_leg *leg)
{
	if (leg->half_open) {
		leg->half_open = false;
		sig->half_open--;
	}
}

void sig_leg_free(struct condis_sig *sig, struct sig_leg *leg)
{
	sig_leg_settled(sig, leg);
	cancel_delayed_work(&leg->timer);
	list_del(&leg->node);
	if (leg->caller) {
		if (leg->ref)
			xa_erase(&sig->out, leg->ref);
	} else {
		hash_del(&leg->hnode);
	}
	condis_call_params_free(leg->cp);
	condis_call_params_free(leg->qos_cp);
	kfree(leg);
}

/*
 * The called leg of (@peer, @ref) whose caller's token is @peer_token
 * (a SETUP or ADD PARTY again) or, @peer_token 0, whose own token is
 * @token (any other message from the caller). The caller's token is part
 * of the key: a station that forges SETUPs with another's address and
 * reference does not take that call's place.
 */
struct sig_leg *sig_find_in(struct condis_sig *sig, const u8 *peer, u32 ref,
				   u32 peer_token, u32 token)
{
	struct sig_leg *leg;

	hash_for_each_possible(sig->in, leg, hnode, sig_in_key(sig, peer, ref))
		if (leg->ref == ref && ether_addr_equal(leg->peer, peer) &&
		    (peer_token ? leg->peer_token == peer_token : leg->token == token))
			return leg;
	return NULL;
}

struct sig_leg *sig_find_out(struct condis_sig *sig, const u8 *peer, u32 ref)
{
	struct sig_leg *leg = xa_load(&sig->out, ref);

	return leg && ether_addr_equal(leg->peer, peer) ? leg : NULL;
}

bool sig_vc_single(struct sig_vc *vc)
{
	return list_is_singular(&vc->legs);
}

struct sig_leg *sig_vc_leg(struct sig_vc *vc)
{
	return list_first_entry_or_null(&vc->legs, struct sig_leg, node);
}

/*
 * Program where @vc's frames go: every active leg's station and label.
 * An MCM programs its miniport itself and tells condis; a stand-alone CM
 * activates through condis with the destinations as media parameters.
 */
int sig_vc_program(struct sig_vc *vc)
{
	struct condis_sig *sig = vc->sig;
	struct condis_call_params *cp;
	struct condis_eth_media *media;
	struct sig_leg *leg;
	u32 n = 0;
	int ret;

	list_for_each_entry(leg, &vc->legs, node)
		n += leg->state == LEG_ACTIVE || leg->state == LEG_CONNECTING ||
		     leg->state == LEG_OFFERED;
	cp = condis_call_params_alloc(0, struct_size(media, dest, n), GFP_KERNEL);
	if (!cp)
		return -ENOMEM;
	media = (struct condis_eth_media *)cp->media_specific;
	media->token = vc->data_token;
	list_for_each_entry(leg, &vc->legs, node) {
		if (leg->state != LEG_ACTIVE && leg->state != LEG_CONNECTING &&
		    leg->state != LEG_OFFERED)
			continue;
		ether_addr_copy(media->dest[media->ndest].mac, leg->peer);
		media->dest[media->ndest].label = leg->peer_label;
		media->dest[media->ndest].token = leg->peer_data_token;
		media->ndest++;
	}
	if (sig->integrated) {
		ret = sig->tp->program(sig->ctx, vc->vc, media);
		if (!ret && !vc->active)
			ret = condis_mcm_activate_vc(vc->vc, cp);
	} else {
		ret = condis_cm_activate_vc(vc->vc, cp);
	}
	if (!ret || ret == CONDIS_PENDING)
		vc->active = true;
	condis_call_params_free(cp);
	/* a stand-alone CM's activation finishes in sig_activate_complete() */
	return ret == CONDIS_PENDING ? 0 : ret;
}

void sig_vc_deactivate(struct sig_vc *vc)
{
	struct condis_sig *sig = vc->sig;

	if (!vc->active)
		return;
	vc->active = false;
	if (sig->integrated) {
		sig->tp->program(sig->ctx, vc->vc, NULL);
		condis_mcm_deactivate_vc(vc->vc);
	} else {
		condis_cm_deactivate_vc(vc->vc);
	}
}

/* Frames larger than the link carries cannot go: say so in the SDU sizes. */
bool sig_fill_sdu(struct condis_sig *sig, struct condis_call_params *cp)
{
	bool changed = false;

	if (!sig->max_sdu)
		return false;
	if (!cp->tx.max_sdu_size || cp->tx.max_sdu_size > sig->max_sdu) {
		cp->tx.max_sdu_size = sig->max_sdu;
		changed = true;
	}
	if (!cp->rx.max_sdu_size || cp->rx.max_sdu_size > sig->max_sdu) {
		cp->rx.max_sdu_size = sig->max_sdu;
		changed = true;
	}
	return changed;
}

struct sig_vc *sig_vc_new(struct condis_sig *sig)
{
	struct sig_vc *vc = kzalloc(sizeof(*vc), GFP_KERNEL_ACCOUNT);

	if (vc) {
		vc->sig = sig;
		vc->data_token = sig_token();
		INIT_LIST_HEAD(&vc->legs);
	}
	return vc;
}

/* A client-created VC (the calling side). */
int sig_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct sig_vc *v = sig_vc_new(((struct condis_cm_af *)cm_af_ctx)->cm);

	if (!v)
		return -ENOMEM;
	v->vc = vc;
	*cm_vc_ctx = v;
	return 0;
}

static void sig_vc_free(struct condis_sig *sig, struct sig_vc *vc)
{
	struct sig_leg *leg, *tmp;

	list_for_each_entry_safe(leg, tmp, &vc->legs, node)
		sig_leg_free(sig, leg);
	kfree(vc);
}

static void sig_op_free(struct sig_op *o)
{
	sig_vc_free(o->sig, o->vc);
}

/* The client deleted its VC: let go of it after what is queued. */
int sig_delete_vc(void *cm_vc_ctx)
{
	struct sig_vc *vc = cm_vc_ctx;

	sig_queue(vc->sig, sig_op_free, vc, NULL, NULL, NULL, 0, GFP_KERNEL | __GFP_NOFAIL);
	return 0;
}

/*
 * Take a called VC down and delete it (the CM created it). Once the adapter
 * is going (condis_sig_shutdown()), the teardown that follows deactivates
 * and deletes it on the CM's behalf, or did already: the engine leaves the
 * VC alone and keeps its context, which condis may still hand back to the
 * CM, until condis_sig_destroy().
 */
void sig_callee_delete(struct sig_vc *vc)
{
	struct condis_sig *sig = vc->sig;
	struct sig_leg *leg, *tmp;

	if (sig->down) {
		list_for_each_entry_safe(leg, tmp, &vc->legs, node)
			sig_leg_free(sig, leg);
		list_add_tail(&vc->node, &sig->parked);
		return;
	}
	sig_vc_deactivate(vc);
	condis_cm_delete_vc(vc->vc);
	sig_vc_free(sig, vc);
}

