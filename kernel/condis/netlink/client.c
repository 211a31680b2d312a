// SPDX-License-Identifier: GPL-2.0
/*
 * A netlink socket as a CoNDIS client.
 *
 * A socket's first request that creates something registers a condis
 * client on its behalf ("netlink:<port>"); the AFs, SAPs, VCs and parties
 * it then creates belong to it, and only it may act on them. When the
 * socket is closed, the client is unregistered, which tears everything
 * down in contract order (teardown.c): a killed process leaves nothing.
 *
 * The requests are in requests.c and answer at once. The client
 * handlers turn into notifications on the "events" group; those that need
 * an answer from a client get it here: an incoming close is answered by
 * closing the call, an incoming drop by dropping the party, a close-AF
 * notification by letting condis close everything under the AF. An
 * incoming call is the exception: it pends until the owner answers with
 * call-accept or call-reject, or the SAP's accept-timeout rejects it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <net/condis_view.h>
#include <net/netns/generic.h>
#include <net/sock.h>
#include "netlink.h"

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
static const struct condis_client_ops cd_nl_client_ops;

/* ---- objects a socket owns ---------------------------------------------- */

void cd_nlobj_put(struct cd_nlobj *obj)
{
	if (refcount_dec_and_test(&obj->ref))
		kfree(obj);
}

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
static void cd_nlobj_later(struct cd_nlobj *obj, unsigned int ms)
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
	sk->going = true;
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

