/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <net/condis_wan.h>: the CoNDIS WAN interface (Windows' NDISWAN to a
 * CoNDIS WAN miniport), for condis's own drivers. A WAN miniport answers
 * OID_WAN_CO_GET_INFO for its adapter and OID_WAN_CO_SET_LINK_INFO /
 * OID_WAN_CO_GET_LINK_INFO for a VC, and indicates
 * NDIS_STATUS_WAN_CO_LINKPARAMS on a VC when its speed or send window
 * changes. The layouts are the DDK's (NDIS_WAN_CO_INFO,
 * NDIS_WAN_CO_SET_LINK_INFO, WAN_CO_LINKPARAMS: ULONGs in host order), so
 * that a driver built against <net/condis_ndis.h> answers the same bytes.
 */
#ifndef _NET_CONDIS_WAN_H
#define _NET_CONDIS_WAN_H

#include <linux/types.h>

/* The OIDs (ntddndis.h) */
#define CONDIS_OID_WAN_CO_GET_INFO		0x04010180
#define CONDIS_OID_WAN_CO_SET_LINK_INFO		0x04010181
#define CONDIS_OID_WAN_CO_GET_LINK_INFO		0x04010182

/* The status a miniport indicates on a VC (NDIS_STATUS_WAN_CO_LINKPARAMS) */
#define CONDIS_NDIS_STATUS_WAN_CO_LINKPARAMS	0x40010016

/* Framing bits (ndiswan.h): what a link can carry and how */
#define CONDIS_WAN_PPP_FRAMING			0x00000100
#define CONDIS_WAN_PPP_COMPRESS_ADDRESS_CONTROL	0x00000200
#define CONDIS_WAN_PPP_COMPRESS_PROTOCOL_FIELD	0x00000400
#define CONDIS_WAN_PPP_ACCM_SUPPORTED		0x00000800

/**
 * struct condis_wan_co_info - OID_WAN_CO_GET_INFO (NDIS_WAN_CO_INFO)
 * @max_frame_size: the largest PPP frame the adapter carries, without its
 *	own framing
 * @max_send_window: sends a VC may have outstanding (at least 1)
 * @framing_bits: CONDIS_WAN_* bits the adapter supports
 * @desired_accm: the ACCM an asynchronous medium wants (0: none)
 */
struct condis_wan_co_info {
	u32 max_frame_size;
	u32 max_send_window;
	u32 framing_bits;
	u32 desired_accm;
};

/**
 * struct condis_wan_co_link_info - OID_WAN_CO_SET_LINK_INFO and
 *	OID_WAN_CO_GET_LINK_INFO (NDIS_WAN_CO_SET_LINK_INFO)
 * @max_send_frame_size: the largest frame the protocol sends on the VC
 * @max_recv_frame_size: the largest frame it takes (the negotiated MRU)
 * @send_framing_bits: framing of frames sent
 * @recv_framing_bits: framing of frames received
 * @send_compression_bits: reserved
 * @recv_compression_bits: reserved
 * @send_accm: the ACCM sent with (asynchronous media)
 * @recv_accm: the ACCM received with
 */
struct condis_wan_co_link_info {
	u32 max_send_frame_size;
	u32 max_recv_frame_size;
	u32 send_framing_bits;
	u32 recv_framing_bits;
	u32 send_compression_bits;
	u32 recv_compression_bits;
	u32 send_accm;
	u32 recv_accm;
};

/**
 * struct condis_wan_co_linkparams - NDIS_STATUS_WAN_CO_LINKPARAMS
 *	(WAN_CO_LINKPARAMS)
 * @transmit_speed: the speed out, in bps (0: unknown)
 * @receive_speed: the speed in, in bps (0: unknown)
 * @send_window: sends the VC may have outstanding now (0: stop sending)
 */
struct condis_wan_co_linkparams {
	u32 transmit_speed;
	u32 receive_speed;
	u32 send_window;
};

#endif /* _NET_CONDIS_WAN_H */
