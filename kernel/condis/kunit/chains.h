/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The condis_chains KUnit suite (chains_test.c, with its cases in
 * chains_af_test.c and chains_call_test.c): how a case finds its world.
 */
#ifndef _CONDIS_KUNIT_CHAINS_H
#define _CONDIS_KUNIT_CHAINS_H

#include <kunit/test.h>
#include "fake_log.h"
#include "fakes.h"

/*
 * A parameterised case runs with each mode, stand-alone and integrated;
 * the call chains also with roles that declare direct completion.
 */
struct chain_param {
	enum fake_mode mode;
	bool mcm;
	bool direct;
};

static inline struct fake_world *world(struct kunit *test)
{
	const struct chain_param *p = test->param_value;

	return p->direct ? fake_world_new_direct(test, p->mcm, p->mode) :
			   fake_world_new(test, p->mcm, p->mode);
}

static inline bool pended(struct fake_world *w, enum fake_op op)
{
	return w->mode[op] == FM_PEND_PROC || w->mode[op] == FM_PEND_ATOMIC;
}

#define BEFORE(w, a, b) KUNIT_EXPECT_LT((w)->test, fake_index(w, a, 1), fake_index(w, b, 1))

#endif /* _CONDIS_KUNIT_CHAINS_H */
