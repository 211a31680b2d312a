/* SPDX-License-Identifier: GPL-2.0 */
/* frames.c: sk_buffs as NET_BUFFER_LISTs and back: sends, receives, returns */
#ifndef _CONDIS_NDIS_FRAMES_H
#define _CONDIS_NDIS_FRAMES_H

#include <linux/skbuff.h>
#include "lib.h"

void ndis_frames_receive(void *vc_ctx, struct sk_buff *skb);
void ndis_frames_send_complete(void *vc_ctx, struct sk_buff *skb, int status);
void ndis_frames_mp_send(void *mp_vc_ctx, struct sk_buff *skb);
void ndis_frames_reclaim(struct ndis_mp *mp);
void ndis_frames_flush(void);

#endif /* _CONDIS_NDIS_FRAMES_H */
