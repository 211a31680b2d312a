// SPDX-License-Identifier: GPL-2.0
/*
 * A netlink socket as a CoNDIS client: its handlers (socket.c registers
 * them, with the socket's first object).
 *
 * The requests are in requests.c and answer at once. The client
 * handlers turn into notifications on the "events" group; those that need
 * an answer from a client get it here: an incoming close is answered by
 * closing the call, an incoming drop by dropping the party, a close-AF
 * notification by letting condis close everything under the AF. An
 * incoming call is the exception: it pends until the owner answers with
 * call-accept or call-reject, or the SAP's accept-timeout rejects it.
 * A call's frames go to its file descriptor or interface.
 */
#include <net/condis_view.h>
#include "client.h"
#include "socket.h"
#include "vc_netdev.h"
#include "messages.h"

/* ---- notifications -------------------------------------------------------- */

/* What the front-end reads of a call (a view's show function). */
struct cd_nl_call {
	u32 af;
	u32 sap;		/* an incoming call's */
	u8 state;
	u32 max_sdu;		/* transmit; 0: none set */
};

static int cd_nl_call_of(void *arg, const struct condis_view *v)
{
	struct cd_nl_call *c = arg;

	c->af = v->call.af_id;
	c->sap = v->call.sap_id;
	c->state = v->call.state;
	c->max_sdu = v->call.cp ? v->call.cp->tx.max_sdu_size : 0;
	return 1;	/* not its parties */
}

/* The socket's call @vc as condis has it; false when it is gone. */
static bool cd_nl_call_get(struct cd_nlobj *vc, struct cd_nl_call *c)
{
	return condis_view_get(vc->sk->net, CONDIS_VIEW_CALL, vc->id, cd_nl_call_of, c) == 1;
}

/**
 * cd_vc_connected - is a socket's call connected?
 * @vc: the call's context
 * @max_sdu: if not NULL, receives its transmit SDU size (0: none set)
 *
 * A call the far end closed is not, though condis has it connected until
 * our close: a descriptor opened then would send after it.
 * Context: process, the socket's lock held.
 * Return: true when its call is connected.
 */
bool cd_vc_connected(struct cd_nlobj *vc, u32 *max_sdu)
{
	struct cd_nl_call c;

	lockdep_assert_held(&vc->sk->lock);
	if (vc->far_closed)	/* connected still, until our close */
		return false;
	if (!cd_nl_call_get(vc, &c))
		return false;
	if (max_sdu)
		*max_sdu = c.max_sdu;
	return c.state == CONDIS_CALL_STATE_CONNECTED;
}

/*
 * Notification about a call: id, AF, SAP (incoming), parameters; @cause:
 * of call-close, why; of call-incoming, nonzero when the kernel accepted
 * the call itself (its SAP's backlog).
 */
static void cd_nl_call_event(struct cd_nlobj *vc, u8 cmd, int cause,
			     const struct condis_call_params *cp)
{
	struct cd_nl_call c = {};
	struct sk_buff *skb;
	void *hdr;

	cd_nl_call_get(vc, &c);	/* gone: without its AF and SAP */
	skb = cd_nl_new(cmd, &hdr, cd_nl_params_size(cp));
	if (!skb)
		return;
	if (nla_put_u32(skb, CONDIS_A_CALL_ID, vc->id) ||
	    (c.af && nla_put_u32(skb, CONDIS_A_CALL_AF_ID, c.af)) ||
	    (cmd == CONDIS_CMD_CALL_INCOMING_NTF && c.sap &&
	     nla_put_u32(skb, CONDIS_A_CALL_SAP_ID, c.sap)) ||
	    (cmd == CONDIS_CMD_CALL_INCOMING_NTF && cause &&
	     nla_put_flag(skb, CONDIS_A_CALL_ACCEPTED)) ||
	    (cmd == CONDIS_CMD_CALL_CLOSE_NTF &&
	     nla_put_u32(skb, CONDIS_A_CALL_CAUSE, condis_status_to_ndis(cause))) ||
	    cd_nl_put_params(skb, CONDIS_A_CALL_PARAMS, cp)) {
		nlmsg_free(skb);
		return;
	}
	cd_nl_notify(vc->sk, skb, hdr, NULL);
}

/* ---- client handlers ------------------------------------------------------ */

static void cd_nl_af_register_notify(void *cl_ctx, struct condis_adapter *adapter,
				     u32 af_type)
{
}

