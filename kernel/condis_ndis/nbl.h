/* SPDX-License-Identifier: GPL-2.0 */
/* nbl.c: what frames.c uses of the NET_BUFFER routines */
#ifndef _CONDIS_NDIS_NBL_H
#define _CONDIS_NDIS_NBL_H

#include "lib.h"

void ndis_nb_init(PNET_BUFFER nb, NDIS_HANDLE pool, PMDL chain, ULONG offset, SIZE_T length);
int ndis_nb_unshare(PNET_BUFFER nb);
ULONG ndis_nb_copy_out(PNET_BUFFER nb, ULONG off, ULONG len, void *dst);

#endif /* _CONDIS_NDIS_NBL_H */
