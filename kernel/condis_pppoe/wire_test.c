// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the PPPoE wire format (wire.c) and the AC-Cookie (cookie.c)
 * against what a station on the segment may send: each discovery code
 * built and parsed back, each rule of RFC 2516 broken in turn, every
 * truncation, padding, random mutations of a valid packet (in a buffer of
 * its exact size, so that KASAN sees a read past it), the builder's
 * limits, session headers, and cookies replayed, forged and aged.
 */
#include <kunit/test.h>
#include <linux/if_ether.h>
#include <linux/random.h>
#include <linux/slab.h>
#include "cookie.h"
#include "wire.h"

#define SVC	"internet"
#define AC	"condis-ac"

static const u8 host_uniq[] = { 0xde, 0xad, 0xbe, 0xef };
static const u8 relay[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
static const u8 cookie[PPPOE_COOKIE_LEN] = { 0xc0, 0x0c, 0x1e };

/* A tag to add: type, value. */
struct tag {
	u16 type;
	const void *data;
	unsigned int len;
};

#define T(type, s)	{ type, s, sizeof(s) - 1 }
#define TB(type, b)	{ type, b, sizeof(b) }
/* (End-Of-List has type 0: the list ends with an impossible length) */
#define TAGS(...)	((const struct tag[]){ __VA_ARGS__, { .len = UINT_MAX } })

/* @code with @tags in a KUnit-managed buffer of its exact length. */
static u8 *pkt(struct kunit *test, u8 code, u16 sid, const struct tag *tags, int *len)
{
	struct pppoe_build b;
	u8 *tmp, *p;

	tmp = kunit_kmalloc(test, 1600, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tmp);
	pppoe_build_start(&b, tmp, 1600, code, sid);
	for (; tags && tags->len != UINT_MAX; tags++)
		pppoe_build_tag(&b, tags->type, tags->data, tags->len);
	*len = pppoe_build_end(&b);
	KUNIT_ASSERT_GT(test, *len, 0);
	p = kunit_kmalloc(test, *len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, tmp, *len);
	kunit_kfree(test, tmp);
	return p;
}

static bool val_is(const struct pppoe_val *v, const void *data, unsigned int len)
{
	return v->data && v->len == len && !memcmp(v->data, data, len);
}

static const u8 max_payload[] = { 0x05, 0xdc };	/* 1500 */

/* A PADO as an AC answers a PADI with a Host-Uniq through a relay. */
static u8 *pado(struct kunit *test, int *len)
{
	return pkt(test, PPPOE_PADO, 0,
		   TAGS(T(PPPOE_TAG_AC_NAME, AC), T(PPPOE_TAG_SERVICE, SVC), T(PPPOE_TAG_SERVICE, "voip"),
			T(PPPOE_TAG_SERVICE, ""), TB(PPPOE_TAG_COOKIE, cookie),
			TB(PPPOE_TAG_HOST_UNIQ, host_uniq), TB(PPPOE_TAG_RELAY_SID, relay),
			TB(PPPOE_TAG_MAX_PAYLOAD, max_payload)), len);
}

static void pppoe_roundtrip_every_code(struct kunit *test)
{
	struct pppoe_disc d;
	u8 *p;
	int len;

	p = pkt(test, PPPOE_PADI, 0, TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_HOST_UNIQ, host_uniq),
					 TB(PPPOE_TAG_MAX_PAYLOAD, max_payload)), &len);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	KUNIT_EXPECT_EQ(test, d.code, PPPOE_PADI);
	KUNIT_EXPECT_EQ(test, d.services, 1);
	KUNIT_EXPECT_TRUE(test, val_is(&d.service, SVC, strlen(SVC)));
	KUNIT_EXPECT_TRUE(test, val_is(&d.host_uniq, host_uniq, sizeof(host_uniq)));
	KUNIT_EXPECT_EQ(test, d.max_payload, 1500);
	KUNIT_EXPECT_NULL(test, d.cookie.data);

	p = pado(test, &len);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	KUNIT_EXPECT_EQ(test, d.code, PPPOE_PADO);
	KUNIT_EXPECT_EQ(test, d.sid, 0);
	KUNIT_EXPECT_TRUE(test, val_is(&d.ac_name, AC, strlen(AC)));
	KUNIT_EXPECT_EQ(test, d.services, 3);
	KUNIT_EXPECT_TRUE(test, val_is(&d.service, SVC, strlen(SVC)));
	KUNIT_EXPECT_TRUE(test, val_is(&d.cookie, cookie, sizeof(cookie)));
	KUNIT_EXPECT_TRUE(test, val_is(&d.relay_sid, relay, sizeof(relay)));
	KUNIT_EXPECT_TRUE(test, pppoe_disc_offers(&d, "voip", 4));
	KUNIT_EXPECT_TRUE(test, pppoe_disc_offers(&d, "", 0));
	KUNIT_EXPECT_FALSE(test, pppoe_disc_offers(&d, "voi", 3));
	KUNIT_EXPECT_FALSE(test, pppoe_disc_offers(&d, "video", 5));
	KUNIT_EXPECT_EQ(test, d.tags_len, len - PPPOE_HDR_LEN);

	p = pkt(test, PPPOE_PADR, 0, TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_COOKIE, cookie)), &len);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	KUNIT_EXPECT_EQ(test, d.code, PPPOE_PADR);
	KUNIT_EXPECT_TRUE(test, val_is(&d.cookie, cookie, sizeof(cookie)));

	p = pkt(test, PPPOE_PADS, 0x1234, TAGS(T(PPPOE_TAG_SERVICE, SVC)), &len);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	KUNIT_EXPECT_EQ(test, d.sid, 0x1234);
	KUNIT_EXPECT_FALSE(test, d.error_tag);

	/* a refusal: session id 0 and the reason */
	p = pkt(test, PPPOE_PADS, 0, TAGS(T(PPPOE_TAG_SERVICE, SVC), T(PPPOE_TAG_SERVICE_ERROR, "no such service"),
					 T(PPPOE_TAG_GENERIC_ERROR, "second")), &len);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	KUNIT_EXPECT_EQ(test, d.sid, 0);
	KUNIT_EXPECT_EQ(test, d.error_tag, PPPOE_TAG_SERVICE_ERROR);
	KUNIT_EXPECT_TRUE(test, val_is(&d.error, "no such service", 15));

	p = pkt(test, PPPOE_PADT, 0x1234, TAGS(T(PPPOE_TAG_GENERIC_ERROR, "bye")), &len);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	KUNIT_EXPECT_EQ(test, d.code, PPPOE_PADT);
	KUNIT_EXPECT_EQ(test, d.error_tag, PPPOE_TAG_GENERIC_ERROR);
}

