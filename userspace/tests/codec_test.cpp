// SPDX-License-Identifier: GPL-2.0
//
// Message building and parsing against canned netlink buffers: the bytes
// here are written out by hand from the uapi layout, not by libnl.
#include <condis/condis.hpp>
#include "codec.hpp"

#include <gtest/gtest.h>
#include <linux/condis.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

using namespace condis;

namespace {

// A hand-made netlink buffer, little endian, 4-byte aligned attributes.
struct Buf {
	Bytes b;
	void u8(uint8_t v) { b.push_back(v); }
	void u16(uint16_t v) { u8(v & 0xff); u8(v >> 8); }
	void u32(uint32_t v) { u16(v & 0xffff); u16(v >> 16); }
	void pad() { while (b.size() % 4) u8(0); }
	void nlhdr(uint16_t type, uint16_t flags, uint32_t seq = 0, uint32_t pid = 0)
	{
		u32(0);		// length, fixed by done()
		u16(type);
		u16(flags);
		u32(seq);
		u32(pid);
	}
	void genl(uint8_t cmd) { u8(cmd); u8(CONDIS_FAMILY_VERSION); u16(0); }
	void attr_u32(uint16_t type, uint32_t v) { u16(8); u16(type); u32(v); }
	void attr_u64(uint16_t type, uint64_t v)
	{
		u16(12); u16(type); u32(v & 0xffffffff); u32(v >> 32);
	}
	void attr_bytes(uint16_t type, const std::string &s)
	{
		u16(static_cast<uint16_t>(4 + s.size())); u16(type);
		for (char c : s) u8(static_cast<uint8_t>(c));
		pad();
	}
	void attr_flag(uint16_t type) { u16(4); u16(type); }
	size_t nest_start(uint16_t type) { size_t at = b.size(); u16(0); u16(type | NLA_F_NESTED); return at; }
	void nest_end(size_t at) { uint16_t len = static_cast<uint16_t>(b.size() - at); b[at] = len & 0xff; b[at + 1] = len >> 8; }
	const nlmsghdr *done()
	{
		uint32_t len = static_cast<uint32_t>(b.size());
		for (int i = 0; i < 4; i++)
			b[i] = static_cast<uint8_t>(len >> (8 * i));
		return reinterpret_cast<const nlmsghdr *>(b.data());
	}
};

} // namespace

TEST(Codec, AfOpenRequestBytes)
{
	Msg m = codec::request(0x18, CONDIS_CMD_AF_OPEN);
	codec::put_u32(m.get(), CONDIS_A_AF_ADAPTER_ID, 1);
	codec::put_u32(m.get(), CONDIS_A_AF_TYPE, CONDIS_AF_TYPE_LOOPBACK);

	Buf want;
	want.nlhdr(0x18, NLM_F_REQUEST | NLM_F_ACK);
	want.genl(CONDIS_CMD_AF_OPEN);
	want.attr_u32(CONDIS_A_AF_ADAPTER_ID, 1);
	want.attr_u32(CONDIS_A_AF_TYPE, 1);
	want.done();
	EXPECT_EQ(codec::bytes(m.get()), want.b);
}

TEST(Codec, DumpRequestHasDumpFlag)
{
	Msg m = codec::request(0x18, CONDIS_CMD_CALL_GET, true);
	Buf want;
	want.nlhdr(0x18, NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP);
	want.genl(CONDIS_CMD_CALL_GET);
	want.done();
	EXPECT_EQ(codec::bytes(m.get()), want.b);
}

