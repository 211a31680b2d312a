// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the signalling parser (wire.c) against what a hostile station
 * sends: every message type built and parsed back, every field the engine
 * relies on made invalid in turn, every truncation, random mutations of
 * valid messages, and causes across the u32 range.
 */
#include <kunit/test.h>
#include <linux/random.h>
#include <linux/skbuff.h>
#include "wire.h"

#define NDIS_STATUS_PENDING	0x00000103

static const struct sig_ids test_ids = {
	.ref = 7, .token = 0x11111111, .call_token = 0x22222222,
	.label = 9, .data_token = 0x33333333,
};

static const struct condis_sap_desc test_sap = {
	.sap_type = 1, .len = 4, .sap = { 's', 'a', 'p', '1' },
};

/* A valid message of @type (a KUnit-managed free). */
static struct sk_buff *msg_of(struct kunit *test, u8 type)
{
	struct condis_call_params cp = { .flags = CONDIS_CALL_MULTIPOINT_VC };
	struct sk_buff *skb;

	cp.tx.max_sdu_size = 1000;
	cp.rx.peak_bandwidth = 12345;
	skb = sig_msg_build(type, CONDIS_WF_FROM_CALLER, &test_ids, -ENOENT, LEG_ACTIVE,
			    &cp, &test_sap);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	return skb;
}

static int parse(struct sk_buff *skb, struct condis_wire_sig **m, struct condis_sap_desc *sap)
{
	struct condis_call_params *cp;
	int ret = sig_msg_parse(skb, m, &cp, sap);

	condis_call_params_free(cp);
	return ret;
}

/* Every signalling type goes out and comes back with what it carries. */
static void wire_roundtrip_every_type(struct kunit *test)
{
	u8 type;

	for (type = CONDIS_MSG_SETUP; type < __CONDIS_MSG_MAX; type++) {
		struct condis_sap_desc sap = {};
		struct condis_call_params *cp;
		struct condis_wire_sig *m;
		struct sk_buff *skb = msg_of(test, type);
		bool params = type == CONDIS_MSG_SETUP || type == CONDIS_MSG_CONNECT ||
			      type == CONDIS_MSG_ADD_PARTY || type == CONDIS_MSG_ADD_PARTY_ACK ||
			      type == CONDIS_MSG_MODIFY || type == CONDIS_MSG_MODIFY_ACK;

		KUNIT_EXPECT_EQ_MSG(test, sig_msg_check(skb), 0, "type %u", type);
		KUNIT_ASSERT_EQ_MSG(test, sig_msg_parse(skb, &m, &cp, &sap), 0, "type %u", type);
		KUNIT_EXPECT_EQ(test, m->hdr.type, type);
		KUNIT_EXPECT_EQ(test, ntohl(m->hdr.ref), test_ids.ref);
		KUNIT_EXPECT_EQ(test, ntohl(m->hdr.token), test_ids.token);
		KUNIT_EXPECT_EQ(test, ntohl(m->call_token), test_ids.call_token);
		KUNIT_EXPECT_EQ(test, sig_msg_cause(m), -ENOENT);
		KUNIT_EXPECT_EQ(test, params, cp != NULL);
		if (cp) {
			KUNIT_EXPECT_EQ(test, cp->flags, CONDIS_CALL_MULTIPOINT_VC);
			KUNIT_EXPECT_EQ(test, cp->tx.max_sdu_size, 1000);
			KUNIT_EXPECT_EQ(test, cp->rx.peak_bandwidth, 12345);
		}
		if (type == CONDIS_MSG_SETUP || type == CONDIS_MSG_ADD_PARTY) {
			KUNIT_EXPECT_EQ(test, sap.len, test_sap.len);
			KUNIT_EXPECT_MEMEQ(test, sap.sap, test_sap.sap, test_sap.len);
		}
		if (type == CONDIS_MSG_SETUP || type == CONDIS_MSG_CONNECT) {
			KUNIT_EXPECT_EQ(test, ntohl(m->label), test_ids.label);
			KUNIT_EXPECT_EQ(test, ntohl(m->data_token), test_ids.data_token);
		}
		condis_call_params_free(cp);
		kfree_skb(skb);
	}
}

/* Each field the engine relies on, made invalid, makes the message malformed. */
static void wire_rejects_invalid_fields(struct kunit *test)
{
	struct condis_sap_desc sap;
	struct condis_wire_sig *m;
	struct sk_buff *skb;
	int i;

	for (i = 0; i < 9; i++) {
		skb = msg_of(test, i == 8 ? CONDIS_MSG_MODIFY : CONDIS_MSG_SETUP);
		m = (struct condis_wire_sig *)skb->data;
		switch (i) {
		case 0:
			m->hdr.version = 1;	/* the old protocol */
			break;
		case 1:
			m->hdr.type = CONDIS_MSG_DATA;
			break;
		case 2:
			m->hdr.type = __CONDIS_MSG_MAX;
			break;
		case 3:
			m->call_token = 0;
			break;
		case 4:
			m->label = 0;
			break;
		case 5:
			m->data_token = 0;
			break;
		case 6:
			m->state = LEG_GONE + 1;
			break;
		case 7:
			m->sap_len = 0;
			break;
		case 8:
			m->params.flags = htonl(0x100);	/* no such flag */
			break;
		}
		KUNIT_EXPECT_EQ_MSG(test, parse(skb, &m, &sap), -EPROTO, "case %d", i);
		kfree_skb(skb);
	}
	/* a SAP longer than the frame, or than a SAP can be */
	skb = msg_of(test, CONDIS_MSG_SETUP);
	((struct condis_wire_sig *)skb->data)->sap_len = test_sap.len + 1;
	KUNIT_EXPECT_EQ(test, parse(skb, &m, &sap), -EPROTO);
	kfree_skb(skb);
	skb = msg_of(test, CONDIS_MSG_ADD_PARTY);
	((struct condis_wire_sig *)skb->data)->sap_len = sizeof(sap.sap) + 1;
	KUNIT_EXPECT_EQ(test, parse(skb, &m, &sap), -EPROTO);
	kfree_skb(skb);
}

