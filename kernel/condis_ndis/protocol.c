// SPDX-License-Identifier: GPL-2.0
/*
 * Protocol drivers: NdisRegisterProtocolDriver, and their bindings to
 * adapters as NDIS makes them: ProtocolBindAdapterEx for each adapter of
 * the initial namespace (condis's adapter watch says which), which opens
 * it with NdisOpenAdapterEx and completes (maybe later, with
 * NdisCompleteBindAdapterEx); ProtocolUnbindAdapterEx before the adapter
 * goes (and when the driver deregisters), which closes it with
 * NdisCloseAdapterEx and completes with NdisCompleteUnbindAdapterEx.
 *
 * A client hears of the address families on a binding
 * (ProtocolCoAfRegisterNotify) once the binding stands: what condis tells
 * of before waits in the driver's notes.
 *
 * Binding runs on the library's workqueue; unbinding in the context of the
 * adapter's unregistration (the watch's removing), which waits for it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/netdevice.h>
#include <net/condis_view.h>
#include <net/net_namespace.h>
#include "lib.h"
#include "driver.h"
#include "client.h"
#include "cm.h"
#include "protocol.h"
#include "status.h"
#include "defer.h"
#include "oid.h"

/* how long an unbind or a pended bind may take before the library goes on */
#define NDIS_UNBIND_WAIT	(30 * HZ)

/* an adapter protocols bind to */
struct ndis_nic {
	struct condis_adapter *adapter;
	char name[NDIS_LIB_NAMESZ];
	bool going;
	struct list_head node;
};

struct ndis_bind_work {
	struct work_struct work;
	struct ndis_drv *drv;			/* NULL: every protocol */
	struct condis_adapter *adapter;		/* NULL: every adapter */
};

static DEFINE_MUTEX(ndis_lock);		/* ndis_protocols, ndis_nics */
static LIST_HEAD(ndis_protocols);
static LIST_HEAD(ndis_nics);

static struct ndis_bind *ndis_bind_find(struct ndis_drv *drv, struct condis_adapter *adapter)
{
	struct ndis_bind *b;

	lockdep_assert_held(&drv->lock);
	list_for_each_entry(b, &drv->binds, node)
		if (b->adapter == adapter)
			return b;
	return NULL;
}

static struct ndis_bind *ndis_bind_new(struct ndis_drv *drv, struct ndis_nic *nic)
{
	struct ndis_bind *b = kzalloc(sizeof(*b), GFP_KERNEL);
	int i;

	if (!b)
		return NULL;
	b->drv = drv;
	b->adapter = nic->adapter;
	b->state = NDIS_BIND_BINDING;
	init_completion(&b->done);
	INIT_LIST_HEAD(&b->cms);
	for (i = 0; i < NDIS_LIB_NAMESZ - 1 && nic->name[i]; i++)
		b->name_buf[i] = nic->name[i];
	b->name.Buffer = b->name_buf;
	b->name.Length = i * sizeof(WCHAR);
	b->name.MaximumLength = sizeof(b->name_buf);
	return b;
}

/* The AFs noted for @b's adapter, taken off the driver's notes. */
static void ndis_notes_take(struct ndis_bind *b, struct list_head *out)
{
	struct ndis_af_note *n, *t;

	lockdep_assert_held(&b->drv->lock);
	list_for_each_entry_safe(n, t, &b->drv->notes, node)
		if (n->adapter == b->adapter)
			list_move_tail(&n->node, out);
}

static void ndis_af_notify_one(struct ndis_bind *b, u32 af_type)
{
	CO_ADDRESS_FAMILY af = { .AddressFamily = af_type, .MajorVersion = 1 };

	ndis_cm_versions(b->adapter, &af);
	if (b->drv->has_co && b->drv->co.CoAfRegisterNotifyHandler)
		b->drv->co.CoAfRegisterNotifyHandler(b->ctx, &af);
}

/* A bind is over (NdisCompleteBindAdapterEx, or the handler did not pend). */
static void ndis_bind_finish(struct ndis_bind *b, NDIS_STATUS status)
{
	struct ndis_drv *drv = b->drv;
	struct ndis_af_note *n, *t;
	LIST_HEAD(notes);

	mutex_lock(&drv->lock);
	b->status = status;
	if (status == NDIS_STATUS_SUCCESS && b->open) {
		b->state = NDIS_BIND_BOUND;
		ndis_notes_take(b, &notes);
	} else {
		b->state = NDIS_BIND_DONE;
	}
	complete_all(&b->done);
	mutex_unlock(&drv->lock);
	list_for_each_entry_safe(n, t, &notes, node) {
		ndis_af_notify_one(b, n->af_type);
		kfree(n);
	}
}

