/* SPDX-License-Identifier: GPL-2.0 */
/* condis_bench: the call cycle and its workqueue floor (cycle.c). */
#ifndef _CONDIS_BENCH_CYCLE_H
#define _CONDIS_BENCH_CYCLE_H

#include "bench.h"

int bench_floor(unsigned long n, unsigned int threads);
int bench_cycle(unsigned long n, unsigned int threads, enum bench_target target);

#endif /* _CONDIS_BENCH_CYCLE_H */
