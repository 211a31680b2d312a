/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis.h - what a driver written to the Windows DDK includes: condis's
 * NDIS 6 CoNDIS interface, <net/condis_ndis.h>, under the DDK's name
 */
#ifndef _CONDIS_NDIS_H_DDK
#define _CONDIS_NDIS_H_DDK

#include <net/condis_ndis.h>

#endif /* _CONDIS_NDIS_H_DDK */
