// SPDX-License-Identifier: GPL-2.0
/*
 * A VC's frames through a file descriptor (call-open-fd), as tun does:
 * write() sends one frame, read() returns one received frame (truncated to
 * the buffer, like a datagram socket), poll() says which of the two can go
 * on. Back-pressure: at most CD_VCFD_INFLIGHT frames are on their way to
 * the miniport; a writer then blocks (or gets EAGAIN) until send
 * completions have freed half of them. Received frames wait in a queue of
 * CD_VCFD_RXQ_MAX; beyond it they are dropped, as a full socket drops.
 * Frames that arrive before the descriptor is opened wait in the VC's
 * backlog (as many) and are the first ones read.
 * When the call goes, reads return 0 (after the queued frames) and writes
 * fail with EPIPE.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include "vc_fd.h"

#define CD_VCFD_INFLIGHT	64
#define CD_VCFD_RXQ_MAX		256
#define CD_VCFD_MTU		65535
/* room for a miniport's headers: it can send the frame without a copy */
#define CD_VCFD_HEADROOM	(LL_MAX_HEADER + 16)

/**
 * struct cd_vcfd - an open VC file descriptor
 * @vc: the socket's context of the VC (referenced)
 * @ref: the file holds one, the VC's link (vc->vcfd) another
 * @lock: protects everything below
 * @rxq: received frames not read yet
 * @wq: readers, writers and the hangup wait here
 * @inflight: frames sent and not completed
 * @senders: writers inside condis_co_send() (the hangup waits for them)
 * @dead: the call is gone, or the file is closing
 * @rcu: the receive path looks the file up under RCU
 */
struct cd_vcfd {
	struct cd_nlobj *vc;
	refcount_t ref;
	spinlock_t lock;		/* rxq, inflight, senders, dead */
	struct sk_buff_head rxq;
	wait_queue_head_t wq;
	unsigned int inflight;
	unsigned int senders;
	bool dead;
	struct rcu_head rcu;
};

static void cd_vcfd_put(struct cd_vcfd *f)
{
	if (!refcount_dec_and_test(&f->ref))
		return;
	skb_queue_purge(&f->rxq);
	cd_nlobj_put(f->vc);
	kfree_rcu(f, rcu);
}

static void cd_vcfd_kill(struct cd_vcfd *f)
{
	unsigned long flags;

	spin_lock_irqsave(&f->lock, flags);
	f->dead = true;
	spin_unlock_irqrestore(&f->lock, flags);
	wake_up_interruptible_all(&f->wq);
}

static ssize_t cd_vcfd_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct cd_vcfd *f = iocb->ki_filp->private_data;
	struct sk_buff *skb;
	unsigned long flags;
	size_t len;
	bool dead;
	int ret;

	for (;;) {
		spin_lock_irqsave(&f->lock, flags);
		skb = __skb_dequeue(&f->rxq);
		dead = f->dead;
		spin_unlock_irqrestore(&f->lock, flags);
		if (skb)
			break;
		if (dead)
			return 0;
		if (iocb->ki_flags & IOCB_NOWAIT || iocb->ki_filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = wait_event_interruptible(f->wq, !skb_queue_empty_lockless(&f->rxq) ||
					       READ_ONCE(f->dead));
		if (ret)
			return ret;
	}
	len = min_t(size_t, iov_iter_count(to), skb->len);
	ret = skb_copy_datagram_iter(skb, 0, to, len);
	consume_skb(skb);
	return ret ?: len;
}

static ssize_t cd_vcfd_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct cd_vcfd *f = iocb->ki_filp->private_data;
	size_t len = iov_iter_count(from);
	unsigned long flags;
	struct sk_buff *skb;
	int ret;

	if (!len || len > CD_VCFD_MTU)
		return -EMSGSIZE;
	skb = alloc_skb(CD_VCFD_HEADROOM + len, GFP_KERNEL_ACCOUNT);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, CD_VCFD_HEADROOM);
	if (!copy_from_iter_full(skb_put(skb, len), len, from)) {
		kfree_skb(skb);
		return -EFAULT;
	}
	for (;;) {
		spin_lock_irqsave(&f->lock, flags);
		ret = f->dead ? -EPIPE : 0;
		if (!ret && f->inflight < CD_VCFD_INFLIGHT) {
			f->inflight++;
			f->senders++;
			spin_unlock_irqrestore(&f->lock, flags);
			break;
		}
		spin_unlock_irqrestore(&f->lock, flags);
		if (!ret && (iocb->ki_flags & IOCB_NOWAIT ||
			     iocb->ki_filp->f_flags & O_NONBLOCK))
			ret = -EAGAIN;
		if (!ret)
			ret = wait_event_interruptible(f->wq, READ_ONCE(f->dead) ||
						       READ_ONCE(f->inflight) < CD_VCFD_INFLIGHT);
		if (ret) {
			kfree_skb(skb);
			return ret;
		}
	}
	ret = condis_co_send(f->vc->handle, skb);	/* takes the skb */
	spin_lock_irqsave(&f->lock, flags);
	f->senders--;
	if (ret)
		f->inflight--;
	spin_unlock_irqrestore(&f->lock, flags);
	if (wq_has_sleeper(&f->wq))	/* a hangup waiting for the senders */
		wake_up_all(&f->wq);
	return ret ?: len;
}

