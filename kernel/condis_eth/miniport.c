// SPDX-License-Identifier: GPL-2.0
/*
 * condis_eth miniport: VCs and the data path.
 *
 * A VC's label is its condis id: a data frame for it carries that label.
 * Activation programs where its frames go (struct condis_eth_media: one
 * destination, or every leaf of a multipoint root). A send goes out as one
 * frame per destination and completes once the interface took them. When
 * the interface's queue is stopped, frames wait in the adapter's backlog
 * (in order) until it wakes: back-pressure, not drops.
 */
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include "eth.h"
#include "miniport.h"

struct eth_skb_cb {
	struct condis_vc *vc;
};

static struct eth_skb_cb *eth_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct eth_skb_cb) > sizeof(skb->cb));
	return (struct eth_skb_cb *)skb->cb;
}

/*
 * A VC's port in the adapter's ports: by the VC's id, its label (small, so
 * the tree stays shallow; a VC of a CM and one of an AF never share one).
 */
static unsigned long eth_port_key(struct condis_vc *vc)
{
	return condis_handle_id(vc);
}

static int eth_create_vc(void *mp_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct eth_adapter *ea = mp_ctx;
	struct eth_port *port = kzalloc(sizeof(*port), GFP_KERNEL_ACCOUNT);
	int ret;

	if (!port)
		return -ENOMEM;
	port->ea = ea;
	port->vc = vc;
	port->label = eth_port_key(vc);
	ret = xa_insert(&ea->ports, port->label, port, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(port);
		return ret;
	}
	*mp_vc_ctx = port;
	return 0;
}

/*
 * Where @port's frames go from now on. A data VC's label starts to
 * resolve with its first activation; a signalling VC (a stand-alone CM's)
 * takes the adapter's signalling frames.
 */
static int eth_port_set_media(struct eth_port *port, struct eth_media *media)
{
	struct eth_adapter *ea = port->ea;
	struct eth_media *old;
	int ret;

	if (media && media->m.signalling) {
		if (port->labelled || rcu_access_pointer(ea->sigport) ||
		    media->m.ndest) {
			kfree(media);
			return -EINVAL;
		}
		rcu_assign_pointer(ea->sigport, port);
	} else if (media && !port->labelled) {
		ret = xa_insert(&ea->labels, port->label, port, GFP_KERNEL_ACCOUNT);
		if (ret) {
			kfree(media);
			return ret;
		}
		port->labelled = true;
	}
	if (!media && rcu_access_pointer(ea->sigport) == port)
		RCU_INIT_POINTER(ea->sigport, NULL);
	old = rcu_replace_pointer(port->media, media, true);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

static int eth_delete_vc(void *mp_vc_ctx)
{
	struct eth_port *port = mp_vc_ctx;
	struct eth_adapter *ea = port->ea;

	xa_erase(&ea->ports, port->label);
	if (port->labelled)
		xa_erase(&ea->labels, port->label);
	eth_backlog_purge(ea, port->vc);
	eth_port_set_media(port, NULL);
	kfree_rcu(port, rcu);
	return 0;
}

static struct eth_media *eth_media_dup(const struct condis_eth_media *m, u32 len)
{
	struct eth_media *em;
	size_t size;

	if (len < sizeof(*m) || m->ndest > 1024 ||
	    len < struct_size(m, dest, m->ndest))
		return ERR_PTR(-EINVAL);
	size = struct_size(m, dest, m->ndest);
	em = kmalloc(offsetof(struct eth_media, m) + size, GFP_KERNEL_ACCOUNT);
	if (!em)
		return ERR_PTR(-ENOMEM);
	/* the fixed part, then the flexible array (FORTIFY_SOURCE sizes) */
	em->m.ndest = m->ndest;
	em->m.signalling = m->signalling;
	em->m.token = m->token;
	memcpy(em->m.dest, m->dest, flex_array_size(m, dest, m->ndest));
	return em;
}

/**
 * eth_program - program where a VC's frames go (the MCM's activation)
 * @ctx: the adapter
 * @vc: the VC
 * @media: destinations; NULL to deactivate
 *
 * Context: process.
 * Return: 0 or a negative errno.
 */
int eth_program(void *ctx, struct condis_vc *vc, const struct condis_eth_media *media)
{
	struct eth_adapter *ea = ctx;
	struct eth_media *m = NULL;
	struct eth_port *port;

	port = xa_load(&ea->ports, eth_port_key(vc));
	if (!port)
		return -ENOENT;
	if (media) {
		m = eth_media_dup(media, struct_size(media, dest, media->ndest));
		if (IS_ERR(m))
			return PTR_ERR(m);
	}
	return eth_port_set_media(port, m);
}

/* A stand-alone CM activates through condis: the same, from the parameters. */
static int eth_activate_vc(void *mp_vc_ctx, struct condis_call_params *cp)
{
	struct eth_port *port = mp_vc_ctx;
	struct eth_media *m;

	if (!cp)
		return -EINVAL;
	m = eth_media_dup((void *)cp->media_specific, cp->media_specific_len);
	if (IS_ERR(m))
		return PTR_ERR(m);
	return eth_port_set_media(port, m);
}

static int eth_deactivate_vc(void *mp_vc_ctx)
{
	return eth_port_set_media(mp_vc_ctx, NULL);
}

/* ---- sending ------------------------------------------------------------------ */

static bool eth_tx_blocked(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->real_num_tx_queues; i++)
		if (netif_xmit_frozen_or_stopped(netdev_get_tx_queue(dev, i)))
			return true;
	return false;
}

