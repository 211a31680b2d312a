// SPDX-License-Identifier: GPL-2.0
/*
 * condis objects: ids, handles, references.
 *
 * A handle given to a role is the cookie (type << 32 | id). Every entry
 * point resolves it through the per-type xarray under RCU and takes a
 * reference, so a stale handle resolves to nothing (and is reported) rather
 * than to freed memory. Objects are freed after RCU when their last
 * reference goes.
 */
#include <linux/slab.h>
#include <net/net_namespace.h>
#include "internal.h"
#include "object.h"
#include "verifier.h"

static struct xarray cd_xa[__CD_TYPE_MAX];
struct kmem_cache *cd_vc_cache;
static u32 cd_next_id[__CD_TYPE_MAX];
static atomic_long_t cd_live[__CD_TYPE_MAX];
static atomic_t cd_gen;		/* bumped when an object appears or goes */

/*
 * The ids of a type. A CM's own VCs share the VCs' ids: a miniport that
 * keys its VCs by condis_handle_id() (or puts the id on the wire) sees
 * each VC it carries under an id of its own.
 */
static enum cd_type cd_id_space(enum cd_type type)
{
	return type == CD_CMVC ? CD_VC : type;
}

/* The object of @type with @id in its id space, or NULL. Context: RCU or xa lock. */
static struct cd_obj *cd_xa_load(enum cd_type type, unsigned long id)
{
	struct cd_obj *o = xa_load(&cd_xa[cd_id_space(type)], id);

	return o && o->type == type ? o : NULL;
}

int cd_obj_init(struct cd_obj *o, enum cd_type type, struct net *net, gfp_t gfp)
{
	int ret;

	refcount_set(&o->ref, 1);
	o->type = type;
	o->dead = true;		/* until the caller publishes it */
	spin_lock_init(&o->lock);
	o->net = net;
	ret = xa_alloc_cyclic_irq(&cd_xa[cd_id_space(type)], &o->id, o, xa_limit_31b,
				  &cd_next_id[cd_id_space(type)], gfp);
	if (ret < 0)
		return ret;
	atomic_long_inc(&cd_live[type]);
	return 0;
}

void cd_obj_publish(struct cd_obj *o)
{
	/* pairs with the acquire in cd_obj_lookup(): fields set before are seen */
	smp_store_release(&o->dead, false);
	atomic_inc(&cd_gen);
}

void cd_obj_get(struct cd_obj *o)
{
	refcount_inc(&o->ref);
}

void *cd_handle(const struct cd_obj *o)
{
	return (void *)(((unsigned long)o->type << 32) | o->id);
}

/**
 * condis_handle_id - a handle's stable numeric id
 * @handle: any condis handle
 *
 * The id netlink and debugfs show for the object (unique per type; a
 * CM's own VCs and the AFs' VCs share one space).
 * Context: any.
 * Return: the id; 0 for a NULL handle.
 */
u32 condis_handle_id(const void *handle)
{
	return (unsigned long)handle & 0xffffffffUL;
}
EXPORT_SYMBOL_GPL(condis_handle_id);

/**
 * cd_obj_lookup - resolve a handle and take a reference
 * @handle: the cookie a role passed in
 * @type: the type the entry point expects
 * @caller: reported to the verifier when the handle is stale
 *
 * Context: any.
 * Return: the object with a reference held, or NULL (reported).
 */
struct cd_obj *cd_obj_lookup(const void *handle, enum cd_type type, void *caller)
{
	return cd_obj_lookup_dying(handle, type, false, caller);
}

/**
 * cd_obj_lookup_dying - cd_obj_lookup(), optionally also while dying
 * @handle: the cookie a role passed in
 * @type: the type the entry point expects
 * @dying: also resolve an object killed with cd_obj_kill() whose id is
 *	still held (check ->dead to tell)
 * @caller: reported to the verifier when the handle is stale
 *
 * Context: any.
 * Return: the object with a reference held, or NULL (reported).
 */
struct cd_obj *cd_obj_lookup_dying(const void *handle, enum cd_type type,
				   bool dying, void *caller)
{
	unsigned long h = (unsigned long)handle;
	struct cd_obj *o = NULL;

	if ((h >> 32) == type && h) {
		rcu_read_lock();
		o = cd_xa_load(type, h & 0xffffffffUL);
		/* pairs with the release in cd_obj_publish() */
		if (o && ((!dying && smp_load_acquire(&o->dead)) ||
			  !refcount_inc_not_zero(&o->ref)))
			o = NULL;
		rcu_read_unlock();
	}
	if (!o)
		cd_verify_report(CONDIS_VRF_STALE_HANDLE, NULL,
				 handle ? "handle no longer valid" : "NULL handle",
				 caller);
	return o;
}

