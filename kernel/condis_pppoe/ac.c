// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: answering calls, the access concentrator's side of PPPoE
 * discovery (RFC 2516, 5.2 to 5.4).
 *
 * A service is a SAP: its address is the service name (an empty one
 * stands for any service). A PADI for a service of a SAP (or for any,
 * when there are SAPs) is answered by a PADO under the adapter's AC name,
 * with an AC-Cookie made from the host's MAC address and the time
 * (cookie.c): the AC keeps no state per PADI, and PADOs are limited to
 * PPPOE_PADO_PER_SEC a second. A PADR for a SAP's service with a valid
 * cookie becomes an incoming call on that SAP, its VC activated with a
 * new session (a random session id unused on the adapter); the client's
 * accept sends the PADS, its reject a PADS with Service-Name-Error. A
 * host has PPPOE_SESSIONS_PER_MAC sessions at most, an adapter
 * PPPOE_SESSIONS_MAX; beyond, a PADR is answered with AC-System-Error.
 */
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <net/condis_cm.h>
#include "ac.h"
#include "call.h"
#include "cookie.h"
#include "miniport.h"

#define PPPOE_PADO_PER_SEC	500
#define PPPOE_SESSIONS_PER_MAC	8
#define PPPOE_SESSIONS_MAX	1024

/* ---- services ------------------------------------------------------------------- */

struct pppoe_sap_work {
	struct work_struct work;
	struct condis_cm_sap *s;
	bool add;
};

static void pppoe_sap_work_fn(struct work_struct *work)
{
	struct pppoe_sap_work *w = container_of(work, struct pppoe_sap_work, work);
	struct condis_cm_sap *s = w->s;
	struct pppoe_adapter *pa = s->af->cm;
	struct condis_sap *sap = s->sap;
	int ret = 0;

	if (w->add) {
		ret = condis_cm_sap_add(&pa->saps, s);
		if (ret)
			kfree(s);
		condis_mcm_register_sap_complete(ret, sap, ret ? NULL : s);
	} else {
		condis_cm_sap_del(s);
		condis_mcm_deregister_sap_complete(0, sap);
	}
	kfree(w);
}

static int pppoe_sap_queue(struct condis_cm_sap *s, bool add, gfp_t gfp)
{
	struct pppoe_sap_work *w = kzalloc(sizeof(*w), gfp);

	if (!w)
		return -ENOMEM;
	INIT_WORK(&w->work, pppoe_sap_work_fn);
	w->s = s;
	w->add = add;
	queue_work(pppoe_wq, &w->work);
	return CONDIS_PENDING;
}

/**
 * pppoe_register_sap - ProtocolCmRegisterSap: offer a service
 * @cm_af_ctx: the AF (struct condis_cm_af)
 * @desc: the SAP: its address is the service name (empty: any service)
 * @sap: condis's handle
 * @cm_sap_ctx: set to the SAP's context
 *
 * Return: %CONDIS_PENDING, or a negative errno (a name too long).
 */
int pppoe_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
		       struct condis_sap *sap, void **cm_sap_ctx)
{
	struct condis_cm_sap *s;
	int ret;

	if (desc->len > CONDIS_PPPOE_SERVICE_MAX)
		return -EINVAL;
	s = condis_cm_sap_new(cm_af_ctx, desc, sap);
	if (IS_ERR(s))
		return PTR_ERR(s);
	*cm_sap_ctx = s;
	ret = pppoe_sap_queue(s, true, GFP_KERNEL);
	if (ret < 0)
		kfree(s);
	return ret;
}

/**
 * pppoe_deregister_sap - ProtocolCmDeregisterSap: the service is no more
 * @cm_sap_ctx: the SAP's context
 *
 * Return: %CONDIS_PENDING.
 */
int pppoe_deregister_sap(void *cm_sap_ctx)
{
	/* (requests that take things down do not fail for memory) */
	return pppoe_sap_queue(cm_sap_ctx, false, GFP_KERNEL | __GFP_NOFAIL);
}

/* ---- PADI: an offer, and no state ---------------------------------------------------- */

static bool pppoe_pado_allowed(struct pppoe_adapter *pa)
{
	if (time_after(jiffies, pa->pado_window + HZ)) {
		pa->pado_window = jiffies;
		pa->pado_count = 0;
	}
	return pa->pado_count++ < PPPOE_PADO_PER_SEC;
}

/*
 * A PADO to @src: the service asked for, the others when it asked for any;
 * the PPP-Max-Payload it asked for, as much of it as the link carries, if
 * that is over 1492 (RFC 4638).
 */
