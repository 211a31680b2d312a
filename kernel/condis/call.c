// SPDX-License-Identifier: GPL-2.0
/*
 * Calls: outgoing (make call, seed 003), incoming (dispatch, answer,
 * connected) and closing (close call, seed 002; incoming close). A
 * call's QoS is in qos.c, the parties of multipoint calls in party.c.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "verifier.h"
#include "vc.h"
#include "call.h"
#include "sap.h"
#include "trace.h"

enum {
	VC_K_MAKE, VC_K_CLOSE, VC_K_ANSWER, VC_K_IND_CALL, VC_K_CONNECTED,
	VC_K_IND_CLOSE,
};

static void cd_vc_set_call(struct cd_vc *vc, u8 call)
{
	trace_condis_state(CD_VC, vc->o.id, CD_ST_CALL, vc->call, call);
	vc->call = call;
}

/* Replace the VC's current parameters with the request's. */
void cd_vc_take_params(struct cd_vc *vc, struct cd_req *req)
{
	struct condis_call_params *old;
	unsigned long flags;

	if (!req->cp)
		return;
	/* under the VC's lock: a view of the call reads them (view.c) */
	flags = cd_lock(&vc->o);
	old = vc->cp;
	vc->cp = req->cp;
	cd_unlock(&vc->o, flags);
	req->cp = NULL;
	condis_call_params_free(old);
}

/*
 * Make a CM's completion final with the parameters it hands back: NULL or
 * the buffer the CM was given (changed in place) keep the request's; a new
 * buffer from condis_call_params_alloc() replaces them and condis owns it.
 * With no request to complete (@req NULL: refused by cd_req_complete())
 * condis owns @cp all the same, and frees it.
 */
void cd_req_ready_params(struct cd_req *req, struct condis_call_params *cp)
{
	if (!req) {
		condis_call_params_free(cp);
		return;
	}
	if (cp && cp != req->cp) {
		condis_call_params_free(req->cp);
		cp->flags |= CONDIS_CALL_PARAMETERS_CHANGED;
		req->cp = cp;
	}
	cd_req_from_cm(req);
	cd_req_ready(req);
}

/* ---- make call ----------------------------------------------------------- */

static struct cd_party *req_party(struct cd_req *req)
{
	return req->target ? container_of(req->target, struct cd_party, o) : NULL;
}

static void make_apply(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);
	struct cd_party *party = req_party(req);

	/*
	 * Seed 003: success means ready for data, i.e. the CM activated the
	 * VC. A CM that says otherwise is reported and the call fails.
	 */
	if (!req->status && vc->act != ACT_ACTIVE) {
		cd_verify_report(CONDIS_VRF_CALL_NOT_ACTIVE, &vc->o,
				 "make-call success on a VC that is not active", NULL);
		req->status = -ENOTCONN;
		if (party)
			cd_obj_unpublish(&party->o);
	}
	if (req->status) {
		cd_vc_set_call(vc, CALL_IDLE);
		if (party)
			cd_party_unlink(party);
		return;
	}
	cd_vc_take_params(vc, req);
	if (party) {
		party->state = PARTY_ACTIVE;
		vc->nparties = 1;
	}
	cd_vc_set_call(vc, CALL_CONNECTED);
}

/* Seed 003: on failure the party handle is invalid when complete returns. */
static void make_completed(struct cd_req *req)
{
	if (req->status && req->target)
		cd_obj_unpublish(req->target);
}

static void make_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);
	struct cd_party *party = req_party(req);

	make_apply(req);
	vc->af->client->ops->make_call_complete(req->status, vc->cl_ctx,
						party && !req->status ?
						cd_handle(&party->o) : NULL,
						req->status ? req->cp : vc->cp);
}

static const struct cd_chain chain_make_call = {
	.name = "make_call", .kind = VC_K_MAKE, .dest = CD_TO_CLIENT,
	.completed = make_completed, .deliver = make_deliver,
	.sync_done = make_apply,
};