static int ndis_link_show(void *arg, const struct condis_view *v)
{
	*(u32 *)arg = v->adapter.ifindex;
	return 1;
}

/*
 * An adapter a link bound to an interface (condis_eth's): the interface's
 * MAC address, MTU and index, as NDIS gives a protocol its NIC's.
 */
static void ndis_bind_link(struct ndis_bind *b, PNDIS_BIND_PARAMETERS p)
{
	struct net_device *dev;
	u32 ifindex = 0;

	condis_view_get(&init_net, CONDIS_VIEW_ADAPTER, condis_handle_id(b->adapter),
			ndis_link_show, &ifindex);
	dev = ifindex ? dev_get_by_index(&init_net, ifindex) : NULL;
	if (!dev)
		return;
	p->MtuSize = READ_ONCE(dev->mtu);
	p->MacAddressLength = min_t(unsigned int, dev->addr_len, sizeof(p->CurrentMacAddress));
	memcpy(p->CurrentMacAddress, dev->dev_addr, p->MacAddressLength);
	p->BoundIfIndex = ifindex;
	p->LowestIfIndex = ifindex;
	dev_put(dev);
}

static void ndis_bind_call(struct ndis_bind *b, NDIS_MEDIUM medium)
{
	NDIS_BIND_PARAMETERS params = {
		.Header = {
			.Type = NDIS_OBJECT_TYPE_BIND_PARAMETERS,
			.Revision = NDIS_BIND_PARAMETERS_REVISION_1,
			.Size = sizeof(NDIS_BIND_PARAMETERS),
		},
		.AdapterName = &b->name,
		.BoundAdapterName = &b->name,
		.MediaType = medium,
		.MtuSize = 1500,
		.MediaConnectState = 1,		/* MediaConnectStateConnected */
	};
	NDIS_STATUS status;

	ndis_bind_link(b, &params);
	status = b->drv->pchars.BindAdapterHandlerEx(b->drv->ctx, b, &params);
	if (status != NDIS_STATUS_PENDING)
		ndis_bind_finish(b, status);
}

/* Binds what @bw asks for that is not bound yet. */
static void ndis_bind_work_fn(struct work_struct *work)
{
	struct ndis_bind_work *bw = container_of(work, struct ndis_bind_work, work);
	struct ndis_drv *drv;
	struct ndis_nic *nic;
	struct ndis_bind *b, *t;
	LIST_HEAD(todo);

	mutex_lock(&ndis_lock);
	list_for_each_entry(drv, &ndis_protocols, node) {
		if (bw->drv && bw->drv != drv)
			continue;
		list_for_each_entry(nic, &ndis_nics, node) {
			if (nic->going || (bw->adapter && bw->adapter != nic->adapter))
				continue;
			mutex_lock(&drv->lock);
			b = ndis_bind_find(drv, nic->adapter) ? NULL : ndis_bind_new(drv, nic);
			if (b)
				list_add_tail(&b->node, &drv->binds);
			mutex_unlock(&drv->lock);
			if (b)
				list_add_tail(&b->todo, &todo);
		}
	}
	mutex_unlock(&ndis_lock);
	list_for_each_entry_safe(b, t, &todo, todo) {
		list_del(&b->todo);
		ndis_bind_call(b, NdisMediumCoWan);
	}
	kfree(bw);
}

static void ndis_bind_queue(struct ndis_drv *drv, struct condis_adapter *adapter)
{
	struct ndis_bind_work *bw = kzalloc(sizeof(*bw), GFP_KERNEL);

	if (!bw)	/* (the allocator said so): that bind does not happen */
		return;
	INIT_WORK(&bw->work, ndis_bind_work_fn);
	bw->drv = drv;
	bw->adapter = adapter;
	queue_work(ndis_wq, &bw->work);
}

/*
 * Unbind @b (not on @drv->binds any more): ProtocolUnbindAdapterEx for a
 * binding that stood, and whatever the driver left open goes with it.
 */
