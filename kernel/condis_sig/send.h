/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_sig: sending messages about a leg, and sending them again until
 * they are answered.
 */
#ifndef _CONDIS_SIG_SEND_H
#define _CONDIS_SIG_SEND_H

#include <linux/types.h>
#include <net/condis.h>

struct condis_sig;
struct condis_wire_sig;
struct sig_leg;

extern unsigned int sig_max_retries;

void sig_log_msg(struct condis_sig *sig, bool tx, const u8 *peer,
		 const struct condis_wire_sig *m);
void sig_drop(struct condis_sig *sig, enum condis_drop why);
u32 sig_token(void);
void sig_send_cp(struct sig_leg *leg, u8 type, int cause,
		 const struct condis_call_params *cp);
void sig_send(struct sig_leg *leg, u8 type, int cause);
void sig_reply(struct condis_sig *sig, const u8 *dst,
	       const struct condis_wire_sig *m, u8 type, int cause);
unsigned long sig_retry_delay(unsigned int n);
unsigned long sig_calling_delay(const struct sig_leg *leg, unsigned long delay);
bool sig_calling_late(const struct sig_leg *leg);
unsigned long sig_deadline(void);
void sig_send_retry(struct sig_leg *leg, u8 type, int cause);
void sig_answered(struct sig_leg *leg);

#endif /* _CONDIS_SIG_SEND_H */