/**
 * condis_cl_make_call - make an outgoing call on a client-created VC
 * @vc: the VC handle
 * @cp: call parameters. condis works on a copy the CM may change in place;
 *	when the call is connected synchronously, the settled parameters are
 *	copied back into @cp (NDIS: the CM changes the caller's buffer), when
 *	it pends they come with make_call_complete
 * @cl_party_ctx: the client's context for the initial party of a
 *	multipoint call (%CONDIS_CALL_MULTIPOINT_VC), else ignored
 * @party: receives the initial party handle of a multipoint call, or NULL
 *
 * Runs the CM's make_call. NDIS: NdisClMakeCall.
 * Context: process; may sleep.
 * Return: 0 (connected), %CONDIS_PENDING (make_call_complete follows) or a
 * negative errno; on failure the party handle is invalid and the client
 * deletes its VC.
 */
int condis_cl_make_call(struct condis_vc *vc, struct condis_call_params *cp,
			void *cl_party_ctx, struct condis_party **party)
{
	struct cd_party *p = NULL;
	struct cd_req *req;
	unsigned long flags;
	struct cd_vc *v;
	int ret;

	might_sleep();
	if (party)
		*party = NULL;
	if (!cp)
		return -EINVAL;
	v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	if (!v)
		return -EINVAL;
	ret = -EINVAL;
	if (v->creator != CD_TO_CLIENT)
		goto out;
	if ((cp->flags & CONDIS_CALL_MULTIPOINT_VC) && !party)
		goto out;
	ret = -EOPNOTSUPP;
	if ((cp->flags & CONDIS_CALL_MULTIPOINT_VC) && !cd_client_multipoint(v->af->client))
		goto out;
	ret = -ENOMEM;
	if (cp->flags & CONDIS_CALL_MULTIPOINT_VC) {
		p = cd_party_new(v, cl_party_ctx);
		if (!p)
			goto out;
	}
	req = cd_req_alloc(&chain_make_call, &v->o, p ? &p->o : NULL, GFP_KERNEL_ACCOUNT);
	if (req)
		req->cp = condis_call_params_dup(cp, GFP_KERNEL_ACCOUNT);
	if (!req || !req->cp)
		goto err_req;
	flags = cd_lock(&v->o);
	ret = v->o.dead ? -EINVAL : v->call == CALL_IDLE ? 0 : -EBUSY;
	if (!ret) {
		cd_vc_set_call(v, CALL_OUTGOING);
		v->close_indicated = false;
		cd_req_enqueue_locked(req);
	}
	cd_unlock(&v->o, flags);
	if (ret)
		goto err_req;
	if (p)
		*party = cd_handle(&p->o);
	ret = v->af->cm->ops->make_call(v->cm_ctx, req->cp,
					p ? cd_handle(&p->o) : NULL,
					p ? &p->cm_ctx : NULL);
	ret = cd_req_returned(req, ret, CD_CALLER);
	if (!ret)
		condis_call_params_copy(cp, v->cp);
	if (ret && ret != CONDIS_PENDING && party)
		*party = NULL;
	goto out;

err_req:
	if (req)
		cd_req_free(req);
	if (p)
		cd_party_unlink(p);
out:
	cd_obj_put(&v->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_make_call);

/**
 * condis_cm_make_call_complete - finish a pended make_call
 * @status: final status; success only once the VC is active
 * @vc: the VC handle
 * @party: the initial party handle of a multipoint call, or NULL
 * @cm_party_ctx: the CM's context for that party (ignored on failure)
 * @cp: NULL or the parameters make_call was given, maybe changed in place,
 *	or new ones from condis_call_params_alloc() that condis takes over
 *
 * On failure @party is invalid on return. NDIS: NdisCmMakeCallComplete /
 * NdisMCmMakeCallComplete. Context: any.
 */
void condis_cm_make_call_complete(int status, struct condis_vc *vc,
				  struct condis_party *party, void *cm_party_ctx,
				  struct condis_call_params *cp)
{
	struct cd_vc *v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	struct cd_req *req;

	if (!v)
		return;
	req = cd_req_complete(&v->o, &chain_make_call, NULL, status, CD_CALLER);
	if (req && req->target && !req->status)
		container_of(req->target, struct cd_party, o)->cm_ctx = cm_party_ctx;
	cd_req_ready_params(req, cp);
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_cm_make_call_complete);

/* ---- close call ------------------------------------------------------------ */

static void close_apply(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	if (req->status) {	/* as before the close, or connected meanwhile */
		cd_vc_set_call(vc, vc->closed_unconnected ? CALL_ACCEPTED :
			       CALL_CONNECTED);
		vc->closed_unconnected = false;
		return;
	}
	/*
	 * NdisCmCloseCallComplete: success means the CM deactivated the VC
	 * (the creator deletes it next). One that left it active is
	 * reported; the call is down all the same, and a delete is refused
	 * (NOT_ACCEPTED) until the CM deactivates it.
	 */
	if (READ_ONCE(vc->act) == ACT_ACTIVE)
		cd_verify_report(CONDIS_VRF_CLOSE_ACTIVE, &vc->o,
				 "close-call success on a VC left active", NULL);
	cd_vc_release_parties(vc);
	vc->close_indicated = false;
	cd_vc_set_call(vc, CALL_IDLE);
}

/*
 * The close is final: the VC's call state follows at once (so the CM may
 * delete a VC it created right after completing the close: the client's
 * close_call_complete is delivered first, seed 002), and after a
 * successful close the VC carries no more data.
 */
static void close_completed(struct cd_req *req)
{
	close_apply(req);
	if (!req->status && req->target)
		cd_obj_unpublish(req->target);
}

static void close_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);
	struct cd_party *party = req_party(req);
	void *cl_party_ctx = party ? party->cl_ctx : NULL;

	vc->af->client->ops->close_call_complete(req->status, vc->cl_ctx,
						 cl_party_ctx);
}

