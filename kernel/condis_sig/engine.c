// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: the engine. Its objects and call state machines are spread
 * by concern: queue.c (the ordered queue every state change runs on),
 * send.c, receive.c, timers.c, vc.c (VCs and legs), sap.c, call.c (the
 * calling side), called.c, release.c, qos.c; wire.c is the message
 * format. This file makes and frees engines, attaches a stand-alone one
 * to its signalling VC, and gives condis the CM handlers.
 */
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <net/condis_cm.h>
#include "call.h"
#include "called.h"
#include "qos.h"
#include "queue.h"
#include "receive.h"
#include "release.h"
#include "sap.h"
#include "sig.h"
#include "vc.h"

/* What the engine does not need, or refuses; and its signalling VC's activation. */
static void sig_activate_vc_complete(int status, void *cm_vc_ctx,
				     const struct condis_call_params *cp)
{
	struct sig_vc *vc = cm_vc_ctx;

	if (vc->signalling) {
		vc->sig->sigvc_status = status;
		complete(&vc->sig->sigvc_done);
	} else if (status) {
		pr_warn("condis_sig %s: vc %u: activation failed (%d)\n", vc->sig->name,
			condis_handle_id(vc->vc), status);
	}
}

static void sig_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
}

static void sig_send_complete(void *cm_vc_ctx, struct sk_buff *skb, int status)
{
	consume_skb(skb);
}

static void sig_notify_close_af_complete(int status, void *cm_af_ctx)
{
}

