// SPDX-License-Identifier: GPL-2.0
/*
 * condis: connection-oriented NDIS (CoNDIS) for Linux.
 *
 * Module init and exit only; Documentation/condis/architecture.rst maps
 * the files.
 */
#include <linux/module.h>
#include <linux/workqueue.h>
#include "internal.h"
#include "object.h"
#include "request.h"
#include "debugfs.h"
#include "data.h"
#include "netlink/family.h"

struct workqueue_struct *condis_wq;

/**
 * condis_flush - wait until every handler condis owes so far has run
 *
 * Every completion, indication and send completion queued before the call
 * has been delivered when it returns. Deliveries queued by those handlers
 * may still be running: call it again to wait for them too. So may the
 * deliveries a CM's direct completion makes in its own context
 * (CONDIS_CM_DIRECT_COMPLETE), and what they found queued on their object.
 *
 * Context: process; may sleep; not from a condis handler.
 */
void condis_flush(void)
{
	cd_sendc_flush();
	flush_workqueue(condis_wq);
}
EXPORT_SYMBOL_GPL(condis_flush);

static int __init condis_init(void)
{
	int ret;

	condis_wq = alloc_workqueue("condis", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	if (!condis_wq)
		return -ENOMEM;
	ret = cd_requests_init();
	if (ret)
		goto err_wq;
	ret = cd_objects_init();
	if (ret)
		goto err_requests;
	ret = cd_data_init();
	if (ret)
		goto err_objects;
	ret = cd_debugfs_init();
	if (ret)
		goto err_data;
	ret = cd_nl_init();
	if (ret)
		goto err_debugfs;
	pr_info("condis: connection-oriented NDIS framework loaded\n");
	return 0;

err_debugfs:
	cd_debugfs_exit();
err_data:
	cd_data_exit();
err_objects:
	cd_objects_exit();
err_requests:
	cd_requests_exit();
err_wq:
	destroy_workqueue(condis_wq);
	return ret;
}

static void __exit condis_exit(void)
{
	cd_nl_exit();
	cd_debugfs_exit();
	cd_data_exit();
	destroy_workqueue(condis_wq);	/* drains every delivery */
	cd_objects_exit();
	cd_requests_exit();
}

module_init(condis_init);
module_exit(condis_exit);
MODULE_DESCRIPTION("condis: connection-oriented NDIS (CoNDIS) framework");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
MODULE_ALIAS_GENL_FAMILY(CONDIS_FAMILY_NAME);
