// SPDX-License-Identifier: GPL-2.0
/*
 * condis_ethcm: module init and exit.
 */
#include <linux/module.h>
#include <net/condis.h>
#include "ethcm.h"

static int __init ethcm_mod_init(void)
{
	return ethcm_init();
}

static void __exit ethcm_mod_exit(void)
{
	ethcm_exit();
}

module_init(ethcm_mod_init);
module_exit(ethcm_mod_exit);
MODULE_DESCRIPTION("condis stand-alone call manager for condis_eth adapters");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
MODULE_ALIAS("condis-link-ethernet-cm");
