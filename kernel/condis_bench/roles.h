/* SPDX-License-Identifier: GPL-2.0 */
/* condis_bench: the bench roles (roles.c). */
#ifndef _CONDIS_BENCH_ROLES_H
#define _CONDIS_BENCH_ROLES_H

#include "bench.h"

int bench_roles_init(void);
void bench_roles_exit(void);
int bench_open_lo(void);
bool bench_is_slot(const void *ctx);

/* One call on @target: create, make (pended), close (pended), delete. */
int bench_call_make(struct bench_slot *s, enum bench_target target);
int bench_call_close(struct bench_slot *s);

#endif /* _CONDIS_BENCH_ROLES_H */
