// SPDX-License-Identifier: GPL-2.0
/*
 * IP over a VC (call-netdev): a call's VC appears as a point-to-point
 * net_device, like a routed RFC 2684 or CLIP interface, so IP runs over a
 * CoNDIS call. A frame is one IPv4 or IPv6 packet, nothing around it (the
 * version nibble tells which: "null encapsulation"); the MTU is the call's
 * transmit SDU size (1500 when it has none). Back-pressure: at
 * most CD_VCND_INFLIGHT frames on their way to the miniport, then the
 * queue stops until send completions come back. The interface lives in the
 * owning socket's namespace and cannot move; when the call goes it goes
 * (unregistered on cd_nl_wq: a teardown may hold RTNL while it waits for
 * the call to close), and when the namespace goes first it goes with it
 * (the call keeps the unregistered device's memory until its hangup).
 *
 * Locking: RTNL is never taken under the socket's lock (a CM's work item
 * that takes the socket's lock can be waited for under RTNL, when an
 * interface with calls goes): the interface is registered after the
 * socket's lock is let go; the unregistration is made by whichever of
 * the registration and the call's hangup finishes second (no lock held
 * across either, so no lock order with RTNL at all). The hangup does not
 * wait for receivers to see it: its end runs after an RCU grace period
 * (a socket's release hangs up every call it has, a hundred at a time).
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/net_namespace.h>
#include "vc_netdev.h"
#include "socket.h"

#define CD_VCND_INFLIGHT	256
#define CD_VCND_MTU		1500

/**
 * struct cd_vcnd - a VC's interface
 * @dev: the net_device (its private area is a pointer to this)
 * @vc: the socket's context of the VC (referenced until @hangup ran)
 * @lock: @inflight, @senders, @dead
 * @inflight: frames sent and not completed
 * @senders: transmits inside condis_co_send() (the hangup waits for them)
 * @dead: the call is gone (its hangup ran)
 * @hangup_wq: the hangup waits here for @senders
 * @reg_done: the registration finished (@lock)
 * @registered: ... and succeeded
 * @hung_up: @hangup ran (@lock)
 * @hangup: the hangup's end, once receivers saw it (cd_nl_wq)
 * @gone: in cd_vcnd_gone, to be unregistered and freed
 */
struct cd_vcnd {
	struct net_device *dev;
	struct cd_nlobj *vc;
	spinlock_t lock;		/* inflight, senders, dead */
	unsigned int inflight;
	unsigned int senders;
	bool dead;
	wait_queue_head_t hangup_wq;
	bool reg_done;
	bool registered;
	bool hung_up;
	struct rcu_work hangup;
	struct list_head gone;
};

/*
 * Interfaces whose calls are gone, unregistered together: a socket's
 * release hangs up a hundred calls at a time, and each unregistration
 * waits for RCU (twice) however many devices it takes.
 */
static LIST_HEAD(cd_vcnd_gone);
static DEFINE_SPINLOCK(cd_vcnd_gone_lock);

static struct cd_vcnd *cd_vcnd_of(struct net_device *dev)
{
	return *(struct cd_vcnd **)netdev_priv(dev);
}

static netdev_tx_t cd_vcnd_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct cd_vcnd *nd = cd_vcnd_of(dev);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&nd->lock, flags);
	if (nd->dead) {
		spin_unlock_irqrestore(&nd->lock, flags);
		dev->stats.tx_dropped++;
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	nd->senders++;
	if (++nd->inflight >= CD_VCND_INFLIGHT)
		netif_stop_queue(dev);
	spin_unlock_irqrestore(&nd->lock, flags);

	skb_orphan(skb);
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	ret = condis_co_send(nd->vc->handle, skb);	/* takes @skb */

	spin_lock_irqsave(&nd->lock, flags);
	if (ret) {
		dev->stats.tx_errors++;
		nd->inflight--;
		netif_wake_queue(dev);
	}
	if (!--nd->senders && nd->dead)
		wake_up_all(&nd->hangup_wq);
	spin_unlock_irqrestore(&nd->lock, flags);
	return NETDEV_TX_OK;
}

static const struct net_device_ops cd_vcnd_ops = {
	.ndo_start_xmit = cd_vcnd_xmit,
};