static void ndis_unbind(struct ndis_bind *b)
{
	struct ndis_drv *drv = b->drv;
	struct ndis_cm *cm, *t;
	NDIS_STATUS status;

	/* a bind that pended completes first */
	if (!wait_for_completion_timeout(&b->done, NDIS_UNBIND_WAIT))
		pr_err("condis_ndis: %s: a bind of it never completed\n", drv->name);
	mutex_lock(&drv->lock);
	if (b->state == NDIS_BIND_BOUND) {
		b->state = NDIS_BIND_UNBINDING;
		reinit_completion(&b->done);
		mutex_unlock(&drv->lock);
		status = drv->pchars.UnbindAdapterHandlerEx(b, b->ctx);
		if (status == NDIS_STATUS_PENDING &&
		    !wait_for_completion_timeout(&b->done, NDIS_UNBIND_WAIT))
			pr_err("condis_ndis: %s: its unbind never completed\n", drv->name);
		mutex_lock(&drv->lock);
	}
	b->state = NDIS_BIND_DONE;
	mutex_unlock(&drv->lock);
	/* what a driver did not close itself */
	list_for_each_entry_safe(cm, t, &b->cms, node)
		ndis_cm_unregister(cm);
	kfree(b);
}

/* ---- the adapter watch ----------------------------------------------------------------------- */

static void ndis_nic_added(struct condis_adapter_watch *w, struct condis_adapter *adapter,
			   const char *name)
{
	struct ndis_nic *nic = kzalloc(sizeof(*nic), GFP_KERNEL);

	if (!nic)	/* (the allocator said so): protocols do not bind to it */
		return;
	nic->adapter = adapter;
	strscpy(nic->name, name, sizeof(nic->name));
	mutex_lock(&ndis_lock);
	list_add_tail(&nic->node, &ndis_nics);
	mutex_unlock(&ndis_lock);
	ndis_bind_queue(NULL, adapter);
}

static void ndis_nic_removing(struct condis_adapter_watch *w, struct condis_adapter *adapter)
{
	struct ndis_af_note *n, *t;
	struct ndis_nic *nic, *found = NULL;
	struct ndis_drv *drv;
	struct ndis_bind *b;

	mutex_lock(&ndis_lock);
	list_for_each_entry(nic, &ndis_nics, node)
		if (nic->adapter == adapter)
			found = nic;
	if (found)
		found->going = true;
	mutex_unlock(&ndis_lock);
	if (!found)
		return;
	flush_workqueue(ndis_wq);	/* no bind to it in flight */

	mutex_lock(&ndis_lock);
	list_for_each_entry(drv, &ndis_protocols, node) {
		mutex_lock(&drv->lock);
		b = ndis_bind_find(drv, adapter);
		if (b)
			list_del(&b->node);
		list_for_each_entry_safe(n, t, &drv->notes, node)
			if (n->adapter == adapter) {
				list_del(&n->node);
				kfree(n);
			}
		mutex_unlock(&drv->lock);
		if (b)
			ndis_unbind(b);
	}
	list_del(&found->node);
	mutex_unlock(&ndis_lock);
	kfree(found);
}

/* an adapter-wide status, on its way to every protocol bound to the adapter */
struct ndis_status_work {
	struct work_struct work;
	struct condis_adapter *adapter;
	int status;
	u32 len;
	u8 buf[];
};

static void ndis_status_work_fn(struct work_struct *work)
{
	struct ndis_status_work *sw = container_of(work, struct ndis_status_work, work);
	struct ndis_drv *drv;
	struct ndis_bind *b;

	/*
	 * A binding of a listed driver goes under ndis_lock (unbind, driver
	 * deregistration); the handler runs without the driver's lock.
	 */
	mutex_lock(&ndis_lock);
	list_for_each_entry(drv, &ndis_protocols, node) {
		mutex_lock(&drv->lock);
		b = ndis_bind_find(drv, sw->adapter);
		if (b && b->state != NDIS_BIND_BOUND)
			b = NULL;
		mutex_unlock(&drv->lock);
		if (b)
			ndis_status_to_binding(b, sw->status, sw->len ? sw->buf : NULL, sw->len);
	}
	mutex_unlock(&ndis_lock);
	kfree(sw);
}

static void ndis_nic_status(struct condis_adapter_watch *w, struct condis_adapter *adapter,
			    int status, const void *buf, u32 len)
{
	struct ndis_status_work *sw;

	sw = kzalloc(struct_size(sw, buf, buf ? len : 0), GFP_ATOMIC | __GFP_NOWARN);
	if (!sw)
		return;		/* (as a lost indication: condis counts none) */
	INIT_WORK(&sw->work, ndis_status_work_fn);
	sw->adapter = adapter;
	sw->status = status;
	if (buf && len) {
		memcpy(sw->buf, buf, len);
		sw->len = len;
	}
	queue_work(ndis_wq, &sw->work);
}

static struct condis_adapter_watch ndis_watch = {
	.net = &init_net,
	.added = ndis_nic_added,
	.removing = ndis_nic_removing,
	.status = ndis_nic_status,
};

/* ---- AF notifications ------------------------------------------------------------------------- */

