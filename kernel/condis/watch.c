// SPDX-License-Identifier: GPL-2.0
/*
 * Adapter watches: what a protocol driver that binds to adapters (the NDIS
 * library's protocol drivers, as NDIS calls ProtocolBindAdapterEx and
 * ProtocolUnbindAdapterEx) is told of the adapters of its namespace.
 *
 * cd_watch_lock orders the news of one adapter: a watcher hears of an
 * adapter's arrival before its departure, once each, and hears of the
 * departure before condis tears down what is on the adapter. It is taken
 * outside cd_reg_lock, never inside. Adapter-wide status indications go
 * to the watchers under RCU (the list changes under the lock, RCU-safe).
 */
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <net/net_namespace.h>
#include "internal.h"
#include "object.h"
#include "watch.h"

static DEFINE_MUTEX(cd_watch_lock);
static LIST_HEAD(cd_watches);		/* struct condis_adapter_watch, under cd_watch_lock, RCU */

/* Called once the adapter is published; it may be going already. */
void cd_watch_added(struct cd_adapter *ad)
{
	struct condis_adapter_watch *w;

	mutex_lock(&cd_watch_lock);
	if (!READ_ONCE(ad->o.dead) && !list_empty(&ad->node))
		list_for_each_entry(w, &cd_watches, node)
			if (net_eq(w->net, ad->o.net))
				w->added(w, cd_handle(&ad->o), ad->name);
	ad->watched = true;
	mutex_unlock(&cd_watch_lock);
}

/* Called before an adapter's teardown, once it is off cd_adapters. */
void cd_watch_removing(struct cd_adapter *ad)
{
	struct condis_adapter_watch *w;

	mutex_lock(&cd_watch_lock);
	if (ad->watched)
		list_for_each_entry(w, &cd_watches, node)
			if (net_eq(w->net, ad->o.net))
				w->removing(w, cd_handle(&ad->o));
	ad->watched = false;
	mutex_unlock(&cd_watch_lock);
}

/*
 * An adapter-wide status indication, delivered (process context, no lock
 * held): every watcher of the adapter's namespace hears it, as NDIS tells
 * every protocol bound to the adapter.
 */
void cd_watch_status(struct cd_adapter *ad, int status, const void *buf, u32 len)
{
	struct condis_adapter_watch *w;

	rcu_read_lock();
	list_for_each_entry_rcu(w, &cd_watches, node)
		if (w->status && net_eq(w->net, ad->o.net))
			w->status(w, cd_handle(&ad->o), status, buf, len);
	rcu_read_unlock();
}

/**
 * condis_adapter_watch_register - be told of the adapters of a namespace
 * @w: the watch: @w->net, @w->added and @w->removing set
 *
 * @w->added runs at once for every adapter of @w->net, then for each that
 * registers, and @w->removing for each that goes, before condis tears
 * down what is on it; @w->status (optional) for each adapter-wide status
 * indication of an adapter of @w->net (the watcher unbinds there: closes what it opened,
 * deregisters what it registered). Both run in process context with no
 * condis lock held but the watch lock, which orders them per adapter:
 * @w->added should only queue work, @w->removing may wait for an unbind.
 * Neither may register or unregister a miniport.
 *
 * NDIS: what makes NDIS call ProtocolBindAdapterEx and
 * ProtocolUnbindAdapterEx. Context: process; may sleep.
 * Return: 0.
 */
int condis_adapter_watch_register(struct condis_adapter_watch *w)
{
	struct cd_adapter *ad;

	mutex_lock(&cd_watch_lock);
	list_add_tail_rcu(&w->node, &cd_watches);
	/* the adapters told so far; one being added is told when it stands */
	mutex_lock(&cd_reg_lock);
	list_for_each_entry(ad, &cd_adapters, node)
		if (ad->watched && net_eq(ad->o.net, w->net) && !READ_ONCE(ad->o.dead))
			w->added(w, cd_handle(&ad->o), ad->name);
	mutex_unlock(&cd_reg_lock);
	mutex_unlock(&cd_watch_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_adapter_watch_register);

/**
 * condis_adapter_watch_unregister - stop being told of adapters
 * @w: a registered watch
 *
 * No callback of @w runs after it returns. The watcher unbinds from the
 * adapters it bound itself. Context: process; may sleep.
 */
void condis_adapter_watch_unregister(struct condis_adapter_watch *w)
{
	mutex_lock(&cd_watch_lock);
	list_del_rcu(&w->node);
	mutex_unlock(&cd_watch_lock);
	synchronize_rcu();	/* no status callback of @w runs */
}
EXPORT_SYMBOL_GPL(condis_adapter_watch_unregister);
