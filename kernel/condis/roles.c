// SPDX-License-Identifier: GPL-2.0
/*
 * Role registration: miniports (adapters), call managers (AF registrations,
 * stand-alone or integrated) and clients; AF-register notification; the
 * handler tables' required entries.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/net_namespace.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "teardown.h"
#include "data.h"
#include "watch.h"

/* registrations: adapters, their CMs and the clients */
DEFINE_MUTEX(cd_reg_lock);
LIST_HEAD(cd_adapters);
LIST_HEAD(cd_clients);

#define H(type, field) offsetof(type, field)

static const size_t mp_required[] = {
	H(struct condis_miniport_ops, create_vc),
	H(struct condis_miniport_ops, delete_vc),
	H(struct condis_miniport_ops, activate_vc),
	H(struct condis_miniport_ops, deactivate_vc),
	H(struct condis_miniport_ops, send),
	H(struct condis_miniport_ops, oid_request),
};

static const size_t cm_required[] = {
	H(struct condis_cm_ops, open_af),
	H(struct condis_cm_ops, close_af),
	H(struct condis_cm_ops, register_sap),
	H(struct condis_cm_ops, deregister_sap),
	H(struct condis_cm_ops, create_vc),
	H(struct condis_cm_ops, delete_vc),
	H(struct condis_cm_ops, make_call),
	H(struct condis_cm_ops, close_call),
	H(struct condis_cm_ops, incoming_call_complete),
	H(struct condis_cm_ops, add_party),
	H(struct condis_cm_ops, drop_party),
	H(struct condis_cm_ops, modify_qos),
	H(struct condis_cm_ops, notify_close_af_complete),
	H(struct condis_cm_ops, oid_request),
	H(struct condis_cm_ops, oid_request_complete),
};

/* A stand-alone CM activates through the miniport and hears back. */
static const size_t cm_standalone_required[] = {
	H(struct condis_cm_ops, activate_vc_complete),
	H(struct condis_cm_ops, deactivate_vc_complete),
};

static const size_t cl_required[] = {
	H(struct condis_client_ops, open_af_complete),
	H(struct condis_client_ops, close_af_complete),
	H(struct condis_client_ops, notify_close_af),
	H(struct condis_client_ops, register_sap_complete),
	H(struct condis_client_ops, deregister_sap_complete),
	H(struct condis_client_ops, create_vc),
	H(struct condis_client_ops, delete_vc),
	H(struct condis_client_ops, make_call_complete),
	H(struct condis_client_ops, close_call_complete),
	H(struct condis_client_ops, incoming_call),
	H(struct condis_client_ops, incoming_close),
};

static bool cd_ops_complete(const void *ops, const size_t *offs, size_t n,
			    const char *who)
{
	size_t i;

	if (!ops)
		return false;
	for (i = 0; i < n; i++) {
		if (!*(void * const *)((const char *)ops + offs[i])) {
			pr_err("condis: %s handler table misses a required handler (offset %zu)\n",
			       who, offs[i]);
			return false;
		}
	}
	return true;
}

/*
 * A multipoint client has the three party handlers, or none: it may add a
 * party only with all of them (cd_client_multipoint()).
 */
static bool cd_client_ops_ok(const struct condis_client_ops *ops)
{
	int parties;

	if (!cd_ops_complete(ops, cl_required, ARRAY_SIZE(cl_required), "client"))
		return false;
	parties = !!ops->add_party_complete + !!ops->drop_party_complete +
		  !!ops->incoming_drop_party;
	if (parties % 3) {
		pr_err("condis: client handler table has some of the party handlers, not all\n");
		return false;
	}
	if (ops->flags & ~(CONDIS_CLIENT_INLINE_SEND_COMPLETE | CONDIS_CLIENT_SEND_NO_RETURN |
			   CONDIS_CLIENT_DIRECT_COMPLETE)) {
		pr_err("condis: client handler table has unknown flags %#x\n", ops->flags);
		return false;
	}
	if ((ops->flags & CONDIS_CLIENT_SEND_NO_RETURN) &&
	    !(ops->flags & CONDIS_CLIENT_INLINE_SEND_COMPLETE)) {
		pr_err("condis: a client's frames are kept only by a send completing inline\n");
		return false;
	}
	return true;
}

/* ---- AF-register notification ------------------------------------------ */

