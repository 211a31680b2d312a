// SPDX-License-Identifier: GPL-2.0
/*
 * The control file, /sys/kernel/debug/condis_bench/ctl. Write a command;
 * the write returns when it has run (or with its error); read the result
 * lines. Commands:
 *
 *   floor N all|one              queue_work + complete round trips
 *   cycle N all|one [lo]         call cycles on the bench MCM or condis_lo
 *   hold-vcs N                   create N idle VCs, report their slab
 *   hold-calls N [lo]            make N calls and keep them up
 *   release                      close and delete what is held
 *
 * "all" runs a thread on each online CPU, each doing N; "one" a single
 * thread. Root only (debugfs); for benchmarks, not production.
 */
#include <linux/debugfs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "ctl.h"
#include "cycle.h"
#include "hold.h"
#include "report.h"

static DEFINE_MUTEX(bench_lock);	/* one command at a time; the result */
static struct dentry *bench_dir;

static int bench_command(char *line)
{
	char *argv[4] = {}, *p = strim(line);
	enum bench_target target = BENCH_CORE;
	unsigned int argc = 0, threads = 1;
	unsigned long n = 0;

	while (p && *p && argc < ARRAY_SIZE(argv))
		argv[argc++] = strsep(&p, " \t");
	if (!argc)
		return -EINVAL;
	if (!strcmp(argv[0], "release"))
		return bench_release();
	if (argc < 2 || kstrtoul(argv[1], 0, &n) || !n)
		return -EINVAL;
	if (!strcmp(argv[0], "floor") || !strcmp(argv[0], "cycle")) {
		if (argc < 3 || (strcmp(argv[2], "all") && strcmp(argv[2], "one")))
			return -EINVAL;
		threads = !strcmp(argv[2], "one");
		if (argc > 3 && !strcmp(argv[3], "lo"))
			target = BENCH_LO;
		else if (argc > 3)
			return -EINVAL;
		return argv[0][0] == 'f' ? bench_floor(n, threads) :
					   bench_cycle(n, threads, target);
	}
	if (!strcmp(argv[0], "hold-vcs") && argc == 2)
		return bench_hold_vcs(n);
	if (!strcmp(argv[0], "hold-calls")) {
		if (argc > 2 && !strcmp(argv[2], "lo"))
			target = BENCH_LO;
		else if (argc > 2)
			return -EINVAL;
		return bench_hold_calls(n, target);
	}
	return -EINVAL;
}

static ssize_t bench_ctl_write(struct file *f, const char __user *ubuf, size_t len,
			       loff_t *pos)
{
	char *line;
	int ret;

	if (len > 128)
		return -EINVAL;
	line = memdup_user_nul(ubuf, len);
	if (IS_ERR(line))
		return PTR_ERR(line);
	mutex_lock(&bench_lock);
	bench_report_clear();
	ret = bench_command(line);
	mutex_unlock(&bench_lock);
	kfree(line);
	return ret ?: len;
}

static ssize_t bench_ctl_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos)
{
	ssize_t ret;

	mutex_lock(&bench_lock);
	ret = bench_report_read(ubuf, len, pos);
	mutex_unlock(&bench_lock);
	return ret;
}

static const struct file_operations bench_ctl_fops = {
	.owner = THIS_MODULE,
	.write = bench_ctl_write,
	.read = bench_ctl_read,
	.llseek = default_llseek,
};

void bench_ctl_init(void)
{
	bench_dir = debugfs_create_dir("condis_bench", NULL);
	debugfs_create_file("ctl", 0600, bench_dir, NULL, &bench_ctl_fops);
}

/* Waits for a command still running. */
void bench_ctl_exit(void)
{
	debugfs_remove(bench_dir);
}
