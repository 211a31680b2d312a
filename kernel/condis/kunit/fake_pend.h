/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fake roles' answers, now or pended (fake_pend.c).
 */
#ifndef _CONDIS_KUNIT_FAKE_PEND_H
#define _CONDIS_KUNIT_FAKE_PEND_H

struct condis_sap;
struct fake_world;
enum fake_op;

void fake_complete(struct fake_world *w, enum fake_op op, void *h0, void *h1);
int fake_answer(struct fake_world *w, enum fake_op op, void *h0, void *h1);
void fake_report_late(struct fake_world *w);
void fake_cm_offer(struct fake_world *w, struct condis_sap *sap);

#endif /* _CONDIS_KUNIT_FAKE_PEND_H */