static void af_notify_deliver(struct cd_req *req)
{
	struct cd_client *cl = container_of(req->owner, struct cd_client, o);
	struct cd_cm *cm = container_of(req->target, struct cd_cm, o);

	if (READ_ONCE(cm->o.dead) || READ_ONCE(cl->o.dead) || !cl->ops->af_register_notify)
		return;
	cl->ops->af_register_notify(cl->ctx, cd_handle(&cm->adapter->o), cm->af_type);
}

static const struct cd_chain chain_af_notify = {
	.name = "af_register_notify", .kind = 0, .dest = CD_TO_CLIENT,
	.deliver = af_notify_deliver,
};

/*
 * A registration's notifications (one per client and CM of a namespace it
 * pairs) are allocated onto @list (through req->node) before it is
 * published, and queued once it stands: a registration fails with -ENOMEM
 * and changes nothing, or every client hears of every AF.
 * Called with cd_reg_lock held.
 */
static int cd_notify_af_alloc(struct list_head *list, struct cd_client *cl,
			      struct cd_cm *cm)
{
	struct cd_req *req;

	lockdep_assert_held(&cd_reg_lock);
	if (cl->o.net != cm->o.net)
		return 0;
	req = cd_req_alloc(&chain_af_notify, &cl->o, &cm->o, GFP_KERNEL_ACCOUNT);
	if (!req)
		return -ENOMEM;
	list_add_tail(&req->node, list);
	return 0;
}

static void cd_notify_af_queue(struct list_head *list)
{
	struct cd_req *req, *r;

	list_for_each_entry_safe(req, r, list, node) {
		list_del_init(&req->node);
		cd_indicate(req);
	}
}

static void cd_notify_af_free(struct list_head *list)
{
	struct cd_req *req, *r;

	list_for_each_entry_safe(req, r, list, node) {
		list_del(&req->node);
		cd_req_free(req);
	}
}

/* ---- miniports ------------------------------------------------------------ */

/**
 * condis_miniport_register - bind a miniport instance into condis
 * @net: namespace the adapter belongs to
 * @name: a name for it (shown over netlink), e.g. the netdev's
 * @ops: the miniport's handlers; every entry is required
 * @mp_ctx: the miniport's adapter context, passed to @ops
 * @adapter: receives the adapter handle
 *
 * NDIS: NdisMRegisterMiniportDriver + MiniportInitializeEx (CoNDIS part).
 * Context: process; may sleep.
 * Return: 0 or a negative errno.
 */
int condis_miniport_register(struct net *net, const char *name,
			     const struct condis_miniport_ops *ops, void *mp_ctx,
			     struct condis_adapter **adapter)
{
	struct cd_adapter *ad;
	int ret;

	might_sleep();
	if (!cd_ops_complete(ops, mp_required, ARRAY_SIZE(mp_required), "miniport"))
		return -EINVAL;
	ad = kzalloc(sizeof(*ad), GFP_KERNEL_ACCOUNT);
	if (!ad)
		return -ENOMEM;
	ret = cd_req_obj_init(&ad->o, CD_ADAPTER, net, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(ad);
		return ret;
	}
	ad->ops = ops;
	ad->ctx = mp_ctx;
	INIT_LIST_HEAD(&ad->cms);
	strscpy(ad->name, name ?: "", sizeof(ad->name));
	mutex_lock(&cd_reg_lock);
	list_add_tail(&ad->node, &cd_adapters);
	cd_obj_publish(&ad->o);
	mutex_unlock(&cd_reg_lock);
	*adapter = cd_handle(&ad->o);
	cd_watch_added(ad);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_miniport_register);

/**
 * condis_adapter_count_drop - count a frame the adapter's miniport or call
 *	manager dropped
 * @adapter: the adapter handle (one going away, or gone, counts nothing)
 * @why: the reason
 *
 * Counted per adapter and reason; netlink adapter-get reports them.
 * Context: any.
 */
void condis_adapter_count_drop(struct condis_adapter *adapter, enum condis_drop why)
{
	unsigned long h = (unsigned long)adapter;
	struct cd_adapter *ad;
	struct cd_obj *o;

	if ((h >> 32) != CD_ADAPTER || (unsigned int)why >= __CONDIS_DROP_MAX)
		return;
	rcu_read_lock();	/* objects are freed after a grace period */
	o = cd_obj_peek(CD_ADAPTER, h & 0xffffffffUL);
	if (o) {
		ad = container_of(o, struct cd_adapter, o);
		atomic64_inc(&ad->drops[why]);
	}
	rcu_read_unlock();
}
EXPORT_SYMBOL_GPL(condis_adapter_count_drop);

