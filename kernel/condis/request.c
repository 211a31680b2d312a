// SPDX-License-Identifier: GPL-2.0
/*
 * The one request/complete mechanism every chain uses.
 *
 * A request is queued on its owner object's event queue (evq) when it is
 * issued, then the callee's handler runs in the requester's context. Its
 * answer moves the request through a small state machine:
 *
 *   ISSUED --handler returns PENDING--> PENDED --*_complete()--> READY
 *   ISSUED --*_complete() inside the handler--> EARLY --PENDING--> READY
 *   ISSUED --handler returns a status--> SYNC (unlinked, never delivered)
 *
 * Transitions are cmpxchg()s, so a completion may race the handler's return
 * from any context. A completion finds its request on the owner's evq by
 * chain (and target object), and claims it under the owner's lock: a second
 * completion finds nothing and is reported. READY requests are delivered by
 * the owner's work item on condis_wq, in evq order per destination role:
 * an item waits while an earlier item for the same role is not READY
 * (but for unordered chains, OID requests, which neither wait nor hold
 * back).
 * Indications enter the evq READY, so they queue behind outstanding
 * requests for the same role; a VC's incoming close cannot overtake its
 * make-call completion.
 *
 * A CM and a client that both declare it (CONDIS_CM_DIRECT_COMPLETE,
 * CONDIS_CLIENT_DIRECT_COMPLETE) have the CM's call completions and
 * indications delivered in the CM's context when it may sleep, as NDIS
 * calls the client's handler from within NdisCmMakeCallComplete: the
 * completer drains the object's queue itself, in the same order, instead
 * of waking the worker. One drains at a time (@draining); a worker or a
 * completer that finds the queue being drained leaves its items to the
 * drainer, which looks again before it stops.
 */
#include <linux/mempool.h>
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "verifier.h"
#include "trace.h"

static atomic64_t cd_seq;
DECLARE_WAIT_QUEUE_HEAD(cd_idle_wq);

static void cd_req_timeout(struct timer_list *t)
{
	struct cd_req *req = from_timer(req, t, timer);

	cd_verify_report(CONDIS_VRF_REQUEST_TIMEOUT, req->owner, req->chain->name,
			 NULL);
}

static struct cd_req *cd_req_init(struct cd_req *req, const struct cd_chain *chain,
				  struct cd_obj *owner, struct cd_obj *target)
{
	INIT_LIST_HEAD(&req->node);
	req->chain = chain;
	req->owner = owner;
	cd_obj_get(owner);
	req->target = target;
	req->key = target;
	req->dest = chain->dest;
	if (target)
		cd_obj_get(target);
	atomic_set(&req->state, REQ_ISSUED);
	timer_setup(&req->timer, cd_req_timeout, 0);
	req->seq = atomic64_inc_return(&cd_seq);
	return req;
}

struct cd_req *cd_req_alloc(const struct cd_chain *chain, struct cd_obj *owner,
			    struct cd_obj *target, gfp_t gfp)
{
	struct cd_req *req = kzalloc(sizeof(*req), gfp);

	if (!req)
		return NULL;
	return cd_req_init(req, chain, owner, target);
}

/*
 * The indications a call manager dispatches without hearing of a failure
 * (a call connected, closed by the remote side, a party dropped) must reach
 * the client, or it keeps a call its CM has let go: their requests come
 * from a reserve when memory runs out, in any context.
 */
#define CD_IND_RESERVE 32
static mempool_t *cd_ind_pool;

/**
 * cd_ind_lost - log an indication lost for memory
 * @chain: what it was
 * @o: the object it was for
 *
 * Context: any.
 */
void cd_ind_lost(const struct cd_chain *chain, struct cd_obj *o)
{
	pr_warn_ratelimited("condis: %s %u: %s lost: out of memory\n",
			    cd_type_name(o->type), o->id, chain->name);
}

/**
 * cd_req_alloc_ind - a request for an indication that must not be lost
 * @chain: what it is
 * @owner: ordering domain
 * @target: object it names, or NULL
 * @buf: data to copy into it (a close or drop reason), or NULL
 * @len: length of @buf
 *
 * Out of memory the request comes from a reserve, without @buf if that
 * cannot be copied; either loss is logged.
 *
 * Context: any.
 * Return: the request; NULL only when memory and the reserve ran out.
 */
