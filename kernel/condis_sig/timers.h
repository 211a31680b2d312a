/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: the retransmission timer of a leg (delayed work on the
 * engine's workqueue).
 */
#ifndef _CONDIS_SIG_TIMERS_H
#define _CONDIS_SIG_TIMERS_H

#include <linux/types.h>

struct work_struct;

void sig_timer_fn(struct work_struct *work);

#endif /* _CONDIS_SIG_TIMERS_H */