TEST(Codec, CallMakeRequestBytes)
{
	CallParams p;
	p.flags = CONDIS_CALL_FLAGS_MULTIPOINT_VC;
	p.tx.token_rate = 1000;
	p.rx.max_sdu_size = 1500;
	p.media_specific = { 'm', 'e', 'd' };
	Msg m = codec::request(0x18, CONDIS_CMD_CALL_MAKE);
	codec::put_u32(m.get(), CONDIS_A_CALL_AF_ID, 7);
	codec::put_bytes(m.get(), CONDIS_A_CALL_ADDRESS, { 's', 'v', 'c', '1', '2' });
	codec::put_params(m.get(), CONDIS_A_CALL_PARAMS, p);

	Buf want;
	want.nlhdr(0x18, NLM_F_REQUEST | NLM_F_ACK);
	want.genl(CONDIS_CMD_CALL_MAKE);
	want.attr_u32(CONDIS_A_CALL_AF_ID, 7);
	want.attr_bytes(CONDIS_A_CALL_ADDRESS, "svc12");
	size_t params = want.nest_start(CONDIS_A_CALL_PARAMS);
	want.attr_u32(CONDIS_A_PARAMS_FLAGS, CONDIS_CALL_FLAGS_MULTIPOINT_VC);
	for (uint16_t dir : { CONDIS_A_PARAMS_TX, CONDIS_A_PARAMS_RX }) {
		size_t fs = want.nest_start(dir);
		for (uint16_t a = CONDIS_A_FLOWSPEC_TOKEN_RATE; a <= CONDIS_A_FLOWSPEC_MAX; a++) {
			uint32_t v = 0;
			if (dir == CONDIS_A_PARAMS_TX && a == CONDIS_A_FLOWSPEC_TOKEN_RATE)
				v = 1000;
			if (dir == CONDIS_A_PARAMS_RX && a == CONDIS_A_FLOWSPEC_MAX_SDU_SIZE)
				v = 1500;
			want.attr_u32(a, v);
		}
		want.nest_end(fs);
	}
	want.attr_u32(CONDIS_A_PARAMS_MEDIA_FLAGS, 0);
	want.attr_u32(CONDIS_A_PARAMS_RECEIVE_PRIORITY, 0);
	want.attr_u32(CONDIS_A_PARAMS_RECEIVE_SIZE_HINT, 0);
	want.attr_bytes(CONDIS_A_PARAMS_MEDIA_SPECIFIC, "med");
	want.nest_end(params);
	want.done();
	EXPECT_EQ(codec::bytes(m.get()), want.b);
}

namespace {

// A call as a dump shows it with every field.
Buf full_call()
{
	Buf r;
	r.nlhdr(0x18, NLM_F_MULTI, 5, 1234);
	r.genl(CONDIS_CMD_CALL_GET);
	r.attr_u32(CONDIS_A_CALL_ID, 42);
	r.attr_u32(CONDIS_A_CALL_AF_ID, 3);
	size_t st = r.nest_start(CONDIS_A_CALL_STATS);
	r.attr_u64(CONDIS_A_STATS_TX_PACKETS, 5);
	r.attr_u64(CONDIS_A_STATS_RX_BYTES, 0x100000000ULL);
	r.nest_end(st);
	r.attr_flag(CONDIS_A_CALL_OWNED);
	r.attr_u32(CONDIS_A_CALL_STATE, CONDIS_CALL_STATE_CONNECTED);
	r.attr_u32(CONDIS_A_CALL_DIRECTION, CONDIS_DIRECTION_INCOMING);
	r.attr_u32(CONDIS_A_CALL_SAP_ID, 9);
	size_t pa = r.nest_start(CONDIS_A_CALL_PARAMS);
	r.attr_bytes(CONDIS_A_PARAMS_CM_SPECIFIC, "svc1");
	r.nest_end(pa);
	for (uint32_t id : { 11u, 12u }) {
		size_t p = r.nest_start(CONDIS_A_CALL_PARTY);
		r.attr_u32(CONDIS_A_CALL_PARTY_ID, id);
		r.attr_u32(CONDIS_A_CALL_PARTY_STATE, CONDIS_PARTY_STATE_ACTIVE);
		r.nest_end(p);
	}
	return r;
}

} // namespace

TEST(Codec, ParseCallReply)
{
	Buf r = full_call();
	Call c = codec::parse_call(r.done());

	EXPECT_EQ(c.id, 42u);
	EXPECT_EQ(c.af_id, 3u);
	EXPECT_EQ(c.sap_id, 9u);
	EXPECT_EQ(c.state, static_cast<uint32_t>(CONDIS_CALL_STATE_CONNECTED));
	EXPECT_EQ(c.direction, static_cast<uint32_t>(CONDIS_DIRECTION_INCOMING));
	EXPECT_TRUE(c.owned);
	ASSERT_TRUE(c.stats);
	EXPECT_EQ(c.stats->tx_packets, 5u);
	EXPECT_EQ(c.stats->rx_bytes, 0x100000000ULL);
	ASSERT_TRUE(c.params);
	EXPECT_EQ(c.params->cm_specific, (Bytes{ 's', 'v', 'c', '1' }));
	ASSERT_EQ(c.parties.size(), 2u);
	EXPECT_EQ(c.parties[1].id, 12u);
}

