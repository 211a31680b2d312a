/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_pppoe: a call, whichever side made it (call.c). discovery.c makes
 * calls (the host's side), ac.c answers them (the access concentrator's);
 * what both do with a call is here: its context, its work on pppoe_wq,
 * the discovery packets it sends, its session's end.
 */
#ifndef _CONDIS_PPPOE_CALL_H
#define _CONDIS_PPPOE_CALL_H

#include <net/condis_pppoe.h>
#include "pppoe.h"
#include "wire.h"

/* The longest Host-Uniq echoed (a host's own is 4 bytes here, pppd's 4 or 8). */
#define PPPOE_UNIQ_MAX		16

enum pppoe_call_state {
	PC_IDLE,
	PC_PADI,		/* host: PADI sent, waiting for a PADO */
	PC_PADR,		/* host: PADR sent, waiting for the PADS */
	PC_OFFERED,		/* AC: a PADR offered as an incoming call */
	PC_SESSION,		/* up */
	PC_PEER_GONE,		/* the peer sent a PADT: the client closes */
};

/**
 * struct pppoe_call - the call manager's context of a VC
 * @pa: the adapter
 * @vc: the VC
 * @node: in @pa's calls while in discovery, offered or in session
 * @state: enum pppoe_call_state
 * @incoming: the AC's side: the call manager created the VC
 * @deleted: condis deleted the VC (set outside pppoe_wq)
 * @attempts: PADIs or PADRs sent so far
 * @answer: AC: the client's answer to the offer (0: accepted)
 * @want: host: the AC to take offers from (broadcast: any)
 * @peer: the other end: the AC that offered, or the host that asked
 * @sid: the session id
 * @payload: the PPP payload of its session: the host's side offers it in
 *	PPP-Max-Payload until the PADS; then both sides' agreed one (RFC 4638)
 * @service_len: the length of @service
 * @service: the service
 * @uniq_len: the length of @uniq
 * @uniq: the host's Host-Uniq (the host's side: its own)
 * @relay_len: the length of @relay (0: none)
 * @relay: the Relay-Session-Id to echo
 * @cookie_len: the length of @cookie
 * @cookie: host: the PADO's AC-Cookie, echoed in the PADR (NULL: none)
 * @retry: host: resends the PADI or PADR
 */
struct pppoe_call {
	struct pppoe_adapter *pa;
	struct condis_vc *vc;
	struct list_head node;
	u8 state;
	bool incoming;
	bool deleted;
	u8 attempts;
	int answer;
	u8 want[ETH_ALEN];
	u8 peer[ETH_ALEN];
	u16 sid;
	u16 payload;
	u8 service_len;
	u8 service[CONDIS_PPPOE_SERVICE_MAX];
	u8 uniq_len;
	u8 uniq[PPPOE_UNIQ_MAX];
	u8 relay_len;
	u8 relay[PPPOE_RELAY_SID_MAX];
	u16 cookie_len;
	u8 *cookie;
	struct delayed_work retry;
};

typedef void (*pppoe_call_fn)(struct pppoe_call *call);

struct pppoe_call *pppoe_call_new(struct pppoe_adapter *pa, work_func_t retry, gfp_t gfp);
int pppoe_queue(pppoe_call_fn fn, struct pppoe_call *call, gfp_t gfp);
int pppoe_send_disc(struct pppoe_call *call, u8 code, const u8 *dst, u16 error);
void pppoe_call_reset(struct pppoe_call *call);
struct condis_call_params *pppoe_session_params(struct pppoe_call *call);
void pppoe_call_close(struct pppoe_call *call);
void pppoe_call_free(struct pppoe_call *call);
void pppoe_echo(struct pppoe_call *call, const struct pppoe_disc *d);
bool pppoe_uniq_is(const struct pppoe_call *call, const struct pppoe_val *v);
bool pppoe_rx_padt(struct pppoe_adapter *pa, const u8 *src, const struct pppoe_disc *d);

#endif /* _CONDIS_PPPOE_CALL_H */