/* Completion of a request that creates an object: forget it on failure. */
static void cd_nl_created(struct cd_nlobj *obj, u32 request, void *handle,
			  int status, const struct condis_call_params *cp)
{
	struct cd_nlsk *sk = obj->sk;
	u32 id;

	mutex_lock(&sk->lock);
	id = obj->id ?: condis_handle_id(handle);	/* set once the request returned */
	if (status)
		cd_nlobj_forget(obj);
	mutex_unlock(&sk->lock);
	cd_nl_request_done(sk, request, id, status, cp, NULL);
}

/* Completion of a request that removes an object: forget it on success. */
static void cd_nl_removed(struct cd_nlobj *obj, u32 request, int status)
{
	struct cd_nlsk *sk = obj->sk;
	u32 id = obj->id;

	mutex_lock(&sk->lock);
	if (!status)
		cd_nlobj_forget(obj);
	mutex_unlock(&sk->lock);
	cd_nl_request_done(sk, request, id, status, NULL, NULL);
}

static void cd_nl_open_af_complete(int status, void *ctx, struct condis_af *af)
{
	cd_nl_created(ctx, CONDIS_REQUEST_AF_OPEN, af, status, NULL);
}

static void cd_nl_close_af_complete(int status, void *ctx)
{
	cd_nl_removed(ctx, CONDIS_REQUEST_AF_CLOSE, status);
}

/* The CM wants the AF closed: let condis close what is under it. */
static void cd_nl_notify_close_af(void *ctx)
{
	struct cd_nlobj *af = ctx;

	condis_cl_notify_close_af_complete(0, af->handle);
}

static void cd_nl_register_sap_complete(int status, void *ctx, struct condis_sap *sap)
{
	cd_nl_created(ctx, CONDIS_REQUEST_SAP_REGISTER, sap, status, NULL);
}

static void cd_nl_deregister_sap_complete(int status, void *ctx)
{
	cd_nl_removed(ctx, CONDIS_REQUEST_SAP_DEREGISTER, status);
}

/* A VC the CM creates for an incoming call. */
static int cd_nl_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	struct cd_nlsk *sk = ((struct cd_nlobj *)af_ctx)->sk;
	struct cd_nlobj *obj;
	int ret;

	mutex_lock(&sk->lock);
	obj = cd_nlobj_new(sk, CONDIS_VIEW_CALL, NULL);
	ret = PTR_ERR_OR_ZERO(obj);
	if (!ret) {
		obj->af_handle = ((struct cd_nlobj *)af_ctx)->handle;
		cd_nlobj_publish(obj, vc);
		*vc_ctx = obj;
	}
	mutex_unlock(&sk->lock);
	return ret;
}

static int cd_nl_delete_vc(void *ctx)
{
	struct cd_nlobj *obj = ctx;
	struct cd_nlsk *sk = obj->sk;

	mutex_lock(&sk->lock);
	cd_nlobj_forget(obj);
	mutex_unlock(&sk->lock);
	return 0;
}

/*
 * The answer a call's pended request owes its requester (reply-when-done),
 * taken: into @seq, false if it owes none.
 */
static bool cd_nl_answer_owed(struct cd_nlobj *obj, u32 *seq)
{
	bool owed;

	/*
	 * Owed since before the request was issued, so seen here; another
	 * request sets it only while it is issued, under the lock: false
	 * unlocked is the common case (no request of the call owes one).
	 */
	if (!READ_ONCE(obj->answer_owed))
		return false;
	mutex_lock(&obj->sk->lock);
	owed = obj->answer_owed;
	WRITE_ONCE(obj->answer_owed, false);
	*seq = obj->answer_seq;
	mutex_unlock(&obj->sk->lock);
	return owed;
}

/*
 * A call that ended goes before its owner hears that the request is done:
 * the owner's next look (call-get) no longer finds it.
 */
static void cd_nl_make_call_complete(int status, void *ctx, struct condis_party *party,
				     const struct condis_call_params *cp)
{
	struct cd_nlobj *obj = ctx;
	struct cd_nlsk *sk = obj->sk;
	u32 id = obj->id, seq;
	bool owed = cd_nl_answer_owed(obj, &seq);

	if (status)
		cd_nl_call_gone(obj);
	cd_nl_request_done(sk, CONDIS_REQUEST_CALL_MAKE, id, status, cp, owed ? &seq : NULL);
}

static void cd_nl_close_call_complete(int status, void *ctx, void *party_ctx)
{
	struct cd_nlobj *obj = ctx;
	struct cd_nlsk *sk = obj->sk;
	u32 id = obj->id, seq;
	bool owed = cd_nl_answer_owed(obj, &seq);

	if (!status)
		cd_nl_call_gone(obj);
	cd_nl_request_done(sk, CONDIS_REQUEST_CALL_CLOSE, id, status, NULL, owed ? &seq : NULL);
}