/* Each one breaks one rule of RFC 2516 the discovery engine relies on. */
static const u8 relay13[13], mp3[3], mp0[2];
static const struct {
	const char *what;
	u8 code;
	u16 sid;
	const struct tag *tags;
} rule_breaks[] = {
	{ "PADI with a session id", PPPOE_PADI, 1, TAGS(T(PPPOE_TAG_SERVICE, SVC)) },
	{ "PADI without a service", PPPOE_PADI, 0, TAGS(TB(PPPOE_TAG_HOST_UNIQ, host_uniq)) },
	{ "PADI with two services", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), T(PPPOE_TAG_SERVICE, "voip")) },
	{ "PADO without an AC name", PPPOE_PADO, 0, TAGS(T(PPPOE_TAG_SERVICE, SVC)) },
	{ "PADO without a service", PPPOE_PADO, 0, TAGS(T(PPPOE_TAG_AC_NAME, AC)) },
	{ "PADO with a session id", PPPOE_PADO, 7,
	  TAGS(T(PPPOE_TAG_AC_NAME, AC), T(PPPOE_TAG_SERVICE, SVC)) },
	{ "PADO with two AC names", PPPOE_PADO, 0,
	  TAGS(T(PPPOE_TAG_AC_NAME, AC), T(PPPOE_TAG_AC_NAME, AC), T(PPPOE_TAG_SERVICE, SVC)) },
	{ "PADR with two services", PPPOE_PADR, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), T(PPPOE_TAG_SERVICE, SVC)) },
	{ "PADR with a session id", PPPOE_PADR, 3, TAGS(T(PPPOE_TAG_SERVICE, SVC)) },
	{ "PADS without a session or an error", PPPOE_PADS, 0, TAGS(T(PPPOE_TAG_SERVICE, SVC)) },
	{ "PADS with two services", PPPOE_PADS, 5,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), T(PPPOE_TAG_SERVICE, "voip")) },
	{ "PADT without a session", PPPOE_PADT, 0, TAGS(T(PPPOE_TAG_GENERIC_ERROR, "bye")) },
	{ "the reserved session id", PPPOE_PADT, PPPOE_SID_RESERVED, NULL },
	{ "no discovery code", 0x42, 0, TAGS(T(PPPOE_TAG_SERVICE, SVC)) },
	{ "the session code", 0, 0, TAGS(T(PPPOE_TAG_SERVICE, SVC)) },
	{ "two Host-Uniq", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_HOST_UNIQ, host_uniq), TB(PPPOE_TAG_HOST_UNIQ, host_uniq)) },
	{ "two cookies", PPPOE_PADR, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_COOKIE, cookie), TB(PPPOE_TAG_COOKIE, cookie)) },
	{ "two relay ids", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_RELAY_SID, relay), TB(PPPOE_TAG_RELAY_SID, relay)) },
	{ "a relay id over 12 bytes", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_RELAY_SID, relay13)) },
	{ "a 3-byte PPP-Max-Payload", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_MAX_PAYLOAD, mp3)) },
	{ "a PPP-Max-Payload of 0", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_MAX_PAYLOAD, mp0)) },
	{ "two PPP-Max-Payload", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_MAX_PAYLOAD, max_payload),
	       TB(PPPOE_TAG_MAX_PAYLOAD, max_payload)) },
	{ "an End-Of-List with a value", PPPOE_PADI, 0,
	  TAGS(T(PPPOE_TAG_SERVICE, SVC), TB(PPPOE_TAG_EOL, host_uniq)) },
};

