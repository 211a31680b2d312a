// SPDX-License-Identifier: GPL-2.0
/*
 * condis_bench: the result of the last command, as lines for the control
 * file's reader (ctl.c serializes commands and reads).
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include "report.h"

static char bench_result[1024];
static size_t bench_result_len;

void bench_report(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bench_result_len += vscnprintf(bench_result + bench_result_len,
				       sizeof(bench_result) - bench_result_len, fmt, ap);
	va_end(ap);
}

void bench_report_clear(void)
{
	bench_result_len = 0;
}

ssize_t bench_report_read(char __user *ubuf, size_t len, loff_t *pos)
{
	return simple_read_from_buffer(ubuf, len, pos, bench_result, bench_result_len);
}
