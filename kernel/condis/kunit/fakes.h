/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fake roles for the condis KUnit suites: one miniport, one call manager
 * (stand-alone or integrated) and one client, wired into a "world".
 *
 * Every handler that may pend answers according to the world's mode for
 * that operation: synchronously, pended and completed from process context
 * (a work item), pended and completed from atomic context (alternately a
 * timer in softirq and an hrtimer in hard interrupt context, each taking a
 * spinlock with interrupts off), or failing. Every handler call is
 * logged with its status, so tests assert the order in which handlers ran,
 * and every handler that condis promises to run in process context checks
 * that it does.
 *
 * This header: the world and the steps on it (fakes.c); the log is
 * fake_log.h, the roles fake_roles.h, their answers fake_pend.h.
 */
#ifndef _CONDIS_KUNIT_FAKES_H
#define _CONDIS_KUNIT_FAKES_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <net/condis.h>
#include <net/condis_kunit.h>

#define FAKE_AF_TYPE	0x4242

enum fake_mode {
	FM_SYNC,		/* answer at once with the op's status */
	FM_PEND_PROC,		/* PENDING, complete from a work item */
	FM_PEND_ATOMIC,		/* PENDING, complete from a timer, lock held */
	FM_FAIL,		/* answer at once with -EIO */
	__FM_MAX,
};

/* Operations whose answer a world controls. */
enum fake_op {
	FOP_MP_ACTIVATE, FOP_MP_DEACTIVATE, FOP_MP_OID, FOP_MP_SEND,
	FOP_CM_OPEN_AF, FOP_CM_CLOSE_AF, FOP_CM_REG_SAP, FOP_CM_DEREG_SAP,
	FOP_CM_MAKE_CALL, FOP_CM_CLOSE_CALL, FOP_CM_ADD_PARTY, FOP_CM_DROP_PARTY,
	FOP_CM_QOS, FOP_CM_OID,
	FOP_CL_INCOMING, FOP_CL_NOTIFY, FOP_CL_OID,
	__FOP_MAX,
};

/* Handler calls, as logged. */
enum fake_ev {
	FEV_NONE,
	FEV_CL_AF_NOTIFY, FEV_CM_OPEN_AF, FEV_CL_OPEN_AF_DONE, FEV_CM_CLOSE_AF,
	FEV_CL_CLOSE_AF_DONE, FEV_CL_NOTIFY_CLOSE, FEV_CM_NOTIFY_CLOSE_DONE,
	FEV_CM_REG_SAP, FEV_CL_REG_SAP_DONE, FEV_CM_DEREG_SAP, FEV_CL_DEREG_SAP_DONE,
	FEV_MP_CREATE_VC, FEV_CM_CREATE_VC, FEV_CL_CREATE_VC,
	FEV_MP_DELETE_VC, FEV_CM_DELETE_VC, FEV_CL_DELETE_VC,
	FEV_MP_ACTIVATE, FEV_CM_ACTIVATE_DONE, FEV_MP_DEACTIVATE, FEV_CM_DEACTIVATE_DONE,
	FEV_CM_MAKE_CALL, FEV_CL_MAKE_CALL_DONE, FEV_CM_CLOSE_CALL, FEV_CL_CLOSE_CALL_DONE,
	FEV_CL_INCOMING_CALL, FEV_CM_INCOMING_DONE, FEV_CL_CONNECTED, FEV_CL_INCOMING_CLOSE,
	FEV_CM_QOS, FEV_CL_QOS_DONE, FEV_CL_INCOMING_QOS,
	FEV_CM_ADD_PARTY, FEV_CL_ADD_PARTY_DONE, FEV_CM_DROP_PARTY, FEV_CL_DROP_PARTY_DONE,
	FEV_CL_INCOMING_DROP,
	FEV_MP_OID, FEV_CM_OID, FEV_CL_OID, FEV_CL_OID_DONE, FEV_CM_OID_DONE,
	FEV_AD_OID_DONE,
	FEV_MP_SEND, FEV_CL_SEND_DONE, FEV_CL_RECEIVE, FEV_CL_STATUS, FEV_CM_STATUS,
	FEV_CM_SEND_DONE, FEV_CM_RECEIVE,
	__EV_MAX,
};

#define FAKE_LOG_MAX	8192
#define FAKE_CONT_MAX	8

/* The fake CM's per-VC state: which VC it is. */
struct fake_vcslot {
	struct condis_vc *vc;
};

#define FAKE_SLOTS	256

struct fake_cont {
	void *vc;
	void *party;
};

struct fake_world {
	struct kunit *test;
	bool mcm;
	bool direct;			/* CM and client declare direct completion */
	enum fake_mode mode[__FOP_MAX];
	int status[__FOP_MAX];		/* status a pended op completes with */

