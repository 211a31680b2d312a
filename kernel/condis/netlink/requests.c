// SPDX-License-Identifier: GPL-2.0
/*
 * The requests that change something: open and close an AF, register and
 * deregister a SAP, make, answer, close and modify a call, add and drop a
 * party, a call's file descriptor or interface. Each acts on the object
 * family.c's pre_doit found (cd_nl_obj(), the socket's lock held) through
 * <net/condis.h> and answers at once: done, pending (a request-done
 * notification follows) or refused with an extack message.
 */
#include <net/sock.h>
#include "netlink-gen.h"
#include "family.h"
#include "client.h"
#include "socket.h"
#include "vc_netdev.h"
#include "messages.h"

#define CD_ACCEPT_TIMEOUT_MS	30000

/* Where an answer's id, state and pending flag go, per attribute set. */
struct cd_nl_answer {
	int id, state, pending;
};

static const struct cd_nl_answer cd_ans_af = {
	CONDIS_A_AF_ID, CONDIS_A_AF_STATE, CONDIS_A_AF_PENDING };
static const struct cd_nl_answer cd_ans_sap = {
	CONDIS_A_SAP_ID, CONDIS_A_SAP_STATE, CONDIS_A_SAP_PENDING };
static const struct cd_nl_answer cd_ans_call = {
	CONDIS_A_CALL_ID, CONDIS_A_CALL_STATE, CONDIS_A_CALL_PENDING };
static const struct cd_nl_answer cd_ans_party = {
	CONDIS_A_PARTY_ID, CONDIS_A_PARTY_STATE, CONDIS_A_PARTY_PENDING };
static const struct cd_nl_answer cd_ans_fd = { CONDIS_A_CALL_ID, CONDIS_A_CALL_FD, 0 };

/* Answer a request with the object's id, its state and whether it pended. */
static int cd_nl_reply(struct genl_info *info, const struct cd_nl_answer *ans,
		       u32 id, u32 state, bool pending)
{
	return cd_nl_answer(info, ans->id, id, ans->state, state, pending ? ans->pending : 0);
}

/*
 * A call's request that asked for its answer when done (reply-when-done):
 * owed before it is issued (it may complete at once on another CPU),
 * unless another one of the call's owes its own. sk->lock held.
 */
static bool cd_nl_owe_answer(struct genl_info *info, struct cd_nlobj *obj)
{
	lockdep_assert_held(&obj->sk->lock);
	if (!info->attrs[CONDIS_A_CALL_REPLY_WHEN_DONE] || obj->answer_owed)
		return false;
	obj->answer_seq = info->snd_seq;
	WRITE_ONCE(obj->answer_owed, true);	/* cd_nl_answer_owed() looks unlocked */
	return true;
}

/*
 * A call's request returned @ret: an owed answer that pended comes with its
 * request-done; otherwise the request is answered now, so owes nothing.
 */
static bool cd_nl_answer_later(struct cd_nlobj *obj, bool owed, int ret)
{
	if (owed && ret != CONDIS_PENDING)
		WRITE_ONCE(obj->answer_owed, false);
	return owed && ret == CONDIS_PENDING;
}

/* A refused request: the errno stays, the message says who refused. */
static int cd_nl_refused(struct genl_info *info, int ret)
{
	if (ret != -ENOMEM && !info->extack->_msg)
		NL_SET_ERR_MSG(info->extack,
			       "refused by condis or the call manager (see the error code)");
	return ret;
}

/* An object's handle (a view's show function). */
static int cd_nl_handle_of(void *arg, const struct condis_view *v)
{
	*(void **)arg = v->handle;
	return 1;	/* the object itself is enough */
}