static void cd_vcnd_setup(struct net_device *dev)
{
	dev->netdev_ops = &cd_vcnd_ops;
	dev->type = ARPHRD_NONE;
	dev->flags = IFF_POINTOPOINT | IFF_NOARP;
	dev->hard_header_len = 0;
	dev->addr_len = 0;
	dev->mtu = CD_VCND_MTU;
	dev->min_mtu = 68;
	dev->max_mtu = 65535;
	dev->tx_queue_len = 0;
	dev->priv_flags |= IFF_NO_QUEUE;
	/*
	 * Freed by cd_vcnd_reap() only, not by its unregistration: the
	 * namespace's teardown may unregister it while the call still points
	 * to it (a socket's release runs after its namespace's devices go).
	 */
	dev->needs_free_netdev = false;
#ifdef NETIF_F_NETNS_LOCAL
	dev->features |= NETIF_F_NETNS_LOCAL;
#else
	dev->netns_immutable = true;
#endif
}

/*
 * The calls and their interfaces part: unregister the interfaces their
 * namespaces' teardown did not, and free them (free_netdev() under RTNL
 * leaves that to the unregistration when it is under way).
 */
static void cd_vcnd_reap(struct work_struct *work)
{
	struct cd_vcnd *nd, *tmp;
	LIST_HEAD(reap);
	LIST_HEAD(kill);

	spin_lock_bh(&cd_vcnd_gone_lock);
	list_splice_init(&cd_vcnd_gone, &reap);
	spin_unlock_bh(&cd_vcnd_gone_lock);
	if (list_empty(&reap))
		return;
	rtnl_lock();
	list_for_each_entry(nd, &reap, gone)
		if (nd->registered && nd->dev->reg_state == NETREG_REGISTERED)
			unregister_netdevice_queue(nd->dev, &kill);
	unregister_netdevice_many(&kill);
	list_for_each_entry_safe(nd, tmp, &reap, gone) {
		free_netdev(nd->dev);
		kfree(nd);
	}
	rtnl_unlock();
}

static DECLARE_WORK(cd_vcnd_reaper, cd_vcnd_reap);

/* The call and its interface part (cd_nl_wq: not under the caller's locks). */
static void cd_vcnd_release(struct cd_vcnd *nd)
{
	spin_lock_bh(&cd_vcnd_gone_lock);
	list_add_tail(&nd->gone, &cd_vcnd_gone);
	spin_unlock_bh(&cd_vcnd_gone_lock);
	queue_work(cd_nl_wq, &cd_vcnd_reaper);
}

/* The hangup's end: the VC lets go of the interface, which goes if registered. */
static void cd_vcnd_hung_up(struct work_struct *work)
{
	struct cd_vcnd *nd = container_of(to_rcu_work(work), struct cd_vcnd, hangup);
	unsigned long flags;
	bool reg_done;

	cd_nlobj_put(nd->vc);
	nd->vc = NULL;
	spin_lock_irqsave(&nd->lock, flags);
	nd->hung_up = true;
	reg_done = nd->reg_done;
	spin_unlock_irqrestore(&nd->lock, flags);
	if (reg_done)		/* else cd_vcnd_register() does when done */
		cd_vcnd_release(nd);
}

/**
 * cd_vcnd_prepare - an interface for a VC the caller's socket owns, part 1
 * @vc: the VC's context, connected (cd_vc_connected()); its socket's lock
 *	is held
 * @name: the interface's name ("cdvc%d" when empty)
 * @sdu: the call's transmit SDU size (0: none set)
 * @extack: for the error message
 *
 * Makes the interface and links it to the VC; cd_vcnd_register() registers
 * it once the socket's lock is let go.
 * Context: process.
 * Return: the interface's state or an ERR_PTR().
 */
struct cd_vcnd *cd_vcnd_prepare(struct cd_nlobj *vc, const char *name, u32 sdu,
				struct netlink_ext_ack *extack)
{
	unsigned int mtu = CD_VCND_MTU;
	struct net_device *dev;
	unsigned long flags;
	struct cd_vcnd *nd;

