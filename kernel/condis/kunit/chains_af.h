/* SPDX-License-Identifier: GPL-2.0 */
/* The condis_chains cases in chains_af_test.c. */
#ifndef _CONDIS_KUNIT_CHAINS_AF_H
#define _CONDIS_KUNIT_CHAINS_AF_H

struct kunit;

void af_open_close(struct kunit *test);
void af_open_unknown(struct kunit *test);
void af_mcm_displaces_cm(struct kunit *test);
void af_other_namespace(struct kunit *test);
void client_optional_handlers(struct kunit *test);
void register_under_allocation_failure(struct kunit *test);
void indications_under_allocation_failure(struct kunit *test);
void af_close_busy(struct kunit *test);
void af_notify_close(struct kunit *test);
void af_notify_close_client_closes(struct kunit *test);
void sap_register_deregister(struct kunit *test);
void sap_register_fails_pended(struct kunit *test);
void sap_offer_right_after_register(struct kunit *test);
void sap_offer_while_registering(struct kunit *test);
void sap_deregister_waits_for_offers(struct kunit *test);

#endif /* _CONDIS_KUNIT_CHAINS_AF_H */
