// SPDX-License-Identifier: GPL-2.0
/*
 * The netlink sockets acting as CoNDIS clients, and what each owns.
 *
 * A socket's first request that creates something registers a condis
 * client on its behalf ("netlink:<port>", with client.c's handlers); the
 * AFs, SAPs, VCs and parties it then creates belong to it (struct
 * cd_nlobj, by condis id), and only it may act on them: a request names
 * its object by id and family.c's pre_doit finds it here. When the socket
 * is closed, the client is unregistered, which tears everything down in
 * contract order (teardown.c): a killed process leaves nothing.
 *
 * An object's timer acts for its owner later: it rejects an incoming call
 * not answered in time, and closes again a call the far end closed that
 * could not be closed at once.
 */
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <net/condis_view.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <net/sock.h>
#include "socket.h"
#include "client.h"
#include "vc_netdev.h"

unsigned int cd_nl_max_per_socket = 65536;
module_param_named(nl_max_objects_per_socket, cd_nl_max_per_socket, uint, 0644);
MODULE_PARM_DESC(nl_max_objects_per_socket,
		 "AFs, SAPs, calls and parties one netlink socket may own (65536)");
unsigned int cd_nl_max_per_netns = 1048576;
module_param_named(nl_max_objects_per_netns, cd_nl_max_per_netns, uint, 0644);
MODULE_PARM_DESC(nl_max_objects_per_netns,
		 "AFs, SAPs, calls and parties netlink sockets of one network namespace may own (1048576)");

struct cd_nl_net {
	atomic_t nobjs;
};

static unsigned int cd_nl_net_id __read_mostly;
static DEFINE_MUTEX(cd_nlsk_create_lock);

/* ---- sockets by port ------------------------------------------------------ */

/* Socket releases and their objects' timers: they wait for condis_wq's work. */
struct workqueue_struct *cd_nl_wq;
static DEFINE_HASHTABLE(cd_nlsks, 8);
static DEFINE_SPINLOCK(cd_nlsk_lock);

static u32 cd_nlsk_hash(const struct net *net, u32 portid)
{
	return hash_ptr(net, 32) ^ portid;
}

/*
 * The cd_nlsk of the socket @nlsk bound to @portid in @net: the one sending
 * the request being handled, or the one reading a dump; it stays open (and
 * its cd_nlsk alive) while it does.
 */
struct cd_nlsk *cd_nlsk_find(const struct net *net, u32 portid,
			     const struct sock *nlsk)
{
	struct cd_nlsk *sk;

	spin_lock_bh(&cd_nlsk_lock);
	hash_for_each_possible(cd_nlsks, sk, node, cd_nlsk_hash(net, portid))
		if (sk->nlsk == nlsk && sk->portid == portid && net_eq(sk->net, net))
			goto out;
	sk = NULL;
out:
	spin_unlock_bh(&cd_nlsk_lock);
	return sk;
}
EXPORT_SYMBOL_IF_KUNIT(cd_nlsk_find);

/* A socket's first object made it a client: it can be found from now on. */
void cd_nlsk_add(struct cd_nlsk *sk)
{
	spin_lock_bh(&cd_nlsk_lock);
	hash_add(cd_nlsks, &sk->node, cd_nlsk_hash(sk->net, sk->portid));
	spin_unlock_bh(&cd_nlsk_lock);
}
EXPORT_SYMBOL_IF_KUNIT(cd_nlsk_add);

/*
 * A socket was released. Its port is free already, and another socket may
 * have bound it and become a client too: the released one is the socket
 * netlink_release() orphaned (SOCK_DEAD), which the cd_nlsk holds.
 */
int cd_nl_sock_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct netlink_notify *n = ptr;
	struct cd_nlsk *sk;

	if (event != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC)
		return NOTIFY_DONE;
	spin_lock_bh(&cd_nlsk_lock);
	hash_for_each_possible(cd_nlsks, sk, node, cd_nlsk_hash(n->net, n->portid))
		if (sk->portid == n->portid && net_eq(sk->net, n->net) &&
		    sock_flag(sk->nlsk, SOCK_DEAD))
			goto found;
	spin_unlock_bh(&cd_nlsk_lock);
	return NOTIFY_DONE;