/* Every length short of the fixed part is malformed, before and after queueing. */
static void wire_rejects_every_truncation(struct kunit *test)
{
	struct condis_sap_desc sap;
	struct condis_wire_sig *m;
	struct sk_buff *skb;
	unsigned int len, full;

	skb = msg_of(test, CONDIS_MSG_SETUP);
	full = skb->len;
	kfree_skb(skb);
	for (len = 0; len < full; len++) {
		skb = msg_of(test, CONDIS_MSG_SETUP);
		skb_trim(skb, len);
		if (len < sizeof(struct condis_wire_sig))
			KUNIT_EXPECT_EQ_MSG(test, sig_msg_check(skb), -EPROTO, "len %u", len);
		KUNIT_EXPECT_EQ_MSG(test, parse(skb, &m, &sap), -EPROTO, "len %u", len);
		kfree_skb(skb);
	}
}

/*
 * Random mutations of valid messages: the parser never reads past the
 * frame (KASAN watches), and what it accepts keeps its invariants.
 */
static void wire_random_mutations(struct kunit *test)
{
	unsigned int i, accepted = 0, n = 20000;

	for (i = 0; i < n; i++) {
		u8 type = CONDIS_MSG_SETUP + get_random_u32_below(__CONDIS_MSG_MAX - 1);
		struct condis_sap_desc sap = {};
		struct condis_call_params *cp;
		struct condis_wire_sig *m;
		struct sk_buff *skb = msg_of(test, type);
		unsigned int flips = 1 + get_random_u32_below(8), j;
		int ret;

		for (j = 0; j < flips; j++)
			skb->data[get_random_u32_below(skb->len)] ^= 1 << get_random_u32_below(8);
		if (get_random_u32_below(4) == 0)
			skb_trim(skb, get_random_u32_below(skb->len + 1));
		ret = sig_msg_parse(skb, &m, &cp, &sap);
		KUNIT_ASSERT_TRUE_MSG(test, ret == 0 || ret == -EPROTO, "ret %d", ret);
		if (!ret) {
			accepted++;
			KUNIT_EXPECT_GE(test, skb->len, sizeof(*m));
			KUNIT_EXPECT_NE(test, ntohl(m->call_token), 0U);
			KUNIT_EXPECT_LE(test, sap.len, sizeof(sap.sap));
			KUNIT_EXPECT_LE(test, sig_msg_cause(m), 0);
		}
		condis_call_params_free(cp);
		kfree_skb(skb);
	}
	/* some mutations leave a valid message: both ways were exercised */
	KUNIT_EXPECT_GT(test, accepted, 0);
	KUNIT_EXPECT_LT(test, accepted, n);
}

/* Causes from the wire fall into a closed set: 0 or a failure, never PENDING. */
static void wire_causes_closed_set(struct kunit *test)
{
	struct condis_wire_sig m = {};
	u64 c;
	int r;

	m.cause = htonl(NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, sig_msg_cause(&m), -EPROTO);
	m.cause = 0;
	KUNIT_EXPECT_EQ(test, sig_msg_cause(&m), 0);
	for (c = 1; c <= U32_MAX; c += 0x10001 + get_random_u32_below(0x1000)) {
		m.cause = htonl((u32)c);
		r = sig_msg_cause(&m);
		KUNIT_EXPECT_LT_MSG(test, r, 0, "cause %#llx", c);
	}
	/* every status condis knows, sent as a cause */
	for (r = -150; r < 0; r++) {
		m.cause = htonl(condis_status_to_ndis(r));
		KUNIT_EXPECT_LT(test, sig_msg_cause(&m), 0);
	}
}

static struct kunit_case wire_cases[] = {
	KUNIT_CASE(wire_roundtrip_every_type),
	KUNIT_CASE(wire_rejects_invalid_fields),
	KUNIT_CASE(wire_rejects_every_truncation),
	KUNIT_CASE(wire_random_mutations),
	KUNIT_CASE(wire_causes_closed_set),
	{}
};

static struct kunit_suite wire_suite = {
	.name = "condis_sig_wire",
	.test_cases = wire_cases,
};
kunit_test_suite(wire_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_DESCRIPTION("KUnit: the condis signalling parser");
MODULE_LICENSE("GPL");
