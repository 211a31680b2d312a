/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig internals: the engine's objects (the functions on them are
 * declared by the header of the file that has them).
 *
 * All call state lives on the engine's ordered workqueue: the CM handlers
 * condis calls, the frames received and the retransmission timers only
 * queue work there (queue.h), so one item at a time touches it and no lock
 * is held while condis runs a client's handler.
 */
#ifndef _CONDIS_SIG_H
#define _CONDIS_SIG_H

#include <linux/completion.h>
#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/siphash.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <net/condis_sig.h>
#include "wire.h"

#define SIG_IN_BITS	10	/* buckets of struct condis_sig's @in */

/**
 * struct condis_sig - one engine (one adapter's call manager)
 * @name: for messages
 * @mac: the station's address
 * @integrated: an MCM (activation is the engine's own business)
 * @tp: the transport
 * @ctx: the transport's context
 * @wq: ordered: every state change runs here
 * @saps: struct condis_cm_sap registered
 * @out: legs this station called, by call reference
 * @out_next: the next call reference
 * @in: legs other stations called, by (station, call reference), hashed
 *	with @in_key
 * @in_key: random: a remote station cannot choose keys that collide
 * @half_open: called legs not yet active (the cap: sig_max_half_open)
 * @adapter: whose drop counters the engine's drops go to (may be NULL)
 * @ops: struct sig_op queued, by @node, under @ops_lock
 * @ops_lock: protects @ops (taken in any context but hard interrupts)
 * @op_work: runs @ops on @wq
 * @rxq: received messages waiting to be handled (their sender in the cb:
 *	struct sig_rx_cb), at most max_rx_queue of them
 * @rx_bytes: their truesize
 * @rx_work: handles @rxq on @wq, a batch a turn
 * @reply_stamp: start of the current window of answers to messages about
 *	no call (jiffies)
 * @replies: answers sent in it
 * @down: the adapter is going: no waiting for the network any more
 * @parked: called VCs condis deletes on the going CM's behalf (struct
 *	sig_vc, by @node; freed by condis_sig_destroy())
 * @max_sdu: largest client frame the link carries (0: no limit known)
 * @cm: stand-alone: the CM registration (condis_sig_attach())
 * @sigvc: stand-alone: the signalling VC on the miniport, while usable
 * @sigvc_ctx: its CM context
 * @sigvc_done: its activation completed
 * @sigvc_status: how
 */
struct condis_sig {
	char name[32];
	u8 mac[ETH_ALEN];
	bool integrated;
	const struct condis_sig_transport *tp;
	void *ctx;
	struct workqueue_struct *wq;
	struct list_head saps;
	struct xarray out;
	u32 out_next;
	DECLARE_HASHTABLE(in, SIG_IN_BITS);
	siphash_key_t in_key;
	unsigned int half_open;
	struct condis_adapter *adapter;
	struct list_head ops;
	spinlock_t ops_lock;
	struct work_struct op_work;
	struct sk_buff_head rxq;
	atomic_t rx_bytes;
	struct work_struct rx_work;
	unsigned long reply_stamp;
	unsigned int replies;
	bool down;
	struct list_head parked;
	u32 max_sdu;
	struct condis_cm *cm;
	struct condis_vc *sigvc;
	struct sig_vc *sigvc_ctx;
	struct completion sigvc_done;
	int sigvc_status;
};

/**
 * struct sig_vc - the CM's context of a VC
 * @sig: the engine
 * @vc: the VC
 * @incoming: called VC (the CM created it); its one leg is @legs' only entry
 * @multipoint: calling VC of a point-to-multipoint call
 * @signalling: the engine's own signalling VC (stand-alone)
 * @data_token: what data frames for it carry (random, never 0)
 * @active: activated (its data path programmed)
 * @closing: its client closes it
 * @answered: called: its client's answer is queued (set by
 *	sig_incoming_call_complete(), in any context)
 * @close_party: the party it named
 * @qos_wait: legs whose answer to a QoS modify is awaited
 * @qos_status: the first failure among their answers
 * @legs: struct sig_leg
 * @node: on the engine's @parked
 */
struct sig_vc {
	struct condis_sig *sig;
	struct condis_vc *vc;
	u32 data_token;
	bool incoming;
	bool multipoint;
	bool signalling;
	bool active;
	bool closing;
	bool answered;
	struct condis_party *close_party;
	int qos_wait;
	int qos_status;
	struct list_head legs;
	struct list_head node;
};

/**
 * struct sig_leg - one call on the wire (one party of a multipoint call)
 * @node: in vc->legs
 * @hnode: in sig->in (called legs)
 * @vc: the VC, NULL once it let go
 * @party: the party, for a multipoint root
 * @ref: call reference
 * @token: this side's call token (random, never 0): the far end's messages
 *	carry it
 * @peer_token: the far end's, once known (0 before): ours carry it
 * @caller: this station called
 * @half_open: counted in the engine's @half_open
 * @added: set up by add party
 * @state: enum sig_state
 * @peer: the other station
 * @peer_label: its VC label
 * @peer_data_token: its VC's data token
 * @cp: setup parameters (sent or received)
 * @qos_cp: a QoS modify's parameters, while it is unanswered
 * @sap: called SAP (caller: for retransmissions)
 * @cause: why it was released (condis status)
 * @sdu_changed: the engine set the SDU sizes of @cp (the link's)
 * @retry_msg: message to retransmit on timeout
 * @retries: retransmissions so far
 * @deadline: when the requester of @retry_msg (make call, add party,
 *	close, drop party, QoS modify) must have heard, 0: none waits
 * @timer: the retransmission timer (on the engine's workqueue)
 */
struct sig_leg {
	struct list_head node;
	struct hlist_node hnode;
	struct sig_vc *vc;
	struct condis_party *party;
	u32 ref;
	u32 token;
	u32 peer_token;
	bool caller;
	bool added;
	bool half_open;
	u8 state;
	u8 peer[ETH_ALEN];
	u32 peer_label;
	u32 peer_data_token;
	struct condis_call_params *cp;
	struct condis_call_params *qos_cp;
	struct condis_sap_desc sap;
	int cause;
	bool sdu_changed;
	u8 retry_msg;
	unsigned int retries;
	unsigned long deadline;
	struct delayed_work timer;
};

#endif /* _CONDIS_SIG_H */
