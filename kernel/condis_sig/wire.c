// SPDX-License-Identifier: GPL-2.0
/*
 * condis_sig: signalling messages to and from their wire format
 * (Documentation/condis/signalling.rst).
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <kunit/visibility.h>
#include "wire.h"

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

/* Messages that carry the sender's VC label and data token. */
static bool msg_has_label(u8 type)
{
	switch (type) {
	case CONDIS_MSG_SETUP:
	case CONDIS_MSG_CONNECT:
	case CONDIS_MSG_ADD_PARTY:
	case CONDIS_MSG_ADD_PARTY_ACK:
		return true;
	}
	return false;
}

/* The call parameter flags a peer may send. */
#define SIG_WIRE_CALL_FLAGS	(CONDIS_CALL_PERMANENT_VC | CONDIS_CALL_PARAMETERS_CHANGED | \
				 CONDIS_CALL_QUERY_PARAMETERS | CONDIS_CALL_BROADCAST_VC | \
				 CONDIS_CALL_MULTIPOINT_VC)

/**
 * sig_msg_build - a signalling message, ready for the transport
 * @type: enum condis_msg
 * @flags: CONDIS_WF_*
 * @ids: reference, tokens, label
 * @cause: condis status (release, reject, status)
 * @state: the sender's call state (status)
 * @cp: parameters (types that carry them; NULL: zeroes)
 * @sap: called SAP (setup, add party)
 *
 * Return: the skb (LL_MAX_HEADER and a station's address of headroom),
 * or NULL without memory.
 */
struct sk_buff *sig_msg_build(u8 type, u16 flags, const struct sig_ids *ids,
			      int cause, u8 state, const struct condis_call_params *cp,
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
	m->hdr.ref = htonl(ids->ref);
	m->hdr.token = htonl(ids->token);
	m->cause = htonl(cause ? condis_status_to_ndis(cause) : 0);
	m->call_token = htonl(ids->call_token);
	if (msg_has_label(type)) {
		m->label = htonl(ids->label);
		m->data_token = htonl(ids->data_token);
	}
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
EXPORT_SYMBOL_IF_KUNIT(sig_msg_build);

/**
 * sig_msg_check - the checks a received message passes before it is queued
 * @skb: the frame, from struct condis_wire_sig on (may be non-linear)
 *
 * Context: any.
 * Return: 0, or -EPROTO: not a signalling message of this version.
 */
int sig_msg_check(const struct sk_buff *skb)
{
	struct condis_wire_hdr buf;
	const struct condis_wire_hdr *h;

	if (skb->len < sizeof(struct condis_wire_sig))
		return -EPROTO;
	h = skb_header_pointer(skb, 0, sizeof(buf), &buf);
	if (!h || h->version != CONDIS_WIRE_VERSION || h->type == CONDIS_MSG_DATA ||
	    h->type >= __CONDIS_MSG_MAX)
		return -EPROTO;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sig_msg_check);

/**
 * sig_msg_parse - check a received signalling message and decode it
 * @skb: the frame, from struct condis_wire_sig on (linearised here)
 * @msg: the fixed part, in @skb
 * @cp: the parameters, allocated, for types that carry them (else NULL)
 * @sap: the called SAP (setup, add party)
 *
 * Every field the engine uses is checked here: the version and type, the
 * sender's call token, label and data token where the type carries them,
 * the state, the SAP's length and the parameter flags. The cause is mapped
 * by sig_msg_cause().
 *
 * Return: 0, -EPROTO for a malformed message, -ENOMEM.
 */
int sig_msg_parse(struct sk_buff *skb, struct condis_wire_sig **msg,
		  struct condis_call_params **cp, struct condis_sap_desc *sap)
{
	struct condis_wire_sig *m;
	u8 type;

	*cp = NULL;
	if (sig_msg_check(skb) || skb_linearize(skb))
		return -EPROTO;
	m = (struct condis_wire_sig *)skb->data;
	type = m->hdr.type;
	if (!m->call_token || m->state > LEG_GONE)
		return -EPROTO;
	if (msg_has_label(type) && (!m->label || !m->data_token))
		return -EPROTO;
	if (msg_has_sap(type)) {
		if (!m->sap_len || m->sap_len > sizeof(sap->sap) ||
		    skb->len < sizeof(*m) + m->sap_len)
			return -EPROTO;
		sap->sap_type = ntohs(m->sap_type);
		sap->len = m->sap_len;
		memcpy(sap->sap, skb->data + sizeof(*m), m->sap_len);
	}
	if (msg_has_params(type)) {
		if (ntohl(m->params.flags) & ~SIG_WIRE_CALL_FLAGS)
			return -EPROTO;
		*cp = condis_call_params_alloc(0, 0, GFP_KERNEL_ACCOUNT);
		if (!*cp)
			return -ENOMEM;
		(*cp)->flags = ntohl(m->params.flags);
		flowspec_get(&(*cp)->tx, m->params.tx);
		flowspec_get(&(*cp)->rx, m->params.rx);
	}
	*msg = m;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sig_msg_parse);

/**
 * sig_msg_cause - the condis status a message's cause stands for
 * @m: a parsed message
 *
 * The closed set the engine hands on: 0 (no cause), or a negative errno.
 * A cause condis does not know, or one that is not a failure (success or
 * pending as the cause of a release), is -EPROTO.
 *
 * Return: 0 or a negative errno.
 */
int sig_msg_cause(const struct condis_wire_sig *m)
{
	int cause;

	if (!m->cause)
		return 0;
	cause = condis_status_from_ndis(ntohl(m->cause));
	return cause < 0 ? cause : -EPROTO;
}
EXPORT_SYMBOL_IF_KUNIT(sig_msg_cause);