static void pppoe_rejects_rule_breaks(struct kunit *test)
{
	struct pppoe_disc d;
	unsigned int i;
	int len;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(rule_breaks); i++) {
		p = pkt(test, rule_breaks[i].code, rule_breaks[i].sid, rule_breaks[i].tags, &len);
		KUNIT_EXPECT_EQ_MSG(test, pppoe_disc_parse(p, len, &d), -EINVAL, "%s", rule_breaks[i].what);
	}

	p = pado(test, &len);
	p[0] = 0x21;		/* version 2 */
	KUNIT_EXPECT_EQ(test, pppoe_disc_parse(p, len, &d), -EINVAL);
	p[0] = 0x12;		/* type 2 */
	KUNIT_EXPECT_EQ(test, pppoe_disc_parse(p, len, &d), -EINVAL);
	p[0] = 0x11;
	KUNIT_EXPECT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	p[5]++;			/* one byte more than there is */
	KUNIT_EXPECT_EQ(test, pppoe_disc_parse(p, len, &d), -EINVAL);
	p[5] -= 2;		/* the last tag one byte past the length */
	KUNIT_EXPECT_EQ(test, pppoe_disc_parse(p, len, &d), -EINVAL);
}

static void pppoe_rejects_every_truncation(struct kunit *test)
{
	struct pppoe_disc d;
	int len, n;
	u8 *p, *cut;

	p = pado(test, &len);
	for (n = 0; n < len; n++) {
		cut = kunit_kmalloc(test, n ?: 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, cut);
		memcpy(cut, p, n);
		KUNIT_EXPECT_EQ_MSG(test, pppoe_disc_parse(cut, n, &d), -EINVAL, "%d of %d bytes",
				    n, len);
		kunit_kfree(test, cut);
	}
}

