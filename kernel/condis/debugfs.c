// SPDX-License-Identifier: GPL-2.0
/*
 * condis's debugfs directory: verifier (the verifier's counts), objects
 * (live objects by type), calls (VCs by call state, walked as a dump walks
 * them).
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include "internal.h"
#include "object.h"
#include "verifier.h"
#include "debugfs.h"

static struct dentry *cd_debugfs;

static int vrf_show(struct seq_file *m, void *v)
{
	int r;

	for (r = 0; r < __CONDIS_VRF_MAX; r++)
		seq_printf(m, "%-24s %lu\n", condis_verifier_rule_name(r),
			   condis_verifier_count(r));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(vrf);

static int objects_show(struct seq_file *m, void *v)
{
	int t;

	for (t = 1; t < __CD_TYPE_MAX; t++)
		seq_printf(m, "%-8s %lu\n", cd_type_name(t), cd_obj_count(t));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(objects);

/*
 * VCs by call state, of every namespace, walked the way a netlink dump
 * walks them (cd_obj_next): reading it is that walk without the messages.
 */
static int calls_show(struct seq_file *m, void *v)
{
	unsigned long n[CALL_CLOSING + 1] = {}, id = 0;
	struct cd_obj *o;
	unsigned int s;

	while ((o = cd_obj_next(CD_VC, &id, NULL))) {
		s = READ_ONCE(container_of(o, struct cd_vc, o)->call);
		if (s < ARRAY_SIZE(n))
			n[s]++;
		cd_obj_put(o);
		id++;
		cond_resched();
	}
	for (s = 0; s < ARRAY_SIZE(n); s++)
		seq_printf(m, "%-10s %lu\n", cd_state_name(CD_ST_CALL, s), n[s]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(calls);

int cd_debugfs_init(void)
{
	cd_debugfs = debugfs_create_dir("condis", NULL);
	debugfs_create_file("verifier", 0444, cd_debugfs, NULL, &vrf_fops);
	debugfs_create_file("objects", 0444, cd_debugfs, NULL, &objects_fops);
	debugfs_create_file("calls", 0444, cd_debugfs, NULL, &calls_fops);
	return 0;
}

void cd_debugfs_exit(void)
{
	debugfs_remove(cd_debugfs);
}
