/* SPDX-License-Identifier: GPL-2.0 */
/* verifier.c: the verifier: contract violations, reported */
#ifndef _CONDIS_VERIFIER_H
#define _CONDIS_VERIFIER_H

#include "internal.h"

const char *cd_type_name(enum cd_type type);
void cd_verify_report(enum condis_verifier_rule rule, const struct cd_obj *o,
		      const char *what, void *caller);
bool cd_verifier_strict(void);

#endif /* _CONDIS_VERIFIER_H */