	/* behaviours */
	int mp_create_ret;		/* miniport create_vc answer */
	int cl_create_ret;		/* client create_vc answer */
	int mp_delete_ret;		/* miniport delete_vc answer */
	int cm_delete_ret;		/* CM delete_vc answer */
	int cl_delete_ret;		/* client delete_vc answer */
	bool cm_change_params;		/* make call: CM changes the parameters */
	bool cm_skip_activate;		/* make call: CM "forgets" to activate */
	bool cm_skip_deactivate;	/* close call: CM "forgets" to deactivate */
	bool cm_close_after_make;	/* incoming close right after make-call complete */
	struct condis_vc *cm_offer_vc;	/* offered right after register-SAP complete */
	bool cm_offer_early;		/* ... no: before it */
	struct condis_call_params *cm_offer_cp;	/* ... with these */
	int cm_offer_ret;		/* ... and what condis said */
	struct completion cm_offer_made;	/* ... once it is said */
	bool cm_delete_after_close;	/* CM deletes its own VC after close complete */
	bool cm_hold_connected;		/* accepted call: CM does not connect it yet */
	bool cm_connect_in_close;	/* close call: CM connects it first (late) */
	bool cm_close_in_answer;	/* incoming_call_complete: the client closes */
	int cm_close_in_answer_ret;	/* ... and what condis said */
	bool cl_close_on_incoming_close;/* client answers incoming close itself */
	bool cl_drop_on_incoming_drop;	/* client answers incoming drop itself */
	bool cl_close_in_notify;	/* notify_close_af: client closes the AF, then answers */
	u32 new_peak;			/* pended add-party / answer: new parameters */
	unsigned int pend_delay_ms;	/* pended-process completions wait this long */
	unsigned int cl_close_done_ms;	/* the client's close completion takes this long */
	struct completion cl_close_entered;	/* ... and says when it starts */
	unsigned int cl_dereg_done_ms;	/* the client's deregister-SAP completion, too */
	struct completion cl_dereg_entered;
	unsigned int cl_incoming_ms;	/* the client's incoming_call, too */
	unsigned int cl_notify_ms;	/* the client's notify_close_af, too */
	struct completion cl_incoming_entered;
	bool cl_qos_in_incoming;	/* incoming call: the client negotiates QoS first */
	int cl_qos_ret;			/* ... and what condis said */
	int cl_qos_resized_ret;		/* ... to one of other blob sizes first */
	u32 cl_offered_peak;		/* ... and the offer's peak after it */
	bool cl_open_on_status;		/* adapter status: the client opens an AF */
	struct condis_af *status_af;	/* ... this one */
	int status_open_ret;		/* ... and what condis said */
	unsigned int cl_status_ms;	/* the client's status handler takes this long */
	struct completion cl_status_entered;
	bool freed;

	/* handles */
	struct condis_adapter *adapter;
	struct condis_cm *cm;
	struct condis_client *client;
	struct condis_af *af;
	struct condis_sap *sap;
	struct condis_vc *vc;
	struct condis_party *party;
	struct condis_party *party2;
	struct condis_adapter *notified_adapter;
	struct condis_oid_request oid;

	/* what the client saw */
	u32 last_flags;
	u32 last_peak;
	u32 cm_last_peak;		/* what the CM saw in incoming_call_complete */
	void *cm_notify_ctx;		/* ... and in notify_close_af_complete */
	void *last_party_ctx;

	/* log */
	spinlock_t lock;
	int nev;
	u8 ev[FAKE_LOG_MAX];
	int ev_status[FAKE_LOG_MAX];
	wait_queue_head_t wq;
	atomic_t ctx_violations;	/* a handler ran in atomic context */
	struct task_struct *completer;	/* a fake work item completing, while it does */
	atomic_t completing;		/* fake work items completing (wakes @wq at 0) */
	atomic_t direct_runs;		/* handlers run from within its completion */
	struct task_struct *sender;	/* the test's task, when it sends */
	atomic_t sendc_inline;		/* send completions run in the sender's context */
	bool mp_keeps;			/* the miniport keeps frames where it may */
	atomic_t sendc_kept;		/* send completions without their frame */
	atomic_t inflight;		/* fake completions not run yet */
	struct list_head pends;		/* them, for a report when one is late */
	atomic_t atomic_kind;		/* alternates softirq and hardirq completions */
	struct fake_vcslot slots[FAKE_SLOTS];
	atomic_t nslots;
	struct fake_cont make_cont[FAKE_CONT_MAX];	/* make call after activation */
	struct fake_cont close_cont[FAKE_CONT_MAX];	/* close call after deactivation */

	spinlock_t hw_lock;		/* held by the atomic completions */
	struct workqueue_struct *wq_pend;
	unsigned long base_objects;
	unsigned long base_vrf[__CONDIS_VRF_MAX];
};

struct fake_world *fake_world_new(struct kunit *test, bool mcm, enum fake_mode m);
struct fake_world *fake_world_new_direct(struct kunit *test, bool mcm, enum fake_mode m);
void fake_world_set_mode(struct fake_world *w, enum fake_mode m);
void fake_world_free(struct fake_world *w);

void fake_settle(struct fake_world *w);

/* Standard steps, asserting their outcome. */
void fake_open_af(struct fake_world *w);
void fake_register_sap(struct fake_world *w);
void fake_deregister_sap(struct fake_world *w);
void fake_close_af(struct fake_world *w);
void fake_client_vc(struct fake_world *w);
void fake_connect(struct fake_world *w, u32 flags);
void fake_incoming(struct fake_world *w);

/*
 * The status a requester finally saw: @ret if it did not pend, else the
 * status its completion handler (@ev, the @nth one logged) got.
 */
int fake_final(struct fake_world *w, int ret, enum fake_ev ev, int nth);

extern const char * const fake_mode_names[__FM_MAX];

#endif /* _CONDIS_KUNIT_FAKES_H */
