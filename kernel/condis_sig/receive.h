/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: received messages.
 */
#ifndef _CONDIS_SIG_RECEIVE_H
#define _CONDIS_SIG_RECEIVE_H

#include <linux/types.h>

struct sk_buff;
struct work_struct;

/* CM handler (condis_sig_cm_ops): a message on the signalling VC */
void sig_receive(void *cm_vc_ctx, struct sk_buff *skb);
/* the engine's receive queue (struct condis_sig @rx_work) */
void sig_rx_work(struct work_struct *work);

#endif /* _CONDIS_SIG_RECEIVE_H */