struct cd_req *cd_req_alloc_ind(const struct cd_chain *chain, struct cd_obj *owner,
				struct cd_obj *target, const void *buf, u32 len)
{
	struct cd_obj *o = target ?: owner;
	struct cd_req *req = mempool_alloc(cd_ind_pool, GFP_ATOMIC);

	if (!req) {
		cd_ind_lost(chain, o);
		return NULL;
	}
	memset(req, 0, sizeof(*req));
	cd_req_init(req, chain, owner, target);
	if (cd_req_set_buf(req, buf, len, GFP_ATOMIC))
		pr_warn_ratelimited("condis: %s %u: %s without its data: out of memory\n",
				    cd_type_name(o->type), o->id, chain->name);
	return req;
}

/*
 * Queue an indication for the client on @vc with an optional buffer copy.
 * Out of memory it comes from the reserve, without the buffer if need be.
 * @by_cm: the CM dispatches it through its API (cd_req_from_cm()).
 */
void cd_vc_indicate(struct cd_vc *vc, const struct cd_chain *chain,
		    struct cd_obj *target, int cause, const void *buf,
		    u32 len, struct condis_call_params *cp, bool by_cm)
{
	struct cd_req *req = cd_req_alloc_ind(chain, &vc->o, target, buf, len);

	if (!req) {
		condis_call_params_free(cp);
		return;
	}
	req->cause = cause;
	req->cp = cp;
	if (by_cm)
		cd_req_from_cm(req);
	cd_indicate(req);
}

/*
 * Every request goes back through the reserve's pool: kmalloc'd at the
 * same size, one from cd_req_alloc() refills the reserve when it is short
 * and is kfree'd otherwise.
 */
void cd_req_free(struct cd_req *req)
{
	if (req->armed)		/* most never pend: no timer to stop */
		del_timer_sync(&req->timer);
	condis_call_params_free(req->cp);
	kfree(req->buf);
	cd_obj_put(req->target);
	cd_obj_put(req->owner);
	mempool_free(req, cd_ind_pool);
}

int cd_requests_init(void)
{
	cd_ind_pool = mempool_create_kmalloc_pool(CD_IND_RESERVE, sizeof(struct cd_req));
	return cd_ind_pool ? 0 : -ENOMEM;
}

void cd_requests_exit(void)
{
	mempool_destroy(cd_ind_pool);
}

/**
 * cd_req_set_buf - give a request its own copy of a caller's buffer
 * @req: the request
 * @buf: the data (close and drop reasons, status details)
 * @len: its length; at most %CONDIS_PARAMS_BLOB_MAX bytes are kept
 * @gfp: allocation flags
 *
 * Return: 0, or -ENOMEM (the request has no buffer then).
 */
int cd_req_set_buf(struct cd_req *req, const void *buf, u32 len, gfp_t gfp)
{
	if (!len || !buf)
		return 0;
	len = min_t(u32, len, CONDIS_PARAMS_BLOB_MAX);
	req->buf = kmemdup(buf, len, gfp);
	if (!req->buf)
		return -ENOMEM;
	req->len = len;
	return 0;
}

/* How long condis waits for a pended request in teardown (pend_timeout_ms). */
unsigned long cd_pend_timeout(void)
{
	unsigned int ms = READ_ONCE(condis_pend_timeout_ms);

	return ms ? msecs_to_jiffies(ms) : MAX_SCHEDULE_TIMEOUT;
}

/*
 * @o has an item ready: wake its worker, unless someone drains @o's queue
 * (a direct completion, or the worker itself): the drainer looks again
 * under @o's lock before it stops, and so delivers the item the worker
 * would have found it draining and left to it.
 */
static void cd_kick(struct cd_obj *o)
{
	unsigned long flags = cd_lock(o);
	bool draining = o->draining;

	cd_unlock(o, flags);
	if (draining)
		return;
	cd_obj_get(o);
	if (!queue_work(condis_wq, &o->work))
		cd_obj_put(o);
}

static void cd_evq_drain(struct cd_obj *o);

