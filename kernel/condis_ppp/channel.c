// SPDX-License-Identifier: GPL-2.0
/*
 * The PPP channel of a call: ppp_generic's frames go onto the VC, the VC's
 * frames to ppp_input(), as pppoe.c does for a PPPoE socket. A frame here
 * starts with the PPP protocol field: the miniport adds its own framing.
 *
 * Back-pressure: at most @window frames (the miniport's send window) are
 * on their way; start_xmit refuses the next one and send completions wake
 * ppp_generic again (ppp_output_wakeup). A completion from within the
 * send (the miniport sent the frame at once) wakes nothing: start_xmit is
 * still running and ppp_generic goes on. When the call goes, or pppd closes
 * the call's descriptor, the channel is unregistered: the PPP unit it was
 * attached to sees the hangup.
 */
#include <linux/ppp_defs.h>
#include <linux/slab.h>
#include "channel.h"
#include "link.h"

/* headroom for the miniport's framing (PPPoE: 6 bytes and Ethernet's 14) */
#define CPPP_HDRLEN	32

/* the channel in start_xmit on this CPU (BH off there) */
static DEFINE_PER_CPU(struct cppp_chan *, cppp_xmitting);

static struct cppp_chan *cppp_of(struct condis_vcfd_user *u)
{
	return container_of(u, struct cppp_chan, user);
}

void cppp_chan_put(struct cppp_chan *c)
{
	if (refcount_dec_and_test(&c->ref))
		kfree(c);
}

/* ppp_generic sends a frame (BH context, the channel's lock held). */
static int cppp_start_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct cppp_chan *c = chan->private;
	int ret;

	if (atomic_inc_return(&c->inflight) > READ_ONCE(c->window)) {
		atomic_dec(&c->inflight);
		return 0;	/* again after a send completion */
	}
	__this_cpu_write(cppp_xmitting, c);
	ret = condis_vcfd_send(c->f, skb);
	__this_cpu_write(cppp_xmitting, NULL);
	if (ret == -EAGAIN) {
		atomic_dec(&c->inflight);
		return 0;
	}
	if (ret)	/* the call is gone, or the miniport refused it: dropped */
		atomic_dec(&c->inflight);
	return 1;
}

static const struct ppp_channel_ops cppp_chan_ops = {
	.start_xmit = cppp_start_xmit,
};

/* Room again: ppp_generic sends what it held back (called at BH level). */
static void cppp_wakeup(struct cppp_chan *c)
{
	local_bh_disable();
	ppp_output_wakeup(&c->chan);
	local_bh_enable();
}

static void cppp_receive(struct condis_vcfd_user *u, struct sk_buff *skb)
{
	ppp_input(&cppp_of(u)->chan, skb);
}

/*
 * A frame came back: ppp_generic may send again. Woken but from within
 * start_xmit (it holds the channel's lock the wakeup takes): a start_xmit
 * that found the window full may not have returned yet (the wakeup then
 * waits for it), and with a window of one nothing else would wake it.
 */
static void cppp_send_done(struct condis_vcfd_user *u)
{
	struct cppp_chan *c = cppp_of(u);

	atomic_dec(&c->inflight);
	if (this_cpu_read(cppp_xmitting) != c)
		cppp_wakeup(c);
}

/* The miniport's send window changed (0 stops sending). */
static void cppp_status(struct condis_vcfd_user *u, int status, const void *buf, u32 len)
{
	struct cppp_chan *c = cppp_of(u);
	int window = cppp_link_status(status, buf, len);
	u32 old = READ_ONCE(c->window);

	if (window < 0)
		return;
	WRITE_ONCE(c->window, window);
	if (window > old)
		cppp_wakeup(c);
}

/* The call is gone or its descriptor closes: so does the channel. */
static void cppp_hangup(struct condis_vcfd_user *u)
{
	struct cppp_chan *c = cppp_of(u);

	ppp_unregister_channel(&c->chan);
	cppp_chan_put(c);
}

static const struct condis_vcfd_user_ops cppp_user_ops = {
	.receive = cppp_receive,
	.send_done = cppp_send_done,
	.status = cppp_status,
	.hangup = cppp_hangup,
};

/**
 * cppp_chan_get - the channel a call's descriptor carries
 * @f: the descriptor
 *
 * Return: the channel, referenced (cppp_chan_put()), or NULL.
 */
struct cppp_chan *cppp_chan_get(struct condis_vcfd *f)
{
	struct condis_vcfd_user *u;
	struct cppp_chan *c = NULL;

	rcu_read_lock();
	u = condis_vcfd_user(f);
	if (u && u->ops == &cppp_user_ops && refcount_inc_not_zero(&cppp_of(u)->ref))
		c = cppp_of(u);
	rcu_read_unlock();
	return c;
}

/**
 * cppp_chan_open - make a call's descriptor a PPP channel
 * @f: the descriptor
 *
 * Asks the miniport what its VCs carry (OID_WAN_CO_GET_INFO): a miniport
 * that does not answer it, or carries no PPP, gets no channel.
 * Context: process (an ioctl).
 * Return: the channel's index (PPPIOCATTCHAN takes it), or a negative errno.
 */
int cppp_chan_open(struct condis_vcfd *f)
{
	struct cppp_chan *c;
	int ret, index;

	c = cppp_chan_get(f);
	if (c) {
		ret = ppp_channel_index(&c->chan);
		cppp_chan_put(c);
		return ret;
	}
	c = kzalloc(sizeof(*c), GFP_KERNEL_ACCOUNT);
	if (!c)
		return -ENOMEM;
	c->f = f;
	c->user.ops = &cppp_user_ops;
	c->user.owner = THIS_MODULE;
	refcount_set(&c->ref, 1);
	mutex_init(&c->lock);
	ret = cppp_link_info(c);
	if (ret)
		goto free;
	c->window = c->info.max_send_window;
	c->chan.private = c;
	c->chan.ops = &cppp_chan_ops;
	c->chan.mtu = c->info.max_frame_size;
	c->chan.hdrlen = CPPP_HDRLEN;
	ret = ppp_register_net_channel(condis_vcfd_net(f), &c->chan);
	if (ret)
		goto free;
	index = ppp_channel_index(&c->chan);
	ret = condis_vcfd_attach(f, &c->user);
	if (ret) {
		ppp_unregister_channel(&c->chan);
		goto free;
	}
	/* the channel is the descriptor's now: its hangup may come any time */
	return index;
free:
	kfree(c);
	return ret;
}
