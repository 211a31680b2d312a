// SPDX-License-Identifier: GPL-2.0
/*
 * Status indications: a miniport's NdisMCoIndicateStatusEx, and a
 * protocol's ProtocolCoStatusEx with the NDIS_STATUS_INDICATION the DDK
 * gives it.
 *
 * Indications carry informational codes (NDIS_STATUS_MEDIA_CONNECT, the
 * WAN link parameters, ...) that are not errors: through condis they go
 * as they are, a positive int; error codes become condis's errnos and back.
 */
#include <linux/module.h>
#include "lib.h"
#include "status.h"

static int ndis_indication_to_condis(NDIS_STATUS code)
{
	return code > 0 && code != NDIS_STATUS_PENDING ? code : ndis_to_condis(code);
}

static NDIS_STATUS ndis_indication_from_condis(int status)
{
	return status > 0 && status != CONDIS_PENDING ? status : ndis_from_condis(status);
}

static void ndis_status_indicate(struct ndis_drv *drv, struct ndis_bind *b, struct ndis_vc *v,
				 int status, const void *buf, u32 len)
{
	NDIS_STATUS_INDICATION ind = {
		.Header = {
			.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION,
			.Revision = NDIS_STATUS_INDICATION_REVISION_1,
			.Size = NDIS_SIZEOF_STATUS_INDICATION_REVISION_1,
		},
		.SourceHandle = b,
		.StatusCode = ndis_indication_from_condis(status),
		.StatusBuffer = (PVOID)buf,
		.StatusBufferSize = len,
	};

	if (drv->has_co && drv->co.CoStatusHandlerEx)
		drv->co.CoStatusHandlerEx(b ? b->ctx : NULL, v ? v->ctx : NULL, &ind);
}

/*
 * A VC's status, to a client or a call manager on the VC's binding. An
 * adapter-wide one reaches every protocol bound to the adapter through
 * the adapter watch (ndis_status_to_binding()), not through here.
 */
void ndis_status_to_client(void *cl_ctx, void *cl_vc_ctx, int status, const void *buf, u32 len)
{
	struct ndis_vc *v = cl_vc_ctx;

	if (v)
		ndis_status_indicate(v->drv, v->bind, v, status, buf, len);
}

void ndis_status_to_cm(void *cm_ctx, void *cm_vc_ctx, int status, const void *buf, u32 len)
{
	struct ndis_cm *cm = cm_ctx;

	if (cm->bind && cm_vc_ctx)	/* (a miniport call manager is the one indicating) */
		ndis_status_indicate(cm->drv, cm->bind, cm_vc_ctx, status, buf, len);
}

/* An adapter-wide status, to a protocol bound to the adapter. */
void ndis_status_to_binding(struct ndis_bind *b, int status, const void *buf, u32 len)
{
	ndis_status_indicate(b->drv, b, NULL, status, buf, len);
}

/*
 * NdisMCoIndicateStatusEx - a miniport reports a status change
 * @MiniportAdapterHandle: its adapter
 * @NdisVcHandle: the VC it is about, or NULL for every protocol bound to
 *	the adapter
 * @StatusIndication: the indication (StatusCode, StatusBuffer, its size)
 */
VOID NdisMCoIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisVcHandle,
			     PNDIS_STATUS_INDICATION StatusIndication)
{
	struct ndis_mp *mp = MiniportAdapterHandle;
	struct ndis_vc *v = NdisVcHandle;

	condis_mco_indicate_status(mp->adapter, v ? v->vc : NULL,
				   ndis_indication_to_condis(StatusIndication->StatusCode),
				   StatusIndication->StatusBuffer,
				   StatusIndication->StatusBufferSize);
}
EXPORT_SYMBOL_GPL(NdisMCoIndicateStatusEx);