/**
 * cd_obj_peek - a live object by type and id, without a reference
 * @type: its type
 * @id: its id
 *
 * Context: inside rcu_read_lock(), which keeps the memory (not the
 * object's state) valid.
 * Return: the object, or NULL when there is none or it is dying.
 */
struct cd_obj *cd_obj_peek(enum cd_type type, u32 id)
{
	struct cd_obj *o = cd_xa_load(type, id);

	/* pairs with the release in cd_obj_publish(), as cd_obj_lookup_dying() */
	return o && !smp_load_acquire(&o->dead) ? o : NULL;
}

/**
 * cd_obj_kill - make the handle invalid for requests, keeping its id
 * @o: the object
 *
 * Requests and cd_obj_lookup() refuse it from now on; entry points that
 * may still see it while it is being taken down (a miniport's data path
 * until its delete_vc ran) resolve it with cd_obj_lookup_dying().
 * cd_obj_unpublish() frees the id. Context: any.
 */
void cd_obj_kill(struct cd_obj *o)
{
	WRITE_ONCE(o->dead, true);
	atomic_inc(&cd_gen);
}

/**
 * cd_obj_revive - undo cd_obj_kill(): the handle resolves again
 * @o: the object, killed but not unpublished
 *
 * For a request refused after its object was killed (a VC's delete the
 * other role refused). Context: any.
 */
void cd_obj_revive(struct cd_obj *o)
{
	WRITE_ONCE(o->dead, false);
	atomic_inc(&cd_gen);
}

/**
 * cd_obj_unpublish - make the handle invalid; the memory lives on while
 * references are held.
 * @o: the object
 *
 * Context: any. Idempotent.
 */
void cd_obj_unpublish(struct cd_obj *o)
{
	struct xarray *xa = &cd_xa[cd_id_space(o->type)];
	unsigned long flags;

	/*
	 * An object that dies before it was published (its creator failed
	 * after cd_obj_init()) is dead but still holds its id: free that too.
	 */
	if (xchg(&o->dead, true) && xa_load(xa, o->id) != o)
		return;
	xa_lock_irqsave(xa, flags);
	__xa_cmpxchg(xa, o->id, o, NULL, 0);
	xa_unlock_irqrestore(xa, flags);
	atomic_inc(&cd_gen);
}

/**
 * cd_obj_get_id - the live object of a type with an id, in a namespace
 * @type: object type
 * @id: its id (as netlink shows it)
 * @net: the namespace it must belong to
 *
 * Unlike cd_obj_lookup(), a miss is not a contract violation: the id came
 * from userspace. Context: any.
 * Return: the object with a reference held, or NULL.
 */
struct cd_obj *cd_obj_get_id(enum cd_type type, u32 id, const struct net *net)
{
	struct cd_obj *o;

	rcu_read_lock();
	o = cd_xa_load(type, id);
	/* pairs with the release in cd_obj_publish() */
	if (o && (smp_load_acquire(&o->dead) || !net_eq(o->net, net) ||
		  !refcount_inc_not_zero(&o->ref)))
		o = NULL;
	rcu_read_unlock();
	return o;
}

/**
 * cd_obj_next - the first live object of a type from an id on (dumps)
 * @type: object type
 * @id: in: where to start; out: the id of the object returned
 * @net: the namespace it must belong to; NULL: any (debugfs)
 *
 * Context: any.
 * Return: the object with a reference held, or NULL.
 */
struct cd_obj *cd_obj_next(enum cd_type type, unsigned long *id,
			   const struct net *net)
{
	struct cd_obj *o;

	rcu_read_lock();
	xa_for_each_start(&cd_xa[cd_id_space(type)], *id, o, *id) {
		/* pairs with the release in cd_obj_publish() */
		if (o->type != type || smp_load_acquire(&o->dead) ||
		    (net && !net_eq(o->net, net)))
			continue;
		if (refcount_inc_not_zero(&o->ref))
			break;
	}
	rcu_read_unlock();
	return o;
}

/* Changes whenever an object appears or goes: dump consistency. */
unsigned int cd_obj_generation(void)
{
	return atomic_read(&cd_gen);
}

static void cd_vc_free_rcu(struct rcu_head *rcu)
{
	kmem_cache_free(cd_vc_cache, container_of(rcu, struct cd_vc, o.rcu));
}