int condis_nl_af_open_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **tb = info->attrs;
	struct condis_adapter *adapter;
	struct condis_af *af;
	struct cd_nlobj *obj;
	struct cd_nlsk *sk;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_AF_ADAPTER_ID) ||
	    GENL_REQ_ATTR_CHECK(info, CONDIS_A_AF_TYPE))
		return -EINVAL;
	if (condis_view_get(genl_info_net(info), CONDIS_VIEW_ADAPTER,
			    nla_get_u32(tb[CONDIS_A_AF_ADAPTER_ID]), cd_nl_handle_of,
			    &adapter) != 1) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[CONDIS_A_AF_ADAPTER_ID],
				    "no adapter with this id in this network namespace");
		return -ENOENT;
	}
	sk = cd_nlsk_for(info, NETLINK_CB(skb).sk);
	ret = PTR_ERR_OR_ZERO(sk);
	if (ret)
		return ret;
	mutex_lock(&sk->lock);
	obj = cd_nlobj_new(sk, CONDIS_VIEW_AF, info->extack);
	ret = PTR_ERR_OR_ZERO(obj);
	if (ret)
		goto unlock;
	ret = condis_cl_open_af(sk->client, adapter,
				nla_get_u32(tb[CONDIS_A_AF_TYPE]), obj, &af);
	if (ret < 0) {
		cd_nlobj_forget(obj);
		if (ret == -EAFNOSUPPORT || ret == -ENOENT)
			NL_SET_ERR_MSG_ATTR(info->extack, tb[CONDIS_A_AF_TYPE],
					    "no call manager registered this address family on the adapter");
		ret = cd_nl_refused(info, ret);
		goto unlock;
	}
	cd_nlobj_publish(obj, af);
	ret = cd_nl_reply(info, &cd_ans_af, obj->id,
			  ret ? CONDIS_AF_STATE_OPENING : CONDIS_AF_STATE_OPEN, ret);
unlock:
	mutex_unlock(&sk->lock);
	return ret;
}

int condis_nl_af_close_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *obj = cd_nl_obj(info);
	int ret;

	ret = condis_cl_close_af(obj->handle);
	if (ret == -EBUSY)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_AF_ID],
				    "the address family still has SAPs or calls: remove them first");
	if (ret < 0)
		return cd_nl_refused(info, ret);
	if (!ret)
		cd_nlobj_forget(obj);
	return cd_nl_reply(info, &cd_ans_af, obj->id, CONDIS_AF_STATE_CLOSING, ret);
}

int condis_nl_sap_register_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *af = cd_nl_obj(info), *obj;
	struct nlattr **tb = info->attrs;
	struct condis_sap_desc desc = {};
	struct condis_sap *sap;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_SAP_ADDRESS))
		return -EINVAL;
	if (tb[CONDIS_A_SAP_TYPE])
		desc.sap_type = nla_get_u32(tb[CONDIS_A_SAP_TYPE]);
	desc.len = nla_len(tb[CONDIS_A_SAP_ADDRESS]);
	nla_memcpy(desc.sap, tb[CONDIS_A_SAP_ADDRESS], sizeof(desc.sap));
	obj = cd_nlobj_new(af->sk, CONDIS_VIEW_SAP, info->extack);
	if (IS_ERR(obj))
		return PTR_ERR(obj);
	obj->timeout_ms = tb[CONDIS_A_SAP_ACCEPT_TIMEOUT] ?
		nla_get_u32(tb[CONDIS_A_SAP_ACCEPT_TIMEOUT]) : CD_ACCEPT_TIMEOUT_MS;
	if (tb[CONDIS_A_SAP_BACKLOG])
		obj->accept_backlog = nla_get_u32(tb[CONDIS_A_SAP_BACKLOG]);
	ret = condis_cl_register_sap(af->handle, &desc, obj, &sap);
	if (ret < 0) {
		cd_nlobj_forget(obj);
		return cd_nl_refused(info, ret);
	}
	cd_nlobj_publish(obj, sap);
	return cd_nl_reply(info, &cd_ans_sap, obj->id,
			   ret ? CONDIS_SAP_STATE_REGISTERING : CONDIS_SAP_STATE_ACTIVE, ret);
}

int condis_nl_sap_deregister_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *obj = cd_nl_obj(info);
	int ret;

	ret = condis_cl_deregister_sap(obj->handle);
	if (ret < 0)
		return cd_nl_refused(info, ret);
	if (!ret)
		cd_nlobj_forget(obj);
	return cd_nl_reply(info, &cd_ans_sap, obj->id, CONDIS_SAP_STATE_DEREGISTERING, ret);
}