/* Ethernet padding after the length; tags skipped or after End-Of-List. */
static void pppoe_padding_and_skipped_tags(struct kunit *test)
{
	static const u8 vendor[] = { 0, 0, 0x0d, 0xe9, 1, 2 };
	struct pppoe_disc d;
	int len;
	u8 *p, *padded;

	p = pkt(test, PPPOE_PADO, 0,
		TAGS(T(PPPOE_TAG_AC_NAME, AC), TB(PPPOE_TAG_VENDOR, vendor), T(0x0999, "new"),
		     T(PPPOE_TAG_SERVICE, SVC), { PPPOE_TAG_EOL, NULL, 0 }, T(PPPOE_TAG_SERVICE, "after the end")),
		&len);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(p, len, &d), 0);
	KUNIT_EXPECT_TRUE(test, val_is(&d.ac_name, AC, strlen(AC)));
	KUNIT_EXPECT_EQ(test, d.services, 1);
	KUNIT_EXPECT_FALSE(test, pppoe_disc_offers(&d, "after the end", 13));

	padded = kunit_kmalloc(test, len + 40, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, padded);
	memcpy(padded, p, len);
	memset(padded + len, 0xff, 40);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(padded, len + 40, &d), 0);
	KUNIT_EXPECT_PTR_EQ(test, d.tags, (const u8 *)padded + PPPOE_HDR_LEN);
	KUNIT_EXPECT_LT(test, (int)d.tags_len, len - (int)PPPOE_HDR_LEN);
}

/* Whatever a mutation makes of a PADO, what it finds lies inside it. */
static void pppoe_random_mutations(struct kunit *test)
{
	struct pppoe_disc d;
	const struct pppoe_val *vals[] = {
		&d.service, &d.ac_name, &d.host_uniq, &d.cookie, &d.relay_sid, &d.error,
	};
	unsigned int i, j, k, ok = 0;
	int len;
	u8 *p, *m;

	p = pado(test, &len);
	m = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	for (i = 0; i < 5000; i++) {
		memcpy(m, p, len);
		for (j = 1 + get_random_u32_below(4); j; j--)
			m[get_random_u32_below(len)] = get_random_u32();
		if (pppoe_disc_parse(m, len, &d))
			continue;
		ok++;
		KUNIT_EXPECT_LE(test, d.tags_len + PPPOE_HDR_LEN, (unsigned int)len);
		for (k = 0; k < ARRAY_SIZE(vals); k++)
			if (vals[k]->data)
				KUNIT_EXPECT_TRUE(test, vals[k]->data + vals[k]->len <= m + len);
		pppoe_disc_offers(&d, SVC, strlen(SVC));
	}
	/* most mutations hit a value, not a length: many still parse */
	KUNIT_EXPECT_GT(test, ok, 0);
}

