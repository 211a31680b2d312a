// SPDX-License-Identifier: GPL-2.0
/*
 * A call's QoS: the client's modify (NdisClModifyCallQoS) and the CM's
 * incoming change (NdisCmDispatchIncomingCallQoSChange).
 */
#include <linux/module.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "call.h"

enum { VC_K_QOS = 12, VC_K_IND_QOS };

/*
 * On an offered call not answered yet the parameters are the buffer the
 * client's incoming_call was given, which it may hold until it answers:
 * a QoS change rewrites them in place (blobs of the same sizes), it never
 * replaces them.
 */
static void qos_apply(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);
	unsigned long flags;

	if (req->status || !req->cp)
		return;
	flags = cd_lock(&vc->o);
	if (vc->call == CALL_INCOMING) {
		req->status = condis_call_params_copy(vc->cp, req->cp);
		cd_unlock(&vc->o, flags);
		return;
	}
	cd_unlock(&vc->o, flags);
	cd_vc_take_params(vc, req);
}

static void qos_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	qos_apply(req);
	vc->af->client->ops->modify_qos_complete(req->status, vc->cl_ctx,
						 req->status ? req->cp : vc->cp);
}

static const struct cd_chain chain_qos = {
	.name = "modify_qos", .kind = VC_K_QOS, .dest = CD_TO_CLIENT,
	.deliver = qos_deliver, .sync_done = qos_apply,
};

/**
 * condis_cl_modify_qos - change the QoS of a connected call
 * @vc: the VC handle
 * @cp: the new parameters; as for condis_cl_make_call(), what the CM
 *	settled on is copied back when it answers synchronously
 *
 * Also on an offered call the client has not answered yet: it may
 * negotiate the QoS with the CM before its incoming_call answer (or
 * condis_cl_incoming_call_complete()); the parameters it was offered then
 * change in place, so @cp's blobs must be of their sizes (-EMSGSIZE).
 * One at a time per VC. Runs the CM's modify_qos. NDIS: NdisClModifyCallQoS.
 * Context: process; may sleep.
 * Return: 0, %CONDIS_PENDING (modify_qos_complete follows) or a negative
 * errno (-EBUSY while another is outstanding).
 */
int condis_cl_modify_qos(struct condis_vc *vc, struct condis_call_params *cp)
{
	struct cd_req *req = NULL;
	unsigned long flags;
	struct cd_vc *v;
	int ret;

	might_sleep();
	if (!cp)
		return -EINVAL;
	v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	if (!v)
		return -EINVAL;
	ret = -EOPNOTSUPP;	/* nobody to tell the outcome */
	if (!v->af->client->ops->modify_qos_complete)
		goto err;
	ret = -ENOMEM;
	req = cd_req_alloc(&chain_qos, &v->o, NULL, GFP_KERNEL_ACCOUNT);
	if (req)
		req->cp = condis_call_params_dup(cp, GFP_KERNEL_ACCOUNT);
	if (!req || !req->cp)
		goto err;
	flags = cd_lock(&v->o);
	if (v->call != CALL_CONNECTED && v->call != CALL_INCOMING)
		ret = -ENOTCONN;
	else if (v->call == CALL_INCOMING &&
		 (cp->cm_specific_len != v->cp->cm_specific_len ||
		  cp->media_specific_len != v->cp->media_specific_len))
		ret = -EMSGSIZE;	/* they change in place: see qos_apply() */
	else if (cd_req_outstanding_locked(&v->o, &chain_qos, NULL))
		ret = -EBUSY;
	else
		ret = 0;
	if (!ret)
		cd_req_enqueue_locked(req);
	cd_unlock(&v->o, flags);
	if (ret)
		goto err;
	ret = v->af->cm->ops->modify_qos(v->cm_ctx, req->cp);
	ret = cd_req_returned(req, ret, CD_CALLER);
	if (!ret)
		condis_call_params_copy(cp, v->cp);
	cd_obj_put(&v->o);
	return ret;
err:
	if (req)
		cd_req_free(req);
	cd_obj_put(&v->o);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_cl_modify_qos);

/**
 * condis_cm_modify_qos_complete - finish a pended modify_qos
 * @status: final status
 * @vc: the VC handle
 * @cp: NULL, the buffer modify_qos was given, or new parameters condis
 *	takes over
 *
 * NDIS: NdisCmModifyCallQoSComplete. Context: any.
 */
void condis_cm_modify_qos_complete(int status, struct condis_vc *vc,
				   struct condis_call_params *cp)
{
	struct cd_vc *v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	struct cd_req *req;

	if (!v)
		return;
	req = cd_req_complete(&v->o, &chain_qos, NULL, status, CD_CALLER);
	cd_req_ready_params(req, cp);
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_cm_modify_qos_complete);

static void in_qos_deliver(struct cd_req *req)
{
	struct cd_vc *vc = container_of(req->owner, struct cd_vc, o);

	/*
	 * Dispatched while the client's close pended, it comes after the
	 * close's completion: the client has no call (nor, maybe, the context
	 * it gave) any more.
	 */
	if (vc->call == CALL_IDLE)
		return;
	cd_vc_take_params(vc, req);
	if (vc->af->client->ops->incoming_qos_change)
		vc->af->client->ops->incoming_qos_change(vc->cl_ctx, vc->cp);
}

static const struct cd_chain chain_in_qos = {
	.name = "incoming_qos_change", .kind = VC_K_IND_QOS, .dest = CD_TO_CLIENT,
	.deliver = in_qos_deliver,
};

/**
 * condis_cm_dispatch_incoming_qos_change - the network changed the QoS
 * @vc: the VC handle
 * @cp: the new parameters (copied)
 *
 * NDIS: NdisCmDispatchIncomingCallQoSChange. Context: any.
 */
void condis_cm_dispatch_incoming_qos_change(struct condis_vc *vc,
					    const struct condis_call_params *cp)
{
	struct cd_vc *v = cd_lookup(vc, struct cd_vc, CD_VC, CD_CALLER);
	struct condis_call_params *copy;

	if (!v)
		return;
	copy = cp ? condis_call_params_dup(cp, GFP_ATOMIC | __GFP_ACCOUNT) : NULL;
	if (copy)
		cd_vc_indicate(v, &chain_in_qos, NULL, 0, NULL, 0, copy, true);
	else if (cp)
		cd_ind_lost(&chain_in_qos, &v->o);
	cd_obj_put(&v->o);
}
EXPORT_SYMBOL_GPL(condis_cm_dispatch_incoming_qos_change);
