/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis internals: the objects every file of the core works on, and
 * their lock. What each file gives the others is in its own header
 * (object.h, request.h, af.h, sap.h, vc.h, call.h, party.h, data.h,
 * teardown.h, verifier.h, debugfs.h).
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
 * @id: stable numeric id, unique per type (netlink and handles; the two
 *	kinds of VC share one id space)
 * @type: enum cd_type
 * @dead: unpublished: its handle no longer resolves
 * @draining: someone delivers @evq's ready items (its worker, or a CM's
 *	direct completion: cd_evq_drain()); under @lock
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
	bool draining;
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
	bool watched;			/* adapter watches told of it (cd_watch_lock) */
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
	bool displaced;			/* by the adapter's MCM: no client sees it (cd_reg_lock) */
	bool going;			/* being torn down: no new AF (o.lock) */
	struct list_head afs;		/* struct cd_af, under o.lock */
	struct list_head own_vcs;	/* its CD_CMVC VCs, under o.lock */
	struct list_head node;		/* adapter->cms, under cd_reg_lock */
};

enum cd_af_state { AF_OPENING, AF_OPEN, AF_CLOSING, AF_CLOSED };

/* The states condis_state traces, by kind; their names in trace.c. */
enum cd_state_kind { CD_ST_AF, CD_ST_SAP, CD_ST_CALL, CD_ST_ACTIVATION, __CD_ST_MAX };
const char *cd_state_kind_name(u8 kind);
const char *cd_state_name(u8 kind, int state);

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
	struct cd_req *dereg;		/* its end, waiting for the offers (o.lock) */
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
 * to fit 240 bytes (object.c checks it; Documentation/condis/performance.rst).
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
	bool delete_final;		/* its delete was answered: no refusal */
	bool answering_cm;		/* the client's answer on its way to the CM */
	u32 nparties;
	atomic_t sends;			/* sends not completed yet */
	atomic_t rx_dropped;		/* errors: 32 bits, and no hole before cp */
	atomic_t tx_errors;
	struct condis_call_params *cp;	/* current call parameters */
	struct cd_sap *sap;		/* incoming call: the SAP it came to */
	struct list_head parties;	/* under o.lock */
	struct list_head node;		/* af->vcs, or owncm->own_vcs */
	atomic64_t tx_packets, tx_bytes, rx_packets, rx_bytes;
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

extern struct workqueue_struct *condis_wq;
extern struct mutex cd_reg_lock;
extern struct list_head cd_adapters, cd_clients;
extern unsigned int condis_pend_timeout_ms;

/* The CM of a VC. */
static inline struct cd_cm *cd_vc_cm(const struct cd_vc *vc)
{
	return vc->owncm ?: vc->af->cm;
}

extern wait_queue_head_t cd_idle_wq;

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

/* The client has the party handlers: it may make multipoint calls. */
static inline bool cd_client_multipoint(const struct cd_client *cl)
{
	return cl->ops->add_party_complete;
}

#endif /* _CONDIS_INTERNAL_H */
