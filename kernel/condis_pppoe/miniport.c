// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe miniport: VCs and the session data path.
 *
 * Activation gives a VC its session (struct condis_pppoe_session in the
 * media-specific parameters): from then on a send goes out as one session
 * packet to the peer, and a session packet from that peer with that
 * session id is the VC's receive, the Ethernet padding after its PPPoE
 * length left out. Anything else of EtherType 0x8864 is dropped and
 * counted.
 */
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include <net/condis_pppoe.h>
#include "miniport.h"
#include "wan.h"
#include "wire.h"

static int pppoe_create_vc(void *mp_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct pppoe_port *port = kzalloc(sizeof(*port), GFP_KERNEL_ACCOUNT);
	struct pppoe_adapter *pa = mp_ctx;
	int ret;

	if (!port)
		return -ENOMEM;
	port->pa = pa;
	port->vc = vc;
	pppoe_wan_link_init(port);
	ret = xa_insert(&pa->ports, (unsigned long)vc, port, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(port);
		return ret;
	}
	*mp_vc_ctx = port;
	return 0;
}

/* The session of an active port: no frame reaches it after this. */
static void pppoe_port_unhash(struct pppoe_port *port)
{
	struct pppoe_adapter *pa = port->pa;

	spin_lock_bh(&pa->lock);
	if (port->active) {
		hash_del_rcu(&port->node);
		port->active = false;
	}
	spin_unlock_bh(&pa->lock);
}

static int pppoe_delete_vc(void *mp_vc_ctx)
{
	struct pppoe_port *port = mp_vc_ctx;

	xa_erase(&port->pa->ports, (unsigned long)port->vc);
	pppoe_port_unhash(port);
	kfree_rcu(port, rcu);
	return 0;
}

/* The port of the session @sid with @peer (RCU or pa->lock). */
static struct pppoe_port *pppoe_session_find(struct pppoe_adapter *pa, const u8 *peer,
					     u16 sid)
{
	struct pppoe_port *port;

	hash_for_each_possible_rcu(pa->sessions, port, node, sid)
		if (port->sid == sid && ether_addr_equal(port->peer, peer))
			return port;
	return NULL;
}

/*
 * Give an inactive port its session (@cp's media-specific block): its
 * frames go to the session's peer from now on, of at most the payload of
 * @cp's max_sdu_size (RFC 2516's 1492 if it has none).
 */
static int pppoe_port_set(struct pppoe_port *port, const struct condis_call_params *cp)
{
	const struct condis_pppoe_session *s = (const void *)cp->media_specific;
	struct pppoe_adapter *pa = port->pa;
	u16 sid = be16_to_cpu(s->sid);
	u32 sdu = cp->tx.max_sdu_size;
	int ret = 0;

	if (!is_valid_ether_addr(s->peer) || !sid || sid == PPPOE_SID_RESERVED)
		return -EINVAL;
	spin_lock_bh(&pa->lock);
	if (port->active)
		ret = -EALREADY;
	else if (pppoe_session_find(pa, s->peer, sid))
		ret = -EADDRINUSE;
	if (!ret) {
		ether_addr_copy(port->peer, s->peer);
		port->sid = sid;
		port->payload = sdu > PPPOE_PROTO_LEN ?
				min(sdu - PPPOE_PROTO_LEN, pppoe_link_payload(pa)) :
				pppoe_payload_agreed(pppoe_link_payload(pa), 0);
		port->link.max_send_frame_size = port->payload;
		port->link.max_recv_frame_size = port->payload;
		port->active = true;
		hash_add_rcu(pa->sessions, &port->node, sid);
	}
	spin_unlock_bh(&pa->lock);
	if (!ret)
		pppoe_wan_linkparams(port);
	return ret;
}

/**
 * pppoe_program - the call manager gives a VC its session, or takes it
 * @pa: the adapter
 * @vc: the VC
 * @cp: the call's parameters, with the session; NULL to deactivate
 *
 * Context: process.
 * Return: 0 or a negative errno (no such VC, a session in use already).
 */
int pppoe_program(struct pppoe_adapter *pa, struct condis_vc *vc,
		  const struct condis_call_params *cp)
{
	struct pppoe_port *port = xa_load(&pa->ports, (unsigned long)vc);

	if (!port)
		return -ENOENT;
	if (!cp) {
		pppoe_port_unhash(port);
		return 0;
	}
	return pppoe_port_set(port, cp);
}

/* A stand-alone CM activates through condis: the session in the parameters. */
static int pppoe_activate_vc(void *mp_vc_ctx, struct condis_call_params *cp)
{
	if (!cp || cp->media_specific_type != CONDIS_PPPOE_SESSION ||
	    cp->media_specific_len != sizeof(struct condis_pppoe_session))
		return -EINVAL;
	return pppoe_port_set(mp_vc_ctx, cp);
}

static int pppoe_deactivate_vc(void *mp_vc_ctx)
{
	pppoe_port_unhash(mp_vc_ctx);
	return 0;
}

/**
 * pppoe_alloc - an skb for a PPPoE packet of up to @len bytes
 * @pa: the adapter it goes out on
 * @len: the most bytes from the PPPoE header on
 *
 * Return: the skb, with room for the link's header in front, or NULL.
 */
struct sk_buff *pppoe_alloc(struct pppoe_adapter *pa, unsigned int len)
{
	struct net_device *dev = pa->b.dev;
	struct sk_buff *skb;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + len + dev->needed_tailroom, GFP_ATOMIC);
	if (skb)
		skb_reserve(skb, LL_RESERVED_SPACE(dev));
	return skb;
}

