/* SPDX-License-Identifier: GPL-2.0 */
/* party.c: parties: drop */
#ifndef _CONDIS_PARTY_H
#define _CONDIS_PARTY_H

#include "internal.h"

int cd_drop_party(struct cd_party *party, const void *buf, u32 len,
		  struct completion *done);
void cd_drop_party_wait(struct cd_party *p, struct completion *done);

#endif /* _CONDIS_PARTY_H */
