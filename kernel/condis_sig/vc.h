/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: the engine's VCs and their legs: making, finding and
 * freeing them, and programming where a VC's frames go.
 */
#ifndef _CONDIS_SIG_VC_H
#define _CONDIS_SIG_VC_H

#include <linux/types.h>

struct condis_call_params;
struct condis_sig;
struct condis_vc;
struct sig_leg;
struct sig_vc;

struct sig_leg *sig_leg_new(struct sig_vc *vc, bool caller);
u32 sig_in_key(const struct condis_sig *sig, const u8 *peer, u32 ref);
void sig_leg_settled(struct condis_sig *sig, struct sig_leg *leg);
void sig_leg_free(struct condis_sig *sig, struct sig_leg *leg);
struct sig_leg *sig_find_in(struct condis_sig *sig, const u8 *peer, u32 ref,
			    u32 peer_token, u32 token);
struct sig_leg *sig_find_out(struct condis_sig *sig, const u8 *peer, u32 ref);
bool sig_vc_single(struct sig_vc *vc);
struct sig_leg *sig_vc_leg(struct sig_vc *vc);
struct sig_vc *sig_vc_new(struct condis_sig *sig);
void sig_callee_delete(struct sig_vc *vc);
int sig_vc_program(struct sig_vc *vc);
void sig_vc_deactivate(struct sig_vc *vc);
bool sig_fill_sdu(struct condis_sig *sig, struct condis_call_params *cp);

/* CM handlers (condis_sig_cm_ops) */
int sig_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx);
int sig_delete_vc(void *cm_vc_ctx);

#endif /* _CONDIS_SIG_VC_H */
