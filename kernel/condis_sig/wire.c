// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: signalling messages to and from their wire format
 * (Documentation/condis/signalling.rst).
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include "sig.h"

static const char * const msg_names[__CONDIS_MSG_MAX] = {
	[CONDIS_MSG_DATA] = "data",
	[CONDIS_MSG_SETUP] = "setup",
	[CONDIS_MSG_CONNECT] = "connect",
	[CONDIS_MSG_CONNECT_ACK] = "connect-ack",
	[CONDIS_MSG_RELEASE] = "release",
	[CONDIS_MSG_RELEASE_COMPLETE] = "release-complete",
	[CONDIS_MSG_ADD_PARTY] = "add-party",
	[CONDIS_MSG_ADD_PARTY_ACK] = "add-party-ack",
	[CONDIS_MSG_ADD_PARTY_REJECT] = "add-party-reject",
	[CONDIS_MSG_DROP_PARTY] = "drop-party",
	[CONDIS_MSG_DROP_PARTY_ACK] = "drop-party-ack",
	[CONDIS_MSG_MODIFY] = "modify",
	[CONDIS_MSG_MODIFY_ACK] = "modify-ack",
	[CONDIS_MSG_MODIFY_REJECT] = "modify-reject",
	[CONDIS_MSG_STATUS] = "status",
	[CONDIS_MSG_CALL_PROCEEDING] = "call-proceeding",
};

/**
 * condis_msg_name - the name of a message type
 * @type: enum condis_msg
 *
 * Return: a static string ("unknown" for a type out of range).
 */
const char *condis_msg_name(unsigned int type)
{
	return type < __CONDIS_MSG_MAX ? msg_names[type] : "unknown";
}
EXPORT_SYMBOL_GPL(condis_msg_name);

static void flowspec_put(__be32 *w, const struct condis_flowspec *f)
{
	w[0] = htonl(f->token_rate);
	w[1] = htonl(f->token_bucket_size);
	w[2] = htonl(f->peak_bandwidth);
	w[3] = htonl(f->latency);
	w[4] = htonl(f->delay_variation);
	w[5] = htonl(f->service_type);
	w[6] = htonl(f->max_sdu_size);
	w[7] = htonl(f->minimum_policed_size);
}

static void flowspec_get(struct condis_flowspec *f, const __be32 *w)
{
	f->token_rate = ntohl(w[0]);
	f->token_bucket_size = ntohl(w[1]);
	f->peak_bandwidth = ntohl(w[2]);
	f->latency = ntohl(w[3]);
	f->delay_variation = ntohl(w[4]);
	f->service_type = ntohl(w[5]);
	f->max_sdu_size = ntohl(w[6]);
	f->minimum_policed_size = ntohl(w[7]);
}

/* Messages whose @params field means something. */
static bool msg_has_params(u8 type)
{
	switch (type) {
	case CONDIS_MSG_SETUP:
	case CONDIS_MSG_CONNECT:
	case CONDIS_MSG_ADD_PARTY:
	case CONDIS_MSG_ADD_PARTY_ACK:
	case CONDIS_MSG_MODIFY:
	case CONDIS_MSG_MODIFY_ACK:
		return true;
	}
	return false;
}

static bool msg_has_sap(u8 type)
{
	return type == CONDIS_MSG_SETUP || type == CONDIS_MSG_ADD_PARTY;
}

/**
 * sig_msg_build - a signalling message, ready for the transport
 * @sig: the engine (headroom)
 * @type: enum condis_msg
 * @flags: CONDIS_WF_*
 * @ref: call reference
 * @cause: condis status (release, reject, status)
 * @label: the sender's VC label (setup, connect, add party and its ack)
 * @state: the sender's call state (status)
 * @cp: parameters (types that carry them; NULL: zeroes)
 * @sap: called SAP (setup, add party)
 *
 * Return: the skb, or NULL without memory.
 */
struct sk_buff *sig_msg_build(struct condis_sig *sig, u8 type, u16 flags, u32 ref,
			      int cause, u32 label, u8 state,
			      const struct condis_call_params *cp,
			      const struct condis_sap_desc *sap)
{
	unsigned int saplen = msg_has_sap(type) && sap ? sap->len : 0;
	unsigned int hr = LL_MAX_HEADER + ETH_ALEN;	/* stand-alone: + the station */
	struct condis_wire_sig *m;
	struct sk_buff *skb;

	skb = alloc_skb(hr + sizeof(*m) + saplen, GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, hr);
	m = skb_put_zero(skb, sizeof(*m));
	m->hdr.version = CONDIS_WIRE_VERSION;
	m->hdr.type = type;
	m->hdr.flags = htons(flags);
	m->hdr.ref = htonl(ref);
	m->cause = htonl(cause ? condis_status_to_ndis(cause) : 0);
	m->label = htonl(label);
	m->state = state;
	if (cp && msg_has_params(type)) {
		m->params.flags = htonl(cp->flags);
		flowspec_put(m->params.tx, &cp->tx);
		flowspec_put(m->params.rx, &cp->rx);
	}
	if (saplen) {
		m->sap_len = saplen;
		m->sap_type = htons(sap->sap_type);
		skb_put_data(skb, sap->sap, saplen);
	}
	return skb;
}

/**
 * sig_msg_parse - check a received signalling message and decode it
 * @skb: the frame, from struct condis_wire_sig on (linearised here)
 * @msg: the fixed part, in @skb
 * @cp: the parameters, allocated, for types that carry them (else NULL)
 * @sap: the called SAP (setup, add party)
 *
 * Return: 0, -EPROTO for a malformed message, -ENOMEM.
 */
int sig_msg_parse(struct sk_buff *skb, struct condis_wire_sig **msg,
		  struct condis_call_params **cp, struct condis_sap_desc *sap)
{
	struct condis_wire_sig *m;

	*cp = NULL;
	if (skb_linearize(skb) || skb->len < sizeof(*m))
		return -EPROTO;
	m = (struct condis_wire_sig *)skb->data;
	if (m->hdr.version != CONDIS_WIRE_VERSION || m->hdr.type == CONDIS_MSG_DATA ||
	    m->hdr.type >= __CONDIS_MSG_MAX)
		return -EPROTO;
	if (msg_has_sap(m->hdr.type)) {
		if (!m->sap_len || m->sap_len > sizeof(sap->sap) ||
		    skb->len < sizeof(*m) + m->sap_len)
			return -EPROTO;
		sap->sap_type = ntohs(m->sap_type);
		sap->len = m->sap_len;
		memcpy(sap->sap, skb->data + sizeof(*m), m->sap_len);
	}
	if (msg_has_params(m->hdr.type)) {
		*cp = condis_call_params_alloc(0, 0, GFP_KERNEL);
		if (!*cp)
			return -ENOMEM;
		(*cp)->flags = ntohl(m->params.flags);
		flowspec_get(&(*cp)->tx, m->params.tx);
		flowspec_get(&(*cp)->rx, m->params.rx);
	}
	*msg = m;
	return 0;
}