/**
 * condis_adapter_find - an adapter's handle by its name
 * @net: the namespace to look in
 * @name: the name its miniport registered it with
 *
 * What a protocol driver that is not told of adapters (a stand-alone call
 * manager) binds with. The handle stays valid until the adapter goes;
 * requests on it after that are refused (and reported).
 * NDIS: the binding of ProtocolBindAdapterEx. Context: process.
 * Return: the handle, or NULL when @net has no adapter of that name.
 */
struct condis_adapter *condis_adapter_find(struct net *net, const char *name)
{
	struct condis_adapter *h = NULL;
	struct cd_adapter *ad;

	mutex_lock(&cd_reg_lock);
	list_for_each_entry(ad, &cd_adapters, node) {
		if (net_eq(ad->o.net, net) && !READ_ONCE(ad->o.dead) &&
		    !strcmp(ad->name, name)) {
			h = cd_handle(&ad->o);
			break;
		}
	}
	mutex_unlock(&cd_reg_lock);
	return h;
}
EXPORT_SYMBOL_GPL(condis_adapter_find);

/**
 * condis_miniport_unregister - unbind an adapter
 * @adapter: the adapter handle
 *
 * Every AF on the adapter is closed in contract order: clients get
 * notify-close-AF and, for what they leave open, incoming closes and the
 * completions of the requests condis makes on their behalf; call managers
 * get their close and delete handlers. The CM registrations on the adapter
 * end with it. The adapter handle is invalid on return.
 *
 * NDIS: MiniportHaltEx / NdisMDeregisterMiniportDriver.
 * Context: process; may sleep; not from a condis handler.
 */
void condis_miniport_unregister(struct condis_adapter *adapter)
{
	struct cd_adapter *ad = cd_lookup(adapter, struct cd_adapter, CD_ADAPTER,
					  CD_CALLER);
	struct cd_cm *cm;

	if (!ad)
		return;
	/*
	 * No new CM may register; the handles stay valid until the teardown
	 * is over, for the miniport completes what it has outstanding.
	 */
	mutex_lock(&cd_reg_lock);
	list_del_init(&ad->node);
	mutex_unlock(&cd_reg_lock);
	/* protocol drivers bound to it unbind first, as NDIS has them */
	cd_watch_removing(ad);

	for (;;) {
		mutex_lock(&cd_reg_lock);
		cm = list_first_entry_or_null(&ad->cms, struct cd_cm, node);
		if (cm)
			list_del_init(&cm->node);
		mutex_unlock(&cd_reg_lock);
		if (!cm)
			break;
		cd_adapter_teardown_cm(cm, -ENODEV);
		cd_settle(&cm->o);
		cd_obj_unpublish(&cm->o);
		cd_evq_flush(&cm->o);
		cd_obj_put(&cm->o);
	}
	cd_sendc_flush();
	cd_settle(&ad->o);
	cd_obj_unpublish(&ad->o);
	cd_evq_flush(&ad->o);
	cd_obj_put(&ad->o);	/* lookup */
	cd_obj_put(&ad->o);	/* registration */
}
EXPORT_SYMBOL_GPL(condis_miniport_unregister);

/* ---- call managers ---------------------------------------------------------- */

static int cd_cm_register(struct condis_adapter *adapter, u32 af_type,
			  const struct condis_cm_ops *ops, void *cm_ctx,
			  struct condis_cm **out, bool mcm)
{
	struct cd_adapter *ad;
	struct cd_client *cl;
	struct cd_cm *cm, *c;
	LIST_HEAD(notes);
	int ret;

