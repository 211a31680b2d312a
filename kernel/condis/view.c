// SPDX-License-Identifier: GPL-2.0
/*
 * What condis shows of its objects to a front-end (<net/condis_view.h>):
 * the netlink family's queries, dumps and notifications read the core
 * through here only.
 */
#include <linux/condis.h>
#include <linux/module.h>
#include <net/condis_view.h>
#include "internal.h"
#include "object.h"

/* The core's states as the uapi names them (gone objects: on their way out). */
static const u8 cd_af_state_nl[] = {
	[AF_OPENING] = CONDIS_AF_STATE_OPENING, [AF_OPEN] = CONDIS_AF_STATE_OPEN,
	[AF_CLOSING] = CONDIS_AF_STATE_CLOSING, [AF_CLOSED] = CONDIS_AF_STATE_CLOSING,
};

static const u8 cd_sap_state_nl[] = {
	[SAP_REGISTERING] = CONDIS_SAP_STATE_REGISTERING,
	[SAP_ACTIVE] = CONDIS_SAP_STATE_ACTIVE,
	[SAP_DEREGISTERING] = CONDIS_SAP_STATE_DEREGISTERING,
	[SAP_GONE] = CONDIS_SAP_STATE_DEREGISTERING,
};

static const u8 cd_call_state_nl[] = {
	[CALL_IDLE] = CONDIS_CALL_STATE_IDLE, [CALL_OUTGOING] = CONDIS_CALL_STATE_OUTGOING,
	[CALL_INCOMING] = CONDIS_CALL_STATE_INCOMING,
	[CALL_ACCEPTED] = CONDIS_CALL_STATE_ACCEPTED,
	[CALL_CONNECTED] = CONDIS_CALL_STATE_CONNECTED,
	[CALL_CLOSING] = CONDIS_CALL_STATE_CLOSING,
};

static const u8 cd_party_state_nl[] = {
	[PARTY_ADDING] = CONDIS_PARTY_STATE_ADDING, [PARTY_ACTIVE] = CONDIS_PARTY_STATE_ACTIVE,
	[PARTY_DROPPING] = CONDIS_PARTY_STATE_DROPPING,
	[PARTY_GONE] = CONDIS_PARTY_STATE_DROPPING,
};

/*
 * The fields every view has; each kind's own are all set by its caller
 * (no memset: a dump shows a million calls, and the adapter's part of the
 * union is the largest).
 */
static void cd_view_init(struct condis_view *v, enum condis_view_kind kind,
			 const struct cd_obj *o, const struct cd_client *client)
{
	v->kind = kind;
	v->id = o->id;
	v->handle = cd_handle(o);
	v->client = client ? cd_handle(&client->o) : NULL;
}

static int cd_view_adapter(struct cd_obj *o, condis_view_fn show, void *arg)
{
	struct cd_adapter *a = container_of(o, struct cd_adapter, o);
	struct condis_view v;
	struct cd_cm *cm;
	int i, ret;

	cd_view_init(&v, CONDIS_VIEW_ADAPTER, o, NULL);
	v.adapter.name = a->name;
	for (i = 0; i < __CONDIS_DROP_MAX; i++)
		v.adapter.drops[i] = atomic64_read(&a->drops[i]);
	mutex_lock(&cd_reg_lock);
	v.adapter.link_kind = a->link ? a->link->kind : NULL;
	v.adapter.ifindex = a->link ? a->ifindex : 0;
	ret = show(arg, &v);
	list_for_each_entry(cm, &a->cms, node) {
		if (ret)
			break;
		if (cm->displaced)
			continue;
		v.kind = CONDIS_VIEW_AF_TYPE;
		v.af_type = cm->af_type;
		ret = show(arg, &v);
	}
	mutex_unlock(&cd_reg_lock);
	return ret;
}

static int cd_view_af(struct cd_obj *o, condis_view_fn show, void *arg)
{
	struct cd_af *af = container_of(o, struct cd_af, o);
	struct condis_view v;

	cd_view_init(&v, CONDIS_VIEW_AF, o, af->client);
	v.af.adapter_id = af->cm->adapter->o.id;
	v.af.type = af->cm->af_type;
	v.af.state = cd_af_state_nl[READ_ONCE(af->state)];
	v.af.client_name = af->client->name;
	return show(arg, &v);
}

static int cd_view_sap(struct cd_obj *o, condis_view_fn show, void *arg)
{
	struct cd_sap *sap = container_of(o, struct cd_sap, o);
	struct condis_view v;

	cd_view_init(&v, CONDIS_VIEW_SAP, o, sap->af->client);
	v.sap.af_id = sap->af->o.id;
	v.sap.state = cd_sap_state_nl[READ_ONCE(sap->state)];
	v.sap.desc = &sap->desc;
	return show(arg, &v);
}

static void cd_view_party(struct condis_view *v, struct cd_party *p)
{
	cd_view_init(v, CONDIS_VIEW_PARTY, &p->o, p->vc->af->client);
	v->party.call_id = p->vc->o.id;
	v->party.state = cd_party_state_nl[p->state];
}