static const struct cd_chain chain_close_call = {
	.name = "close_call", .kind = VC_K_CLOSE, .dest = CD_TO_CLIENT,
	.completed = close_completed, .deliver = close_deliver,
	.sync_done = close_apply,
};

/*
 * A party being added or dropped: its completion must still find it, and
 * a close releases every party of the call. Caller holds vc->o.lock.
 */
static bool cd_vc_party_changing_locked(struct cd_vc *vc)
{
	struct cd_party *p;

	lockdep_assert_held(&vc->o.lock);
	list_for_each_entry(p, &vc->parties, node)
		if (p->state == PARTY_ADDING || p->state == PARTY_DROPPING)
			return true;
	return false;
}

int cd_close_call(struct cd_vc *vc, struct cd_party *party, const void *buf,
		  u32 len, struct completion *done)
{
	struct cd_req *req;
	unsigned long flags;
	int ret = 0;

	req = cd_req_alloc(&chain_close_call, &vc->o, party ? &party->o : NULL,
			   CD_GFP_TEARDOWN);
	if (cd_req_set_buf(req, buf, len, GFP_KERNEL_ACCOUNT)) {
		cd_req_free(req);
		return -ENOMEM;
	}
	flags = cd_lock(&vc->o);
	switch (vc->call) {
	case CALL_CONNECTED:
		break;
	case CALL_ACCEPTED:	/* once the CM heard the answer */
		if (vc->answering_cm)
			ret = -EBUSY;
		break;
	case CALL_CLOSING:
		ret = -EALREADY;
		break;
	case CALL_IDLE:
		ret = -ENOTCONN;
		break;
	default:		/* make call or incoming call outstanding */
		ret = -EBUSY;
	}
	if (!ret && vc->nparties && (!party || party->vc != vc ||
				     vc->nparties > 1))
		ret = -EINVAL;	/* multipoint: close with the last party */
	if (!ret && cd_vc_party_changing_locked(vc))
		ret = -EINPROGRESS;	/* after the party's add or drop */
	if (!ret && atomic_read(&vc->sends))
		ret = -EBUSY;	/* NDIS: every send completed before close */
	if (!ret) {
		vc->closed_unconnected = vc->call == CALL_ACCEPTED;
		cd_vc_set_call(vc, CALL_CLOSING);
		req->done = done;
		cd_req_enqueue_locked(req);
	}
	cd_unlock(&vc->o, flags);
	if (ret) {
		cd_req_free(req);
		return ret;
	}
	ret = vc->af->cm->ops->close_call(vc->cm_ctx, party ? party->cm_ctx : NULL,
					  req->buf, req->len);
	return cd_req_returned(req, ret, NULL);
}

