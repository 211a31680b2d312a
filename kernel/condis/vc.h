/* SPDX-License-Identifier: GPL-2.0 */
/* vc.c: VCs: create, delete, activate, deactivate; their parties */
#ifndef _CONDIS_VC_H
#define _CONDIS_VC_H

#include "internal.h"

void cd_vc_release_parties(struct cd_vc *vc);
void cd_party_unlink(struct cd_party *party);
struct cd_party *cd_party_alloc(struct cd_vc *vc, void *cl_ctx);
struct cd_party *cd_party_new(struct cd_vc *vc, void *cl_ctx);
void cd_vc_destroy(struct cd_vc *vc);
int cd_vc_create(struct cd_af *af, u8 creator, void *ctx, struct cd_vc **out);
/* cd_vc_delete()'s @how: from atomic context; for a teardown (no refusal) */
#define CD_DELETE_ATOMIC	BIT(0)
#define CD_DELETE_FINAL		BIT(1)

int cd_vc_delete(struct cd_vc *vc, u8 by, unsigned int how);
int cd_vc_activate(struct cd_vc *vc, struct condis_call_params *cp, bool mcm,
		   struct completion *done);
int cd_vc_deactivate(struct cd_vc *vc, bool mcm, struct completion *done);
void cd_vc_deactivate_wait(struct cd_vc *vc, struct completion *done);

#endif /* _CONDIS_VC_H */