/* The requester's cd_nlsk; registered as a client with its first object. */
struct cd_nlsk *cd_nlsk_for(struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	char name[32];
	struct cd_nlsk *sk;
	int ret, t;

	sk = cd_nlsk_find(net, info->snd_portid, cd_nl_sender(info));
	if (sk)
		return sk;
	mutex_lock(&cd_nlsk_create_lock);
	sk = cd_nlsk_find(net, info->snd_portid, cd_nl_sender(info));
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
	sk->nlsk = cd_nl_sender(info);
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

int cd_nlsk_init(void)
{
	return register_pernet_subsys(&cd_nl_net_ops);
}

void cd_nlsk_exit(void)
{
	unregister_pernet_subsys(&cd_nl_net_ops);
}

/* ---- notifications -------------------------------------------------------- */

/* What the front-end reads of a call (a view's show function). */
struct cd_nl_call {
	u32 af;
	u32 sap;		/* an incoming call's */
	u8 state;
	u32 max_sdu;		/* transmit; 0: none set */
};

static int cd_nl_call_of(void *arg, const struct condis_view *v)
{
	struct cd_nl_call *c = arg;

	c->af = v->call.af_id;
	c->sap = v->call.sap_id;
	c->state = v->call.state;
	c->max_sdu = v->call.cp ? v->call.cp->tx.max_sdu_size : 0;
	return 1;	/* not its parties */
}

/* The socket's call @vc as condis has it; false when it is gone. */
static bool cd_nl_call_get(struct cd_nlobj *vc, struct cd_nl_call *c)
{
	return condis_view_get(vc->sk->net, CONDIS_VIEW_CALL, vc->id, cd_nl_call_of, c) == 1;
}

/**
 * cd_vc_connected - is a socket's call connected?
 * @vc: the call's context
 * @max_sdu: if not NULL, receives its transmit SDU size (0: none set)
 *
 * A call the far end closed is not, though condis has it connected until
 * our close: a descriptor opened then would send after it.
 * Context: process, the socket's lock held.
 * Return: true when its call is connected.
 */
bool cd_vc_connected(struct cd_nlobj *vc, u32 *max_sdu)
{
	struct cd_nl_call c;

	lockdep_assert_held(&vc->sk->lock);
	if (vc->far_closed)	/* connected still, until our close */
		return false;
	if (!cd_nl_call_get(vc, &c))
		return false;
	if (max_sdu)
		*max_sdu = c.max_sdu;
	return c.state == CONDIS_CALL_STATE_CONNECTED;
}

/* Notification about a call: id, AF, SAP (incoming), cause (close), parameters. */
static void cd_nl_call_event(struct cd_nlobj *vc, u8 cmd, int cause,
			     const struct condis_call_params *cp)
{
	struct cd_nl_call c = {};
	struct sk_buff *skb;
	void *hdr;

	cd_nl_call_get(vc, &c);	/* gone: without its AF and SAP */
	skb = cd_nl_new(cmd, &hdr, cd_nl_params_size(cp));
	if (!skb)
		return;
	if (nla_put_u32(skb, CONDIS_A_CALL_ID, vc->id) ||
	    (c.af && nla_put_u32(skb, CONDIS_A_CALL_AF_ID, c.af)) ||
	    (cmd == CONDIS_CMD_CALL_INCOMING_NTF && c.sap &&
	     nla_put_u32(skb, CONDIS_A_CALL_SAP_ID, c.sap)) ||
	    (cmd == CONDIS_CMD_CALL_CLOSE_NTF &&
	     nla_put_u32(skb, CONDIS_A_CALL_CAUSE, condis_status_to_ndis(cause))) ||
	    cd_nl_put_params(skb, CONDIS_A_CALL_PARAMS, cp)) {
		nlmsg_free(skb);
		return;
	}
	cd_nl_notify(vc->sk->net, skb, hdr);
}

/* ---- client handlers ------------------------------------------------------ */

static void cd_nl_af_register_notify(void *cl_ctx, struct condis_adapter *adapter,
				     u32 af_type)
{
}

/* Completion of a request that creates an object: forget it on failure. */
static void cd_nl_created(struct cd_nlobj *obj, u32 request, void *handle,
			  int status, const struct condis_call_params *cp)
{
	struct cd_nlsk *sk = obj->sk;
	u32 id;

	mutex_lock(&sk->lock);
	id = obj->id ?: condis_handle_id(handle);	/* set once the request returned */
	if (status)
		cd_nlobj_forget(obj);
	mutex_unlock(&sk->lock);
	cd_nl_request_done(sk->net, request, id, status, cp);
}

/* Completion of a request that removes an object: forget it on success. */
static void cd_nl_removed(struct cd_nlobj *obj, u32 request, int status)
{
	struct cd_nlsk *sk = obj->sk;
	u32 id = obj->id;

	mutex_lock(&sk->lock);
	if (!status)
		cd_nlobj_forget(obj);
	mutex_unlock(&sk->lock);
	cd_nl_request_done(sk->net, request, id, status, NULL);
}

static void cd_nl_open_af_complete(int status, void *ctx, struct condis_af *af)
{
	cd_nl_created(ctx, CONDIS_REQUEST_AF_OPEN, af, status, NULL);
}

static void cd_nl_close_af_complete(int status, void *ctx)
{
	cd_nl_removed(ctx, CONDIS_REQUEST_AF_CLOSE, status);
}

/* The CM wants the AF closed: let condis close what is under it. */
static void cd_nl_notify_close_af(void *ctx)
{
	struct cd_nlobj *af = ctx;

	condis_cl_notify_close_af_complete(0, af->handle);
}

static void cd_nl_register_sap_complete(int status, void *ctx, struct condis_sap *sap)
{
	cd_nl_created(ctx, CONDIS_REQUEST_SAP_REGISTER, sap, status, NULL);
}

static void cd_nl_deregister_sap_complete(int status, void *ctx)
{
	cd_nl_removed(ctx, CONDIS_REQUEST_SAP_DEREGISTER, status);
}

/* A VC the CM creates for an incoming call. */
static int cd_nl_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	struct cd_nlsk *sk = ((struct cd_nlobj *)af_ctx)->sk;
	struct cd_nlobj *obj;
	int ret;

	mutex_lock(&sk->lock);
	obj = cd_nlobj_new(sk, CONDIS_VIEW_CALL, NULL);
	ret = PTR_ERR_OR_ZERO(obj);
	if (!ret) {
		cd_nlobj_publish(obj, vc);
		*vc_ctx = obj;
	}
	mutex_unlock(&sk->lock);
	return ret;
}

static int cd_nl_delete_vc(void *ctx)
{
	struct cd_nlobj *obj = ctx;
	struct cd_nlsk *sk = obj->sk;

	mutex_lock(&sk->lock);
	cd_nlobj_forget(obj);
	mutex_unlock(&sk->lock);
	return 0;
}

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