void cd_close_call_wait(struct cd_vc *vc, struct completion *done)
{
	cd_req_wait(&vc->o, &chain_close_call, NULL, done);
}

/**
 * condis_cl_close_call - close a call
 * @vc: the VC handle
 * @party: the last party of a multipoint call, else NULL
 * @buf: data for the remote side (copied), or NULL
 * @len: length of @buf
 *
 * Every send on the VC must have completed. Runs the CM's close_call.
 * Also the answer to incoming_close. NDIS: NdisClCloseCall.
 * Context: process; may sleep.
 * Return: 0, %CONDIS_PENDING (close_call_complete follows) or a negative
 * errno (-EALREADY while closing, -ENOTCONN without a call, -EINPROGRESS
 * while a party's add or drop is outstanding, -EBUSY while a make call or
 * the answer to an incoming call has yet to reach the other side, or a
 * send is outstanding).
 */
int condis_cl_close_call(struct condis_vc *vc, struct condis_party *party,
			 const void *buf, u32 len)
{
	struct cd_party *p = NULL;
	struct cd_vc *v;
	int ret;

	might_sleep();
	if (len > CONDIS_PARAMS_BLOB_MAX)
		return -EINVAL;
	v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	if (!v)
		return -EINVAL;
	if (party) {
		p = cd_lookup(party, struct cd_party, CD_PARTY, CD_CALLER);
		if (!p) {
			cd_obj_put(&v->o);
			return -EINVAL;
		}
	}
	ret = cd_close_call(v, p, buf, len, NULL);
	if (p)
		cd_obj_put(&p->o);
	cd_obj_put(&v->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_close_call);

/**
 * condis_cm_close_call_complete - finish a pended close_call
 * @status: final status
 * @vc: the VC handle; on success unusable for transfers from now on. A
 *	CM-created VC is then deleted by the CM with condis_cm_delete_vc()
 * @party: the last party of a multipoint call, or NULL
 *
 * NDIS: NdisCmCloseCallComplete / NdisMCmCloseCallComplete. Context: any.
 */
void condis_cm_close_call_complete(int status, struct condis_vc *vc,
				   struct condis_party *party)
{
	struct cd_vc *v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	struct cd_req *req;

	if (!v)
		return;
	req = cd_req_complete(&v->o, &chain_close_call, NULL, status, CD_CALLER);
	if (req) {
		cd_req_from_cm(req);
		cd_req_ready(req);
	}
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_cm_close_call_complete);

/* ---- incoming call ---------------------------------------------------------- */

/*
 * The client's answer reaches the CM. Accepted, the call may be closed
 * once the CM's handler returned, not before: a close made meanwhile (on
 * another CPU) would reach the CM ahead of the answer it has yet to hear
 * (condis_lo freed the VC, then took the answer for it).
 */
static void answer_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);
	unsigned long flags = cd_lock(&vc->o);

	if (vc->call == CALL_INCOMING)
		cd_vc_set_call(vc, req->status ? CALL_IDLE : CALL_ACCEPTED);
	vc->answering_cm = true;
	cd_unlock(&vc->o, flags);
	cd_vc_take_params(vc, req);
	vc->af->cm->ops->incoming_call_complete(req->status, vc->cm_ctx, vc->cp);
	flags = cd_lock(&vc->o);
	vc->answering_cm = false;
	cd_unlock(&vc->o, flags);
}

static const struct cd_chain chain_answer = {
	.name = "incoming_call_complete", .kind = VC_K_ANSWER, .dest = CD_TO_CM,
	.deliver = answer_deliver,
};

