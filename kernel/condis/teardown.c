// SPDX-License-Identifier: GPL-2.0
/*
 * Teardown in contract order when a role goes away with objects alive.
 *
 * condis makes the requests the departing role owes, on its behalf, and
 * the remaining roles see ordinary handler calls: a client whose CM or
 * adapter goes gets notify_close_af and, for what it leaves open, incoming
 * closes and the completions of close-call, deregister-SAP; a CM whose
 * client goes gets close_call, deregister_sap, delete_vc and close_af.
 * Waits are bounded by pend_timeout_ms per request (see cd_req_wait()).
 */
#include <linux/slab.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "teardown.h"
#include "vc.h"
#include "call.h"
#include "party.h"
#include "sap.h"
#include "af.h"
#include "data.h"


/*
 * Delete @vc on behalf of @by. When its roles refused to close or
 * deactivate (a CM failing every request) it goes regardless, once
 * nothing is queued on it (another teardown's close or deactivation,
 * whose completion must still find the VC: cd_settle_lock()). Its delete
 * handlers still run; a refusal here is the last word of a broken peer.
 */
static void cd_vc_delete_on_behalf(struct cd_vc *vc, u8 by)
{
	unsigned long flags;
	u8 call, act;
	int ret;

	cd_settle(&vc->o);
	if (READ_ONCE(vc->o.dead) || !cd_vc_delete(vc, by, CD_DELETE_FINAL))
		return;
	flags = cd_settle_lock(&vc->o);
	if (vc->o.dead) {	/* another teardown deleted it meanwhile */
		cd_unlock(&vc->o, flags);
		return;
	}
	call = vc->call;
	act = vc->act;
	vc->call = CALL_IDLE;
	vc->act = ACT_INACTIVE;
	cd_unlock(&vc->o, flags);
	pr_warn("condis: vc %u: closing by force (call state %u, activation %u)\n",
		vc->o.id, call, act);
	cd_vc_release_parties(vc);
	ret = cd_vc_delete(vc, by, CD_DELETE_FINAL);
	if (ret && ret != -EBADFD)	/* not: another teardown deleted it */
		pr_err("condis: vc %u: cannot be deleted (%d)\n", vc->o.id, ret);
}

static int cd_vc_close_once(struct cd_vc *vc)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct cd_party *last = NULL;
	struct cd_obj **parties;
	int n, i, ret;

	parties = cd_snapshot(&vc->o, &vc->parties, offsetof(struct cd_party, node),
			      &n);
	for (i = 0; i < n; i++) {
		struct cd_party *p = container_of(parties[i], struct cd_party, o);

		if (p->state != PARTY_ACTIVE)
			continue;
		if (vc->nparties <= 1) {
			last = p;
			continue;
		}
		reinit_completion(&done);
		if (cd_drop_party(p, NULL, 0, &done) == CONDIS_PENDING)
			cd_drop_party_wait(p, &done);
	}
	reinit_completion(&done);
	ret = cd_close_call(vc, last, NULL, 0, &done);
	if (ret == CONDIS_PENDING)
		cd_close_call_wait(vc, &done);
	cd_put_snapshot(parties, n);
	return ret;
}

/*
 * Drop every party but the last, then close the call with it. A party
 * another teardown (or the client) is adding or dropping holds the close
 * back until that completes: the parties are counted again after it.
 */
static void cd_vc_close_on_behalf(struct cd_vc *vc)
{
	while (cd_vc_close_once(vc) == -EINPROGRESS)
		cd_settle(&vc->o);
}

/**
 * cd_vc_teardown - bring a VC to deleted
 * @vc: the VC (referenced by the caller)
 * @cause: for the incoming close the client gets
 * @client_going: the client is the departing role
 */
static void cd_vc_teardown(struct cd_vc *vc, int cause, bool client_going)
{
	DECLARE_COMPLETION_ONSTACK(done);
	bool mcm = vc->af->cm->mcm;

	cd_vc_sends_wait(vc);
	cd_settle(&vc->o);	/* make call, incoming answer, ... */

	if (vc->call == CALL_CONNECTED || vc->call == CALL_ACCEPTED) {
		if (!client_going) {
			/* the client may answer with its own close call */
			cd_dispatch_incoming_close(vc, cause, NULL, 0, false);
			cd_settle(&vc->o);
		}
		if (vc->call == CALL_CONNECTED || vc->call == CALL_ACCEPTED)
			cd_vc_close_on_behalf(vc);
		cd_settle(&vc->o);
	}

	/* A CM that stays deletes its own VCs after the close (seed 002). */
	if (client_going && vc->creator == CD_TO_CM)
		wait_event_timeout(cd_idle_wq, READ_ONCE(vc->o.dead) &&
				   cd_evq_idle(&vc->o), cd_pend_timeout());
	if (READ_ONCE(vc->o.dead))
		return;

	if (vc->act == ACT_ACTIVE &&
	    cd_vc_deactivate(vc, mcm, &done) == CONDIS_PENDING)
		cd_vc_deactivate_wait(vc, &done);
	cd_vc_delete_on_behalf(vc, vc->creator);
	cd_settle(&vc->o);
}

