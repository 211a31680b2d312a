/* SPDX-License-Identifier: GPL-2.0 */
/* condis_bench: the result lines the control file's reader gets (report.c). */
#ifndef _CONDIS_BENCH_REPORT_H
#define _CONDIS_BENCH_REPORT_H

#include <linux/compiler.h>
#include <linux/types.h>

__printf(1, 2) void bench_report(const char *fmt, ...);
void bench_report_clear(void);
ssize_t bench_report_read(char __user *ubuf, size_t len, loff_t *pos);

#endif /* _CONDIS_BENCH_REPORT_H */
