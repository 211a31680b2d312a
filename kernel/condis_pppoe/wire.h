/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_pppoe: the PPPoE wire format (RFC 2516; PPP-Max-Payload from
 * RFC 4638). Discovery packets are parsed into struct pppoe_disc, which
 * points into the packet, and built with struct pppoe_build; session
 * headers are checked by pppoe_session_parse(). The codes and tag types
 * are <linux/if_pppox.h>'s, in host order here (that header's struct
 * pppoe_hdr ends in an array of flexible structures, which sparse refuses).
 */
#ifndef _CONDIS_PPPOE_WIRE_H
#define _CONDIS_PPPOE_WIRE_H

#include <linux/types.h>

/* The codes (RFC 2516, 5); 0 is a session packet's. */
enum pppoe_code {
	PPPOE_SESSION = 0x00,
	PPPOE_PADO = 0x07,
	PPPOE_PADI = 0x09,
	PPPOE_PADR = 0x19,
	PPPOE_PADS = 0x65,
	PPPOE_PADT = 0xa7,
};

/* The tag types (RFC 2516, Appendix A; PPP-Max-Payload: RFC 4638). */
enum pppoe_tag_type {
	PPPOE_TAG_EOL = 0x0000,
	PPPOE_TAG_SERVICE = 0x0101,
	PPPOE_TAG_AC_NAME = 0x0102,
	PPPOE_TAG_HOST_UNIQ = 0x0103,
	PPPOE_TAG_COOKIE = 0x0104,
	PPPOE_TAG_VENDOR = 0x0105,
	PPPOE_TAG_RELAY_SID = 0x0110,
	PPPOE_TAG_MAX_PAYLOAD = 0x0120,
	PPPOE_TAG_SERVICE_ERROR = 0x0201,
	PPPOE_TAG_AC_ERROR = 0x0202,
	PPPOE_TAG_GENERIC_ERROR = 0x0203,
};

/**
 * struct pppoe_hdr_wire - the PPPoE header
 * @ver_type: version and type, 1 and 1 (0x11)
 * @code: enum pppoe_code
 * @sid: the session id
 * @length: the bytes after the header (tags, or the PPP frame)
 */
struct pppoe_hdr_wire {
	u8 ver_type;
	u8 code;
	__be16 sid;
	__be16 length;
} __packed;

#define PPPOE_VER_TYPE		0x11
#define PPPOE_HDR_LEN		sizeof(struct pppoe_hdr_wire)
#define PPPOE_TAG_HDR_LEN	4
/* RFC 2516: a PADI leaves a relay room for its Relay-Session-Id */
#define PPPOE_PADI_MAX		1484
#define PPPOE_RELAY_SID_MAX	12
/* the session id no session may have (RFC 2516, 4) */
#define PPPOE_SID_RESERVED	0xffff
/* the PPP payload of a session without RFC 4638 (RFC 2516's largest MRU) */
#define PPPOE_MRU		1492
/* the PPP protocol field, in front of every payload a session carries */
#define PPPOE_PROTO_LEN		2

/**
 * struct pppoe_val - a tag's value, within the packet it was parsed from
 * @data: its first byte (NULL: the tag is not there)
 * @len: its length
 */
struct pppoe_val {
	const u8 *data;
	u16 len;
};

/**
 * struct pppoe_disc - a discovery packet, as pppoe_disc_parse() found it
 * @code: PPPOE_PADI, PPPOE_PADO, PPPOE_PADR, PPPOE_PADS or PPPOE_PADT
 * @sid: the session id (host order)
 * @tags: the tag list (up to an End-Of-List tag, the padding left out)
 * @tags_len: its length
 * @services: how many Service-Name tags it has
 * @service: the first Service-Name
 * @ac_name: AC-Name
 * @host_uniq: Host-Uniq
 * @cookie: AC-Cookie
 * @relay_sid: Relay-Session-Id
 * @error: the first error tag's text (Service-Name-Error, AC-System-Error
 *	or Generic-Error)
 * @error_tag: that tag's type (0: none)
 * @max_payload: PPP-Max-Payload (0: none)
 *
 * Every tag but Service-Name is there once at most; unknown tags and
 * Vendor-Specific ones are skipped (RFC 2516, Appendix A).
 */
struct pppoe_disc {
	u8 code;
	u16 sid;
	const u8 *tags;
	u16 tags_len;
	unsigned int services;
	struct pppoe_val service;
	struct pppoe_val ac_name;
	struct pppoe_val host_uniq;
	struct pppoe_val cookie;
	struct pppoe_val relay_sid;
	struct pppoe_val error;
	u16 error_tag;
	u16 max_payload;
};

int pppoe_disc_parse(const void *buf, unsigned int len, struct pppoe_disc *d);
bool pppoe_disc_offers(const struct pppoe_disc *d, const void *service, unsigned int len);
int pppoe_session_parse(const void *buf, unsigned int len, u16 *sid);
u16 pppoe_payload_agreed(unsigned int link, u16 peer);

/**
 * struct pppoe_build - a discovery packet being built in a caller's buffer
 * @buf: the buffer
 * @room: its size
 * @len: what is written so far
 * @overflow: a tag did not fit (pppoe_build_end() fails)
 */
struct pppoe_build {
	u8 *buf;
	unsigned int room;
	unsigned int len;
	bool overflow;
};

void pppoe_build_start(struct pppoe_build *b, void *buf, unsigned int room, u8 code, u16 sid);
void pppoe_build_tag(struct pppoe_build *b, u16 type, const void *data, unsigned int len);
void pppoe_build_val(struct pppoe_build *b, u16 type, const struct pppoe_val *v);
void pppoe_build_u16(struct pppoe_build *b, u16 type, u16 val);
int pppoe_build_end(struct pppoe_build *b);

#endif /* _CONDIS_PPPOE_WIRE_H */