/**
 * eth_xmit_frame - send a condis frame to a station
 * @ea: the adapter
 * @dst: the station
 * @skb: from struct condis_wire_hdr on, with LL_MAX_HEADER headroom; taken
 *
 * Context: any up to softirq.
 * Return: 0 or a negative errno (the interface refused it).
 */
int eth_xmit_frame(struct eth_adapter *ea, const u8 *dst, struct sk_buff *skb)
{
	struct net_device *dev = ea->b.dev;
	int ret;

	if (READ_ONCE(ea->b.unplugged)) {		/* maybe in another namespace now */
		kfree_skb(skb);
		return -ENODEV;
	}
	skb_reset_network_header(skb);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_CONDIS);
	if (dev_hard_header(skb, dev, ETH_P_CONDIS, dst, dev->dev_addr, skb->len) < 0) {
		kfree_skb(skb);
		return -EINVAL;
	}
	ret = dev_queue_xmit(skb);
	return ret == NET_XMIT_SUCCESS || ret == NET_XMIT_CN ? 0 : -ENOBUFS;
}

/* A stand-alone CM's message: the station, then the message. */
static int eth_send_signalling(struct eth_adapter *ea, struct sk_buff *skb)
{
	struct sk_buff *f;

	if (skb->len < ETH_ALEN + sizeof(struct condis_wire_hdr))
		return -EINVAL;
	f = skb_copy_expand(skb, LL_MAX_HEADER, 0, GFP_ATOMIC);
	if (!f)
		return -ENOMEM;
	skb_pull(f, ETH_ALEN);
	return eth_xmit_frame(ea, skb->data, f);
}

/*
 * The frame that goes out for a client's @skb: the skb itself for one
 * destination where the client does not want it back (@keep); else, as it
 * goes back to the client when sent, a clone that shares its data when it
 * is for one destination and has room for our headers in front (condis'
 * VC file descriptors leave it), or a copy.
 */
static struct sk_buff *eth_frame_of(struct eth_adapter *ea, struct sk_buff *skb,
				    unsigned int ndest, bool keep)
{
	unsigned int room = LL_RESERVED_SPACE(ea->b.dev) + sizeof(struct condis_wire_hdr);

	if (ndest == 1 && keep)
		return skb_cow_head(skb, room) ? NULL : skb;
	if (ndest == 1 && skb_headroom(skb) >= room && !skb_cloned(skb)) {
		__skb_header_release(skb);	/* the header room is the clone's */
		return skb_clone(skb, GFP_ATOMIC);
	}
	return skb_copy_expand(skb, LL_MAX_HEADER + sizeof(struct condis_wire_hdr), 0,
			       GFP_ATOMIC);
}

