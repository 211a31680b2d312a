// SPDX-License-Identifier: GPL-2.0
/*
 * condis_lo miniport: VCs and the data path. A frame sent on a port is
 * handed, as a clone, to its peer (or to every leaf of a multipoint root)
 * as a receive indication, then completed to the sender.
 *
 * For tests, as netdevsim has knobs: while the tx_hold parameter is set,
 * frames sent are held, neither delivered nor completed, as a miniport
 * slow to complete holds them; clearing it sends them, in order. A VC
 * deleted meanwhile completes its own with -ENODEV.
 */
#include <linux/moduleparam.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <net/condis_lo.h>
#include "lo.h"

static DECLARE_WAIT_QUEUE_HEAD(lo_idle);

static bool lo_tx_hold;
static bool lo_tx_releasing;		/* under lo_held.lock, as the two below */
static struct lo_port *lo_tx_sending;	/* the port of a held frame being sent */
/* set as a parameter before module init runs: initialised statically */
static struct sk_buff_head lo_held = {
	.next = (struct sk_buff *)&lo_held,
	.prev = (struct sk_buff *)&lo_held,
	.lock = __SPIN_LOCK_UNLOCKED(lo_held.lock),
};

static int lo_create_vc(void *mp_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct lo_dev *dev = mp_ctx;
	struct lo_port *port;
	int ret;

	port = kzalloc(sizeof(*port), GFP_KERNEL_ACCOUNT);
	if (!port)
		return -ENOMEM;
	port->vc = vc;
	port->dev = dev;
	INIT_LIST_HEAD(&port->leaves);
	INIT_LIST_HEAD(&port->leaf_node);
	ret = xa_insert(&dev->ports, condis_handle_id(vc), port, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(port);
		return ret;
	}
	*mp_vc_ctx = port;
	return 0;
}

static void lo_held_purge(struct lo_port *port);

static int lo_delete_vc(void *mp_vc_ctx)
{
	struct lo_port *port = mp_vc_ctx;

	lo_held_purge(port);
	lo_unlink(port);
	xa_erase(&port->dev->ports, condis_handle_id(port->vc));
	kfree(port);
	return 0;
}

/*
 * A stand-alone CM's VC: activated on a channel (<net/condis_lo.h>), it is
 * linked with the other active VC of that channel.
 */
static int lo_activate_vc(void *mp_vc_ctx, struct condis_call_params *cp)
{
	struct lo_port *port = mp_vc_ctx, *p;
	struct lo_dev *dev = port->dev;
	unsigned long flags, id;
	u32 channel;

	if (cp->media_specific_type != CONDIS_LO_MEDIA_CHANNEL ||
	    cp->media_specific_len != sizeof(channel))
		return 0;
	memcpy(&channel, cp->media_specific, sizeof(channel));
	spin_lock_irqsave(&dev->lock, flags);
	port->channel = channel;
	port->on_channel = true;
	xa_for_each(&dev->ports, id, p)
		if (p != port && p->on_channel && p->channel == channel && !p->peer &&
		    !port->peer) {
			p->peer = port;
			port->peer = p;
		}
	spin_unlock_irqrestore(&dev->lock, flags);
	return 0;
}

/*
 * No frame flows on a VC once it is deactivated. condis does not call this
 * for an integrated CM's own deactivations: cm.c unlinks with lo_unlink_vc().
 */
static int lo_deactivate_vc(void *mp_vc_ctx)
{
	lo_unlink(mp_vc_ctx);
	return 0;
}

/**
 * lo_link - let frames flow between two VCs of a call
 * @dev: the adapter
 * @root: the calling VC
 * @leaf: the called VC
 * @multipoint: @root may have more leaves
 */
void lo_link(struct lo_dev *dev, struct condis_vc *root, struct condis_vc *leaf,
	     bool multipoint)
{
	struct lo_port *r, *l;
	unsigned long flags;

	spin_lock_irqsave(&dev->lock, flags);
	r = xa_load(&dev->ports, condis_handle_id(root));
	l = xa_load(&dev->ports, condis_handle_id(leaf));
	if (r && l) {
		l->peer = r;
		if (multipoint)
			list_add_tail(&l->leaf_node, &r->leaves);
		else
			r->peer = l;
	}
	spin_unlock_irqrestore(&dev->lock, flags);
}

/* Process context: waits until no frame is being indicated on @port. */
void lo_unlink(struct lo_port *port)
{
	struct lo_port *leaf, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&port->dev->lock, flags);
	if (port->peer && port->peer->peer == port)
		port->peer->peer = NULL;
	port->peer = NULL;
	port->on_channel = false;
	list_del_init(&port->leaf_node);
	list_for_each_entry_safe(leaf, tmp, &port->leaves, leaf_node) {
		leaf->peer = NULL;
		list_del_init(&leaf->leaf_node);
	}
	spin_unlock_irqrestore(&port->dev->lock, flags);
	wait_event(lo_idle, !atomic_read(&port->busy));
}

/**
 * lo_unlink_vc - no frame flows on a VC from now on (the CM deactivates it)
 * @dev: the adapter
 * @vc: the VC
 *
 * Context: process (waits for frames being indicated on it).
 */
