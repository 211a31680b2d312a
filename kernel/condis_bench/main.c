// SPDX-License-Identifier: GPL-2.0
/*
 * condis_bench: module init and exit. The benchmarks are driven through
 * the control file (ctl.c) by tests/bench/guest-bench.sh.
 */
#include <linux/module.h>
#include "ctl.h"
#include "hold.h"
#include "roles.h"

static int __init bench_init(void)
{
	int ret;

	ret = bench_slots_init();
	if (ret)
		return ret;
	ret = bench_roles_init();
	if (ret)
		goto err_slots;
	bench_ctl_init();
	return 0;

err_slots:
	bench_slots_exit();
	return ret;
}

static void __exit bench_exit(void)
{
	bench_ctl_exit();
	bench_release();
	bench_roles_exit();
	bench_slots_exit();
}

module_init(bench_init);
module_exit(bench_exit);
MODULE_DESCRIPTION("condis in-kernel benchmarks (make bench)");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
