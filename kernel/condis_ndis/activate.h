/* SPDX-License-Identifier: GPL-2.0 */
/* activate.c: VC activation by call managers, and its completions */
#ifndef _CONDIS_NDIS_ACTIVATE_H
#define _CONDIS_NDIS_ACTIVATE_H

#include "lib.h"

void ndis_cm_activate_vc_complete(int status, void *cm_vc_ctx,
				  const struct condis_call_params *cp);
void ndis_cm_deactivate_vc_complete(int status, void *cm_vc_ctx);

#endif /* _CONDIS_NDIS_ACTIVATE_H */
