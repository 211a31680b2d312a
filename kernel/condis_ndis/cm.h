/* SPDX-License-Identifier: GPL-2.0 */
/* cm.c: call managers (NdisCm*, NdisMCm*) and their condis handlers */
#ifndef _CONDIS_NDIS_CM_H
#define _CONDIS_NDIS_CM_H

#include "lib.h"

void ndis_cm_versions(struct condis_adapter *adapter, PCO_ADDRESS_FAMILY af);
void ndis_cm_unregister(struct ndis_cm *cm);
void ndis_cm_forget(struct ndis_cm *cm);

#endif /* _CONDIS_NDIS_CM_H */
