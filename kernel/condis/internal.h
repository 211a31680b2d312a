/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis internals: objects, handles and the request/complete mechanism.
 */
#ifndef _CONDIS_INTERNAL_H
#define _CONDIS_INTERNAL_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <net/condis.h>
#include <net/condis_kunit.h>

/* Object types; the type is part of every handle. */
enum cd_type {
	CD_ADAPTER = 1,
	CD_CLIENT,
	CD_CM,
	CD_AF,
	CD_SAP,
	CD_VC,
	CD_PARTY,
	CD_CMVC,	/* a CM's own VC (signalling): struct cd_vc without an AF */
	__CD_TYPE_MAX,
};

/* Who a delivery is for: ordering is kept per destination. */
enum cd_dest {
	CD_TO_CLIENT,
	CD_TO_CM,
	__CD_DEST_MAX,
};

/**
 * struct cd_obj - what every condis object starts with
 * @ref: references; the object is freed (after RCU) when it drops to 0
 * @id: stable numeric id, unique per type (netlink and handles)
 * @type: enum cd_type
 * @dead: unpublished: its handle no longer resolves
 * @lock: protects @evq, @completed and the state of the embedding object
 * @delivering: an item taken off @evq is being delivered (under @lock)
 * @completed: request kinds completed since last issued (verifier; @lock)
 * @evq: requests and indications in issue order (struct cd_req)
 * @work: delivers ready items of @evq on condis_wq
 * @net: owning network namespace (not refcounted: roles unregister first)
 * @rcu: for freeing after RCU
 *
 * Packed (no holes): it is in every VC, and VCs are what there are most of.
 */
struct cd_obj {
	refcount_t ref;
	u32 id;
	u8 type;
	bool dead;
	spinlock_t lock;
	unsigned int delivering;
	u32 completed;
	struct list_head evq;
	struct work_struct work;
	struct net *net;
	struct rcu_head rcu;
};

struct cd_adapter {
	struct cd_obj o;
	const struct condis_miniport_ops *ops;
	void *ctx;
	struct list_head cms;		/* struct cd_cm, under cd_reg_lock */
	struct list_head node;		/* cd_adapters, under cd_reg_lock */
	char name[32];
	const struct condis_link_ops *link;	/* bound to an interface by it */
	u32 ifindex;
	atomic64_t drops[__CONDIS_DROP_MAX];	/* enum condis_drop */
};

struct cd_client {
	struct cd_obj o;
	const struct condis_client_ops *ops;
	void *ctx;
	struct list_head afs;		/* struct cd_af, under o.lock */
	struct list_head node;		/* cd_clients, under cd_reg_lock */
	char name[32];
};

struct cd_cm {
	struct cd_obj o;
	const struct condis_cm_ops *ops;
	void *ctx;
	struct cd_adapter *adapter;
	u32 af_type;
	bool mcm;
	bool going;			/* being torn down: no new AF (o.lock) */
	struct list_head afs;		/* struct cd_af, under o.lock */
	struct list_head own_vcs;	/* its CD_CMVC VCs, under o.lock */
	struct list_head node;		/* adapter->cms, under cd_reg_lock */
};

enum cd_af_state { AF_OPENING, AF_OPEN, AF_CLOSING, AF_CLOSED };

struct cd_af {
	struct cd_obj o;
	struct cd_client *client;
	struct cd_cm *cm;
	void *cl_ctx;
	void *cm_ctx;
	u8 state;
	bool notified;			/* CM asked for a close */
	bool answer_owed;		/* ... and the client has not answered (o.lock) */
	bool released;			/* handle and open reference dropped (o.lock) */
	bool going;			/* being torn down: no new SAP or VC (o.lock) */
	struct list_head saps;		/* under o.lock */
	struct list_head vcs;		/* under o.lock */
	struct list_head cl_node;	/* client->afs */
	struct list_head cm_node;	/* cm->afs */
};

enum cd_sap_state { SAP_REGISTERING, SAP_ACTIVE, SAP_DEREGISTERING, SAP_GONE };

struct cd_sap {
	struct cd_obj o;
	struct cd_af *af;
	void *cl_ctx;
	void *cm_ctx;
	u8 state;
	unsigned int offers;		/* calls offered, incoming_call not returned (o.lock) */
	struct cd_req *dereg;		/* deregistered, waiting for the offers (o.lock) */
	struct list_head node;		/* af->saps */
	struct condis_sap_desc desc;
};