static int sig_oid_request(void *cm_af_ctx, void *cm_vc_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void sig_oid_request_complete(void *cm_af_ctx, struct condis_oid_request *req,
				     int status)
{
}

static void sig_op_down(struct sig_op *o)
{
	struct condis_sig *sig = o->sig;
	struct sig_leg *leg;
	unsigned long i;
	int bkt;

	sig->down = true;
	/* calls being set up or released stop waiting for the far end */
	xa_for_each(&sig->out, i, leg)
		if (leg->retry_msg)
			mod_delayed_work(sig->wq, &leg->timer, 0);
	hash_for_each(sig->in, bkt, leg, hnode)
		if (leg->retry_msg)
			mod_delayed_work(sig->wq, &leg->timer, 0);
}

/**
 * condis_sig_attach - a stand-alone engine opens its signalling VC
 * @sig: the engine, not integrated
 * @cm: its CM registration (condis_sig_cm_ops, @sig as context)
 *
 * Creates a VC of the CM's own on the miniport and activates it for
 * signalling (struct condis_eth_media.signalling): messages go out and come
 * in through it, each with the other station's address in front.
 * condis_cm_unregister() deletes it with the CM.
 * Context: process.
 * Return: 0 or a negative errno.
 */
int condis_sig_attach(struct condis_sig *sig, struct condis_cm *cm)
{
	struct condis_call_params *cp;
	struct condis_eth_media *media;
	struct condis_vc *vc;
	int ret;

	if (sig->integrated)
		return -EINVAL;
	sig->sigvc_ctx = sig_vc_new(sig);
	if (!sig->sigvc_ctx)
		return -ENOMEM;
	sig->sigvc_ctx->signalling = true;
	sig->cm = cm;
	ret = condis_cm_create_signalling_vc(cm, sig->sigvc_ctx, &vc);
	if (ret)
		return ret;
	sig->sigvc_ctx->vc = vc;
	cp = condis_call_params_alloc(0, sizeof(*media), GFP_KERNEL);
	if (!cp)
		return -ENOMEM;	/* the VC goes with the CM */
	media = (struct condis_eth_media *)cp->media_specific;
	media->signalling = 1;
	init_completion(&sig->sigvc_done);
	ret = condis_cm_activate_vc(vc, cp);
	condis_call_params_free(cp);
	if (ret == CONDIS_PENDING) {
		wait_for_completion(&sig->sigvc_done);
		ret = sig->sigvc_status;
	}
	if (!ret)
		WRITE_ONCE(sig->sigvc, vc);
	return ret;
}
EXPORT_SYMBOL_GPL(condis_sig_attach);

/**
 * condis_sig_detach - the CM registration is gone (and its signalling VC)
 * @sig: the engine
 *
 * Context: process, after condis_cm_unregister().
 */
void condis_sig_detach(struct condis_sig *sig)
{
	WRITE_ONCE(sig->sigvc, NULL);
	flush_workqueue(sig->wq);
	kfree(sig->sigvc_ctx);
	sig->sigvc_ctx = NULL;
	sig->cm = NULL;
}
EXPORT_SYMBOL_GPL(condis_sig_detach);

/**
 * condis_sig_set_max_sdu - the largest client frame the link carries
 * @sig: the engine
 * @max_sdu: bytes (the link's MTU less the condis header)
 *
 * Calls get it as their SDU sizes where they asked for none or more.
 */
void condis_sig_set_max_sdu(struct condis_sig *sig, u32 max_sdu)
{
	WRITE_ONCE(sig->max_sdu, max_sdu);
}
EXPORT_SYMBOL_GPL(condis_sig_set_max_sdu);

/**
 * condis_sig_set_adapter - where the engine counts what it drops
 * @sig: the engine
 * @adapter: the adapter whose call manager it is
 *
 * Context: process, before the engine receives.
 */
void condis_sig_set_adapter(struct condis_sig *sig, struct condis_adapter *adapter)
{
	WRITE_ONCE(sig->adapter, adapter);
}
EXPORT_SYMBOL_GPL(condis_sig_set_adapter);

/**
 * condis_sig_shutdown - the adapter is going: stop waiting for the network
 * @sig: the engine
 *
 * Calls set up from now on fail with -ENETDOWN; releases are sent once and
 * not waited for, so that condis can close every call quickly.
 * Context: process.
 */
void condis_sig_shutdown(struct condis_sig *sig)
{
	sig_queue(sig, sig_op_down, NULL, NULL, NULL, NULL, 0, GFP_KERNEL | __GFP_NOFAIL);
	flush_workqueue(sig->wq);
}
EXPORT_SYMBOL_GPL(condis_sig_shutdown);

/**
 * condis_sig_create - a new engine
 * @name: for its workqueue and messages
 * @mac: the station's address
 * @integrated: an MCM (@tp->program is set) rather than a stand-alone CM
 * @tp: the transport
 * @ctx: its context
 *
 * Register a CM with condis_sig_cm_ops and the engine as context next.
 * Context: process.
 * Return: the engine or NULL.
 */
struct condis_sig *condis_sig_create(const char *name, const u8 *mac, bool integrated,
				     const struct condis_sig_transport *tp, void *ctx)
{
	struct condis_sig *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	strscpy(sig->name, name, sizeof(sig->name));
	ether_addr_copy(sig->mac, mac);
	sig->integrated = integrated;
	sig->tp = tp;
	sig->ctx = ctx;
	INIT_LIST_HEAD(&sig->saps);
	INIT_LIST_HEAD(&sig->parked);
	xa_init_flags(&sig->out, XA_FLAGS_ALLOC1);
	hash_init(sig->in);
	get_random_bytes(&sig->in_key, sizeof(sig->in_key));
	INIT_LIST_HEAD(&sig->ops);
	spin_lock_init(&sig->ops_lock);
	INIT_WORK(&sig->op_work, sig_op_work);
	skb_queue_head_init(&sig->rxq);
	atomic_set(&sig->rx_bytes, 0);
	INIT_WORK(&sig->rx_work, sig_rx_work);
	sig->wq = alloc_ordered_workqueue("condis_sig/%s", WQ_MEM_RECLAIM, sig->name);
	if (!sig->wq) {
		kfree(sig);
		return NULL;
	}
	return sig;
}
EXPORT_SYMBOL_GPL(condis_sig_create);

/**
 * condis_sig_destroy - free an engine
 * @sig: the engine, whose CM registration is gone (every call closed)
 *
 * Context: process.
 */
void condis_sig_destroy(struct condis_sig *sig)
{
	struct sig_vc *vc, *vtmp;
	struct hlist_node *tmp;
	struct sig_leg *leg;
	unsigned long i;

	flush_workqueue(sig->wq);
	list_for_each_entry_safe(vc, vtmp, &sig->parked, node)
		kfree(vc);
	/* legs the far end never answered for, of VCs already gone */
	xa_for_each(&sig->out, i, leg) {
		cancel_delayed_work_sync(&leg->timer);
		sig_leg_free(sig, leg);
	}
	hash_for_each_safe(sig->in, i, tmp, leg, hnode) {
		cancel_delayed_work_sync(&leg->timer);
		sig_leg_free(sig, leg);
	}
	destroy_workqueue(sig->wq);
	skb_queue_purge(&sig->rxq);	/* none: the transport stopped, the queue ran */
	kfree(sig->sigvc_ctx);
	WARN_ON(!list_empty(&sig->saps));
	xa_destroy(&sig->out);
	kfree(sig);
}
EXPORT_SYMBOL_GPL(condis_sig_destroy);

/*
 * condis_sig_cm_ops - the engine's call manager handlers
 *
 * What condis_eth (as an MCM) and condis_ethcm (stand-alone) register their
 * address families with; the CM context is their struct condis_sig.
 */
const struct condis_cm_ops condis_sig_cm_ops = {
	.open_af = condis_cm_af_open,
	.close_af = condis_cm_af_close,
	.register_sap = sig_register_sap,
	.deregister_sap = sig_deregister_sap,
	.create_vc = sig_create_vc,
	.delete_vc = sig_delete_vc,
	.make_call = sig_make_call,
	.close_call = sig_close_call,
	.incoming_call_complete = sig_incoming_call_complete,
	.add_party = sig_add_party,
	.drop_party = sig_drop_party,
	.modify_qos = sig_modify_qos,
	.activate_vc_complete = sig_activate_vc_complete,
	.deactivate_vc_complete = sig_deactivate_vc_complete,
	.notify_close_af_complete = sig_notify_close_af_complete,
	.oid_request = sig_oid_request,
	.oid_request_complete = sig_oid_request_complete,
	.receive = sig_receive,
	.send_complete = sig_send_complete,
	/* every completion and dispatch runs on the engine's queue, unlocked */
	.flags = CONDIS_CM_DIRECT_COMPLETE,
};
EXPORT_SYMBOL_GPL(condis_sig_cm_ops);

MODULE_DESCRIPTION("condis signalling engine (call managers over Ethernet)");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
