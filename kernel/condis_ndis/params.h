/* SPDX-License-Identifier: GPL-2.0 */
/* params.c: CO_CALL_PARAMETERS and CO_SAP at condis's boundary */
#ifndef _CONDIS_NDIS_PARAMS_H
#define _CONDIS_NDIS_PARAMS_H

#include "lib.h"

PCO_CALL_PARAMETERS ndis_params_from_cp(const struct condis_call_params *cp);
void ndis_params_free(PCO_CALL_PARAMETERS p);
struct condis_call_params *ndis_params_to_cp(const CO_CALL_PARAMETERS *p);
void ndis_params_back(struct condis_call_params *cp, const CO_CALL_PARAMETERS *p);
void ndis_params_to_mine(PCO_CALL_PARAMETERS p, const struct condis_call_params *cp);
void ndis_slot_end(struct ndis_params_slot *slot);
PCO_CALL_PARAMETERS ndis_slot_give(struct ndis_params_slot *slot,
				   struct condis_call_params *cp);
int ndis_sap_to_desc(const CO_SAP *sap, struct condis_sap_desc *desc);
size_t ndis_sap_size(const struct condis_sap_desc *desc);
void ndis_sap_from_desc(PCO_SAP sap, const struct condis_sap_desc *desc);

#endif /* _CONDIS_NDIS_PARAMS_H */
