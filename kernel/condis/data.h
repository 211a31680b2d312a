/* SPDX-License-Identifier: GPL-2.0 */
/* data.c: the data path: sends in flight */
#ifndef _CONDIS_DATA_H
#define _CONDIS_DATA_H

#include "internal.h"

void cd_sendc_flush(void);
void cd_vc_sends_wait(struct cd_vc *vc);
int cd_data_init(void);
void cd_data_exit(void);

#endif /* _CONDIS_DATA_H */
