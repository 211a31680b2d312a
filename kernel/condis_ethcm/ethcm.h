/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_ethcm: the condis signalling engine as a stand-alone call manager
 * on condis_eth adapters (adapter-new kind "ethernet-cm"). The miniport
 * carries the CM's messages on a signalling VC of the CM's own: the
 * NdisCm* paths, where condis_eth's integrated CM uses the NdisMCm* ones.
 */
#ifndef _CONDIS_ETHCM_H
#define _CONDIS_ETHCM_H

int ethcm_init(void);
void ethcm_exit(void);

#endif /* _CONDIS_ETHCM_H */
