// SPDX-License-Identifier: GPL-2.0
/*
 * Many objects at once: idle VCs or established calls, held until released.
 * Reports the slab they took (the node counters of reclaimable and
 * unreclaimable slab, before and after), so the bytes per object include
 * everything condis and the roles allocated for it: objects, parameters,
 * requests still around, xarray nodes.
 */
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include "hold.h"
#include "report.h"
#include "roles.h"

static unsigned long held;
static bool held_calls;

unsigned long bench_held(void)
{
	return held;
}

static long long slab_bytes(void)
{
	return (long long)(global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B) +
			   global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B)) * PAGE_SIZE;
}

/* @n slots to hold objects in, and one per CPU for the cycle threads. */
static int bench_slots_alloc(unsigned long n)
{
	unsigned long i, total = n + num_possible_cpus();
	struct bench_slot *slots;

	slots = vcalloc(total, sizeof(*slots));	/* vmalloc: not in the slab counts */
	if (!slots)
		return -ENOMEM;
	for (i = 0; i < total; i++)
		init_completion(&slots[i].done);
	vfree(bench.slots);
	bench.slots = slots;
	bench.nslots = total;
	return 0;
}

int bench_slots_init(void)
{
	return bench_slots_alloc(0);
}

void bench_slots_exit(void)
{
	vfree(bench.slots);
	bench.slots = NULL;
}

static int bench_hold(unsigned long n, bool calls, enum bench_target target)
{
	long long before;
	unsigned long i;
	int ret = 0;

	if (held)
		return -EBUSY;
	if (calls && target == BENCH_LO && bench_open_lo())
		return -ENODEV;
	ret = bench_slots_alloc(n);
	if (ret)
		return ret;
	held_calls = calls;
	condis_flush();
	rcu_barrier();		/* what was released before is freed: not counted */
	before = slab_bytes();
	for (i = 0; i < n && !ret; i++) {
		if (calls)
			ret = bench_call_make(&bench.slots[i], target);
		else
			ret = condis_cl_create_vc(bench.af[BENCH_CORE], &bench.slots[i],
						  &bench.slots[i].vc);
		if (!ret)
			held = i + 1;
		cond_resched();
	}
	condis_flush();
	if (!ret)
		bench_report("hold-%s%s n=%lu slab_bytes=%lld\n", calls ? "calls" : "vcs",
			     target == BENCH_LO ? "-lo" : "", n, slab_bytes() - before);
	return ret;
}

int bench_hold_vcs(unsigned long n)
{
	return bench_hold(n, false, BENCH_CORE);
}

int bench_hold_calls(unsigned long n, enum bench_target target)
{
	return bench_hold(n, true, target);
}

/* Close and delete what is held; reports how long it took. */
int bench_release(void)
{
	u64 t0 = ktime_get_ns();
	unsigned long i, n = held;
	int ret = 0, r;

	for (i = 0; i < n; i++) {
		if (held_calls)
			r = bench_call_close(&bench.slots[i]);
		else
			r = condis_cl_delete_vc(bench.slots[i].vc);
		ret = ret ?: r;
		cond_resched();
	}
	held = 0;
	condis_flush();
	rcu_barrier();		/* the VCs are freed before the next measurement */
	bench_report("release n=%lu ns=%llu\n", n, ktime_get_ns() - t0);
	return ret ?: bench_slots_alloc(0);
}
