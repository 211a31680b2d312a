/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fake roles' log of handler calls (fake_log.c).
 */
#ifndef _CONDIS_KUNIT_FAKE_LOG_H
#define _CONDIS_KUNIT_FAKE_LOG_H

#include <net/condis_kunit.h>

struct fake_world;
enum fake_ev;

void fake_log(struct fake_world *w, enum fake_ev ev, int status);
void fake_log_proc(struct fake_world *w, enum fake_ev ev, int status);
int fake_count(struct fake_world *w, enum fake_ev ev);
int fake_index(struct fake_world *w, enum fake_ev ev, int nth);
int fake_status(struct fake_world *w, enum fake_ev ev, int nth);
bool fake_wait(struct fake_world *w, enum fake_ev ev, int n);
unsigned long fake_vrf_delta(struct fake_world *w, enum condis_verifier_rule r);

#define FAKE_WAIT(w, ev, n) KUNIT_ASSERT_TRUE_MSG((w)->test, fake_wait(w, ev, n), \
						  "timed out waiting for " #ev)

#endif /* _CONDIS_KUNIT_FAKE_LOG_H */