enum cd_call_state {
	CALL_IDLE,
	CALL_OUTGOING,		/* make call issued */
	CALL_INCOMING,		/* dispatched, client answering */
	CALL_ACCEPTED,		/* client accepted, waiting for connected */
	CALL_CONNECTED,
	CALL_CLOSING,		/* close call issued */
};

enum cd_act_state { ACT_INACTIVE, ACT_ACTIVATING, ACT_ACTIVE, ACT_DEACTIVATING };

/*
 * The most numerous object: its own slab cache (cd_vc_cache), and laid out
 * without holes (Documentation/condis/performance.rst has its size).
 */
struct cd_vc {
	struct cd_obj o;
	struct cd_af *af;		/* NULL for a CM's own VC */
	struct cd_cm *owncm;		/* a CM's own VC (CD_CMVC): its CM */
	void *cl_ctx;
	void *cm_ctx;
	void *mp_ctx;
	u8 creator;			/* enum cd_dest: who created it */
	u8 call;			/* enum cd_call_state */
	u8 act;				/* enum cd_act_state */
	bool close_indicated;
	bool closed_unconnected;	/* closed while the CM had yet to connect */
	u32 nparties;
	atomic_t sends;			/* sends not completed yet */
	atomic_t rx_dropped;
	struct condis_call_params *cp;	/* current call parameters */
	struct cd_sap *sap;		/* incoming call: the SAP it came to */
	struct list_head parties;	/* under o.lock */
	struct list_head node;		/* af->vcs, or owncm->own_vcs */
	atomic64_t tx_packets, tx_bytes, rx_packets, rx_bytes, tx_errors;
};

extern struct kmem_cache *cd_vc_cache;

/* The adapter that carries a VC (the VC holds its AF or CM, they it). */
static inline struct cd_adapter *cd_vc_adapter(const struct cd_vc *vc)
{
	return vc->owncm ? vc->owncm->adapter : vc->af->cm->adapter;
}

enum cd_party_state { PARTY_ADDING, PARTY_ACTIVE, PARTY_DROPPING, PARTY_GONE };

struct cd_party {
	struct cd_obj o;
	struct cd_vc *vc;
	void *cl_ctx;
	void *cm_ctx;
	u8 state;
	bool drop_indicated;
	struct list_head node;		/* vc->parties */
};

/* ---- requests -------------------------------------------------------- */

enum cd_req_state {
	REQ_ISSUED,	/* the callee's handler has not returned yet */
	REQ_PENDED,	/* handler returned PENDING, no completion yet */
	REQ_EARLY,	/* completed before the handler returned */
	REQ_READY,	/* final: waiting for delivery in order */
	REQ_SYNC_DONE,	/* final without pending: no delivery */
};

struct cd_req;

/**
 * struct cd_chain - one request/complete chain or one indication
 * @name: for tracing and reports, e.g. "make_call"
 * @kind: bit in the owner's completed mask (unique per owner type)
 * @dest: the role whose handler deliver() runs
 * @completed: hook run when the completion is accepted (any context,
 *	no locks held): invalidate handles the contract says die at once
 * @deliver: runs on condis_wq: apply the final state and run the handler
 *	of the requester (or of the indicated role)
 * @sync_done: the handler answered without pending; apply @status.
 *	Process context. May be NULL when nothing is to do.
 */
struct cd_chain {
	const char *name;
	u8 kind;
	u8 dest;
	void (*completed)(struct cd_req *req);
	void (*deliver)(struct cd_req *req);
	void (*sync_done)(struct cd_req *req);
};

/**
 * struct cd_req - one request or indication on an object's evq
 * @node: on owner->o.evq
 * @chain: what it is
 * @owner: ordering domain (holds a reference)
 * @target: object the completion names, if other than @owner (reference)
 * @key: what a completion matches on (defaults to @target)
 * @dest: the role deliver() is for (defaults to the chain's)
 * @state: enum cd_req_state
 * @claimed: a completion has taken it (under owner->lock)
 * @status: final status
 * @timer: pending-too-long watchdog (verifier)
 * @done: signalled after delivery, for condis' own waiters (teardown)
 * @cp: call parameters travelling with the request (owned)
 * @oid: OID request (owned by the requester)
 * @ctx: a context pointer travelling with the request
 * @buf: a buffer copy travelling with the request (owned)
 * @len: length of @buf
 * @cause: cause code of an indication
 * @seq: issue sequence number for tracing
 * @on_behalf: condis issued it for the client: no handler
 * @armed: its pend timeout timer was started
 */