/*
 * May a direct completion run handlers where it is? In a task with
 * interrupts on and, where the kernel counts it, nothing that disables
 * preemption (a spinlock) and no RCU read side; the CM promised the rest.
 */
static bool cd_may_deliver_here(void)
{
	if (!in_task() || irqs_disabled())
		return false;
	return !IS_ENABLED(CONFIG_PREEMPT_COUNT) || (preemptible() && !rcu_preempt_depth());
}

/*
 * @o (referenced by the caller) has an item ready: deliver it here when a
 * CM's direct completion made it ready where it may, else on the worker.
 */
static void cd_deliver_ready(struct cd_obj *o, bool direct)
{
	if (direct && cd_may_deliver_here()) {
		cd_evq_drain(o);
		return;
	}
	cd_kick(o);
}

/**
 * cd_req_enqueue_locked - issue: put the request in order on its owner's queue
 * @req: the request
 *
 * Called with the owner's lock held, in the same critical section that
 * moves the object into the state the request is for (closing,
 * deregistering, ...). A teardown that waits for the queue to be idle
 * (cd_settle()) then never sees that state without its request, and
 * never gives up on an object whose request is about to be delivered.
 */
void cd_req_enqueue_locked(struct cd_req *req)
{
	struct cd_obj *o = req->owner;

	lockdep_assert_held(&o->lock);
	/* queued ready, the owner's worker may deliver and free it at once */
	trace_condis_request(req->chain->name, o->type, o->id, req->seq);
	list_add_tail(&req->node, &o->evq);
	o->completed &= ~BIT(req->chain->kind);
}

/* Issue a request whose owner nobody else can see yet, or that moves no state. */
void cd_req_enqueue(struct cd_req *req)
{
	unsigned long flags = cd_lock(req->owner);

	cd_req_enqueue_locked(req);
	cd_unlock(req->owner, flags);
}

/* Take back a request queued for an object that failed to be made; free it. */
void cd_req_cancel(struct cd_req *req)
{
	unsigned long flags = cd_lock(req->owner);

	list_del_init(&req->node);
	cd_unlock(req->owner, flags);
	cd_req_free(req);
}

/*
 * Is an item of @o's queue ready to be delivered? A request answered at
 * once leaves the queue without a delivery; the owner's worker only has
 * work if something ready waited behind it. Caller holds o->lock.
 */
static bool cd_evq_ready_locked(struct cd_obj *o)
{
	struct cd_req *r;

	lockdep_assert_held(&o->lock);
	list_for_each_entry(r, &o->evq, node)
		if (atomic_read(&r->state) == REQ_READY)
			return true;
	return false;
}

/**
 * cd_req_returned - the callee's handler answered
 * @req: the request (issued with cd_req_enqueue())
 * @ret: what the handler returned
 * @caller: reported on a contract violation
 *
 * Context: process (the requester's). Consumes @req unless it pended.
 * Return: the status the requester sees: @ret, or the failure the chain's
 * sync_done made of it.
 */
int cd_req_returned(struct cd_req *req, int ret, void *caller)
{
	const struct cd_chain *chain = req->chain;
	struct cd_obj *o = req->owner;
	unsigned long flags;
	bool waited;
	int old;

	if (ret == CONDIS_PENDING) {
		unsigned int ms = READ_ONCE(condis_pend_timeout_ms);
		u64 seq = req->seq;	/* pended, it may complete and go any time */

		/* the watchdog, unless it was completed inside the handler */
		if (ms && atomic_read(&req->state) != REQ_EARLY) {
			req->armed = true;
			mod_timer(&req->timer, jiffies + msecs_to_jiffies(ms));
		}
		old = atomic_cmpxchg(&req->state, REQ_ISSUED, REQ_PENDED);
		if (old == REQ_EARLY) {
			if (req->armed)
				del_timer(&req->timer);
			atomic_set(&req->state, REQ_READY);
			cd_kick(o);
		}
		trace_condis_pended(chain->name, o->type, o->id, seq);
		return CONDIS_PENDING;
	}

	old = atomic_cmpxchg(&req->state, REQ_ISSUED, REQ_SYNC_DONE);
	if (old == REQ_EARLY)
		cd_verify_report(CONDIS_VRF_COMPLETE_UNPENDED, o, chain->name, caller);
	req->status = ret;
	trace_condis_complete(chain->name, o->type, o->id, req->seq, ret, false);
	if (chain->sync_done)
		chain->sync_done(req);	/* may turn the status into a failure */
	ret = req->status;
	/* queued until applied: cd_settle() does not see the object idle before */
	flags = cd_lock(o);
	list_del_init(&req->node);
	waited = cd_evq_ready_locked(o);
	cd_unlock(o, flags);
	if (waited)
		cd_kick(o);	/* later items may have waited on this one */
	else if (wq_has_sleeper(&cd_idle_wq))
		wake_up_all(&cd_idle_wq);	/* a teardown may wait for it */
	cd_req_free(req);
	return ret;
}