static void pppoe_build_limits(struct kunit *test)
{
	u8 buf[PPPOE_PADI_MAX + 64], *big;
	struct pppoe_build b;
	unsigned int fill;

	big = kunit_kzalloc(test, U16_MAX + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);
	/* a PADI of exactly 1484 bytes, and one byte more */
	fill = PPPOE_PADI_MAX - PPPOE_HDR_LEN - 2 * PPPOE_TAG_HDR_LEN - strlen(SVC);
	pppoe_build_start(&b, buf, sizeof(buf), PPPOE_PADI, 0);
	pppoe_build_tag(&b, PPPOE_TAG_SERVICE, SVC, strlen(SVC));
	pppoe_build_tag(&b, PPPOE_TAG_HOST_UNIQ, big, fill);
	KUNIT_EXPECT_EQ(test, pppoe_build_end(&b), PPPOE_PADI_MAX);
	pppoe_build_start(&b, buf, sizeof(buf), PPPOE_PADI, 0);
	pppoe_build_tag(&b, PPPOE_TAG_SERVICE, SVC, strlen(SVC));
	pppoe_build_tag(&b, PPPOE_TAG_HOST_UNIQ, big, fill + 1);
	KUNIT_EXPECT_EQ(test, pppoe_build_end(&b), -EMSGSIZE);
	/* a PADO may be longer; not longer than the buffer */
	pppoe_build_start(&b, buf, sizeof(buf), PPPOE_PADO, 0);
	pppoe_build_tag(&b, PPPOE_TAG_SERVICE, SVC, strlen(SVC));
	pppoe_build_tag(&b, PPPOE_TAG_HOST_UNIQ, big, fill + 1);
	KUNIT_EXPECT_EQ(test, pppoe_build_end(&b), (int)(PPPOE_PADI_MAX + 1));
	pppoe_build_tag(&b, PPPOE_TAG_HOST_UNIQ, big, sizeof(buf) - b.len - PPPOE_TAG_HDR_LEN + 1);
	KUNIT_EXPECT_EQ(test, pppoe_build_end(&b), -EMSGSIZE);
	/* no value over 16 bits, even where the room is there */
	pppoe_build_start(&b, big, U16_MAX + 1, PPPOE_PADT, 1);
	pppoe_build_tag(&b, PPPOE_TAG_GENERIC_ERROR, big, U16_MAX + 1);
	KUNIT_EXPECT_EQ(test, pppoe_build_end(&b), -EMSGSIZE);
	pppoe_build_start(&b, buf, PPPOE_HDR_LEN - 1, PPPOE_PADT, 1);
	KUNIT_EXPECT_EQ(test, pppoe_build_end(&b), -EMSGSIZE);
	/* echoes add only what the peer sent */
	pppoe_build_start(&b, buf, sizeof(buf), PPPOE_PADT, 1);
	pppoe_build_val(&b, PPPOE_TAG_HOST_UNIQ, &(struct pppoe_val){ NULL, 0 });
	KUNIT_EXPECT_EQ(test, pppoe_build_end(&b), (int)PPPOE_HDR_LEN);
}

/*
 * RFC 4638: 1492 unless the peer asks for more and the link carries it;
 * then the lesser; PPP-Max-Payload goes out in network order.
 */
static void pppoe_max_payload_agreed(struct kunit *test)
{
	struct pppoe_build b;
	struct pppoe_disc d;
	u8 buf[64];
	int len;

	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(1492, 0), 1492);
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(1500, 0), 1492);	/* asked for none */
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(1400, 0), 1400);	/* a smaller link */
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(1400, 1500), 1400);
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(1500, 1480), 1492);	/* less than 1492 */
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(1500, 1500), 1500);
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(1500, 9000), 1500);	/* the link's */
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(8992, 1500), 1500);	/* the peer's */
	KUNIT_EXPECT_EQ(test, pppoe_payload_agreed(65536, 65535), 65535 - PPPOE_PROTO_LEN);

	pppoe_build_start(&b, buf, sizeof(buf), PPPOE_PADS, 7);
	pppoe_build_tag(&b, PPPOE_TAG_SERVICE, SVC, strlen(SVC));
	pppoe_build_u16(&b, PPPOE_TAG_MAX_PAYLOAD, 1500);
	len = pppoe_build_end(&b);
	KUNIT_ASSERT_GT(test, len, 0);
	KUNIT_EXPECT_EQ(test, buf[len - 2], 0x05);
	KUNIT_EXPECT_EQ(test, buf[len - 1], 0xdc);
	KUNIT_ASSERT_EQ(test, pppoe_disc_parse(buf, len, &d), 0);
	KUNIT_EXPECT_EQ(test, d.max_payload, 1500);
}