struct cd_req {
	struct list_head node;
	const struct cd_chain *chain;
	struct cd_obj *owner;
	struct cd_obj *target;
	const void *key;
	u8 dest;
	atomic_t state;
	bool claimed;
	bool on_behalf;
	bool armed;
	int status;
	struct timer_list timer;
	struct completion *done;
	struct condis_call_params *cp;
	struct condis_oid_request *oid;
	void *ctx;
	void *buf;
	u32 len;
	int cause;
	u64 seq;
};

extern struct workqueue_struct *condis_wq;
extern struct mutex cd_reg_lock;
extern struct list_head cd_adapters, cd_clients;
extern unsigned int condis_pend_timeout_ms;

/* object.c */
int cd_obj_init(struct cd_obj *o, enum cd_type type, struct net *net, gfp_t gfp);
void cd_obj_publish(struct cd_obj *o);
void cd_obj_get(struct cd_obj *o);
void cd_obj_put(struct cd_obj *o);
struct cd_obj *cd_obj_lookup(const void *handle, enum cd_type type, void *caller);
struct cd_obj *cd_obj_lookup_dying(const void *handle, enum cd_type type,
				   bool dying, void *caller);
struct cd_obj *cd_obj_peek(enum cd_type type, u32 id);
void cd_obj_kill(struct cd_obj *o);
void cd_obj_unpublish(struct cd_obj *o);
void *cd_handle(const struct cd_obj *o);
unsigned long cd_obj_count(enum cd_type type);
struct cd_obj *cd_obj_get_id(enum cd_type type, u32 id, const struct net *net);
struct cd_obj *cd_obj_next(enum cd_type type, unsigned long *id,
			   const struct net *net);
unsigned int cd_obj_generation(void);
int cd_objects_init(void);
void cd_objects_exit(void);

#define cd_lookup(h, t, T, caller) ({					\
	struct cd_obj *__o = cd_obj_lookup(h, T, caller);		\
	__o ? container_of(__o, t, o) : NULL; })
#define CD_CALLER __builtin_return_address(0)

/* Nothing queued on @o and nothing being delivered from it. */
static inline bool cd_evq_idle(struct cd_obj *o)
{
	return list_empty_careful(&o->evq) && !READ_ONCE(o->delivering);
}

/* A VC handle of either kind (an AF's VC or a CM's own VC). */
#define cd_lookup_any_vc(h, caller)						\
	cd_lookup(h, struct cd_vc,						\
		  ((unsigned long)(h) >> 32) == CD_CMVC ? CD_CMVC : CD_VC, caller)

/*
 * The miniport's view of a VC handle: valid until its delete_vc ran, so a
 * VC condis is deleting still resolves (->o.dead set) for its data path.
 */
#define cd_lookup_mp_vc(h, caller) ({						\
	unsigned long __h = (unsigned long)(h);					\
	struct cd_obj *__o = cd_obj_lookup_dying(h, (__h >> 32) == CD_CMVC ?	\
						 CD_CMVC : CD_VC, true, caller);	\
	__o ? container_of(__o, struct cd_vc, o) : NULL; })

/* The CM of a VC. */
static inline struct cd_cm *cd_vc_cm(const struct cd_vc *vc)
{
	return vc->owncm ?: vc->af->cm;
}

/*
 * Requests that take things down (close, drop, deregister, notify) do not
 * fail for memory: teardown makes them on a departing role's behalf, and
 * one that could not be made would leave the other role's state behind.
 */
#define CD_GFP_TEARDOWN	(GFP_KERNEL | __GFP_NOFAIL)

/* request.c */
struct cd_req *cd_req_alloc(const struct cd_chain *chain, struct cd_obj *owner,
			    struct cd_obj *target, gfp_t gfp);
struct cd_req *cd_req_alloc_ind(const struct cd_chain *chain, struct cd_obj *owner,
				struct cd_obj *target, const void *buf, u32 len);
void cd_ind_lost(const struct cd_chain *chain, struct cd_obj *o);
void cd_req_free(struct cd_req *req);
int cd_requests_init(void);
void cd_requests_exit(void);
int cd_req_set_buf(struct cd_req *req, const void *buf, u32 len, gfp_t gfp);
void cd_req_enqueue_locked(struct cd_req *req);
void cd_req_enqueue(struct cd_req *req);
void cd_req_cancel(struct cd_req *req);
int cd_req_returned(struct cd_req *req, int ret, void *caller);
struct cd_req *cd_req_complete(struct cd_obj *owner, const struct cd_chain *chain,
			       const void *key, int status, void *caller);