found:
	hash_del(&sk->node);	/* not to be found from now on */
	spin_unlock_bh(&cd_nlsk_lock);
	queue_work(cd_nl_wq, &sk->release);	/* may sleep: not here */
	return NOTIFY_OK;
}
EXPORT_SYMBOL_IF_KUNIT(cd_nl_sock_event);

static struct notifier_block cd_nl_notifier = {
	.notifier_call = cd_nl_sock_event,
};

/* ---- objects a socket owns ---------------------------------------------- */

static void cd_nlsk_put(struct cd_nlsk *sk)
{
	if (!refcount_dec_and_test(&sk->ref))
		return;
	mutex_destroy(&sk->lock);
	sock_put(sk->nlsk);
	put_net(sk->net);
	kfree(sk);
}

/* Run the object's timer in @ms. sk->lock held. */
void cd_nlobj_later(struct cd_nlobj *obj, unsigned int ms)
{
	lockdep_assert_held(&obj->sk->lock);
	if (delayed_work_pending(&obj->timer))
		return;
	refcount_inc(&obj->ref);
	refcount_inc(&obj->sk->ref);
	queue_delayed_work(cd_nl_wq, &obj->timer, msecs_to_jiffies(ms));
}

/* Nothing for the object's timer to do any more. sk->lock held. */
void cd_nlobj_unarm(struct cd_nlobj *obj)
{
	lockdep_assert_held(&obj->sk->lock);
	obj->answering = false;
	obj->reclosing = false;
	if (cancel_delayed_work(&obj->timer)) {
		refcount_dec(&obj->sk->ref);	/* the socket's own stays */
		cd_nlobj_put(obj);
	}
}

static void cd_nl_obj_timer(struct work_struct *work);

/* Caller holds sk->lock. */
struct cd_nlobj *cd_nlobj_new(struct cd_nlsk *sk, u8 type,
			      struct netlink_ext_ack *extack)
{
	struct cd_nl_net *nn = net_generic(sk->net, cd_nl_net_id);
	struct cd_nlobj *obj;

	lockdep_assert_held(&sk->lock);
	if (sk->nobjs >= cd_nl_max_per_socket) {
		NL_SET_ERR_MSG(extack,
			       "this socket owns too many objects (nl_max_objects_per_socket)");
		return ERR_PTR(-ENOSPC);
	}
	if (atomic_inc_return(&nn->nobjs) > cd_nl_max_per_netns) {
		atomic_dec(&nn->nobjs);
		NL_SET_ERR_MSG(extack,
			       "this network namespace has too many objects (nl_max_objects_per_netns)");
		return ERR_PTR(-ENOSPC);
	}
	/*
	 * Without the lock debugging options (which grow its work item and
	 * lock) an object is at most 256 bytes, from kmalloc-256: each call
	 * has one at each end (Documentation/condis/performance.rst). The
	 * distro builds check it.
	 */
	static_assert(IS_ENABLED(CONFIG_DEBUG_SPINLOCK) || IS_ENABLED(CONFIG_LOCKDEP) ||
		      sizeof(struct cd_nlobj) <= 256);
	obj = kzalloc(sizeof(*obj), GFP_KERNEL_ACCOUNT);
	if (!obj) {
		atomic_dec(&nn->nobjs);
		return ERR_PTR(-ENOMEM);
	}
	obj->sk = sk;
	obj->type = type;
	RB_CLEAR_NODE(&obj->by_id);
	refcount_set(&obj->ref, 1);
	INIT_DELAYED_WORK(&obj->timer, cd_nl_obj_timer);
	INIT_LIST_HEAD(&obj->parties);
	INIT_LIST_HEAD(&obj->party_node);
	skb_queue_head_init(&obj->backlog);
	sk->nobjs++;
	return obj;
}

/* The object of a type the socket owns with an id, or NULL. sk->lock held. */
struct cd_nlobj *cd_nlobj_find(struct cd_nlsk *sk, u8 type, u32 id)
{
	struct rb_node *n = sk->objs[type].rb_node;

	lockdep_assert_held(&sk->lock);
	while (n) {
		struct cd_nlobj *obj = rb_entry(n, struct cd_nlobj, by_id);

		if (id < obj->id)
			n = n->rb_left;
		else if (id > obj->id)
			n = n->rb_right;
		else
			return obj;
	}
	return NULL;
}