static void cd_nl_make_call_complete(int status, void *ctx, struct condis_party *party,
				     const struct condis_call_params *cp)
{
	struct cd_nlobj *obj = ctx;

	cd_nl_request_done(obj->sk->net, CONDIS_REQUEST_CALL_MAKE, obj->id, status, cp);
	if (status)
		cd_nl_call_gone(obj);
}

static void cd_nl_close_call_complete(int status, void *ctx, void *party_ctx)
{
	struct cd_nlobj *obj = ctx;

	cd_nl_request_done(obj->sk->net, CONDIS_REQUEST_CALL_CLOSE, obj->id, status, NULL);
	if (!status)
		cd_nl_call_gone(obj);
}

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
static bool cd_nl_close_far(struct cd_nlobj *obj)
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

static int cd_nl_incoming_call(void *sap_ctx, void *vc_ctx,
			       struct condis_call_params *cp)
{
	struct cd_nlobj *sap = sap_ctx, *obj = vc_ctx;
	u32 pend = condis_get_pend_timeout_ms();
	struct cd_nlsk *sk = obj->sk;
	u32 ms = sap->timeout_ms;

	/* rejected before condis's pend watchdog would answer in our place */
	if (pend && ms > pend - pend / 10)
		ms = pend - pend / 10;
	mutex_lock(&sk->lock);
	if (sk->going) {	/* nobody will answer: no */
		mutex_unlock(&sk->lock);
		return -ECONNRESET;
	}
	obj->answering = true;
	cd_nlobj_later(obj, ms);
	mutex_unlock(&sk->lock);
	cd_nl_call_event(obj, CONDIS_CMD_CALL_INCOMING_NTF, 0, cp);
	return CONDIS_PENDING;
}

static void cd_nl_call_connected(void *ctx)
{
	cd_nl_call_event(ctx, CONDIS_CMD_CALL_CONNECTED_NTF, 0, NULL);
}

/* The far end or the network closed the call: close our side too. */
static void cd_nl_incoming_close(int cause, void *ctx, const void *buf, u32 len)
{
	struct cd_nlobj *obj = ctx;
	struct cd_nlsk *sk = obj->sk;
	bool gone;

	cd_nl_call_event(obj, CONDIS_CMD_CALL_CLOSE_NTF, cause, NULL);
	mutex_lock(&sk->lock);
	obj->far_closed = true;	/* no descriptor or interface opened after */
	mutex_unlock(&sk->lock);
	cd_vc_hangup(obj);	/* no send once the close is issued */
	condis_co_sends_wait(obj->handle);	/* and those sent have completed */
	mutex_lock(&sk->lock);
	gone = cd_nl_close_far(obj);
	mutex_unlock(&sk->lock);
	if (gone)
		cd_nl_call_gone(obj);
}

static void cd_nl_modify_qos_complete(int status, void *ctx,
				      const struct condis_call_params *cp)
{
	struct cd_nlobj *obj = ctx;

	cd_nl_request_done(obj->sk->net, CONDIS_REQUEST_CALL_MODIFY_QOS, obj->id,
			   status, cp);
}

static void cd_nl_incoming_qos_change(void *ctx, const struct condis_call_params *cp)
{
	cd_nl_call_event(ctx, CONDIS_CMD_CALL_QOS_NTF, 0, cp);
}

static void cd_nl_add_party_complete(int status, void *ctx, struct condis_party *party,
				     const struct condis_call_params *cp)
{
	cd_nl_created(ctx, CONDIS_REQUEST_PARTY_ADD, party, status, cp);
}

static void cd_nl_drop_party_complete(int status, void *ctx)
{
	cd_nl_removed(ctx, CONDIS_REQUEST_PARTY_DROP, status);
}