void cd_req_wait(struct cd_obj *owner, const struct cd_chain *chain,
		 const void *key, struct completion *done);
void cd_settle(struct cd_obj *o);
unsigned long cd_settle_lock(struct cd_obj *o) __acquires(&o->lock);
unsigned long cd_pend_timeout(void);
extern wait_queue_head_t cd_idle_wq;
void cd_req_ready(struct cd_req *req);
void cd_indicate(struct cd_req *req);
bool cd_req_outstanding_locked(struct cd_obj *owner, const struct cd_chain *chain,
			       const void *key);
int cd_req_obj_init(struct cd_obj *o, enum cd_type type, struct net *net, gfp_t gfp);
void cd_evq_flush(struct cd_obj *o);

/* verifier.c */
const char *cd_type_name(enum cd_type type);
void cd_verify_report(enum condis_verifier_rule rule, const struct cd_obj *o,
		      const char *what, void *caller);
bool cd_verifier_strict(void);
int cd_debugfs_init(void);
void cd_debugfs_exit(void);

/* teardown.c */
void cd_af_teardown(struct cd_af *af, int cause);
void cd_adapter_teardown_cm(struct cd_cm *cm, int cause);

/* call.c, vc.c: helpers the other files share */
void cd_vc_release_parties(struct cd_vc *vc);
void cd_req_take_params(struct cd_req *req, struct condis_call_params *cp);
void cd_vc_take_params(struct cd_vc *vc, struct cd_req *req);
void cd_vc_indicate(struct cd_vc *vc, const struct cd_chain *chain, struct cd_obj *target,
		    int cause, const void *buf, u32 len, struct condis_call_params *cp);
void cd_party_unlink(struct cd_party *party);
struct cd_party *cd_party_alloc(struct cd_vc *vc, void *cl_ctx);
struct cd_party *cd_party_new(struct cd_vc *vc, void *cl_ctx);
void cd_vc_destroy(struct cd_vc *vc);
int cd_vc_create(struct cd_af *af, u8 creator, void *ctx, struct cd_vc **out);
int cd_vc_delete(struct cd_vc *vc, u8 by);
int cd_vc_activate(struct cd_vc *vc, struct condis_call_params *cp, bool mcm,
		   struct completion *done);
int cd_vc_deactivate(struct cd_vc *vc, bool mcm, struct completion *done);
int cd_close_call(struct cd_vc *vc, struct cd_party *party, const void *buf,
		  u32 len, struct completion *done);
int cd_drop_party(struct cd_party *party, const void *buf, u32 len,
		  struct completion *done);
int cd_deregister_sap(struct cd_sap *sap, struct completion *done);
int cd_close_af(struct cd_af *af, struct completion *done, bool on_behalf);
void cd_sendc_flush(void);
void cd_vc_sends_wait(struct cd_vc *vc);
void cd_dispatch_incoming_close(struct cd_vc *vc, int cause, const void *buf,
				u32 len);
int cd_notify_close_af(struct cd_af *af, struct completion *done);
void cd_notify_close_af_wait(struct cd_af *af, struct completion *done);
void cd_close_af_wait(struct cd_af *af, struct completion *done);
void cd_af_forget(struct cd_af *af);
void cd_deregister_sap_wait(struct cd_sap *sap, struct completion *done);
int cd_sap_offer_get(struct cd_sap *sap);
void cd_sap_offer_put(struct cd_sap *sap);
void cd_sap_forget(struct cd_sap *sap);
void cd_vc_deactivate_wait(struct cd_vc *vc, struct completion *done);
void cd_close_call_wait(struct cd_vc *vc, struct completion *done);
void cd_drop_party_wait(struct cd_party *p, struct completion *done);
int cd_data_init(void);
void cd_data_exit(void);

static inline unsigned long cd_lock(struct cd_obj *o)
{
	unsigned long flags;

	spin_lock_irqsave(&o->lock, flags);
	return flags;
}

static inline void cd_unlock(struct cd_obj *o, unsigned long flags)
{
	spin_unlock_irqrestore(&o->lock, flags);
}

#endif /* _CONDIS_INTERNAL_H */
