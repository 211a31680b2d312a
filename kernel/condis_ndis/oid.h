/* SPDX-License-Identifier: GPL-2.0 */
/* oid.c: OID requests (NdisCoOidRequest and the handlers' side) */
#ifndef _CONDIS_NDIS_OID_H
#define _CONDIS_NDIS_OID_H

#include "lib.h"

int ndis_oid_request_cl(void *cl_af_ctx, void *cl_vc_ctx, struct condis_oid_request *req);
void ndis_oid_request_complete_cl(void *cl_af_ctx, struct condis_oid_request *req, int status);
int ndis_oid_request_cm(void *cm_af_ctx, void *cm_vc_ctx, struct condis_oid_request *req);
void ndis_oid_request_complete_cm(void *cm_af_ctx, struct condis_oid_request *req, int status);
void ndis_oid_adapter_wait(struct ndis_bind *b);
int ndis_oid_request_mp(void *mp_ctx, void *mp_vc_ctx, struct condis_oid_request *req);

#endif /* _CONDIS_NDIS_OID_H */
