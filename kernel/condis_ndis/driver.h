/* SPDX-License-Identifier: GPL-2.0 */
/* driver.c: registered drivers and their optional handlers */
#ifndef _CONDIS_NDIS_DRIVER_H
#define _CONDIS_NDIS_DRIVER_H

#include "lib.h"

struct ndis_drv *ndis_drv_alloc(enum ndis_drv_kind kind, NDIS_HANDLE ctx, const char *name);
void ndis_drv_free(struct ndis_drv *drv);
NDIS_STATUS ndis_drv_set_options(struct ndis_drv *drv, SET_OPTIONS_HANDLER set_options);

#endif /* _CONDIS_NDIS_DRIVER_H */
