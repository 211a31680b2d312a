/* SPDX-License-Identifier: GPL-2.0 */
/* debugfs.c: debugfs: the objects and the verifier's counters */
#ifndef _CONDIS_DEBUGFS_H
#define _CONDIS_DEBUGFS_H

#include "internal.h"

int cd_debugfs_init(void);
void cd_debugfs_exit(void);

#endif /* _CONDIS_DEBUGFS_H */
