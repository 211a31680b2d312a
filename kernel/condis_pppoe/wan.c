// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe as a CoNDIS WAN miniport (<net/condis_wan.h>), which is what
 * condis_ppp (NDISWAN's twin) asks of it: what its VCs carry
 * (OID_WAN_CO_GET_INFO: PPP frames of the session's payload, RFC 2516's
 * 1492 on Ethernet or what RFC 4638's PPP-Max-Payload agreed; asked of
 * the adapter, of 1492 or less if its link is smaller), how a VC is framed
 * (OID_WAN_CO_SET_LINK_INFO / OID_WAN_CO_GET_LINK_INFO), and the send window
 * of a VC once it has a session (NDIS_STATUS_WAN_CO_LINKPARAMS).
 *
 * RFC 2516 forbids ACFC, ACCMs and FCS alternatives on PPPoE: a link set
 * with address-and-control compression or an ACCM is refused.
 */
#include <linux/ppp_defs.h>
#include "wan.h"
#include "wire.h"

/* sends a session may have outstanding */
#define PPPOE_SEND_WINDOW	32

/*
 * The largest PPP frame a VC carries, less its 2-byte protocol field: its
 * session's payload once it has one (under @pa's lock), else RFC 2516's.
 */
static u32 pppoe_wan_max_frame(struct pppoe_adapter *pa, struct pppoe_port *port)
{
	if (port && port->active)
		return port->payload;
	return pppoe_payload_agreed(pppoe_link_payload(pa), 0);
}

void pppoe_wan_link_init(struct pppoe_port *port)
{
	u32 max = pppoe_wan_max_frame(port->pa, NULL);

	port->link = (struct condis_wan_co_link_info) {
		.max_send_frame_size = max,
		.max_recv_frame_size = max,
		.send_framing_bits = CONDIS_WAN_PPP_FRAMING,
		.recv_framing_bits = CONDIS_WAN_PPP_FRAMING,
	};
}

/* A VC has its session: its send window, for NDISWAN's twin. */
void pppoe_wan_linkparams(struct pppoe_port *port)
{
	struct condis_wan_co_linkparams p = { .send_window = PPPOE_SEND_WINDOW };

	condis_mco_indicate_status(port->pa->b.adapter, port->vc,
				   CONDIS_NDIS_STATUS_WAN_CO_LINKPARAMS, &p, sizeof(p));
}

static int pppoe_wan_get_info(struct pppoe_adapter *pa, struct pppoe_port *port,
			      struct condis_oid_request *req)
{
	struct condis_wan_co_info info = {
		.max_send_window = PPPOE_SEND_WINDOW,
		.framing_bits = CONDIS_WAN_PPP_FRAMING | CONDIS_WAN_PPP_COMPRESS_PROTOCOL_FIELD,
	};

	spin_lock_bh(&pa->lock);
	info.max_frame_size = pppoe_wan_max_frame(pa, port);
	spin_unlock_bh(&pa->lock);
	if (req->type != CONDIS_OID_QUERY)
		return -EOPNOTSUPP;
	if (req->len < sizeof(info)) {
		req->bytes_needed = sizeof(info);
		return -ENOBUFS;
	}
	memcpy(req->buf, &info, sizeof(info));
	req->bytes_done = sizeof(info);
	return 0;
}

static int pppoe_wan_set_link(struct pppoe_port *port, struct condis_oid_request *req)
{
	struct pppoe_adapter *pa = port->pa;
	struct condis_wan_co_link_info link;
	u32 framing = CONDIS_WAN_PPP_FRAMING | CONDIS_WAN_PPP_COMPRESS_PROTOCOL_FIELD;
	bool fits;

	if (req->len < sizeof(link)) {
		req->bytes_needed = sizeof(link);
		return -ENOBUFS;
	}
	memcpy(&link, req->buf, sizeof(link));
	if (!(link.send_framing_bits & CONDIS_WAN_PPP_FRAMING) ||
	    (link.send_framing_bits | link.recv_framing_bits) & ~framing ||
	    link.send_accm || link.recv_accm)
		return -EINVAL;		/* NDIS_STATUS_INVALID_DATA */
	spin_lock_bh(&pa->lock);
	fits = max(link.max_send_frame_size, link.max_recv_frame_size) <=
	       pppoe_wan_max_frame(pa, port);
	if (fits)
		port->link = link;
	spin_unlock_bh(&pa->lock);
	if (!fits)
		return -EINVAL;
	req->bytes_done = sizeof(link);
	return 0;
}

static int pppoe_wan_get_link(struct pppoe_port *port, struct condis_oid_request *req)
{
	struct pppoe_adapter *pa = port->pa;

	if (req->len < sizeof(port->link)) {
		req->bytes_needed = sizeof(port->link);
		return -ENOBUFS;
	}
	spin_lock_bh(&pa->lock);
	memcpy(req->buf, &port->link, sizeof(port->link));
	spin_unlock_bh(&pa->lock);
	req->bytes_done = sizeof(port->link);
	return 0;
}

/* MiniportCoOidRequest: the WAN OIDs; anything else is NDIS_STATUS_INVALID_OID. */
int pppoe_wan_oid_request(void *mp_ctx, void *mp_vc_ctx, struct condis_oid_request *req)
{
	struct pppoe_port *port = mp_vc_ctx;

	switch (req->oid) {
	case CONDIS_OID_WAN_CO_GET_INFO:
		return pppoe_wan_get_info(mp_ctx, port, req);
	case CONDIS_OID_WAN_CO_SET_LINK_INFO:
		if (!port || req->type != CONDIS_OID_SET)
			return -EINVAL;
		return pppoe_wan_set_link(port, req);
	case CONDIS_OID_WAN_CO_GET_LINK_INFO:
		if (!port || req->type != CONDIS_OID_QUERY)
			return -EINVAL;
		return pppoe_wan_get_link(port, req);
	default:
		return -ENOTTY;
	}
}
