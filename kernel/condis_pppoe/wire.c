// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: the PPPoE wire format (RFC 2516, RFC 4638). Everything
 * here reads bytes a station on the segment chose: each length is checked
 * against the bytes there before it is used, and a packet that breaks a
 * rule of RFC 2516 the discovery engine relies on is refused whole.
 */
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include "wire.h"

/* Big-endian 16-bit fields at any alignment (tags follow each other unpadded). */
static u16 pppoe_get16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static void pppoe_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v;
}

/*
 * The next tag of [*pos, end): its type and value in @type and @v, *pos
 * moved past it. 0 at the end of the list (no bytes left, or End-Of-List),
 * 1 for a tag, -EINVAL for a tag that does not fit or a list that ends
 * inside a tag header.
 */
static int pppoe_next_tag(const u8 **pos, const u8 *end, u16 *type, struct pppoe_val *v)
{
	unsigned int left = end - *pos, tlen;

	if (!left)
		return 0;
	if (left < PPPOE_TAG_HDR_LEN)
		return -EINVAL;
	*type = pppoe_get16(*pos);
	tlen = pppoe_get16(*pos + 2);
	if (tlen > left - PPPOE_TAG_HDR_LEN)
		return -EINVAL;
	if (*type == PPPOE_TAG_EOL)
		return tlen ? -EINVAL : 0;
	v->data = *pos + PPPOE_TAG_HDR_LEN;
	v->len = tlen;
	*pos += PPPOE_TAG_HDR_LEN + tlen;
	return 1;
}

/* A tag RFC 2516 allows once: a second one is a malformed packet. */
static int pppoe_once(struct pppoe_val *slot, const struct pppoe_val *v)
{
	if (slot->data)
		return -EINVAL;
	*slot = *v;
	return 0;
}

static int pppoe_disc_tag(struct pppoe_disc *d, u16 type, const struct pppoe_val *v)
{
	switch (type) {
	case PPPOE_TAG_SERVICE:
		if (!d->services++)
			d->service = *v;
		return 0;
	case PPPOE_TAG_AC_NAME:
		return pppoe_once(&d->ac_name, v);
	case PPPOE_TAG_HOST_UNIQ:
		return pppoe_once(&d->host_uniq, v);
	case PPPOE_TAG_COOKIE:
		return pppoe_once(&d->cookie, v);
	case PPPOE_TAG_RELAY_SID:
		if (v->len > PPPOE_RELAY_SID_MAX)
			return -EINVAL;
		return pppoe_once(&d->relay_sid, v);
	case PPPOE_TAG_MAX_PAYLOAD:
		if (v->len != 2 || d->max_payload)
			return -EINVAL;
		d->max_payload = pppoe_get16(v->data);
		return d->max_payload ? 0 : -EINVAL;
	case PPPOE_TAG_SERVICE_ERROR:
	case PPPOE_TAG_AC_ERROR:
	case PPPOE_TAG_GENERIC_ERROR:
		if (!d->error_tag) {
			d->error_tag = type;
			d->error = *v;
		}
		return 0;
	default:	/* Vendor-Specific and unknown tags: ignored */
		return 0;
	}
}

