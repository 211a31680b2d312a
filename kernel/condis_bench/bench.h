/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_bench: in-kernel benchmarks of the condis core (make bench).
 *
 * roles.c:  a bench adapter with an integrated call manager that answers
 *           every request at once (pended requests are completed inside
 *           the handler), and a client on it and on condis_lo's adapter.
 * cycle.c:  the call cycle and its workqueue floor, on one or all CPUs.
 * hold.c:   many idle VCs or established calls, and the slab they take.
 * ctl.c:    the debugfs control file the guest script writes commands to.
 * report.c: the result lines it reads back.
 * main.c:   module init and exit.
 *
 * Each file has its header; this one holds the objects they share.
 *
 * Nothing here asserts a time: it measures and reports, the guest script
 * (tests/bench/guest-bench.sh) compares.
 */
#ifndef _CONDIS_BENCH_H
#define _CONDIS_BENCH_H

#include <linux/completion.h>
#include <net/condis.h>

/* The bench adapter's address family (private: not in the uapi list). */
#define BENCH_AF_TYPE	0x7fbe

/* Where calls go: the bench MCM (the core alone) or condis_lo. */
enum bench_target { BENCH_CORE, BENCH_LO, __BENCH_TARGET_MAX };

/**
 * struct bench_slot - one outgoing VC of the bench client
 * @vc: its handle
 * @done: its pended request finished
 * @status: with this status
 */
struct bench_slot {
	struct condis_vc *vc;
	struct completion done;
	int status;
};

/**
 * struct bench_world - the roles the benchmarks run on
 * @client: the bench client (init_net)
 * @adapter: the bench adapter
 * @cm: its integrated call manager
 * @af: the client's AF per target (lo's only when condis_lo is loaded)
 * @lo_adapter: condis_lo's adapter, as af_register_notify named it
 * @lo_sap: the client's SAP on it, which accepts every call
 * @slots: the outgoing VCs (held ones first, then one per cycle thread)
 * @nslots: size of @slots
 */
struct bench_world {
	struct condis_client *client;
	struct condis_adapter *adapter;
	struct condis_cm *cm;
	struct condis_af *af[__BENCH_TARGET_MAX];
	struct condis_adapter *lo_adapter;
	struct condis_sap *lo_sap;
	struct bench_slot *slots;
	unsigned long nslots;
};

extern struct bench_world bench;

#endif /* _CONDIS_BENCH_H */
