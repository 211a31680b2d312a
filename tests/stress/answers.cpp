// SPDX-License-Identifier: GPL-2.0
//
// condis-stress answers: requests sent together, each answered once, when
// it is done (the spec's reply-when-done, Client::send_call_make()).
//
//   answers [calls N]
//        on the loopback adapter: N calls (default 64) to a SAP whose
//        backlog accepts them, with a call to an AF the client does not
//        own in their middle, sent in one system call; then the N calls'
//        closes, together. Every request must get one answer, with its
//        number: the makes status 0 and a call id each, the stranger
//        refused with the kernel's message, the closes 0; nothing else
//        for the client within 300 ms after, and no call of it left; a
//        monitor (the events group) sees each request-done as a
//        notification all the same.
//        Prints {"made":N,"refused":1,"closed":N,"extra":0,"monitored":2N,...}
#include "common.hpp"

#include <iostream>
#include <linux/condis.h>
#include <set>

using namespace condis;

namespace stress {

namespace {

uint32_t ready(Client &c, Reply r, uint32_t request)
{
	if (r.pending)
		c.wait_done(request, r.id, 60000);
	return r.id;
}

} // namespace

int answers(const Opts &o)
{
	const uint32_t n = static_cast<uint32_t>(o.num("calls", 64));
	if (!n || n > 10000)
		throw Usage("calls: 1 to 10000");
	Client listener, c;
	uint32_t lo = adapter_id(c, "lo");
	const Bytes svc = { 'a', 'n', 's', 'w', 'e', 'r', 's' };
	uint32_t laf = ready(listener, listener.af_open(lo, CONDIS_AF_TYPE_LOOPBACK),
			     CONDIS_REQUEST_AF_OPEN);
	ready(listener, listener.sap_register(laf, svc, 0, 0, n), CONDIS_REQUEST_SAP_REGISTER);
	uint32_t af = ready(c, c.af_open(lo, CONDIS_AF_TYPE_LOOPBACK), CONDIS_REQUEST_AF_OPEN);
	Client monitor;
	monitor.subscribe();

	// the makes, a stranger's AF among them
	std::set<uint32_t> makes, closes, ids, mine;	// mine: the client's calls
	uint32_t stranger = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (i == n / 2)
			stranger = c.send_call_make(laf, svc);	// the listener's AF
		makes.insert(c.send_call_make(af, svc));
	}
	uint32_t made = 0, refused = 0, closed = 0, extra = 0, wrong = 0;
	std::string extack;
	auto answer = [&](const Event &e) {
		if (e.seq == stranger && e.status) {
			refused++;
			extack = e.extack;
		} else if (makes.erase(e.seq) && !e.status && e.id &&
			   e.request == CONDIS_REQUEST_CALL_MAKE) {
			made++;
			ids.insert(e.id);
			mine.insert(e.id);
			closes.insert(c.send_call_close(e.id));
		} else if (closes.erase(e.seq) && !e.status &&
			   e.request == CONDIS_REQUEST_CALL_CLOSE && ids.erase(e.id)) {
			closed++;
		} else {
			wrong++;
			std::cerr << "unexpected answer: seq " << e.seq << " " << e.name() << " id "
				  << e.id << " status " << e.status << " " << e.extack << "\n";
		}
	};
	while (made + refused + closed + wrong < 2 * n + 1) {
		auto e = c.next_event(60000);
		if (!e)
			throw std::runtime_error("no answer for 60 s: " + std::to_string(made) +
						 " made, " + std::to_string(closed) + " closed");
		if (e->seq)
			answer(*e);
		else if (e->cmd == CONDIS_CMD_REQUEST_DONE_NTF)
			extra++;	// a request-done besides the answer
	}
	// nothing more: no request answered twice
	while (auto e = c.next_event(300)) {
		extra++;
		std::cerr << "after the answers: seq " << e->seq << " " << e->name() << " id "
			  << e->id << "\n";
	}
	// the client's makes' and closes' request-done notifications (the
	// listener's own closes of its side have theirs too)
	uint32_t monitored = 0;
	while (auto e = monitor.next_event(300))
		monitored += !e->seq && e->cmd == CONDIS_CMD_REQUEST_DONE_NTF && !e->status &&
			     mine.count(e->id) && (e->request == CONDIS_REQUEST_CALL_MAKE ||
						   e->request == CONDIS_REQUEST_CALL_CLOSE);
	uint32_t left = 0;
	for (const auto &call : c.calls(CONDIS_CALL_FIELDS_OWNED))
		left += call.owned;

	std::cout << Json()
		.num("made", made)
		.num("refused", refused)
		.num("closed", closed)
		.num("extra", extra)
		.num("wrong", wrong)
		.num("left", left)
		.num("monitored", monitored)
		.str("extack", extack)
		.line() << std::endl;
	return made == n && refused == 1 && !extack.empty() && closed == n && !extra &&
	       !wrong && !left && monitored == 2 * n ? 0 : 1;
}

} // namespace stress