/*
 * Send @skb (a client's frame) to every destination of its VC now; @skb is
 * handed on itself where @keep allows (*@kept then), else it stays the
 * caller's. @port: the VC's, from within its send; NULL: look it up.
 */
static int eth_send_now(struct eth_adapter *ea, struct eth_port *port, struct condis_vc *vc,
			struct sk_buff *skb, bool keep, bool *kept)
{
	const struct condis_eth_media *m = NULL;
	struct condis_wire_hdr *h;
	struct eth_media *em;
	struct sk_buff *f;
	int i, ret = 0;

	rcu_read_lock();
	if (!port)	/* a frame that waited: its VC may have gone since */
		port = xa_load(&ea->ports, eth_port_key(vc));
	em = port ? rcu_dereference(port->media) : NULL;
	if (em)
		m = &em->m;
	if (m && m->signalling) {
		ret = eth_send_signalling(ea, skb);
		rcu_read_unlock();
		return ret;
	}
	if (!m || !m->ndest)
		ret = -ENOTCONN;
	else if (skb->len + sizeof(*h) > READ_ONCE(ea->b.dev->mtu))
		ret = -EMSGSIZE;	/* larger than the call's SDU size */
	for (i = 0; m && i < m->ndest && !ret; i++) {
		f = eth_frame_of(ea, skb, m->ndest, keep);
		if (!f) {
			ret = -ENOMEM;
			break;
		}
		*kept = f == skb;
		h = skb_push(f, sizeof(*h));
		h->version = CONDIS_WIRE_VERSION;
		h->type = CONDIS_MSG_DATA;
		h->flags = 0;
		h->ref = htonl(m->dest[i].label);
		h->token = htonl(m->dest[i].token);
		ret = eth_xmit_frame(ea, m->dest[i].mac, f);
	}
	rcu_read_unlock();
	return ret;
}

/* Send what waits, in order, while the interface takes it; one drainer. */
static void eth_backlog_run(struct eth_adapter *ea)
{
	struct condis_vc *vc;
	struct sk_buff *skb;
	unsigned long flags;
	bool kept;
	int ret;

	spin_lock_irqsave(&ea->backlog.lock, flags);
	if (ea->draining) {
		spin_unlock_irqrestore(&ea->backlog.lock, flags);
		return;
	}
	ea->draining = true;
	while ((skb = __skb_dequeue(&ea->backlog))) {
		if (eth_tx_blocked(ea->b.dev)) {
			__skb_queue_head(&ea->backlog, skb);
			break;
		}
		spin_unlock_irqrestore(&ea->backlog.lock, flags);
		vc = eth_cb(skb)->vc;
		ret = eth_send_now(ea, NULL, vc, skb, false, &kept);
		condis_mco_send_complete(vc, skb, ret);
		spin_lock_irqsave(&ea->backlog.lock, flags);
	}
	ea->draining = false;
	if (!skb_queue_empty(&ea->backlog))
		mod_timer(&ea->tx_timer, jiffies + 1);
	spin_unlock_irqrestore(&ea->backlog.lock, flags);
}

void eth_tx_timer(struct timer_list *t)
{
	struct eth_adapter *ea = from_timer(ea, t, tx_timer);

	eth_backlog_run(ea);
}

static void eth_send(void *mp_vc_ctx, struct sk_buff *skb)
{
	struct eth_port *port = mp_vc_ctx;
	struct eth_adapter *ea = port->ea;
	unsigned long flags;
	bool kept = false;
	int ret;

	spin_lock_irqsave(&ea->backlog.lock, flags);
	if (ea->draining || !skb_queue_empty(&ea->backlog) || eth_tx_blocked(ea->b.dev)) {
		if (skb_queue_len(&ea->backlog) >= ETH_BACKLOG_MAX) {
			spin_unlock_irqrestore(&ea->backlog.lock, flags);
			condis_mco_send_complete(port->vc, skb, -ENOBUFS);
			return;
		}
		eth_cb(skb)->vc = port->vc;
		__skb_queue_tail(&ea->backlog, skb);
		if (!timer_pending(&ea->tx_timer))
			mod_timer(&ea->tx_timer, jiffies + 1);
		spin_unlock_irqrestore(&ea->backlog.lock, flags);
		return;
	}
	spin_unlock_irqrestore(&ea->backlog.lock, flags);
	ret = eth_send_now(ea, port, port->vc, skb, condis_mco_send_may_keep(port->vc), &kept);
	condis_mco_send_complete(port->vc, kept ? NULL : skb, ret);
}