int condis_nl_call_make_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *af = cd_nl_obj(info), *obj, *party = NULL;
	struct nlattr **tb = info->attrs;
	struct condis_call_params *cp;
	struct condis_party *ph;
	struct condis_vc *vc;
	bool owed;
	int ret;

	cp = cd_nl_get_params(tb[CONDIS_A_CALL_PARAMS], tb[CONDIS_A_CALL_ADDRESS],
			      info->extack);
	if (IS_ERR(cp))
		return PTR_ERR(cp);
	obj = cd_nlobj_new(af->sk, CONDIS_VIEW_CALL, info->extack);
	ret = PTR_ERR_OR_ZERO(obj);
	if (ret)
		goto free;
	obj->created = true;
	obj->af_handle = af->handle;
	ret = condis_cl_create_vc(af->handle, obj, &vc);
	if (ret) {
		cd_nlobj_forget(obj);
		ret = cd_nl_refused(info, ret);
		goto free;
	}
	cd_nlobj_publish(obj, vc);
	if (cp->flags & CONDIS_CALL_MULTIPOINT_VC) {
		party = cd_nlobj_new(af->sk, CONDIS_VIEW_PARTY, info->extack);
		ret = PTR_ERR_OR_ZERO(party);
	}
	if (ret)
		goto delete;
	owed = cd_nl_owe_answer(info, obj);
	ret = condis_cl_make_call(vc, cp, party, party ? &ph : NULL);
	if (ret < 0)
		goto delete;
	if (party) {
		party->vc = obj;
		list_add(&party->party_node, &obj->parties);
		cd_nlobj_publish(party, ph);
	}
	if (cd_nl_answer_later(obj, owed, ret)) {
		ret = 0;	/* answered by its request-done */
		goto free;
	}
	ret = cd_nl_reply(info, &cd_ans_call, obj->id,
			  ret ? CONDIS_CALL_STATE_OUTGOING : CONDIS_CALL_STATE_CONNECTED, ret);
	goto free;
delete:
	if (party && !IS_ERR(party))
		cd_nlobj_forget(party);
	condis_cl_delete_vc(vc);
	cd_nlobj_forget(obj);
	ret = cd_nl_refused(info, ret);
free:
	condis_call_params_free(cp);
	return ret;
}

/* call-accept and call-reject */
static int cd_nl_call_answer(struct genl_info *info, bool accept)
{
	struct nlattr **tb = info->attrs;
	struct condis_call_params *cp = NULL;
	struct cd_nlobj *obj = cd_nl_obj(info);
	int status = 0;

	if (!obj->answering) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[CONDIS_A_CALL_ID],
				    "the call is not waiting for an answer");
		return -EINVAL;
	}
	if (!accept) {
		status = tb[CONDIS_A_CALL_CAUSE] ?
			condis_status_from_ndis(nla_get_u32(tb[CONDIS_A_CALL_CAUSE])) :
			-ECONNREFUSED;
		if (status >= 0) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[CONDIS_A_CALL_CAUSE],
					    "a rejection cause must be an NDIS failure status");
			return -EINVAL;
		}
	} else if (tb[CONDIS_A_CALL_PARAMS]) {
		cp = cd_nl_get_params(tb[CONDIS_A_CALL_PARAMS], NULL, info->extack);
		if (IS_ERR(cp))
			return PTR_ERR(cp);
		cp->flags |= CONDIS_CALL_PARAMETERS_CHANGED;
	}
	cd_nlobj_unarm(obj);
	condis_cl_incoming_call_complete(status, obj->handle, cp);	/* copies @cp */
	condis_call_params_free(cp);
	return cd_nl_reply(info, &cd_ans_call, obj->id,
			   accept ? CONDIS_CALL_STATE_ACCEPTED : CONDIS_CALL_STATE_IDLE, false);
}

int condis_nl_call_accept_doit(struct sk_buff *skb, struct genl_info *info)
{
	return cd_nl_call_answer(info, true);
}

int condis_nl_call_reject_doit(struct sk_buff *skb, struct genl_info *info)
{
	return cd_nl_call_answer(info, false);
}

/* Releases the socket's lock (family.c): a call's end takes it. */
int condis_nl_call_close_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *obj = cd_nl_obj(info), *last;
	struct cd_nlsk *sk = obj->sk;
	bool owed, later;
	int ret;

	last = cd_nl_last_party(obj);
	if (last && !list_is_singular(&obj->parties)) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_CALL_ID],
				    "a multipoint call closes with its last party: drop the others first");
		mutex_unlock(&sk->lock);
		return -EBUSY;
	}
	cd_vc_hangup(obj);	/* no send once the close is issued */
	condis_co_sends_wait(obj->handle);	/* and those sent have completed */
	owed = cd_nl_owe_answer(info, obj);
	ret = condis_cl_close_call(obj->handle, last ? last->handle : NULL, NULL, 0);
	later = cd_nl_answer_later(obj, owed, ret);
	if (ret == -EINPROGRESS)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_CALL_ID],
				    "a party is being added or dropped: close once that completed");
	else if (ret < 0)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_CALL_ID],
				    "the call is not connected");
	mutex_unlock(&sk->lock);
	if (ret < 0)
		return ret;
	if (!ret)
		cd_nl_call_gone(obj);
	if (later)
		return 0;
	return cd_nl_reply(info, &cd_ans_call, obj->id,
			   ret ? CONDIS_CALL_STATE_CLOSING : CONDIS_CALL_STATE_IDLE, ret);
}

