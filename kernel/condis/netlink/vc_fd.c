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
 *
 * Another module may take the descriptor over (<net/condis_vcfd.h>): an
 * ioctl condis does not know goes to the module registered for its type,
 * which attaches itself as the VC's user; the frames then go to the user,
 * which sends with condis_vcfd_send(), and read() and write() fail with
 * EBUSY.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <net/condis_vcfd.h>
#include "vc_fd.h"

#define CD_VCFD_INFLIGHT	64
#define CD_VCFD_RXQ_MAX		256
#define CD_VCFD_MTU		65535
/* room for a miniport's headers: it can send the frame without a copy */
#define CD_VCFD_HEADROOM	(LL_MAX_HEADER + 16)

/**
 * struct condis_vcfd - an open VC file descriptor
 * @vc: the socket's context of the VC (referenced)
 * @ref: the file holds one, the VC's link (vc->vcfd) another
 * @lock: protects @rxq, @dead's change and @user's
 * @rxq: received frames not read yet
 * @wq: readers, writers and the hangup wait here
 * @inflight: frames sent and not completed (atomic: no lock per frame)
 * @senders: writers inside condis_co_send() (the hangup waits for them)
 * @dead: the call is gone, or the file is closing (set under @lock;
 *	senders read it after counting themselves, see cd_vcfd_send_begin())
 * @user: the module carrying the frames, if one took the file over
 * @rcu: the receive path looks the file up under RCU
 */
struct condis_vcfd {
	struct cd_nlobj *vc;
	refcount_t ref;
	spinlock_t lock;		/* rxq, dead, user */
	struct sk_buff_head rxq;
	wait_queue_head_t wq;
	atomic_t inflight;
	atomic_t senders;
	bool dead;
	struct condis_vcfd_user __rcu *user;
	struct rcu_head rcu;
};

static void cd_vcfd_put(struct condis_vcfd *f)
{
	if (!refcount_dec_and_test(&f->ref))
		return;
	skb_queue_purge(&f->rxq);
	cd_nlobj_put(f->vc);
	kfree_rcu(f, rcu);
}

static void cd_vcfd_kill(struct condis_vcfd *f)
{
	unsigned long flags;

	spin_lock_irqsave(&f->lock, flags);
	WRITE_ONCE(f->dead, true);
	spin_unlock_irqrestore(&f->lock, flags);
	/* dead before the senders are read: pairs with cd_vcfd_send_begin() */
	smp_mb();
	wake_up_interruptible_all(&f->wq);
}

/* A sender is out of condis_co_send(): the last one wakes a hangup. */
static void cd_vcfd_send_end(struct condis_vcfd *f)
{
	/* fully ordered: a hangup that still saw this sender is seen dead */
	if (atomic_dec_and_test(&f->senders) && READ_ONCE(f->dead))
		wake_up_all(&f->wq);
}

/*
 * A sender counts itself in @f->senders (a hangup then waits for it) and
 * takes a place in the window, without a lock.
 * Return: 0, -EPIPE (the call is gone) or -EAGAIN (the window is full).
 */
static int cd_vcfd_send_begin(struct condis_vcfd *f)
{
	atomic_inc(&f->senders);
	/* counted before dead is read: pairs with cd_vcfd_kill()'s barrier */
	smp_mb__after_atomic();
	if (READ_ONCE(f->dead)) {
		cd_vcfd_send_end(f);
		return -EPIPE;
	}
	if (!atomic_add_unless(&f->inflight, 1, CD_VCFD_INFLIGHT)) {
		cd_vcfd_send_end(f);
		return -EAGAIN;
	}
	return 0;
}

/*
 * The user goes (the call or the file does): its hangup runs once, after
 * every handler it had running. Context: process, the file dead.
 */
static void cd_vcfd_user_end(struct condis_vcfd *f)
{
	struct condis_vcfd_user *u;
	unsigned long flags;
	struct module *owner;

	spin_lock_irqsave(&f->lock, flags);
	u = rcu_dereference_protected(f->user, lockdep_is_held(&f->lock));
	RCU_INIT_POINTER(f->user, NULL);
	spin_unlock_irqrestore(&f->lock, flags);
	if (!u)
		return;
	synchronize_rcu();
	owner = u->owner;
	u->ops->hangup(u);
	module_put(owner);
}

/* Frames go to the user now, not to read() and from write(). */
static bool cd_vcfd_taken(struct condis_vcfd *f)
{
	return rcu_access_pointer(f->user);
}

static ssize_t cd_vcfd_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct condis_vcfd *f = iocb->ki_filp->private_data;
	struct sk_buff *skb;
	unsigned long flags;
	size_t len;
	bool dead;
	int ret;

	if (cd_vcfd_taken(f))
		return -EBUSY;
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