static void pppoe_session_header(struct kunit *test)
{
	u8 s[64] = { 0x11, 0x00, 0x12, 0x34, 0x00, 0x04, 0xc0, 0x21, 0x09, 0x01 };
	u16 sid;

	/* 4 bytes of PPP, then the padding of a minimum-size frame */
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, sizeof(s), &sid), 4);
	KUNIT_EXPECT_EQ(test, sid, 0x1234);
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, 10, &sid), 4);
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, 9, &sid), -EINVAL);
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, 5, &sid), -EINVAL);
	s[1] = PPPOE_PADT;
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, sizeof(s), &sid), -EINVAL);
	s[1] = 0;
	s[0] = 0x21;
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, sizeof(s), &sid), -EINVAL);
	s[0] = 0x11;
	s[2] = 0;
	s[3] = 0;
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, sizeof(s), &sid), -EINVAL);
	s[2] = 0xff;
	s[3] = 0xff;
	KUNIT_EXPECT_EQ(test, pppoe_session_parse(s, sizeof(s), &sid), -EINVAL);
}

static void pppoe_cookie_replay_forge_age(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
	static const u8 other[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 2 };
	u8 c[PPPOE_COOKIE_LEN];
	struct pppoe_val v = { c, sizeof(c) };
	siphash_key_t key, key2;
	unsigned int bit;
	u32 slot;

	get_random_bytes(&key, sizeof(key));
	get_random_bytes(&key2, sizeof(key2));
	pppoe_cookie_make(&key, 1000, mac, c);
	KUNIT_EXPECT_TRUE(test, pppoe_cookie_valid(&key, 1000, mac, &v));
	KUNIT_EXPECT_TRUE(test, pppoe_cookie_valid(&key, 1001, mac, &v));
	KUNIT_EXPECT_FALSE(test, pppoe_cookie_valid(&key, 1002, mac, &v));
	KUNIT_EXPECT_FALSE(test, pppoe_cookie_valid(&key, 999, mac, &v));
	KUNIT_EXPECT_FALSE(test, pppoe_cookie_valid(&key, 1000, other, &v));
	KUNIT_EXPECT_FALSE(test, pppoe_cookie_valid(&key2, 1000, mac, &v));
	for (bit = 0; bit < 8 * sizeof(c); bit++) {
		c[bit / 8] ^= BIT(bit % 8);
		KUNIT_EXPECT_FALSE_MSG(test, pppoe_cookie_valid(&key, 1000, mac, &v), "bit %u",
				       bit);
		c[bit / 8] ^= BIT(bit % 8);
	}
	v.len--;
	KUNIT_EXPECT_FALSE(test, pppoe_cookie_valid(&key, 1000, mac, &v));
	v.data = NULL;
	KUNIT_EXPECT_FALSE(test, pppoe_cookie_valid(&key, 1000, mac, &v));
	/* the slot a PADO would use now: boot time in 60 s units */
	bit = ktime_get_boottime_seconds() / PPPOE_COOKIE_SLOT_SECS;
	slot = pppoe_cookie_slot();
	KUNIT_EXPECT_GE(test, slot, (u32)bit);
	KUNIT_EXPECT_LE(test, slot, (u32)(ktime_get_boottime_seconds() / PPPOE_COOKIE_SLOT_SECS));
}

static struct kunit_case pppoe_wire_cases[] = {
	KUNIT_CASE(pppoe_roundtrip_every_code),
	KUNIT_CASE(pppoe_rejects_rule_breaks),
	KUNIT_CASE(pppoe_rejects_every_truncation),
	KUNIT_CASE(pppoe_padding_and_skipped_tags),
	KUNIT_CASE(pppoe_random_mutations),
	KUNIT_CASE(pppoe_build_limits),
	KUNIT_CASE(pppoe_session_header),
	KUNIT_CASE(pppoe_max_payload_agreed),
	KUNIT_CASE(pppoe_cookie_replay_forge_age),
	{}
};

static struct kunit_suite pppoe_wire_suite = {
	.name = "condis_pppoe_wire",
	.test_cases = pppoe_wire_cases,
};
kunit_test_suite(pppoe_wire_suite);

MODULE_DESCRIPTION("KUnit: condis_pppoe's wire format and AC-Cookie");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_LICENSE("GPL");