int condis_nl_call_modify_qos_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *obj = cd_nl_obj(info);
	struct condis_call_params *cp;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_CALL_PARAMS))
		return -EINVAL;
	cp = cd_nl_get_params(info->attrs[CONDIS_A_CALL_PARAMS], NULL, info->extack);
	if (IS_ERR(cp))
		return PTR_ERR(cp);
	ret = condis_cl_modify_qos(obj->handle, cp);
	condis_call_params_free(cp);
	if (ret < 0)
		return cd_nl_refused(info, ret);
	/* an offered call may negotiate before it is accepted */
	return cd_nl_reply(info, &cd_ans_call, obj->id, obj->answering ?
			   CONDIS_CALL_STATE_INCOMING : CONDIS_CALL_STATE_CONNECTED, ret);
}

/* A call's frames go to a descriptor or an interface once it is connected. */
static bool cd_nl_connected(struct genl_info *info, struct cd_nlobj *vc, u32 *max_sdu)
{
	if (cd_vc_connected(vc, max_sdu))
		return true;
	NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_CALL_ID],
			    "the call is not connected");
	return false;
}

int condis_nl_call_open_fd_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *obj = cd_nl_obj(info);
	int fd;

	if (!cd_nl_connected(info, obj, NULL))
		return -ENOTCONN;
	fd = cd_vcfd_open(obj, info->extack);
	if (fd < 0)
		return fd;
	return cd_nl_reply(info, &cd_ans_fd, obj->id, fd, false);
}

/* Releases the socket's lock (family.c): RTNL is not taken under it. */
int condis_nl_call_netdev_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *obj = cd_nl_obj(info);
	struct cd_vcnd *nd;
	u32 ifindex, sdu;
	int ret;

	if (!cd_nl_connected(info, obj, &sdu)) {
		mutex_unlock(&obj->sk->lock);
		return -ENOTCONN;
	}
	nd = cd_vcnd_prepare(obj, info->attrs[CONDIS_A_CALL_IFNAME] ?
			     nla_data(info->attrs[CONDIS_A_CALL_IFNAME]) : NULL,
			     sdu, info->extack);
	mutex_unlock(&obj->sk->lock);
	if (IS_ERR(nd))
		return PTR_ERR(nd);
	/* RTNL, not under the socket's lock (vc_netdev.c) */
	ret = cd_vcnd_register(nd, obj, info->extack, &ifindex);
	if (ret)
		return ret;
	return cd_nl_answer(info, CONDIS_A_CALL_ID, obj->id, CONDIS_A_CALL_IFINDEX, ifindex, 0);
}

int condis_nl_party_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *vc = cd_nl_obj(info), *obj;
	struct nlattr **tb = info->attrs;
	struct condis_call_params *cp;
	struct condis_party *party;
	int ret;

	cp = cd_nl_get_params(tb[CONDIS_A_PARTY_PARAMS], tb[CONDIS_A_PARTY_ADDRESS],
			      info->extack);
	if (IS_ERR(cp))
		return PTR_ERR(cp);
	obj = cd_nlobj_new(vc->sk, CONDIS_VIEW_PARTY, info->extack);
	ret = PTR_ERR_OR_ZERO(obj);
	if (ret)
		goto free;
	ret = condis_cl_add_party(vc->handle, obj, cp, &party);
	if (ret < 0) {
		cd_nlobj_forget(obj);
		ret = cd_nl_refused(info, ret);
		goto free;
	}
	obj->vc = vc;
	list_add(&obj->party_node, &vc->parties);
	cd_nlobj_publish(obj, party);
	ret = cd_nl_reply(info, &cd_ans_party, obj->id,
			  ret ? CONDIS_PARTY_STATE_ADDING : CONDIS_PARTY_STATE_ACTIVE, ret);
free:
	condis_call_params_free(cp);
	return ret;
}

int condis_nl_party_drop_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct cd_nlobj *obj = cd_nl_obj(info);
	int ret;

	ret = condis_cl_drop_party(obj->handle, NULL, 0);
	if (ret < 0)
		return cd_nl_refused(info, ret);
	if (!ret)
		cd_nlobj_forget(obj);
	return cd_nl_reply(info, &cd_ans_party, obj->id, CONDIS_PARTY_STATE_DROPPING, ret);
}
