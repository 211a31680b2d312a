/* SPDX-License-Identifier: GPL-2.0 */
/* call.c: calls: close; a call's parameters */
#ifndef _CONDIS_CALL_H
#define _CONDIS_CALL_H

#include "internal.h"
#include "request.h"

void cd_req_ready_params(struct cd_req *req, struct condis_call_params *cp);
void cd_vc_take_params(struct cd_vc *vc, struct cd_req *req);
int cd_close_call(struct cd_vc *vc, struct cd_party *party, const void *buf,
		  u32 len, struct completion *done);
void cd_dispatch_incoming_close(struct cd_vc *vc, int cause, const void *buf,
				u32 len, bool by_cm);
void cd_close_call_wait(struct cd_vc *vc, struct completion *done);

#endif /* _CONDIS_CALL_H */
