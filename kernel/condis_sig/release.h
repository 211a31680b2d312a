/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: releasing: a client's close call and drop party, and a far
 * end that went.
 */
#ifndef _CONDIS_SIG_RELEASE_H
#define _CONDIS_SIG_RELEASE_H

#include <linux/types.h>

struct condis_sig;
struct sig_leg;

void sig_far_end_gone(struct sig_leg *leg, int cause);
void sig_released(struct condis_sig *sig, struct sig_leg *leg);

/* CM handlers (condis_sig_cm_ops) */
int sig_close_call(void *cm_vc_ctx, void *cm_party_ctx, const void *buf, u32 len);
int sig_drop_party(void *cm_party_ctx, const void *buf, u32 len);

#endif /* _CONDIS_SIG_RELEASE_H */
