/* SPDX-License-Identifier: GPL-2.0 */
/* client.c: clients (NdisCl*) and their condis handlers */
#ifndef _CONDIS_NDIS_CLIENT_H
#define _CONDIS_NDIS_CLIENT_H

#include "lib.h"

extern const struct condis_client_ops ndis_client_ops;

#endif /* _CONDIS_NDIS_CLIENT_H */