/**
 * cd_af_teardown_one - close an AF whose client or CM goes away
 * @af: the AF (referenced by the caller)
 * @cause: for the incoming closes clients get
 * @cm_going: the CM (or its adapter) is the departing role
 */
static void cd_af_teardown_one(struct cd_af *af, int cause, bool cm_going)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct cd_obj **objs;
	unsigned long flags;
	int n, i;

	/* nothing new on it from now on: the snapshots below are complete */
	flags = cd_lock(&af->o);
	af->going = true;
	cd_unlock(&af->o, flags);

	if (cm_going && af->state == AF_OPEN &&
	    cd_notify_close_af(af, &done) == CONDIS_PENDING)
		cd_notify_close_af_wait(af, &done);	/* the client closes what it can */
	if (af->state == AF_CLOSED) {
		cd_settle(&af->o);	/* its client may still owe the answer */
		return;
	}

	objs = cd_snapshot(&af->o, &af->vcs, offsetof(struct cd_vc, node), &n);
	for (i = 0; i < n; i++)
		cd_vc_teardown(container_of(objs[i], struct cd_vc, o), cause, !cm_going);
	cd_put_snapshot(objs, n);

	objs = cd_snapshot(&af->o, &af->saps, offsetof(struct cd_sap, node), &n);
	for (i = 0; i < n; i++) {
		struct cd_sap *sap = container_of(objs[i], struct cd_sap, o);

		cd_settle(&sap->o);
		reinit_completion(&done);
		if (cd_deregister_sap(sap, &done) == CONDIS_PENDING)
			cd_deregister_sap_wait(sap, &done);
		cd_sap_forget(sap);	/* if the CM refused */
	}
	cd_put_snapshot(objs, n);

	cd_settle(&af->o);
	if (af->state == AF_CLOSED)
		return;
	reinit_completion(&done);
	if (cd_close_af(af, &done, false) == CONDIS_PENDING)
		cd_close_af_wait(af, &done);
	cd_af_forget(af);	/* if the CM did not close it */
}

void cd_af_teardown(struct cd_af *af, int cause)
{
	cd_af_teardown_one(af, cause, false);
}

/*
 * A CM going with VCs of its own (signalling VCs) it did not delete: the
 * miniport still gets its deactivate and delete handlers.
 */
static void cd_cm_own_vcs_teardown(struct cd_cm *cm)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct cd_obj **vcs;
	int n, i;

	vcs = cd_snapshot(&cm->o, &cm->own_vcs, offsetof(struct cd_vc, node), &n);
	for (i = 0; i < n; i++) {
		struct cd_vc *vc = container_of(vcs[i], struct cd_vc, o);

		pr_warn("condis: cm %u: its own vc %u deleted on its behalf\n",
			cm->o.id, vc->o.id);
		cd_vc_sends_wait(vc);
		cd_settle(&vc->o);
		reinit_completion(&done);
		if (vc->act == ACT_ACTIVE &&
		    cd_vc_deactivate(vc, cm->mcm, &done) == CONDIS_PENDING)
			cd_vc_deactivate_wait(vc, &done);
		cd_vc_delete_on_behalf(vc, CD_TO_CM);
		cd_settle(&vc->o);
	}
	cd_put_snapshot(vcs, n);
}

/*
 * A CM registration ends for its clients: no new AF, every open AF closed
 * in contract order. Its own VCs stay (the CM still holds them).
 */
void cd_cm_teardown_afs(struct cd_cm *cm, int cause)
{
	struct cd_obj **afs;
	unsigned long flags;
	int n, i;

	flags = cd_lock(&cm->o);
	cm->going = true;	/* no new AF or VC: the snapshots below are complete */
	cd_unlock(&cm->o, flags);

	afs = cd_snapshot(&cm->o, &cm->afs, offsetof(struct cd_af, cm_node), &n);
	for (i = 0; i < n; i++)
		cd_af_teardown_one(container_of(afs[i], struct cd_af, o), cause, true);
	cd_put_snapshot(afs, n);
}

void cd_adapter_teardown_cm(struct cd_cm *cm, int cause)
{
	cd_cm_teardown_afs(cm, cause);
	cd_cm_own_vcs_teardown(cm);
}
