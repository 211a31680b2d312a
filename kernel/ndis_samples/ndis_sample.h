/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the NDIS samples agree on: the address family the sample call
 * manager registers (and condis's Ethernet one, which the sample client
 * also uses), the SAP the sample client registers and calls, and
 * how the call manager has a miniport connect the two VCs of a call: both
 * activated with media-specific parameters of type SAMPLE_MEDIA_CHANNEL
 * holding the same channel number (condis_lo's convention,
 * <net/condis_lo.h>, which the sample miniport follows).
 */
#ifndef _NDIS_SAMPLE_H
#define _NDIS_SAMPLE_H

#include <linux/condis.h>
#include <net/condis_lo.h>

#define NDIS_SAMPLE_AF		0x8001
#define NDIS_SAMPLE_AF_MAJOR	3

/*
 * condis's signalling over Ethernet (condis_eth's integrated call manager,
 * condis_ethcm's stand-alone one): a call's CallMgrSpecific is the called
 * station's MAC address and the called SAP's address
 */
#define NDIS_SAMPLE_AF_ETHERNET	CONDIS_AF_TYPE_ETHERNET
#define NDIS_SAMPLE_MAC_LEN	6
#define NDIS_SAMPLE_SAP		"ndis-sample"
#define SAMPLE_MEDIA_CHANNEL	CONDIS_LO_MEDIA_CHANNEL

/* the sample miniport's adapter, and the payload prefix it refuses to send */
#define NDIS_SAMPLE_MP_NAME	"ndismp0"
#define NDIS_SAMPLE_REFUSE	"refuse"

#endif /* _NDIS_SAMPLE_H */
