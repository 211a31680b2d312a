/* SPDX-License-Identifier: GPL-2.0 */
/* vc.c: VCs and parties as drivers have them (NdisCo* on VCs) */
#ifndef _CONDIS_NDIS_VC_H
#define _CONDIS_NDIS_VC_H

#include "lib.h"

struct ndis_vc *ndis_vc_alloc(struct ndis_drv *drv, u8 role, struct ndis_af *af,
			      NDIS_HANDLE ctx);
void ndis_vc_free(struct ndis_vc *v);
struct ndis_party *ndis_party_alloc(struct ndis_vc *v, NDIS_HANDLE ctx);
void ndis_party_free(struct ndis_party *p);

#endif /* _CONDIS_NDIS_VC_H */
