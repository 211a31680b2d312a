/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <net/condis_view.h>: condis's objects as a front-end shows them.
 *
 * condis's netlink family is a client of condis: it acts through
 * <net/condis.h> and reads what it shows of adapters, address families,
 * SAPs, calls and parties through this interface, never through condis's
 * structures. A view is handed to the caller's show function and is valid
 * while it runs; its states are the uapi's (<linux/condis.h>:
 * CONDIS_AF_STATE_*, CONDIS_SAP_STATE_*, CONDIS_CALL_STATE_*,
 * CONDIS_PARTY_STATE_*), objects on their way out shown in the state
 * before they go.
 */
#ifndef _NET_CONDIS_VIEW_H
#define _NET_CONDIS_VIEW_H

#include <net/condis.h>

struct net;

/**
 * enum condis_view_kind - what a view shows
 * @CONDIS_VIEW_ADAPTER: an adapter; its AF types follow, one view each
 * @CONDIS_VIEW_AF: an open (or opening, closing) address family
 * @CONDIS_VIEW_SAP: a SAP
 * @CONDIS_VIEW_CALL: a call's VC; its parties follow, one view each
 * @CONDIS_VIEW_PARTY: a party of a multipoint call
 * @CONDIS_VIEW_AF_TYPE: one AF type an adapter offers (after the adapter)
 */
enum condis_view_kind {
	CONDIS_VIEW_ADAPTER = 1,
	CONDIS_VIEW_AF = 4,
	CONDIS_VIEW_SAP,
	CONDIS_VIEW_CALL,
	CONDIS_VIEW_PARTY,
	CONDIS_VIEW_AF_TYPE = 16,
};

/* A call's counters. */
struct condis_view_stats {
	u64 tx_packets;
	u64 tx_bytes;
	u64 rx_packets;
	u64 rx_bytes;
	u64 tx_errors;
	u64 rx_dropped;
};

/**
 * struct condis_view - one object, as shown
 * @kind: what it is
 * @id: its id (for an AF type: its adapter's; for a party: its own)
 * @handle: its handle (adapter, AF, SAP, VC, party), for requests
 * @client: AF, SAP, call, party: the handle of the client it belongs to
 * @adapter: name; kind and interface when a link bound it (else NULL, 0);
 *	drop counters, one per enum condis_drop
 * @af_type: CONDIS_VIEW_AF_TYPE: the type
 * @af: its adapter, type, state and client's name
 * @sap: its AF, state and description
 * @call: its AF, the SAP an incoming call came to (0: outgoing), state,
 *	direction, current parameters (may be NULL) and counters
 * @party: its call and state
 */
struct condis_view {
	enum condis_view_kind kind;
	u32 id;
	void *handle;
	const struct condis_client *client;
	union {
		struct {
			const char *name;
			const char *link_kind;
			u32 ifindex;
			u64 drops[__CONDIS_DROP_MAX];
		} adapter;
		u32 af_type;
		struct {
			u32 adapter_id;
			u32 type;
			u8 state;
			const char *client_name;
		} af;
		struct {
			u32 af_id;
			u8 state;
			const struct condis_sap_desc *desc;
		} sap;
		struct {
			u32 af_id;
			u32 sap_id;
			u8 state;
			bool incoming;
			const struct condis_call_params *cp;
			struct condis_view_stats stats;
		} call;
		struct {
			u32 call_id;
			u8 state;
		} party;
	};
};

/*
 * The show function: a nonzero return ends the walk and is returned.
 * ADAPTER and AF_TYPE views are shown in process context with condis's
 * registration lock held (do not call into condis); AF and SAP views in
 * process context, no lock held; CALL and PARTY views under the VC's
 * spinlock (do not sleep): a call's state, parameters and parties agree.
 */
typedef int (*condis_view_fn)(void *arg, const struct condis_view *v);

int condis_view_get(const struct net *net, enum condis_view_kind kind, u32 id,
		    condis_view_fn show, void *arg);
int condis_view_next(const struct net *net, enum condis_view_kind kind,
		     unsigned long *id, condis_view_fn show, void *arg);
unsigned int condis_view_generation(void);

#endif /* _NET_CONDIS_VIEW_H */
