// SPDX-License-Identifier: GPL-2.0
/*
 * The call cycle (create VC, make call pended and completed with the VC
 * activated, close call pended and completed, delete VC) and its floor:
 * a bare queue_work() + complete() round trip on a workqueue made like
 * condis' own, the pattern of lib/test_workqueue.c. Each runs on one CPU
 * or on every online CPU at once (a thread bound to each), and reports
 * its count and elapsed nanoseconds.
 */
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "cycle.h"
#include "hold.h"
#include "report.h"
#include "roles.h"

struct bench_thread {
	struct task_struct *task;
	unsigned int index;
	unsigned long n;
	enum bench_target target;
	bool floor;
	int status;
	u64 ns;
	struct work_struct work;
	struct completion hop;
	struct completion finished;
};

static struct workqueue_struct *floor_wq;

static void floor_work(struct work_struct *work)
{
	complete(&container_of(work, struct bench_thread, work)->hop);
}

static void run_floor(struct bench_thread *t)
{
	unsigned long i;

	INIT_WORK(&t->work, floor_work);
	init_completion(&t->hop);
	for (i = 0; i < t->n; i++) {
		queue_work(floor_wq, &t->work);
		wait_for_completion(&t->hop);
		reinit_completion(&t->hop);
	}
}

static void run_cycles(struct bench_thread *t)
{
	struct bench_slot *s = &bench.slots[bench.nslots - 1 - t->index];
	unsigned long i;

	for (i = 0; i < t->n && !t->status; i++) {
		t->status = bench_call_make(s, t->target);
		if (!t->status)
			t->status = bench_call_close(s);
	}
}

static int bench_thread_fn(void *data)
{
	struct bench_thread *t = data;
	u64 t0 = ktime_get_ns();

	if (t->floor)
		run_floor(t);
	else
		run_cycles(t);
	t->ns = ktime_get_ns() - t0;
	complete(&t->finished);
	return 0;
}

/*
 * @threads 1: on the first online CPU; 0: one thread on each online CPU.
 * Each thread does @n rounds; reported: the total and the wall time.
 */
static int bench_run(const char *what, unsigned long n,
		     unsigned int threads, enum bench_target target, bool floor)
{
	struct bench_thread *ts;
	unsigned int nt = threads ? 1 : num_online_cpus(), i, cpu;
	u64 wall = 0;
	int ret = 0;

	if (!floor && nt > bench.nslots - bench_held())
		return -ENOSPC;		/* see bench_hold_*: a slot per thread */
	ts = kcalloc(nt, sizeof(*ts), GFP_KERNEL);
	if (!ts)
		return -ENOMEM;
	i = 0;
	for_each_online_cpu(cpu) {
		if (i == nt)
			break;
		ts[i] = (struct bench_thread){ .index = i, .n = n, .target = target,
					       .floor = floor };
		init_completion(&ts[i].finished);
		ts[i].task = kthread_create_on_cpu(bench_thread_fn, &ts[i], cpu,
						   "condis_bench/%u");
		if (IS_ERR(ts[i].task)) {
			ret = PTR_ERR(ts[i].task);
			break;
		}
		i++;
	}
	nt = i;
	for (i = 0; i < nt; i++)
		wake_up_process(ts[i].task);
	for (i = 0; i < nt; i++) {
		wait_for_completion(&ts[i].finished);
		wall = max(wall, ts[i].ns);
		if (ts[i].status && !ret)
			ret = ts[i].status;
	}
	if (!ret)
		bench_report("%s threads=%u n=%lu ns=%llu\n", what, nt, n * nt, wall);
	kfree(ts);
	return ret;
}

int bench_floor(unsigned long n, unsigned int threads)
{
	int ret;

	/* the flags condis_wq has (kernel/condis/main.c) */
	floor_wq = alloc_workqueue("condis_bench", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	if (!floor_wq)
		return -ENOMEM;
	ret = bench_run("floor", n, threads, BENCH_CORE, true);
	destroy_workqueue(floor_wq);
	return ret;
}

int bench_cycle(unsigned long n, unsigned int threads, enum bench_target target)
{
	if (target == BENCH_LO && bench_open_lo())
		return -ENODEV;
	return bench_run(target == BENCH_LO ? "cycle-lo" : "cycle", n, threads,
			 target, false);
}
