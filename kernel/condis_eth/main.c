// SPDX-License-Identifier: GPL-2.0
/*
 * condis_eth: module init and exit.
 */
#include <linux/module.h>
#include <net/condis.h>
#include "bind.h"

static int __init eth_init(void)
{
	return eth_bind_init();
}

static void __exit eth_exit(void)
{
	eth_bind_exit();
}

module_init(eth_init);
module_exit(eth_exit);
MODULE_DESCRIPTION("condis Ethernet miniport with an integrated call manager");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
MODULE_ALIAS("condis-link-ethernet");