/* Send a frame counted by cd_vcfd_send_begin(); a hangup waits for it. */
static int cd_vcfd_send_counted(struct condis_vcfd *f, struct sk_buff *skb)
{
	int ret = condis_co_send(f->vc->handle, skb);	/* takes the skb */

	/* no completion follows a failed send: its place is free at once */
	if (ret) {
		atomic_dec(&f->inflight);
		if (wq_has_sleeper(&f->wq))	/* room for a writer */
			wake_up_all(&f->wq);
	}
	cd_vcfd_send_end(f);
	return ret;
}

static ssize_t cd_vcfd_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct condis_vcfd *f = iocb->ki_filp->private_data;
	size_t len = iov_iter_count(from);
	struct sk_buff *skb;
	int ret;

	if (cd_vcfd_taken(f))
		return -EBUSY;
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
	while ((ret = cd_vcfd_send_begin(f))) {
		if (ret == -EAGAIN && !(iocb->ki_flags & IOCB_NOWAIT ||
					iocb->ki_filp->f_flags & O_NONBLOCK))
			ret = wait_event_interruptible(f->wq, READ_ONCE(f->dead) ||
						       atomic_read(&f->inflight) < CD_VCFD_INFLIGHT);
		if (ret) {
			kfree_skb(skb);
			return ret;
		}
	}
	ret = cd_vcfd_send_counted(f, skb);
	return ret ?: len;
}

static __poll_t cd_vcfd_poll(struct file *file, poll_table *wait)
{
	struct condis_vcfd *f = file->private_data;
	__poll_t mask = 0;

	poll_wait(file, &f->wq, wait);
	if (!skb_queue_empty_lockless(&f->rxq))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(f->dead))
		mask |= EPOLLHUP | EPOLLIN | EPOLLRDNORM;
	else if (atomic_read(&f->inflight) < CD_VCFD_INFLIGHT)
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

static int cd_vcfd_release(struct inode *inode, struct file *file)
{
	struct condis_vcfd *f = file->private_data;

	if (cmpxchg(&f->vc->vcfd, f, NULL) == f)
		cd_vcfd_put(f);		/* the VC's link */
	cd_vcfd_kill(f);
	wait_event(f->wq, !atomic_read(&f->senders));	/* the user's */
	cd_vcfd_user_end(f);
	cd_vcfd_put(f);
	return 0;
}

static LIST_HEAD(cd_vcfd_ioctls);
static DEFINE_MUTEX(cd_vcfd_ioctls_lock);	/* cd_vcfd_ioctls */

static struct condis_vcfd_ioctl *cd_vcfd_ioctl_get(unsigned int type)
{
	struct condis_vcfd_ioctl *h, *found = NULL;

	mutex_lock(&cd_vcfd_ioctls_lock);
	list_for_each_entry(h, &cd_vcfd_ioctls, node)
		if (h->type == type && try_module_get(h->owner)) {
			found = h;
			break;
		}
	mutex_unlock(&cd_vcfd_ioctls_lock);
	return found;
}

static long cd_vcfd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	unsigned int type = _IOC_TYPE(cmd);
	struct condis_vcfd_ioctl *h;
	long ret;

	h = cd_vcfd_ioctl_get(type);
	if (!h) {
		request_module("condis-vcfd-ioctl-%02x", type);
		h = cd_vcfd_ioctl_get(type);
	}
	if (!h)
		return -ENOTTY;
	ret = h->ioctl(file->private_data, cmd, arg);
	module_put(h->owner);
	return ret;
}

static const struct file_operations cd_vcfd_fops = {
	.owner = THIS_MODULE,
	.read_iter = cd_vcfd_read_iter,
	.write_iter = cd_vcfd_write_iter,
	.poll = cd_vcfd_poll,
	.unlocked_ioctl = cd_vcfd_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.release = cd_vcfd_release,
};

/**
 * condis_vcfd_ioctl_register - answer the ioctls of one type on VC descriptors
 * @h: the handler, registered until condis_vcfd_ioctl_unregister()
 *
 * Return: 0, or -EEXIST when another module answers @h->type.
 */