/*
 * The handle is known: the object can be found by its id. Cannot fail
 * (what condis made on the socket's behalf must be tracked). sk->lock held.
 */
void cd_nlobj_publish(struct cd_nlobj *obj, void *handle)
{
	struct rb_root *root = &obj->sk->objs[obj->type];
	struct rb_node **p = &root->rb_node, *parent = NULL;

	lockdep_assert_held(&obj->sk->lock);
	obj->handle = handle;
	obj->id = condis_handle_id(handle);
	while (*p) {
		parent = *p;
		if (obj->id < rb_entry(parent, struct cd_nlobj, by_id)->id)
			p = &parent->rb_left;
		else
			p = &parent->rb_right;
	}
	rb_link_node(&obj->by_id, parent, p);
	rb_insert_color(&obj->by_id, root);
}

/*
 * A call the SAP's backlog accepted is connected or gone: its place is
 * free. Set only while the call is offered, cleared only here.
 */
void cd_nl_backlog_release(struct cd_nlobj *obj)
{
	struct cd_nlobj *sap = obj->accepted_for;

	lockdep_assert_held(&obj->sk->lock);
	if (!sap)
		return;
	WRITE_ONCE(obj->accepted_for, NULL);
	sap->accepting--;
	cd_nlobj_put(sap);
}

/* condis is done with the object: drop the socket's reference. sk->lock held. */
void cd_nlobj_forget(struct cd_nlobj *obj)
{
	struct cd_nlsk *sk = obj->sk;
	struct cd_nlobj *p, *tmp;

	lockdep_assert_held(&sk->lock);
	list_for_each_entry_safe(p, tmp, &obj->parties, party_node)
		cd_nlobj_forget(p);
	list_del_init(&obj->party_node);
	if (!RB_EMPTY_NODE(&obj->by_id)) {
		rb_erase(&obj->by_id, &sk->objs[obj->type]);
		RB_CLEAR_NODE(&obj->by_id);
	}
	cd_nlobj_unarm(obj);
	if (obj->type == CONDIS_VIEW_CALL) {
		cd_nl_backlog_release(obj);
		cd_vc_hangup(obj);
		skb_queue_purge(&obj->backlog);
	}
	sk->nobjs--;
	atomic_dec(&((struct cd_nl_net *)net_generic(sk->net, cd_nl_net_id))->nobjs);
	cd_nlobj_put(obj);
}

/* ---- the socket ---------------------------------------------------------- */

static void cd_nlsk_release_work(struct work_struct *work)
{
	struct cd_nlsk *sk = container_of(work, struct cd_nlsk, release);
	struct cd_nlobj *obj;
	struct rb_node *n;
	int t;

	/*
	 * incoming calls still waiting for this socket's answer get a no, and
	 * so do those offered from now on
	 */
	mutex_lock(&sk->lock);
	WRITE_ONCE(sk->going, true);	/* cd_nl_notify() reads it unlocked */
	for (n = rb_first(&sk->objs[CONDIS_VIEW_CALL]); n; n = rb_next(n)) {
		obj = rb_entry(n, struct cd_nlobj, by_id);
		if (obj->answering) {
			obj->answering = false;
			condis_cl_incoming_call_complete(-ECONNRESET, obj->handle, NULL);
		}
		cd_vc_hangup(obj);
	}
	mutex_unlock(&sk->lock);
	/* a timer that began to act before finishes first */
	wait_event(sk->idle, !READ_ONCE(sk->acting));

	condis_client_unregister(sk->client);	/* contract-order teardown */
	condis_flush();

	mutex_lock(&sk->lock);
	for (t = 0; t < CD_NL_TYPES; t++)
		while ((n = rb_first(&sk->objs[t])))
			cd_nlobj_forget(rb_entry(n, struct cd_nlobj, by_id));
	WARN_ON(sk->nobjs);
	mutex_unlock(&sk->lock);
	cd_nlsk_put(sk);
}

/*
 * The cd_nlsk of @nlsk, the socket sending @info; registered as a client
 * with its first object.
 */
