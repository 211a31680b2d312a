// SPDX-License-Identifier: GPL-2.0
/*
 * condis_ndis: the NDIS library. CoNDIS drivers written to the Windows DDK
 * pages (<net/condis_ndis.h>) run on condis through it: protocol drivers
 * (clients and stand-alone call managers) bind to condis's adapters,
 * miniport drivers (and miniport call managers) are condis adapters.
 *
 * main.c only wires init and exit; a file per concern: driver.c
 * (registered drivers, NdisSetOptionalHandlers), protocol.c (protocol
 * drivers and their bindings), miniport.c (miniport drivers and adapters),
 * client.c (NdisCl*), cm.c (NdisCm*, NdisMCm*), activate.c (VC
 * activation), vc.c (VCs and parties), oid.c (OID requests), status.c
 * (status indications), frames.c (sk_buffs as NET_BUFFER_LISTs), nbl.c
 * (NET_BUFFER_LIST routines),
 * params.c (call parameters and SAPs at the boundary), support.c (the
 * support routines), defer.c (requests made at DISPATCH_LEVEL), config.c
 * (the configuration NDIS reads from the registry); lib.h holds the
 * objects.
 */
#include <linux/module.h>
#include <linux/workqueue.h>
#include "lib.h"
#include "protocol.h"
#include "defer.h"

struct workqueue_struct *ndis_wq;

static int __init ndis_init(void)
{
	int ret;

	ndis_wq = alloc_ordered_workqueue("condis_ndis", 0);
	if (!ndis_wq)
		return -ENOMEM;
	ret = ndis_defer_init();
	if (ret)
		goto err_defer;
	ret = ndis_protocol_init();
	if (ret)
		goto err_protocol;
	return 0;
err_protocol:
	ndis_defer_exit();
err_defer:
	destroy_workqueue(ndis_wq);
	return ret;
}

static void __exit ndis_exit(void)
{
	ndis_protocol_exit();
	ndis_defer_exit();
	destroy_workqueue(ndis_wq);
}

module_init(ndis_init);
module_exit(ndis_exit);
MODULE_DESCRIPTION("condis NDIS library: NDIS 6 CoNDIS drivers on condis");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