	/* the call's transmit SDU size, where its call manager set one */
	if (sdu >= 68)
		mtu = min(sdu, 65535U);
	if (READ_ONCE(vc->vcfd) || READ_ONCE(vc->vcnd)) {
		NL_SET_ERR_MSG(extack, "the call's frames go to a file descriptor or interface already");
		return ERR_PTR(-EBUSY);
	}
	nd = kzalloc(sizeof(*nd), GFP_KERNEL_ACCOUNT);
	if (!nd)
		return ERR_PTR(-ENOMEM);
	dev = alloc_netdev(sizeof(nd), name && *name ? name : "cdvc%d", NET_NAME_USER,
			   cd_vcnd_setup);
	if (!dev) {
		kfree(nd);
		return ERR_PTR(-ENOMEM);
	}
	*(struct cd_vcnd **)netdev_priv(dev) = nd;
	nd->dev = dev;
	dev->mtu = mtu;
	nd->vc = vc;
	spin_lock_init(&nd->lock);
	init_waitqueue_head(&nd->hangup_wq);
	INIT_RCU_WORK(&nd->hangup, cd_vcnd_hung_up);
	dev_net_set(dev, vc->sk->net);
	refcount_inc(&vc->ref);
	/* from now on receive goes to @dev (dropped until it is up) */
	spin_lock_irqsave(&vc->backlog.lock, flags);
	WRITE_ONCE(vc->vcnd, nd);
	spin_unlock_irqrestore(&vc->backlog.lock, flags);
	return nd;
}

/**
 * cd_vcnd_register - register the interface cd_vcnd_prepare() made
 * @nd: its state
 * @vc: the VC's context (its socket's lock not held; referenced by @nd)
 * @extack: for the error message
 * @ifindex: receives the interface's index
 *
 * Context: process; takes RTNL.
 * Return: 0 or a negative errno (the VC lets go of the interface).
 */
int cd_vcnd_register(struct cd_vcnd *nd, struct cd_nlobj *vc,
		     struct netlink_ext_ack *extack, u32 *ifindex)
{
	int ret = register_netdev(nd->dev);
	unsigned long flags;
	bool gone;

	*ifindex = ret ? 0 : nd->dev->ifindex;
	spin_lock_irqsave(&nd->lock, flags);
	nd->reg_done = true;
	nd->registered = !ret;
	gone = nd->hung_up;
	spin_unlock_irqrestore(&nd->lock, flags);
	if (gone) {		/* the call went meanwhile: its hangup left this to us */
		cd_vcnd_release(nd);
		return ret ?: -ENOTCONN;
	}
	if (!ret)
		return 0;
	NL_SET_ERR_MSG(extack, "cannot register the interface (name taken?)");
	/* unless the call goes right now (its hangup frees @nd), take it back */
	if (cmpxchg(&vc->vcnd, nd, NULL) == nd) {
		synchronize_rcu();
		cd_nlobj_put(vc);
		free_netdev(nd->dev);
		kfree(nd);
	}
	return ret;
}

/* A frame arrived on the VC (atomic context). */
void cd_vcnd_receive(struct cd_vcnd *nd, struct sk_buff *skb)
{
	struct net_device *dev = nd->dev;

	if (!pskb_may_pull(skb, 1) || !netif_running(dev)) {
		dev->stats.rx_dropped++;
		kfree_skb(skb);
		return;
	}
	switch (skb->data[0] >> 4) {
	case 4:
		skb->protocol = htons(ETH_P_IP);
		break;
	case 6:
		skb->protocol = htons(ETH_P_IPV6);
		break;
	default:
		dev->stats.rx_errors++;
		kfree_skb(skb);
		return;
	}
	skb_scrub_packet(skb, true);
	skb->ip_summed = CHECKSUM_NONE;
	skb->dev = dev;
	skb->pkt_type = PACKET_HOST;
	skb_reset_mac_header(skb);
	skb_reset_network_header(skb);
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += skb->len;
	netif_rx(skb);
}

void cd_vcnd_send_complete(struct cd_vcnd *nd, struct sk_buff *skb)
{
	unsigned long flags;

	spin_lock_irqsave(&nd->lock, flags);
	if (nd->inflight)
		nd->inflight--;
	if (nd->inflight < CD_VCND_INFLIGHT / 2 && !nd->dead)
		netif_wake_queue(nd->dev);
	spin_unlock_irqrestore(&nd->lock, flags);
	consume_skb(skb);
}

/*
 * The call is going: no more frames either way; the interface goes after
 * (not waited for). Context: process.
 */
void cd_vcnd_hangup(struct cd_nlobj *vc)
{
	struct cd_vcnd *nd = xchg(&vc->vcnd, NULL);
	unsigned long flags;

	if (!nd)
		return;
	spin_lock_irqsave(&nd->lock, flags);
	nd->dead = true;
	spin_unlock_irqrestore(&nd->lock, flags);
	wait_event(nd->hangup_wq, !READ_ONCE(nd->senders));
	queue_rcu_work(cd_nl_wq, &nd->hangup);	/* once receivers saw vc->vcnd NULL */
}