// A dump parses every call into one object: what a call lacks (fields it
// was not asked for) must not survive from the call before it.
TEST(Codec, ParseCallIntoReusedObject)
{
	Buf full = full_call(), brief;
	brief.nlhdr(0x18, NLM_F_MULTI, 5, 1234);
	brief.genl(CONDIS_CMD_CALL_GET);
	brief.attr_u32(CONDIS_A_CALL_ID, 43);
	brief.attr_u32(CONDIS_A_CALL_STATE, CONDIS_CALL_STATE_CLOSING);
	Call c;

	codec::parse_call(full.done(), c);
	ASSERT_TRUE(c.params);
	codec::parse_call(brief.done(), c);
	EXPECT_EQ(c.id, 43u);
	EXPECT_EQ(c.state, static_cast<uint32_t>(CONDIS_CALL_STATE_CLOSING));
	EXPECT_EQ(c.af_id, 0u);
	EXPECT_EQ(c.sap_id, 0u);
	EXPECT_EQ(c.direction, 0u);
	EXPECT_FALSE(c.owned);
	EXPECT_FALSE(c.stats);
	EXPECT_FALSE(c.params);
	EXPECT_TRUE(c.parties.empty());
	// and back: the same as parsed afresh
	codec::parse_call(full.done(), c);
	Call fresh = codec::parse_call(full.done());
	EXPECT_EQ(c.id, fresh.id);
	EXPECT_EQ(c.sap_id, fresh.sap_id);
	ASSERT_TRUE(c.params);
	EXPECT_EQ(*c.params, *fresh.params);
	EXPECT_EQ(c.parties.size(), fresh.parties.size());
}

TEST(Codec, ParseAdapterWithSeveralAfTypes)
{
	Buf r;
	r.nlhdr(0x18, 0);
	r.genl(CONDIS_CMD_ADAPTER_GET);
	r.attr_u32(CONDIS_A_ADAPTER_ID, 1);
	r.attr_bytes(CONDIS_A_ADAPTER_NAME, std::string("lo") + '\0');
	r.attr_u32(CONDIS_A_ADAPTER_AF_TYPE, CONDIS_AF_TYPE_LOOPBACK);
	r.attr_u32(CONDIS_A_ADAPTER_AF_TYPE, CONDIS_AF_TYPE_ETHERNET);
	Adapter a = codec::parse_adapter(r.done());

	EXPECT_EQ(a.name, "lo");
	EXPECT_EQ(a.af_types, (std::vector<uint32_t>{ 1, 2 }));
}

TEST(Codec, ParsePendingReply)
{
	Buf r;
	r.nlhdr(0x18, 0, 3, 99);
	r.genl(CONDIS_CMD_CALL_MAKE);
	r.attr_u32(CONDIS_A_CALL_ID, 8);
	r.attr_u32(CONDIS_A_CALL_STATE, CONDIS_CALL_STATE_OUTGOING);
	r.attr_flag(CONDIS_A_CALL_PENDING);
	Reply rep = codec::parse_reply(r.done());

	EXPECT_EQ(rep.id, 8u);
	EXPECT_EQ(rep.state, static_cast<uint32_t>(CONDIS_CALL_STATE_OUTGOING));
	EXPECT_TRUE(rep.pending);

	Buf s;
	s.nlhdr(0x18, 0, 4, 99);
	s.genl(CONDIS_CMD_SAP_REGISTER);
	s.attr_u32(CONDIS_A_SAP_ID, 2);
	s.attr_u32(CONDIS_A_SAP_STATE, CONDIS_SAP_STATE_ACTIVE);
	rep = codec::parse_reply(s.done());
	EXPECT_FALSE(rep.pending);
	EXPECT_EQ(rep.state, static_cast<uint32_t>(CONDIS_SAP_STATE_ACTIVE));
}