static void incoming_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);
	struct cd_sap *sap = vc->sap;
	struct cd_req *answer;
	int ret;

	ret = vc->af->client->ops->incoming_call(sap->cl_ctx, vc->cl_ctx, vc->cp);
	cd_sap_offer_put(sap);	/* a deregistration may reach the client now */
	/* the answer is owed to the CM in every case: pend it, then finish */
	cd_req_returned(req->ctx, CONDIS_PENDING, NULL);
	if (ret == CONDIS_PENDING)
		return;
	answer = cd_req_complete(&vc->o, &chain_answer, NULL, ret,
				 vc->af->client->ops->incoming_call);
	if (answer)
		cd_req_ready(answer);
}

static const struct cd_chain chain_incoming = {
	.name = "incoming_call", .kind = VC_K_IND_CALL, .dest = CD_TO_CLIENT,
	.deliver = incoming_deliver,
};

/**
 * condis_cm_dispatch_incoming_call - offer a call to the client of a SAP
 * @sap: the SAP the call matched
 * @vc: a VC the CM created (and activated) for the call
 * @cp: the call's parameters (copied)
 *
 * The client's incoming_call runs; its answer reaches the CM's
 * incoming_call_complete. On acceptance the CM finishes with
 * condis_cm_dispatch_call_connected(); on rejection it deactivates and
 * deletes the VC. The SAP may be one whose registration still pends (the
 * client may hear of the call before of its SAP).
 * NDIS: NdisCmDispatchIncomingCall. Context: any.
 * Return: 0 (the answer follows) or a negative errno (nothing happens).
 */
int condis_cm_dispatch_incoming_call(struct condis_sap *sap, struct condis_vc *vc,
				     const struct condis_call_params *cp)
{
	struct cd_req *ind = NULL, *answer = NULL;
	struct condis_call_params *copy;
	unsigned long flags;
	struct cd_sap *s;
	struct cd_vc *v;
	int ret = -EINVAL;

	s = cd_lookup(sap, struct cd_sap, CD_SAP, CD_CALLER);
	v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	if (!s || !v || !cp)
		goto out;
	ret = -ENOMEM;
	copy = condis_call_params_dup(cp, GFP_ATOMIC | __GFP_ACCOUNT);
	ind = cd_req_alloc(&chain_incoming, &v->o, NULL, GFP_ATOMIC);
	answer = cd_req_alloc(&chain_answer, &v->o, NULL, GFP_ATOMIC);
	if (!copy || !ind || !answer)
		goto err;
	ind->ctx = answer;
	ret = cd_sap_offer_get(s);	/* put when its incoming_call returned */
	if (ret)
		goto err;
	flags = cd_lock(&v->o);
	if (v->creator != CD_TO_CM || s->af != v->af)
		ret = -EINVAL;
	else if (v->call != CALL_IDLE)
		ret = -EBUSY;
	else
		ret = 0;
	if (!ret) {
		cd_vc_set_call(v, CALL_INCOMING);
		v->close_indicated = false;
		swap(v->cp, copy);
		if (v->sap)
			cd_obj_put(&v->sap->o);
		v->sap = s;
		cd_obj_get(&s->o);
		cd_req_enqueue_locked(answer);
	}
	cd_unlock(&v->o, flags);
	if (ret) {
		cd_sap_offer_put(s);
		goto err;
	}
	cd_req_from_cm(ind);
	cd_indicate(ind);
	condis_call_params_free(copy);
	goto out;
err:
	condis_call_params_free(copy);
	if (ind)
		cd_req_free(ind);
	if (answer)
		cd_req_free(answer);
out:
	cd_obj_put(s ? &s->o : NULL);
	cd_obj_put(v ? &v->o : NULL);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cm_dispatch_incoming_call);

/**
 * condis_cl_incoming_call_complete - the client's pended answer
 * @status: 0 to accept, a negative errno to reject
 * @vc: the VC handle
 * @cp: NULL or the parameters incoming_call was given (changed in place:
 *	set %CONDIS_CALL_PARAMETERS_CHANGED), or other ones condis copies;
 *	the answer fails with -ENOMEM when it cannot
 *
 * NDIS: NdisClIncomingCallComplete. Context: any.
 */
