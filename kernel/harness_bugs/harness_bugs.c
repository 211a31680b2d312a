// SPDX-License-Identifier: GPL-2.0
/*
 * harness_bugs: a module that makes, when it is loaded, the one kernel bug
 * its parameter names, so that the harness self-test (tests/vm/selftest.sh)
 * can show that a run with that bug fails:
 *
 *   bug=kasan   reads memory after freeing it (a KASAN report)
 *   bug=leak    drops the only pointer to an allocation (a kmemleak report)
 *
 * Test kernels only; condis never loads it.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *bug = "";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "the bug to make at load: kasan or leak (string)");

/*
 * Not __init: kmemleak reports the leak after init's text is freed, and
 * its backtrace must still name this function.
 */
static noinline int harness_bugs_leak(void)
{
	char *p = kmalloc(256, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	memset(p, 0x5a, 256);
	OPTIMIZER_HIDE_VAR(p);
	pr_info("harness_bugs: 256 bytes leaked\n");
	return 0;
}

static int __init harness_bugs_init(void)
{
	char *p;

	if (!strcmp(bug, "kasan")) {
		p = kmalloc(64, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		kfree(p);
		OPTIMIZER_HIDE_VAR(p);
		pr_info("harness_bugs: read after free: %d\n", READ_ONCE(p[8]));
		return 0;
	}
	if (!strcmp(bug, "leak"))
		return harness_bugs_leak();
	pr_err("harness_bugs: bug=kasan or bug=leak\n");
	return -EINVAL;
}

static void __exit harness_bugs_exit(void)
{
}

module_init(harness_bugs_init);
module_exit(harness_bugs_exit);
MODULE_DESCRIPTION("The bugs the condis test harness must catch (make check's self-test)");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
