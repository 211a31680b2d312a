// SPDX-License-Identifier: GPL-2.0
/*
 * The CoNDIS WAN interface, NDISWAN's side: what the miniport's VCs carry
 * (OID_WAN_CO_GET_INFO, once per channel), how a VC is framed once PPP has
 * negotiated its link (OID_WAN_CO_SET_LINK_INFO: the MRU, the ACCMs), and
 * the send window the miniport indicates on a VC
 * (NDIS_STATUS_WAN_CO_LINKPARAMS).
 */
#include "link.h"

/* the most frames a channel has in flight, whatever the miniport allows */
#define CPPP_WINDOW_MAX	64
/* the smallest MRU pppd negotiates */
#define CPPP_MRU_MIN	128

/**
 * cppp_link_info - ask the miniport what its VCs carry
 * @c: the channel being made
 *
 * Return: 0; -EPROTONOSUPPORT when the miniport does not carry PPP; the
 * request's error (-ENOTTY: it is no WAN miniport).
 */
int cppp_link_info(struct cppp_chan *c)
{
	struct condis_wan_co_info *info = &c->info;
	int ret;

	ret = condis_vcfd_oid_request(c->f, CONDIS_OID_QUERY, CONDIS_OID_WAN_CO_GET_INFO,
				      info, sizeof(*info));
	if (ret < 0)
		return ret;
	if (ret < sizeof(*info) || !(info->framing_bits & CONDIS_WAN_PPP_FRAMING) ||
	    info->max_frame_size < CPPP_MRU_MIN)
		return -EPROTONOSUPPORT;
	info->max_send_window = clamp_t(u32, info->max_send_window, 1, CPPP_WINDOW_MAX);
	c->link.max_send_frame_size = info->max_frame_size;
	c->link.max_recv_frame_size = info->max_frame_size;
	return 0;
}

/**
 * cppp_link_set - frame the VC as PPP negotiated it
 * @c: the channel
 * @mru: the largest frame the link takes (0: as it is)
 * @send_accm: the ACCM to send with
 * @recv_accm: the ACCM received with
 *
 * Context: process.
 * Return: 0 or the request's error (-EINVAL for an MRU over what the
 * miniport carries).
 */
int cppp_link_set(struct cppp_chan *c, u32 mru, u32 send_accm, u32 recv_accm)
{
	struct condis_wan_co_link_info link;
	int ret;

	if (mru > c->info.max_frame_size)
		return -EINVAL;
	mutex_lock(&c->lock);
	link = c->link;
	if (mru)
		link.max_recv_frame_size = mru;
	/* what the miniport carries, no more: a PPPoE link compresses nothing */
	link.send_framing_bits = c->info.framing_bits & (CONDIS_WAN_PPP_FRAMING |
							 CONDIS_WAN_PPP_ACCM_SUPPORTED);
	link.recv_framing_bits = link.send_framing_bits;
	if (c->info.framing_bits & CONDIS_WAN_PPP_ACCM_SUPPORTED) {
		link.send_accm = send_accm;
		link.recv_accm = recv_accm;
	}
	ret = condis_vcfd_oid_request(c->f, CONDIS_OID_SET, CONDIS_OID_WAN_CO_SET_LINK_INFO,
				      &link, sizeof(link));
	if (ret >= 0) {
		c->link = link;
		ret = 0;
	}
	mutex_unlock(&c->lock);
	return ret;
}

/**
 * cppp_link_status - a status the miniport indicated on the VC
 * @status: the status
 * @buf: its details
 * @len: their size
 *
 * Context: under RCU, no sleeping.
 * Return: the VC's send window, when @status gave one; -1 otherwise.
 */
int cppp_link_status(int status, const void *buf, u32 len)
{
	struct condis_wan_co_linkparams p;

	if (status != CONDIS_NDIS_STATUS_WAN_CO_LINKPARAMS || len < sizeof(p))
		return -1;
	memcpy(&p, buf, sizeof(p));
	return min_t(u32, p.send_window, CPPP_WINDOW_MAX);
}