/*
 * condis told the client @drv of @af_type on @adapter: its
 * ProtocolCoAfRegisterNotify runs now if it is bound there, when the
 * binding stands otherwise.
 */
void ndis_protocol_af_notify(struct ndis_drv *drv, struct condis_adapter *adapter, u32 af_type)
{
	struct ndis_af_note *n;
	struct ndis_bind *b;

	mutex_lock(&drv->lock);
	b = ndis_bind_find(drv, adapter);
	if (b && b->state == NDIS_BIND_BOUND) {
		mutex_unlock(&drv->lock);
		ndis_af_notify_one(b, af_type);
		return;
	}
	if (!b || b->state == NDIS_BIND_BINDING) {
		n = kzalloc(sizeof(*n), GFP_KERNEL);
		if (n) {
			n->adapter = adapter;
			n->af_type = af_type;
			list_add_tail(&n->node, &drv->notes);
		}
	}
	mutex_unlock(&drv->lock);
}

/* ---- the NDIS functions ------------------------------------------------------------------------- */

static bool ndis_pchars_ok(const NDIS_PROTOCOL_DRIVER_CHARACTERISTICS *c)
{
	return c && c->Header.Type == NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS &&
	       c->Header.Size >= NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 &&
	       c->MajorNdisVersion == 6 && c->BindAdapterHandlerEx && c->UnbindAdapterHandlerEx;
}

/* the driver's name for condis: its NDIS name, in ASCII */
static void ndis_name(char *out, size_t size, const NDIS_STRING *name)
{
	size_t i, n = name->Buffer ? name->Length / sizeof(WCHAR) : 0;

	for (i = 0; i < n && i < size - 1; i++)
		out[i] = name->Buffer[i] < 0x80 ? name->Buffer[i] : '?';
	out[i] = 0;
	if (!i)
		strscpy(out, "ndis", size);
}

/*
 * NdisRegisterProtocolDriver - register a protocol driver
 * @ProtocolDriverContext: passed back to its ProtocolBindAdapterEx
 * @ProtocolCharacteristics: NDIS 6 characteristics; BindAdapterHandlerEx
 *	and UnbindAdapterHandlerEx are required. Copied.
 * @NdisProtocolHandle: receives the driver handle
 *
 * The driver's SetOptionsHandler runs first (it gives its CoNDIS handlers
 * with NdisSetOptionalHandlers); a driver with client handlers becomes a
 * condis client of the initial namespace. Then it binds to every adapter
 * there, on the library's workqueue.
 * Context: process. Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION
 * or NDIS_STATUS_BAD_CHARACTERISTICS, what SetOptions returned, or
 * NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS NdisRegisterProtocolDriver(NDIS_HANDLE ProtocolDriverContext,
				       PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS ProtocolCharacteristics,
				       PNDIS_HANDLE NdisProtocolHandle)
{
	PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS c = ProtocolCharacteristics;
	char name[NDIS_LIB_NAMESZ];
	struct ndis_drv *drv;
	NDIS_STATUS status;

	if (c && c->MajorNdisVersion != 6)
		return NDIS_STATUS_BAD_VERSION;
	if (!ndis_pchars_ok(c))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	ndis_name(name, sizeof(name), &c->Name);
	drv = ndis_drv_alloc(NDIS_PROTOCOL_DRIVER, ProtocolDriverContext, name);
	if (!drv)
		return NDIS_STATUS_RESOURCES;
	memcpy(&drv->pchars, c, min_t(size_t, c->Header.Size, sizeof(drv->pchars)));
	status = ndis_drv_set_options(drv, c->SetOptionsHandler);
	if (status == NDIS_STATUS_SUCCESS && drv->has_cl)
		status = ndis_from_condis(condis_client_register(&init_net, drv->name,
								 &ndis_client_ops, drv,
								 &drv->client));
	if (status != NDIS_STATUS_SUCCESS) {
		ndis_drv_free(drv);
		return status;
	}
	mutex_lock(&ndis_lock);
	list_add_tail(&drv->node, &ndis_protocols);
	mutex_unlock(&ndis_lock);
	*NdisProtocolHandle = drv;
	ndis_bind_queue(drv, NULL);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisRegisterProtocolDriver);

/*
 * NdisDeregisterProtocolDriver - the driver goes
 * @NdisProtocolHandle: its handle
 *
 * Every binding is unbound first (ProtocolUnbindAdapterEx, waited for).
 * Context: process; may sleep.
 */
