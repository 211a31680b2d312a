/* SPDX-License-Identifier: GPL-2.0 */
/* condis_bench: held VCs and calls (hold.c). */
#ifndef _CONDIS_BENCH_HOLD_H
#define _CONDIS_BENCH_HOLD_H

#include "bench.h"

int bench_slots_init(void);
void bench_slots_exit(void);
int bench_hold_vcs(unsigned long n);
int bench_hold_calls(unsigned long n, enum bench_target target);
int bench_release(void);
unsigned long bench_held(void);

#endif /* _CONDIS_BENCH_HOLD_H */
