/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: signalling messages to and from their wire format (wire.c;
 * Documentation/condis/signalling.rst).
 */
#ifndef _CONDIS_SIG_WIRE_H
#define _CONDIS_SIG_WIRE_H

#include <linux/skbuff.h>
#include <net/condis_sig.h>

/* A leg's state: a STATUS message carries the sender's. */
enum sig_state {
	LEG_NULL,
	LEG_CALLING,		/* setup or add party sent */
	LEG_OFFERED,		/* incoming: the client answers */
	LEG_CONNECTING,		/* incoming: connect sent, ack awaited */
	LEG_ACTIVE,
	LEG_RELEASING,		/* release or drop party sent */
	LEG_GONE,		/* the far end released; the client closes */
};

/**
 * struct sig_ids - who a message is about and for
 * @ref: the call reference
 * @token: the receiver's call token (0: not known)
 * @call_token: the sender's
 * @label: the sender's VC label (types that carry one)
 * @data_token: its data token
 */
struct sig_ids {
	u32 ref;
	u32 token;
	u32 call_token;
	u32 label;
	u32 data_token;
};

struct sk_buff *sig_msg_build(u8 type, u16 flags, const struct sig_ids *ids,
			      int cause, u8 state, const struct condis_call_params *cp,
			      const struct condis_sap_desc *sap);
int sig_msg_check(const struct sk_buff *skb);
int sig_msg_parse(struct sk_buff *skb, struct condis_wire_sig **msg,
		  struct condis_call_params **cp, struct condis_sap_desc *sap);
int sig_msg_cause(const struct condis_wire_sig *m);

#endif /* _CONDIS_SIG_WIRE_H */
