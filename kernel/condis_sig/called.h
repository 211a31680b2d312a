/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: the called side: a call offered by another station, and the
 * called client's answer.
 */
#ifndef _CONDIS_SIG_CALLED_H
#define _CONDIS_SIG_CALLED_H

#include <linux/types.h>

struct condis_call_params;
struct condis_sap_desc;
struct condis_sig;
struct condis_wire_sig;

void sig_incoming(struct condis_sig *sig, const u8 *src,
		  const struct condis_wire_sig *m, struct condis_call_params **cpp,
		  const struct condis_sap_desc *desc);

/* CM handler (condis_sig_cm_ops) */
void sig_incoming_call_complete(int status, void *cm_vc_ctx,
				const struct condis_call_params *cp);

#endif /* _CONDIS_SIG_CALLED_H */