/**
 * cd_req_complete - find and claim the outstanding request a completion is for
 * @owner: the ordering domain the request was queued on
 * @chain: which chain completes
 * @key: what the completion names (target object, OID request), NULL: any
 * @status: the final status
 * @caller: the completer, for reports
 *
 * Context: any. On success the caller may attach data to the request and
 * must then call cd_req_ready(). A completion that finds no outstanding
 * request, or carries %CONDIS_PENDING, is reported and NULL is returned.
 *
 * Return: the request, claimed, or NULL.
 */
struct cd_req *cd_req_complete(struct cd_obj *owner, const struct cd_chain *chain,
			       const void *key, int status, void *caller)
{
	struct cd_req *req, *found = NULL;
	unsigned long flags;
	bool twice;

	if (status == CONDIS_PENDING) {
		cd_verify_report(CONDIS_VRF_COMPLETE_PENDING, owner, chain->name,
				 caller);
		if (cd_verifier_strict())
			return NULL;
		status = -EIO;
	}

	flags = cd_lock(owner);
	list_for_each_entry(req, &owner->evq, node) {
		int st = atomic_read(&req->state);

		if (req->chain != chain || (key && req->key != key))
			continue;
		if ((st == REQ_ISSUED || st == REQ_PENDED) && !req->claimed) {
			found = req;
			break;
		}
	}
	if (found) {
		found->claimed = true;
		found->status = status;
		owner->completed |= BIT(chain->kind);
	}
	twice = owner->completed & BIT(chain->kind);
	cd_unlock(owner, flags);

	if (!found) {
		cd_verify_report(twice ? CONDIS_VRF_COMPLETE_TWICE :
				 CONDIS_VRF_COMPLETE_UNPENDED, owner, chain->name,
				 caller);
		return NULL;
	}
	return found;
}

/* Make a claimed request final; deliver it if its handler already pended. */
void cd_req_ready(struct cd_req *req)
{
	struct cd_obj *o = req->owner;
	int old;

	if (req->chain->completed)
		req->chain->completed(req);
	trace_condis_complete(req->chain->name, o->type, o->id,
			      req->seq, req->status, true);
	for (;;) {
		old = atomic_read(&req->state);
		if (old == REQ_PENDED) {
			bool direct = req->direct;

			/* ready, it may be delivered and freed (with its
			 * reference on @o) before the kick: hold one
			 */
			cd_obj_get(o);
			if (atomic_cmpxchg(&req->state, old, REQ_READY) == old) {
				cd_deliver_ready(o, direct);
				cd_obj_put(o);
				return;
			}
			cd_obj_put(o);
		} else if (old == REQ_ISSUED) {
			if (atomic_cmpxchg(&req->state, old, REQ_EARLY) == old)
				return;
		} else {
			return;
		}
	}
}

/* An indication: final at once, delivered in order. Any context. */
void cd_indicate(struct cd_req *req)
{
	struct cd_obj *o = req->owner;
	bool direct = req->direct;

	/* once queued, it may be delivered and freed before the kick */
	cd_obj_get(o);
	atomic_set(&req->state, REQ_READY);
	cd_req_enqueue(req);
	cd_deliver_ready(o, direct);
	cd_obj_put(o);
}

/* Is a request of @chain (for @key) outstanding on @owner? Caller holds owner->lock. */
bool cd_req_outstanding_locked(struct cd_obj *owner, const struct cd_chain *chain,
			       const void *key)
{
	struct cd_req *req;

	lockdep_assert_held(&owner->lock);
	list_for_each_entry(req, &owner->evq, node)
		if (req->chain == chain && (!key || req->key == key))
			return true;
	return false;
}

