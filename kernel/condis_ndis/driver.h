/* SPDX-License-Identifier: GPL-2.0 */
/* driver.c: registered drivers, their optional handlers, a client's AFs and SAPs */
#ifndef _CONDIS_NDIS_DRIVER_H
#define _CONDIS_NDIS_DRIVER_H

#include "lib.h"

struct ndis_drv *ndis_drv_alloc(enum ndis_drv_kind kind, NDIS_HANDLE ctx, const char *name);
void ndis_drv_free(struct ndis_drv *drv);
NDIS_STATUS ndis_drv_set_options(struct ndis_drv *drv, SET_OPTIONS_HANDLER set_options);

struct ndis_af *ndis_cl_af_new(struct ndis_bind *b, NDIS_HANDLE ctx);
void ndis_cl_af_free(struct ndis_af *a);
struct ndis_sap *ndis_cl_sap_new(struct ndis_af *a, NDIS_HANDLE ctx, PCO_SAP Sap);
void ndis_cl_sap_free(struct ndis_drv *drv, struct ndis_sap *s);

#endif /* _CONDIS_NDIS_DRIVER_H */