/**
 * eth_backlog_purge - a VC goes: fail its frames still waiting
 * @ea: the adapter
 * @vc: the VC
 */
void eth_backlog_purge(struct eth_adapter *ea, struct condis_vc *vc)
{
	struct sk_buff *skb, *tmp;
	struct sk_buff_head gone;
	unsigned long flags;

	__skb_queue_head_init(&gone);
	spin_lock_irqsave(&ea->backlog.lock, flags);
	skb_queue_walk_safe(&ea->backlog, skb, tmp) {
		if (eth_cb(skb)->vc == vc) {
			__skb_unlink(skb, &ea->backlog);
			__skb_queue_tail(&gone, skb);
		}
	}
	spin_unlock_irqrestore(&ea->backlog.lock, flags);
	while ((skb = __skb_dequeue(&gone)))
		condis_mco_send_complete(eth_cb(skb)->vc, skb, -ENODEV);
}

/* ---- receiving ------------------------------------------------------------------- */

/* Is @mac one of the stations @m sends to (the only ones it takes from)? */
static bool eth_media_peer(const struct condis_eth_media *m, const u8 *mac)
{
	u32 i;

	for (i = 0; i < m->ndest; i++)
		if (ether_addr_equal(m->dest[i].mac, mac))
			return true;
	return false;
}

/**
 * eth_rx_data - a data frame arrived (softirq)
 * @ea: the adapter
 * @label: the VC it is for
 * @token: the data token it carries
 * @skb: from the client's frame on; taken
 *
 * It reaches the VC only with the VC's token and from one of its peers.
 */
void eth_rx_data(struct eth_adapter *ea, u32 label, u32 token, struct sk_buff *skb)
{
	struct eth_media *em = NULL;
	struct eth_port *port;
	enum condis_drop why;

	rcu_read_lock();
	port = xa_load(&ea->labels, label);
	if (port)
		em = rcu_dereference(port->media);
	if (!em)
		why = CONDIS_DROP_NO_VC;
	else if (em->m.token != token)
		why = CONDIS_DROP_TOKEN;
	else if (!eth_media_peer(&em->m, eth_hdr(skb)->h_source))
		why = CONDIS_DROP_NOT_PEER;
	else
		goto deliver;
	rcu_read_unlock();
	condis_adapter_count_drop(ea->b.adapter, why);
	kfree_skb(skb);
	return;
deliver:
	condis_mco_indicate_receive(port->vc, skb);
	rcu_read_unlock();
}

/**
 * eth_rx_signalling - a signalling message for a stand-alone CM (softirq)
 * @ea: the adapter
 * @skb: from struct condis_wire_hdr on; taken
 *
 * It goes up the CM's signalling VC with the sending station in front.
 */
void eth_rx_signalling(struct eth_adapter *ea, struct sk_buff *skb)
{
	struct eth_port *port;
	u8 src[ETH_ALEN];

	ether_addr_copy(src, eth_hdr(skb)->h_source);
	rcu_read_lock();
	port = rcu_dereference(ea->sigport);
	if (port && !skb_cow_head(skb, ETH_ALEN)) {
		memcpy(skb_push(skb, ETH_ALEN), src, ETH_ALEN);
		condis_mco_indicate_receive(port->vc, skb);
	} else {
		kfree_skb(skb);
	}
	rcu_read_unlock();
}

static int eth_oid_request(void *mp_ctx, void *mp_vc_ctx, struct condis_oid_request *req)
{
	return -ENOTTY;		/* NDIS_STATUS_INVALID_OID */
}

const struct condis_miniport_ops eth_miniport_ops = {
	.create_vc = eth_create_vc,
	.delete_vc = eth_delete_vc,
	.activate_vc = eth_activate_vc,
	.deactivate_vc = eth_deactivate_vc,
	.send = eth_send,
	.oid_request = eth_oid_request,
};
