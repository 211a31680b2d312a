/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: the calling side: setting up a call (or adding a party) and\n * its answer.
 */
#ifndef _CONDIS_SIG_CALL_H
#define _CONDIS_SIG_CALL_H

#include <linux/types.h>

struct condis_call_params;
struct condis_party;
struct condis_sig;
struct condis_wire_sig;
struct sig_leg;

void sig_leg_failed(struct sig_leg *leg, int status);
void sig_connected(struct condis_sig *sig, struct sig_leg *leg,
		   const struct condis_wire_sig *m);

/* CM handlers (condis_sig_cm_ops) */
int sig_make_call(void *cm_vc_ctx, struct condis_call_params *cp,
		  struct condis_party *party, void **cm_party_ctx);
int sig_add_party(void *cm_vc_ctx, struct condis_call_params *cp,
		  struct condis_party *party, void **cm_party_ctx);

#endif /* _CONDIS_SIG_CALL_H */
