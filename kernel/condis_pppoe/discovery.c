// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: making calls, the host's side of PPPoE discovery (RFC
 * 2516, 5.1 to 5.4).
 *
 * Making a call sends a PADI for the service (broadcast, with a Host-Uniq
 * of the call's), takes the first PADO that offers the service (from the
 * AC the called address names, if it names one), sends that AC a PADR
 * echoing its AC-Cookie and Relay-Session-Id, and completes on the PADS:
 * with the session (the AC's MAC and the session id) in the call's
 * parameters, or with the error the PADS gives. PADI and PADR are resent
 * with the wait doubled, PPPOE_DISC_ATTEMPTS times in all; the first wait
 * for a PADS is pppd's, 5 s: an AC makes a session of every PADR it
 * answers (rp-pppoe's pppoe-server forks its pppd first), and a PADR
 * resent to a busy AC costs it a session nobody takes.
 */
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <net/condis_cm.h>
#include "call.h"
#include "discovery.h"
#include "miniport.h"

/* RFC 2516: no answer, send again and double the wait */
#define PPPOE_PADO_TIMEOUT_MS	1000
#define PPPOE_PADS_TIMEOUT_MS	5000
#define PPPOE_DISC_ATTEMPTS	3

static void pppoe_retry_arm(struct pppoe_call *call)
{
	unsigned int ms = call->state == PC_PADI ? PPPOE_PADO_TIMEOUT_MS : PPPOE_PADS_TIMEOUT_MS;

	mod_delayed_work(pppoe_wq, &call->retry, msecs_to_jiffies(ms << call->attempts));
}

/* Discovery failed: the client hears it, unless condis deleted the VC. */
static void pppoe_dial_failed(struct pppoe_call *call, int status)
{
	pppoe_call_reset(call);
	if (!READ_ONCE(call->deleted))
		condis_mcm_make_call_complete(status, call->vc, NULL, NULL, NULL);
}

/* The PADS gave a session: program it, activate the VC, complete the call. */
static void pppoe_dial_done(struct pppoe_call *call, u16 sid, u16 max_payload)
{
	struct pppoe_adapter *pa = call->pa;
	struct condis_call_params *cp;
	int ret = -ENOMEM;

	call->sid = sid;
	call->payload = pppoe_payload_agreed(call->payload, max_payload);
	cp = pppoe_session_params(call);
	if (cp)
		ret = pppoe_program(pa, call->vc, cp);
	if (!ret) {
		ret = condis_mcm_activate_vc(call->vc, cp);
		if (ret)
			pppoe_program(pa, call->vc, NULL);
	}
	if (ret) {		/* the AC has a session for us: end it */
		pppoe_send_disc(call, PPPOE_PADT, call->peer, 0);
		condis_call_params_free(cp);
		pppoe_dial_failed(call, ret);
		return;
	}
	cancel_delayed_work(&call->retry);
	kfree(call->cookie);
	call->cookie = NULL;
	call->state = PC_SESSION;
	condis_mcm_make_call_complete(0, call->vc, NULL, NULL, cp);
}

static bool pppoe_uniq_used(struct pppoe_adapter *pa, const u8 *uniq)
{
	struct pppoe_call *c;

	list_for_each_entry(c, &pa->calls, node)
		if (!c->incoming && !memcmp(c->uniq, uniq, sizeof(u32)))
			return true;
	return false;
}

static void pppoe_dial(struct pppoe_call *call)
{
	struct pppoe_adapter *pa = call->pa;
	u32 uniq;
	int ret;

	if (READ_ONCE(call->deleted))
		return;
	if (pa->going) {
		condis_mcm_make_call_complete(-ENETDOWN, call->vc, NULL, NULL, NULL);
		return;
	}
	do {
		uniq = get_random_u32();
		memcpy(call->uniq, &uniq, sizeof(uniq));
	} while (pppoe_uniq_used(pa, call->uniq));
	call->uniq_len = sizeof(uniq);
	/* all the link carries, offered in PPP-Max-Payload if over 1492 (RFC 4638) */
	call->payload = pppoe_payload_agreed(pppoe_link_payload(pa), U16_MAX);
	list_add_tail(&call->node, &pa->calls);
	call->state = PC_PADI;
	call->attempts = 0;
	ret = pppoe_send_disc(call, PPPOE_PADI, pa->b.dev->broadcast, 0);
	if (ret) {
		pppoe_dial_failed(call, ret);
		return;
	}
	pppoe_retry_arm(call);
}

static void pppoe_retry_fn(struct work_struct *work)
{
	struct pppoe_call *call = container_of(to_delayed_work(work), struct pppoe_call, retry);
	bool padi = call->state == PC_PADI;
	int ret;

	if ((call->state != PC_PADI && call->state != PC_PADR) || READ_ONCE(call->deleted))
		return;		/* (a deleted one goes with the work queued after) */
	if (++call->attempts >= PPPOE_DISC_ATTEMPTS) {
		/* no AC offers the service; the one that offered it is gone */
		pppoe_dial_failed(call, padi ? -EHOSTUNREACH : -ECONNREFUSED);
		return;
	}
	ret = pppoe_send_disc(call, padi ? PPPOE_PADI : PPPOE_PADR,
			      padi ? call->pa->b.dev->broadcast : call->peer, 0);
	if (ret)
		pppoe_dial_failed(call, ret);
	else
		pppoe_retry_arm(call);
}

/* The host's call that @d (a PADO or PADS) answers, in @state. */
static struct pppoe_call *pppoe_dialing(struct pppoe_adapter *pa, const struct pppoe_disc *d,
					u8 state)
{
	struct pppoe_call *c;

	list_for_each_entry(c, &pa->calls, node)
		if (!c->incoming && c->state == state && pppoe_uniq_is(c, &d->host_uniq) &&
		    !READ_ONCE(c->deleted))
			return c;
	return NULL;
}

/**
 * pppoe_rx_pado - a PADO: the first one that offers the service is taken
 * @pa: the adapter
 * @src: the AC that sent it
 * @d: the packet
 *
 * Context: pppoe_wq.
 * Return: whether it was taken.
 */
bool pppoe_rx_pado(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	struct pppoe_call *call = pppoe_dialing(pa, d, PC_PADI);
	int ret;

	if (!call || (!is_broadcast_ether_addr(call->want) && !ether_addr_equal(call->want, src)))
		return false;
	if (call->service_len && !pppoe_disc_offers(d, call->service, call->service_len))
		return false;
	if (d->cookie.data) {
		call->cookie = kmemdup(d->cookie.data, d->cookie.len, GFP_KERNEL);
		if (!call->cookie && d->cookie.len) {
			pppoe_dial_failed(call, -ENOMEM);
			return true;
		}
		call->cookie_len = d->cookie.len;
	}
	pppoe_echo(call, d);
	ether_addr_copy(call->peer, src);
	call->state = PC_PADR;
	call->attempts = 0;
	ret = pppoe_send_disc(call, PPPOE_PADR, call->peer, 0);
	if (ret)
		pppoe_dial_failed(call, ret);
	else
		pppoe_retry_arm(call);
	return true;
}

/**
 * pppoe_rx_pads - a PADS from the AC the PADR went to
 * @pa: the adapter
 * @src: the AC that sent it
 * @d: the packet: the session, or why there is none
 *
 * Context: pppoe_wq.
 * Return: whether it was taken.
 */
bool pppoe_rx_pads(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	struct pppoe_call *call = pppoe_dialing(pa, d, PC_PADR);

	if (!call || !ether_addr_equal(call->peer, src))
		return false;
	switch (d->error_tag) {
	case 0:
		pppoe_dial_done(call, d->sid, d->max_payload);
		break;
	case PPPOE_TAG_SERVICE_ERROR:
		pppoe_dial_failed(call, -ENOENT);	/* NDIS_STATUS_INVALID_ADDRESS */
		break;
	case PPPOE_TAG_AC_ERROR:
		pppoe_dial_failed(call, -EAGAIN);	/* NDIS_STATUS_VC_NOT_AVAILABLE */
		break;
	default:
		pppoe_dial_failed(call, -EIO);		/* NDIS_STATUS_FAILURE */
		break;
	}
	return true;
}

struct pppoe_shutdown {
	struct work_struct work;
	struct pppoe_adapter *pa;
};

static void pppoe_shutdown_fn(struct work_struct *work)
{
	struct pppoe_adapter *pa = container_of(work, struct pppoe_shutdown, work)->pa;
	struct pppoe_call *call, *tmp;

	pa->going = true;
	list_for_each_entry_safe(call, tmp, &pa->calls, node) {
		if (call->state == PC_PADI || call->state == PC_PADR) {
			pppoe_dial_failed(call, -ENETDOWN);
		} else if (call->state == PC_SESSION) {
			/* condis closes it without the wire: the peer hears it now */
			pppoe_send_disc(call, PPPOE_PADT, call->peer, 0);
			call->state = PC_PEER_GONE;
		}
	}
}

/**
 * pppoe_disc_shutdown - the adapter goes: no new call, discovery given up
 * @pa: the adapter
 *
 * Calls in discovery fail with -ENETDOWN now, rather than at the end of
 * their retries; sessions (either side's) end with a PADT to their peer,
 * and condis closes them and the calls offered after.
 * Context: process, not on pppoe_wq.
 */
void pppoe_disc_shutdown(struct pppoe_adapter *pa)
{
	struct pppoe_shutdown s = { .pa = pa };

	INIT_WORK_ONSTACK(&s.work, pppoe_shutdown_fn);
	queue_work(pppoe_wq, &s.work);	/* after what is queued there */
	flush_work(&s.work);
	destroy_work_on_stack(&s.work);
}

/* ---- the handlers (cm.c's table) -------------------------------------------------- */

/**
 * pppoe_dial_create_vc - ProtocolCoCreateVc: a client's VC, to make a call on
 * @cm_af_ctx: the AF (struct condis_cm_af)
 * @vc: the VC
 * @cm_vc_ctx: set to the call's context
 *
 * Return: 0 or -ENOMEM.
 */
int pppoe_dial_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct pppoe_call *call;

	call = pppoe_call_new(((struct condis_cm_af *)cm_af_ctx)->cm, pppoe_retry_fn,
			      GFP_KERNEL_ACCOUNT);
	if (!call)
		return -ENOMEM;
	call->vc = vc;
	*cm_vc_ctx = call;
	return 0;
}

/**
 * pppoe_dial_delete_vc - ProtocolCoDeleteVc: the client's VC goes
 * @cm_vc_ctx: its call
 *
 * Its call goes on pppoe_wq, after what is queued there for it.
 * Return: 0.
 */
int pppoe_dial_delete_vc(void *cm_vc_ctx)
{
	struct pppoe_call *call = cm_vc_ctx;

	WRITE_ONCE(call->deleted, true);
	pppoe_queue(pppoe_call_free, call, GFP_KERNEL | __GFP_NOFAIL);
	return 0;
}

/**
 * pppoe_make_call - ProtocolCmMakeCall: discovery, then the session
 * @cm_vc_ctx: the call
 * @cp: the parameters: the CM-specific block is the AC's MAC address
 *	(broadcast: any) and the service name
 * @party: NULL (a session has two ends)
 * @cm_party_ctx: unused
 *
 * Return: %CONDIS_PENDING, or a negative errno for an address that is
 * not one or a multipoint call.
 */
int pppoe_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
		    struct condis_party *party, void **cm_party_ctx)
{
	struct pppoe_call *call = cm_vc_ctx;
	const u8 *ac;

	if (party || (cp->flags & CONDIS_CALL_MULTIPOINT_VC))
		return -EOPNOTSUPP;
	if (cp->cm_specific_len < ETH_ALEN ||
	    cp->cm_specific_len > ETH_ALEN + CONDIS_PPPOE_SERVICE_MAX)
		return -EINVAL;
	ac = cp->cm_specific;
	if (!is_broadcast_ether_addr(ac) && !is_valid_ether_addr(ac))
		return -ENOENT;		/* NDIS_STATUS_INVALID_ADDRESS */
	ether_addr_copy(call->want, ac);
	call->service_len = cp->cm_specific_len - ETH_ALEN;
	memcpy(call->service, cp->cm_specific + ETH_ALEN, call->service_len);
	return pppoe_queue(pppoe_dial, call, GFP_KERNEL_ACCOUNT);
}