static int pppoe_send_pado(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	u16 payload = pppoe_payload_agreed(pppoe_link_payload(pa), d->max_payload);
	unsigned int room = READ_ONCE(pa->b.dev->mtu);
	u8 cookie[PPPOE_COOKIE_LEN];
	struct condis_cm_sap *s;
	struct pppoe_build b;
	struct sk_buff *skb;
	int len;

	skb = pppoe_alloc(pa, room);
	if (!skb)
		return -ENOMEM;
	pppoe_build_start(&b, skb_tail_pointer(skb), room, PPPOE_PADO, 0);
	pppoe_build_tag(&b, PPPOE_TAG_AC_NAME, pa->ac_name, pa->ac_name_len);
	pppoe_build_val(&b, PPPOE_TAG_SERVICE, &d->service);
	if (!d->service.len)
		list_for_each_entry(s, &pa->saps, node)
			if (s->desc.len)
				pppoe_build_tag(&b, PPPOE_TAG_SERVICE, s->desc.sap, s->desc.len);
	pppoe_cookie_make(&pa->cookie_key, pppoe_cookie_slot(), src, cookie);
	pppoe_build_tag(&b, PPPOE_TAG_COOKIE, cookie, sizeof(cookie));
	pppoe_build_val(&b, PPPOE_TAG_HOST_UNIQ, &d->host_uniq);
	pppoe_build_val(&b, PPPOE_TAG_RELAY_SID, &d->relay_sid);
	if (payload > PPPOE_MRU)
		pppoe_build_u16(&b, PPPOE_TAG_MAX_PAYLOAD, payload);
	len = pppoe_build_end(&b);
	if (len < 0) {
		kfree_skb(skb);
		return len;
	}
	skb_put(skb, len);
	return pppoe_xmit(pa, src, ETH_P_PPP_DISC, skb);
}

/* The SAP of the service @d asks for, or of any service. */
static struct condis_cm_sap *pppoe_sap_of(struct pppoe_adapter *pa, const struct pppoe_disc *d)
{
	return condis_cm_sap_find(&pa->saps, d->service.data, d->service.len) ?:
	       condis_cm_sap_find(&pa->saps, "", 0);
}

/**
 * pppoe_rx_padi - a PADI: offer the service if a SAP has it
 * @pa: the adapter
 * @src: the host
 * @d: the packet
 *
 * Context: pppoe_wq.
 * Return: whether it was taken (answered, or over the PADO rate).
 */
bool pppoe_rx_padi(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	if (list_empty(&pa->saps) || (d->service.len && !pppoe_sap_of(pa, d)))
		return false;
	if (!pppoe_pado_allowed(pa)) {
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_RATE_LIMITED);
		return true;
	}
	pppoe_send_pado(pa, src, d);
	return true;
}

/* ---- PADR: an incoming call ---------------------------------------------------------- */

/* A PADS that refuses a PADR, sent without a call. */
static void pppoe_refuse(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d,
			 u16 error)
{
	struct pppoe_call *tmp = pppoe_call_new(pa, NULL, GFP_KERNEL);

	if (!tmp)
		return;
	tmp->service_len = d->service.len;
	memcpy(tmp->service, d->service.data, d->service.len);
	pppoe_echo(tmp, d);
	pppoe_send_disc(tmp, PPPOE_PADS, src, error);
	kfree(tmp);
}

static bool pppoe_sid_used(struct pppoe_adapter *pa, u16 sid)
{
	struct pppoe_call *c;

	list_for_each_entry(c, &pa->calls, node)
		if (c->incoming && c->sid == sid)
			return true;
	return false;
}

/* How many of the adapter's sessions (offered or up) @src has, and in all. */
static unsigned int pppoe_sessions(struct pppoe_adapter *pa, const u8 *src, unsigned int *all)
{
	struct pppoe_call *c;
	unsigned int n = 0;

	*all = 0;
	list_for_each_entry(c, &pa->calls, node) {
		if (!c->incoming)
			continue;
		(*all)++;
		n += ether_addr_equal(c->peer, src);
	}
	return n;
}

/* The call a PADR resent (its PADS lost) is about, if any. */
static struct pppoe_call *pppoe_answering(struct pppoe_adapter *pa, const u8 *src,
					  const struct pppoe_disc *d)
{
	struct pppoe_call *c;

	list_for_each_entry(c, &pa->calls, node)
		if (c->incoming && ether_addr_equal(c->peer, src) &&
		    pppoe_uniq_is(c, &d->host_uniq))
			return c;
	return NULL;
}