/*
 * The AF of a request delivered to a client: an AF's, a SAP's, a VC's or
 * a party's. NULL for other destinations and for a CM's own VCs.
 */
static struct cd_af *cd_req_af(const struct cd_req *req)
{
	struct cd_obj *o = req->owner;
	struct cd_af *af = NULL;

	if (req->dest != CD_TO_CLIENT)
		return NULL;
	switch (o->type) {
	case CD_AF:
		af = container_of(o, struct cd_af, o);
		break;
	case CD_SAP:
		af = container_of(o, struct cd_sap, o)->af;
		break;
	case CD_VC:
		af = container_of(o, struct cd_vc, o)->af;
		break;
	case CD_PARTY:
		af = container_of(o, struct cd_party, o)->vc->af;
		break;
	}
	return af;
}

/* The client a request is delivered to, when it is not @req's owner. */
static struct cd_obj *cd_req_client(const struct cd_req *req)
{
	struct cd_af *af = cd_req_af(req);

	return af ? &af->client->o : NULL;
}

/**
 * cd_req_from_cm - a CM completes or indicates through its own API
 * @req: the claimed request or the indication, not yet ready
 *
 * Marks @req for delivery in the CM's context when the AF's CM and client
 * both declared direct completion; cd_req_ready() and cd_indicate() then
 * deliver it there if that context may sleep. Only the CM's API calls
 * this: condis's own completions (teardown, the watchdog) stay queued.
 */
void cd_req_from_cm(struct cd_req *req)
{
	struct cd_af *af = cd_req_af(req);

	req->direct = af && (af->cm->ops->flags & CONDIS_CM_DIRECT_COMPLETE) &&
		      (af->client->ops->flags & CONDIS_CLIENT_DIRECT_COMPLETE);
}

/*
 * A delivery to a client counts as one on the client object too, from
 * before its chain applies the answer until the handler returned: a chain
 * that unlinks its object first (a SAP deregistered, an AF closed) takes
 * it out of what the client's teardown looks at, and the client's last
 * cd_settle() in condis_client_unregister() still waits for the handler.
 * An adapter-wide status counts on every CM and client it reaches, too.
 */
void cd_role_delivering(struct cd_obj *role, int d)
{
	unsigned long flags = cd_lock(role);

	role->delivering += d;
	cd_unlock(role, flags);
}

/*
 * Deliver @o's ready items in order until none is left, unless someone
 * else is at it: the drainer looks again under @o's lock before it stops,
 * and an item made ready before that look is seen by it. The caller holds
 * a reference on @o.
 */
static void cd_evq_drain(struct cd_obj *o)
{
	struct cd_obj *cl;
	struct cd_req *req, *r;
	unsigned long flags, blocked;

	flags = cd_lock(o);
	if (o->draining) {
		cd_unlock(o, flags);
		return;
	}
	o->draining = true;
	for (;;) {
		req = NULL;
		blocked = 0;
		list_for_each_entry(r, &o->evq, node) {
			if (atomic_read(&r->state) == REQ_READY &&
			    (r->chain->unordered || !(blocked & BIT(r->dest)))) {
				req = r;
				break;
			}
			if (!r->chain->unordered)
				blocked |= BIT(r->dest);
		}
		if (!req)
			break;
		list_del_init(&req->node);
		o->delivering++;	/* still owed until its handler returned */
		cd_unlock(o, flags);

		if (req->armed)
			del_timer_sync(&req->timer);
		cl = cd_req_client(req);
		if (cl) {
			cd_obj_get(cl);
			cd_role_delivering(cl, 1);
		}
		trace_condis_deliver(req->chain->name, o->type, o->id, req->seq,
				     req->status, true);
		req->chain->deliver(req);
		if (req->done)
			complete(req->done);
		cd_req_free(req);
		flags = cd_lock(o);
		o->delivering--;
		cd_unlock(o, flags);
		if (cl) {
			cd_role_delivering(cl, -1);
			cd_obj_put(cl);
		}
		flags = cd_lock(o);
	}
	o->draining = false;
	cd_unlock(o, flags);
	if (wq_has_sleeper(&cd_idle_wq))
		wake_up_all(&cd_idle_wq);
}

