/* SPDX-License-Identifier: GPL-2.0 */
/* watch.c: protocol drivers told of adapters (struct condis_adapter_watch) */
#ifndef _CONDIS_WATCH_H
#define _CONDIS_WATCH_H

#include "internal.h"

void cd_watch_added(struct cd_adapter *ad);
void cd_watch_removing(struct cd_adapter *ad);
void cd_watch_status(struct cd_adapter *ad, int status, const void *buf, u32 len);

#endif /* _CONDIS_WATCH_H */
