/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fake miniport, call manager and client (fake_roles.c).
 */
#ifndef _CONDIS_KUNIT_FAKE_ROLES_H
#define _CONDIS_KUNIT_FAKE_ROLES_H

#include <net/condis.h>

struct fake_world;

bool fake_roles_use(struct fake_world *w);
struct fake_vcslot *fake_slot(struct fake_world *w);
const struct condis_miniport_ops *condis_fake_mp_ops(void);
const struct condis_client_ops *condis_fake_client_ops(void);
const struct condis_cm_ops *condis_fake_cm_ops(void);
const struct condis_client_ops *condis_fake_client_ops_direct(void);
const struct condis_cm_ops *condis_fake_cm_ops_direct(void);

#endif /* _CONDIS_KUNIT_FAKE_ROLES_H */