/* A call's view, then its parties', under the VC's lock. */
static int cd_view_call(struct cd_obj *o, condis_view_fn show, void *arg)
{
	struct cd_vc *vc = container_of(o, struct cd_vc, o);
	struct condis_view v;
	struct cd_party *p;
	unsigned long flags;
	int ret;

	cd_view_init(&v, CONDIS_VIEW_CALL, o, vc->af->client);
	v.call.af_id = vc->af->o.id;
	v.call.stats.tx_packets = atomic64_read(&vc->tx_packets);
	v.call.stats.tx_bytes = atomic64_read(&vc->tx_bytes);
	v.call.stats.rx_packets = atomic64_read(&vc->rx_packets);
	v.call.stats.rx_bytes = atomic64_read(&vc->rx_bytes);
	v.call.stats.tx_errors = atomic_read(&vc->tx_errors);
	v.call.stats.rx_dropped = atomic_read(&vc->rx_dropped);
	v.call.incoming = vc->creator == CD_TO_CM;
	flags = cd_lock(o);
	v.call.state = cd_call_state_nl[vc->call];
	v.call.sap_id = vc->sap ? vc->sap->o.id : 0;
	v.call.cp = vc->cp;
	ret = show(arg, &v);
	list_for_each_entry(p, &vc->parties, node) {
		if (ret)
			break;
		if (p->state == PARTY_GONE)
			continue;
		cd_view_party(&v, p);
		ret = show(arg, &v);
	}
	cd_unlock(o, flags);
	return ret;
}

static int cd_view_one_party(struct cd_obj *o, condis_view_fn show, void *arg)
{
	struct cd_party *p = container_of(o, struct cd_party, o);
	struct condis_view v;
	unsigned long flags;
	int ret;

	flags = cd_lock(&p->vc->o);
	cd_view_party(&v, p);
	ret = show(arg, &v);
	cd_unlock(&p->vc->o, flags);
	return ret;
}

static int cd_view_show(struct cd_obj *o, condis_view_fn show, void *arg)
{
	if (!show)
		return 0;
	switch (o->type) {
	case CD_ADAPTER:
		return cd_view_adapter(o, show, arg);
	case CD_AF:
		return cd_view_af(o, show, arg);
	case CD_SAP:
		return cd_view_sap(o, show, arg);
	case CD_VC:
		return cd_view_call(o, show, arg);
	default:
		return cd_view_one_party(o, show, arg);
	}
}

/* Show @o (a reference held, dropped here); -ENOENT when there is none. */
static int cd_view_show_put(struct cd_obj *o, condis_view_fn show, void *arg)
{
	int ret;

	if (!o)
		return -ENOENT;
	ret = cd_view_show(o, show, arg);
	cd_obj_put(o);
	return ret;
}

static bool cd_view_kind_ok(enum condis_view_kind kind)
{
	BUILD_BUG_ON((int)CONDIS_VIEW_ADAPTER != CD_ADAPTER);
	BUILD_BUG_ON((int)CONDIS_VIEW_AF != CD_AF);
	BUILD_BUG_ON((int)CONDIS_VIEW_SAP != CD_SAP);
	BUILD_BUG_ON((int)CONDIS_VIEW_CALL != CD_VC);
	BUILD_BUG_ON((int)CONDIS_VIEW_PARTY != CD_PARTY);
	return kind == CONDIS_VIEW_ADAPTER || (kind >= CONDIS_VIEW_AF &&
					       kind <= CONDIS_VIEW_PARTY);
}

/**
 * condis_view_get - show one object of a namespace
 * @net: the namespace it must belong to
 * @kind: ADAPTER, AF, SAP, CALL or PARTY
 * @id: its id (from userspace: a miss is no contract violation)
 * @show: called with its view (and its AF types or parties); NULL: only
 *	say whether it is there
 * @arg: for @show
 *
 * Context: process (see condis_view_fn for what @show runs under).
 * Return: 0, -ENOENT when there is no such object, or what @show returned.
 */
int condis_view_get(const struct net *net, enum condis_view_kind kind, u32 id,
		    condis_view_fn show, void *arg)
{
	if (!cd_view_kind_ok(kind))
		return -EINVAL;
	return cd_view_show_put(cd_obj_get_id((enum cd_type)kind, id, net), show, arg);
}
EXPORT_SYMBOL_GPL(condis_view_get);

/**
 * condis_view_next - show the first object of a kind from an id on (dumps)
 * @net: the namespace it must belong to
 * @kind: ADAPTER, AF, SAP, CALL or PARTY
 * @id: in: where to start; out: the id of the object shown
 * @show: as for condis_view_get()
 * @arg: for @show
 *
 * Context: process.
 * Return: 0, -ENOENT when none is left, or what @show returned.
 */
int condis_view_next(const struct net *net, enum condis_view_kind kind,
		     unsigned long *id, condis_view_fn show, void *arg)
{
	if (!cd_view_kind_ok(kind))
		return -EINVAL;
	return cd_view_show_put(cd_obj_next((enum cd_type)kind, id, net), show, arg);
}
EXPORT_SYMBOL_GPL(condis_view_next);

/**
 * condis_view_generation - changes whenever an object appears or goes
 *
 * A dump that saw it change between its parts may be inconsistent.
 * Context: any.
 * Return: the generation.
 */
unsigned int condis_view_generation(void)
{
	return cd_obj_generation();
}
EXPORT_SYMBOL_GPL(condis_view_generation);