static __poll_t cd_vcfd_poll(struct file *file, poll_table *wait)
{
	struct cd_vcfd *f = file->private_data;
	__poll_t mask = 0;

	poll_wait(file, &f->wq, wait);
	if (!skb_queue_empty_lockless(&f->rxq))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(f->dead))
		mask |= EPOLLHUP | EPOLLIN | EPOLLRDNORM;
	else if (READ_ONCE(f->inflight) < CD_VCFD_INFLIGHT)
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

static int cd_vcfd_release(struct inode *inode, struct file *file)
{
	struct cd_vcfd *f = file->private_data;

	if (cmpxchg(&f->vc->vcfd, f, NULL) == f)
		cd_vcfd_put(f);		/* the VC's link */
	cd_vcfd_kill(f);
	cd_vcfd_put(f);
	return 0;
}

static const struct file_operations cd_vcfd_fops = {
	.owner = THIS_MODULE,
	.read_iter = cd_vcfd_read_iter,
	.write_iter = cd_vcfd_write_iter,
	.poll = cd_vcfd_poll,
	.release = cd_vcfd_release,
};

/**
 * cd_vcfd_open - a file descriptor for a VC the caller's socket owns
 * @vc: the VC's context, connected (cd_vc_connected()); its socket's lock
 *	is held
 * @extack: for the error message
 *
 * Context: process, in the task that sent the request (the descriptor is
 * installed in its file table).
 * Return: the descriptor or a negative errno.
 */
int cd_vcfd_open(struct cd_nlobj *vc, struct netlink_ext_ack *extack)
{
	unsigned long flags;
	struct cd_vcfd *f;
	int fd;

	if (READ_ONCE(vc->vcnd)) {
		NL_SET_ERR_MSG(extack, "the call carries IP through an interface");
		return -EBUSY;
	}
	if (READ_ONCE(vc->vcfd)) {
		NL_SET_ERR_MSG(extack, "the call already has a file descriptor open");
		return -EBUSY;
	}
	f = kzalloc(sizeof(*f), GFP_KERNEL_ACCOUNT);
	if (!f)
		return -ENOMEM;
	f->vc = vc;
	refcount_inc(&vc->ref);
	refcount_set(&f->ref, 2);
	spin_lock_init(&f->lock);
	skb_queue_head_init(&f->rxq);
	init_waitqueue_head(&f->wq);
	fd = anon_inode_getfd("[condis-vc]", &cd_vcfd_fops, f, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		refcount_set(&f->ref, 1);
		cd_vcfd_put(f);
		return fd;
	}
	/* the backlog goes first; from now on receive queues to the file */
	spin_lock_irqsave(&vc->backlog.lock, flags);
	skb_queue_splice_init(&vc->backlog, &f->rxq);
	WRITE_ONCE(vc->vcfd, f);
	spin_unlock_irqrestore(&vc->backlog.lock, flags);
	return fd;
}

/* A frame arrived on the VC (atomic context). */
void cd_vcfd_receive(struct cd_nlobj *vc, struct sk_buff *skb)
{
	struct cd_vcfd *f;
	unsigned long flags;
	bool queued = false;

	rcu_read_lock();
	spin_lock_irqsave(&vc->backlog.lock, flags);
	f = READ_ONCE(vc->vcfd);
	if (!f && skb_queue_len(&vc->backlog) < CD_VCFD_RXQ_MAX) {
		__skb_queue_tail(&vc->backlog, skb);
		queued = true;
	}
	spin_unlock_irqrestore(&vc->backlog.lock, flags);
	if (f) {
		spin_lock_irqsave(&f->lock, flags);
		if (!f->dead && skb_queue_len(&f->rxq) < CD_VCFD_RXQ_MAX) {
			__skb_queue_tail(&f->rxq, skb);
			queued = true;
		}
		spin_unlock_irqrestore(&f->lock, flags);
		if (queued)
			wake_up_interruptible(&f->wq);
	}
	rcu_read_unlock();
	if (!queued)
		kfree_skb(skb);
}

void cd_vcfd_send_complete(struct cd_nlobj *vc, struct sk_buff *skb)
{
	struct cd_vcfd *f;
	unsigned long flags;
	bool wake;

	rcu_read_lock();
	f = READ_ONCE(vc->vcfd);
	if (f) {
		spin_lock_irqsave(&f->lock, flags);
		if (f->inflight)
			f->inflight--;
		/* blocked writers wake when half the window is free, not per frame */
		wake = f->inflight == CD_VCFD_INFLIGHT / 2;
		spin_unlock_irqrestore(&f->lock, flags);
		if (wake)
			wake_up_all(&f->wq);
	}
	rcu_read_unlock();
	consume_skb(skb);
}

/*
 * The call is going: no more frames either way. Waits for writers inside
 * condis_co_send(), so no send follows. Context: process.
 */
void cd_vcfd_hangup(struct cd_nlobj *vc)
{
	struct cd_vcfd *f = xchg(&vc->vcfd, NULL);

	if (!f)
		return;
	cd_vcfd_kill(f);
	wait_event(f->wq, !READ_ONCE(f->senders));
	cd_vcfd_put(f);
}