struct cd_nlsk *cd_nlsk_for(struct genl_info *info, struct sock *nlsk)
{
	struct net *net = genl_info_net(info);
	char name[32];
	struct cd_nlsk *sk;
	int ret, t;

	sk = cd_nlsk_find(net, info->snd_portid, nlsk);
	if (sk)
		return sk;
	mutex_lock(&cd_nlsk_create_lock);
	sk = cd_nlsk_find(net, info->snd_portid, nlsk);
	if (sk)
		goto out;
	ret = -ENOMEM;
	sk = kzalloc(sizeof(*sk), GFP_KERNEL_ACCOUNT);
	if (!sk)
		goto err;
	/*
	 * held until the release work is done with the namespace's state: a
	 * socket's release runs after the socket is gone, and with it maybe
	 * its namespace's last reference
	 */
	sk->net = get_net(net);
	sk->portid = info->snd_portid;
	sk->nlsk = nlsk;
	sock_hold(sk->nlsk);	/* known by it until the release is done */
	refcount_set(&sk->ref, 1);
	init_waitqueue_head(&sk->idle);
	mutex_init(&sk->lock);
	for (t = 0; t < CD_NL_TYPES; t++)
		sk->objs[t] = RB_ROOT;
	INIT_WORK(&sk->release, cd_nlsk_release_work);
	snprintf(name, sizeof(name), "netlink:%u", sk->portid);
	ret = condis_client_register(net, name, &cd_nl_client_ops, sk, &sk->client);
	if (ret) {
		sock_put(sk->nlsk);
		put_net(sk->net);
		kfree(sk);
		goto err;
	}
	cd_nlsk_add(sk);
out:
	mutex_unlock(&cd_nlsk_create_lock);
	return sk;
err:
	mutex_unlock(&cd_nlsk_create_lock);
	NL_SET_ERR_MSG(info->extack, "cannot register this socket as a client");
	return ERR_PTR(ret);
}

static int cd_nl_pernet_init(struct net *net)
{
	atomic_set(&((struct cd_nl_net *)net_generic(net, cd_nl_net_id))->nobjs, 0);
	return 0;
}

static struct pernet_operations cd_nl_net_ops = {
	.init = cd_nl_pernet_init,
	.id = &cd_nl_net_id,
	.size = sizeof(struct cd_nl_net),
};

/* An outgoing call is over: the socket created its VC, so deletes it. */
void cd_nl_call_gone(struct cd_nlobj *obj)
{
	struct cd_nlsk *sk = obj->sk;

	if (!obj->created)
		return;
	condis_cl_delete_vc(obj->handle);
	mutex_lock(&sk->lock);
	cd_nlobj_forget(obj);
	mutex_unlock(&sk->lock);
}

/* ---- acting for the owner later ------------------------------------------- */

#define CD_RECLOSE_MS		10
#define CD_RECLOSE_MAX_MS	1000

/* A multipoint call closes with its last party (NdisClCloseCall). sk->lock held. */
struct cd_nlobj *cd_nl_last_party(struct cd_nlobj *obj)
{
	lockdep_assert_held(&obj->sk->lock);
	return list_first_entry_or_null(&obj->parties, struct cd_nlobj, party_node);
}

/*
 * Close our side of a call the far end or the network closed (a multipoint
 * call with its last party). A close cannot be made while sends or a
 * party's add or drop are outstanding (-EBUSY, -EINPROGRESS): it is made
 * again later, backing off to once a second, until the call is closed or
 * the socket goes. sk->lock held.
 * Return: true when the call is over (the close completed at once).
 */
bool cd_nl_close_far(struct cd_nlobj *obj)
{
	struct cd_nlobj *last;
	int ret;

	lockdep_assert_held(&obj->sk->lock);
	last = cd_nl_last_party(obj);
	ret = condis_cl_close_call(obj->handle, last ? last->handle : NULL, NULL, 0);
	if (ret == -EBUSY || ret == -EINPROGRESS) {
		obj->reclosing = true;
		cd_nlobj_later(obj, min(CD_RECLOSE_MS << obj->recloses, CD_RECLOSE_MAX_MS));
		if (CD_RECLOSE_MS << obj->recloses < CD_RECLOSE_MAX_MS)
			obj->recloses++;
	}
	return !ret;
}

