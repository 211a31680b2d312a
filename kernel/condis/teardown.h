/* SPDX-License-Identifier: GPL-2.0 */
/* teardown.c: teardown in contract order */
#ifndef _CONDIS_TEARDOWN_H
#define _CONDIS_TEARDOWN_H

#include "internal.h"

void cd_af_teardown(struct cd_af *af, int cause);
void cd_cm_teardown_afs(struct cd_cm *cm, int cause);
void cd_adapter_teardown_cm(struct cd_cm *cm, int cause);

#endif /* _CONDIS_TEARDOWN_H */
