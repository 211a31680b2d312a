// SPDX-License-Identifier: GPL-2.0
//
// Names of uapi values and the byte strings of the command line.
#include <condis/condis.hpp>

#include <gtest/gtest.h>
#include <linux/condis.h>

using namespace condis;

TEST(Names, EveryCommandHasAName)
{
	for (int c = 1; c <= CONDIS_CMD_MAX; c++)
		EXPECT_STRNE(names::command(static_cast<uint8_t>(c)), "unknown") << c;
	EXPECT_STREQ(names::command(CONDIS_CMD_MAX + 1), "unknown");
}

TEST(Names, EnumsAsTheSpecSpellsThem)
{
	EXPECT_STREQ(names::af_type(CONDIS_AF_TYPE_LOOPBACK), "loopback");
	EXPECT_STREQ(names::call_state(CONDIS_CALL_STATE_CONNECTED), "connected");
	EXPECT_STREQ(names::request(CONDIS_REQUEST_CALL_MODIFY_QOS), "call-modify-qos");
	EXPECT_STREQ(names::party_state(CONDIS_PARTY_STATE_DROPPING), "dropping");
	EXPECT_EQ(names::af_type_from("ethernet"), CONDIS_AF_TYPE_ETHERNET);
	EXPECT_FALSE(names::af_type_from("atm"));
}

TEST(Bytes, TextHexAndColons)
{
	EXPECT_EQ(parse_bytes("svc1"), (Bytes{ 's', 'v', 'c', '1' }));
	EXPECT_EQ(parse_bytes("0x0a0B"), (Bytes{ 0x0a, 0x0b }));
	EXPECT_EQ(parse_bytes("0a:0b:ff"), (Bytes{ 0x0a, 0x0b, 0xff }));
	EXPECT_THROW(parse_bytes("0x123"), std::invalid_argument);
	EXPECT_THROW(parse_bytes("0xzz"), std::invalid_argument);
}

TEST(Bytes, FormatIsTextOnlyWhenPrintable)
{
	EXPECT_EQ(format_bytes({ 'a', 'b' }), "ab");
	EXPECT_EQ(format_bytes({ 0, 0xff }), "0x00ff");
	EXPECT_EQ(format_bytes({ 'a', ' ' }), "0x6120");
	EXPECT_EQ(parse_bytes(format_bytes({ 1, 2, 3 })), (Bytes{ 1, 2, 3 }));
}