/*
 * An incoming call was not answered in time, or a close is to be made
 * again. Does nothing once the socket is going (its release answers and
 * closes), and the release waits for what began.
 */
static void cd_nl_obj_timer(struct work_struct *work)
{
	struct cd_nlobj *obj = container_of(to_delayed_work(work), struct cd_nlobj,
					    timer);
	struct cd_nlsk *sk = obj->sk;
	bool answer, gone = false;

	mutex_lock(&sk->lock);
	answer = obj->answering && !sk->going;
	obj->answering = false;
	if (obj->reclosing && !sk->going) {
		obj->reclosing = false;
		gone = cd_nl_close_far(obj);
	}
	if (answer || gone)
		sk->acting++;
	mutex_unlock(&sk->lock);
	if (answer)
		condis_cl_incoming_call_complete(-ETIMEDOUT, obj->handle, NULL);
	if (gone)
		cd_nl_call_gone(obj);
	if (answer || gone) {
		mutex_lock(&sk->lock);
		if (!--sk->acting)
			wake_up(&sk->idle);
		mutex_unlock(&sk->lock);
	}
	cd_nlobj_put(obj);
	cd_nlsk_put(sk);
}

/**
 * cd_nlobj_owned - the object a request names, if its socket owns it
 * @info: the request
 * @nlsk: the socket that sent it
 * @type: CONDIS_VIEW_AF to CONDIS_VIEW_PARTY
 * @attr: the attribute holding the object's id
 *
 * Context: process; on success with the socket's lock held, which the
 * caller releases.
 * Return: the object; or an ERR_PTR whose extack message says whether the
 * id exists at all (-EPERM: another socket's, -ENOENT: none).
 */
struct cd_nlobj *cd_nlobj_owned(struct genl_info *info, struct sock *nlsk, u8 type,
				int attr)
{
	struct net *net = genl_info_net(info);
	struct cd_nlsk *sk;
	struct cd_nlobj *obj;

	if (GENL_REQ_ATTR_CHECK(info, attr))
		return ERR_PTR(-EINVAL);
	sk = cd_nlsk_find(net, info->snd_portid, nlsk);
	if (sk) {
		mutex_lock(&sk->lock);
		obj = cd_nlobj_find(sk, type, nla_get_u32(info->attrs[attr]));
		if (obj)
			return obj;
		mutex_unlock(&sk->lock);
	}
	if (!condis_view_get(net, type, nla_get_u32(info->attrs[attr]), NULL, NULL)) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[attr],
				    "the object belongs to another client or socket");
		return ERR_PTR(-EPERM);
	}
	NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[attr],
			    "no such object in this network namespace");
	return ERR_PTR(-ENOENT);
}

int cd_nlsk_init(void)
{
	int ret;

	cd_nl_wq = alloc_workqueue("condis_nl", WQ_UNBOUND, 0);
	if (!cd_nl_wq)
		return -ENOMEM;
	ret = register_pernet_subsys(&cd_nl_net_ops);
	if (ret)
		goto err_wq;
	ret = netlink_register_notifier(&cd_nl_notifier);
	if (ret)
		goto err_pernet;
	return 0;

err_pernet:
	unregister_pernet_subsys(&cd_nl_net_ops);
err_wq:
	destroy_workqueue(cd_nl_wq);
	return ret;
}

/* Once the family is gone no socket can make a new cd_nlsk: release the rest. */
void cd_nlsk_exit(void)
{
	struct hlist_node *tmp;
	struct cd_nlsk *sk;
	int bkt;

	netlink_unregister_notifier(&cd_nl_notifier);
	spin_lock_bh(&cd_nlsk_lock);
	hash_for_each_safe(cd_nlsks, bkt, tmp, sk, node) {
		hash_del(&sk->node);
		queue_work(cd_nl_wq, &sk->release);
	}
	spin_unlock_bh(&cd_nlsk_lock);
	flush_workqueue(cd_nl_wq);	/* the releases hang calls up */
	rcu_barrier();			/* whose ends are queued after a grace period */
	destroy_workqueue(cd_nl_wq);	/* runs what is queued first */
	unregister_pernet_subsys(&cd_nl_net_ops);
}
