/* SPDX-License-Identifier: GPL-2.0 */
/*
 * drivers_test_world.c: the world of the condis_ndis_drivers suite, two
 * drivers written to the DDK pages against <net/condis_ndis.h>: a miniport
 * call manager (adapter "ndiskt0" and its address family) and a client
 * bound to it, the AF open and a SAP registered. What their handlers saw
 * is in struct kt_world.
 */
#ifndef _CONDIS_NDIS_DRIVERS_TEST_H
#define _CONDIS_NDIS_DRIVERS_TEST_H

#include <linux/wait.h>
#include <net/condis_ndis.h>

#define KT_LOG	16

/* how the client answers an incoming call */
enum kt_answer { KT_ACCEPT, KT_PEND_PROCESS, KT_PEND_ATOMIC, KT_REJECT };

/* a VC, as either driver keeps it */
struct kt_vc {
	NDIS_HANDLE NdisVcHandle;
};

/* a send completed to the client */
struct kt_sent {
	PNET_BUFFER_LIST nbl;
	NDIS_STATUS status;
};

struct kt_world {
	wait_queue_head_t wq;		/* woken by every handler that counts */
	NDIS_SPIN_LOCK lock;		/* held, sent */
	/* the miniport call manager */
	NDIS_HANDLE MiniportDriver, Adapter, McmAf, McmSap, McmPool;
	struct kt_vc *mcm_vc;		/* its side of the client's VC */
	struct kt_vc mcm_own;		/* a VC it created for an incoming call */
	atomic_t mp_returned;		/* its receives given back */
	atomic_t incoming_done;		/* ProtocolCmIncomingCallComplete */
	NDIS_STATUS incoming_status;
	/* the client */
	NDIS_HANDLE Protocol, Binding, ClAf, ClSap, ClPool;
	NDIS_STATUS ready;		/* its SAP registered (or why not) */
	enum kt_answer answer;
	struct kt_vc *cl_in_vc;		/* the VC of the call offered */
	PCO_CALL_PARAMETERS cl_in_params;
	atomic_t incoming, connected, make_done, close_done, rx, tx_done;
	atomic_t gone;			/* its SAP deregistered */
	NDIS_STATUS make_status;
	struct task_struct *in_send;	/* the task inside NdisCoSendNetBufferLists */
	atomic_t tx_inside;		/* completions run by that task, inside it */
	PNET_BUFFER_LIST held;		/* received, not returned yet */
	struct kt_sent sent[KT_LOG];
};

extern struct kt_world kt;

int kt_world_up(void);
void kt_world_down(void);
PNET_BUFFER_LIST kt_frame(NDIS_HANDLE Pool, const char *Text);
VOID kt_frame_spoil(PNET_BUFFER_LIST Nbl);
BOOLEAN kt_frame_is(PNET_BUFFER_LIST Nbl, const char *Text);
VOID kt_frames_free(PNET_BUFFER_LIST Nbl);

#endif /* _CONDIS_NDIS_DRIVERS_TEST_H */
