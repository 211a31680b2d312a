/* SPDX-License-Identifier: GPL-2.0 */
/* protocol.c: protocol drivers, their bindings to adapters */
#ifndef _CONDIS_NDIS_PROTOCOL_H
#define _CONDIS_NDIS_PROTOCOL_H

#include "lib.h"

void ndis_protocol_af_notify(struct ndis_drv *drv, struct condis_adapter *adapter,
			     u32 af_type);
int ndis_protocol_init(void);
void ndis_protocol_exit(void);

#endif /* _CONDIS_NDIS_PROTOCOL_H */