void lo_unlink_vc(struct lo_dev *dev, struct condis_vc *vc)
{
	struct lo_port *port = xa_load(&dev->ports, condis_handle_id(vc));

	if (port)
		lo_unlink(port);
}

/* skb->cb of a clone on its way to a receiver, or of a frame held */
struct lo_cb {
	struct lo_port *to;
	struct lo_port *from;
};

static struct lo_cb *lo_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct lo_cb) > sizeof(skb->cb));
	return (struct lo_cb *)skb->cb;
}

static void lo_clone_to(struct sk_buff_head *q, struct sk_buff *skb,
			struct lo_port *to)
{
	struct sk_buff *c = skb_clone(skb, GFP_ATOMIC);

	if (!c)
		return;
	lo_cb(c)->to = to;
	atomic_inc(&to->busy);
	__skb_queue_tail(q, c);
}

/* Any context up to softirq; receivers are indicated outside the lock. */
static void lo_xmit(struct lo_port *port, struct sk_buff *skb)
{
	struct lo_port *leaf;
	struct sk_buff_head q;
	struct sk_buff *c;
	unsigned long flags;

	__skb_queue_head_init(&q);
	spin_lock_irqsave(&port->dev->lock, flags);
	if (port->peer)
		lo_clone_to(&q, skb, port->peer);
	list_for_each_entry(leaf, &port->leaves, leaf_node)
		lo_clone_to(&q, skb, leaf);
	spin_unlock_irqrestore(&port->dev->lock, flags);

	while ((c = __skb_dequeue(&q))) {
		struct lo_port *to = lo_cb(c)->to;

		condis_mco_indicate_receive(to->vc, c);
		if (atomic_dec_and_test(&to->busy))
			wake_up_all(&lo_idle);
	}
	condis_mco_send_complete(port->vc, skb, 0);
}

static void lo_send(void *mp_vc_ctx, struct sk_buff *skb)
{
	struct lo_port *port = mp_vc_ctx;
	unsigned long flags;

	if (READ_ONCE(lo_tx_hold) || READ_ONCE(lo_tx_releasing)) {
		spin_lock_irqsave(&lo_held.lock, flags);
		if (lo_tx_hold || lo_tx_releasing) {	/* behind those held */
			lo_cb(skb)->from = port;
			__skb_queue_tail(&lo_held, skb);
			spin_unlock_irqrestore(&lo_held.lock, flags);
			return;
		}
		spin_unlock_irqrestore(&lo_held.lock, flags);
	}
	lo_xmit(port, skb);
}

/* A VC goes: its frames still held complete now, and none is being sent. */
static void lo_held_purge(struct lo_port *port)
{
	struct sk_buff *skb, *tmp;
	struct sk_buff_head gone;
	unsigned long flags;

	__skb_queue_head_init(&gone);
	spin_lock_irqsave(&lo_held.lock, flags);
	skb_queue_walk_safe(&lo_held, skb, tmp) {
		if (lo_cb(skb)->from == port) {
			__skb_unlink(skb, &lo_held);
			__skb_queue_tail(&gone, skb);
		}
	}
	spin_unlock_irqrestore(&lo_held.lock, flags);
	while ((skb = __skb_dequeue(&gone)))
		condis_mco_send_complete(port->vc, skb, -ENODEV);
	wait_event(lo_idle, READ_ONCE(lo_tx_sending) != port);
}

/* Set tx_hold; cleared, send what was held (process context). */
static int lo_tx_hold_set(const char *val, const struct kernel_param *kp)
{
	struct sk_buff *skb;
	unsigned long flags;
	bool hold;
	int ret;

	ret = kstrtobool(val, &hold);
	if (ret)
		return ret;
	spin_lock_irqsave(&lo_held.lock, flags);
	WRITE_ONCE(lo_tx_hold, hold);
	if (hold || lo_tx_releasing) {
		spin_unlock_irqrestore(&lo_held.lock, flags);
		return 0;
	}
	WRITE_ONCE(lo_tx_releasing, true);
	while ((skb = __skb_dequeue(&lo_held))) {
		WRITE_ONCE(lo_tx_sending, lo_cb(skb)->from);
		spin_unlock_irqrestore(&lo_held.lock, flags);
		lo_xmit(lo_cb(skb)->from, skb);
		spin_lock_irqsave(&lo_held.lock, flags);
		WRITE_ONCE(lo_tx_sending, NULL);
		wake_up_all(&lo_idle);
	}
	WRITE_ONCE(lo_tx_releasing, false);
	spin_unlock_irqrestore(&lo_held.lock, flags);
	return 0;
}

static const struct kernel_param_ops lo_tx_hold_ops = {
	.set = lo_tx_hold_set,
	.get = param_get_bool,
};
module_param_cb(tx_hold, &lo_tx_hold_ops, &lo_tx_hold, 0644);
__MODULE_PARM_TYPE(tx_hold, "bool");
MODULE_PARM_DESC(tx_hold, "tests: hold sent frames (no send completes) until cleared");

static int lo_oid_request(void *mp_ctx, void *mp_vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

const struct condis_miniport_ops lo_miniport_ops = {
	.create_vc = lo_create_vc,
	.delete_vc = lo_delete_vc,
	.activate_vc = lo_activate_vc,
	.deactivate_vc = lo_deactivate_vc,
	.send = lo_send,
	.oid_request = lo_oid_request,
};