	might_sleep();
	if (!cd_ops_complete(ops, cm_required, ARRAY_SIZE(cm_required), "call manager"))
		return -EINVAL;
	if (ops->flags & ~CONDIS_CM_DIRECT_COMPLETE) {
		pr_err("condis: call manager handler table has unknown flags %#x\n", ops->flags);
		return -EINVAL;
	}
	if (!mcm && !cd_ops_complete(ops, cm_standalone_required,
				     ARRAY_SIZE(cm_standalone_required),
				     "stand-alone call manager"))
		return -EINVAL;
	ad = cd_lookup(adapter, struct cd_adapter, CD_ADAPTER, CD_CALLER);
	if (!ad)
		return -ENODEV;
	cm = kzalloc(sizeof(*cm), GFP_KERNEL_ACCOUNT);
	ret = -ENOMEM;
	if (!cm)
		goto err_put;
	ret = cd_req_obj_init(&cm->o, CD_CM, ad->o.net, GFP_KERNEL_ACCOUNT);
	if (ret)
		goto err_free;
	cm->ops = ops;
	cm->ctx = cm_ctx;
	cm->adapter = ad;	/* takes the lookup reference */
	cm->af_type = af_type;
	cm->mcm = mcm;
	INIT_LIST_HEAD(&cm->afs);
	INIT_LIST_HEAD(&cm->own_vcs);

again:
	mutex_lock(&cd_reg_lock);
	ret = -ENODEV;		/* unregistering */
	if (list_empty(&ad->node))
		goto err_unlock;
	ret = -EADDRINUSE;	/* one CM per AF per adapter */
	list_for_each_entry(c, &ad->cms, node) {
		if (c->af_type != af_type || c->displaced)
			continue;
		if (!mcm || c->mcm)
			goto err_unlock;
		/*
		 * NdisMCmRegisterAddressFamilyEx: "any stand-alone call
		 * manager with the NIC driver's own call-management support
		 * is displaced". Its AFs close; its registration stays the
		 * CM's until it unregisters (or the adapter goes), and takes
		 * no AF again.
		 */
		c->displaced = true;
		cd_obj_get(&c->o);
		mutex_unlock(&cd_reg_lock);
		cd_cm_teardown_afs(c, -ESHUTDOWN);
		cd_obj_put(&c->o);
		goto again;
	}
	list_for_each_entry(cl, &cd_clients, node) {
		ret = cd_notify_af_alloc(&notes, cl, cm);
		if (ret)
			goto err_notes;
	}
	list_add_tail(&cm->node, &ad->cms);
	cd_obj_publish(&cm->o);
	cd_notify_af_queue(&notes);
	mutex_unlock(&cd_reg_lock);
	*out = cd_handle(&cm->o);
	return 0;

err_notes:
	cd_notify_af_free(&notes);
err_unlock:
	mutex_unlock(&cd_reg_lock);
	cd_obj_put(&cm->o);	/* drops the adapter reference too */
	return ret;
err_free:
	kfree(cm);
err_put:
	cd_obj_put(&ad->o);
	return ret;
}

/**
 * condis_cm_register_af - a stand-alone call manager registers an AF
 * @adapter: the adapter it manages calls on
 * @af_type: the address family
 * @ops: its handlers (see struct condis_cm_ops for the required ones)
 * @cm_ctx: its context for this registration
 * @cm: receives the registration handle
 *
 * Clients in the adapter's namespace get af_register_notify.
 * NDIS: NdisCmRegisterAddressFamilyEx.
 * Context: process; may sleep.
 * Return: 0, -EADDRINUSE if the AF already has a CM on this adapter (an
 * integrated one among them), or another negative errno.
 */
int condis_cm_register_af(struct condis_adapter *adapter, u32 af_type,
			  const struct condis_cm_ops *ops, void *cm_ctx,
			  struct condis_cm **cm)
{
	return cd_cm_register(adapter, af_type, ops, cm_ctx, cm, false);
}
EXPORT_SYMBOL_GPL(condis_cm_register_af);

/**
 * condis_mcm_register_af - an integrated call manager registers an AF
 * @adapter: its own adapter
 * @af_type: the address family
 * @ops: its call-manager handlers
 * @cm_ctx: its context for this registration
 * @cm: receives the registration handle
 *
 * A stand-alone CM that registered the same AF on the adapter is
 * displaced: its open AFs are closed (clients get notify_close_af) and it
 * takes no AF again; its handle stays valid until it unregisters. An MCM
 * may register several AFs, each once.
 * NDIS: NdisMCmRegisterAddressFamilyEx.
 * Context: process; may sleep.
 * Return: 0, -EADDRINUSE if the adapter's MCM registered the AF already,
 * or another negative errno.
 */
int condis_mcm_register_af(struct condis_adapter *adapter, u32 af_type,
			   const struct condis_cm_ops *ops, void *cm_ctx,
			   struct condis_cm **cm)
{
	return cd_cm_register(adapter, af_type, ops, cm_ctx, cm, true);
}
EXPORT_SYMBOL_GPL(condis_mcm_register_af);

