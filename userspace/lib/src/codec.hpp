// SPDX-License-Identifier: LGPL-2.1-or-later
// libcondis's codec, private to the library: requests built and answers
// parsed with libnl. The unit tests (tests/codec_test.cpp) check it
// against canned buffers; nothing outside the library uses it.
#pragma once

#include <condis/condis.hpp>

namespace condis {

// Building requests and parsing answers: pure functions of bytes, so the
// unit tests can check them against canned buffers without a kernel.
namespace codec {
Msg request(int family, uint8_t cmd, bool dump = false);
void put_u32(nl_msg *m, int attr, uint32_t v);
void put_flag(nl_msg *m, int attr);
void put_string(nl_msg *m, int attr, const std::string &v);
void put_bytes(nl_msg *m, int attr, const Bytes &b);
void put_params(nl_msg *m, int attr, const CallParams &p);
Bytes bytes(nl_msg *m);				// the message as sent

Adapter parse_adapter(const nlmsghdr *nlh);
Af parse_af(const nlmsghdr *nlh);
Sap parse_sap(const nlmsghdr *nlh);
Call parse_call(const nlmsghdr *nlh);
void parse_call(const nlmsghdr *nlh, Call &into);	// reusing into's storage
Reply parse_reply(const nlmsghdr *nlh);	// any id + state answer
Event parse_event(const nlmsghdr *nlh);
// An NLMSG_ERROR: 0 for an ack, else the positive errno; @extack filled.
int parse_error(const nlmsghdr *nlh, std::string &extack);
// A dump's NLMSG_DONE: 0, or the positive errno that ended it; @extack filled.
int parse_done(const nlmsghdr *nlh, std::string &extack);
} // namespace codec

} // namespace condis