/**
 * pppoe_xmit - send a PPPoE packet to a station
 * @pa: the adapter
 * @dst: the station (or the broadcast address, for a PADI)
 * @proto: ETH_P_PPP_DISC or ETH_P_PPP_SES
 * @skb: from the PPPoE header on, with room for the link's header; taken
 *
 * Context: any up to softirq.
 * Return: 0 or a negative errno (the interface refused it).
 */
int pppoe_xmit(struct pppoe_adapter *pa, const u8 *dst, u16 proto, struct sk_buff *skb)
{
	struct net_device *dev = pa->b.dev;
	int ret;

	if (READ_ONCE(pa->b.unplugged)) {		/* maybe in another namespace now */
		kfree_skb(skb);
		return -ENODEV;
	}
	skb_reset_network_header(skb);
	skb->dev = dev;
	skb->protocol = htons(proto);
	if (dev_hard_header(skb, dev, proto, dst, dev->dev_addr, skb->len) < 0) {
		kfree_skb(skb);
		return -EINVAL;
	}
	ret = dev_queue_xmit(skb);
	return ret == NET_XMIT_SUCCESS || ret == NET_XMIT_CN ? 0 : -ENOBUFS;
}

/*
 * The frame that goes out for a client's @skb: the skb itself where the
 * client does not want it back (@keep); else, as it goes back to the
 * client when sent, a clone sharing its data when it has room for the
 * headers in front (condis_ppp's frames do), or a copy.
 */
static struct sk_buff *pppoe_frame_of(struct net_device *dev, struct sk_buff *skb, bool keep)
{
	unsigned int room = LL_RESERVED_SPACE(dev) + PPPOE_HDR_LEN;

	if (keep)
		return skb_cow_head(skb, room) ? NULL : skb;
	if (skb_headroom(skb) >= room && skb_tailroom(skb) >= dev->needed_tailroom &&
	    !skb_cloned(skb)) {
		__skb_header_release(skb);	/* the header room is the clone's */
		return skb_clone(skb, GFP_ATOMIC);
	}
	return skb_copy_expand(skb, room, dev->needed_tailroom, GFP_ATOMIC);
}

/*
 * A client's PPP frame, as a session packet to the VC's peer; @skb is
 * handed on itself where @keep (*@kept then), else it stays the caller's.
 */
static int pppoe_send_now(struct pppoe_port *port, struct sk_buff *skb, bool keep, bool *kept)
{
	struct pppoe_adapter *pa = port->pa;
	unsigned int len = skb->len;
	struct pppoe_hdr_wire *h;
	struct sk_buff *f;
	u8 peer[ETH_ALEN];
	u16 sid, payload;

	spin_lock_bh(&pa->lock);
	sid = port->active ? port->sid : 0;
	payload = port->payload;
	ether_addr_copy(peer, port->peer);
	spin_unlock_bh(&pa->lock);
	if (!sid)
		return -ENOTCONN;
	if (len > payload + PPPOE_PROTO_LEN || len + PPPOE_HDR_LEN > READ_ONCE(pa->b.dev->mtu))
		return -EMSGSIZE;	/* larger than the session's SDU size */
	f = pppoe_frame_of(pa->b.dev, skb, keep);
	if (!f)
		return -ENOMEM;
	*kept = f == skb;
	h = skb_push(f, PPPOE_HDR_LEN);
	h->ver_type = PPPOE_VER_TYPE;
	h->code = PPPOE_SESSION;
	h->sid = cpu_to_be16(sid);
	h->length = cpu_to_be16(len);
	return pppoe_xmit(pa, peer, ETH_P_PPP_SES, f);
}

static void pppoe_send(void *mp_vc_ctx, struct sk_buff *skb)
{
	struct pppoe_port *port = mp_vc_ctx;
	bool kept = false;
	int ret;

	ret = pppoe_send_now(port, skb, condis_mco_send_may_keep(port->vc), &kept);
	condis_mco_send_complete(port->vc, kept ? NULL : skb, ret);
}

/**
 * pppoe_rx_session - a session packet arrived (softirq)
 * @pa: the adapter
 * @skb: from the PPPoE header on; taken
 *
 * It reaches the VC of its session only from the session's peer, trimmed
 * to its PPPoE length.
 */
void pppoe_rx_session(struct pppoe_adapter *pa, struct sk_buff *skb)
{
	struct pppoe_port *port;
	int plen;
	u16 sid;

	if (!pskb_may_pull(skb, PPPOE_HDR_LEN))
		goto malformed;
	plen = pppoe_session_parse(skb->data, skb->len, &sid);
	if (plen < 0)
		goto malformed;
	skb_pull(skb, PPPOE_HDR_LEN);
	if (pskb_trim_rcsum(skb, plen))
		goto malformed;
	rcu_read_lock();
	port = pppoe_session_find(pa, eth_hdr(skb)->h_source, sid);
	if (port) {
		condis_mco_indicate_receive(port->vc, skb);
		rcu_read_unlock();
		return;
	}
	rcu_read_unlock();
	condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_NO_VC);
	kfree_skb(skb);
	return;
malformed:
	condis_adapter_count_drop(pa->b.adapter, CONDIS_DROP_MALFORMED);
	kfree_skb(skb);
}

const struct condis_miniport_ops pppoe_miniport_ops = {
	.create_vc = pppoe_create_vc,
	.delete_vc = pppoe_delete_vc,
	.activate_vc = pppoe_activate_vc,
	.deactivate_vc = pppoe_deactivate_vc,
	.send = pppoe_send,
	.oid_request = pppoe_wan_oid_request,
};
