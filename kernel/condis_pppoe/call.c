// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: what a call is and does whichever side made it: its work
 * on pppoe_wq (an ordered workqueue: a call's state needs no other lock,
 * and none is held while condis runs a client's handler), the discovery
 * packets it sends, its session's parameters and its end (PADT).
 */
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include "call.h"
#include "miniport.h"

/**
 * pppoe_call_new - a call's context
 * @pa: the adapter
 * @retry: the host's resend of PADI and PADR (NULL: the AC's side)
 * @gfp: for the allocation
 *
 * Return: the context, or NULL.
 */
struct pppoe_call *pppoe_call_new(struct pppoe_adapter *pa, work_func_t retry, gfp_t gfp)
{
	struct pppoe_call *call = kzalloc(sizeof(*call), gfp);

	if (!call)
		return NULL;
	call->pa = pa;
	call->incoming = !retry;
	INIT_LIST_HEAD(&call->node);
	if (retry)
		INIT_DELAYED_WORK(&call->retry, retry);
	return call;
}

struct pppoe_work {
	struct work_struct work;
	pppoe_call_fn fn;
	struct pppoe_call *call;
};

static void pppoe_work_fn(struct work_struct *work)
{
	struct pppoe_work *w = container_of(work, struct pppoe_work, work);

	w->fn(w->call);
	kfree(w);
}

/**
 * pppoe_queue - run @fn on @call on pppoe_wq, after what is queued there
 * @fn: what to run
 * @call: the call
 * @gfp: for the work item
 *
 * Return: %CONDIS_PENDING, or -ENOMEM.
 */
int pppoe_queue(pppoe_call_fn fn, struct pppoe_call *call, gfp_t gfp)
{
	struct pppoe_work *w = kzalloc(sizeof(*w), gfp);

	if (!w)
		return -ENOMEM;
	INIT_WORK(&w->work, pppoe_work_fn);
	w->fn = fn;
	w->call = call;
	queue_work(pppoe_wq, &w->work);
	return CONDIS_PENDING;
}

/* What a PADS that refuses a session says, after its error tag. */
static const char *pppoe_error_text(u16 tag)
{
	switch (tag) {
	case PPPOE_TAG_SERVICE_ERROR:
		return "service refused";
	case PPPOE_TAG_AC_ERROR:
		return "no session available";
	default:
		return "session refused";
	}
}

/**
 * pppoe_send_disc - send a PADI, PADR, PADS or PADT of a call
 * @call: the call
 * @code: the packet's code
 * @dst: the station (the broadcast address for a PADI)
 * @error: for a PADS: the error tag that refuses the session (0: none)
 *
 * Each carries the service (PADT aside) and the host's Host-Uniq; a PADR
 * the AC's cookie, a PADR and a PADS the Relay-Session-Id, as RFC 2516
 * says each is echoed; a PADI, PADR or PADS the call's payload as
 * PPP-Max-Payload when it is over RFC 2516's 1492 (RFC 4638).
 * Context: pppoe_wq.
 * Return: 0 or a negative errno.
 */
int pppoe_send_disc(struct pppoe_call *call, u8 code, const u8 *dst, u16 error)
{
	struct pppoe_adapter *pa = call->pa;
	unsigned int room = READ_ONCE(pa->b.dev->mtu);
	const char *text;
	struct pppoe_build b;
	struct sk_buff *skb;
	u16 sid = 0;
	int len;

	if (code == PPPOE_PADT || (code == PPPOE_PADS && !error))
		sid = call->sid;
	skb = pppoe_alloc(pa, room);
	if (!skb)
		return -ENOMEM;
	pppoe_build_start(&b, skb_tail_pointer(skb), room, code, sid);
	if (code != PPPOE_PADT)
		pppoe_build_tag(&b, PPPOE_TAG_SERVICE, call->service, call->service_len);
	if (call->uniq_len)
		pppoe_build_tag(&b, PPPOE_TAG_HOST_UNIQ, call->uniq, call->uniq_len);
	if (code == PPPOE_PADR && call->cookie)
		pppoe_build_tag(&b, PPPOE_TAG_COOKIE, call->cookie, call->cookie_len);
	if ((code == PPPOE_PADR || code == PPPOE_PADS) && call->relay_len)
		pppoe_build_tag(&b, PPPOE_TAG_RELAY_SID, call->relay, call->relay_len);
	if (code != PPPOE_PADT && !error && call->payload > PPPOE_MRU)
		pppoe_build_u16(&b, PPPOE_TAG_MAX_PAYLOAD, call->payload);
	if (error) {
		text = pppoe_error_text(error);
		pppoe_build_tag(&b, error, text, strlen(text));
	}
	len = pppoe_build_end(&b);
	if (len < 0) {
		kfree_skb(skb);
		return len;
	}
	skb_put(skb, len);
	return pppoe_xmit(pa, dst, ETH_P_PPP_DISC, skb);
}

/**
 * pppoe_call_reset - out of discovery or session: forget what the peer said
 * @call: the call
 *
 * Context: pppoe_wq.
 */
void pppoe_call_reset(struct pppoe_call *call)
{
	if (!call->incoming)
		cancel_delayed_work(&call->retry);	/* (it runs on pppoe_wq too) */
	if (!list_empty(&call->node))
		list_del_init(&call->node);
	kfree(call->cookie);
	call->cookie = NULL;
	call->cookie_len = 0;
	call->relay_len = 0;
	call->state = PC_IDLE;
}

/**
 * pppoe_session_params - the parameters of a call with a session
 * @call: the call, its peer and session id set
 *
 * The media-specific block is the session; both flowspecs' max_sdu_size
 * the largest PPP frame: the session's payload (RFC 2516's 1492, or what
 * RFC 4638's PPP-Max-Payload agreed) and the protocol field.
 * Return: new parameters, or NULL.
 */
struct condis_call_params *pppoe_session_params(struct pppoe_call *call)
{
	struct condis_pppoe_session *s;
	struct condis_call_params *cp;

	cp = condis_call_params_alloc(0, sizeof(*s), GFP_KERNEL);
	if (!cp)
		return NULL;
	cp->media_specific_type = CONDIS_PPPOE_SESSION;
	s = (struct condis_pppoe_session *)cp->media_specific;
	ether_addr_copy(s->peer, call->peer);
	s->sid = cpu_to_be16(call->sid);
	cp->tx.max_sdu_size = call->payload + PPPOE_PROTO_LEN;
	cp->rx.max_sdu_size = cp->tx.max_sdu_size;
	return cp;
}

/**
 * pppoe_call_close - the client closes its call: PADT, and the VC goes down
 * @call: the call
 *
 * No PADT goes to a peer that sent one. A VC the call manager created
 * (the AC's side) is deleted, and its context freed, unless condis is
 * deleting it on the departing adapter's behalf.
 * Context: pppoe_wq.
 */
void pppoe_call_close(struct pppoe_call *call)
{
	struct pppoe_adapter *pa = call->pa;
	struct condis_vc *vc = call->vc;

	if (call->state == PC_SESSION)
		pppoe_send_disc(call, PPPOE_PADT, call->peer, 0);
	pppoe_call_reset(call);
	pppoe_program(pa, vc, NULL);
	condis_mcm_deactivate_vc(vc);
	condis_mcm_close_call_complete(0, vc, NULL);
	if (call->incoming) {
		if (!pa->going)
			condis_mcm_delete_vc(vc);
		kfree(call);
	}
}

/**
 * pppoe_call_free - condis deleted a client's VC: let go of its call
 * @call: the call
 *
 * Context: pppoe_wq, after the work queued for it before the deletion.
 */
void pppoe_call_free(struct pppoe_call *call)
{
	pppoe_call_reset(call);
	kfree(call);
}

/**
 * pppoe_echo - keep what the call's packets echo from one of the peer's
 * @call: the call
 * @d: the peer's packet; its Host-Uniq no longer than PPPOE_UNIQ_MAX
 *
 * The AC's side keeps the host's Host-Uniq and both sides its
 * Relay-Session-Id (RFC 2516: a relay needs them back).
 */
void pppoe_echo(struct pppoe_call *call, const struct pppoe_disc *d)
{
	if (call->incoming && d->host_uniq.data) {
		memcpy(call->uniq, d->host_uniq.data, d->host_uniq.len);
		call->uniq_len = d->host_uniq.len;
	}
	if (d->relay_sid.data) {
		memcpy(call->relay, d->relay_sid.data, d->relay_sid.len);
		call->relay_len = d->relay_sid.len;
	}
}

/**
 * pppoe_uniq_is - whether a packet's Host-Uniq is the call's
 * @call: the call
 * @v: the packet's Host-Uniq (absent: only a call without one)
 *
 * Return: true if they are the same bytes.
 */
bool pppoe_uniq_is(const struct pppoe_call *call, const struct pppoe_val *v)
{
	if (!v->data)
		return !call->uniq_len;
	return v->len == call->uniq_len && !memcmp(v->data, call->uniq, v->len);
}

/**
 * pppoe_rx_padt - a PADT: the session's peer ends it
 * @pa: the adapter
 * @src: who sent it
 * @d: the packet
 *
 * The client of the session with @src and the PADT's session id hears an
 * incoming close; a PADT about any other session is not taken.
 * Context: pppoe_wq.
 * Return: whether it was taken.
 */
bool pppoe_rx_padt(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	struct pppoe_call *call;

	list_for_each_entry(call, &pa->calls, node) {
		if (call->state != PC_SESSION || call->sid != d->sid ||
		    !ether_addr_equal(call->peer, src) || READ_ONCE(call->deleted))
			continue;
		call->state = PC_PEER_GONE;
		condis_mcm_dispatch_incoming_close(0, call->vc, NULL, 0);
		return true;
	}
	return false;
}
