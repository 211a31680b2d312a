/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis signalling: the wire format of condis over Ethernet and the
 * signalling engine (condis_sig.ko) that call managers share.
 *
 * Every condis frame is an Ethernet frame of EtherType %ETH_P_CONDIS (IEEE
 * 802 local experimental EtherType 1) starting with struct condis_wire_hdr.
 * Data frames (%CONDIS_MSG_DATA) carry a client's frame for the VC whose
 * label is @ref at the receiving station, with that VC's data token. Every
 * other type is a signalling message (struct condis_wire_sig and a body);
 * its @ref is the call reference the calling station chose, its @token the
 * receiving side's call token. Tokens are random, chosen by each side for
 * its own end and learnt only from frames of the call: a station that does
 * not see a call's frames cannot address it. Documentation/condis/
 * signalling.rst describes the protocol and its threat model.
 *
 * The engine is packaged twice: an Ethernet miniport's integrated call
 * manager (the MCM paths) and a stand-alone call manager that reaches the
 * network through a signalling VC on the miniport (the CM paths). Both give
 * it a transport (struct condis_sig_transport) and feed it the signalling
 * frames they receive.
 */
#ifndef _NET_CONDIS_SIG_H
#define _NET_CONDIS_SIG_H

#include <linux/if_ether.h>
#include <linux/types.h>
#include <net/condis.h>

#define ETH_P_CONDIS		0x88B5	/* IEEE Std 802 local experimental 1 */
#define CONDIS_WIRE_VERSION	2

/* Message types (struct condis_wire_hdr.type). */
enum condis_msg {
	CONDIS_MSG_DATA,
	CONDIS_MSG_SETUP,
	CONDIS_MSG_CONNECT,
	CONDIS_MSG_CONNECT_ACK,
	CONDIS_MSG_RELEASE,
	CONDIS_MSG_RELEASE_COMPLETE,
	CONDIS_MSG_ADD_PARTY,
	CONDIS_MSG_ADD_PARTY_ACK,
	CONDIS_MSG_ADD_PARTY_REJECT,
	CONDIS_MSG_DROP_PARTY,
	CONDIS_MSG_DROP_PARTY_ACK,
	CONDIS_MSG_MODIFY,
	CONDIS_MSG_MODIFY_ACK,
	CONDIS_MSG_MODIFY_REJECT,
	CONDIS_MSG_STATUS,
	CONDIS_MSG_CALL_PROCEEDING,
	__CONDIS_MSG_MAX,
};

/* struct condis_wire_hdr.flags */
#define CONDIS_WF_FROM_CALLER	0x0001	/* sent by the calling station */
#define CONDIS_WF_MULTIPOINT	0x0002	/* a leg of a point-to-multipoint call */

/**
 * struct condis_wire_hdr - every condis frame starts with it
 * @version: %CONDIS_WIRE_VERSION
 * @type: enum condis_msg
 * @flags: CONDIS_WF_* (signalling)
 * @ref: data: the receiver's VC label; signalling: the call reference
 * @token: data: the receiving VC's data token; signalling: the receiving
 *	side's call token (0 in SETUP and ADD PARTY, and in an answer to a
 *	message whose sender gave none)
 */
struct condis_wire_hdr {
	u8 version;
	u8 type;
	__be16 flags;
	__be32 ref;
	__be32 token;
} __packed;

/**
 * struct condis_wire_params - call parameters on the wire
 * @flags: CONDIS_CALL_* flags
 * @tx: the sender's transmit flowspec, eight u32 in struct condis_flowspec
 *	order
 * @rx: the sender's receive flowspec
 */
struct condis_wire_params {
	__be32 flags;
	__be32 tx[8];
	__be32 rx[8];
} __packed;

/**
 * struct condis_wire_sig - a signalling message's fixed part
 * @hdr: the header
 * @cause: NDIS_STATUS value (release, reject, status); 0 otherwise
 * @label: setup, add party: the caller's VC label; connect, add party ack:
 *	the called station's VC label; 0 otherwise
 * @state: the sender's state of the call (status); 0 otherwise
 * @sap_len: setup, add party: bytes of called SAP address that follow
 *	@params; 0 otherwise
 * @sap_type: setup, add party: the called SAP's type
 * @call_token: the sender's call token (never 0): the receiver's answers
 *	carry it in @hdr.token
 * @data_token: setup, connect, add party, add party ack: the data token
 *	of the sender's VC, which data frames for @label carry; 0 otherwise
 * @params: setup, connect, add party, add party ack, modify, modify ack
 */
struct condis_wire_sig {
	struct condis_wire_hdr hdr;
	__be32 cause;
	__be32 label;
	__be32 call_token;
	__be32 data_token;
	u8 state;
	u8 sap_len;
	__be16 sap_type;
	struct condis_wire_params params;
} __packed;

/*
 * Addressing. A call's called address (the CM-specific block of the make
 * call and add party parameters) is the called station's MAC address
 * followed by the called SAP's address bytes.
 */
#define CONDIS_SIG_ADDR_MIN	(ETH_ALEN + 1)

/**
 * struct condis_eth_media - where a VC's frames go (the media-specific
 * block of the parameters an Ethernet VC is activated with)
 * @ndest: destinations that follow (several: a multipoint root)
 * @signalling: the VC carries signalling messages (a stand-alone CM's):
 *	each frame sent starts with the destination MAC address, each frame
 *	received with the source MAC address
 * @token: the VC's data token: a data frame for it is taken only with
 *	this token and from one of the @dest stations
 * @dest: @ndest (station, label, token) triples: where frames go, and
 *	the only stations whose frames are taken
 */
struct condis_eth_media {
	u32 ndest;
	u32 signalling;
	u32 token;
	struct condis_eth_dest {
		u8 mac[ETH_ALEN];
		u16 pad;
		u32 label;
		u32 token;
	} dest[];
};

/* ---- the engine ------------------------------------------------------------ */

struct condis_sig;

/**
 * struct condis_sig_transport - what an integrated engine needs from its
 *	miniport (a stand-alone engine has none: it sends and receives on
 *	its signalling VC, see condis_sig_attach(), and activates through
 *	condis)
 * @xmit: send a signalling message (@skb holds it, from struct
 *	condis_wire_sig on, with LL_MAX_HEADER headroom) to the station
 *	@dst. Takes @skb. Process context.
 * @program: program the data path of @vc (the MCM activates its own VCs);
 *	@media NULL: stop it. Process context.
 */
struct condis_sig_transport {
	int (*xmit)(void *ctx, const u8 *dst, struct sk_buff *skb);
	int (*program)(void *ctx, struct condis_vc *vc,
		       const struct condis_eth_media *media);
};

struct condis_sig *condis_sig_create(const char *name, const u8 *mac, bool integrated,
				     const struct condis_sig_transport *tp, void *ctx);
void condis_sig_destroy(struct condis_sig *sig);
void condis_sig_rx(struct condis_sig *sig, const u8 *src, struct sk_buff *skb);
void condis_sig_shutdown(struct condis_sig *sig);
void condis_sig_set_max_sdu(struct condis_sig *sig, u32 max_sdu);
void condis_sig_set_adapter(struct condis_sig *sig, struct condis_adapter *adapter);
int condis_sig_attach(struct condis_sig *sig, struct condis_cm *cm);
void condis_sig_detach(struct condis_sig *sig);

/* The CM handlers; the cm_ctx of the registration is the engine. */
extern const struct condis_cm_ops condis_sig_cm_ops;

const char *condis_msg_name(unsigned int type);

#endif /* _NET_CONDIS_SIG_H */