/*
 * An incoming call: accepted here, with the parameters offered, while the
 * SAP's backlog has room (the owner hears of it afterwards, as of a TCP
 * connection listen() took); otherwise offered to the owner, who answers
 * with call-accept or call-reject before the SAP's accept-timeout.
 */
static int cd_nl_incoming_call(void *sap_ctx, void *vc_ctx,
			       struct condis_call_params *cp)
{
	struct cd_nlobj *sap = sap_ctx, *obj = vc_ctx;
	u32 pend = condis_get_pend_timeout_ms();
	struct cd_nlsk *sk = obj->sk;
	u32 ms = sap->timeout_ms;
	bool accepted;

	/* rejected before condis's pend watchdog would answer in our place */
	if (pend && ms > pend - pend / 10)
		ms = pend - pend / 10;
	mutex_lock(&sk->lock);
	if (sk->going) {	/* nobody will answer: no */
		mutex_unlock(&sk->lock);
		return -ECONNRESET;
	}
	accepted = sap->accepting < sap->accept_backlog;
	if (accepted) {
		sap->accepting++;
		refcount_inc(&sap->ref);
		WRITE_ONCE(obj->accepted_for, sap);
	} else {
		obj->answering = true;
		cd_nlobj_later(obj, ms);
	}
	mutex_unlock(&sk->lock);
	cd_nl_call_event(obj, CONDIS_CMD_CALL_INCOMING_NTF, accepted, cp);
	return accepted ? 0 : CONDIS_PENDING;
}

static void cd_nl_call_connected(void *ctx)
{
	struct cd_nlobj *obj = ctx;

	/* the socket's lock only for a call the backlog took (set before) */
	if (READ_ONCE(obj->accepted_for)) {
		mutex_lock(&obj->sk->lock);
		cd_nl_backlog_release(obj);
		mutex_unlock(&obj->sk->lock);
	}
	cd_nl_call_event(obj, CONDIS_CMD_CALL_CONNECTED_NTF, 0, NULL);
}

/* The far end or the network closed the call: close our side too. */
static void cd_nl_incoming_close(int cause, void *ctx, const void *buf, u32 len)
{
	struct cd_nlobj *obj = ctx;
	struct cd_nlsk *sk = obj->sk;
	bool gone;

	cd_nl_call_event(obj, CONDIS_CMD_CALL_CLOSE_NTF, cause, NULL);
	mutex_lock(&sk->lock);
	obj->far_closed = true;	/* no descriptor or interface opened after */
	mutex_unlock(&sk->lock);
	cd_vc_hangup(obj);	/* no send once the close is issued */
	condis_co_sends_wait(obj->handle);	/* and those sent have completed */
	mutex_lock(&sk->lock);
	gone = cd_nl_close_far(obj);
	mutex_unlock(&sk->lock);
	if (gone)
		cd_nl_call_gone(obj);
}

static void cd_nl_modify_qos_complete(int status, void *ctx,
				      const struct condis_call_params *cp)
{
	struct cd_nlobj *obj = ctx;

	cd_nl_request_done(obj->sk, CONDIS_REQUEST_CALL_MODIFY_QOS, obj->id,
			   status, cp, NULL);
}

static void cd_nl_incoming_qos_change(void *ctx, const struct condis_call_params *cp)
{
	cd_nl_call_event(ctx, CONDIS_CMD_CALL_QOS_NTF, 0, cp);
}

static void cd_nl_add_party_complete(int status, void *ctx, struct condis_party *party,
				     const struct condis_call_params *cp)
{
	cd_nl_created(ctx, CONDIS_REQUEST_PARTY_ADD, party, status, cp);
}

static void cd_nl_drop_party_complete(int status, void *ctx)
{
	cd_nl_removed(ctx, CONDIS_REQUEST_PARTY_DROP, status);
}

static void cd_nl_incoming_drop_party(int cause, void *ctx, const void *buf, u32 len)
{
	struct cd_nlobj *obj = ctx;
	struct sk_buff *skb;
	void *hdr;
	int ret;

	skb = cd_nl_new(CONDIS_CMD_PARTY_DROP_NTF, &hdr, cd_nl_params_size(NULL));
	if (skb) {
		if (nla_put_u32(skb, CONDIS_A_PARTY_ID, obj->id) ||
		    nla_put_u32(skb, CONDIS_A_PARTY_CALL_ID, obj->vc->id) ||
		    nla_put_u32(skb, CONDIS_A_PARTY_CAUSE, condis_status_to_ndis(cause)))
			nlmsg_free(skb);
		else
			cd_nl_notify(obj->sk, skb, hdr, NULL);
	}
	ret = condis_cl_drop_party(obj->handle, NULL, 0);
	if (!ret) {
		struct cd_nlsk *sk = obj->sk;	/* forgetting obj frees it */

		mutex_lock(&sk->lock);
		cd_nlobj_forget(obj);
		mutex_unlock(&sk->lock);
	}
}

