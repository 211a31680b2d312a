// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: the integrated call manager, wired: its handler table
 * (the host's side in discovery.c, the AC's in ac.c, what both share in
 * call.c) and the discovery packets from the wire, each to the side it is
 * for. A packet taken by neither is counted as unmatched.
 */
#include <net/condis_cm.h>
#include "ac.h"
#include "call.h"
#include "cm.h"
#include "discovery.h"

/**
 * pppoe_rx_disc - a discovery packet for the call manager
 * @pa: the adapter
 * @skb: linear, from the PPPoE header on; the caller frees it
 *
 * Only a PADI may come broadcast; everything else is for this station.
 * Context: pppoe_wq.
 */
void pppoe_rx_disc(struct pppoe_adapter *pa, struct sk_buff *skb)
{
	const u8 *src = eth_hdr(skb)->h_source;
	bool unicast = skb->pkt_type == PACKET_HOST;
	struct pppoe_disc d;
	bool taken = false;

	if (pppoe_disc_parse(skb->data, skb->len, &d)) {
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_MALFORMED);
		return;
	}
	switch (d.code) {
	case PPPOE_PADI:
		taken = pppoe_rx_padi(pa, src, &d);
		break;
	case PPPOE_PADO:
		taken = unicast && pppoe_rx_pado(pa, src, &d);
		break;
	case PPPOE_PADR:
		taken = unicast && pppoe_rx_padr(pa, src, &d);
		break;
	case PPPOE_PADS:
		taken = unicast && pppoe_rx_pads(pa, src, &d);
		break;
	case PPPOE_PADT:
		taken = unicast && pppoe_rx_padt(pa, src, &d);
		break;
	}
	if (!taken)
		condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_UNMATCHED);
}

static int pppoe_close_call(void *cm_vc_ctx, void *cm_party_ctx, const void *buf, u32 len)
{
	/* (requests that take things down do not fail for memory) */
	return pppoe_queue(pppoe_call_close, cm_vc_ctx, GFP_KERNEL | __GFP_NOFAIL);
}

/* ---- what a PPPoE session does not have --------------------------------------------- */

static int pppoe_add_party(void *cm_vc_ctx, struct condis_call_params *cp,
			   struct condis_party *party, void **cm_party_ctx)
{
	return -EOPNOTSUPP;	/* a session has two ends */
}

static int pppoe_drop_party(void *cm_party_ctx, const void *buf, u32 len)
{
	return -EOPNOTSUPP;
}

static int pppoe_modify_qos(void *cm_vc_ctx, struct condis_call_params *cp)
{
	return -EOPNOTSUPP;	/* nor QoS to negotiate */
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
	.create_vc = pppoe_dial_create_vc,
	.delete_vc = pppoe_dial_delete_vc,
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
