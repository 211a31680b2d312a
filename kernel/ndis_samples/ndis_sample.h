/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the two NDIS-style samples agree on: the address family the sample
 * call manager registers on the loopback adapter, and the SAP the sample
 * client registers and calls.
 */
#ifndef _NDIS_SAMPLE_H
#define _NDIS_SAMPLE_H

#define NDIS_SAMPLE_AF		0x8001
#define NDIS_SAMPLE_SAP		"ndis-sample"

#endif /* _NDIS_SAMPLE_H */