TEST(Codec, ParseRequestDoneEvent)
{
	Buf r;
	r.nlhdr(0x18, 0);
	r.genl(CONDIS_CMD_REQUEST_DONE_NTF);
	r.attr_u32(CONDIS_A_EVENT_REQUEST, CONDIS_REQUEST_CALL_MAKE);
	r.attr_u32(CONDIS_A_EVENT_ID, 4);
	r.attr_u32(CONDIS_A_EVENT_STATUS, static_cast<uint32_t>(-2));
	r.attr_u32(CONDIS_A_EVENT_NDIS_STATUS, 0xc0010022);
	Event e = codec::parse_event(r.done());

	EXPECT_STREQ(e.name(), "request-done");
	EXPECT_EQ(e.request, static_cast<uint32_t>(CONDIS_REQUEST_CALL_MAKE));
	EXPECT_EQ(e.id, 4u);
	EXPECT_EQ(e.status, -2);
	EXPECT_EQ(e.ndis_status, 0xc0010022u);
}

TEST(Codec, ParseCloseEvent)
{
	Buf r;
	r.nlhdr(0x18, 0);
	r.genl(CONDIS_CMD_CALL_CLOSE_NTF);
	r.attr_u32(CONDIS_A_CALL_ID, 6);
	r.attr_u32(CONDIS_A_CALL_AF_ID, 2);
	r.attr_u32(CONDIS_A_CALL_CAUSE, 0x00010003);
	Event e = codec::parse_event(r.done());

	EXPECT_STREQ(e.name(), "call-close");
	EXPECT_EQ(e.id, 6u);
	EXPECT_EQ(e.af_id, 2u);
	EXPECT_EQ(e.cause, 0x00010003u);
}

TEST(Codec, ParseErrorWithExtack)
{
	Buf r;
	r.nlhdr(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, 7, 0);
	r.u32(static_cast<uint32_t>(-EPERM));
	// the request's header only (capped)
	r.u32(20); r.u16(0x18); r.u16(NLM_F_REQUEST); r.u32(7); r.u32(0);
	r.attr_bytes(NLMSGERR_ATTR_MSG, std::string("belongs to another socket") + '\0');
	std::string extack;

	EXPECT_EQ(codec::parse_error(r.done(), extack), EPERM);
	EXPECT_EQ(extack, "belongs to another socket");
}

// A dump the kernel refused ends with NLMSG_DONE carrying the error and,
// with extended acks on, its message.
TEST(Codec, ParseDoneWithExtack)
{
	Buf r, plain;
	r.nlhdr(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS, 7, 0);
	r.u32(static_cast<uint32_t>(-EINVAL));
	r.attr_bytes(NLMSGERR_ATTR_MSG, std::string("a dump takes no id") + '\0');
	plain.nlhdr(NLMSG_DONE, NLM_F_MULTI, 7, 0);
	plain.u32(0);
	std::string extack, none;

	EXPECT_EQ(codec::parse_done(r.done(), extack), EINVAL);
	EXPECT_EQ(extack, "a dump takes no id");
	EXPECT_EQ(codec::parse_done(plain.done(), none), 0);
	EXPECT_EQ(none, "");
}

TEST(Codec, ParseAck)
{
	Buf r;
	r.nlhdr(NLMSG_ERROR, NLM_F_CAPPED, 7, 0);
	r.u32(0);
	r.u32(20); r.u16(0x18); r.u16(NLM_F_REQUEST); r.u32(7); r.u32(0);
	std::string extack;

	EXPECT_EQ(codec::parse_error(r.done(), extack), 0);
	EXPECT_TRUE(extack.empty());
}

TEST(Codec, ParamsRoundTrip)
{
	CallParams p;
	p.flags = 3;
	p.tx = { 1, 2, 3, 4, 5, 6, 7, 8 };
	p.rx = { 9, 10, 11, 12, 13, 14, 15, 16 };
	p.media_flags = 17;
	p.receive_priority = 18;
	p.receive_size_hint = 19;
	p.cm_specific = { 1, 2, 3 };
	p.media_specific = { 4, 5 };
	Msg m = codec::request(0x18, CONDIS_CMD_CALL_QOS_NTF);
	codec::put_u32(m.get(), CONDIS_A_CALL_ID, 1);
	codec::put_params(m.get(), CONDIS_A_CALL_PARAMS, p);
	Bytes b = codec::bytes(m.get());
	Event e = codec::parse_event(reinterpret_cast<const nlmsghdr *>(b.data()));

	ASSERT_TRUE(e.params);
	EXPECT_EQ(*e.params, p);
}
