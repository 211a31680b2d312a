// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe call manager: PPPoE discovery as CoNDIS calls (the host's
 * side, RFC 2516 section 5).
 *
 * Making a call sends a PADI for the service (broadcast, with a Host-Uniq
 * of the call's), takes the first PADO that offers the service (from the
 * AC the called address names, if it names one), sends that AC a PADR
 * echoing its AC-Cookie and Relay-Session-Id, and completes on the PADS:
 * with the session (the AC's MAC and the session id) in the call's
 * parameters, or with the error the PADS gives. PADI and PADR are resent
 * with the wait doubled, PPPOE_DISC_ATTEMPTS times. Closing a call sends
 * a PADT; a PADT from the session's AC is an incoming close.
 *
 * Every state change runs on pppoe_wq, an ordered workqueue: the
 * handlers only queue work, discovery packets arrive through the
 * adapter's queue (bind.c), retries are delayed work; no lock is held
 * while condis runs a client's handler.
 */
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/condis.h>
#include <net/condis_cm.h>
#include <net/condis_pppoe.h>
#include "discovery.h"
#include "miniport.h"
#include "wire.h"

/* RFC 2516: no answer, send again and double the wait */
#define PPPOE_DISC_TIMEOUT_MS	1000
#define PPPOE_DISC_ATTEMPTS	3

enum pppoe_call_state {
	PC_IDLE,
	PC_PADI,		/* PADI sent, waiting for a PADO */
	PC_PADR,		/* PADR sent, waiting for the PADS */
	PC_SESSION,		/* up */
	PC_PEER_GONE,		/* the AC sent a PADT: the client closes */
};

/**
 * struct pppoe_call - the call manager's context of a VC
 * @pa: the adapter
 * @vc: the VC
 * @node: in @pa's calls while in discovery or in session
 * @state: enum pppoe_call_state
 * @deleted: condis deleted the VC (set outside pppoe_wq)
 * @attempts: PADIs or PADRs sent so far
 * @host_uniq: its Host-Uniq, unique among the adapter's calls
 * @want: the AC to take offers from (broadcast: any)
 * @peer: the AC that offered
 * @sid: the session id
 * @service_len: the length of @service
 * @service: the service asked for
 * @relay_len: the length of @relay (0: none)
 * @relay: the PADO's Relay-Session-Id, echoed in the PADR
 * @cookie_len: the length of @cookie
 * @cookie: the PADO's AC-Cookie, echoed in the PADR (NULL: none)
 * @retry: resends the PADI or PADR
 */
struct pppoe_call {
	struct pppoe_adapter *pa;
	struct condis_vc *vc;
	struct list_head node;
	u8 state;
	bool deleted;
	u8 attempts;
	u32 host_uniq;
	u8 want[ETH_ALEN];
	u8 peer[ETH_ALEN];
	u16 sid;
	u8 service_len;
	u8 service[CONDIS_PPPOE_SERVICE_MAX];
	u8 relay_len;
	u8 relay[PPPOE_RELAY_SID_MAX];
	u16 cookie_len;
	u8 *cookie;
	struct delayed_work retry;
};

enum pppoe_op { PO_DIAL, PO_CLOSE, PO_FREE };

struct pppoe_work {
	struct work_struct work;
	enum pppoe_op op;
	struct pppoe_call *call;
};

static void pppoe_work_fn(struct work_struct *work);

static int pppoe_queue(enum pppoe_op op, struct pppoe_call *call, gfp_t gfp)
{
	struct pppoe_work *w = kzalloc(sizeof(*w), gfp);

	if (!w)
		return -ENOMEM;
	INIT_WORK(&w->work, pppoe_work_fn);
	w->op = op;
	w->call = call;
	queue_work(pppoe_wq, &w->work);
	return CONDIS_PENDING;
}

/* ---- sending ---------------------------------------------------------------- */

/* A PADI, PADR or PADT of @call to @dst. */
static int pppoe_send_disc(struct pppoe_call *call, u8 code, const u8 *dst)
{
	struct pppoe_adapter *pa = call->pa;
	unsigned int room = READ_ONCE(pa->dev->mtu);
	__be32 uniq = cpu_to_be32(call->host_uniq);
	struct pppoe_build b;
	struct sk_buff *skb;
	int len;

	skb = pppoe_alloc(pa, room);
	if (!skb)
		return -ENOMEM;
	pppoe_build_start(&b, skb_tail_pointer(skb), room, code,
			  code == PPPOE_PADT ? call->sid : 0);
	if (code != PPPOE_PADT)
		pppoe_build_tag(&b, PPPOE_TAG_SERVICE, call->service, call->service_len);
	pppoe_build_tag(&b, PPPOE_TAG_HOST_UNIQ, &uniq, sizeof(uniq));
	if (code == PPPOE_PADR && call->cookie)
		pppoe_build_tag(&b, PPPOE_TAG_COOKIE, call->cookie, call->cookie_len);
	if (code == PPPOE_PADR && call->relay_len)
		pppoe_build_tag(&b, PPPOE_TAG_RELAY_SID, call->relay, call->relay_len);
	len = pppoe_build_end(&b);
	if (len < 0) {
		kfree_skb(skb);
		return len;
	}
	skb_put(skb, len);
	return pppoe_xmit(pa, dst, ETH_P_PPP_DISC, skb);
}

static void pppoe_retry_arm(struct pppoe_call *call)
{
	mod_delayed_work(pppoe_wq, &call->retry,
			 msecs_to_jiffies(PPPOE_DISC_TIMEOUT_MS << call->attempts));
}

/* ---- the call's end ----------------------------------------------------------- */

/* Out of discovery or session: forget what the AC said. */
static void pppoe_call_reset(struct pppoe_call *call)
{
	cancel_delayed_work(&call->retry);	/* (it runs on pppoe_wq too) */
	if (!list_empty(&call->node))
		list_del_init(&call->node);
	kfree(call->cookie);
	call->cookie = NULL;
	call->cookie_len = 0;
	call->relay_len = 0;
	call->state = PC_IDLE;
}

/* Discovery failed: the client hears it, unless condis deleted the VC. */
static void pppoe_dial_failed(struct pppoe_call *call, int status)
{
	pppoe_call_reset(call);
	if (!READ_ONCE(call->deleted))
		condis_mcm_make_call_complete(status, call->vc, NULL, NULL, NULL);
}

/* The PADS gave a session: program it, activate the VC, complete the call. */
static void pppoe_dial_done(struct pppoe_call *call, u16 sid)
{
	struct pppoe_adapter *pa = call->pa;
	struct condis_pppoe_session *s;
	struct condis_call_params *cp;
	int ret = -ENOMEM;

	call->sid = sid;
	cp = condis_call_params_alloc(0, sizeof(*s), GFP_KERNEL);
	if (cp) {
		cp->media_specific_type = CONDIS_PPPOE_SESSION;
		s = (struct condis_pppoe_session *)cp->media_specific;
		ether_addr_copy(s->peer, call->peer);
		s->sid = cpu_to_be16(sid);
		/* the PPP frame: RFC 2516's MRU of 1492 and its protocol field */
		cp->tx.max_sdu_size = READ_ONCE(pa->dev->mtu) - PPPOE_HDR_LEN;
		cp->rx.max_sdu_size = cp->tx.max_sdu_size;
		ret = pppoe_program(pa, call->vc, s);
	}
	if (!ret) {
		ret = condis_mcm_activate_vc(call->vc, cp);
		if (ret)
			pppoe_program(pa, call->vc, NULL);
	}
	if (ret) {		/* the AC has a session for us: end it */
		pppoe_send_disc(call, PPPOE_PADT, call->peer);
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

/* ---- the work ------------------------------------------------------------------- */

static bool pppoe_uniq_used(struct pppoe_adapter *pa, u32 uniq)
{
	struct pppoe_call *c;

	list_for_each_entry(c, &pa->calls, node)
		if (c->host_uniq == uniq)
			return true;
	return false;
}

static void pppoe_do_dial(struct pppoe_call *call)
{
	struct pppoe_adapter *pa = call->pa;
	int ret;

	if (READ_ONCE(call->deleted))
		return;
	if (pa->going) {
		condis_mcm_make_call_complete(-ENETDOWN, call->vc, NULL, NULL, NULL);
		return;
	}
	do {
		call->host_uniq = get_random_u32();
	} while (pppoe_uniq_used(pa, call->host_uniq));
	list_add_tail(&call->node, &pa->calls);
	call->state = PC_PADI;
	call->attempts = 0;
	ret = pppoe_send_disc(call, PPPOE_PADI, pa->dev->broadcast);
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
			      padi ? call->pa->dev->broadcast : call->peer);
	if (ret)
		pppoe_dial_failed(call, ret);
	else
		pppoe_retry_arm(call);
}

static void pppoe_do_close(struct pppoe_call *call)
{
	if (call->state == PC_SESSION)
		pppoe_send_disc(call, PPPOE_PADT, call->peer);
	pppoe_call_reset(call);
	pppoe_program(call->pa, call->vc, NULL);
	condis_mcm_deactivate_vc(call->vc);
	condis_mcm_close_call_complete(0, call->vc, NULL);
}

static void pppoe_work_fn(struct work_struct *work)
{
	struct pppoe_work *w = container_of(work, struct pppoe_work, work);

	switch (w->op) {
	case PO_DIAL:
		pppoe_do_dial(w->call);
		break;
	case PO_CLOSE:
		pppoe_do_close(w->call);
		break;
	case PO_FREE:
		pppoe_call_reset(w->call);
		kfree(w->call);
		break;
	}
	kfree(w);
}

/* ---- discovery packets from the wire (pppoe_wq) ----------------------------------- */

static struct pppoe_call *pppoe_call_of(struct pppoe_adapter *pa, const struct pppoe_disc *d,
					u8 state)
{
	struct pppoe_call *c;
	__be32 uniq;

	if (!d->host_uniq.data || d->host_uniq.len != sizeof(uniq))
		return NULL;
	memcpy(&uniq, d->host_uniq.data, sizeof(uniq));
	list_for_each_entry(c, &pa->calls, node)
		if (c->host_uniq == be32_to_cpu(uniq) && c->state == state &&
		    !READ_ONCE(c->deleted))
			return c;
	return NULL;
}

/* A PADO: the first one that offers the service is taken. */
static bool pppoe_rx_pado(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	struct pppoe_call *call = pppoe_call_of(pa, d, PC_PADI);
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
	if (d->relay_sid.data) {
		memcpy(call->relay, d->relay_sid.data, d->relay_sid.len);
		call->relay_len = d->relay_sid.len;
	}
	ether_addr_copy(call->peer, src);
	call->state = PC_PADR;
	call->attempts = 0;
	ret = pppoe_send_disc(call, PPPOE_PADR, call->peer);
	if (ret)
		pppoe_dial_failed(call, ret);
	else
		pppoe_retry_arm(call);
	return true;
}

/* A PADS from the AC the PADR went to: the session, or why there is none. */
static bool pppoe_rx_pads(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
{
	struct pppoe_call *call = pppoe_call_of(pa, d, PC_PADR);

	if (!call || !ether_addr_equal(call->peer, src))
		return false;
	switch (d->error_tag) {
	case 0:
		pppoe_dial_done(call, d->sid);
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

/* A PADT from a session's AC: the client hears an incoming close. */
static bool pppoe_rx_padt(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d)
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

/**
 * pppoe_rx_disc - a discovery packet for the call manager
 * @pa: the adapter
 * @skb: linear, from the PPPoE header on; the caller frees it
 *
 * Context: pppoe_wq.
 */
void pppoe_rx_disc(struct pppoe_adapter *pa, struct sk_buff *skb)
{
	const u8 *src = eth_hdr(skb)->h_source;
	bool unicast = skb->pkt_type == PACKET_HOST;
	struct pppoe_disc d;
	bool taken = false;

	if (pppoe_disc_parse(skb->data, skb->len, &d)) {
		condis_adapter_count_drop(pa->adapter, CONDIS_DROP_MALFORMED);
		return;
	}
	if (d.code == PPPOE_PADO && unicast)
		taken = pppoe_rx_pado(pa, src, &d);
	else if (d.code == PPPOE_PADS && unicast)
		taken = pppoe_rx_pads(pa, src, &d);
	else if (d.code == PPPOE_PADT && unicast)
		taken = pppoe_rx_padt(pa, src, &d);
	if (!taken)	/* about no call of ours, or an AC's (PADI, PADR) */
		condis_adapter_count_drop(pa->adapter, CONDIS_DROP_UNMATCHED);
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
	list_for_each_entry_safe(call, tmp, &pa->calls, node)
		if (call->state == PC_PADI || call->state == PC_PADR)
			pppoe_dial_failed(call, -ENETDOWN);
}

/**
 * pppoe_disc_shutdown - the adapter goes: no new call, discovery given up
 * @pa: the adapter
 *
 * Calls in discovery fail with -ENETDOWN now, rather than at the end of
 * their retries; calls in session are closed by condis after.
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

/* ---- the handlers ----------------------------------------------------------------- */

static int pppoe_register_sap(void *cm_af_ctx, const struct condis_sap_desc *desc,
			      struct condis_sap *sap, void **cm_sap_ctx)
{
	return -EOPNOTSUPP;	/* the access concentrator's side: not yet */
}

static int pppoe_deregister_sap(void *cm_sap_ctx)
{
	return 0;		/* (no SAP registers) */
}

static int pppoe_create_vc_cm(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct pppoe_call *call = kzalloc(sizeof(*call), GFP_KERNEL_ACCOUNT);

	if (!call)
		return -ENOMEM;
	call->pa = ((struct condis_cm_af *)cm_af_ctx)->cm;
	call->vc = vc;
	INIT_LIST_HEAD(&call->node);
	INIT_DELAYED_WORK(&call->retry, pppoe_retry_fn);
	*cm_vc_ctx = call;
	return 0;
}

/* Let go of the VC on pppoe_wq, after what is queued there for it. */
static int pppoe_delete_vc_cm(void *cm_vc_ctx)
{
	struct pppoe_call *call = cm_vc_ctx;

	WRITE_ONCE(call->deleted, true);
	pppoe_queue(PO_FREE, call, GFP_KERNEL | __GFP_NOFAIL);
	return 0;
}

static int pppoe_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
			   struct condis_party *party, void **cm_party_ctx)
{
	struct pppoe_call *call = cm_vc_ctx;
	const u8 *ac;

	if (party || (cp->flags & CONDIS_CALL_MULTIPOINT_VC))
		return -EOPNOTSUPP;	/* a session has two ends */
	if (cp->cm_specific_len < ETH_ALEN ||
	    cp->cm_specific_len > ETH_ALEN + CONDIS_PPPOE_SERVICE_MAX)
		return -EINVAL;
	ac = cp->cm_specific;
	if (!is_broadcast_ether_addr(ac) && !is_valid_ether_addr(ac))
		return -ENOENT;		/* NDIS_STATUS_INVALID_ADDRESS */
	ether_addr_copy(call->want, ac);
	call->service_len = cp->cm_specific_len - ETH_ALEN;
	memcpy(call->service, cp->cm_specific + ETH_ALEN, call->service_len);
	return pppoe_queue(PO_DIAL, call, GFP_KERNEL_ACCOUNT);
}

static int pppoe_close_call(void *cm_vc_ctx, void *cm_party_ctx, const void *buf, u32 len)
{
	/* (requests that take things down do not fail for memory) */
	return pppoe_queue(PO_CLOSE, cm_vc_ctx, GFP_KERNEL | __GFP_NOFAIL);
}

/* No call is offered (no SAP registers): no answer comes. */
static void pppoe_incoming_call_complete(int status, void *cm_vc_ctx,
					 const struct condis_call_params *cp)
{
}

static int pppoe_add_party(void *cm_vc_ctx, struct condis_call_params *cp,
			   struct condis_party *party, void **cm_party_ctx)
{
	return -EOPNOTSUPP;
}

static int pppoe_drop_party(void *cm_party_ctx, const void *buf, u32 len)
{
	return -EOPNOTSUPP;
}

static int pppoe_modify_qos(void *cm_vc_ctx, struct condis_call_params *cp)
{
	return -EOPNOTSUPP;	/* PPPoE has no QoS to negotiate */
}

/* (an MCM activates its VCs itself: no completion comes) */
static void pppoe_activate_complete(int status, void *cm_vc_ctx,
				    const struct condis_call_params *cp)
{
}

static void pppoe_deactivate_complete(int status, void *cm_vc_ctx)
{
}

static void pppoe_notify_close_af_complete(int status, void *cm_af_ctx)
{
}

static int pppoe_oid_request(void *cm_af_ctx, void *cm_vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void pppoe_oid_request_complete(void *cm_af_ctx, struct condis_oid_request *req,
				       int status)
{
}

const struct condis_cm_ops pppoe_cm_ops = {
	.open_af = condis_cm_af_open,
	.close_af = condis_cm_af_close,
	.register_sap = pppoe_register_sap,
	.deregister_sap = pppoe_deregister_sap,
	.create_vc = pppoe_create_vc_cm,
	.delete_vc = pppoe_delete_vc_cm,
	.make_call = pppoe_make_call,
	.close_call = pppoe_close_call,
	.incoming_call_complete = pppoe_incoming_call_complete,
	.add_party = pppoe_add_party,
	.drop_party = pppoe_drop_party,
	.modify_qos = pppoe_modify_qos,
	.activate_vc_complete = pppoe_activate_complete,
	.deactivate_vc_complete = pppoe_deactivate_complete,
	.notify_close_af_complete = pppoe_notify_close_af_complete,
	.oid_request = pppoe_oid_request,
	.oid_request_complete = pppoe_oid_request_complete,
};