/**
 * condis_cm_unregister - withdraw an AF registration
 * @cm: the registration handle
 *
 * Every open AF is closed as for condis_miniport_unregister().
 * Context: process; may sleep; not from a condis handler.
 */
void condis_cm_unregister(struct condis_cm *cm)
{
	struct cd_cm *c = cd_lookup(cm, struct cd_cm, CD_CM, CD_CALLER);

	if (!c)
		return;
	mutex_lock(&cd_reg_lock);
	list_del_init(&c->node);
	mutex_unlock(&cd_reg_lock);
	cd_adapter_teardown_cm(c, -ESHUTDOWN);
	cd_settle(&c->o);
	cd_obj_unpublish(&c->o);
	cd_evq_flush(&c->o);
	cd_obj_put(&c->o);	/* lookup */
	cd_obj_put(&c->o);	/* registration */
}
EXPORT_SYMBOL_GPL(condis_cm_unregister);

/* ---- clients ------------------------------------------------------------------ */

/**
 * condis_client_register - register a connection-oriented client
 * @net: the namespace whose adapters it sees
 * @name: a name for it
 * @ops: its handlers (see struct condis_client_ops for the required ones)
 * @cl_ctx: its context
 * @client: receives the client handle
 *
 * af_register_notify runs for every AF already registered in @net, and for
 * each one registered later.
 * NDIS: NdisRegisterProtocolDriver with CO client characteristics.
 * Context: process; may sleep.
 * Return: 0 or a negative errno.
 */
int condis_client_register(struct net *net, const char *name,
			   const struct condis_client_ops *ops, void *cl_ctx,
			   struct condis_client **client)
{
	struct cd_adapter *ad;
	struct cd_client *cl;
	struct cd_cm *cm;
	LIST_HEAD(notes);
	int ret;

	might_sleep();
	if (!cd_client_ops_ok(ops))
		return -EINVAL;
	cl = kzalloc(sizeof(*cl), GFP_KERNEL_ACCOUNT);
	if (!cl)
		return -ENOMEM;
	ret = cd_req_obj_init(&cl->o, CD_CLIENT, net, GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(cl);
		return ret;
	}
	cl->ops = ops;
	cl->ctx = cl_ctx;
	INIT_LIST_HEAD(&cl->afs);
	strscpy(cl->name, name ?: "", sizeof(cl->name));
	mutex_lock(&cd_reg_lock);
	list_for_each_entry(ad, &cd_adapters, node) {
		list_for_each_entry(cm, &ad->cms, node) {
			if (cm->displaced)
				continue;
			ret = cd_notify_af_alloc(&notes, cl, cm);
			if (ret)
				goto err_notes;
		}
	}
	*client = cd_handle(&cl->o);
	list_add_tail(&cl->node, &cd_clients);
	cd_obj_publish(&cl->o);
	cd_notify_af_queue(&notes);
	mutex_unlock(&cd_reg_lock);
	return 0;

err_notes:
	cd_notify_af_free(&notes);
	mutex_unlock(&cd_reg_lock);
	cd_obj_put(&cl->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_client_register);

/**
 * condis_client_unregister - unregister a client
 * @client: the client handle
 *
 * Whatever the client left open is closed in contract order on its
 * behalf: calls closed (the client still gets its completion handlers,
 * the CM its close and delete handlers), SAPs deregistered, AFs closed.
 * Context: process; may sleep; not from a condis handler.
 */
void condis_client_unregister(struct condis_client *client)
{
	struct cd_client *cl = cd_lookup(client, struct cd_client, CD_CLIENT,
					 CD_CALLER);
	unsigned long flags;
	struct cd_af *af;

	if (!cl)
		return;
	mutex_lock(&cd_reg_lock);
	list_del_init(&cl->node);
	mutex_unlock(&cd_reg_lock);
	for (;;) {
		flags = cd_lock(&cl->o);
		af = list_first_entry_or_null(&cl->afs, struct cd_af, cl_node);
		if (af)
			cd_obj_get(&af->o);
		cd_unlock(&cl->o, flags);
		if (!af)
			break;
		cd_af_teardown(af, -ESHUTDOWN);
		cd_obj_put(&af->o);
	}
	cd_settle(&cl->o);
	cd_obj_unpublish(&cl->o);
	cd_evq_flush(&cl->o);
	cd_obj_put(&cl->o);
	cd_obj_put(&cl->o);
}
EXPORT_SYMBOL_GPL(condis_client_unregister);
