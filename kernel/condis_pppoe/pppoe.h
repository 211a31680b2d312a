/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_pppoe: PPPoE (RFC 2516) as a CoNDIS miniport with an integrated
 * call manager on any Ethernet net_device, the Linux twin of Windows'
 * PPPoE miniport. A call is a PPPoE session: making one runs discovery
 * (PADI, PADO, PADR, PADS), closing one sends a PADT; its VC carries the
 * session's PPP frames.
 *
 * bind.c: adapters bound to interfaces (netlink adapter-new kind "pppoe")
 * and what arrives on them. miniport.c: the VCs and the session data path.
 * The call manager: cm.c its handler table and the discovery packets to
 * the side they are for, discovery.c the host's side (making calls), ac.c
 * the access concentrator's (answering them), call.c what both share; its
 * work runs on one ordered workqueue (pppoe_wq), so that a call's state
 * needs no other lock. wire.c and cookie.c: the format. Each has its
 * header; this one holds the objects.
 */
#ifndef _CONDIS_PPPOE_H
#define _CONDIS_PPPOE_H

#include <linux/hashtable.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/siphash.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <net/condis.h>
#include <net/condis_ifbind.h>
#include <net/condis_wan.h>
#include "wire.h"

/* Discovery packets waiting for the call manager; beyond, they are dropped. */
#define PPPOE_RXQ_MAX		256
#define PPPOE_SESSION_BITS	8
#define PPPOE_AC_NAME_MAX	64

/**
 * struct pppoe_adapter - an adapter bound to a net_device
 * @b: the binding (the interface, the condis adapter; condis follows it)
 * @cm: the integrated call manager's registration
 * @disc_pt: receives the interface's discovery packets
 * @sess_pt: receives its session packets
 * @rxq: discovery packets for the call manager (at most PPPOE_RXQ_MAX)
 * @rx_work: hands them to it, on pppoe_wq
 * @calls: struct pppoe_call in discovery, offered or in session (pppoe_wq)
 * @saps: the services offered, struct condis_cm_sap (pppoe_wq)
 * @ac_name: the AC-Name its PADOs carry
 * @ac_name_len: its length
 * @cookie_key: what its AC-Cookies are made with
 * @pado_window: when the current second of PADOs began (pppoe_wq)
 * @pado_count: PADOs sent in it (pppoe_wq)
 * @ports: struct pppoe_port by VC handle (the miniport's VCs)
 * @lock: @sessions' writers
 * @sessions: struct pppoe_port by session id, active ones only (RCU)
 * @going: being unbound: no new call (pppoe_wq)
 */
struct pppoe_adapter {
	struct condis_ifbind b;
	struct condis_cm *cm;
	struct packet_type disc_pt;
	struct packet_type sess_pt;
	struct sk_buff_head rxq;
	struct work_struct rx_work;
	struct list_head calls;
	struct list_head saps;
	char ac_name[PPPOE_AC_NAME_MAX];
	unsigned int ac_name_len;
	siphash_key_t cookie_key;
	unsigned long pado_window;
	unsigned int pado_count;
	struct xarray ports;
	spinlock_t lock;		/* @sessions' writers */
	DECLARE_HASHTABLE(sessions, PPPOE_SESSION_BITS);
	bool going;
};

static inline struct pppoe_adapter *pppoe_of(struct condis_ifbind *b)
{
	return container_of(b, struct pppoe_adapter, b);
}

/**
 * struct pppoe_port - a VC as the miniport sees it
 * @pa: the adapter
 * @vc: its handle
 * @node: in @pa's sessions while active
 * @peer: the other end of its session
 * @sid: the session id
 * @payload: the largest PPP payload of its session (RFC 4638), the
 *	protocol field not counted
 * @active: in @pa's sessions
 * @link: how NDISWAN's twin framed it (OID_WAN_CO_SET_LINK_INFO; under
 *	@pa's lock)
 * @rcu: frees it
 */
struct pppoe_port {
	struct pppoe_adapter *pa;
	struct condis_vc *vc;
	struct hlist_node node;
	u8 peer[ETH_ALEN];
	u16 sid;
	u16 payload;
	bool active;
	struct condis_wan_co_link_info link;
	struct rcu_head rcu;
};

extern struct workqueue_struct *pppoe_wq;

/**
 * pppoe_link_payload - the largest PPP payload an adapter's link carries
 * @pa: the adapter
 *
 * Return: its MTU less PPPoE's header and the PPP protocol field.
 */
static inline unsigned int pppoe_link_payload(struct pppoe_adapter *pa)
{
	return READ_ONCE(pa->b.dev->mtu) - PPPOE_HDR_LEN - PPPOE_PROTO_LEN;
}

#endif /* _CONDIS_PPPOE_H */
