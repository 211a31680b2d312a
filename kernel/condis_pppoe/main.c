// SPDX-License-Identifier: GPL-2.0
/*
 * condis_pppoe: module init and exit.
 */
#include <linux/module.h>
#include <net/condis.h>
#include "bind.h"
#include "pppoe.h"

struct workqueue_struct *pppoe_wq;

static int __init pppoe_init(void)
{
	int ret;

	/* a namespace's teardown closes calls through it: memory reclaim may, too */
	pppoe_wq = alloc_ordered_workqueue("condis_pppoe", WQ_MEM_RECLAIM);
	if (!pppoe_wq)
		return -ENOMEM;
	ret = pppoe_bind_init();
	if (ret)
		destroy_workqueue(pppoe_wq);
	return ret;
}

static void __exit pppoe_exit(void)
{
	pppoe_bind_exit();
	destroy_workqueue(pppoe_wq);
}

module_init(pppoe_init);
module_exit(pppoe_exit);
MODULE_DESCRIPTION("condis PPPoE miniport with an integrated call manager (RFC 2516)");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
MODULE_ALIAS("condis-link-pppoe");
