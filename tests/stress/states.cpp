// SPDX-License-Identifier: GPL-2.0
//
// condis-stress states: a client with a call in every state, to be killed.
//
//   states [calls N] [netdevs M]
//        on the loopback adapter, one client with: a call outgoing
//        (unanswered), one incoming (not answered), one connected with a
//        VC descriptor and frames in flight, one with an interface, a
//        multipoint call with a party being added, SAPs with calls waiting;
//        then N more connected calls (default 0), the first M of them
//        with an interface each; prints {"ready":1,...} and waits to be
//        killed
#include "common.hpp"

#include <cerrno>
#include <iostream>
#include <linux/condis.h>
#include <unistd.h>

using namespace condis;

namespace stress {

namespace {

uint32_t open_af(Client &c, uint32_t adapter, uint32_t type)
{
	Reply r = c.af_open(adapter, type);
	if (r.pending)
		c.wait_done(CONDIS_REQUEST_AF_OPEN, r.id, 60000);
	return r.id;
}

uint32_t register_sap(Client &c, uint32_t af, const Bytes &addr, uint32_t timeout_ms = 0)
{
	Reply r = c.sap_register(af, addr, 0, timeout_ms);
	if (r.pending)
		c.wait_done(CONDIS_REQUEST_SAP_REGISTER, r.id, 60000);
	return r.id;
}

// The call offered on @sap; @call is the outgoing call making it: its
// failure ends the wait too, and says why.
uint32_t incoming(Client &c, uint32_t sap, uint32_t call)
{
	auto e = c.wait_event([&](const Event &ev) {
		return (ev.cmd == CONDIS_CMD_CALL_INCOMING_NTF && ev.sap_id == sap) ||
		       (ev.cmd == CONDIS_CMD_REQUEST_DONE_NTF && ev.id == call && ev.status);
	}, 60000);
	if (!e)
		throw std::runtime_error("no incoming call on sap " + std::to_string(sap));
	if (e->cmd == CONDIS_CMD_REQUEST_DONE_NTF)
		throw std::runtime_error("call " + std::to_string(call) + " to sap " +
					 std::to_string(sap) + " failed: " +
					 std::to_string(e->status));
	return e->id;
}

} // namespace

int states(const Opts &o)
{
	const uint64_t more = o.num("calls", 0), netdevs = o.num("netdevs", 0);
	if (netdevs > more)
		throw Usage("netdevs: at most calls");
	Client c;
	c.subscribe();
	uint32_t af = open_af(c, adapter_id(c, "lo"), CONDIS_AF_TYPE_LOOPBACK);
	const Bytes svc = {'s', 't', 'a', 't', 'e', 's'}, quiet = {'q', 'u', 'i', 'e', 't'};
	uint32_t sap = register_sap(c, af, svc);
	uint32_t sap_quiet = register_sap(c, af, quiet, 600000);

	// connected, with a descriptor and frames written, not read
	uint32_t call = c.call_make(af, svc).id;
	uint32_t in = incoming(c, sap, call);
	c.call_accept(in);
	c.wait_done(CONDIS_REQUEST_CALL_MAKE, call, 60000);
	int fd = c.call_open_fd(call).fd;
	char frame[512] = "in flight";
	for (int i = 0; i < 64; i++)
		if (write(fd, frame, sizeof(frame)) < 0)
			break;
	// connected, with an interface
	uint32_t nd = c.call_make(af, svc).id;
	c.call_accept(incoming(c, sap, nd));
	c.wait_done(CONDIS_REQUEST_CALL_MAKE, nd, 60000);
	uint32_t ifindex = c.call_netdev(nd).ifindex;
	// outgoing and incoming at once: nobody answers on the quiet SAP
	uint32_t out = c.call_make(af, quiet).id;
	uint32_t waiting = incoming(c, sap_quiet, out);
	// multipoint, a party being added (to the quiet SAP)
	CallParams mp;
	mp.flags = CONDIS_CALL_FLAGS_MULTIPOINT_VC;
	uint32_t multi = c.call_make(af, svc, mp).id;
	c.call_accept(incoming(c, sap, multi));
	c.wait_done(CONDIS_REQUEST_CALL_MAKE, multi, 60000);
	uint32_t party = c.party_add(multi, quiet).id;
	incoming(c, sap_quiet, party);
	// many more: the teardown has work to do
	for (uint64_t i = 0; i < more; i++) {
		uint32_t id = c.call_make(af, svc).id;
		c.call_accept(incoming(c, sap, id));
		c.wait_done(CONDIS_REQUEST_CALL_MAKE, id, 60000);
		if (i < netdevs)
			c.call_netdev(id);
	}

	std::cout << Json()
		.num("ready", 1)
		.num("af", af)
		.num("connected", call)
		.num("netdev", ifindex)
		.num("outgoing", out)
		.num("incoming", waiting)
		.num("multipoint", multi)
		.num("adding_party", party)
		.num("calls", int64_t(more))
		.num("netdevs", int64_t(netdevs))
		.line() << std::endl;
	for (;;)
		pause();
}

} // namespace stress
