/* SPDX-License-Identifier: GPL-2.0 */
/* condis_bench: the debugfs control file (ctl.c). */
#ifndef _CONDIS_BENCH_CTL_H
#define _CONDIS_BENCH_CTL_H

void bench_ctl_init(void);
void bench_ctl_exit(void);

#endif /* _CONDIS_BENCH_CTL_H */