static void cd_evq_work(struct work_struct *work)
{
	struct cd_obj *o = container_of(work, struct cd_obj, work);

	cd_evq_drain(o);
	cd_obj_put(o);		/* cd_kick()'s */
}

/**
 * cd_req_obj_init - initialise an object that takes requests
 * @o: the object (embedded in its type's structure)
 * @type: its type
 * @net: its namespace
 * @gfp: for its id
 *
 * cd_obj_init() with the object's ordered queue of requests and
 * indications ready.
 *
 * Return: 0 or a negative errno.
 */
int cd_req_obj_init(struct cd_obj *o, enum cd_type type, struct net *net, gfp_t gfp)
{
	INIT_LIST_HEAD(&o->evq);
	INIT_WORK(&o->work, cd_evq_work);
	return cd_obj_init(o, type, net, gfp);
}

/*
 * Teardown: complete every request still pended on @o with @status, on
 * behalf of a callee that did not (the watchdog already reported it). A
 * late completion from that callee is then reported as a second one.
 */
static void cd_req_abort_pended(struct cd_obj *o, int status)
{
	struct cd_req *req, *found;
	unsigned long flags;

	do {
		found = NULL;
		flags = cd_lock(o);
		list_for_each_entry(req, &o->evq, node) {
			if (atomic_read(&req->state) == REQ_PENDED && !req->claimed) {
				found = req;
				found->claimed = true;
				found->status = status;
				o->completed |= BIT(req->chain->kind);
				break;
			}
		}
		cd_unlock(o, flags);
		if (found) {
			pr_warn("condis: %s on object %u/%u completed by condis: its callee never did\n",
				found->chain->name, o->type, o->id);
			cd_req_ready(found);
		}
	} while (found);
}

/**
 * cd_settle - let what is queued on @o finish, within the pend timeout
 * @o: the object
 *
 * Teardown's wait: requests still pended after pend_timeout_ms are
 * completed with -ETIMEDOUT and delivered, so teardown always ends.
 */
void cd_settle(struct cd_obj *o)
{
	unsigned long t = cd_pend_timeout();

	if (wait_event_timeout(cd_idle_wq, cd_evq_idle(o), t))
		return;
	cd_req_abort_pended(o, -ETIMEDOUT);
	wait_event_timeout(cd_idle_wq, cd_evq_idle(o), t);
}

/**
 * cd_settle_lock - teardown's last word on an object: settle, then lock it
 * @o: the object
 *
 * Returns with @o's lock held and nothing queued on it or being delivered
 * (settling again while something is). A request moves its object's state
 * and queues itself under that lock (cd_req_enqueue_locked()), so a caller
 * that gives @o up before unlocking cannot pull it from under a request
 * another teardown, or its client, has in flight.
 *
 * Context: process; may sleep.
 * Return: the flags for cd_unlock().
 */
unsigned long cd_settle_lock(struct cd_obj *o)
	__acquires(&o->lock)
{
	unsigned long flags;

	for (;;) {
		cd_settle(o);
		flags = cd_lock(o);
		if (cd_evq_idle(o))
			return flags;
		cd_unlock(o, flags);
	}
}

/**
 * cd_req_wait - condis waits for its own pended request to be delivered
 * @owner: the request's owner
 * @chain: its chain
 * @key: its key
 * @done: set as req->done when it was issued
 *
 * Teardown issues requests on behalf of departing roles and waits here.
 * A callee that does not complete within pend_timeout_ms (reported by the
 * watchdog) has its request completed by condis with -ETIMEDOUT; a late
 * completion is then reported as a second one.
 */
void cd_req_wait(struct cd_obj *owner,
		 const struct cd_chain *chain, const void *key,
		 struct completion *done)
{
	unsigned long t = cd_pend_timeout();
	struct cd_req *req;

	if (wait_for_completion_timeout(done, t))
		return;
	req = cd_req_complete(owner, chain, key, -ETIMEDOUT, NULL);
	if (req)
		cd_req_ready(req);
	wait_for_completion(done);
}

void cd_evq_flush(struct cd_obj *o)
{
	flush_work(&o->work);
}