void condis_cl_incoming_call_complete(int status, struct condis_vc *vc,
				      const struct condis_call_params *cp)
{
	struct cd_vc *v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	struct cd_req *req;

	if (!v)
		return;
	req = cd_req_complete(&v->o, &chain_answer, NULL, status, CD_CALLER);
	if (req) {
		if (!req->status && cp && cp != v->cp) {
			req->cp = condis_call_params_dup(cp, GFP_ATOMIC | __GFP_ACCOUNT);
			if (req->cp)
				req->cp->flags |= CONDIS_CALL_PARAMETERS_CHANGED;
			else
				req->status = -ENOMEM;
		}
		cd_req_ready(req);
	}
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_cl_incoming_call_complete);

static void connected_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	if (vc->af->client->ops->call_connected)
		vc->af->client->ops->call_connected(vc->cl_ctx);
}

static const struct cd_chain chain_connected = {
	.name = "call_connected", .kind = VC_K_CONNECTED, .dest = CD_TO_CLIENT,
	.deliver = connected_deliver,
};

/**
 * condis_cm_dispatch_call_connected - the accepted incoming call is up
 * @vc: the VC handle
 *
 * The client's call_connected runs; data may flow from now on.
 * NDIS: NdisCmDispatchCallConnected. Context: any.
 */
void condis_cm_dispatch_call_connected(struct condis_vc *vc)
{
	struct cd_vc *v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	unsigned long flags;
	bool ok, late;

	if (!v)
		return;
	flags = cd_lock(&v->o);
	ok = v->call == CALL_ACCEPTED;
	if (ok)
		cd_vc_set_call(v, CALL_CONNECTED);
	/*
	 * The client closed the accepted call before this reached condis:
	 * the CM's close call follows, the client hears of neither.
	 */
	late = v->call == CALL_CLOSING && v->closed_unconnected;
	v->closed_unconnected = false;
	cd_unlock(&v->o, flags);
	if (ok)
		cd_vc_indicate(v, &chain_connected, NULL, 0, NULL, 0, NULL, true);
	else if (!late)
		cd_verify_report(CONDIS_VRF_WRONG_ROLE, &v->o,
				 "call connected without an accepted incoming call",
				 CD_CALLER);
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_cm_dispatch_call_connected);

/* ---- incoming close ---------------------------------------------------------- */

static void in_close_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	if (vc->call == CALL_IDLE)
		return;		/* the client closed it already */
	WRITE_ONCE(vc->close_indicated, true);	/* no more data: see data.c */
	vc->af->client->ops->incoming_close(req->cause, vc->cl_ctx, req->buf,
					    req->len);
}

static const struct cd_chain chain_in_close = {
	.name = "incoming_close", .kind = VC_K_IND_CLOSE, .dest = CD_TO_CLIENT,
	.deliver = in_close_deliver,
};

void cd_dispatch_incoming_close(struct cd_vc *vc, int cause, const void *buf,
				u32 len, bool by_cm)
{
	cd_vc_indicate(vc, &chain_in_close, NULL, cause, buf, len, NULL, by_cm);
}

/**
 * condis_cm_dispatch_incoming_close - the remote side (or the network)
 *	closed the call
 * @cause: why, as a status
 * @vc: the VC handle
 * @buf: data from the remote side, or NULL (copied)
 * @len: length of @buf
 *
 * Delivered after every completion already owed to the client on the VC
 * (never before the make-call completion). The client answers with
 * condis_cl_close_call(). NDIS: NdisCmDispatchIncomingCloseCall.
 * Context: any.
 */
void condis_cm_dispatch_incoming_close(int cause, struct condis_vc *vc,
				       const void *buf, u32 len)
{
	struct cd_vc *v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);

	if (!v)
		return;
	cd_dispatch_incoming_close(v, cause, buf, len, true);
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_cm_dispatch_incoming_close);
