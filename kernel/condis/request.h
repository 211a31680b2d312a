/* SPDX-License-Identifier: GPL-2.0 */
/* request.c: the one request/complete mechanism: requests, indications, an object's event queue */
#ifndef _CONDIS_REQUEST_H
#define _CONDIS_REQUEST_H

#include "internal.h"

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
 * @unordered: delivered as soon as it is final, neither waiting for nor
 *	holding back the owner's other items (NDIS does not serialize OID
 *	requests)
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
	bool unordered;
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
 * @oid_done: the requester's completion of an adapter-wide OID request
 * @ctx: a context pointer travelling with the request
 * @buf: a buffer copy travelling with the request (owned)
 * @len: length of @buf
 * @cause: cause code of an indication
 * @seq: issue sequence number for tracing
 * @on_behalf: condis issued it for the client: no handler
 * @armed: its pend timeout timer was started
 * @direct: a CM's completion or indication that may be delivered in the
 *	CM's own context (cd_req_from_cm())
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
	bool direct;
	int status;
	struct timer_list timer;
	struct completion *done;
	struct condis_call_params *cp;
	struct condis_oid_request *oid;
	condis_oid_done_t oid_done;
	void *ctx;
	void *buf;
	u32 len;
	int cause;
	u64 seq;
};

/* Nothing queued on @o and nothing being delivered from it. */
static inline bool cd_evq_idle(struct cd_obj *o)
{
	return list_empty_careful(&o->evq) && !READ_ONCE(o->delivering);
}

/*
 * Requests that take things down (close, drop, deregister, notify) do not
 * fail for memory: teardown makes them on a departing role's behalf, and
 * one that could not be made would leave the other role's state behind.
 */
#define CD_GFP_TEARDOWN	(GFP_KERNEL | __GFP_NOFAIL)

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
void cd_role_delivering(struct cd_obj *role, int d);
unsigned long cd_settle_lock(struct cd_obj *o) __acquires(&o->lock);
unsigned long cd_pend_timeout(void);
void cd_req_ready(struct cd_req *req);
void cd_indicate(struct cd_req *req);
void cd_req_from_cm(struct cd_req *req);
bool cd_req_outstanding_locked(struct cd_obj *owner, const struct cd_chain *chain,
			       const void *key);
int cd_req_obj_init(struct cd_obj *o, enum cd_type type, struct net *net, gfp_t gfp);
void cd_evq_flush(struct cd_obj *o);
void cd_vc_indicate(struct cd_vc *vc, const struct cd_chain *chain, struct cd_obj *target,
		    int cause, const void *buf, u32 len, struct condis_call_params *cp,
		    bool by_cm);

#endif /* _CONDIS_REQUEST_H */