int condis_vcfd_ioctl_register(struct condis_vcfd_ioctl *h)
{
	struct condis_vcfd_ioctl *o;
	int ret = 0;

	mutex_lock(&cd_vcfd_ioctls_lock);
	list_for_each_entry(o, &cd_vcfd_ioctls, node)
		if (o->type == h->type)
			ret = -EEXIST;
	if (!ret)
		list_add_tail(&h->node, &cd_vcfd_ioctls);
	mutex_unlock(&cd_vcfd_ioctls_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_vcfd_ioctl_register);

/**
 * condis_vcfd_ioctl_unregister - no more ioctls of a type to a handler
 * @h: the handler condis_vcfd_ioctl_register() took
 *
 * Context: the module's exit (a running handler holds its module).
 */
void condis_vcfd_ioctl_unregister(struct condis_vcfd_ioctl *h)
{
	mutex_lock(&cd_vcfd_ioctls_lock);
	list_del(&h->node);
	mutex_unlock(&cd_vcfd_ioctls_lock);
}
EXPORT_SYMBOL_GPL(condis_vcfd_ioctl_unregister);

/**
 * condis_vcfd_attach - take a VC descriptor's frames over
 * @f: the descriptor (an ioctl handler's)
 * @u: the user; its module is held until its hangup has run
 *
 * Frames already queued for read() go to @u first.
 * Context: process (an ioctl on @f).
 * Return: 0, -EBUSY when the descriptor has a user already, -EPIPE when the
 * call is gone.
 */
int condis_vcfd_attach(struct condis_vcfd *f, struct condis_vcfd_user *u)
{
	struct sk_buff_head queued;
	unsigned long flags;
	struct sk_buff *skb;
	int ret = 0;

	if (!try_module_get(u->owner))
		return -ENODEV;
	__skb_queue_head_init(&queued);
	spin_lock_irqsave(&f->lock, flags);
	if (f->dead)
		ret = -EPIPE;
	else if (rcu_access_pointer(f->user))
		ret = -EBUSY;
	else
		skb_queue_splice_init(&f->rxq, &queued);
	if (!ret)
		rcu_assign_pointer(f->user, u);
	spin_unlock_irqrestore(&f->lock, flags);
	if (ret) {
		module_put(u->owner);
		return ret;
	}
	local_bh_disable();	/* receive's context */
	rcu_read_lock();
	while ((skb = __skb_dequeue(&queued)))
		u->ops->receive(u, skb);
	rcu_read_unlock();
	local_bh_enable();
	return 0;
}
EXPORT_SYMBOL_GPL(condis_vcfd_attach);

/**
 * condis_vcfd_user - the user a VC descriptor has
 * @f: the descriptor
 *
 * Context: under rcu_read_lock(), or in the user's own handlers.
 * Return: the user, or NULL.
 */
struct condis_vcfd_user *condis_vcfd_user(struct condis_vcfd *f)
{
	return rcu_dereference_check(f->user, 1);
}
EXPORT_SYMBOL_GPL(condis_vcfd_user);

/**
 * condis_vcfd_send - the user sends a frame on the VC
 * @f: the descriptor
 * @skb: the frame
 *
 * Context: any up to softirq.
 * Return: 0 (sent; send_done follows, or ran already from within), -EAGAIN
 * when CD_VCFD_INFLIGHT frames are out (send_done says when one came back:
 * the skb is still the caller's), -EPIPE when the call is gone, or the
 * send's error. Takes the skb but for -EAGAIN.
 */
int condis_vcfd_send(struct condis_vcfd *f, struct sk_buff *skb)
{
	int ret = cd_vcfd_send_begin(f);

	if (ret == -EPIPE)
		kfree_skb(skb);
	if (ret)
		return ret;
	return cd_vcfd_send_counted(f, skb);
}
EXPORT_SYMBOL_GPL(condis_vcfd_send);

/* An OID request of a user, shared with its completion */
struct cd_vcfd_oid {
	struct condis_oid_request req;
	struct completion done;
	refcount_t ref;
	int status;
	u8 buf[];
};

static void cd_vcfd_oid_put(struct cd_vcfd_oid *o)
{
	if (refcount_dec_and_test(&o->ref))
		kfree(o);
}

void cd_vcfd_oid_request_complete(struct condis_oid_request *req, int status)
{
	struct cd_vcfd_oid *o = container_of(req, struct cd_vcfd_oid, req);

	o->status = status;
	complete(&o->done);
	cd_vcfd_oid_put(o);
}

/**
 * condis_vcfd_oid_request - the user asks the VC's miniport
 * @f: the descriptor
 * @type: query or set
 * @oid: the OID (a WAN miniport's: <net/condis_wan.h>)
 * @buf: what to set, or where the answer goes
 * @len: the size of @buf, at most 256
 *
 * Context: process; waits for a pending request (killable).
 * Return: the bytes the miniport read or wrote, or a negative errno (the
 * request's status; -EPIPE when the call is gone).
 */
int condis_vcfd_oid_request(struct condis_vcfd *f, enum condis_oid_type type, u32 oid,
			    void *buf, u32 len)
{
	struct cd_vcfd_oid *o;
	int ret;

	might_sleep();
	if (len > 256)
		return -EINVAL;
	if (READ_ONCE(f->dead))
		return -EPIPE;
	o = kzalloc(struct_size(o, buf, len), GFP_KERNEL);
	if (!o)
		return -ENOMEM;
	memcpy(o->buf, buf, len);
	o->req.type = type;
	o->req.oid = oid;
	o->req.buf = o->buf;
	o->req.len = len;
	init_completion(&o->done);
	refcount_set(&o->ref, 2);
	ret = condis_co_oid_request(f->vc->af_handle, f->vc->handle, false,
				    CONDIS_OID_TO_MINIPORT, &o->req);
	if (ret != CONDIS_PENDING) {
		refcount_set(&o->ref, 1);	/* no completion follows */
	} else {
		if (wait_for_completion_killable(&o->done)) {
			cd_vcfd_oid_put(o);
			return -EINTR;
		}
		ret = o->status;
	}
	if (!ret) {
		ret = min(o->req.bytes_done, len);
		if (type == CONDIS_OID_QUERY)
			memcpy(buf, o->buf, ret);
	}
	cd_vcfd_oid_put(o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_vcfd_oid_request);

/**
 * condis_vcfd_net - the namespace of a VC descriptor's call
 * @f: the descriptor
 *
 * Return: the namespace of the netlink socket that owns the call (a PPP
 * channel registers there).
 */
struct net *condis_vcfd_net(struct condis_vcfd *f)
{
	return f->vc->sk->net;
}
EXPORT_SYMBOL_GPL(condis_vcfd_net);

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
	struct condis_vcfd *f;
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
	/* the backlog is in the file when receive sees it, without the lock */
	smp_store_release(&vc->vcfd, f);
	spin_unlock_irqrestore(&vc->backlog.lock, flags);
	return fd;
}

/* A frame arrived on the VC (atomic context). */
void cd_vcfd_receive(struct cd_nlobj *vc, struct sk_buff *skb)
{
	struct condis_vcfd *f;
	unsigned long flags;
	bool queued = false;

	rcu_read_lock();
	/* pairs with the release in cd_vcfd_open(): its backlog is in rxq */
	f = smp_load_acquire(&vc->vcfd);
	/* a full backlog drops without its lock, as a full socket does */
	if (!f && skb_queue_len_lockless(&vc->backlog) < CD_VCFD_RXQ_MAX) {
		spin_lock_irqsave(&vc->backlog.lock, flags);
		f = READ_ONCE(vc->vcfd);
		if (!f && skb_queue_len(&vc->backlog) < CD_VCFD_RXQ_MAX) {
			__skb_queue_tail(&vc->backlog, skb);
			queued = true;
		}
		spin_unlock_irqrestore(&vc->backlog.lock, flags);
	}
	if (f) {
		struct condis_vcfd_user *u = rcu_dereference(f->user);

		if (u) {
			u->ops->receive(u, skb);
			rcu_read_unlock();
			return;
		}
		if (skb_queue_len_lockless(&f->rxq) < CD_VCFD_RXQ_MAX) {
			spin_lock_irqsave(&f->lock, flags);
			if (!f->dead && skb_queue_len(&f->rxq) < CD_VCFD_RXQ_MAX) {
				__skb_queue_tail(&f->rxq, skb);
				queued = true;
			}
			spin_unlock_irqrestore(&f->lock, flags);
		}
		if (queued)
			wake_up_interruptible(&f->wq);
	}
	rcu_read_unlock();
	if (!queued)
		kfree_skb(skb);
}

void cd_vcfd_send_complete(struct cd_nlobj *vc, struct sk_buff *skb)
{
	struct condis_vcfd *f;

	rcu_read_lock();
	f = READ_ONCE(vc->vcfd);
	if (f) {
		struct condis_vcfd_user *u;

		/* blocked writers wake when half the window is free, not per frame */
		if (atomic_dec_if_positive(&f->inflight) == CD_VCFD_INFLIGHT / 2)
			wake_up_all(&f->wq);
		u = rcu_dereference(f->user);
		if (u)
			u->ops->send_done(u);
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
	struct condis_vcfd *f = xchg(&vc->vcfd, NULL);

	if (!f)
		return;
	cd_vcfd_kill(f);
	wait_event(f->wq, !atomic_read(&f->senders));
	cd_vcfd_user_end(f);
	cd_vcfd_put(f);
}

/* The miniport indicated @status on the VC (process context). */
void cd_vcfd_status(struct cd_nlobj *vc, int status, const void *buf, u32 len)
{
	struct condis_vcfd_user *u;
	struct condis_vcfd *f;

	rcu_read_lock();
	f = READ_ONCE(vc->vcfd);
	u = f ? rcu_dereference(f->user) : NULL;
	if (u && u->ops->status)
		u->ops->status(u, status, buf, len);
	rcu_read_unlock();
}
