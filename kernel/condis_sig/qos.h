/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: QoS modify: the client's new parameters asked of every
 * active leg.
 */
#ifndef _CONDIS_SIG_QOS_H
#define _CONDIS_SIG_QOS_H

#include <linux/types.h>

struct condis_call_params;
struct sig_leg;

void sig_qos_answer(struct sig_leg *leg, int status);
void sig_qos_abandon(struct sig_leg *leg);

/* CM handler (condis_sig_cm_ops) */
int sig_modify_qos(void *cm_vc_ctx, struct condis_call_params *cp);

#endif /* _CONDIS_SIG_QOS_H */
