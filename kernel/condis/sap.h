/* SPDX-License-Identifier: GPL-2.0 */
/* sap.c: SAPs: deregister; incoming-call offers */
#ifndef _CONDIS_SAP_H
#define _CONDIS_SAP_H

#include "internal.h"

int cd_deregister_sap(struct cd_sap *sap, struct completion *done);
void cd_deregister_sap_wait(struct cd_sap *sap, struct completion *done);
int cd_sap_offer_get(struct cd_sap *sap);
void cd_sap_offer_put(struct cd_sap *sap);
void cd_sap_forget(struct cd_sap *sap);

#endif /* _CONDIS_SAP_H */