static int cd_nl_oid_request(void *af_ctx, void *vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

/* The sockets issue none: every OID request is a VC descriptor user's. */
static void cd_nl_oid_request_complete(void *af_ctx, struct condis_oid_request *req,
				       int status)
{
	cd_vcfd_oid_request_complete(req, status);
}

static void cd_nl_receive(void *ctx, struct sk_buff *skb)
{
	struct cd_nlobj *vc = ctx;
	struct cd_vcnd *nd;

	rcu_read_lock();
	nd = READ_ONCE(vc->vcnd);
	if (nd)
		cd_vcnd_receive(nd, skb);
	else
		cd_vcfd_receive(vc, skb);
	rcu_read_unlock();
}

static void cd_nl_send_complete(void *ctx, struct sk_buff *skb, int status)
{
	struct cd_nlobj *vc = ctx;
	struct cd_vcnd *nd;

	rcu_read_lock();
	nd = READ_ONCE(vc->vcnd);
	if (nd)
		cd_vcnd_send_complete(nd, skb);
	else
		cd_vcfd_send_complete(vc, skb);
	rcu_read_unlock();
}

static void cd_nl_status(void *cl_ctx, void *vc_ctx, int status, const void *buf,
			 u32 len)
{
	struct cd_nlsk *sk = cl_ctx;
	struct cd_nlobj *vc = vc_ctx;
	struct sk_buff *skb;
	void *hdr;

	if (vc)
		cd_vcfd_status(vc, status, buf, len);
	skb = cd_nl_new(CONDIS_CMD_STATUS_NTF, &hdr,
			cd_nl_params_size(NULL) + nla_total_size(min_t(u32, len, 1024)));
	if (!skb)
		return;
	if ((vc && nla_put_u32(skb, CONDIS_A_EVENT_CALL_ID, vc->id)) ||
	    nla_put_s32(skb, CONDIS_A_EVENT_STATUS, status) ||
	    nla_put_u32(skb, CONDIS_A_EVENT_NDIS_STATUS, condis_status_to_ndis(status)) ||
	    (len && nla_put(skb, CONDIS_A_EVENT_BUFFER, min_t(u32, len, 1024), buf))) {
		nlmsg_free(skb);
		return;
	}
	cd_nl_notify(sk, skb, hdr, NULL);
}

const struct condis_client_ops cd_nl_client_ops = {
	.af_register_notify = cd_nl_af_register_notify,
	.open_af_complete = cd_nl_open_af_complete,
	.close_af_complete = cd_nl_close_af_complete,
	.notify_close_af = cd_nl_notify_close_af,
	.register_sap_complete = cd_nl_register_sap_complete,
	.deregister_sap_complete = cd_nl_deregister_sap_complete,
	.create_vc = cd_nl_create_vc,
	.delete_vc = cd_nl_delete_vc,
	.make_call_complete = cd_nl_make_call_complete,
	.close_call_complete = cd_nl_close_call_complete,
	.incoming_call = cd_nl_incoming_call,
	.call_connected = cd_nl_call_connected,
	.incoming_close = cd_nl_incoming_close,
	.modify_qos_complete = cd_nl_modify_qos_complete,
	.incoming_qos_change = cd_nl_incoming_qos_change,
	.add_party_complete = cd_nl_add_party_complete,
	.drop_party_complete = cd_nl_drop_party_complete,
	.incoming_drop_party = cd_nl_incoming_drop_party,
	.oid_request = cd_nl_oid_request,
	.oid_request_complete = cd_nl_oid_request_complete,
	.receive = cd_nl_receive,
	.send_complete = cd_nl_send_complete,
	.status = cd_nl_status,
	/*
	 * the descriptor's and the interface's senders hold no lock of theirs,
	 * and their frames are only freed when they come back
	 */
	.flags = CONDIS_CLIENT_INLINE_SEND_COMPLETE | CONDIS_CLIENT_SEND_NO_RETURN |
		 CONDIS_CLIENT_DIRECT_COMPLETE,
};