/* Offer @call to @sap's client: a VC, active with the session; 0 if offered. */
static int pppoe_offer(struct pppoe_call *call, struct condis_cm_sap *sap)
{
	struct pppoe_adapter *pa = call->pa;
	struct condis_call_params *cp;
	int ret;

	ret = condis_mcm_create_vc(sap->af->af, call, &call->vc);
	if (ret)
		return ret;
	cp = pppoe_session_params(call);
	ret = cp ? pppoe_program(pa, call->vc, cp) : -ENOMEM;
	if (!ret) {
		ret = condis_mcm_activate_vc(call->vc, cp);
		if (ret)
			pppoe_program(pa, call->vc, NULL);
	}
	if (!ret) {
		list_add_tail(&call->node, &pa->calls);
		call->state = PC_OFFERED;
		ret = condis_mcm_dispatch_incoming_call(sap->sap, call->vc, cp);
		if (ret) {
			pppoe_call_reset(call);
			pppoe_program(pa, call->vc, NULL);
			condis_mcm_deactivate_vc(call->vc);
		}
	}
	condis_call_params_free(cp);
	if (ret)
		condis_mcm_delete_vc(call->vc);
	return ret;
}

/**
 * pppoe_rx_padr - a PADR: an incoming call, if the cookie is good
 * @pa: the adapter
 * @src: the host
 * @d: the packet
 *
 * Context: pppoe_wq.
 * Return: whether it was taken.
 */
bool pppoe_rx_padr(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	struct condis_cm_sap *sap = pppoe_sap_of(pa, d);
	struct pppoe_call *call;
	unsigned int all;

	/* no answer at all without a PADO of ours: a PADR costs nothing else */
	if (!pppoe_cookie_valid(&pa->cookie_key, pppoe_cookie_slot(), src, &d->cookie)) {
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_TOKEN);
		return true;
	}
	if (d->host_uniq.len > PPPOE_UNIQ_MAX) {
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_MALFORMED);
		return true;
	}
	if (!sap || pa->going) {
		pppoe_refuse(pa, src, d, PPPOE_TAG_SERVICE_ERROR);
		return true;
	}
	call = pppoe_answering(pa, src, d);
	if (call) {		/* resent: the PADS again, once there is one */
		if (call->state == PC_SESSION)
			pppoe_send_disc(call, PPPOE_PADS, src, 0);
		return true;
	}
	if (pppoe_sessions(pa, src, &all) >= PPPOE_SESSIONS_PER_MAC ||
	    all >= PPPOE_SESSIONS_MAX) {
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_HALF_OPEN);
		pppoe_refuse(pa, src, d, PPPOE_TAG_AC_ERROR);
		return true;
	}
	call = pppoe_call_new(pa, NULL, GFP_KERNEL_ACCOUNT);
	if (!call) {
		pppoe_refuse(pa, src, d, PPPOE_TAG_AC_ERROR);
		return true;
	}
	ether_addr_copy(call->peer, src);
	call->service_len = d->service.len;
	memcpy(call->service, d->service.data, d->service.len);
	pppoe_echo(call, d);
	call->payload = pppoe_payload_agreed(pppoe_link_payload(pa), d->max_payload);
	do {
		call->sid = 1 + get_random_u32() % (PPPOE_SID_RESERVED - 1);
	} while (pppoe_sid_used(pa, call->sid));
	if (pppoe_offer(call, sap)) {
		pppoe_refuse(pa, src, d, PPPOE_TAG_AC_ERROR);
		kfree(call);
	}
	return true;
}

/* The client answered: PADS with the session, or with Service-Name-Error. */
static void pppoe_answer(struct pppoe_call *call)
{
	struct pppoe_adapter *pa = call->pa;

	if (call->state != PC_OFFERED)
		return;
	if (!call->answer) {
		call->state = PC_SESSION;
		pppoe_send_disc(call, PPPOE_PADS, call->peer, 0);
		condis_mcm_dispatch_call_connected(call->vc);
		return;
	}
	pppoe_send_disc(call, PPPOE_PADS, call->peer, PPPOE_TAG_SERVICE_ERROR);
	pppoe_call_reset(call);
	pppoe_program(pa, call->vc, NULL);
	condis_mcm_deactivate_vc(call->vc);
	if (!pa->going)
		condis_mcm_delete_vc(call->vc);
	kfree(call);
}

/**
 * pppoe_incoming_call_complete - ProtocolCmIncomingCallComplete
 * @status: the client's answer: 0 accepts
 * @cm_vc_ctx: the call
 * @cp: the parameters it accepted with (the session's: unchanged)
 */
void pppoe_incoming_call_complete(int status, void *cm_vc_ctx,
				  const struct condis_call_params *cp)
{
	struct pppoe_call *call = cm_vc_ctx;

	call->answer = status;
	pppoe_queue(pppoe_answer, call, GFP_KERNEL | __GFP_NOFAIL);
}