/* What each code must carry (RFC 2516, 5.1 to 5.5). */
static int pppoe_disc_check(const struct pppoe_disc *d)
{
	switch (d->code) {
	case PPPOE_PADI:
	case PPPOE_PADR:
		return !d->sid && d->services == 1 ? 0 : -EINVAL;
	case PPPOE_PADO:
		return !d->sid && d->services && d->ac_name.data ? 0 : -EINVAL;
	case PPPOE_PADS:
		if (d->services > 1)
			return -EINVAL;
		/* a refusal has session id 0 and says why */
		return d->sid || d->error_tag ? 0 : -EINVAL;
	case PPPOE_PADT:
		return d->sid ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

/**
 * pppoe_disc_parse - check a discovery packet and find its tags
 * @buf: the packet from its PPPoE header on (the Ethernet payload)
 * @len: the bytes there; what follows the PPPoE length is padding
 * @d: filled with what the packet says; its values point into @buf
 *
 * Return: 0, or -EINVAL for a packet that is not PPPoE version 1 type 1,
 * has no discovery code, claims more bytes than there are, has a tag that
 * does not fit or is there twice, or lacks what RFC 2516 says its code
 * carries (or has a session id its code may not have).
 */
int pppoe_disc_parse(const void *buf, unsigned int len, struct pppoe_disc *d)
{
	const struct pppoe_hdr_wire *h = buf;
	const u8 *pos, *end;
	struct pppoe_val v;
	u16 type;
	int ret;

	memset(d, 0, sizeof(*d));
	if (len < PPPOE_HDR_LEN || h->ver_type != PPPOE_VER_TYPE)
		return -EINVAL;
	if (be16_to_cpu(h->length) > len - PPPOE_HDR_LEN)
		return -EINVAL;
	d->code = h->code;
	d->sid = be16_to_cpu(h->sid);
	if (d->sid == PPPOE_SID_RESERVED)
		return -EINVAL;
	pos = (const u8 *)(h + 1);
	end = pos + be16_to_cpu(h->length);
	d->tags = pos;
	while ((ret = pppoe_next_tag(&pos, end, &type, &v)) > 0) {
		ret = pppoe_disc_tag(d, type, &v);
		if (ret)
			return ret;
	}
	if (ret)
		return ret;
	d->tags_len = pos - d->tags;
	return pppoe_disc_check(d);
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_disc_parse);

/**
 * pppoe_disc_offers - whether a parsed packet names a service
 * @d: the packet, as pppoe_disc_parse() found it
 * @service: the service name (not terminated)
 * @len: its length (0: the empty name, which stands for any service)
 *
 * Return: true if one of its Service-Name tags is @service, byte for byte.
 */
bool pppoe_disc_offers(const struct pppoe_disc *d, const void *service, unsigned int len)
{
	const u8 *pos = d->tags, *end = d->tags + d->tags_len;
	struct pppoe_val v;
	u16 type;

	while (pppoe_next_tag(&pos, end, &type, &v) > 0)
		if (type == PPPOE_TAG_SERVICE && v.len == len && !memcmp(v.data, service, len))
			return true;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_disc_offers);

/**
 * pppoe_session_parse - check a session packet's PPPoE header
 * @buf: the packet from its PPPoE header on (the Ethernet payload)
 * @len: the bytes there
 * @sid: set to its session id (host order)
 *
 * Return: the length of the PPP frame that follows the header (the
 * Ethernet padding after it left out), or -EINVAL for a header that is not
 * version 1 type 1 code 0, has a session id no session can have, or claims
 * more bytes than there are.
 */
int pppoe_session_parse(const void *buf, unsigned int len, u16 *sid)
{
	const struct pppoe_hdr_wire *h = buf;
	unsigned int plen;

	if (len < PPPOE_HDR_LEN || h->ver_type != PPPOE_VER_TYPE || h->code)
		return -EINVAL;
	*sid = be16_to_cpu(h->sid);
	plen = be16_to_cpu(h->length);
	if (!*sid || *sid == PPPOE_SID_RESERVED || plen > len - PPPOE_HDR_LEN)
		return -EINVAL;
	return plen;
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_session_parse);

/**
 * pppoe_payload_agreed - the PPP payload a session carries (RFC 4638)
 * @link: the most the link carries: its MTU less PPPoE's 8 bytes
 * @peer: the peer's PPP-Max-Payload (0: it sent none)
 *
 * RFC 2516's 1492 (less on a smaller link) unless the peer asked for more
 * with PPP-Max-Payload: then the lesser of what it asked and the link.
 * Return: the payload, the PPP protocol field not counted.
 */
u16 pppoe_payload_agreed(unsigned int link, u16 peer)
{
	unsigned int max = peer > PPPOE_MRU ? peer : PPPOE_MRU;

	return min3(max, link, (unsigned int)U16_MAX - PPPOE_PROTO_LEN);
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_payload_agreed);

/**
 * pppoe_build_start - start a discovery packet
 * @b: the packet being built
 * @buf: where (the Ethernet payload)
 * @room: its size
 * @code: the discovery code
 * @sid: the session id (host order)
 */
void pppoe_build_start(struct pppoe_build *b, void *buf, unsigned int room, u8 code, u16 sid)
{
	struct pppoe_hdr_wire *h = buf;

	b->buf = buf;
	b->room = room;
	b->len = PPPOE_HDR_LEN;
	b->overflow = room < PPPOE_HDR_LEN;
	if (b->overflow)
		return;
	h->ver_type = PPPOE_VER_TYPE;
	h->code = code;
	h->sid = cpu_to_be16(sid);
	h->length = 0;
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_build_start);

/**
 * pppoe_build_tag - add a tag
 * @b: the packet being built
 * @type: enum pppoe_tag_type
 * @data: its value
 * @len: the value's length
 */
void pppoe_build_tag(struct pppoe_build *b, u16 type, const void *data, unsigned int len)
{
	u8 *p;

	if (b->overflow || len > U16_MAX || len > b->room - b->len ||
	    b->room - b->len - len < PPPOE_TAG_HDR_LEN) {
		b->overflow = true;
		return;
	}
	p = b->buf + b->len;
	pppoe_put16(p, type);
	pppoe_put16(p + 2, len);
	if (len)
		memcpy(p + PPPOE_TAG_HDR_LEN, data, len);
	b->len += PPPOE_TAG_HDR_LEN + len;
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_build_tag);

/**
 * pppoe_build_val - add a tag with a value taken from a parsed packet
 * @b: the packet being built
 * @type: enum pppoe_tag_type
 * @v: the value; nothing is added if it was not there (the echo of a
 *	Host-Uniq, an AC-Cookie or a Relay-Session-Id the peer did not send)
 */
void pppoe_build_val(struct pppoe_build *b, u16 type, const struct pppoe_val *v)
{
	if (v->data)
		pppoe_build_tag(b, type, v->data, v->len);
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_build_val);

/**
 * pppoe_build_u16 - add a tag with a 16-bit value (PPP-Max-Payload)
 * @b: the packet being built
 * @type: enum pppoe_tag_type
 * @val: the value, sent in network order
 */
void pppoe_build_u16(struct pppoe_build *b, u16 type, u16 val)
{
	__be16 v = cpu_to_be16(val);

	pppoe_build_tag(b, type, &v, sizeof(v));
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_build_u16);

/**
 * pppoe_build_end - finish a discovery packet
 * @b: the packet being built
 *
 * Return: its length (PPPoE header and tags), or -EMSGSIZE if a tag did
 * not fit or it is a PADI longer than RFC 2516 allows.
 */
int pppoe_build_end(struct pppoe_build *b)
{
	struct pppoe_hdr_wire *h = (struct pppoe_hdr_wire *)b->buf;

	if (b->overflow || (h->code == PPPOE_PADI && b->len > PPPOE_PADI_MAX))
		return -EMSGSIZE;
	h->length = cpu_to_be16(b->len - PPPOE_HDR_LEN);
	return b->len;
}
EXPORT_SYMBOL_IF_KUNIT(pppoe_build_end);
