/* SPDX-License-Identifier: GPL-2.0 */
/* status.c: status indications (NdisMCoIndicateStatusEx, ProtocolCoStatusEx) */
#ifndef _CONDIS_NDIS_STATUS_H
#define _CONDIS_NDIS_STATUS_H

#include "lib.h"

void ndis_status_to_client(void *cl_ctx, void *cl_vc_ctx, int status, const void *buf,
			   u32 len);
void ndis_status_to_cm(void *cm_ctx, void *cm_vc_ctx, int status, const void *buf, u32 len);
void ndis_status_to_binding(struct ndis_bind *b, int status, const void *buf, u32 len);

#endif /* _CONDIS_NDIS_STATUS_H */