static void cd_nl_incoming_drop_party(int cause, void *ctx, const void *buf, u32 len)
{
	struct cd_nlobj *obj = ctx;
	struct sk_buff *skb;
	void *hdr;
	int ret;

	skb = cd_nl_new(CONDIS_CMD_PARTY_DROP_NTF, &hdr, cd_nl_params_size(NULL));
	if (skb) {
		if (nla_put_u32(skb, CONDIS_A_PARTY_ID, obj->id) ||
		    nla_put_u32(skb, CONDIS_A_PARTY_CALL_ID, obj->vc->id) ||
		    nla_put_u32(skb, CONDIS_A_PARTY_CAUSE, condis_status_to_ndis(cause)))
			nlmsg_free(skb);
		else
			cd_nl_notify(obj->sk->net, skb, hdr);
	}
	ret = condis_cl_drop_party(obj->handle, NULL, 0);
	if (!ret) {
		struct cd_nlsk *sk = obj->sk;	/* forgetting obj frees it */

		mutex_lock(&sk->lock);
		cd_nlobj_forget(obj);
		mutex_unlock(&sk->lock);
	}
}

static int cd_nl_oid_request(void *af_ctx, void *vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void cd_nl_oid_request_complete(void *af_ctx, struct condis_oid_request *req,
				       int status)
{
}

static void cd_nl_receive(void *ctx, struct sk_buff *skb)
{
	struct cd_nlobj *vc = ctx;
	struct cd_vcnd *nd;

	rcu_read_lock();
	nd = READ_ONCE(vc->vcnd);
	if (nd)
		cd_vcnd_receive(nd, skb);
	else
		cd_vcfd_receive(vc, skb);
	rcu_read_unlock();
}

static void cd_nl_send_complete(void *ctx, struct sk_buff *skb, int status)
{
	struct cd_nlobj *vc = ctx;
	struct cd_vcnd *nd;

	rcu_read_lock();
	nd = READ_ONCE(vc->vcnd);
	if (nd)
		cd_vcnd_send_complete(nd, skb);
	else
		cd_vcfd_send_complete(vc, skb);
	rcu_read_unlock();
}

static void cd_nl_status(void *cl_ctx, void *vc_ctx, int status, const void *buf,
			 u32 len)
{
	struct cd_nlsk *sk = cl_ctx;
	struct cd_nlobj *vc = vc_ctx;
	struct sk_buff *skb;
	void *hdr;

	skb = cd_nl_new(CONDIS_CMD_STATUS_NTF, &hdr,
			cd_nl_params_size(NULL) + nla_total_size(min_t(u32, len, 1024)));
	if (!skb)
		return;
	if ((vc && nla_put_u32(skb, CONDIS_A_EVENT_CALL_ID, vc->id)) ||
	    nla_put_s32(skb, CONDIS_A_EVENT_STATUS, status) ||
	    nla_put_u32(skb, CONDIS_A_EVENT_NDIS_STATUS, condis_status_to_ndis(status)) ||
	    (len && nla_put(skb, CONDIS_A_EVENT_BUFFER, min_t(u32, len, 1024), buf))) {
		nlmsg_free(skb);
		return;
	}
	cd_nl_notify(sk->net, skb, hdr);
}

static const struct condis_client_ops cd_nl_client_ops = {
	.af_register_notify = cd_nl_af_register_notify,
	.open_af_complete = cd_nl_open_af_complete,
	.close_af_complete = cd_nl_close_af_complete,
	.notify_close_af = cd_nl_notify_close_af,
	.register_sap_complete = cd_nl_register_sap_complete,
	.deregister_sap_complete = cd_nl_deregister_sap_complete,
	.create_vc = cd_nl_create_vc,
	.delete_vc = cd_nl_delete_vc,
	.make_call_complete = cd_nl_make_call_complete,
	.close_call_complete = cd_nl_close_call_complete,
	.incoming_call = cd_nl_incoming_call,
	.call_connected = cd_nl_call_connected,
	.incoming_close = cd_nl_incoming_close,
	.modify_qos_complete = cd_nl_modify_qos_complete,
	.incoming_qos_change = cd_nl_incoming_qos_change,
	.add_party_complete = cd_nl_add_party_complete,
	.drop_party_complete = cd_nl_drop_party_complete,
	.incoming_drop_party = cd_nl_incoming_drop_party,
	.oid_request = cd_nl_oid_request,
	.oid_request_complete = cd_nl_oid_request_complete,
	.receive = cd_nl_receive,
	.send_complete = cd_nl_send_complete,
	.status = cd_nl_status,
};