VOID NdisDeregisterProtocolDriver(NDIS_HANDLE NdisProtocolHandle)
{
	struct ndis_drv *drv = NdisProtocolHandle;
	struct ndis_bind *b;

	mutex_lock(&ndis_lock);
	list_del_init(&drv->node);
	mutex_unlock(&ndis_lock);
	ndis_defer_flush();		/* none of its requests queued */
	flush_workqueue(ndis_wq);	/* no bind of it in flight */
	for (;;) {
		mutex_lock(&drv->lock);
		b = list_first_entry_or_null(&drv->binds, struct ndis_bind, node);
		if (b)
			list_del(&b->node);
		mutex_unlock(&drv->lock);
		if (!b)
			break;
		ndis_unbind(b);
	}
	if (drv->client)
		condis_client_unregister(drv->client);
	ndis_drv_free(drv);
}
EXPORT_SYMBOL_GPL(NdisDeregisterProtocolDriver);

/*
 * NdisOpenAdapterEx - a protocol opens the adapter it is binding to
 * @NdisProtocolHandle: the protocol
 * @ProtocolBindingContext: its context for the binding
 * @OpenParameters: the media it takes; the adapter's is selected, the
 *	first given when the adapter's is not among them (condis adapters
 *	carry any medium's frames)
 * @BindContext: what its ProtocolBindAdapterEx was given
 * @NdisBindingHandle: receives the binding handle
 *
 * Completes at once. Context: process (the bind handler).
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_INVALID_PARAMETER for a
 * BindContext that is not the protocol's.
 */
NDIS_STATUS NdisOpenAdapterEx(NDIS_HANDLE NdisProtocolHandle, NDIS_HANDLE ProtocolBindingContext,
			      PNDIS_OPEN_PARAMETERS OpenParameters, NDIS_HANDLE BindContext,
			      PNDIS_HANDLE NdisBindingHandle)
{
	struct ndis_bind *b = BindContext;
	UINT i, sel = 0;

	if (!b || b->drv != NdisProtocolHandle || b->state != NDIS_BIND_BINDING)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (OpenParameters && OpenParameters->MediumArray) {
		for (i = 0; i < OpenParameters->MediumArraySize; i++)
			if (OpenParameters->MediumArray[i] == NdisMediumCoWan)
				sel = i;
		if (OpenParameters->SelectedMediumIndex)
			*OpenParameters->SelectedMediumIndex = sel;
	}
	b->ctx = ProtocolBindingContext;
	b->open = true;
	*NdisBindingHandle = b;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisOpenAdapterEx);

/*
 * NdisCompleteBindAdapterEx - a bind that pended is over
 * @BindAdapterContext: the BindContext
 * @Status: its final status
 */
VOID NdisCompleteBindAdapterEx(NDIS_HANDLE BindAdapterContext, NDIS_STATUS Status)
{
	ndis_bind_finish(BindAdapterContext, Status);
}
EXPORT_SYMBOL_GPL(NdisCompleteBindAdapterEx);

/*
 * NdisCloseAdapterEx - a protocol closes its binding
 * @NdisBindingHandle: the binding
 *
 * Its OID requests to the miniport complete first; then the address
 * families its call manager registered there go (condis closes what
 * clients left open on them, in contract order). Completes before it
 * returns: ProtocolCloseAdapterCompleteEx does not run.
 * Context: process. Return: NDIS_STATUS_SUCCESS.
 */
NDIS_STATUS NdisCloseAdapterEx(NDIS_HANDLE NdisBindingHandle)
{
	struct ndis_bind *b = NdisBindingHandle;
	struct ndis_cm *cm, *t;

	b->open = false;
	ndis_oid_adapter_wait(b);
	list_for_each_entry_safe(cm, t, &b->cms, node)
		ndis_cm_unregister(cm);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisCloseAdapterEx);

/*
 * NdisCompleteUnbindAdapterEx - an unbind that pended is over
 * @UnbindContext: what its ProtocolUnbindAdapterEx was given
 */
VOID NdisCompleteUnbindAdapterEx(NDIS_HANDLE UnbindContext)
{
	struct ndis_bind *b = UnbindContext;

	complete_all(&b->done);
}
EXPORT_SYMBOL_GPL(NdisCompleteUnbindAdapterEx);

int ndis_protocol_init(void)
{
	return condis_adapter_watch_register(&ndis_watch);
}

void ndis_protocol_exit(void)
{
	condis_adapter_watch_unregister(&ndis_watch);
	flush_workqueue(ndis_wq);
	while (!list_empty(&ndis_nics)) {
		struct ndis_nic *nic = list_first_entry(&ndis_nics, struct ndis_nic, node);

		list_del(&nic->node);
		kfree(nic);
	}
}