static void cd_obj_release(struct cd_obj *o)
{
	struct cd_vc *vc;
	struct cd_af *af;

	switch (o->type) {
	case CD_VC:
		vc = container_of(o, struct cd_vc, o);
		condis_call_params_free(vc->cp);
		if (vc->sap)
			cd_obj_put(&vc->sap->o);
		cd_obj_put(&vc->af->o);
		break;
	case CD_CMVC:
		cd_obj_put(&container_of(o, struct cd_vc, o)->owncm->o);
		break;
	case CD_AF:
		af = container_of(o, struct cd_af, o);
		cd_obj_put(&af->client->o);
		cd_obj_put(&af->cm->o);
		break;
	case CD_SAP:
		cd_obj_put(&container_of(o, struct cd_sap, o)->af->o);
		break;
	case CD_PARTY:
		cd_obj_put(&container_of(o, struct cd_party, o)->vc->o);
		break;
	case CD_CM:
		cd_obj_put(&container_of(o, struct cd_cm, o)->adapter->o);
		break;
	default:
		break;
	}
	atomic_long_dec(&cd_live[o->type]);
	if (o->type == CD_VC || o->type == CD_CMVC)
		call_rcu(&o->rcu, cd_vc_free_rcu);	/* cd_objects_exit() waits */
	else
		kfree_rcu(o, rcu);
}

/**
 * cd_obj_put - drop a reference
 * @o: the object (may be NULL)
 *
 * Context: any. The last put frees the object and drops the references it
 * held on its parents.
 */
void cd_obj_put(struct cd_obj *o)
{
	if (!o || !refcount_dec_and_test(&o->ref))
		return;
	cd_obj_unpublish(o);
	WARN_ON_ONCE(!list_empty(&o->evq));
	cd_obj_release(o);
}

unsigned long cd_obj_count(enum cd_type type)
{
	return atomic_long_read(&cd_live[type]);
}

/**
 * condis_objects_live - objects not yet freed, of every type
 *
 * For tests: 0 once every role let go of everything.
 * Context: any.
 * Return: the count.
 */
unsigned long condis_objects_live(void)
{
	unsigned long n = 0;
	int t;

	for (t = 1; t < __CD_TYPE_MAX; t++)
		n += cd_obj_count(t);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(condis_objects_live);

/*
 * Without the lock debugging options (which grow its lock and work item) a
 * VC is at most 240 bytes: 17 to a 4 KiB slab page, at most 256 bytes a
 * VC with its id (Documentation/condis/performance.rst). The distro builds
 * check it.
 */
static_assert(IS_ENABLED(CONFIG_DEBUG_SPINLOCK) || IS_ENABLED(CONFIG_LOCKDEP) ||
	      sizeof(struct cd_vc) <= 240);

int cd_objects_init(void)
{
	int t;

	cd_vc_cache = KMEM_CACHE(cd_vc, 0);
	if (!cd_vc_cache)
		return -ENOMEM;
	for (t = 0; t < __CD_TYPE_MAX; t++)
		xa_init_flags(&cd_xa[t], XA_FLAGS_ALLOC1 | XA_FLAGS_LOCK_IRQ);
	return 0;
}

void cd_objects_exit(void)
{
	int t;

	/* RCU frees must finish before the module text and the cache go. */
	rcu_barrier();
	for (t = 0; t < __CD_TYPE_MAX; t++) {
		WARN_ON(!xa_empty(&cd_xa[t]));
		xa_destroy(&cd_xa[t]);
	}
	kmem_cache_destroy(cd_vc_cache);
}

/* Take references on every entry of @head (cd_obj first in the entry). */
struct cd_obj **cd_snapshot(struct cd_obj *lockobj, struct list_head *head,
			    size_t node_off, int *n)
{
	struct cd_obj **v;
	struct list_head *pos;
	unsigned long flags;
	int count = 0, i = 0;

	flags = cd_lock(lockobj);
	list_for_each(pos, head)
		count++;
	cd_unlock(lockobj, flags);
	v = kcalloc(count ?: 1, sizeof(*v), GFP_KERNEL | __GFP_NOFAIL);
	flags = cd_lock(lockobj);
	list_for_each(pos, head) {
		if (i == count)
			break;
		v[i] = (struct cd_obj *)((char *)pos - node_off);
		cd_obj_get(v[i++]);
	}
	cd_unlock(lockobj, flags);
	*n = i;
	return v;
}

void cd_put_snapshot(struct cd_obj **v, int n)
{
	while (n--)
		cd_obj_put(v[n]);
	kfree(v);
}
